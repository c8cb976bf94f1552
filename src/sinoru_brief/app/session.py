"""The app's document: one brief being edited, and the deck it makes, in plain Python.

Qt code adapts this object; it holds no Qt types, so it is tested without a
display. Every change goes through :meth:`DeckSession.replace_brief`, which
the undo stack calls with the before and after briefs, or
:meth:`DeckSession.set_theme_override`, for a look being edited in the theme
editor and not yet saved as a template.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from sinoru_brief.brief import Brief, load_brief, reconcile, save_brief
from sinoru_brief.brief.model import DEFAULT_STYLE, DEFAULT_TEMPLATE
from sinoru_brief.compose import Deck, compose
from sinoru_brief.content import Library
from sinoru_brief.errors import TemplateError
from sinoru_brief.layout import LayoutCache, Page, layout_deck
from sinoru_brief.layout.invariants import check_pages, layout_error, master_chrome
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
        self._theme_override: Theme | None = None
        #: Why the brief's template could not be used (the default look is shown instead), or "".
        self.theme_problem = ""
        #: Why the brief's citation style could not be used (the default style is used instead), or "".
        self.style_problem = ""
        #: Which slides the look leaves no room for, and why (they are shown but cannot be exported), or "".
        self.layout_problem = ""
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

    @property
    def theme_override(self) -> Theme | None:
        """The look edited in the theme editor and not saved as a template, or None."""
        return self._theme_override

    def set_theme_override(self, theme: Theme | None) -> None:
        """Lay the deck out with *theme* instead of the brief's template (None: the template again)."""
        if theme != self._theme_override:
            self._theme_override = theme
            self._view = None  # layout depends on every part of the theme

    def forget_template(self, name: str) -> None:
        """Drop the cached theme of the template *name*, after it was saved over or deleted."""
        self._themes.pop(name, None)
        self._view = None

    # ------------------------------------------------------------------- deck

    def template_theme(self) -> Theme:
        """Return the brief's template as saved; the default template if it cannot be loaded.

        A brief outlives its template (a user template deleted, a folder
        moved): the deck is then shown in the default look and
        :attr:`theme_problem` says why, rather than the document failing to open.
        """
        name = self.brief.template
        if name not in self._themes:
            try:
                self._themes[name] = load_theme(name)
            except TemplateError as exc:
                if name == DEFAULT_TEMPLATE:
                    raise
                self.theme_problem = str(exc)
                return self._default_theme()
        self.theme_problem = ""
        return self._themes[name]

    def _default_theme(self) -> Theme:
        if DEFAULT_TEMPLATE not in self._themes:
            self._themes[DEFAULT_TEMPLATE] = load_theme(DEFAULT_TEMPLATE)
        return self._themes[DEFAULT_TEMPLATE]

    def theme(self) -> Theme:
        """Return the theme the deck is laid out with: the editor's unsaved look, or the brief's template."""
        return self._theme_override or self.template_theme()

    def view(self) -> DeckView:
        """Return the deck and pages for the current brief (composed and laid out once per change)."""
        if self._view is None:
            theme = self.theme()
            if self.brief.topics:
                deck = self._compose(theme)
                pages = layout_deck(deck, theme, cache=self._layout_cache)
                violations = check_pages(pages, master_chrome(theme))
                # Shown, never exported: the export goes through the pipeline, which refuses it.
                self.layout_problem = str(layout_error(violations, theme)) if violations else ""
            else:
                self.layout_problem = ""
                deck = Deck(brief=self.brief, slides=[], references=[], numbers={})
                pages = []
            self._view = DeckView(deck=deck, pages=pages, theme=theme)
        return self._view

    def _compose(self, theme: Theme) -> Deck:
        """Compose the brief; in the default citation style if the brief's cannot be used (a moved .csl file).

        Any other failure (a template's text) fails with the default style too
        and is raised as it was.
        """
        try:
            deck = compose(self.library, self.brief, theme.snippets, theme.structure)
        except TemplateError as exc:
            if self.brief.style == DEFAULT_STYLE:
                raise
            brief = copy.copy(self.brief)
            brief.style = DEFAULT_STYLE
            try:
                deck = compose(self.library, brief, theme.snippets, theme.structure)
            except TemplateError:
                raise exc from None
            self.style_problem = str(exc)
            return deck
        self.style_problem = ""
        return deck

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
