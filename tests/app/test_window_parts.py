"""The main window's parts, each built on a plain widget with only what it is handed: no window needed."""

from __future__ import annotations

from app.windowkit import built
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QStatusBar, QWidget

from sinoru_brief.app.window_actions import make_action
from sinoru_brief.app.window_export import DeckExporter
from sinoru_brief.app.window_files import BriefFiles
from sinoru_brief.app.window_problems import BriefProblems
from sinoru_brief.app.window_undo import UndoActions
from sinoru_brief.brief import Brief


def plain_widget(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_an_action_joins_its_owner_with_its_key_and_a_status_tip(qtbot):
    owner = plain_widget(qtbot)
    calls: list[int] = []
    action = make_action(owner, "Export &As…", lambda: calls.append(1), "Ctrl+Shift+E")
    assert action in owner.actions()
    assert (action.shortcut().toString(), action.statusTip()) == ("Ctrl+Shift+E", "Export As")
    action.trigger()
    assert calls == [1]
    standard = make_action(owner, "&New", lambda: None, QKeySequence.StandardKey.New, fallback="Ctrl+Alt+N")
    assert standard.shortcut() == QKeySequence(QKeySequence.StandardKey.New)  # the platform's key wins
    assert (
        not make_action(owner, "&Quit", owner.close, QKeySequence.StandardKey.Quit, fallback="Ctrl+Q")
        .shortcut()
        .isEmpty()
    )


def test_brief_problems_are_told_once_and_again_when_they_come_back(qtbot, make_controller, dialog_log):
    controller = make_controller(Brief(title="T", topics=["summits"], template="no-such-template"))
    problems = BriefProblems(controller, plain_widget(qtbot))
    problems.report()
    assert [title for title, _ in dialog_log.errors] == ["The template cannot be used"]
    assert "no-such-template" in dialog_log.errors[0][1]
    controller.set_field("subtitle", "Edited")  # the same problem, still there: not told again
    assert len(dialog_log.errors) == 1
    controller.set_field("template", "plain")
    built(controller, qtbot)  # a template's deck is laid out off the GUI thread; its problems come with it
    assert len(dialog_log.errors) == 1
    controller.set_field("template", "no-such-template")
    built(controller, qtbot)
    assert [title for title, _ in dialog_log.errors] == ["The template cannot be used"] * 2


def test_the_toolbar_undo_names_the_step_and_leaves_the_key_to_the_menu(qtbot):
    parent = plain_widget(qtbot)
    stack = QUndoStack(parent)
    undo = UndoActions(stack, parent)
    assert not undo.toolbar_undo.isEnabled() and undo.toolbar_undo.toolTip() == "Nothing to undo"
    stack.push(QUndoCommand("Change title"))
    assert undo.toolbar_undo.isEnabled() and undo.undo_action.isEnabled()
    assert undo.toolbar_undo.toolTip() == f"Undo Change title ({undo.undo_action.shortcut().toString()})"
    assert undo.toolbar_undo.text() == "Undo"  # a fixed label: the toolbar does not jump
    assert undo.toolbar_undo not in parent.actions() and undo.toolbar_undo.shortcut().isEmpty()
    stack.undo()
    assert undo.toolbar_redo.toolTip().startswith("Redo Change title (")


def test_brief_files_save_remember_and_replace_through_what_they_are_given(
    qtbot, make_controller, tmp_path, file_dialogs
):
    kept = tmp_path / "kept.brief.yaml"
    kept.write_text("title: Kept\n", encoding="utf-8")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent", [str(kept), str(tmp_path / "gone.brief.yaml")])
    messages: list[str] = []
    files = BriefFiles(
        make_controller(Brief(title="Mine", topics=["summits"])),
        settings,
        None,
        plain_widget(qtbot),
        lambda text, _ms: messages.append(text),
    )
    assert [a.text() for a in files.recent_menu.actions()] == ["kept.brief.yaml"]  # the gone one is not offered

    file_dialogs.save_answers.append(tmp_path / "mine")
    assert files.save_as()
    saved = tmp_path / "mine.brief.yaml"
    assert saved.is_file() and messages == [f"Saved {saved}"]
    assert [a.text() for a in files.recent_menu.actions()] == ["mine.brief.yaml", "kept.brief.yaml"]
    with qtbot.waitSignal(files.documentReplaced, timeout=1000):
        files.new_brief()  # saved: nothing to ask
    assert files.controller.session.path is None


def test_the_exporter_follows_the_deck_and_reports_in_the_status_bar_it_is_given(qtbot, make_controller, tmp_path):
    parent = plain_widget(qtbot)
    controller = make_controller()
    exporter = DeckExporter(controller, parent, QStatusBar(parent))
    controls = [exporter.export_action, exporter.export_as_action, exporter.export_button, *exporter.pdf_actions]
    assert not any(control.isEnabled() for control in controls)  # a new brief: no deck to export
    controller.set_topics(["summits"])
    assert all(control.isEnabled() for control in controls)

    exporter.start_export(tmp_path / "deck.pptx")
    assert not exporter.export_action.isEnabled() and not exporter.progress.isHidden()
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)
    assert (tmp_path / "deck.pptx").is_file()
    assert "deck.pptx" in exporter.export_message.text() and not exporter.export_message.isHidden()
    assert exporter.export_action.isEnabled() and exporter.progress.isHidden()
    controller.set_field("subtitle", "Changed")  # the message described the deck as it was
    assert exporter.export_message.isHidden()
