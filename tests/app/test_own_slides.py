"""Driving the app as a briefer: add a slide of one's own citing a library source, edit a slide's bullets and notes.

The commands are the deck strip's (:class:`OwnSlideActions` on the
:class:`DeckPanel`), so the tests build the strip alone on a controller
(the ``deck_strip`` fixture), with :class:`BriefFiles` where the brief is saved.
"""

from __future__ import annotations

import pytest
from app.windowkit import add_slide_after, pptx_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from sinoru_brief.app.own_slide_dialog import OwnSlideDialog
from sinoru_brief.app.window_files import BriefFiles
from sinoru_brief.brief import BriefBullet, load_brief

SOURCE = "wishnick-2025-cooperation-without-coordination"


def answer_dialog(monkeypatch, fill) -> list[OwnSlideDialog]:
    """Make OwnSlideDialog.exec run *fill(dialog)*, then press OK if it is enabled; return the dialogs shown."""
    shown: list[OwnSlideDialog] = []

    def exec_(dialog: OwnSlideDialog) -> int:
        shown.append(dialog)
        fill(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(OwnSlideDialog, "exec", exec_)
    return shown


@pytest.fixture
def files(controller, make_brief_files) -> BriefFiles:
    """Save and Open for the analyst's three topics, on a plain widget; the save dialogs answer from the test."""
    return make_brief_files(controller)


def test_add_an_own_slide_after_the_selected_one_cite_save_and_undo(
    deck_strip, controller, files, qtbot, monkeypatch, tmp_path, file_dialogs
):
    def fill(dialog: OwnSlideDialog) -> None:
        # Filled through the widgets' setters: this runs inside the shortcut's key event, where
        # sending further synthetic key events is not safe.
        dialog.title_edit.setText("Our assessment")
        dialog.bullets_edit.setPlainText("Cooperation deepens")
        dialog.search_edit.setText("wishnick without coordination 2025")
        assert dialog.results.currentItem().data(Qt.ItemDataRole.UserRole) == SOURCE
        cursor = dialog.bullets_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        dialog.bullets_edit.setTextCursor(cursor)
        dialog.cite_button.click()
        dialog.cite_button.click()  # citing the same source twice cites it once
        dialog.bullets_edit.appendPlainText("  but no alliance\nOur own judgment")
        dialog.notes_edit.setPlainText("Stress the limits.")

    answer_dialog(monkeypatch, fill)
    panel = deck_strip
    add_slide_after(panel, qtbot, "summits-warm-welcome")

    [own] = controller.brief.custom_slides
    assert (own.after, own.title, own.notes) == ("summits-warm-welcome", "Our assessment", "Stress the limits.")
    assert own.bullets == [
        BriefBullet("Cooperation deepens", [SOURCE], [BriefBullet("but no alliance")]),
        BriefBullet("Our own judgment"),
    ]
    keys = panel.model.keys()
    assert keys[keys.index("summits-warm-welcome") + 1] == own.id
    assert panel.current_key() == own.id
    # The preview's deck cites the source with the deck's number and lists it in the notes.
    deck = controller.view().deck
    [slide] = [s for s in deck.slides if s.key == own.id]
    assert slide.citations == (deck.numbers[SOURCE],)
    assert f"[{deck.numbers[SOURCE]}] " in slide.notes

    target = tmp_path / "own.brief.yaml"
    file_dialogs.save_answers.append(target)
    assert files.save()
    assert load_brief(target).custom_slides == [own]

    controller.undo_stack.undo()
    assert controller.brief.custom_slides == []
    assert own.id not in panel.model.keys()
    controller.undo_stack.redo()
    assert own.id in panel.model.keys()
    # Delete on the user's own slide removes it from the brief; undo brings it back.
    panel.select_key(own.id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert controller.brief.custom_slides == []
    controller.undo_stack.undo()
    assert [s.id for s in controller.brief.custom_slides] == [own.id]


def test_an_unknown_citation_or_no_title_keeps_ok_disabled(real_library, qtbot):
    dialog = OwnSlideDialog(real_library)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem.text() == "Give the slide a title."
    qtbot.keyClicks(dialog.title_edit, "Mine")
    assert ok.isEnabled()
    qtbot.keyClicks(dialog.bullets_edit, "A claim [no-such-source]")
    assert not ok.isEnabled()
    assert dialog.problem.text().startswith("Unknown source: no-such-source.")


def test_edit_bullets_and_notes_of_a_library_slide_in_one_undo_step(deck_strip, controller, monkeypatch):
    library = controller.session.library
    original = library.slide("summits-warm-welcome")

    def fill(dialog: OwnSlideDialog) -> None:
        assert not dialog.title_edit.isVisibleTo(dialog)
        lines = dialog.bullets_edit.toPlainText().splitlines()
        top = [i for i, line in enumerate(lines) if not line.startswith(" ")]
        # Drop the first bullet (with its sub-bullets) and add one of our own at the end.
        kept = lines[top[1] :] if len(top) > 1 else []
        dialog.bullets_edit.setPlainText("\n".join([*kept, f"Added by us [{SOURCE}]"]))
        dialog.notes_edit.setPlainText("Our notes.")

    answer_dialog(monkeypatch, fill)
    deck_strip.select_key("summits-warm-welcome")
    count = controller.undo_stack.count()
    deck_strip.own_slides.edit_action.trigger()

    override = controller.brief.overrides["summits-warm-welcome"]
    assert [b.text for b in override.bullet_list] == [*(b.text for b in original.bullets[1:]), "Added by us"]
    assert override.notes == "Our notes."
    assert controller.undo_stack.count() == count + 1
    deck = controller.view().deck
    [slide] = [s for s in deck.slides if s.key == "summits-warm-welcome"]
    assert slide.slide.bullets[-1].text == "Added by us" and deck.numbers[SOURCE] in slide.citations
    assert slide.notes.startswith("Our notes.")
    controller.undo_stack.undo()
    assert "summits-warm-welcome" not in controller.brief.overrides
    assert library.slide("summits-warm-welcome") is original


def test_the_cli_exports_the_saved_brief_as_the_app_shows_it(controller, files, file_dialogs, tmp_path, capsys):
    from sinoru_brief.cli import EXIT_OK, main

    controller.add_own_slide(
        "summits-warm-welcome", "Implications for us", [BriefBullet("Plan for a durable partnership", [SOURCE])]
    )
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    file_dialogs.save_answers.append(brief)
    assert files.save()
    assert main(["export", "--brief", str(brief), "-o", str(out)]) == EXIT_OK
    texts = pptx_texts(out)
    pages = controller.view().pages
    assert len(texts) == len(pages)
    [index] = [i for i, text in enumerate(texts) if "Implications for us" in text]
    assert pages[index].key == controller.brief.custom_slides[0].id
    assert "Plan for a durable partnership" in texts[index]


def test_edit_an_own_slide_title_bullets_and_notes(deck_strip, controller, monkeypatch):
    own_id = controller.add_own_slide("summits-warm-welcome", "Draft", [BriefBullet("One")])

    def fill(dialog: OwnSlideDialog) -> None:
        assert dialog.slide_title() == "Draft" and dialog.bullets_edit.toPlainText() == "One"
        dialog.title_edit.setText("Our assessment")
        dialog.bullets_edit.setPlainText(f"Two [{SOURCE}]\nOne")
        dialog.notes_edit.setPlainText("Notes.")

    answer_dialog(monkeypatch, fill)
    deck_strip.select_key(own_id)
    deck_strip.own_slides.edit_action.trigger()
    [own] = controller.brief.custom_slides
    assert (own.title, own.notes) == ("Our assessment", "Notes.")
    assert own.bullets == [BriefBullet("Two", [SOURCE]), BriefBullet("One")]
    controller.undo_stack.undo()
    assert controller.brief.custom_slides[0].title == "Draft"
    assert controller.brief.custom_slides[0].bullets == [BriefBullet("One")]
