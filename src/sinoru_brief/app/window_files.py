"""The main window's brief files: New, Open, Save, Save As, Open Recent, and the prompt before losing work."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from sinoru_brief.app import dialogs
from sinoru_brief.app.autosave import Autosaver
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.session import DeckSession
from sinoru_brief.app.window_actions import ShowStatus, make_action
from sinoru_brief.brief import BRIEF_SUFFIX
from sinoru_brief.errors import BriefError

MAX_RECENT = 8
BRIEF_FILTER = f"Briefs (*{BRIEF_SUFFIX} *.yaml)"


def documents() -> str:
    """Return the user's Documents folder, where dialogs start (the home folder if there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def slug(title: str) -> str:
    """Return a file-name-safe version of *title*."""
    name = re.sub(r"[^\w-]+", "-", title, flags=re.UNICODE).strip("-").lower()
    return name or f"brief-{dt.date.today():%Y-%m-%d}"


class BriefFiles(QObject):
    """Own the File menu's document actions and the Open Recent menu of one window.

    *parent* is the widget dialogs open over and whose shortcuts the actions
    join; *settings* keep the recent files; *autosaver*, if any, is cleared
    whenever what is on screen is saved or replaced.
    """

    #: New or Open put another brief in the window (not Save As: the brief on screen is the same).
    documentReplaced = Signal()  # noqa: N815 - Qt's naming

    def __init__(
        self,
        controller: DeckController,
        settings: QSettings,
        autosaver: Autosaver | None,
        parent: QWidget,
        show_status: ShowStatus,
    ):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.autosaver = autosaver
        self.parent_widget = parent
        self.show_status = show_status
        k = QKeySequence.StandardKey
        self.new_action = make_action(parent, "&New", self.new_brief, k.New)
        self.open_action = make_action(parent, "&Open…", self.open_dialog, k.Open)
        self.save_action = make_action(parent, "&Save", self.save, k.Save)
        self.save_as_action = make_action(parent, "Save &As…", self.save_as, k.SaveAs)
        self.recent_menu = QMenu("Open &Recent", parent)
        self._update_recent_menu()
        controller.briefEdited.connect(self._autosave)  # the brief is what is kept, not its deck

    def _autosave(self) -> None:
        """Keep a copy of unsaved work for recovery after a crash; none when the brief is as saved."""
        if self.autosaver is None:
            return
        session = self.controller.session
        if session.dirty:
            self.autosaver.changed(session.snapshot(), session.path)
        else:
            self.autosaver.clear()  # back to what is saved (say, by undo): nothing to recover

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes to the brief (its look included); return False if the user cancelled."""
        session = self.controller.session
        if not session.dirty:
            return True
        answer = dialogs.ask_save_changes(self.parent_widget, session.path.name if session.path else "Untitled brief")
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        return answer != QMessageBox.StandardButton.Save or self.save()

    def new_brief(self) -> None:
        """Start a new, empty brief on the same library, after asking about unsaved work."""
        if self.maybe_save():
            self.controller.replace_session(DeckSession(self.controller.session.library))
            self.documentReplaced.emit()
            self.discard_autosave()

    def open_dialog(self) -> None:
        """Ask for a brief file and open it, after asking about unsaved work."""
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open brief", documents(), BRIEF_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open the brief at *path* in place of the one shown; return whether it opened (an error is shown)."""
        try:
            session, dropped = DeckSession.open(self.controller.session.library, path)
        except BriefError as exc:
            dialogs.show_error(self.parent_widget, "Cannot open the brief", dialogs.describe(exc))
            return False
        self.controller.replace_session(session)
        self.documentReplaced.emit()
        self._remember_recent(path)
        if dropped:
            dialogs.show_error(self.parent_widget, "Parts of the brief were dropped", "\n".join(dropped))
        return True

    def save(self) -> bool:
        """Save the brief where it was saved or opened from (asking the first time); return whether it was."""
        path = self.controller.session.path
        return self._save_to(path) if path else self.save_as()

    def save_as(self) -> bool:
        """Ask where to save the brief and save it there; return whether it was saved."""
        suggested = self.controller.session.path or Path(documents()) / (
            slug(self.controller.brief.title) + BRIEF_SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save brief", str(suggested), BRIEF_FILTER)
        if not path:
            return False
        if not path.endswith(".yaml"):
            path += BRIEF_SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        session = self.controller.session
        on_today = session.brief.date is None
        if on_today:
            # A date left on "today" is written down on the first save: reopened another day, the deck
            # still carries the day it was made on.
            session.brief.date = dt.date.today()
        try:
            session.save(path)
        except BriefError as exc:
            if on_today:
                session.brief.date = None  # nothing was saved: the brief is as it was
            dialogs.show_error(self.parent_widget, "Cannot save the brief", dialogs.describe(exc))
            return False
        self.controller.mark_saved()
        self._remember_recent(path)
        self.discard_autosave()
        self.show_status(f"Saved {path}", 5000)
        return True

    def discard_autosave(self) -> None:
        """Drop the autosaved copy: what is on screen is saved, replaced or being closed on purpose."""
        if self.autosaver:
            self.autosaver.clear()

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._update_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        # QSettings' INI files give a list of one back as a plain string, and nothing as None.
        return [value] if isinstance(value, str) else [str(p) for p in value] if isinstance(value, list | tuple) else []

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self._recent() if Path(p).is_file()]
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))
