"""Lay out a whole deck: each slide through its kind's function, then numbering and chrome."""

from __future__ import annotations

from collections.abc import Callable

from sinoru_brief.compose.deck import Deck, DeckSlide
from sinoru_brief.errors import LayoutError, Problem
from sinoru_brief.layout.chrome import add_chrome
from sinoru_brief.layout.context import LayoutContext
from sinoru_brief.layout.kinds.chart import layout_chart
from sinoru_brief.layout.kinds.generated import (
    layout_agenda, layout_closing, layout_references, layout_section, layout_title,
)
from sinoru_brief.layout.kinds.table import layout_table
from sinoru_brief.layout.kinds.text import layout_bullets, layout_comparison, layout_key_judgments, layout_quote
from sinoru_brief.layout.kinds.timeline import layout_timeline
from sinoru_brief.layout.pages import Page
from sinoru_brief.theme.model import Theme
from sinoru_brief.yamlio.schema import did_you_mean

KindLayout = Callable[[LayoutContext, DeckSlide], list[Page]]

#: Slide kind -> the function that lays it out.
KIND_LAYOUTS: dict[str, KindLayout] = {
    "title": layout_title,
    "agenda": layout_agenda,
    "section": layout_section,
    "bullets": layout_bullets,
    "key_judgments": layout_key_judgments,
    "quote": layout_quote,
    "comparison": layout_comparison,
    "chart": layout_chart,
    "table": layout_table,
    "timeline": layout_timeline,
    "references": layout_references,
    "closing": layout_closing,
}


def layout_slide(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    """Lay out one deck slide (one or more pages, without numbers or chrome)."""
    try:
        kind_layout = KIND_LAYOUTS[slide.kind]
    except KeyError:
        origin = slide.slide.origin if slide.slide else None
        raise LayoutError(Problem(origin.file if origin else None,
                                  f"slide '{slide.key}' has unknown kind '{slide.kind}'",
                                  line=origin.line if origin else None, key_path="kind",
                                  hint=did_you_mean(slide.kind, KIND_LAYOUTS)
                                  or f"use one of {', '.join(KIND_LAYOUTS)}")) from None
    return kind_layout(ctx, slide)


def layout_deck(deck: Deck, theme: Theme, progress: Callable[[int, int], None] | None = None) -> list[Page]:
    """Lay out every slide of *deck* with *theme*; number the pages and add the chrome."""
    ctx = LayoutContext(theme=theme, deck=deck)
    pages: list[Page] = []
    for index, slide in enumerate(deck.slides):
        slide_pages = layout_slide(ctx, slide)
        for page in slide_pages:
            page.number = None if slide.kind == "title" else len(pages) + 1
            add_chrome(ctx, page, slide)
            pages.append(page)
        if progress:
            progress(index + 1, len(deck.slides))
    return pages
