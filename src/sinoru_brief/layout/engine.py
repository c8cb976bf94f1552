"""Lay out a whole deck: each slide through its kind's function, then numbering and chrome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sinoru_brief.compose.deck import Deck, DeckSlide
from sinoru_brief.errors import LayoutError, Problem
from sinoru_brief.layout.chrome import add_chrome
from sinoru_brief.layout.collector import collector_paused
from sinoru_brief.layout.context import LayoutContext
from sinoru_brief.layout.fonts import save_widths
from sinoru_brief.layout.kinds.chart import layout_chart, layout_key_figures
from sinoru_brief.layout.kinds.generated import (
    layout_agenda,
    layout_closing,
    layout_references,
    layout_section,
    layout_title,
)
from sinoru_brief.layout.kinds.sources import layout_sources
from sinoru_brief.layout.kinds.table import layout_table
from sinoru_brief.layout.kinds.text import (
    layout_bullets,
    layout_comparison,
    layout_key_judgments,
    layout_quote,
    natural_text_scale,
)
from sinoru_brief.layout.kinds.timeline import layout_timeline
from sinoru_brief.layout.pages import Page, PageDraft
from sinoru_brief.layout.typescale import SCALED_KINDS, deck_scale
from sinoru_brief.theme.model import Theme
from sinoru_brief.yamlio.schema import did_you_mean

KindLayout = Callable[[LayoutContext, DeckSlide], list[PageDraft]]

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
    "key_figures": layout_key_figures,
    "table": layout_table,
    "timeline": layout_timeline,
    "references": layout_references,
    "sources": layout_sources,
    "closing": layout_closing,
}


def layout_slide(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    """Lay out one deck slide (one or more finished pages, without numbers or chrome)."""
    try:
        kind_layout = KIND_LAYOUTS[slide.kind]
    except KeyError:
        origin = slide.slide.origin if slide.slide else None
        raise LayoutError(
            Problem(
                origin.file if origin else None,
                f"slide '{slide.key}' has unknown kind '{slide.kind}'",
                line=origin.line if origin else None,
                key_path="kind",
                hint=did_you_mean(slide.kind, KIND_LAYOUTS) or f"use one of {', '.join(KIND_LAYOUTS)}",
            )
        ) from None
    return [draft.freeze() for draft in kind_layout(ctx, slide)]


class LayoutCache:
    """Remember each slide's pages, so an edit re-lays only the slides it changed.

    A slide's pages depend on the slide, the theme, and the numbers and short
    labels of the sources it cites (the reference slides: on all references);
    that is the key. Pages are frozen, so the cached ones are handed out as
    they are; numbers and chrome go on new pages made from them.
    """

    def __init__(self, max_entries: int = 2000):
        self._pages: dict[object, list[Page]] = {}
        self._scales: dict[object, float] = {}
        self.max_entries = max_entries
        self.hits = self.misses = 0

    def key(self, ctx: LayoutContext, slide: DeckSlide) -> object:
        deck = ctx.deck
        if slide.kind == "references":
            cited: object = tuple(deck.references)
        else:
            cited = tuple((n, deck.reference(n).short) for n in slide.citations)
        return (ctx.theme, ctx.text_scale if slide.kind in SCALED_KINDS else None, slide, cited)

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
        return list(cached)

    def natural_scale(self, ctx: LayoutContext, slide: DeckSlide) -> float:
        """Return *slide*'s natural text scale, measured once per key."""
        key = ("natural", self.key(replace(ctx, text_scale=None), slide))
        if key not in self._scales:
            if len(self._scales) >= self.max_entries:
                self._scales.pop(next(iter(self._scales)))
            self._scales[key] = natural_text_scale(ctx, slide)
        return self._scales[key]


def layout_deck(
    deck: Deck, theme: Theme, progress: Callable[[int, int], None] | None = None, cache: LayoutCache | None = None
) -> list[Page]:
    """Lay out every slide of *deck* with *theme*; number the pages and add the chrome.

    Text slides share one body size (see :mod:`layout.typescale`): each
    says at which scale it would fit, the deck picks one, and all are laid
    out at it.
    """
    with collector_paused():  # see layout.collector: full collections cost more than the layout
        return _layout_deck(deck, theme, progress, cache)


def _layout_deck(
    deck: Deck, theme: Theme, progress: Callable[[int, int], None] | None, cache: LayoutCache | None
) -> list[Page]:
    ctx = LayoutContext(theme=theme, deck=deck)
    text_slides = [s for s in deck.slides if s.kind in SCALED_KINDS and s.slide is not None]
    natural = [cache.natural_scale(ctx, s) if cache else natural_text_scale(ctx, s) for s in text_slides]
    ctx.text_scale = deck_scale(natural, theme.sizes.body)
    pages: list[Page] = []
    for index, slide in enumerate(deck.slides):
        slide_pages = cache.pages(ctx, slide) if cache else layout_slide(ctx, slide)
        for page in slide_pages:
            draft = page.draft()
            draft.number = None if slide.kind == "title" else len(pages) + 1
            add_chrome(ctx, draft, slide)
            pages.append(draft.freeze())
        if progress:
            progress(index + 1, len(deck.slides))
    save_widths()  # the next process measures only text it has not seen
    return pages
