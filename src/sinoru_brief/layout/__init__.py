"""Lay out a composed deck into pages of positioned boxes, with text measured by real fonts."""

from sinoru_brief.layout.engine import KIND_LAYOUTS, LayoutCache, layout_deck
from sinoru_brief.layout.pages import Page

__all__ = ["KIND_LAYOUTS", "LayoutCache", "Page", "layout_deck"]
