"""Autosave after a pause in editing, and recovery on the next start."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from app.windowkit import THREE_TOPICS
from PySide6.QtCore import QSettings

from sinoru_brief.app.main import create_window
from sinoru_brief.brief import Brief, load_brief


def test_edits_are_autosaved_once_editing_pauses(window, qtbot, autosaver):
    assert not autosaver.brief_file.exists()
    window.library_panel.check_topic("arctic-energy")
    window.controller.set_field("author", "J. Analyst")
    assert not autosaver.brief_file.exists()  # not at once: only after the pause
    qtbot.waitUntil(autosaver.brief_file.exists, timeout=2000)
    saved = load_brief(autosaver.brief_file)
    assert saved.date is not None  # the day it was made on, even though the deck is left on "today"
    assert saved == replace(window.controller.brief, date=saved.date)
    info = json.loads(autosaver.info_file.read_text())
    assert info["path"] is None and info["saved"]


def test_saving_and_undoing_to_the_saved_state_clear_the_autosave(window, qtbot, autosaver, tmp_path, file_dialogs):
    window.controller.set_field("author", "J. Analyst")
    qtbot.waitUntil(autosaver.brief_file.exists, timeout=2000)
    window.controller.undo_stack.undo()
    assert not autosaver.brief_file.exists()

    window.controller.undo_stack.redo()
    qtbot.waitUntil(autosaver.brief_file.exists, timeout=2000)
    file_dialogs.save_answers.append(tmp_path / "saved.brief.yaml")
    window.files.save_action.trigger()
    assert not autosaver.brief_file.exists() and not autosaver.info_file.exists()


def test_a_clean_close_leaves_nothing_to_recover(window, qtbot, autosaver, dialog_log):
    window.controller.set_field("author", "J. Analyst")
    qtbot.waitUntil(autosaver.brief_file.exists, timeout=2000)
    window.close()  # the user chose Discard
    assert autosaver.recoverable() is None


def crashed_with(autosaver, brief, path=None):
    """Leave an autosave behind, as a run that crashed after editing would."""
    autosaver.changed(brief, path)
    autosaver.flush()
    assert autosaver.recoverable() is not None


def test_recovery_on_the_next_start(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    lost = Brief(
        title="Crashed work",
        topics=list(THREE_TOPICS),
        depth="key",
        exclude=["gray-zone-baltic-cables"],
        date=dt.date(2025, 2, 3),
    )
    original = tmp_path / "work.brief.yaml"
    crashed_with(autosaver, lost, original)

    window = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert len(dialog_log.recover_prompts) == 1
    assert window.controller.brief == lost
    assert window.controller.session.path == original
    assert window.isWindowModified()  # recovered work still has to be saved
    assert window.windowTitle() == "work.brief.yaml[*] — sinoru-brief"
    assert window.deck_panel.model.rowCount() > 0


def test_declining_recovery_starts_fresh_and_does_not_ask_again(qtbot, autosaver, dialog_log, settings_path):
    crashed_with(autosaver, Brief(title="Crashed work", topics=["summits"]))
    dialog_log.recover_answer = False
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    window = create_window([], autosaver=autosaver, settings=settings)
    qtbot.addWidget(window)
    assert window.controller.brief.topics == []
    assert autosaver.recoverable() is None

    again = create_window([], autosaver=autosaver, settings=settings)
    qtbot.addWidget(again)
    assert len(dialog_log.recover_prompts) == 1


def test_no_question_without_an_autosave(qtbot, autosaver, dialog_log, settings_path):
    window = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert dialog_log.recover_prompts == []
    assert window.controller.brief.topics == [] and not window.isWindowModified()


def test_a_brief_named_on_the_command_line_opens(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    from sinoru_brief.brief import save_brief

    path = tmp_path / "cli.brief.yaml"
    save_brief(Brief(title="From the command line", topics=["outlook"]), path)
    window = create_window(
        [str(path)], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert window.controller.session.path == path
    assert window.controller.brief.title == "From the command line"
