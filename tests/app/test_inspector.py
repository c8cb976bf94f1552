"""The inspector: deck fields, template and citation style, and deck-only wording of a slide.

The inspector is built alone on a controller; the window's part, showing the
selected slide in it and the edits in the preview, has tests of its own at the end.
"""

from __future__ import annotations

import datetime as dt

import pytest
from app.windowkit import built, pptx_texts, show_alone
from PySide6.QtCore import QDate, Qt

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.inspector import Inspector, StyleBox
from sinoru_brief.brief import edits as brief_edits
from sinoru_brief.citations.formatting import available_styles

SLIDE = "gray-zone-baltic-cables"


class Selection:
    """Tell an inspector which library slide is selected, now and again after every edit, as the window does."""

    def __init__(self, inspector: Inspector):
        self.inspector = inspector
        self.key: str | None = None
        inspector.controller.briefChanged.connect(self._show)

    def select(self, key: str | None) -> None:
        self.key = key
        self._show()

    def _show(self) -> None:
        library = self.inspector.controller.session.library
        self.inspector.show_slide(library.slide(self.key) if self.key else None)


@pytest.fixture
def inspector(qtbot, controller) -> Inspector:
    return show_alone(qtbot, Inspector(controller), (420, 900))


@pytest.fixture
def selection(inspector) -> Selection:
    return Selection(inspector)


def show(selection: Selection, key: str = SLIDE) -> Inspector:
    selection.select(key)
    assert selection.inspector.slide.id == key
    return selection.inspector


def type_into(qtbot, inspector: Inspector, widget, text: str) -> None:
    """Click into *widget* of *inspector*, select what it holds and type *text* over it, as a user does."""
    qtbot.waitUntil(widget.isVisible)  # new editors show once the layout has run
    inspector.ensureWidgetVisible(widget)
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())
    qtbot.waitUntil(widget.hasFocus, timeout=2000)  # at once offscreen; an X server takes a moment
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def deck_page(controller: DeckController, key: str = SLIDE):
    """Return the laid-out page of *key*: what the preview draws and the export writes."""
    return next(page for page in controller.view().pages if page.key == key)


def page_text(controller: DeckController, key: str = SLIDE) -> str:
    return "\n".join(box.text for box in deck_page(controller, key).boxes if hasattr(box, "paragraphs"))


def test_the_inspector_shows_the_slide_and_deck_fields(selection, real_library):
    inspector = show(selection)
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


def test_typing_a_bullet_overrides_it_keeps_focus_and_changes_the_deck(selection, qtbot, real_library):
    inspector = show(selection)
    controller = inspector.controller
    before = page_text(controller)
    editor = inspector.bullet_editors[0]
    new_text = "Cable cuts in the Baltic put China-linked ships under suspicion."
    type_into(qtbot, inspector, editor, new_text)

    assert inspector.bullet_editors[0] is editor, "the editor was rebuilt while typing"
    assert editor.hasFocus()
    assert editor.toPlainText() == new_text
    assert editor.textCursor().position() == len(new_text)
    assert controller.brief.overrides[SLIDE].bullets == {"0": new_text}
    assert real_library.slide(SLIDE).bullets[0].text != new_text  # the library is untouched
    assert controller.undo_stack.count() == 1  # one step for the whole typing
    assert inspector.bullet_labels["0"].text() == "<b>Bullet 1 — changed for this deck</b>"
    assert inspector.bullet_labels["1"].text() == "Bullet 2"
    assert inspector.reset_button.isEnabled()
    assert new_text.split()[0] in page_text(controller) and page_text(controller) != before

    controller.undo_stack.undo()
    assert SLIDE not in controller.brief.overrides
    assert editor.toPlainText() == real_library.slide(SLIDE).bullets[0].text
    assert inspector.bullet_labels["0"].text() == "Bullet 1"
    assert not inspector.reset_button.isEnabled()
    assert page_text(controller) == before


def test_slide_title_override_and_restore(selection, qtbot, real_library):
    inspector = show(selection)
    controller = inspector.controller
    type_into(qtbot, inspector, inspector.slide_title, "Cables, ships and suspicion")
    assert deck_page(controller).title == "Cables, ships and suspicion"
    assert controller.brief.overrides[SLIDE].title == "Cables, ships and suspicion"
    assert inspector.slide_title.hasFocus()

    type_into(qtbot, inspector, inspector.bullet_editors[0], "Changed too.")
    qtbot.mouseClick(inspector.reset_button, Qt.MouseButton.LeftButton)
    assert SLIDE not in controller.brief.overrides
    assert inspector.slide_title.text() == real_library.slide(SLIDE).title
    assert inspector.bullet_editors[0].toPlainText() == real_library.slide(SLIDE).bullets[0].text
    assert deck_page(controller).title == real_library.slide(SLIDE).title


def test_typing_the_library_wording_back_removes_the_override(selection, qtbot, real_library):
    inspector = show(selection)
    editor = inspector.bullet_editors[0]
    type_into(qtbot, inspector, editor, "")  # click in, select all
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "!")
    original = real_library.slide(SLIDE).bullets[0].text
    assert inspector.controller.brief.overrides[SLIDE].bullets == {"0": original + "!"}
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert SLIDE not in inspector.controller.brief.overrides


def test_a_slide_without_library_wording_empties_the_slide_box(selection):
    inspector = show(selection)
    assert inspector.bullet_editors and inspector.slide_box.isEnabled()
    selection.select(None)  # a generated slide: the title, agenda, references
    assert inspector.slide is None
    assert not inspector.slide_box.isEnabled()
    assert inspector.bullet_editors == []
    assert inspector.slide_title.text() == ""


def test_a_slide_with_the_same_editors_count_still_rebuilds_on_slide_change(selection, real_library):
    inspector = show(selection)
    first = inspector.bullet_editors[0]
    show(selection, "north-korea-silence")
    assert inspector.bullet_editors[0] is not first
    assert inspector.bullet_editors[0].toPlainText() == real_library.slide("north-korea-silence").bullets[0].text


def test_deck_title_edit_updates_the_title_slide_and_undoes(inspector, qtbot):
    controller = inspector.controller
    type_into(qtbot, inspector, inspector.title, "Partners, not allies")
    assert controller.brief.title == "Partners, not allies"
    assert controller.view().pages[0].title == "Partners, not allies"
    assert inspector.title.hasFocus()
    assert controller.undo_stack.count() == 1
    controller.undo_stack.undo()
    assert inspector.title.text() == "China and Russia"


def test_date_and_author(inspector, qtbot):
    controller = inspector.controller
    type_into(qtbot, inspector, inspector.author, "J. Analyst")
    inspector.date.setDate(QDate(2025, 2, 3))
    assert controller.brief.author == "J. Analyst"
    assert controller.brief.date == dt.date(2025, 2, 3)
    assert controller.view().deck.brief.date == dt.date(2025, 2, 3)

    controller.undo_stack.undo()
    assert controller.brief.date is None  # the brief had no date: the deck shows today's
    today = dt.date.today()
    assert inspector.date.date() == QDate(today.year, today.month, today.day)
    controller.undo_stack.undo()
    assert inspector.author.text() == ""


def test_choosing_a_template_restyles_the_deck(inspector, qtbot):
    controller = inspector.controller
    combo = inspector.template
    before = controller.shown()
    index = combo.findData("plain")
    combo.setFocus()
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
    assert controller.brief.template == "plain"
    assert controller.view().theme.label == combo.currentText()
    built(controller, qtbot)  # the template's deck is laid out off the GUI thread, then shown
    assert controller.shown().theme.label == combo.currentText() != before.theme.label
    assert controller.shown().pages != before.pages  # laid out again in the new look
    controller.undo_stack.undo()
    built(controller, qtbot)
    assert combo.currentData() == "briefing"
    assert controller.shown().theme.label == before.theme.label
    assert controller.shown().pages == before.pages


def test_the_style_list_loads_in_full_on_focus(inspector, qtbot):
    box: StyleBox = inspector.style_box
    # Chicago, APA, IEEE, a separator and "Other style file…" until the box is used.
    assert not box.loaded and box.count() == 5
    box.setFocus()
    qtbot.waitUntil(lambda: box.loaded, timeout=2000)
    assert box.count() == len(available_styles()) + 3  # and two separators and "Other style file…"
    assert box.currentText() == "chicago-notes-bibliography"


def slide_references(controller: DeckController) -> list[str]:
    view = controller.view()
    slide = next(s for s in view.deck.slides if s.key == SLIDE)
    return [view.deck.reference(n).text for n in slide.citations]


def test_choosing_a_citation_style_reformats_the_references(selection, qtbot):
    inspector = show(selection)
    controller = inspector.controller
    chicago = slide_references(controller)
    box = inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "apa")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert controller.brief.style == "apa"
    apa = slide_references(controller)
    assert len(apa) == len(chicago) and apa != chicago
    # The slide's notes (the notes pane shows them, the export writes them) list the new references.
    notes = next(s for s in controller.view().deck.slides if s.key == SLIDE).notes
    assert all(reference in notes for reference in apa)
    assert not any(reference in notes for reference in chicago if reference not in apa)


def test_an_unknown_style_name_changes_nothing(inspector, qtbot):
    box = inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "no-such-style")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert inspector.controller.brief.style == "chicago-notes-bibliography"
    assert inspector.controller.undo_stack.count() == 0


def test_an_emptied_deck_title_is_not_kept(inspector, qtbot):
    type_into(qtbot, inspector, inspector.title, "X")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Backspace)
    assert inspector.title.text() == ""
    assert inspector.controller.brief.title == "X"  # a brief needs a title: the last one stays
    inspector.author.setFocus()  # leaving the field shows the title again
    assert inspector.title.text() == "X"


def test_a_blanked_bullet_gets_its_wording_back_on_leaving(selection, qtbot, real_library):
    inspector = show(selection)
    editor = inspector.bullet_editors[0]
    type_into(qtbot, inspector, editor, "New wording")
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == ""
    assert inspector.controller.brief.overrides[SLIDE].bullets == {"0": "New wording"}
    inspector.slide_title.setFocus()
    assert editor.toPlainText() == "New wording"


def _title_frames(controller: DeckController) -> dict[str, str]:
    """Return the title slide's text frames by role, as laid out for the preview and the export."""
    page = controller.view().pages[0]
    return {box.role: box.text for box in page.boxes if hasattr(box, "paragraphs")}


def test_title_slide_fields_reach_the_title_slide_and_undo(inspector, qtbot):
    controller = inspector.controller
    type_into(qtbot, inspector, inspector.organisation, "Asia Desk")
    type_into(qtbot, inspector, inspector.presenter, "J. Analyst")
    type_into(qtbot, inspector, inspector.classification, "UNCLASSIFIED")
    brief = controller.brief
    assert (brief.organisation, brief.presenter, brief.classification) == ("Asia Desk", "J. Analyst", "UNCLASSIFIED")
    frames = _title_frames(controller)
    assert frames["organisation"] == "Asia Desk"
    assert frames["classification"] == "UNCLASSIFIED"
    assert "Presented by J. Analyst" in frames["subtitle"]
    # One undo step per field typed, and undoing empties the field and the slide's line.
    controller.undo_stack.undo()
    assert inspector.classification.text() == "" and "classification" not in _title_frames(controller)
    assert inspector.presenter.text() == "J. Analyst"


def test_title_slide_fields_show_a_brief_that_changes(inspector):
    def change(b):
        for name, value in (("organisation", "Seminar"), ("presenter", "Prof. X"), ("classification", "OFFICIAL")):
            b = brief_edits.set_field(b, name, value)
        return b

    inspector.controller.edit("Set title lines", change)
    assert (inspector.organisation.text(), inspector.presenter.text(), inspector.classification.text()) == (
        "Seminar",
        "Prof. X",
        "OFFICIAL",
    )


# ----------------------------------------------------------------- in the window


def test_the_selected_slide_is_inspected_and_its_edits_show_in_the_preview(window, qtbot):
    inspector = window.inspector
    window.deck_panel.select_key(SLIDE)
    assert inspector.slide.id == SLIDE
    before = window.preview.current_image().copy()
    editor = inspector.bullet_editors[0]
    type_into(qtbot, inspector, editor, "Cables cut.")
    assert inspector.bullet_editors[0] is editor, "the window rebuilt the editor while typing"
    assert editor.hasFocus()
    # Typing builds the deck off the GUI thread; the preview shows the slide as it was until then.
    assert window.controller.builder.busy
    assert window.preview.current_image() == before
    built(window, qtbot)
    assert window.preview.current_image() != before
    assert window.deck_panel.current_key() == SLIDE
    type_into(qtbot, inspector, inspector.slide_title, "Cables")
    built(window, qtbot)
    assert window.preview.page.title == "Cables"

    window.controller.undo_stack.undo()
    window.controller.undo_stack.undo()
    assert window.preview.current_image() == before
    window.deck_panel.select_page(0)  # the title slide: generated, nothing of the library's to reword
    assert inspector.slide is None
    assert not inspector.slide_box.isEnabled()
    assert inspector.bullet_editors == []


def test_choosing_a_template_restyles_the_preview(window, qtbot):
    combo = window.inspector.template
    before = window.preview.current_image().copy()
    combo.activated.emit(combo.findData("plain"))  # as a user's pick does
    assert window.controller.brief.template == "plain"
    built(window, qtbot)  # the template's deck is laid out off the GUI thread, then shown
    assert window.preview.current_image() != before
    window.controller.undo_stack.undo()
    built(window, qtbot)
    assert window.preview.current_image() == before


def test_an_overridden_bullet_is_exported(window, qtbot, tmp_path, file_dialogs):
    inspector = window.inspector
    window.deck_panel.select_key(SLIDE)
    type_into(qtbot, inspector, inspector.bullet_editors[1], "Our own wording of the second bullet.")
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.exporter.export()
    window.exporter.wait_for_export()
    qtbot.waitUntil(lambda: window.exporter.export_job is None)
    texts = pptx_texts(tmp_path / "deck.pptx")
    page = window.deck_panel.current_page()
    assert "Our own wording of the second bullet." in texts[page]
    original = window.controller.session.library.slide(SLIDE).bullets[1].text
    assert not any(original in t for t in texts)
