"""The deck panel's commands for the user's own material: add a slide after the selected one, edit bullets and notes.

Every change goes through the controller, so it is one undoable step and is
saved in the brief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from sinoru_brief.app.own_slide_dialog import OwnSlideDialog
from sinoru_brief.brief.model import START_PREFIX
from sinoru_brief.compose.deck import section_topic

if TYPE_CHECKING:
    from sinoru_brief.app.deck_panel import DeckPanel

#: Library slide kinds whose bullets a deck may add to, remove and reorder.
BULLET_KINDS = ("bullets", "key_judgments")


class OwnSlideActions(QObject):
    """Actions on the deck panel: "Add Slide of Your Own…" and "Edit Bullets and Notes…"."""

    def __init__(self, panel: DeckPanel):
        super().__init__(panel)
        self.panel = panel
        self.controller = panel.controller
        self.add_action = QAction("&Add slide of your own after this one…", panel)
        self.add_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self.add_slide)
        self.edit_action = QAction("Edit &bullets and notes…", panel)
        self.edit_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_bullets)
        for action in (self.add_action, self.edit_action):
            panel.addAction(action)
        panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        panel.view.addActions([self.add_action, self.edit_action, panel.remove_action])

    def anchor(self) -> str | None:
        """Return the ``after:`` for a slide added after the selected page, or None where none can go."""
        key = self.panel.current_key()
        if key is None:
            return None
        section = section_topic(key)
        if section is not None:
            return START_PREFIX + section
        if self.controller.session.library.has_slide(key) or self.controller.brief.custom_slide(key):
            return key
        return None  # title, agenda and reference slides frame the deck; nothing of the user's goes there

    def add_slide(self) -> None:
        """Ask for a slide of the user's own and add it after the selected one."""
        after = self.anchor()
        if after is None:
            return
        dialog = OwnSlideDialog(self.controller.session.library, self.panel, choose_kind=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        new_id = self.controller.add_own_slide(
            after,
            dialog.slide_title(),
            dialog.bullets(),
            dialog.notes(),
            kind=dialog.kind(),
            figures=dialog.figures(),
            quote=dialog.quote(),
            attribution=dialog.attribution(),
            cite=dialog.quote_cites(),
            briefer=dialog.briefer(),
        )
        if new_id:
            self.panel.select_key(new_id)

    def edit_bullets(self) -> None:
        """Edit the selected slide's bullets (an own key-figures slide: its figures), notes and guidance for the
        briefer for this deck, as one undoable step."""
        key = self.panel.current_key()
        library = self.controller.session.library
        own = self.controller.brief.custom_slide(key) if key else None
        if key is None or not (own or (library.has_slide(key) and library.slide(key).kind in BULLET_KINDS)):
            return
        override = self.controller.brief.overrides.get(key)
        notes = (
            own.notes
            if own
            else override.notes
            if override and override.notes is not None
            else library.slide(key).notes
        )
        # The user's own slide has its title here too; a library slide's is edited in the inspector.
        kind = own.kind if own else "bullets"
        dialog = OwnSlideDialog(
            library,
            self.panel,
            title=own.title if own else None,
            bullets=self.controller.bullets_of(key),
            notes=notes,
            caption="Your slide" if own else "Bullets and notes for this deck",
            kind=kind,
            figures=own.figures if own else None,
            quote=own.quote if own else "",
            attribution=own.attribution if own else "",
            cite=own.cite if own else None,
            briefer=self.controller.briefer_of(key),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        stack = self.controller.undo_stack
        stack.beginMacro(f"Edit bullets and notes of {self.controller.slide_name(key)}")
        try:
            if own:
                self.controller.set_own_title(key, dialog.slide_title())
            if kind == "key_figures":
                self.controller.set_own_figures(key, dialog.figures())
            elif kind == "quote":
                self.controller.set_own_quote(key, dialog.quote(), dialog.attribution(), dialog.quote_cites())
            else:
                self.controller.set_bullets(key, dialog.bullets())
            self.controller.set_slide_notes(key, dialog.notes())
            self.controller.set_briefer(key, dialog.briefer())
        finally:
            stack.endMacro()
        self.panel.select_key(key)
