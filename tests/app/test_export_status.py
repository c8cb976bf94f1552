"""After an export: a failure makes Ctrl+E ask again, and "Exported …" never outlives the deck it describes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sinoru_brief.app import window_export


def press_export(window, qtbot):
    """Press Ctrl+E with the preview focused, as a user does, and wait for the export to end."""
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)
    qtbot.keyClick(window.preview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)


def test_ctrl_e_after_a_failed_export_asks_for_another_path(window, qtbot, tmp_path, file_dialogs, dialog_log):
    unwritable = tmp_path / "gone" / "deck.pptx"  # its folder does not exist
    file_dialogs.save_answers.append(unwritable)
    press_export(window, qtbot)
    assert [title for title, _ in dialog_log.errors] == ["Export failed"]

    good = tmp_path / "deck.pptx"
    file_dialogs.save_answers.append(good)
    press_export(window, qtbot)
    assert len(file_dialogs.asked) == 2  # the dialog opened again, suggesting the path that failed
    assert file_dialogs.asked[1][1] == str(window.exporter.default_export_path())
    assert len(dialog_log.errors) == 1 and good.is_file()
    assert window.exporter.export_path == good

    press_export(window, qtbot)  # a path that worked is reused without asking
    assert len(file_dialogs.asked) == 2


def test_a_failed_export_as_keeps_the_path_that_works(window, qtbot, tmp_path, file_dialogs, dialog_log):
    good = tmp_path / "deck.pptx"
    file_dialogs.save_answers += [good, tmp_path / "gone" / "other.pptx"]
    press_export(window, qtbot)
    window.exporter.export_as_action.trigger()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert [title for title, _ in dialog_log.errors] == ["Export failed"]
    # Export As failed on its own new path; the next Export asks, since that path is now the export path.
    file_dialogs.save_answers.append(good)
    press_export(window, qtbot)
    assert len(file_dialogs.asked) == 3 and window.exporter.export_path == good


def test_the_export_message_goes_when_the_deck_changes(window, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    press_export(window, qtbot)
    assert window.exporter.export_message.isVisible() and "deck.pptx" in window.exporter.export_message.text()

    window.library_panel.check_topic("outlook")  # the user ticks another topic: the file is now out of date
    assert not window.exporter.export_message.isVisible()
    qtbot.keyClick(window.preview, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo: still stale
    assert not window.exporter.export_message.isVisible()

    press_export(window, qtbot)  # the same path again, without asking
    assert window.exporter.export_message.isVisible()


def test_the_export_message_times_out(make_window, qtbot, tmp_path, file_dialogs, monkeypatch):
    monkeypatch.setattr(window_export, "EXPORT_MESSAGE_MS", 300)
    window = make_window()
    window.library_panel.check_topic("outlook")
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    press_export(window, qtbot)
    assert window.exporter.export_message.isVisible()
    qtbot.waitUntil(lambda: not window.exporter.export_message.isVisible(), timeout=3000)
    assert window.statusBar().currentMessage() == ""
