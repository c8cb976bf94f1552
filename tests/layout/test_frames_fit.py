"""Every text frame layout produces holds its text: no line too wide, no frame too tall, all on the slide."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Bullet, Library, Slide, Source, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.pages import Page, TableFrame, TextFrame
from sinoru_brief.units import EMU_PER_POINT

TOLERANCE_PT = 0.01


def assert_page_fits(page: Page) -> None:
    """Assert every frame on *page* is inside the slide and every text inside its frame."""
    for box in page.boxes:
        assert box.x >= 0 and box.y >= 0, (page.key, box.name)
        assert box.right <= page.width and box.bottom <= page.height, (page.key, box.name, box)
        if isinstance(box, TextFrame):
            inner_w = (box.w - box.insets.left - box.insets.right) / EMU_PER_POINT
            inner_h = (box.h - box.insets.top - box.insets.bottom) / EMU_PER_POINT
            assert box.text_height() <= inner_h + TOLERANCE_PT, (page.key, box.role, box.text_height(), inner_h)
            for para in box.paragraphs:
                for line in para.lines:
                    assert line.width <= inner_w - para.indent / EMU_PER_POINT + TOLERANCE_PT, (
                        page.key,
                        box.role,
                        line,
                    )
        if isinstance(box, TableFrame):
            assert sum(box.row_heights) <= page.height
            for row, height in zip(box.rows, box.row_heights, strict=True):
                for cell, width in zip(row, box.column_widths, strict=True):
                    text_h = sum(p.height for p in cell.paragraphs) - (
                        cell.paragraphs[0].space_before if cell.paragraphs else 0
                    )
                    inner_h = (height - box.cell_insets.top - box.cell_insets.bottom) / EMU_PER_POINT
                    assert text_h <= inner_h + TOLERANCE_PT
                    inner_w = (width - box.cell_insets.left - box.cell_insets.right) / EMU_PER_POINT
                    assert all(line.width <= inner_w + TOLERANCE_PT for p in cell.paragraphs for line in p.lines)


def test_full_library_deck_fits(real_library, theme):
    brief = Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1))
    pages = layout_deck(compose(real_library, brief, theme.snippets), theme)
    for page in pages:
        assert_page_fits(page)


def test_body_text_never_below_theme_floor(real_library, theme):
    brief = Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1))
    pages = layout_deck(compose(real_library, brief, theme.snippets), theme)
    floor = min(
        theme.sizes.sub.minimum, theme.sizes.table.minimum, theme.sizes.source.minimum, theme.sizes.reference.minimum
    )
    for page in pages:
        for frame in page.text_frames():
            for para in frame.paragraphs:
                for span in para.spans:
                    assert span.size >= floor, (page.key, frame.role, span)
                    if frame.role == "body" and para.level == 0 and page.kind in ("bullets", "key_judgments"):
                        assert span.size >= theme.sizes.body.minimum


_WORD = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x7FF), min_size=1, max_size=40
)
_CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=30)
_TEXT = (
    st.lists(
        st.one_of(_WORD, _WORD, _WORD, _CJK, st.sampled_from(["—", "-", "well-known", "«»", "1,234"])),
        min_size=1,
        max_size=90,
    )
    .map(" ".join)
    .map(lambda s: s[:600])
)


def _library(bullets: list[list[str]]) -> Library:
    source = Source(id="s", csl={"id": "s", "type": "webpage", "title": "T"})
    slide = Slide(
        id="p",
        kind="bullets",
        title="A generated slide",
        priority=1,
        notes="n",
        topic_id="t",
        bullets=tuple(
            Bullet(text=b[0], cite=("s",), sub=tuple(Bullet(text=x, cite=("s",)) for x in b[1:])) for b in bullets
        ),
    )
    topic = Topic(id="t", title="Generated", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(slide,))
    return Library(sources={"s": source}, topics=[topic])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_TEXT, min_size=1, max_size=4), min_size=1, max_size=12))
def test_random_bullets_always_fit(theme, bullets):
    library = _library(bullets)
    deck = compose(library, Brief(topics=["t"], depth="full", date=dt.date(2025, 2, 1)), theme.snippets)
    pages = layout_deck(deck, theme)
    for page in pages:
        assert_page_fits(page)
    # Every claim appears on some page, in order: nothing was dropped by the split.
    body_text = " ".join(f.text for p in pages if p.kind == "bullets" for f in p.text_frames() if f.role == "body")
    for group in bullets:
        for text in group:
            assert " ".join(text.split())[:20] in body_text.replace("\n", " ")


def test_long_slide_continues_on_cont_pages(theme):
    claim = (
        "Claim number %d is a long sentence that takes most of a line on a wide slide, and then it "
        "goes on for a good while longer, so that at the smallest allowed size it still needs two lines."
    )
    bullets = [[claim % i] for i in range(12)]
    deck = compose(_library(bullets), Brief(topics=["t"], depth="full"), theme.snippets)
    pages = [p for p in layout_deck(deck, theme) if p.kind == "bullets"]
    assert len(pages) >= 2
    assert [p.continued for p in pages] == list(range(len(pages)))
    titles = [next(f for f in p.text_frames() if f.role == "title").text for p in pages]
    assert titles[0] == "A generated slide"
    # Every page's title is unique: (cont.), (cont. 2), (cont. 3) ...
    assert titles[1:] == ["A generated slide (cont.)"] + [
        f"A generated slide (cont. {n})" for n in range(2, len(titles))
    ]


def test_unknown_kind_is_a_clear_error(fixture_library, fixture_brief, theme):
    from dataclasses import replace

    from sinoru_brief.errors import LayoutError

    deck = compose(fixture_library, fixture_brief, theme.snippets)
    bad = replace(deck.slides[3], kind="pyramid")
    deck.slides[3] = bad
    with pytest.raises(LayoutError) as error:
        layout_deck(deck, theme)
    message = str(error.value)
    assert "unknown kind 'pyramid'" in message
    assert "alpha.yaml" in message
