"""File > Import Sources…: the files chosen go into the user's library, which loads again, and a message says what."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from sinoru_brief.app import import_sources
from sinoru_brief.brief.edits import search_sources
from sinoru_brief.paths import user_library_dir

DATA = Path(__file__).parents[1] / "sources" / "data"
IMPORTED = "lukin-2023-rossiysko-kitayskie-otnosheniya"


class FakeOpenFiles:
    """Stand-in for QFileDialog.getOpenFileNames: returns the files a test queued, records the question."""

    def __init__(self) -> None:
        self.answers: list[list[Path]] = []
        self.asked: list[tuple[str, str, str]] = []

    def getOpenFileNames(self, parent, caption, folder="", filters=""):  # noqa: N802 - Qt's name
        self.asked.append((caption, folder, filters))
        return [str(p) for p in self.answers.pop(0)], filters


@pytest.fixture
def chooser(monkeypatch) -> FakeOpenFiles:
    fake = FakeOpenFiles()
    monkeypatch.setattr(import_sources, "QFileDialog", fake)
    return fake


@pytest.fixture
def reports(monkeypatch) -> list[tuple[str, list[str]]]:
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(import_sources, "show_report", lambda parent, title, lines: shown.append((title, list(lines))))
    return shown


def import_action(window):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    assert isinstance(file_menu, QMenu)
    [action] = [a for a in file_menu.actions() if a.text() == "&Import Sources…"]
    return action


def test_import_sources_from_the_file_menu(window, chooser, reports, dialog_log):
    target = user_library_dir() / "sources.yaml"
    assert IMPORTED not in window.controller.session.library.sources
    chooser.answers.append([DATA / "zotero.bib", DATA / "endnote.ris"])
    import_action(window).trigger()

    caption, _, filters = chooser.asked[0]
    assert caption == "Import sources" and filters.startswith("References (*.bib *.json *.ris)")
    [(title, lines)] = reports
    assert title == "Sources imported"
    assert lines[0] == f"Imported 5 sources into {target}:"
    assert any(line.endswith("(already in the built-in library)") for line in lines)
    assert dialog_log.errors == []
    # The libraries were read again: the new source can be cited at once.
    library = window.controller.session.library
    source = library.sources[IMPORTED]
    assert source.csl["title"] == "Российско-китайские отношения в новую эпоху"
    # The own-slide dialog's source search finds it, so it can be cited from the app straight away.
    assert IMPORTED in [s.id for s in search_sources(library, "Лукин")]
    assert window.settings.value(import_sources.FOLDER_KEY) == str(DATA)

    chooser.answers.append([DATA / "zotero.bib"])
    import_action(window).trigger()
    assert reports[1][0] == "Nothing new to import"
    assert reports[1][1][0] == f"Nothing new to import into {target}."


def test_a_malformed_file_is_an_error_message_and_nothing_is_written(window, chooser, reports, dialog_log):
    chooser.answers.append([DATA / "endnote.ris", DATA / "malformed.json"])
    import_action(window).trigger()
    [(title, message)] = dialog_log.errors
    assert title == "Cannot import the sources"
    assert f"{DATA / 'malformed.json'}:3:38: not valid JSON" in message
    assert reports == []
    assert not (user_library_dir() / "sources.yaml").exists()


def test_cancelling_the_dialog_imports_nothing(window, chooser, reports, dialog_log):
    chooser.answers.append([])
    import_action(window).trigger()
    assert reports == [] and dialog_log.errors == []
    assert not (user_library_dir() / "sources.yaml").exists()


def test_the_report_dialog_shows_the_summary_above_the_whole_report(qtbot):
    lines = [
        "Imported 2 sources into /x/sources.yaml:",
        "  a-2024-one  “One” (refs.bib:1, one)",
        "  b-2024-two  “Two” (refs.bib:5, two)",
    ]
    dialog = import_sources.ImportReportDialog(None, "Sources imported", lines)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Sources imported"
    assert dialog.summary.text() == lines[0]
    assert dialog.text.toPlainText().splitlines() == lines[1:]
    assert dialog.text.isReadOnly() and not dialog.text.isHidden()
    alone = import_sources.ImportReportDialog(None, "Nothing new to import", ["Nothing new to import into /x."])
    qtbot.addWidget(alone)
    assert alone.text.isHidden()
