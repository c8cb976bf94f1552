"""Long tables continue with their header repeated; long reference lists paginate; timelines never collide."""

from __future__ import annotations

import datetime as dt

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Library, PartialDate, Slide, Source, TableRow, TimelineEvent, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.pages import TableFrame, TextFrame


def _library(slide: Slide, sources: int = 1) -> Library:
    srcs = {
        f"s{i}": Source(
            id=f"s{i}",
            csl={
                "id": f"s{i}",
                "type": "webpage",
                "title": f"Source number {i}",
                "container-title": "An Outlet",
                "URL": f"https://example.org/{i}",
            },
        )
        for i in range(sources)
    }
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(slide,))
    return Library(sources=srcs, topics=[topic])


def _pages(library: Library, theme):
    deck = compose(library, Brief(topics=["t"], depth="full", date=dt.date(2025, 2, 1)), theme.snippets)
    return layout_deck(deck, theme)


def test_long_table_splits_by_rows_with_the_header_repeated(theme):
    rows = tuple(
        TableRow(
            cells=(
                f"Event {i}",
                "A long description of where it happened and with whom, which takes two lines in its column",
                f"{2000 + i}",
            ),
            cite=("s0",),
        )
        for i in range(30)
    )
    slide = Slide(
        id="tbl",
        kind="table",
        title="Many rows",
        priority=1,
        notes="n",
        topic_id="t",
        columns=("Name", "Where", "Year"),
        rows=rows,
    )
    pages = [p for p in _pages(_library(slide), theme) if p.key == "tbl"]
    assert len(pages) >= 2
    seen = []
    for page in pages:
        table = next(b for b in page.boxes if isinstance(b, TableFrame))
        header = [c.paragraphs[0].text for c in table.rows[0]]
        assert header == ["Name", "Where", "Year"]
        seen.extend(row[0].paragraphs[0].text for row in table.rows[1:])
        assert table.bottom <= page.height
    assert seen == [f"Event {i}" for i in range(30)]  # every row once, in order


def test_reference_list_paginates(theme):
    bullets_cite = tuple(f"s{i}" for i in range(60))
    from sinoru_brief.content.models import Bullet

    slide = Slide(
        id="b",
        kind="bullets",
        title="Many sources",
        priority=1,
        notes="n",
        topic_id="t",
        bullets=tuple(Bullet(text=f"Claim {i}", cite=(s,)) for i, s in enumerate(bullets_cite[:12])),
        cite=bullets_cite,
    )
    pages = [p for p in _pages(_library(slide, sources=60), theme) if p.kind == "references"]
    assert len(pages) >= 2
    numbers = []
    for page in pages:
        body = next(f for f in page.text_frames() if f.role == "body")
        numbers.extend(int(p.text.split(".", 1)[0]) for p in body.paragraphs)
    assert numbers == list(range(1, 61))


def test_timeline_labels_never_overlap(theme):
    events = tuple(
        TimelineEvent(date=PartialDate(2024, m, 1), label=f"Something notable happened in month {m}", cite=("s0",))
        for m in range(1, 13)
    )
    slide = Slide(id="tl", kind="timeline", title="A busy year", priority=1, notes="n", topic_id="t", events=events)
    pages = [p for p in _pages(_library(slide), theme) if p.key == "tl"]
    labels_seen = 0
    for page in pages:
        labels = [b for b in page.boxes if isinstance(b, TextFrame) and b.role == "label"]
        labels_seen += len(labels)
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                apart = a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y
                assert apart, (a.text, b.text)
    assert labels_seen == 12


def test_a_split_table_says_which_rows_each_slide_shows(theme):
    rows = tuple(
        TableRow(
            cells=(
                f"Event {i}",
                "A long description of where it happened and with whom, which takes two lines in its column",
                f"{2000 + i}",
            ),
            cite=("s0",),
        )
        for i in range(30)
    )
    slide = Slide(
        id="tbl",
        kind="table",
        title="Many rows",
        priority=1,
        notes="n",
        topic_id="t",
        columns=("Name", "Where", "Year"),
        rows=rows,
    )
    tables = [b for p in _pages(_library(slide), theme) if p.key == "tbl" for b in p.boxes if isinstance(b, TableFrame)]
    assert tables[0].alt_text.startswith("Table, Many rows: rows 1 to ")
    assert tables[-1].alt_text.endswith("of 30, with columns Name, Where, Year.")
