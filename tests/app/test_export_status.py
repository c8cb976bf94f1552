"""After an export: a failure makes Ctrl+E ask again, and "Exported …" never outlives the deck it describes.

Each test builds the export part alone on a controller (the ``exporter`` fixture).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from sinoru_brief.app import window_export
from sinoru_brief.app.window_export import DeckExporter


def press_export(exporter: DeckExporter, qtbot) -> None:
    """Press Ctrl+E in the part's window, as a user does, and wait for the export to end."""
    qtbot.keyClick(exporter.parent_widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)


def test_ctrl_e_after_a_failed_export_asks_for_another_path(exporter, qtbot, tmp_path, file_dialogs, dialog_log):
    unwritable = tmp_path / "gone" / "deck.pptx"  # its folder does not exist
    file_dialogs.save_answers.append(unwritable)
    press_export(exporter, qtbot)
    assert [title for title, _ in dialog_log.errors] == ["Export failed"]

    good = tmp_path / "deck.pptx"
    file_dialogs.save_answers.append(good)
    press_export(exporter, qtbot)
    assert len(file_dialogs.asked) == 2  # the dialog opened again, suggesting the path that failed
    assert file_dialogs.asked[1][1] == str(exporter.default_export_path())
    assert len(dialog_log.errors) == 1 and good.is_file()
    assert exporter.export_path == good

    press_export(exporter, qtbot)  # a path that worked is reused without asking
    assert len(file_dialogs.asked) == 2


def test_a_failed_export_as_keeps_the_path_that_works(exporter, qtbot, tmp_path, file_dialogs, dialog_log):
    good = tmp_path / "deck.pptx"
    file_dialogs.save_answers += [good, tmp_path / "gone" / "other.pptx"]
    press_export(exporter, qtbot)
    exporter.export_as_action.trigger()
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)
    assert [title for title, _ in dialog_log.errors] == ["Export failed"]
    # Export As failed on its own new path; the next Export asks, since that path is now the export path.
    file_dialogs.save_answers.append(good)
    press_export(exporter, qtbot)
    assert len(file_dialogs.asked) == 3 and exporter.export_path == good


def test_the_export_message_goes_when_the_deck_changes(exporter, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    press_export(exporter, qtbot)
    assert exporter.export_message.isVisible() and "deck.pptx" in exporter.export_message.text()

    # The user ticks another topic (what the library's tick does): the file is now out of date.
    exporter.controller.toggle_topic("outlook", True)
    assert not exporter.export_message.isVisible()
    exporter.controller.undo_stack.undo()  # what Ctrl+Z does: still stale
    assert not exporter.export_message.isVisible()

    press_export(exporter, qtbot)  # the same path again, without asking
    assert exporter.export_message.isVisible()


def test_the_export_message_times_out(make_exporter, make_controller, qtbot, tmp_path, file_dialogs, monkeypatch):
    monkeypatch.setattr(window_export, "EXPORT_MESSAGE_MS", 300)
    exporter = make_exporter(make_controller())
    exporter.controller.toggle_topic("outlook", True)
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    press_export(exporter, qtbot)
    assert exporter.export_message.isVisible()
    qtbot.waitUntil(lambda: not exporter.export_message.isVisible(), timeout=3000)
    assert exporter.status_bar.currentMessage() == ""


def test_a_new_look_takes_the_message_away_before_its_deck_is_built(exporter, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    press_export(exporter, qtbot)
    assert exporter.export_message.isVisible()
    controller = exporter.controller
    controller.set_field("template", "plain")  # its deck is laid out off the GUI thread
    assert controller.builder.busy  # the deck described is still the one shown, but no longer the brief's
    assert not exporter.export_message.isVisible()
    qtbot.waitUntil(lambda: not controller.builder.busy, timeout=10000)
    assert not exporter.export_message.isVisible()
