"""File > Export PDF… and Export PDF Handout…: ask for a file, write off the GUI thread with progress, atomically.

The tests build the export part alone (the ``exporter`` fixture), but for the
File menu's order, which the window makes.
"""

from __future__ import annotations

import errno
import re
import shutil
import subprocess
import threading

import pytest

from sinoru_brief import atomic
from sinoru_brief.app import export_job

pytestmark = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo)")


def pages_of(path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)), info


def finished(exporter, qtbot) -> None:
    """Wait for the export running off the GUI thread to end (a PDF takes longer than a .pptx)."""
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=30000)


def menu_texts(window) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text() for a in file_menu.actions()]


def test_the_file_menu_offers_both_pdfs(window):
    texts = menu_texts(window)
    assert "Export &PDF…" in texts and "Export PDF &Handout…" in texts
    assert texts.index("Export &PDF…") == texts.index("Export &As…") + 1


def test_export_pdf_writes_one_page_per_slide_off_the_gui_thread(exporter, qtbot, tmp_path, file_dialogs, monkeypatch):
    threads, progress = [], []
    real = export_job.write_atomic

    def recording_write(path, data):
        threads.append(threading.current_thread())
        real(path, data)

    monkeypatch.setattr(export_job, "write_atomic", recording_write)
    # The bar is set in the GUI thread from the job's queued signal; record what it showed.
    exporter.progress.valueChanged.connect(lambda value: progress.append((value, exporter.progress.maximum())))
    file_dialogs.save_answers.append(tmp_path / "read-ahead")  # typed without .pdf
    exporter.export_pdf_action.trigger()
    assert exporter.export_job is not None and exporter.progress.isVisible()
    assert not exporter.export_pdf_action.isEnabled() and not exporter.export_button.isEnabled()
    finished(exporter, qtbot)

    caption, suggested = file_dialogs.asked[0]
    assert caption == "Export PDF" and suggested.endswith(".pdf")
    written = tmp_path / "read-ahead.pdf"
    count, info = pages_of(written)
    view = exporter.controller.view()
    assert count == len(view.pages)
    assert view.deck.brief.title in info
    assert threads and threads[0] is not threading.main_thread()
    assert progress and progress[-1] == (len(view.pages), len(view.pages))
    assert exporter.export_pdf_action.isEnabled() and exporter.export_button.isEnabled()
    assert "read-ahead.pdf" in exporter.export_message.text()
    assert exporter.export_path is None  # the one-click .pptx export still asks for its own file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["read-ahead.pdf"]


def test_export_handout_writes_a4_pages(exporter, qtbot, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(tmp_path / "handout.pdf")
    exporter.export_handout_action.trigger()
    finished(exporter, qtbot)
    caption, suggested = file_dialogs.asked[0]
    assert caption == "Export PDF handout" and suggested.endswith("-handout.pdf")
    count, info = pages_of(tmp_path / "handout.pdf")
    assert "A4" in info and count >= len(exporter.controller.view().pages)


def test_a_failed_pdf_export_shows_the_error_and_keeps_the_old_file(
    exporter, qtbot, tmp_path, file_dialogs, dialog_log, monkeypatch
):
    target = tmp_path / "deck.pdf"
    target.write_bytes(b"old")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    file_dialogs.save_answers.append(target)
    exporter.export_pdf_action.trigger()
    finished(exporter, qtbot)
    title, message = dialog_log.errors[0]
    assert title == "Export failed" and "disk is full" in message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pdf"]
    assert exporter.export_pdf_action.isEnabled()


def test_cancelling_writes_nothing(exporter, tmp_path, file_dialogs):
    file_dialogs.save_answers.append(None)
    exporter.export_pdf_action.trigger()
    assert exporter.export_job is None
    assert list(tmp_path.iterdir()) == []
