"""Start the desktop app: load the libraries, restore or recover the last work, show the window.

A brief named on the command line opens at once; otherwise the window offers
to reopen the brief worked on last (see :mod:`sinoru_brief.app.reopen`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from sinoru_brief.app import dialogs
from sinoru_brief.app.autosave import Autosaver
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.icon import app_icon
from sinoru_brief.app.library_folders import remembered_folders
from sinoru_brief.app.main_window import MainWindow
from sinoru_brief.app.reopen import offer_reopen
from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import reconciled
from sinoru_brief.content import load_libraries_leniently


def create_window(
    argv: list[str] | None = None, autosaver: Autosaver | None = None, settings: QSettings | None = None
) -> MainWindow | None:
    """Build the main window on the libraries: the built-in one, the user's own and those opened before.

    A library with problems is left out and its problems are listed in the
    window's "Library problems" dock; the app starts with the others.
    *autosaver* and *settings* default to the user's own; tests pass temporary ones.
    """
    settings = settings or QSettings()
    loaded = load_libraries_leniently(remembered_folders(settings))
    library = loaded.library
    autosaver = autosaver or Autosaver()
    session = DeckSession(library)
    recovered = autosaver.recoverable()
    window_session = session
    if recovered and dialogs.ask_recover(None, recovered[2]):
        brief, path, _ = recovered
        brief, _ = reconciled(brief, library)  # the library may have changed since the crash
        window_session = DeckSession(library, brief, path)
        window_session.saved_brief = DeckSession(library).brief  # recovered work is unsaved
    elif recovered:
        autosaver.clear()  # declined: do not ask again on every start
    controller = DeckController(window_session)
    window = MainWindow(controller, autosaver, settings)
    window.library_folders.show_loaded(loaded)
    window.setWindowIcon(app_icon())
    briefs = [arg for arg in argv or [] if arg.endswith(".yaml")]
    if briefs and window.maybe_save():  # recovered work is not dropped silently for a file named
        window.open_path(Path(briefs[0]))
    elif not briefs and window_session is session:  # not when recovered work is on screen
        offer_reopen(window)
    return window


def run_app(argv: list[str] | None = None) -> int:
    """Run the app until its window closes; return the exit code."""
    QCoreApplication.setOrganizationName("sinoru-brief")
    QCoreApplication.setApplicationName("sinoru-brief")
    running = QApplication.instance()
    app = (
        running
        if isinstance(running, QApplication)
        else QApplication(sys.argv[:1] if argv is None else ["sinoru-brief"])
    )
    app.setWindowIcon(app_icon())
    # Wayland and the taskbar match the window to sinoru-brief.desktop (and its icon) by this name.
    QGuiApplication.setDesktopFileName("sinoru-brief")
    window = create_window(sys.argv[1:] if argv is None else argv)
    if window is None:
        return 1
    window.show()
    return app.exec()
