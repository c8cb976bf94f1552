"""The invariant checker catches each broken promise, names the slide, and the pipeline refuses such a deck."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sinoru_brief import pipeline
from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.errors import LayoutError
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_page, check_pages
from sinoru_brief.layout.pages import Line, Paragraph, Picture, Span, TextFrame
from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


@pytest.fixture(scope="module")
def pages(real_library, theme):
    brief = Brief(title="A deck", topics=["summits", "indo-pacific"], depth="full", date=dt.date(2025, 2, 1))
    return layout_deck(compose(real_library, brief, theme.snippets), theme)


def _content_page(pages):
    """Return the bullet slide with the most lines of body text."""
    bullets = [p for p in pages if p.kind == "bullets"]
    return max(bullets, key=lambda p: sum(len(x.lines) for x in _body(p).paragraphs))


def _body(page) -> TextFrame:
    return next(f for f in page.text_frames() if f.role == "body")


def _with(page, old, new):
    return replace(page, boxes=tuple(new if b is old else b for b in page.boxes))


def test_the_fixture_deck_is_sound(pages):
    assert check_pages(pages) == []


def test_text_taller_than_its_frame_is_caught(pages):
    page = _content_page(pages)
    body = _body(page)
    found = check_page(_with(page, body, replace(body, h=body.h // 10)), 7)
    assert any("the body" in v.box and "of height" in v.message for v in found), found
    assert all(v.page == 7 and v.slide == page.key for v in found)


def test_a_line_wider_than_its_frame_is_caught(pages):
    page = _content_page(pages)
    body = _body(page)
    para = body.paragraphs[0]
    wide = replace(para, lines=(replace(para.lines[0], width=10_000.0), *para.lines[1:]))
    found = check_page(_with(page, body, replace(body, paragraphs=(wide, *body.paragraphs[1:]))))
    assert any("a line 10000.0 pt wide" in v.message for v in found)


def test_lines_that_say_other_than_the_paragraph_are_caught(pages):
    page = _content_page(pages)
    body = _body(page)
    para = max(body.paragraphs, key=lambda x: len(x.lines))
    assert len(para.lines) > 1
    cut = replace(para, lines=para.lines[:1])  # the preview would draw less than the export writes
    paragraphs = tuple(cut if x is para else x for x in body.paragraphs)
    found = check_page(_with(page, body, replace(body, paragraphs=paragraphs)))
    assert any("would export" in v.message for v in found)


def test_overlapping_content_and_chrome_are_caught(pages):
    page = _content_page(pages)
    body = _body(page)
    source = next(f for f in page.text_frames() if f.role == "source")
    found = check_page(_with(page, body, replace(body, h=source.bottom - body.y)))
    assert any("overlaps the source" in v.message for v in found)
    logo = Picture(x=body.x, y=body.y, w=inches(1), h=inches(0.5), path="logo.png", name="logo")
    found = check_page(replace(page, boxes=(*page.boxes, logo)))
    assert any("overlaps the logo" in v.message for v in found)


def test_a_box_off_the_slide_is_caught(pages):
    page = _content_page(pages)
    body = _body(page)
    found = check_page(_with(page, body, replace(body, x=page.width - inches(1))))
    assert any(v.message == "lies outside the slide" for v in found)


def test_decorations_may_cross_text(pages):
    """Rules, connectors and markers are drawn over or beside text by design: they are not frames."""
    timeline = next(p for p in pages if p.kind == "timeline")
    assert check_page(timeline) == []


def test_a_frame_with_no_room_says_so():
    span = Span("x", 12, "Calibri", "000000")
    frame = TextFrame(
        x=0,
        y=0,
        w=inches(1),
        h=0,
        role="body",
        name="body",
        paragraphs=(Paragraph(spans=(span,), lines=(Line((span,), 5.0),), line_height=14),),
    )
    from sinoru_brief.layout.pages import Page

    page = Page(
        width=inches(10), height=inches(5), kind="bullets", key="k", title="t", background="FFFFFF", boxes=(frame,)
    )
    assert "has no room" in check_page(page)[0].message


def test_the_pipeline_refuses_a_look_with_no_room_and_says_which_slide_and_why(fixture_library, theme):
    cramped = replace(theme, height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    brief = Brief(title="Fixture deck", topics=["alpha"], depth="full", date=dt.date(2025, 2, 1))
    with pytest.raises(LayoutError) as error:
        pipeline.build(brief, library=fixture_library, theme=cramped)
    message = str(error.value)
    assert "template.yaml" in message and "cannot be laid out on the template 'briefing'" in message
    assert "slide " in message and "turn off the banner" in message


def test_a_masters_edge_artwork_is_chrome_that_content_keeps_clear_of(fixture_library):
    from pathlib import Path

    from sinoru_brief.layout.invariants import master_chrome
    from sinoru_brief.theme import load_theme

    master = Path(__file__).parents[1] / "data" / "pptx-templates" / "automizer__SlideDimensions1.pptx"
    theme = load_theme("briefing", master=master)
    (strip,) = master_chrome(theme)  # the master's strip along the left edge
    assert strip.x == 0 and theme.margin_left > strip.right
    brief = Brief(title="Deck", topics=["alpha", "beta"], depth="full", date=dt.date(2025, 2, 1))
    pages = layout_deck(compose(fixture_library, brief, theme.snippets, theme.structure), theme)
    assert check_pages(pages, master_chrome(theme)) == []
    # A frame pushed onto the strip is caught.
    page = next(p for p in pages if p.kind == "bullets")
    body = _body(page)
    moved = _with(page, body, replace(body, x=0))
    assert any("overlaps the master artwork" in v.message for v in check_page(moved, 1, (strip,)))
