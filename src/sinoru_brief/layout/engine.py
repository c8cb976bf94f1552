"""Lay out a whole deck: each slide through its kind's function, then numbering and chrome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

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


class LayoutCache:
    """Remember each slide's pages, so an edit re-lays only the slides it changed.

    A slide's pages depend on the slide, the theme, and the numbers and short
    labels of the sources it cites (the reference slides: on all references);
    that is the key. Numbers and chrome are added to copies, never to the
    cached pages.
    """

    def __init__(self, max_entries: int = 2000):
        self._pages: dict[object, list[Page]] = {}
        self.max_entries = max_entries
        self.hits = self.misses = 0

    def key(self, ctx: LayoutContext, slide: DeckSlide) -> object:
        deck = ctx.deck
        if slide.kind == "references":
            cited: object = tuple(deck.references)
        else:
            cited = tuple((n, deck.reference(n).short) for n in slide.citations)
        return (ctx.theme, slide, cited)

    def pages(self, ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
        key = self.key(ctx, slide)
        cached = self._pages.get(key)
        if cached is None:
            self.misses += 1
            cached = layout_slide(ctx, slide)
            if len(self._pages) >= self.max_entries:
                self._pages.pop(next(iter(self._pages)))
            self._pages[key] = cached
        else:
            self.hits += 1
        return [replace(page, boxes=list(page.boxes)) for page in cached]


def layout_deck(deck: Deck, theme: Theme, progress: Callable[[int, int], None] | None = None,
                cache: LayoutCache | None = None) -> list[Page]:
    """Lay out every slide of *deck* with *theme*; number the pages and add the chrome."""
    ctx = LayoutContext(theme=theme, deck=deck)
    pages: list[Page] = []
    for index, slide in enumerate(deck.slides):
        slide_pages = cache.pages(ctx, slide) if cache else layout_slide(ctx, slide)
        for page in slide_pages:
            page.number = None if slide.kind == "title" else len(pages) + 1
            add_chrome(ctx, page, slide)
            pages.append(page)
        if progress:
            progress(index + 1, len(deck.slides))
    return pages
