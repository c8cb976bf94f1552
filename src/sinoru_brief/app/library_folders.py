"""Libraries the user opens in the app: File > Open Library…, Close Library, Reload Libraries, and the problems dock.

The folders opened are remembered in the settings and load again at the next
start, after the built-in library and the user's own. A library with a
problem never stops the app: the libraries that load are used, and the
"Library problems" dock lists what is wrong with the others.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu

from sinoru_brief.app import dialogs
from sinoru_brief.app.library_panel import LibraryPanel
from sinoru_brief.app.library_problems import LibraryProblemsPanel
from sinoru_brief.content import Library, LoadedLibraries, load_libraries_leniently
from sinoru_brief.content.loader import MISSING_FOLDER
from sinoru_brief.errors import Problem

if TYPE_CHECKING:
    from sinoru_brief.app.main_window import MainWindow

SETTINGS_KEY = "libraries/opened"
#: How long a library message stays in the status bar: long enough to read the undo steps it names.
STATUS_MS = 12000


def dropped_steps_note(steps: list[str]) -> str:
    """Return the status bar's words for the undo steps a library change dropped ("" for none)."""
    if not steps:
        return ""
    names = ", ".join(steps[:3]) + (f" and {len(steps) - 3} more" if len(steps) > 3 else "")
    return (
        f"{len(steps)} undo step{'s' if len(steps) > 1 else ''} dropped, as {'they' if len(steps) > 1 else 'it'} "
        f"changed only what the libraries no longer have: {names}"
    )


def remembered_folders(settings: QSettings) -> list[Path]:
    """Return the library folders the user opened, in the order opened."""
    value = settings.value(SETTINGS_KEY, [])
    # QSettings' INI files give a list of one back as a plain string.
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list | tuple) else []
    return [Path(str(name)) for name in names if str(name)]


def remember_folders(settings: QSettings, folders: list[Path]) -> None:
    """Store *folders* as the libraries to open at the next start."""
    settings.setValue(SETTINGS_KEY, [str(folder) for folder in folders])


class LibraryFolders(QObject):
    """Own the File menu's library actions and the problems dock of one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.panel = LibraryProblemsPanel(window)
        self.dock = QDockWidget("Library problems", window)
        self.dock.setObjectName("dock-library-problems")
        self.dock.setWidget(self.panel)
        # Under the inspector: the right column is tall enough for the list above the excerpt.
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.splitDockWidget(window.inspector_dock, self.dock, Qt.Orientation.Vertical)
        self.dock.hide()  # shown when there is a problem to see

        self.open_action = QAction("Open &Library…", window)
        self.open_action.setShortcut("Ctrl+Shift+O")
        self.open_action.setStatusTip("Add a folder of your team's topics and sources to the library")
        self.open_action.triggered.connect(self.open_dialog)
        window.addAction(self.open_action)
        self.reload_action = QAction("Reloa&d Libraries", window)
        self.reload_action.setShortcut("F5")
        self.reload_action.setStatusTip("Read every library again, after editing its files")
        self.reload_action.triggered.connect(self.reload)
        window.addAction(self.reload_action)
        self.close_menu = QMenu("&Close Library", window)
        # The controller's notices (a look's logo gone, undo steps a library change dropped) are about the
        # user's own material; shown long enough to read a sentence naming a file and a key.
        window.controller.notice.connect(lambda text: window.statusBar().showMessage(text, 30000))
        if window.controller.session.look_problem:  # work recovered at start: no document was opened to say it
            window.statusBar().showMessage(window.controller.session.look_problem, 30000)
        self._add_to_menus()
        self._update_close_menu()

    # -------------------------------------------------------------- menus

    def _add_to_menus(self) -> None:
        """Put the actions in the File menu after Open Recent, and the dock's toggle in the View menu."""
        menus = {action.text(): action.menu() for action in self.window.menuBar().actions()}
        file_menu = menus.get("&File")
        if isinstance(file_menu, QMenu):
            actions = file_menu.actions()
            recent = self.window.recent_menu.menuAction()
            after = actions.index(recent) + 1 if recent in actions else len(actions)
            before = actions[after] if after < len(actions) else None
            file_menu.insertSeparator(before) if before is not None else file_menu.addSeparator()
            for action in (self.open_action, self.close_menu.menuAction(), self.reload_action):
                file_menu.insertAction(before, action) if before is not None else file_menu.addAction(action)
        view_menu = menus.get("&View")
        if isinstance(view_menu, QMenu):
            toggle = self.dock.toggleViewAction()
            toggle.setShortcut("Ctrl+Shift+L")
            toggle.setStatusTip("Show or hide the library problems panel")
            view_menu.addAction(toggle)

    def _update_close_menu(self) -> None:
        self.close_menu.clear()
        folders = remembered_folders(self.window.settings)
        for folder in folders:
            action = self.close_menu.addAction(str(folder))
            action.setStatusTip(f"Stop using the library in {folder}")
            action.triggered.connect(lambda _=False, f=folder: self.close_folder(f))
        self.close_menu.setEnabled(bool(folders))

    # ------------------------------------------------------------ actions

    def open_dialog(self) -> None:
        """Ask for a library folder and open it."""
        opened = remembered_folders(self.window.settings)
        # Start beside the library opened last: a team's libraries tend to live side by side.
        start = str(opened[-1].parent) if opened else self.window.documents()
        folder = QFileDialog.getExistingDirectory(self.window, "Open library", start)
        if folder:
            self.open_folder(Path(folder))

    def open_folder(self, folder: Path) -> None:
        """Add *folder* to the libraries (now and at the next start) and load them all again."""
        folders = remembered_folders(self.window.settings)
        if folder not in folders:
            remember_folders(self.window.settings, [*folders, folder])
        self._update_close_menu()
        loaded, note = self._load()
        if folder.resolve() in {f.resolve() for f in loaded.left_out}:
            self.window.statusBar().showMessage(
                f"The library {folder} has problems and is not used yet: see Library problems{note}", STATUS_MS
            )
        else:
            self.window.statusBar().showMessage(f"Opened the library {folder}{note}", STATUS_MS)

    def close_folder(self, folder: Path) -> None:
        """Stop using the library *folder*, now and at the next start."""
        remember_folders(self.window.settings, [f for f in remembered_folders(self.window.settings) if f != folder])
        self._update_close_menu()
        _, note = self._load()
        self.window.statusBar().showMessage(f"Closed the library {folder}{note}", STATUS_MS)

    def reload(self) -> LoadedLibraries:
        """Load every library again and switch the window to the result (Reload Libraries, F5)."""
        loaded, note = self._load()
        self.window.statusBar().showMessage(f"Reloaded the libraries{note}", STATUS_MS)
        return loaded

    def _load(self) -> tuple[LoadedLibraries, str]:
        """Load every library again and switch the window to the result; return it and the undo history's note."""
        loaded = load_libraries_leniently(remembered_folders(self.window.settings))
        note = self.use_library(loaded.library)
        self.show_loaded(loaded)
        return loaded, f"; {note}" if note else ""

    def show_loaded(self, loaded: LoadedLibraries) -> None:
        """List the problems of *loaded* in the dock, and show the dock when there are any."""
        self.panel.set_problems([self._in_app_terms(problem) for problem in loaded.problems], loaded.left_out)
        if loaded.problems:
            self.dock.show()
            self.dock.raise_()

    @staticmethod
    def _in_app_terms(problem: Problem) -> Problem:
        """Say how to fix a missing folder in the app's terms; the loader's hint speaks of --content."""
        if problem.line is None and problem.message == MISSING_FOLDER:
            return replace(
                problem,
                hint="it may have been moved or renamed: open it where it is now with "
                "File > Open Library…, and remove this one with File > Close Library",
            )
        return problem

    def use_library(self, library: Library) -> str:
        """Switch the open brief to *library*, keeping its file, its saved state, its unsaved look and its undo history.

        Return what became of the history, for the status bar: "" when every
        step still applies, else which steps were dropped because they only
        changed what the new library does not have.
        """
        window = self.window
        session, dropped = window.controller.session.on_library(library)
        steps = window.controller.switch_library(session)
        self._replace_library_panel()
        if dropped:
            dialogs.show_error(window, "Parts of the brief were dropped", "\n".join(dropped))
        return dropped_steps_note(steps)

    def _replace_library_panel(self) -> None:
        """Give the library dock a panel built on the new library (its tree is made once, from the library)."""
        window = self.window
        old = window.library_panel
        panel = LibraryPanel(window.controller, window)
        panel.search.setText(old.search.text())
        panel.slideActivated.connect(window._reveal_slide)
        window.library_panel = panel
        window.library_dock.setWidget(panel)
        old.deleteLater()
