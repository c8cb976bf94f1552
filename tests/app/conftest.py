"""Fixtures for the app tests: a controller on the real library for a test of one widget or part, a main
window with its own settings and autosave folder for a test of the window, and recorded (never shown) dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from app.windowkit import THREE_TOPICS, show_alone
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QStatusBar, QVBoxLayout, QWidget
from support.color_dialog import ColorAnswers

from sinoru_brief.app import dialogs, theme_controls, window_export, window_files
from sinoru_brief.app.autosave import Autosaver
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.app.images import PageImageCache
from sinoru_brief.app.main_window import MainWindow
from sinoru_brief.app.session import DeckSession
from sinoru_brief.app.window_export import DeckExporter
from sinoru_brief.app.window_files import BriefFiles
from sinoru_brief.brief import Brief


def analysts_brief() -> Brief:
    """Return the brief the analyst starts from: the three topics ticked, at standard depth."""
    return Brief(title="China and Russia", topics=list(THREE_TOPICS), depth="standard")


@dataclass
class DialogLog:
    """What the app asked or told the user; answers come from the test."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    save_prompts: list[str] = field(default_factory=list)
    recover_prompts: list[str] = field(default_factory=list)
    save_answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    recover_answer: bool = True


@pytest.fixture
def dialog_log(monkeypatch) -> DialogLog:
    """Replace every message box with a recorder, so no test ever blocks on a modal dialog."""
    log = DialogLog()

    def show_error(parent, title, message):
        log.errors.append((title, message))

    def ask_save_changes(parent, name):
        log.save_prompts.append(name)
        return log.save_answer

    def ask_recover(parent, when):
        log.recover_prompts.append(when)
        return log.recover_answer

    monkeypatch.setattr(dialogs, "show_error", show_error)
    monkeypatch.setattr(dialogs, "ask_save_changes", ask_save_changes)
    monkeypatch.setattr(dialogs, "ask_recover", ask_recover)
    return log


class FileDialogs:
    """Stand-in for QFileDialog: returns the paths a test queued and records each question."""

    def __init__(self):
        self.save_answers: list[Path | None] = []
        self.open_answers: list[Path | None] = []
        self.asked: list[tuple[str, str]] = []  # (caption, suggested path)

    def getSaveFileName(self, parent, caption, suggested="", filters=""):  # noqa: N802 - Qt's name
        self.asked.append((caption, suggested))
        if not self.save_answers:
            raise AssertionError(f"unexpected save dialog: {caption}")
        answer = self.save_answers.pop(0)
        return (str(answer) if answer else "", filters)

    def getOpenFileName(self, parent, caption, folder="", filters=""):  # noqa: N802
        self.asked.append((caption, folder))
        if not self.open_answers:
            raise AssertionError(f"unexpected open dialog: {caption}")
        answer = self.open_answers.pop(0)
        return (str(answer) if answer else "", filters)


@pytest.fixture
def file_dialogs(monkeypatch) -> FileDialogs:
    fake = FileDialogs()
    monkeypatch.setattr(window_files, "QFileDialog", fake)
    monkeypatch.setattr(window_export, "QFileDialog", fake)
    return fake


@pytest.fixture
def settings_path(tmp_path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def autosaver(tmp_path) -> Autosaver:
    return Autosaver(folder=tmp_path / "autosave", idle_ms=50)


@pytest.fixture
def make_controller(real_library):
    """Return a function that makes a controller on a plain session of the real library, for one widget."""
    made: list[DeckController] = []

    def make(brief: Brief | None = None, path: Path | None = None) -> DeckController:
        made.append(DeckController(DeckSession(real_library, brief, path)))
        return made[-1]

    yield make
    for controller in made:  # a look's deck may still be building on a worker thread
        controller.builder.wait()


@pytest.fixture
def controller(make_controller) -> DeckController:
    """A controller on the analyst's three topics, as the window fixture has them, without a window."""
    return make_controller(analysts_brief())


@pytest.fixture
def images():
    """A thumbnail cache for a deck panel or sorter built alone; its rendering threads end with the test."""
    cache = PageImageCache()
    yield cache
    cache.wait()


@pytest.fixture
def deck_strip(qtbot, controller, images) -> DeckPanel:
    """The deck strip alone on the analyst's three topics, as large as the window's, its first slide selected."""
    strip = show_alone(qtbot, DeckPanel(controller, images), (600, 260))
    strip.select_page(0)  # as the window selects it
    return strip


@pytest.fixture
def make_exporter(qtbot, dialog_log, file_dialogs):
    """Return a function that builds the export part alone on a controller, as the window builds it.

    Its parent is a plain widget shown as a window of its own, holding the
    status bar the part reports in and the export button the window's toolbar
    would hold, so its shortcuts work there and what it shows is visible.
    """
    made: list[DeckExporter] = []

    def make(controller: DeckController) -> DeckExporter:
        parent = QWidget()
        status_bar = QStatusBar(parent)
        exporter = DeckExporter(controller, parent, status_bar)
        layout = QVBoxLayout(parent)
        layout.addWidget(exporter.export_button)
        layout.addStretch()
        layout.addWidget(status_bar)
        show_alone(qtbot, parent, (640, 160))
        made.append(exporter)
        return exporter

    yield make
    for exporter in made:  # as the window's close waits: no export outlives its test
        exporter.wait_for_export()


@pytest.fixture
def exporter(make_exporter, controller) -> DeckExporter:
    """The export part alone on the analyst's three topics (see :func:`make_exporter`)."""
    return make_exporter(controller)


@pytest.fixture
def make_brief_files(qtbot, settings_path, autosaver, dialog_log, file_dialogs):
    """Return a function that builds the File part alone on a controller, as the window builds it.

    It is handed the window's settings file (so a second part shares the
    recent files, as a second window does), the autosaver, a parent (a plain
    one unless *owner* is given: the widget its shortcuts join) and where its
    status messages go (*status*; a status bar of its own by default).
    """
    made: list[BriefFiles] = []

    def make(
        controller: DeckController, owner: QWidget | None = None, status: Callable[..., None] | None = None
    ) -> BriefFiles:
        parent = owner
        if parent is None:
            parent = QWidget()
            qtbot.addWidget(parent)
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        files = BriefFiles(controller, settings, autosaver, parent, status or QStatusBar(parent).showMessage)
        made.append(files)
        return files

    yield make
    for files in made:  # as the window's close does: no idle autosave fires in a later test
        files.discard_autosave()


@pytest.fixture
def brief_files(make_brief_files, controller) -> BriefFiles:
    """The File part alone on the analyst's three topics (see :func:`make_brief_files`)."""
    return make_brief_files(controller)


@pytest.fixture
def make_window(qtbot, real_library, settings_path, autosaver, dialog_log, file_dialogs):
    """Return a function that builds and shows a main window for a brief (default: a new, empty one)."""

    def make(brief: Brief | None = None, path: Path | None = None, size=(1280, 800)) -> MainWindow:
        session = DeckSession(real_library, brief, path)
        settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
        window = MainWindow(DeckController(session), autosaver, settings)
        # Whatever a test left the answers at, closing at teardown discards the work silently.
        qtbot.addWidget(
            window, before_close_func=lambda _: setattr(dialog_log, "save_answer", QMessageBox.StandardButton.Discard)
        )
        if size:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts and focus need the active window
        # (qtbot.waitActive is a context manager: called bare it waits for nothing, and a window made
        # in a test body was not yet active when its first shortcut was pressed.)
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    """A new window with the three topics ticked, as the analyst starts."""
    return make_window(analysts_brief())


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch):
    """Fail, never hang, if code under test opens a modal dialog the test did not replace.

    Offscreen, a modal dialog waits for a click that never comes and the run
    hangs until CI's time limit. Tests that expect a dialog patch it after
    this fixture, and their patch wins.
    """
    from PySide6.QtWidgets import QColorDialog, QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError("a modal dialog opened that the test did not replace")

    for cls, names in (
        (QFileDialog, ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileNames")),
        (QColorDialog, ("getColor",)),
        (QInputDialog, ("getText", "getItem", "getInt", "getDouble")),
        (QMessageBox, ("question", "warning", "critical", "information", "about")),
        (QDialog, ("exec",)),
        (QMessageBox, ("exec",)),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, refuse)


@pytest.fixture
def colors(monkeypatch) -> ColorAnswers:
    """Answer the look's colour dialogs with the colours a test queues (``colors.answers.append(QColor(...))``)."""
    fake = ColorAnswers()
    monkeypatch.setattr(theme_controls, "QColorDialog", fake)
    return fake
