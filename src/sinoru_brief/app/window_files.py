"""File handling for the main window: New, Open, Save, Save As, recent files, the prompt before losing work."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sinoru_brief.app import dialogs
from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import BRIEF_SUFFIX
from sinoru_brief.errors import BriefError

MAX_RECENT = 8
BRIEF_FILTER = f"Briefs (*{BRIEF_SUFFIX} *.yaml)"


class FilesMixin:
    """The File menu's document actions; mixed into :class:`~sinoru_brief.app.main_window.MainWindow`,
    whose controller, settings, autosaver and recent menu they use."""

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes to the brief (its look included); return False if the user cancelled."""
        if not self.controller.session.dirty:
            return True
        session = self.controller.session
        answer = dialogs.ask_save_changes(self, session.path.name if session.path else "Untitled brief")
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        return answer != QMessageBox.StandardButton.Save or self.save()

    def new_brief(self) -> None:
        if self.maybe_save():
            self.controller.replace_session(DeckSession(self.controller.session.library))
            self.forget_export_path()
            self._discard_autosave()

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open brief", self.documents(), BRIEF_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        try:
            session, dropped = DeckSession.open(self.controller.session.library, path)
        except BriefError as exc:
            dialogs.show_error(self, "Cannot open the brief", dialogs.describe(exc))
            return False
        self.controller.replace_session(session)
        self.forget_export_path()
        self._remember_recent(path)
        if dropped:
            dialogs.show_error(self, "Parts of the brief were dropped", "\n".join(dropped))
        return True

    def save(self) -> bool:
        if not self.controller.session.path:
            return self.save_as()
        return self._save_to(self.controller.session.path)

    def save_as(self) -> bool:
        suggested = self.controller.session.path or Path(self.documents()) / (
            slug(self.controller.brief.title) + BRIEF_SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(self, "Save brief", str(suggested), BRIEF_FILTER)
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
            dialogs.show_error(self, "Cannot save the brief", dialogs.describe(exc))
            return False
        self.controller.mark_saved()
        self._remember_recent(path)
        self._discard_autosave()
        self.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def _discard_autosave(self) -> None:
        if self.autosaver:
            self.autosaver.clear()

    def _remember_recent(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._recent() if p != str(path)]
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._update_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in self._recent() if Path(p).is_file()]
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    @staticmethod
    def documents() -> str:
        """Return the user's Documents folder, where dialogs start (the home folder if there is none)."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())


def slug(title: str) -> str:
    """Return a file-name-safe version of *title*."""
    name = re.sub(r"[^\w-]+", "-", title, flags=re.UNICODE).strip("-").lower()
    return name or f"brief-{dt.date.today():%Y-%m-%d}"
