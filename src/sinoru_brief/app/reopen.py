"""Offer to reopen the brief the user worked on last, without a dialog in the way of a fresh start.

When the app starts on an empty brief, a button at the right of the status
bar names the last brief saved or opened ("Reopen china-2025.brief.yaml").
One click opens it; the offer goes away as soon as any brief is opened or
saved, so it never points at something stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

if TYPE_CHECKING:
    from sinoru_brief.app.main_window import MainWindow


def last_brief(window: MainWindow) -> Path | None:
    """Return the most recent brief in *window*'s settings that still exists, or None."""
    recent = window.settings.value("recent", [])  # the list File > Open Recent keeps, newest first
    # QSettings gives a lone entry back as a string, several as a list, and nothing as None.
    names = [recent] if isinstance(recent, str) else list(recent) if isinstance(recent, list | tuple) else []
    for name in names:
        path = Path(str(name))
        if path.is_file():
            return path
    return None


class ReopenOffer(QPushButton):
    """A flat status-bar button that reopens one brief, then removes itself."""

    def __init__(self, window: MainWindow, path: Path):
        super().__init__(f"Reopen {path.name}", window)
        self.window_ = window
        self.path = path
        self.withdrawn = False
        self.setObjectName("reopen-last-brief")
        self.setFlat(True)
        self.setToolTip(f"Open the brief you worked on last: {path}")
        self.setAccessibleName(f"Reopen the last brief, {path.name}")
        self.clicked.connect(self.reopen)
        window.controller.pathChanged.connect(self.withdraw)
        window.statusBar().addPermanentWidget(self)

    def reopen(self) -> bool:
        """Open the offered brief (asking first about unsaved work); return whether it opened."""
        if not self.window_.maybe_save():
            return False
        opened = self.window_.open_path(self.path)
        self.withdraw()
        return opened

    def withdraw(self, *_args) -> None:
        """Take the offer away: another brief is open now, or this one is (or it would not open)."""
        if self.withdrawn:
            return
        self.withdrawn = True
        self.window_.controller.pathChanged.disconnect(self.withdraw)
        self.window_.statusBar().removeWidget(self)
        self.deleteLater()


def offer_reopen(window: MainWindow) -> ReopenOffer | None:
    """Put the reopen offer on *window* if it shows no file yet and there is a last brief; return it."""
    if window.controller.session.path is not None:
        return None
    path = last_brief(window)
    return ReopenOffer(window, path) if path else None
