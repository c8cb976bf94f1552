"""Files: New, Open, Save, Save As, recent files, the dirty mark and the prompt before losing work."""

from __future__ import annotations

from dataclasses import replace

from app.windowkit import THREE_TOPICS, content_keys
from PySide6.QtWidgets import QMessageBox

from sinoru_brief.brief import Brief, load_brief

Button = QMessageBox.StandardButton


def test_save_as_writes_the_brief_and_reopening_gives_it_back(window, make_window, qtbot, tmp_path, file_dialogs):
    window.deck_panel.select_key("summits-warm-welcome")
    window.remove_action.trigger()
    window.deck_panel.model.move("north-korea-silence", window.deck_panel.model.keys().index("north-korea-key"))
    window.controller.override_bullet("gray-zone-espionage", "0", "Deck-only wording.")
    window.controller.set_field("author", "J. Analyst")
    edited = window.controller.session.snapshot()

    target = tmp_path / "briefs" / "my-deck.brief.yaml"
    target.parent.mkdir()
    file_dialogs.save_answers.append(target.with_suffix("").with_suffix(""))  # typed without the suffix
    window.files.save_as_action.trigger()

    assert target.is_file()
    # The date left on "today" is written down, in the file and in the brief being edited.
    assert edited.date is None and window.controller.brief.date is not None
    assert load_brief(target) == replace(edited, date=window.controller.brief.date)
    assert window.controller.session.path == target
    assert window.windowTitle() == "my-deck.brief.yaml[*] — sinoru-brief"
    assert not window.isWindowModified()

    other = make_window()
    file_dialogs.open_answers.append(target)
    other.files.open_action.trigger()
    assert other.controller.brief == window.controller.brief
    assert content_keys(other) == content_keys(window)
    assert not other.isWindowModified()
    assert other.windowTitle().startswith("my-deck.brief.yaml")


def test_save_suggests_a_name_from_the_title(window, file_dialogs):
    file_dialogs.save_answers.append(None)  # the user cancels
    assert window.files.save() is False
    caption, suggested = file_dialogs.asked[0]
    assert caption == "Save brief"
    assert suggested.endswith("/china-and-russia.brief.yaml")


def test_save_again_goes_to_the_same_file_without_asking(window, tmp_path, file_dialogs):
    target = tmp_path / "deck.brief.yaml"
    file_dialogs.save_answers.append(target)
    window.files.save_action.trigger()
    window.controller.set_field("subtitle", "Second version")
    assert window.isWindowModified()
    window.files.save_action.trigger()  # no answer queued: a dialog would fail the test
    assert load_brief(target).subtitle == "Second version"
    assert not window.isWindowModified()


def test_the_dirty_mark_follows_edits_undo_and_save(window, tmp_path, file_dialogs):
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()  # Qt shows "*" there when modified
    window.library_panel.check_topic("arctic-energy")
    assert window.isWindowModified()
    window.controller.undo_stack.undo()
    assert not window.isWindowModified()  # back to the saved state
    window.controller.undo_stack.redo()
    file_dialogs.save_answers.append(tmp_path / "x.brief.yaml")
    window.files.save_action.trigger()
    assert not window.isWindowModified()
    window.controller.undo_stack.undo()
    assert window.isWindowModified()  # now differs from the file


def test_new_asks_before_dropping_changes(window, dialog_log):
    window.controller.set_field("title", "Unsaved work")
    dialog_log.save_answer = Button.Cancel
    window.files.new_action.trigger()
    assert dialog_log.save_prompts == ["Untitled brief"]
    assert window.controller.brief.title == "Unsaved work"

    dialog_log.save_answer = Button.Discard
    window.files.new_action.trigger()
    assert window.controller.brief == Brief(topics=[], depth="standard")
    assert window.controller.undo_stack.count() == 0
    assert window.deck_panel.model.rowCount() == 0
    assert not window.isWindowModified()


def test_new_with_save_saves_first(window, dialog_log, tmp_path, file_dialogs):
    window.controller.set_field("title", "Keep me")
    dialog_log.save_answer = Button.Save
    file_dialogs.save_answers.append(tmp_path / "kept.brief.yaml")
    window.files.new_action.trigger()
    assert load_brief(tmp_path / "kept.brief.yaml").title == "Keep me"
    assert window.controller.brief.topics == []


def test_new_with_save_cancelled_keeps_the_work(window, dialog_log, file_dialogs):
    window.controller.set_field("title", "Keep me")
    dialog_log.save_answer = Button.Save
    file_dialogs.save_answers.append(None)
    window.files.new_action.trigger()
    assert window.controller.brief.title == "Keep me"


def test_no_prompt_without_changes(window, dialog_log):
    window.files.new_action.trigger()
    assert dialog_log.save_prompts == []


def test_closing_with_changes_asks_and_cancel_keeps_the_window(window, dialog_log):
    window.controller.set_field("title", "Unsaved")
    dialog_log.save_answer = Button.Cancel
    assert window.close() is False
    assert window.isVisible()
    dialog_log.save_answer = Button.Discard
    assert window.close() is True
    assert dialog_log.save_prompts == ["Untitled brief", "Untitled brief"]


def test_opening_a_broken_brief_shows_the_error(window, dialog_log, tmp_path, file_dialogs):
    broken = tmp_path / "broken.brief.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    file_dialogs.open_answers.append(broken)
    window.files.open_action.trigger()
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Cannot open the brief"
    assert "broken.brief.yaml" in message and "line" in message
    assert window.controller.brief.topics == THREE_TOPICS  # the open document is untouched


def test_opening_a_brief_naming_missing_slides_reports_what_was_dropped(window, dialog_log, tmp_path, file_dialogs):
    path = tmp_path / "old.brief.yaml"
    path.write_text("title: Old\ntopics: [summits, no-such-topic]\nexclude: [gone-slide]\n", encoding="utf-8")
    file_dialogs.open_answers.append(path)
    window.files.open_action.trigger()
    assert window.controller.brief.topics == ["summits"]
    assert [t for t, _ in dialog_log.errors] == ["Parts of the brief were dropped"]
    assert "no-such-topic" in dialog_log.errors[0][1]
    assert window.isWindowModified()  # the cleaned brief differs from the file


def test_recent_files_reopen(window, make_window, tmp_path, file_dialogs):
    first, second = tmp_path / "one.brief.yaml", tmp_path / "two.brief.yaml"
    file_dialogs.save_answers.append(first)
    window.files.save_as_action.trigger()
    window.controller.set_field("title", "Two")
    file_dialogs.save_answers.append(second)
    window.files.save_as_action.trigger()
    assert [a.text() for a in window.recent_menu.actions()] == ["two.brief.yaml", "one.brief.yaml"]

    other = make_window()  # same settings file: the list carries over
    actions = other.recent_menu.actions()
    assert [a.text() for a in actions] == ["two.brief.yaml", "one.brief.yaml"]
    actions[1].trigger()
    assert other.controller.session.path == first
    assert other.controller.brief.title == "China and Russia"
