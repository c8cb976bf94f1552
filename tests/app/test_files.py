"""Files: New, Open, Save, Save As, recent files, the dirty mark and the prompt before losing work.

Each test builds the File part alone on a controller (the ``brief_files`` and
``make_brief_files`` fixtures). Three build the window, whose behaviour they
test: its title and unsaved mark following the document, and its close asking
before unsaved work is lost.
"""

from __future__ import annotations

from dataclasses import replace

from app.windowkit import THREE_TOPICS, UnsavedMark, library_keys
from PySide6.QtWidgets import QMessageBox

from sinoru_brief.brief import Brief, load_brief

Button = QMessageBox.StandardButton


def test_save_as_writes_the_brief_and_reopening_gives_it_back(
    brief_files, make_brief_files, make_controller, tmp_path, file_dialogs
):
    controller = brief_files.controller
    mark = UnsavedMark(controller)
    # What removing a slide and dragging another in the deck strip do to the brief.
    controller.exclude_slide("summits-warm-welcome")
    controller.move_slide("north-korea-silence", "north-korea-key")
    controller.override_bullet("gray-zone-espionage", "0", "Deck-only wording.")
    controller.set_field("author", "J. Analyst")
    edited = controller.session.snapshot()

    target = tmp_path / "briefs" / "my-deck.brief.yaml"
    target.parent.mkdir()
    file_dialogs.save_answers.append(target.with_suffix("").with_suffix(""))  # typed without the suffix
    brief_files.save_as_action.trigger()

    assert target.is_file()
    # The date left on "today" is written down, in the file and in the brief being edited.
    assert edited.date is None and controller.brief.date is not None
    assert load_brief(target) == replace(edited, date=controller.brief.date)
    assert controller.session.path == target
    assert not mark.shown

    other = make_brief_files(make_controller())
    other_mark = UnsavedMark(other.controller)
    file_dialogs.open_answers.append(target)
    other.open_action.trigger()
    assert other.controller.brief == controller.brief
    assert library_keys(other.controller) == library_keys(controller)
    assert not other_mark.shown
    assert other.controller.session.path == target


def test_the_title_and_the_unsaved_mark_follow_the_document(window, dialog_log, tmp_path, file_dialogs):
    """The window's title names the brief saved or opened, and its mark says whether what is shown is saved."""
    window.controller.set_field("author", "J. Analyst")
    assert window.isWindowModified()
    target = tmp_path / "my-deck.brief.yaml"
    file_dialogs.save_answers.append(target)
    window.files.save_as_action.trigger()
    assert window.windowTitle() == "my-deck.brief.yaml[*] — sinoru-brief"
    assert not window.isWindowModified()

    window.controller.set_field("title", "Unsaved work")
    window.files.new_action.trigger()  # the work is discarded
    assert window.windowTitle() == "Untitled brief[*] — sinoru-brief"
    assert not window.isWindowModified()

    old = tmp_path / "old.brief.yaml"
    old.write_text("title: Old\ntopics: [summits, no-such-topic]\n", encoding="utf-8")
    file_dialogs.open_answers.append(old)
    window.files.open_action.trigger()
    assert window.windowTitle().startswith("old.brief.yaml")
    assert window.isWindowModified()  # the cleaned brief differs from the file

    file_dialogs.open_answers.append(target)
    window.files.open_action.trigger()  # the cleaned brief is discarded
    assert window.windowTitle().startswith("my-deck.brief.yaml")
    assert not window.isWindowModified()
    assert dialog_log.save_prompts == ["my-deck.brief.yaml", "old.brief.yaml"]


def test_save_suggests_a_name_from_the_title(brief_files, file_dialogs):
    file_dialogs.save_answers.append(None)  # the user cancels
    assert brief_files.save() is False
    caption, suggested = file_dialogs.asked[0]
    assert caption == "Save brief"
    assert suggested.endswith("/china-and-russia.brief.yaml")


def test_save_again_goes_to_the_same_file_without_asking(brief_files, tmp_path, file_dialogs):
    mark = UnsavedMark(brief_files.controller)
    target = tmp_path / "deck.brief.yaml"
    file_dialogs.save_answers.append(target)
    brief_files.save_action.trigger()
    brief_files.controller.set_field("subtitle", "Second version")
    assert mark.shown
    brief_files.save_action.trigger()  # no answer queued: a dialog would fail the test
    assert load_brief(target).subtitle == "Second version"
    assert not mark.shown


def test_the_dirty_mark_follows_edits_undo_and_save(window, tmp_path, file_dialogs):
    """The window's own mark (the "*" in its title) follows the session: kept on the window."""
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


def test_new_asks_before_dropping_changes(brief_files, deck_strip, dialog_log):
    controller = brief_files.controller  # the deck strip shows the same controller's deck
    mark = UnsavedMark(controller)
    controller.set_field("title", "Unsaved work")
    dialog_log.save_answer = Button.Cancel
    brief_files.new_action.trigger()
    assert dialog_log.save_prompts == ["Untitled brief"]
    assert controller.brief.title == "Unsaved work"

    dialog_log.save_answer = Button.Discard
    brief_files.new_action.trigger()
    assert controller.brief == Brief(topics=[], depth="standard")
    assert controller.undo_stack.count() == 0
    assert deck_strip.model.rowCount() == 0
    assert not mark.shown


def test_new_with_save_saves_first(brief_files, dialog_log, tmp_path, file_dialogs):
    brief_files.controller.set_field("title", "Keep me")
    dialog_log.save_answer = Button.Save
    file_dialogs.save_answers.append(tmp_path / "kept.brief.yaml")
    brief_files.new_action.trigger()
    assert load_brief(tmp_path / "kept.brief.yaml").title == "Keep me"
    assert brief_files.controller.brief.topics == []


def test_new_with_save_cancelled_keeps_the_work(brief_files, dialog_log, file_dialogs):
    brief_files.controller.set_field("title", "Keep me")
    dialog_log.save_answer = Button.Save
    file_dialogs.save_answers.append(None)
    brief_files.new_action.trigger()
    assert brief_files.controller.brief.title == "Keep me"


def test_no_prompt_without_changes(brief_files, dialog_log):
    brief_files.new_action.trigger()
    assert dialog_log.save_prompts == []


def test_closing_with_changes_asks_and_cancel_keeps_the_window(window, dialog_log):
    """Closing is the window's: its close event asks the File part first."""
    window.controller.set_field("title", "Unsaved")
    dialog_log.save_answer = Button.Cancel
    assert window.close() is False
    assert window.isVisible()
    dialog_log.save_answer = Button.Discard
    assert window.close() is True
    assert dialog_log.save_prompts == ["Untitled brief", "Untitled brief"]


def test_opening_a_broken_brief_shows_the_error(brief_files, dialog_log, tmp_path, file_dialogs):
    broken = tmp_path / "broken.brief.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    file_dialogs.open_answers.append(broken)
    brief_files.open_action.trigger()
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Cannot open the brief"
    assert "broken.brief.yaml" in message and "line" in message
    assert brief_files.controller.brief.topics == THREE_TOPICS  # the open document is untouched


def test_opening_a_brief_naming_missing_slides_reports_what_was_dropped(
    brief_files, dialog_log, tmp_path, file_dialogs
):
    mark = UnsavedMark(brief_files.controller)
    path = tmp_path / "old.brief.yaml"
    path.write_text("title: Old\ntopics: [summits, no-such-topic]\nexclude: [gone-slide]\n", encoding="utf-8")
    file_dialogs.open_answers.append(path)
    brief_files.open_action.trigger()
    assert brief_files.controller.brief.topics == ["summits"]
    assert [t for t, _ in dialog_log.errors] == ["Parts of the brief were dropped"]
    assert "no-such-topic" in dialog_log.errors[0][1]
    assert mark.shown  # the cleaned brief differs from the file


def test_recent_files_reopen(brief_files, make_brief_files, make_controller, tmp_path, file_dialogs):
    first, second = tmp_path / "one.brief.yaml", tmp_path / "two.brief.yaml"
    file_dialogs.save_answers.append(first)
    brief_files.save_as_action.trigger()
    brief_files.controller.set_field("title", "Two")
    file_dialogs.save_answers.append(second)
    brief_files.save_as_action.trigger()
    assert [a.text() for a in brief_files.recent_menu.actions()] == ["two.brief.yaml", "one.brief.yaml"]

    other = make_brief_files(make_controller())  # same settings file: the list carries over
    actions = other.recent_menu.actions()
    assert [a.text() for a in actions] == ["two.brief.yaml", "one.brief.yaml"]
    actions[1].trigger()
    assert other.controller.session.path == first
    assert other.controller.brief.title == "China and Russia"
