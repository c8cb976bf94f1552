"""One-click export: the first export asks for a path, later ones reuse it; failures leave nothing behind."""

from __future__ import annotations

import datetime as dt
import errno
import os
import threading

from app.windowkit import pptx_texts
from pptx import Presentation
from PySide6.QtCore import Qt

from sinoru_brief import atomic
from sinoru_brief.app import export_job


def export_and_wait(window, qtbot):
    window.exporter.export()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)


def test_first_export_asks_then_reuses_the_path(window, qtbot, tmp_path, file_dialogs):
    window.controller.set_field("date", dt.date(2025, 2, 3))
    target = tmp_path / "out" / "briefing"  # typed without .pptx
    target.parent.mkdir()
    file_dialogs.save_answers.append(target)
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)  # shortcuts go to the focused, active window
    qtbot.keyClick(window.preview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)

    caption, suggested = file_dialogs.asked[0]
    assert caption == "Export deck" and suggested.endswith("/china-and-russia-2025-02-03.pptx")
    written = tmp_path / "out" / "briefing.pptx"
    assert written.is_file()
    deck = Presentation(str(written))
    pages = window.controller.view().pages
    assert len(deck.slides) == len(pages)
    assert deck.core_properties.title == "China and Russia"
    assert window.exporter.export_message.isVisible()
    message = window.exporter.export_message.text()
    assert message.startswith("Exported <b>briefing.pptx</b>")
    assert message.endswith('<a href="open">Open</a> · <a href="folder">Show in folder</a>')
    assert not window.exporter.progress.isVisible()
    assert window.exporter.export_button.isEnabled()

    window.controller.set_field("title", "Second export")
    window.exporter.export_button.click()  # no answer queued: a second dialog would fail the test
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert len(file_dialogs.asked) == 1
    assert "Second export" in pptx_texts(written)[0]
    assert sorted(p.name for p in written.parent.iterdir()) == ["briefing.pptx"]


def test_export_as_asks_every_time(window, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers += [tmp_path / "a.pptx", tmp_path / "b.pptx"]
    window.exporter.export_as_action.trigger()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    window.exporter.export_as_action.trigger()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert (tmp_path / "a.pptx").is_file() and (tmp_path / "b.pptx").is_file()
    window.exporter.export_action.trigger()  # plain export now reuses the last path
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert len(file_dialogs.asked) == 2


def test_cancelling_the_dialog_exports_nothing(window, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(None)
    window.exporter.export()
    assert window.exporter.export_job is None and window.exporter.export_path is None
    assert list(tmp_path.glob("**/*.pptx")) == []


def test_export_runs_off_the_gui_thread_with_progress(window, qtbot, tmp_path, file_dialogs, monkeypatch):
    threads = []
    real = export_job.write_atomic

    def recording_write(path, data):
        threads.append(threading.current_thread())
        real(path, data)

    monkeypatch.setattr(export_job, "write_atomic", recording_write)
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.exporter.export()
    assert window.exporter.progress.isVisible()
    assert not window.exporter.export_button.isEnabled()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert threads and threads[0] is not threading.main_thread()
    pages = len(window.controller.view().pages)
    assert (window.exporter.progress.value(), window.exporter.progress.maximum()) == (
        pages,
        pages,
    )  # it counted every slide


def test_a_missing_folder_shows_the_error_and_writes_nothing(window, qtbot, tmp_path, file_dialogs, dialog_log):
    target = tmp_path / "no-such-folder" / "deck.pptx"
    file_dialogs.save_answers.append(target)
    export_and_wait(window, qtbot)
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Export failed"
    assert str(target) in message and "does not exist" in message
    assert not target.parent.exists()
    assert window.statusBar().currentMessage() == "Export failed"
    assert not window.exporter.export_message.isVisible()
    assert window.exporter.export_button.isEnabled()


def test_permission_denied_leaves_no_file_and_no_temp_file(
    window, qtbot, tmp_path, file_dialogs, dialog_log, monkeypatch
):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    folder = tmp_path / "out"
    folder.mkdir()
    file_dialogs.save_answers.append(folder / "deck.pptx")
    export_and_wait(window, qtbot)
    assert [t for t, _ in dialog_log.errors] == ["Export failed"]
    assert "permission denied" in dialog_log.errors[0][1]
    assert list(folder.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(window, qtbot, tmp_path, file_dialogs, dialog_log, monkeypatch):
    target = tmp_path / "deck.pptx"
    file_dialogs.save_answers.append(target)
    export_and_wait(window, qtbot)
    before = target.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    window.controller.set_field("title", "Changed")
    export_and_wait(window, qtbot)
    assert "the disk is full" in dialog_log.errors[0][1]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("*deck*")) == ["deck.pptx"]


def test_export_is_disabled_without_a_deck(make_window):
    window = make_window()
    assert not window.exporter.export_action.isEnabled() and not window.exporter.export_button.isEnabled()
    window.library_panel.check_topic("outlook")
    assert window.exporter.export_action.isEnabled() and window.exporter.export_button.isEnabled()


def test_a_new_document_forgets_the_export_path(window, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    export_and_wait(window, qtbot)
    window.files.new_action.trigger()
    window.library_panel.check_topic("outlook")
    file_dialogs.save_answers.append(None)
    window.exporter.export()
    assert len(file_dialogs.asked) == 2


def test_wait_for_export_blocks_until_written(window, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.exporter.export()
    window.exporter.wait_for_export()
    assert (tmp_path / "deck.pptx").is_file()
    assert os.path.getsize(tmp_path / "deck.pptx") > 10_000
