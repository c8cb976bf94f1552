"""File > Open Library… and Close Library: the tree, the deck and the settings follow; problems never stop the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from app.windowkit import THREE_TOPICS
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog
from support.own_library import write_library

from sinoru_brief.app import library_folders
from sinoru_brief.app.library_panel import TOPIC_ID_ROLE
from sinoru_brief.app.main import create_window
from sinoru_brief.app.main_window import MainWindow
from sinoru_brief.brief import Brief

BUILTIN_SOURCE = "wishnick-2025-cooperation-without-coordination"


def tree_topics(window: MainWindow) -> list[str]:
    model = window.library_panel.model
    return [model.item(row).data(TOPIC_ID_ROLE) for row in range(model.rowCount())]


def file_menu_action(window: MainWindow, text: str):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [action] = [a for a in file_menu.actions() if a.text() == text]
    return action


@pytest.fixture
def folder_answers(monkeypatch) -> list[Path]:
    """Folders the Open Library dialog answers with, in turn; each question is checked to be that dialog."""
    answers: list[Path] = []

    def ask(parent, caption, start=""):
        assert caption == "Open library"
        return str(answers.pop(0)) if answers else ""

    monkeypatch.setattr(library_folders.QFileDialog, "getExistingDirectory", staticmethod(ask))
    assert QFileDialog.getExistingDirectory is not None
    return answers


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A team library: a topic citing its own source and one of the built-in library."""
    return write_library(
        tmp_path / "team", sources=["team-memo"], topics={"team-arctic": {"team-route": ["team-memo", BUILTIN_SOURCE]}}
    )


def test_open_library_adds_its_topics_keeps_the_brief_and_is_remembered(
    make_window, folder_answers, team, settings_path, tmp_path
):
    path = tmp_path / "mine.brief.yaml"
    window = make_window(Brief(title="Mine", topics=list(THREE_TOPICS)), path)
    assert "team-arctic" not in tree_topics(window)
    folder_answers.append(team)
    file_menu_action(window, "Open &Library…").trigger()
    assert tree_topics(window)[-1] == "team-arctic"
    assert window.controller.brief.topics == THREE_TOPICS
    assert (window.controller.session.path, window.controller.session.dirty) == (path, False)
    assert window.statusBar().currentMessage() == f"Opened the library {team}"
    assert library_folders.remembered_folders(QSettings(str(settings_path), QSettings.Format.IniFormat)) == [team]
    # Ticking the new topic puts its slide in the deck; its citation of the built-in source resolves.
    window.library_panel.check_topic("team-arctic")
    assert "team-route" in window.deck_panel.model.keys()
    assert not window.library_folders.dock.isVisible()


def test_an_opened_library_loads_again_at_the_next_start(qtbot, team, settings_path, autosaver, dialog_log):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    library_folders.remember_folders(settings, [team])
    window = create_window([], autosaver=autosaver, settings=settings)
    qtbot.addWidget(window)
    assert "team-arctic" in window.controller.session.library.topic_ids()
    assert tree_topics(window)[-1] == "team-arctic"
    assert window.library_folders.panel.problems == []


def test_close_library_removes_its_topics_and_drops_them_from_the_brief(
    make_window, folder_answers, team, settings_path, dialog_log
):
    window = make_window(Brief(title="Mine", topics=["summits"]))
    folder_answers.append(team)
    file_menu_action(window, "Open &Library…").trigger()
    window.library_panel.check_topic("team-arctic")
    close_menu = file_menu_action(window, "&Close Library").menu()
    [close] = close_menu.actions()
    assert close.text() == str(team)
    close.trigger()
    assert "team-arctic" not in tree_topics(window)
    assert window.controller.brief.topics == ["summits"]
    assert [title for title, _ in dialog_log.errors] == ["Parts of the brief were dropped"]
    assert "team-arctic" in dialog_log.errors[0][1]
    assert library_folders.remembered_folders(QSettings(str(settings_path), QSettings.Format.IniFormat)) == []
    assert not close_menu.isEnabled()


def test_a_broken_library_is_listed_in_the_problems_dock_and_the_others_still_load(
    make_window, folder_answers, team, tmp_path, qtbot
):
    broken = write_library(
        tmp_path / "broken", topics={"oops": {"oops-view": ["team-mem"]}, "summits": {"mine": [BUILTIN_SOURCE]}}
    )
    window = make_window(Brief(title="Mine", topics=["summits"]))
    folder_answers.extend([team, broken])
    file_menu_action(window, "Open &Library…").trigger()
    file_menu_action(window, "Open &Library…").trigger()
    assert window.statusBar().currentMessage() == (
        f"The library {broken} has problems and is not used yet: see Library problems"
    )
    assert "team-arctic" in tree_topics(window) and "oops" not in tree_topics(window)
    panel = window.library_folders.panel
    assert window.library_folders.dock.isVisible()
    labels = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert labels == [
        "broken/topics/summits.yaml:1:5: duplicate topic id 'summits'",
        "broken/topics/oops.yaml:12:46: unknown source 'team-mem'",
    ]
    assert panel.list.currentRow() == 0
    assert "> 1 │ id: summits" in panel.excerpt.toPlainText()
    panel.list.setCurrentRow(1)
    assert panel.hint.text() == ("slides[0].bullets[0].cite[0]: unknown source 'team-mem' — did you mean 'team-memo'?")
    assert "> 12 │       - {text: A claim of oops-view., cite: [team-mem]}" in panel.excerpt.toPlainText()
    assert window.controller.brief.topics == ["summits"]
    # Fixed on disk, Reload Libraries (F5) brings the library in and empties the list.
    (broken / "topics" / "summits.yaml").unlink()
    oops = broken / "topics" / "oops.yaml"
    oops.write_text(oops.read_text(encoding="utf-8").replace("team-mem]", "team-memo]"), encoding="utf-8")
    window.library_folders.reload_action.trigger()
    assert panel.problems == [] and "oops" in tree_topics(window)
    assert panel.summary.text() == "No problems: every library loaded."
    assert window.controller.brief.topics == ["summits"]


def test_clicking_a_problem_shows_the_lines_around_it(make_window, folder_answers, tmp_path, qtbot):
    broken = write_library(tmp_path / "broken", sources=["a-source"])
    (broken / "topics").mkdir()
    (broken / "topics" / "first.yaml").write_text("id: first\ntitle: [unclosed\n", encoding="utf-8")
    (broken / "topics" / "second.yml").write_text("id: second\n", encoding="utf-8")
    window = make_window()
    folder_answers.append(broken)
    file_menu_action(window, "Open &Library…").trigger()
    panel = window.library_folders.panel
    assert [panel.list.item(r).text() for r in range(panel.list.count())] == [
        "broken/topics/second.yml: topic files must end in .yaml",
        "broken/topics/first.yaml:2:8: invalid YAML: the '[' here is never closed",
    ]
    assert panel.excerpt.toPlainText() == f"This problem is about the file as a whole:\n{broken / 'topics/second.yml'}"
    assert panel.hint.text() == "topic files must end in .yaml — rename it to second.yaml"
    second = panel.list.item(1)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(second).center())
    assert panel.list.currentRow() == 1
    assert panel.excerpt.toPlainText().splitlines() == ["  1 │ id: first", "> 2 │ title: [unclosed", "    │        ^"]
    [marked] = panel.excerpt.extraSelections()
    assert marked.cursor.block().text() == "> 2 │ title: [unclosed"


def test_a_remembered_library_with_problems_never_stops_the_app(qtbot, tmp_path, settings_path, autosaver, dialog_log):
    gone = tmp_path / "moved-away"
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    library_folders.remember_folders(settings, [gone])
    window = create_window([], autosaver=autosaver, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.controller.session.library.topic_ids()  # the built-in library is there
    panel = window.library_folders.panel
    assert [panel.list.item(r).text() for r in range(panel.list.count())] == [
        f"{gone}: the content folder does not exist"
    ]
    assert "File > Close Library" in panel.hint.text()
    assert window.library_folders.dock.isVisible()
    assert dialog_log.errors == []


def test_opening_the_same_folder_twice_lists_it_once(make_window, folder_answers, team, settings_path):
    window = make_window()
    folder_answers.extend([team, team])
    file_menu_action(window, "Open &Library…").trigger()
    file_menu_action(window, "Open &Library…").trigger()
    assert [a.text() for a in file_menu_action(window, "&Close Library").menu().actions()] == [str(team)]
    assert tree_topics(window).count("team-arctic") == 1


def test_cancelling_the_folder_dialog_changes_nothing(make_window, folder_answers, settings_path):
    window = make_window()
    library = window.controller.session.library
    file_menu_action(window, "Open &Library…").trigger()
    assert window.controller.session.library is library
    assert library_folders.remembered_folders(QSettings(str(settings_path), QSettings.Format.IniFormat)) == []
