"""The inspector: deck fields, template and citation style, and deck-only wording of a slide."""

from __future__ import annotations

import datetime as dt

from app.windowkit import built, pptx_texts
from PySide6.QtCore import QDate, Qt

from sinoru_brief.app.inspector import StyleBox
from sinoru_brief.citations.formatting import available_styles

SLIDE = "gray-zone-baltic-cables"


def show(window, key=SLIDE):
    window.deck_panel.select_key(key)
    assert window.inspector.slide.id == key
    return window.inspector


def type_into(qtbot, widget, text):
    """Click into *widget*, select what it holds and type *text* over it, as a user does."""
    qtbot.waitUntil(widget.isVisible)  # new editors show once the layout has run
    window = widget.window()
    window.inspector.ensureWidgetVisible(widget)
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
    qtbot.waitUntil(widget.hasFocus, timeout=2000)  # at once offscreen; an X server takes a moment
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_the_inspector_shows_the_slide_and_deck_fields(window, real_library):
    inspector = show(window)
    slide = real_library.slide(SLIDE)
    assert inspector.slide_title.text() == slide.title
    texts = [(e.accessibleName(), e.toPlainText()) for e in inspector.bullet_editors]
    expected = []
    for i, bullet in enumerate(slide.bullets):
        expected.append((f"Bullet {i + 1}", bullet.text))
        expected.extend((f"Sub-bullet {i + 1}.{j + 1}", sub.text) for j, sub in enumerate(bullet.sub))
    assert texts == expected
    assert inspector.title.text() == "China and Russia"
    assert inspector.template.currentData() == "briefing"
    assert inspector.style_box.currentText() == "chicago-notes-bibliography"


def test_typing_a_bullet_overrides_it_keeps_focus_and_changes_the_preview(window, qtbot, real_library):
    inspector = show(window)
    before = window.preview.current_image().copy()
    editor = inspector.bullet_editors[0]
    new_text = "Cable cuts in the Baltic put China-linked ships under suspicion."
    type_into(qtbot, editor, new_text)

    assert inspector.bullet_editors[0] is editor, "the editor was rebuilt while typing"
    assert editor.hasFocus()
    assert editor.toPlainText() == new_text
    assert editor.textCursor().position() == len(new_text)
    assert window.controller.brief.overrides[SLIDE].bullets == {"0": new_text}
    assert real_library.slide(SLIDE).bullets[0].text != new_text  # the library is untouched
    assert window.controller.undo_stack.count() == 1  # one step for the whole typing
    assert inspector.bullet_labels["0"].text() == "<b>Bullet 1 — changed for this deck</b>"
    assert inspector.bullet_labels["1"].text() == "Bullet 2"
    assert inspector.reset_button.isEnabled()
    after = window.preview.current_image()
    assert after != before
    assert window.deck_panel.current_key() == SLIDE

    window.controller.undo_stack.undo()
    assert SLIDE not in window.controller.brief.overrides
    assert editor.toPlainText() == real_library.slide(SLIDE).bullets[0].text
    assert inspector.bullet_labels["0"].text() == "Bullet 1"
    assert not inspector.reset_button.isEnabled()
    assert window.preview.current_image() == before


def test_an_overridden_bullet_is_exported(window, qtbot, tmp_path, file_dialogs):
    inspector = show(window)
    type_into(qtbot, inspector.bullet_editors[1], "Our own wording of the second bullet.")
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.exporter.export()
    window.exporter.wait_for_export()
    qtbot.waitUntil(lambda: window.exporter.export_job is None)
    texts = pptx_texts(tmp_path / "deck.pptx")
    page = window.deck_panel.current_page()
    assert "Our own wording of the second bullet." in texts[page]
    original = window.controller.session.library.slide(SLIDE).bullets[1].text
    assert not any(original in t for t in texts)


def test_slide_title_override_and_restore(window, qtbot, real_library):
    inspector = show(window)
    type_into(qtbot, inspector.slide_title, "Cables, ships and suspicion")
    assert window.preview.page.title == "Cables, ships and suspicion"
    assert window.controller.brief.overrides[SLIDE].title == "Cables, ships and suspicion"
    assert inspector.slide_title.hasFocus()

    type_into(qtbot, inspector.bullet_editors[0], "Changed too.")
    qtbot.mouseClick(inspector.reset_button, Qt.MouseButton.LeftButton)
    assert SLIDE not in window.controller.brief.overrides
    assert inspector.slide_title.text() == real_library.slide(SLIDE).title
    assert inspector.bullet_editors[0].toPlainText() == real_library.slide(SLIDE).bullets[0].text
    assert window.preview.page.title == real_library.slide(SLIDE).title


def test_typing_the_library_wording_back_removes_the_override(window, qtbot, real_library):
    inspector = show(window)
    editor = inspector.bullet_editors[0]
    type_into(qtbot, editor, "")  # click in, select all
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "!")
    original = real_library.slide(SLIDE).bullets[0].text
    assert window.controller.brief.overrides[SLIDE].bullets == {"0": original + "!"}
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert SLIDE not in window.controller.brief.overrides


def test_generated_slides_have_no_wording_to_override(window):
    window.deck_panel.select_page(0)
    assert window.inspector.slide is None
    assert not window.inspector.slide_box.isEnabled()
    assert window.inspector.bullet_editors == []


def test_a_slide_with_the_same_editors_count_still_rebuilds_on_slide_change(window, real_library):
    inspector = show(window)
    first = inspector.bullet_editors[0]
    show(window, "north-korea-silence")
    assert inspector.bullet_editors[0] is not first
    assert inspector.bullet_editors[0].toPlainText() == real_library.slide("north-korea-silence").bullets[0].text


def test_deck_title_edit_updates_the_title_slide_and_undoes(window, qtbot):
    inspector = window.inspector
    type_into(qtbot, inspector.title, "Partners, not allies")
    assert window.controller.brief.title == "Partners, not allies"
    assert window.controller.view().pages[0].title == "Partners, not allies"
    assert inspector.title.hasFocus()
    assert window.controller.undo_stack.count() == 1
    window.controller.undo_stack.undo()
    assert inspector.title.text() == "China and Russia"


def test_date_and_author(window, qtbot):
    inspector = window.inspector
    type_into(qtbot, inspector.author, "J. Analyst")
    inspector.date.setDate(QDate(2025, 2, 3))
    assert window.controller.brief.author == "J. Analyst"
    assert window.controller.brief.date == dt.date(2025, 2, 3)
    assert window.controller.view().deck.brief.date == dt.date(2025, 2, 3)

    window.controller.undo_stack.undo()
    assert window.controller.brief.date is None  # the brief had no date: the deck shows today's
    today = dt.date.today()
    assert inspector.date.date() == QDate(today.year, today.month, today.day)
    window.controller.undo_stack.undo()
    assert inspector.author.text() == ""


def test_choosing_a_template_restyles_the_preview(window, qtbot):
    combo = window.inspector.template
    before = window.preview.current_image().copy()
    index = combo.findData("plain")
    combo.setFocus()
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
    assert window.controller.brief.template == "plain"
    assert window.controller.view().theme.label == combo.currentText()
    built(window, qtbot)  # the template's deck is laid out off the GUI thread, then shown
    assert window.preview.current_image() != before
    window.controller.undo_stack.undo()
    built(window, qtbot)
    assert combo.currentData() == "briefing"


def test_the_style_list_loads_in_full_on_focus(window, qtbot):
    box: StyleBox = window.inspector.style_box
    # Chicago, APA, IEEE, a separator and "Other style file…" until the box is used.
    assert not box.loaded and box.count() == 5
    box.setFocus()
    qtbot.waitUntil(lambda: box.loaded, timeout=2000)
    assert box.count() == len(available_styles()) + 3  # and two separators and "Other style file…"
    assert box.currentText() == "chicago-notes-bibliography"


def slide_references(window):
    view = window.controller.view()
    slide = next(s for s in view.deck.slides if s.key == SLIDE)
    return [view.deck.reference(n).text for n in slide.citations]


def test_choosing_a_citation_style_reformats_the_references(window, qtbot):
    show(window)
    chicago = slide_references(window)
    box = window.inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "apa")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert window.controller.brief.style == "apa"
    apa = slide_references(window)
    assert len(apa) == len(chicago) and apa != chicago
    notes = window.notes.toPlainText()
    assert all(reference in notes for reference in apa)
    assert not any(reference in notes for reference in chicago if reference not in apa)


def test_an_unknown_style_name_changes_nothing(window, qtbot):
    box = window.inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "no-such-style")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert window.controller.brief.style == "chicago-notes-bibliography"
    assert window.controller.undo_stack.count() == 0


def test_an_emptied_deck_title_is_not_kept(window, qtbot):
    inspector = window.inspector
    type_into(qtbot, inspector.title, "X")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Backspace)
    assert inspector.title.text() == ""
    assert window.controller.brief.title == "X"  # a brief needs a title: the last one stays
    inspector.author.setFocus()  # leaving the field shows the title again
    assert inspector.title.text() == "X"


def test_a_blanked_bullet_gets_its_wording_back_on_leaving(window, qtbot, real_library):
    inspector = show(window)
    editor = inspector.bullet_editors[0]
    type_into(qtbot, editor, "New wording")
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == ""
    assert window.controller.brief.overrides[SLIDE].bullets == {"0": "New wording"}
    inspector.slide_title.setFocus()
    assert editor.toPlainText() == "New wording"


def _title_frames(window) -> dict[str, str]:
    """Return the title slide's text frames by role, as laid out for the preview and the export."""
    page = window.controller.view().pages[0]
    return {box.role: box.text for box in page.boxes if hasattr(box, "paragraphs")}


def test_title_slide_fields_reach_the_title_slide_and_undo(window, qtbot):
    inspector = window.inspector
    type_into(qtbot, inspector.organisation, "Asia Desk")
    type_into(qtbot, inspector.presenter, "J. Analyst")
    type_into(qtbot, inspector.classification, "UNCLASSIFIED")
    brief = window.controller.brief
    assert (brief.organisation, brief.presenter, brief.classification) == ("Asia Desk", "J. Analyst", "UNCLASSIFIED")
    frames = _title_frames(window)
    assert frames["organisation"] == "Asia Desk"
    assert frames["classification"] == "UNCLASSIFIED"
    assert "Presented by J. Analyst" in frames["subtitle"]
    # One undo step per field typed, and undoing empties the field and the slide's line.
    window.controller.undo_stack.undo()
    assert inspector.classification.text() == "" and "classification" not in _title_frames(window)
    assert inspector.presenter.text() == "J. Analyst"


def test_title_slide_fields_show_a_brief_that_changes(window):
    def change(b):
        b.organisation, b.presenter, b.classification = "Seminar", "Prof. X", "OFFICIAL"

    window.controller.edit("Set title lines", change)
    inspector = window.inspector
    assert (inspector.organisation.text(), inspector.presenter.text(), inspector.classification.text()) == (
        "Seminar",
        "Prof. X",
        "OFFICIAL",
    )
