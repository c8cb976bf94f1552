"""The app's document: one brief being edited, and the deck it makes, in plain Python.

Qt code adapts this object; it holds no Qt types, so it is tested without a
display. Every change goes through :meth:`DeckSession.replace_brief`, which
the undo stack calls with the before and after briefs.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from sinoru_brief.brief import Brief, load_brief, reconcile, save_brief
from sinoru_brief.compose import Deck, compose
from sinoru_brief.content import Library
from sinoru_brief.layout import LayoutCache, Page, layout_deck
from sinoru_brief.theme import Theme, load_theme


@dataclass
class DeckView:
    """The composed deck and its laid-out pages, for one state of the brief."""

    deck: Deck
    pages: list[Page]
    theme: Theme

    def page_index(self, key: str) -> int | None:
        """Return the index of the first page of the slide with *key*, or None."""
        for index, page in enumerate(self.pages):
            if page.key == key:
                return index
        return None


class DeckSession:
    """A brief, where it is saved, whether it changed, and its deck (computed lazily, cached)."""

    def __init__(self, library: Library, brief: Brief | None = None, path: Path | None = None):
        self.library = library
        self.brief = brief or default_brief(library)
        self.path = path
        self.saved_brief = copy.deepcopy(self.brief)
        self._themes: dict[str, Theme] = {}
        self._layout_cache = LayoutCache()
        self._view: DeckView | None = None

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        """Whether the brief differs from what was last saved or opened."""
        return self.brief != self.saved_brief

    def snapshot(self) -> Brief:
        """Return a copy of the brief, for an undo command to restore."""
        return copy.deepcopy(self.brief)

    def replace_brief(self, brief: Brief) -> None:
        """Make *brief* (a copy is kept) the current brief; the deck is recomputed on demand."""
        self.brief = copy.deepcopy(brief)
        self._view = None

    # ------------------------------------------------------------------- deck

    def theme(self) -> Theme:
        name = self.brief.template
        if name not in self._themes:
            self._themes[name] = load_theme(name)
        return self._themes[name]

    def view(self) -> DeckView:
        """Return the deck and pages for the current brief (composed and laid out once per change)."""
        if self._view is None:
            theme = self.theme()
            if self.brief.topics:
                deck = compose(self.library, self.brief, theme.snippets)
                pages = layout_deck(deck, theme, cache=self._layout_cache)
            else:
                deck = Deck(brief=self.brief, slides=[], references=[], numbers={})
                pages = []
            self._view = DeckView(deck=deck, pages=pages, theme=theme)
        return self._view

    # ------------------------------------------------------------------ files

    def save(self, path: Path | None = None) -> Path:
        """Write the brief to *path* (or where it came from) atomically; return the path."""
        target = Path(path or self.path or "")
        if not target.name:
            raise ValueError("no path to save to")
        save_brief(self.brief, target)
        self.path = target
        self.saved_brief = copy.deepcopy(self.brief)
        return target

    @classmethod
    def open(cls, library: Library, path: Path) -> tuple[DeckSession, list[str]]:
        """Open the brief at *path*; return the session and what was dropped as no longer in the library."""
        brief = load_brief(path)
        dropped = reconcile(brief, library)
        session = cls(library, brief, Path(path))
        if dropped:
            session.saved_brief = load_brief(path)  # unsaved: the drop is a change the user should save
        return session, dropped


def default_brief(library: Library) -> Brief:
    """Return the brief a new document starts with: no topics chosen yet, standard depth."""
    return Brief(topics=[], depth="standard")
