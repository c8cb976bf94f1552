"""The footer stays on one line, and timeline labels get the room their text needs, or say so in the notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Library, PartialDate, Slide, Source, TimelineEvent, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages
from sinoru_brief.theme import load_theme

MASTERS = Path(__file__).parents[1] / "data" / "pptx-templates"
LONG_TITLE = (
    "The Sino-Russian partnership, cooperation without coordination: a briefing for the committee on "
    "the Arctic, energy and the Indo-Pacific, January 2025"
)


def _library(slides: tuple[Slide, ...]) -> Library:
    sources = {"s": Source(id="s", csl={"id": "s", "type": "webpage", "title": "A source"})}
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=slides)
    return Library(sources=sources, topics=[topic])


@pytest.mark.parametrize("master", [None, "pandoc__default-reference.pptx", "officer__template.pptx"])
def test_a_long_deck_title_keeps_the_footer_on_one_line(fixture_library, master):
    theme = load_theme("briefing", master=MASTERS / master if master else None)
    brief = Brief(title=LONG_TITLE, topics=["alpha"], depth="full", date=dt.date(2025, 2, 1))
    pages = layout_deck(compose(fixture_library, brief, theme.snippets), theme)
    assert not check_pages(pages)
    footers = [f for p in pages for f in p.text_frames() if f.role == "footer"]
    assert footers
    for footer in footers:
        assert len(footer.paragraphs) == 1 and len(footer.paragraphs[0].lines) == 1
        size = footer.paragraphs[0].spans[0].size
        assert theme.sizes.footer - 2 <= size <= theme.sizes.footer
        text = footer.paragraphs[0].text
        assert text == LONG_TITLE or (text.endswith("…") and LONG_TITLE.startswith(text[:-1].rstrip()))
    # The title slide keeps the title whole.
    title = next(f for f in pages[0].text_frames() if f.role == "title")
    assert title.text == LONG_TITLE


def test_long_timeline_labels_get_room_or_are_shortened_alike_with_the_full_text_in_the_notes():
    theme = load_theme("briefing", master=MASTERS / "pandoc__default-reference.pptx")
    label = "Leaders meet and sign a long joint statement on deepening the partnership in a new era " * 2
    events = tuple(TimelineEvent(PartialDate(2014 + i, 5), f"{label.strip()} ({i})", ("s",)) for i in range(8))
    huge = TimelineEvent(PartialDate(2025, 1), "An event whose label runs on and on " * 80, ("s",))
    slide = Slide(
        id="tl",
        kind="timeline",
        title="Summits",
        priority=1,
        notes="Speaker notes.",
        topic_id="t",
        events=(*events, huge),
    )
    pages = [
        p
        for p in layout_deck(compose(_library((slide,)), Brief(topics=["t"], depth="full"), theme.snippets), theme)
        if p.key == "tl"
    ]
    assert not check_pages(pages)
    labels = [f for p in pages for f in p.text_frames() if f.role == "label"]
    assert len(labels) == len(events) + 1  # every event is drawn somewhere
    shortened = [f for f in labels if f.text.rstrip("0123456789,").endswith("…")]
    # Ordinary long labels fit (more pages, fewer events each); only the huge one is cut...
    assert len(shortened) == 1 and "runs on and on" in shortened[0].text
    # ...keeping its citation marker, and the notes of its page carry it whole.
    assert shortened[0].paragraphs[-1].spans[-1].superscript
    page = next(p for p in pages if any(f is shortened[0] for f in p.text_frames()))
    assert "Speaker notes." in page.notes and huge.label.strip()[:200] in page.notes


def test_on_a_master_our_accent_rule_and_section_band_are_not_added(fixture_library):
    brief = Brief(title="Deck", topics=["alpha", "beta"], depth="full", date=dt.date(2025, 2, 1))

    def decorations(theme):
        pages = layout_deck(compose(fixture_library, brief, theme.snippets, theme.structure), theme)
        return {b.name for p in pages for b in p.boxes if b.name in ("title rule", "section band")}

    assert decorations(load_theme("briefing")) == {"title rule", "section band"}
    assert decorations(load_theme("briefing", master=MASTERS / "officer__template.pptx")) == set()
