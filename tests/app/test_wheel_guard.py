"""The wheel scrolls the theme editor: a spin box or combo box under the pointer changes only once focused.

The editor and the inspector are built alone on a controller, the editor as
tall as the theme dock of a window 640 pixels high.
"""

from __future__ import annotations

import pytest
from app.windowkit import show_alone
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QScrollArea, QVBoxLayout, QWidget

from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.app.wheel_guard import guard_wheel_in
from sinoru_brief.brief import Brief


def roll(widget, notches: int = -1) -> None:
    """Turn the mouse wheel over the middle of *widget* by *notches* (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def make_editor(qtbot, make_controller):
    """Return a function that shows the theme editor alone for a brief, too short to show all of it."""

    def make(brief: Brief | None = None) -> ThemeEditor:
        editor = show_alone(qtbot, ThemeEditor(make_controller(brief)), (380, 480))
        qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0, timeout=2000)
        return editor

    return make


def test_the_wheel_over_an_unfocused_size_scrolls_the_panel(make_editor, qtbot):
    editor = make_editor(Brief(title="Summits", topics=["summits"]))
    controller = editor.controller
    box = editor.size_editors["title"].size_box
    before = box.value()
    assert not box.hasFocus() and editor.verticalScrollBar().value() == 0
    roll(box, -2)
    assert box.value() == before
    assert editor.verticalScrollBar().value() > 0  # the panel scrolled instead
    assert controller.undo_stack.count() == 0  # no change of size

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # the user means this box now
    assert box.hasFocus()
    roll(box, 1)
    assert box.value() == before + 1
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=2000)
    assert controller.view().theme.sizes.title.size == before + 1


def test_the_wheel_over_an_unfocused_font_box_leaves_the_font(make_editor):
    editor = make_editor()
    font = editor.heading_font.currentText()
    editor.ensureWidgetVisible(editor.heading_font)
    scrolled = editor.verticalScrollBar().value()
    roll(editor.heading_font, -3)
    assert editor.heading_font.currentText() == font
    assert editor.verticalScrollBar().value() != scrolled
    assert editor.heading_font.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert all(
        editor.size_editors[role].minimum_box.focusPolicy() == Qt.FocusPolicy.StrongFocus
        for role in editor.size_editors
    )


def test_guarded_boxes_in_any_scrolling_panel(qtbot):
    area = QScrollArea()
    body = QWidget()
    column = QVBoxLayout(body)
    boxes = [QDoubleSpinBox(body) for _ in range(30)]
    for box in boxes:
        column.addWidget(box)
    area.setWidget(body)
    area.resize(200, 150)
    guard_wheel_in(body)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    roll(boxes[1])
    assert boxes[1].value() == 0 and area.verticalScrollBar().value() > 0
    boxes[1].setFocus()
    qtbot.waitUntil(boxes[1].hasFocus, timeout=2000)
    roll(boxes[1], 1)
    assert boxes[1].value() == 1


def test_the_wheel_over_the_inspector_leaves_the_date_and_template(controller, qtbot):
    inspector = show_alone(qtbot, Inspector(controller), (420, 700))
    date, template = inspector.date.date(), inspector.template.currentText()
    steps = controller.undo_stack.count()
    roll(inspector.date, -2)
    roll(inspector.template, -2)
    assert inspector.date.date() == date and inspector.template.currentText() == template
    assert controller.undo_stack.count() == steps  # nothing was changed behind the user's back
