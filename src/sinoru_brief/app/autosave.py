"""Autosave the brief after a few idle seconds, and find it again after a crash."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QObject, QTimer

from sinoru_brief.atomic import write_atomic
from sinoru_brief.brief import Brief, load_brief, save_brief
from sinoru_brief.errors import BriefError

IDLE_MS = 3000


def autosave_dir() -> Path:
    return Path(user_data_dir("sinoru-brief", appauthor=False)) / "autosave"


class Autosaver(QObject):
    """Write the brief to the user data folder when edits pause; clear it on a clean close or save."""

    def __init__(self, folder: Path | None = None, idle_ms: int = IDLE_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = folder or autosave_dir()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self._pending: tuple[Brief, Path | None] | None = None
        self.timer.timeout.connect(self.flush)

    @property
    def brief_file(self) -> Path:
        return self.folder / "autosave.brief.yaml"

    @property
    def info_file(self) -> Path:
        return self.folder / "autosave.json"

    def changed(self, brief: Brief, path: Path | None) -> None:
        """Note an edit; the save happens once edits pause."""
        self._pending = (brief, path)
        self.timer.start()

    def flush(self) -> None:
        """Save the pending brief now (if any)."""
        if self._pending is None:
            return
        brief, path = self._pending
        self._pending = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_brief(brief, self.brief_file)
            info = {"path": str(path) if path else None, "saved": dt.datetime.now().isoformat(timespec="seconds")}
            write_atomic(self.info_file, json.dumps(info).encode())
        except (OSError, BriefError):
            pass  # autosave is a safety net; a failure must never interrupt the user's work

    def clear(self) -> None:
        """Forget the autosave (the work was saved or discarded on purpose)."""
        self.timer.stop()
        self._pending = None
        self.brief_file.unlink(missing_ok=True)
        self.info_file.unlink(missing_ok=True)

    def recoverable(self) -> tuple[Brief, Path | None, str] | None:
        """Return (brief, original path, when) if an autosave survived the last run."""
        if not self.brief_file.is_file():
            return None
        try:
            brief = load_brief(self.brief_file)
            info = json.loads(self.info_file.read_text()) if self.info_file.is_file() else {}
        except (OSError, ValueError, BriefError):
            return None
        path = Path(info["path"]) if info.get("path") else None
        return brief, path, info.get("saved", "earlier")
