"""The wheel scrolls the theme editor: a spin box or combo box under the pointer changes only once focused."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox, QScrollArea, QVBoxLayout, QWidget

from sinoru_brief.app.wheel_guard import guard_wheel_in


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


def open_editor(window, qtbot):
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)  # shortcuts go to the focused, active window
    qtbot.keyClick(window.preview, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.theme_dock.isVisible, timeout=2000)
    editor = window.theme_editor
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0, timeout=2000)
    return editor


def test_the_wheel_over_an_unfocused_size_scrolls_the_panel(make_window, qtbot):
    window = make_window(size=(1280, 640))
    window.library_panel.check_topic("summits")
    editor = open_editor(window, qtbot)
    box = editor.size_editors["title"].size_box
    before = box.value()
    assert not box.hasFocus() and editor.verticalScrollBar().value() == 0
    roll(box, -2)
    assert box.value() == before
    assert editor.verticalScrollBar().value() > 0  # the panel scrolled instead
    assert window.controller.undo_stack.count() == 1  # only the ticked topic: no change of size

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # the user means this box now
    assert box.hasFocus()
    roll(box, 1)
    assert box.value() == before + 1
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=2000)
    assert window.controller.view().theme.sizes.title.size == before + 1


def test_the_wheel_over_an_unfocused_font_box_leaves_the_font(make_window, qtbot):
    window = make_window(size=(1280, 640))
    editor = open_editor(window, qtbot)
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


def test_the_wheel_over_the_inspector_leaves_the_date_and_template(window, qtbot):
    inspector = window.inspector
    date, template = inspector.date.date(), inspector.template.currentText()
    steps = window.controller.undo_stack.count()
    roll(inspector.date, -2)
    roll(inspector.template, -2)
    assert inspector.date.date() == date and inspector.template.currentText() == template
    assert window.controller.undo_stack.count() == steps  # nothing was changed behind the user's back
