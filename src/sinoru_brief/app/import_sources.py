"""File > Import Sources…: add references from Zotero and other managers to the user's own library.

The files chosen (.bib, CSL-JSON .json, .ris) are imported into
``sources.yaml`` in the user's library folder, exactly as ``sinoru-brief
sources import`` does; the libraries are then read again so the new sources
can be cited at once, and a message lists what was imported and skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.app import dialogs
from sinoru_brief.content import Library
from sinoru_brief.errors import BriefError
from sinoru_brief.paths import default_content_dir, user_library_dir
from sinoru_brief.sources import ImportReport, import_sources
from sinoru_brief.sources.known import SOURCES_FILE, KnownSource

if TYPE_CHECKING:
    from sinoru_brief.app.main_window import MainWindow

FILE_FILTER = "References (*.bib *.json *.ris);;BibTeX (*.bib);;CSL-JSON (*.json);;RIS (*.ris);;All files (*)"
FOLDER_KEY = "sources/import-folder"


def library_sources_file() -> Path:
    """Return the sources file of the user's own library, where the app imports to."""
    return user_library_dir() / SOURCES_FILE


def known_sources(library: Library, target: Path) -> list[KnownSource]:
    """Return the sources of the open libraries outside *target*, each named by its library."""
    builtin = default_content_dir().resolve()
    found = []
    for source in library.sources.values():
        file = source.origin.file.resolve() if source.origin else None
        if file == target.resolve():
            continue
        folder = file.parent if file else None
        name = "the built-in library" if folder == builtin else f"the library {folder}" if folder else "the library"
        found.append(KnownSource(source.id, source.csl, name))
    return found


class ImportReportDialog(QDialog):
    """Show what an import did: a one-line summary above the whole report, which can be scrolled and copied."""

    def __init__(self, parent: QWidget | None, title: str, lines: Sequence[str]):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.summary = QLabel(lines[0] if lines else "", self)
        self.summary.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(lines[1:]), self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one source a line, as in the terminal
        self.text.setVisible(len(lines) > 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.summary)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(860, 420 if len(lines) > 1 else 120)


def show_report(parent: QWidget | None, title: str, lines: Sequence[str]) -> None:
    """Show the report of an import and wait for the user to close it."""
    ImportReportDialog(parent, title, lines).exec()


class SourcesImporter(QObject):
    """Own File > Import Sources… for one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.action = QAction("&Import Sources…", window)
        self.action.setShortcut("Ctrl+Shift+I")
        self.action.setStatusTip(
            "Add references from Zotero, EndNote or Mendeley (.bib, CSL-JSON, .ris) to your library"
        )
        self.action.triggered.connect(self.import_dialog)
        window.addAction(self.action)
        self._add_to_file_menu()

    def _add_to_file_menu(self) -> None:
        """Put the action after the library actions (or Open Recent), where the user's material is opened."""
        menus = {action.text(): action.menu() for action in self.window.menuBar().actions()}
        file_menu = menus.get("&File")
        if not isinstance(file_menu, QMenu):
            return
        actions = file_menu.actions()
        anchors = [a for a in actions if a.text() == "Reloa&d Libraries"] or [self.window.recent_menu.menuAction()]
        after = actions.index(anchors[0]) + 1 if anchors[0] in actions else len(actions)
        if after < len(actions):
            file_menu.insertAction(actions[after], self.action)
        else:
            file_menu.addAction(self.action)

    def import_dialog(self) -> None:
        """Ask for reference files and import them into the user's library."""
        settings = self.window.settings
        start = str(settings.value(FOLDER_KEY, "") or self.window.documents())
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import sources", start, FILE_FILTER)
        if names:
            settings.setValue(FOLDER_KEY, str(Path(names[0]).parent))
            self.import_files([Path(name) for name in names])

    def import_files(self, files: Sequence[Path]) -> ImportReport | None:
        """Import *files* into the user's library and report the result; return it (None after an error)."""
        target = library_sources_file()
        try:
            report = import_sources(files, target, known=known_sources(self.window.controller.session.library, target))
        except BriefError as exc:
            dialogs.show_error(self.window, "Cannot import the sources", dialogs.describe(exc))
            return None
        if report.imported:
            # Read the libraries again so the new sources can be cited (and searched) straight away.
            self.window.library_folders.reload()
            self.window.statusBar().showMessage(f"Imported {len(report.imported)} sources into your library", 8000)
        show_report(self.window, "Sources imported" if report.imported else "Nothing new to import", report.lines())
        return report
