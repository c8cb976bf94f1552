"""Connect the plain-Python session to Qt: signals on change, an undo stack for every edit.

An undo step restores the brief and the theme editor's unsaved look
together: choosing another template drops the look edited for the old one,
and undoing that choice brings the look back. Opening, closing or
reloading a library keeps the history: each step is carried over to the
new library (:meth:`DeckController.switch_library`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from sinoru_brief.app.background_build import BackgroundBuilder
from sinoru_brief.app.session import DeckSession
from sinoru_brief.app.titles import UNDO, quoted
from sinoru_brief.app.undo_steps import BriefCommand, carry_over
from sinoru_brief.brief import Brief, BriefBullet, BriefFigure
from sinoru_brief.brief import edits as brief_edits
from sinoru_brief.brief.positions import position_label
from sinoru_brief.pipeline import Build
from sinoru_brief.theme import Theme

#: Passed as *theme* to :meth:`DeckController.edit`: the edit leaves the unsaved look as it is.
KEEP = object()


class DeckController(QObject):
    """Own the session and its undo stack; tell views when the brief or the deck changed."""

    briefChanged = Signal()  # noqa: N815 - Qt naming; the brief or the look changed: the deck is new
    #: The brief changed (an edit, undo, redo, or another document); its deck may still be building, and
    #: briefChanged follows when it is ready. What shows or keeps the brief itself listens to this one.
    briefEdited = Signal()  # noqa: N815 - Qt naming
    themeChanged = Signal()  # noqa: N815 - the look (template or unsaved edits) may have changed
    dirtyChanged = Signal(bool)  # noqa: N815
    pathChanged = Signal()  # noqa: N815
    #: A sentence for the status bar about the document just opened or switched (a logo gone, steps dropped).
    notice = Signal(str)

    def __init__(self, session: DeckSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.restacking = False  # the undo history is being rebuilt: its steps are not applied again
        self._dirty = session.dirty
        #: Lays out a new look's deck off the GUI thread; briefChanged follows when it arrives.
        self.builder = BackgroundBuilder(self)
        self.builder.built.connect(self.briefChanged)

    # ----------------------------------------------------------------- access

    @property
    def brief(self) -> Brief:
        return self.session.brief

    def view(self) -> Build:
        """Return the current deck (waiting for a build of it running in the background)."""
        return self.session.view()

    def shown(self) -> Build:
        """Return the deck on show: the previous one while the current one builds in the background."""
        return self.session.shown()

    # ---------------------------------------------------------------- editing

    def edit(self, text: str, change: Callable[[Brief], Brief], merge_key: str = "", theme: object = KEEP) -> None:
        """Make the brief *change* returns (an edit of :mod:`sinoru_brief.brief.edits`) one undoable step named *text*.

        *change* is given the brief as it is and returns the brief to have
        after the step, leaving the one it was given unchanged. The unsaved
        look stays, unless the template changes (the look was edited from the
        old one) or *theme* gives the look to have after it.
        """
        before = self.session.snapshot()
        after = change(before)
        theme_before = self.session.theme_override
        theme_after: Theme | None
        if theme is KEEP:
            theme_after = None if after.template != before.template else theme_before
        elif theme is None or isinstance(theme, Theme):
            theme_after = theme
        else:
            raise TypeError(f"edit() takes a Theme, None or KEEP as theme, not {type(theme).__name__}")
        if after == before and theme_after == theme_before:
            return
        self.undo_stack.push(BriefCommand(self, before, after, text, merge_key, theme_before, theme_after))

    def set_theme(self, theme: Theme | None, text: str, merge_key: str = "") -> None:
        """Make *theme* the deck's look (None: the template's own) as one undoable step named *text*.

        The step's brief holds the look too, so a change set back by hand is
        no step at all, and saving the brief keeps the look.
        """
        look = self.session.look_of(theme)
        self.edit(
            text,
            lambda b: brief_edits.set_look(b, look),
            merge_key=f"theme:{merge_key}" if merge_key else "",
            theme=theme,
        )

    def _apply(self, brief: Brief, theme: Theme | None = None, typed: bool = False) -> None:
        """Make *brief* and *theme* the session's state and redraw the deck.

        *typed* marks one key of a run of typing (an edit that merges with the
        one before it): its deck is built off the GUI thread, because composing,
        chroming and checking the whole deck after every key took about 100 ms
        at full depth, and the keys waited behind it. The panels show the
        previous deck until the new one arrives (``briefChanged`` follows it).
        """
        themed = brief.template != self.session.brief.template or theme != self.session.theme_override
        self.session.replace_brief(brief)
        self.session.set_theme_override(theme)
        self.briefEdited.emit()
        if themed:
            self.themeChanged.emit()
        if themed or typed:
            # Off the GUI thread (a new look lays out every slide), the panels showing the old deck until then.
            self.builder.request(self.session)
        else:
            self.briefChanged.emit()
        self._update_dirty()

    def refresh_templates(self, *names: str) -> None:
        """Reload the templates *names* from disk (saved over or deleted) and redraw the deck."""
        for name in names:
            self.session.forget_template(name)
        self.themeChanged.emit()
        self.builder.request(self.session)

    def _update_dirty(self) -> None:
        if self.session.dirty != self._dirty:
            self._dirty = self.session.dirty
            self.dirtyChanged.emit(self._dirty)

    def replace_session(self, session: DeckSession) -> None:
        """Switch to another document (New or Open): the undo history starts afresh."""
        self.undo_stack.clear()
        self._adopt(session)

    def switch_library(self, session: DeckSession) -> list[str]:
        """Switch to *session*, the same document on another library, keeping the undo history.

        Each step is carried over to the new library (see
        :func:`~sinoru_brief.app.undo_steps.carry_over`); return the names
        of the steps dropped because they would change nothing there.
        """
        dropped = carry_over(self, session.library)
        self._adopt(session)
        return dropped

    def _adopt(self, session: DeckSession) -> None:
        """Make *session* the document shown, and tell every view."""
        self.builder.forget()  # a build of the old document's look is not shown
        self.session = session
        self.themeChanged.emit()
        self.briefEdited.emit()
        self.briefChanged.emit()
        self.pathChanged.emit()
        self._dirty = not self.session.dirty
        self._update_dirty()
        if session.look_problem:
            self.notice.emit(session.look_problem)

    def mark_saved(self) -> None:
        self.undo_stack.setClean()
        self.pathChanged.emit()
        self._update_dirty()

    # ------------------------------------------------------- named edits

    def set_topics(self, topics: list[str]) -> None:
        self.edit("Choose topics", lambda b: brief_edits.set_topics(b, topics))

    def toggle_topic(self, topic_id: str, on: bool) -> None:
        library = self.session.library
        self.edit(
            ("Add " if on else "Remove ") + self.topic_name(topic_id),
            lambda b: brief_edits.toggle_topic(b, library, topic_id, on),
        )

    def set_depth(self, depth: str) -> None:
        self.edit(f"Depth: {depth}", lambda b: brief_edits.set_depth(b, depth))

    def set_field(self, name: str, value: object) -> None:
        label = {"title": "deck title", "subtitle": "deck subtitle", "style": "citation style"}.get(name, name)
        # Typing merges into one step; a choice (template, style, date) is a step of its own.
        typed = name in ("title", "subtitle", "author", "organisation", "presenter", "classification")
        self.edit(
            f"Edit {label}", lambda b: brief_edits.set_field(b, name, value), merge_key=f"field:{name}" if typed else ""
        )

    def exclude_slide(self, slide_id: str) -> None:
        self.edit(f"Remove {self.slide_name(slide_id)}", lambda b: brief_edits.exclude_slide(b, slide_id))

    def restore_slide(self, slide_id: str) -> None:
        self.edit(f"Bring back {self.slide_name(slide_id)}", lambda b: brief_edits.restore_slide(b, slide_id))

    def set_slide_included(self, slide_id: str, included: bool) -> None:
        library = self.session.library
        self.edit(
            f"{'Include' if included else 'Remove'} {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_slide_included(b, library, slide_id, included),
        )

    def move_slide(self, slide_id: str, before_slide_id: str | None) -> None:
        """Move *slide_id* before *before_slide_id* (or to its topic's end) within its topic."""
        library = self.session.library
        self.edit(
            f"Move {self.slide_name(slide_id)}",
            lambda b: brief_edits.move_slide(b, library, slide_id, before_slide_id),
        )

    def move_topic(self, topic_id: str, before_topic_id: str | None) -> None:
        self.edit(f"Move {self.topic_name(topic_id)}", lambda b: brief_edits.move_topic(b, topic_id, before_topic_id))

    def topic_name(self, topic_id: str, limit: int = UNDO) -> str:
        """Name a topic for the user: its title in quotes, cut at *limit*; the id if the library lacks it."""
        library = self.session.library
        return quoted(library.topic(topic_id).title if topic_id in library.topic_ids() else topic_id, limit)

    def slide_name(self, slide_id: str, limit: int = UNDO) -> str:
        """Name a slide for the user: its title (the user's own slide's too) in quotes, cut at *limit*; the id
        if unknown."""
        library = self.session.library
        own = self.brief.custom_slide(slide_id)
        title = library.slide(slide_id).title if library.has_slide(slide_id) else own.title if own else slide_id
        return quoted(title, limit)

    # ------------------------------------------------- the user's own material

    def add_own_slide(
        self,
        after: str,
        title: str,
        bullets: list[BriefBullet],
        notes: str = "",
        *,
        kind: str = "bullets",
        figures: list[BriefFigure] | None = None,
        quote: str = "",
        attribution: str = "",
        cite: list[str] | None = None,
        briefer: str = "",
    ) -> str:
        """Add a slide of the user's own (of *kind*: bullets, quote or key_figures) after *after* as one
        undoable step; return its id."""
        library = self.session.library
        added: list[str] = []

        def add(brief: Brief) -> Brief:
            edited, slide_id = brief_edits.add_custom_slide(
                brief,
                library,
                after,
                title,
                bullets,
                notes,
                kind=kind,
                figures=figures,
                quote=quote,
                attribution=attribution,
                cite=cite,
                briefer=briefer,
            )
            added.append(slide_id)
            return edited

        self.edit(f"Add slide {quoted(title)}", add)
        return added[0] if added else ""

    def set_own_quote(self, slide_id: str, quote: str, attribution: str, cite: list[str]) -> None:
        """Give the user's own quote slide *slide_id* its words, attribution and sources as one undoable step."""
        self.edit(
            f"Edit quotation of {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_own_quote(b, slide_id, quote, attribution, cite),
        )

    def set_own_figures(self, slide_id: str, figures: list[BriefFigure]) -> None:
        """Give the user's own key-figures slide *slide_id* *figures* as one undoable step."""
        self.edit(
            f"Edit figures of {self.slide_name(slide_id)}", lambda b: brief_edits.set_own_figures(b, slide_id, figures)
        )

    def briefer_of(self, slide_id: str) -> str:
        return brief_edits.briefer_of(self.brief, self.session.library, slide_id)

    def set_briefer(self, slide_id: str, briefer: str) -> None:
        """Give slide *slide_id* the guidance for the briefer *briefer* in this deck, as one undoable step."""
        library = self.session.library
        self.edit(
            f"Edit guidance for the briefer of {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_briefer(b, library, slide_id, briefer),
            merge_key=f"briefer:{slide_id}",
        )

    def set_own_title(self, slide_id: str, title: str) -> None:
        """Retitle the user's own slide *slide_id* as one undoable step."""
        self.edit(
            f"Edit title of {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_own_title(b, slide_id, title),
            merge_key=f"own-title:{slide_id}",
        )

    def set_bullets(self, slide_id: str, bullets: list[BriefBullet], text: str = "") -> None:
        """Give slide *slide_id* *bullets* for this deck (added, removed or reordered) as one undoable step."""
        library = self.session.library
        self.edit(
            text or f"Edit bullets of {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_bullets(b, library, slide_id, bullets),
        )

    def bullets_of(self, slide_id: str) -> list[BriefBullet]:
        return brief_edits.bullets_of(self.brief, self.session.library, slide_id)

    def set_slide_notes(self, slide_id: str, notes: str) -> None:
        library = self.session.library
        self.edit(
            f"Edit notes of {self.slide_name(slide_id)}",
            lambda b: brief_edits.set_notes(b, library, slide_id, notes),
            merge_key=f"notes:{slide_id}",
        )

    def override_title(self, slide_id: str, title: str | None) -> None:
        self.edit(
            f"Edit title of {self.slide_name(slide_id)}",
            lambda b: brief_edits.override_title(b, slide_id, title),
            merge_key=f"title:{slide_id}",
        )

    def restore_wording(self, slide_id: str) -> None:
        """Undo every change to the library slide *slide_id*'s text in this deck, as one undoable step."""
        self.edit(f"Restore wording of {slide_id}", lambda b: brief_edits.restore_wording(b, slide_id))

    def override_bullet(self, slide_id: str, position: str, text: str | None) -> None:
        self.edit(
            f"Edit bullet {position_label(position)} of {self.slide_name(slide_id)}",
            lambda b: brief_edits.override_bullet(b, slide_id, position, text),
            merge_key=f"bullet:{slide_id}:{position}",
        )
