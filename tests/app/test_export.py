"""One-click export: the first export asks for a path, later ones reuse it; failures leave nothing behind.

Each test builds the export part alone on a controller (the ``exporter``
fixture); the one about New forgetting the path builds the window, which is
what ties the File part to the export part.
"""

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
from sinoru_brief.app.window_export import DeckExporter


def finished(exporter: DeckExporter, qtbot) -> None:
    """Wait for the export running off the GUI thread to end."""
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)


def export_and_wait(exporter: DeckExporter, qtbot) -> None:
    exporter.export()
    finished(exporter, qtbot)


def test_first_export_asks_then_reuses_the_path(exporter, qtbot, tmp_path, file_dialogs):
    exporter.controller.set_field("date", dt.date(2025, 2, 3))
    target = tmp_path / "out" / "briefing"  # typed without .pptx
    target.parent.mkdir()
    file_dialogs.save_answers.append(target)
    # The part's shortcut works in the window it joined, here its parent shown alone and active.
    qtbot.keyClick(exporter.parent_widget, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    finished(exporter, qtbot)

    caption, suggested = file_dialogs.asked[0]
    assert caption == "Export deck" and suggested.endswith("/china-and-russia-2025-02-03.pptx")
    written = tmp_path / "out" / "briefing.pptx"
    assert written.is_file()
    deck = Presentation(str(written))
    pages = exporter.controller.view().pages
    assert len(deck.slides) == len(pages)
    assert deck.core_properties.title == "China and Russia"
    assert exporter.export_message.isVisible()
    message = exporter.export_message.text()
    assert message.startswith("Exported <b>briefing.pptx</b>")
    assert message.endswith('<a href="open">Open</a> · <a href="folder">Show in folder</a>')
    assert not exporter.progress.isVisible()
    assert exporter.export_button.isEnabled()

    exporter.controller.set_field("title", "Second export")
    exporter.export_button.click()  # no answer queued: a second dialog would fail the test
    finished(exporter, qtbot)
    assert len(file_dialogs.asked) == 1
    assert "Second export" in pptx_texts(written)[0]
    assert sorted(p.name for p in written.parent.iterdir()) == ["briefing.pptx"]


def test_export_as_asks_every_time(exporter, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers += [tmp_path / "a.pptx", tmp_path / "b.pptx"]
    exporter.export_as_action.trigger()
    finished(exporter, qtbot)
    exporter.export_as_action.trigger()
    finished(exporter, qtbot)
    assert (tmp_path / "a.pptx").is_file() and (tmp_path / "b.pptx").is_file()
    exporter.export_action.trigger()  # plain export now reuses the last path
    finished(exporter, qtbot)
    assert len(file_dialogs.asked) == 2


def test_cancelling_the_dialog_exports_nothing(exporter, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(None)
    exporter.export()
    assert exporter.export_job is None and exporter.export_path is None
    assert list(tmp_path.glob("**/*.pptx")) == []


def test_export_runs_off_the_gui_thread_with_progress(exporter, qtbot, tmp_path, file_dialogs, monkeypatch):
    threads = []
    real = export_job.write_atomic

    def recording_write(path, data):
        threads.append(threading.current_thread())
        real(path, data)

    monkeypatch.setattr(export_job, "write_atomic", recording_write)
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    exporter.export()
    assert exporter.progress.isVisible()
    assert not exporter.export_button.isEnabled()
    finished(exporter, qtbot)
    assert threads and threads[0] is not threading.main_thread()
    pages = len(exporter.controller.view().pages)
    assert (exporter.progress.value(), exporter.progress.maximum()) == (pages, pages)  # it counted every slide


def test_a_missing_folder_shows_the_error_and_writes_nothing(exporter, qtbot, tmp_path, file_dialogs, dialog_log):
    target = tmp_path / "no-such-folder" / "deck.pptx"
    file_dialogs.save_answers.append(target)
    export_and_wait(exporter, qtbot)
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Export failed"
    assert str(target) in message and "does not exist" in message
    assert not target.parent.exists()
    assert exporter.status_bar.currentMessage() == "Export failed"
    assert not exporter.export_message.isVisible()
    assert exporter.export_button.isEnabled()


def test_permission_denied_leaves_no_file_and_no_temp_file(
    exporter, qtbot, tmp_path, file_dialogs, dialog_log, monkeypatch
):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    folder = tmp_path / "out"
    folder.mkdir()
    file_dialogs.save_answers.append(folder / "deck.pptx")
    export_and_wait(exporter, qtbot)
    assert [t for t, _ in dialog_log.errors] == ["Export failed"]
    assert "permission denied" in dialog_log.errors[0][1]
    assert list(folder.iterdir()) == []


def test_a_failed_export_keeps_the_previous_file(exporter, qtbot, tmp_path, file_dialogs, dialog_log, monkeypatch):
    target = tmp_path / "deck.pptx"
    file_dialogs.save_answers.append(target)
    export_and_wait(exporter, qtbot)
    before = target.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda src, dst: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    exporter.controller.set_field("title", "Changed")
    export_and_wait(exporter, qtbot)
    assert "the disk is full" in dialog_log.errors[0][1]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.glob("*deck*")) == ["deck.pptx"]


def test_export_is_disabled_without_a_deck(make_exporter, make_controller):
    exporter = make_exporter(make_controller())
    assert not exporter.export_action.isEnabled() and not exporter.export_button.isEnabled()
    exporter.controller.toggle_topic("outlook", True)  # what ticking the topic in the library does
    assert exporter.export_action.isEnabled() and exporter.export_button.isEnabled()


def test_a_new_document_forgets_the_export_path(window, qtbot, tmp_path, file_dialogs):
    """The window ties New (the File part) to the export part: the next export asks again.

    The first export is Ctrl+E pressed in the preview, as a user does: the
    export part's shortcut reaches it from the window's own widgets.
    """
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)  # shortcuts go to the focused, active window
    qtbot.keyClick(window.preview, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    finished(window.exporter, qtbot)
    assert (tmp_path / "deck.pptx").is_file()
    window.files.new_action.trigger()
    window.library_panel.check_topic("outlook")
    file_dialogs.save_answers.append(None)
    window.exporter.export()
    assert len(file_dialogs.asked) == 2


def test_wait_for_export_blocks_until_written(exporter, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    exporter.export()
    exporter.wait_for_export()
    assert (tmp_path / "deck.pptx").is_file()
    assert os.path.getsize(tmp_path / "deck.pptx") > 10_000
