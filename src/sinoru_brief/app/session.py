"""The app's document: one brief being edited, and the deck it makes, in plain Python.

Qt code adapts this object; it holds no Qt types, so it is tested without a
display. Every change goes through :meth:`DeckSession.replace_brief`, which
the undo stack calls with the before and after briefs, or
:meth:`DeckSession.set_theme_override`, for a look being edited in the theme
editor (kept in the brief as its ``look:``, so it is saved and autosaved with it).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from sinoru_brief.brief import Brief, load_brief, reconcile, save_brief
from sinoru_brief.brief.look import apply_look, look_between
from sinoru_brief.brief.model import DEFAULT_STYLE, DEFAULT_TEMPLATE
from sinoru_brief.compose import Deck
from sinoru_brief.content import Library
from sinoru_brief.errors import TemplateError
from sinoru_brief.pipeline import Build, BuildCache, DeckDoesNotFit, build
from sinoru_brief.theme import Theme


class DeckSession:
    """A brief, where it is saved, whether it changed, and its deck (built lazily through the pipeline)."""

    def __init__(self, library: Library, brief: Brief | None = None, path: Path | None = None,
                 cache: BuildCache | None = None):
        #: What the builds of this document reuse: the loaded library, its themes, its laid-out slides.
        self.cache = cache if cache is not None else BuildCache(library)
        if self.cache.library is not library:
            raise ValueError("the session's cache holds another library")
        self.brief = brief or default_brief(library)
        self.path = path
        self.saved_brief = copy.deepcopy(self.brief)
        #: Why the brief's template could not be used (the default look is shown instead), or "".
        self.theme_problem = ""
        #: Why the brief's citation style could not be used (the default style is used instead), or "".
        self.style_problem = ""
        #: Which slides the look leaves no room for, and why (they are shown but cannot be exported), or "".
        self.layout_problem = ""
        self._view: Build | None = None

    @property
    def library(self) -> Library:
        """The library the brief draws on."""
        return self.cache.library

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        """Whether the brief differs from what was last saved or opened."""
        return self.brief != self.saved_brief

    def snapshot(self) -> Brief:
        """Return a copy of the brief, for an undo command to restore."""
        return copy.deepcopy(self.brief)

    def replace_brief(self, brief: Brief) -> None:
        """Make *brief* (a copy is kept) the current brief; the deck is rebuilt on demand."""
        self.brief = copy.deepcopy(brief)
        self._view = None

    @property
    def theme_override(self) -> Theme | None:
        """The look edited in the theme editor for this deck: the brief's ``look:`` over its template, or None."""
        return apply_look(self.template_theme(), self.brief.look) if self.brief.look else None

    def set_theme_override(self, theme: Theme | None) -> None:
        """Lay the deck out with *theme* instead of the brief's template (None: the template again).

        The brief keeps what *theme* changes of the template as its look, so
        saving the brief (or the autosave) keeps the look too.
        """
        if theme != self.theme_override:
            self.brief.look = self.look_of(theme)
            self._view = None  # layout depends on every part of the theme

    def look_of(self, theme: Theme | None) -> dict[str, Any]:
        """Return what *theme* changes of the brief's template, as the brief keeps it ({} for None)."""
        return look_between(self.template_theme(), theme) if theme is not None else {}

    def forget_template(self, name: str) -> None:
        """Drop the cached theme of the template *name*, after it was saved over or deleted."""
        self.cache.forget_template(name)
        self._view = None

    # ------------------------------------------------------------------- deck

    def template_theme(self) -> Theme:
        """Return the brief's template as saved; the default template if it cannot be loaded.

        A brief outlives its template (a user template deleted, a folder
        moved): the deck is then shown in the default look and
        :attr:`theme_problem` says why, rather than the document failing to open.
        """
        try:
            theme = self.cache.theme(self.brief.template)
        except TemplateError as exc:
            if self.brief.template == DEFAULT_TEMPLATE:
                raise
            self.theme_problem = str(exc)
            return self.cache.theme(DEFAULT_TEMPLATE)
        self.theme_problem = ""
        return theme

    def theme(self) -> Theme:
        """Return the theme the deck is laid out with: the editor's unsaved look, or the brief's template."""
        return self.theme_override or self.template_theme()

    def view(self) -> Build:
        """Return the deck and pages for the current brief (built once per change, through the pipeline)."""
        if self._view is None:
            theme = self.theme()
            self.layout_problem = ""
            if not self.brief.topics:
                # No topics yet is a new document, not an error: an empty deck, which the pipeline would refuse.
                deck = Deck(brief=self.brief, slides=[], references=[], numbers={})
                self._view = Build(library=self.library, theme=theme, deck=deck, pages=[])
            else:
                try:
                    self._view = self._build(theme)
                except DeckDoesNotFit as exc:
                    # Shown, never exported: the export refuses a deck with a layout problem.
                    self.layout_problem = str(exc)
                    self._view = exc.build
        return self._view

    def _build(self, theme: Theme) -> Build:
        """Build the brief; in the default citation style if the brief's cannot be used (a moved .csl file).

        Any other failure (a template's text) fails with the default style too
        and is raised as it was.
        """
        self.style_problem = ""
        try:
            return build(self.brief, self.cache, theme=theme)
        except TemplateError as exc:
            if self.brief.style == DEFAULT_STYLE:
                raise
            brief = copy.copy(self.brief)
            brief.style = DEFAULT_STYLE
            # Said before the second build, which may yet find the deck does not fit.
            self.style_problem = str(exc)
            try:
                return build(brief, self.cache, theme=theme)
            except TemplateError:
                raise exc from None

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
