"""The deck strip scrolls under the wheel, and while a dragged slide nears either end of it.

Offscreen, Qt cannot run a real drag, so the test sends the drag events the
view receives during one (enter, moves, leave, drop) with the strip's own
drag data, at the positions a user's cursor would have. The strip is built alone,
as large as the window's; docking it at the side is the window's and is tested on one.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from sinoru_brief.app.deck_panel import MIME


def strip_data(strip, key: str) -> QMimeData:
    model = strip.model
    return model.mimeData([model.index(model.keys().index(key))])


def drag_to(view, data: QMimeData, pos: QPoint, kind=QDragMoveEvent) -> None:
    event = kind(pos, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def wheel(view, pos: QPoint, dy: int, dx: int = 0) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(dx, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_a_drag_near_the_right_end_scrolls_on_and_stops_in_the_middle(deck_strip, qtbot):
    view = deck_strip.view
    bar = view.horizontalScrollBar()
    bar.setValue(0)
    assert bar.maximum() > 0
    data = strip_data(deck_strip, "summits-warm-welcome")
    middle = view.viewport().rect().center()
    drag_to(view, data, middle, QDragEnterEvent)
    edge = QPoint(view.viewport().width() - 4, middle.y())
    drag_to(view, data, edge)
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    drag_to(view, data, middle)  # back in the middle: the strip stands still
    assert not view.edge_scroller.is_scrolling()
    stopped = bar.value()
    qtbot.wait(150)
    assert bar.value() == stopped
    drag_to(view, data, QPoint(3, middle.y()))  # and runs back near the left end
    qtbot.waitUntil(lambda: bar.value() < stopped - 50, timeout=3000)
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert not view.edge_scroller.is_scrolling()


def test_the_nearer_the_edge_the_faster_it_scrolls(deck_strip):
    scroller = deck_strip.view.edge_scroller
    width = deck_strip.view.viewport().width()
    y = deck_strip.view.viewport().height() // 2
    slow, fast = scroller.velocity_at(QPoint(width - 40, y)), scroller.velocity_at(QPoint(width - 2, y))
    assert 0 < slow[0] < fast[0] and slow[1] == fast[1] == 0  # a horizontal strip never scrolls vertically
    assert scroller.velocity_at(QPoint(width // 2, y)) == (0, 0)
    assert scroller.velocity_at(QPoint(2, y))[0] == -fast[0]


def test_a_drop_after_scrolling_lands_where_the_cursor_is(deck_strip, qtbot):
    view = deck_strip.view
    model = deck_strip.model
    data = strip_data(deck_strip, "north-korea-silence")
    assert data.hasFormat(MIME)
    bar = view.horizontalScrollBar()
    bar.setValue(0)
    target = model.keys().index("north-korea-key")
    bar.setValue(view.visualRect(model.index(target)).left() - 20)  # scrolled well along, as an edge drag leaves it
    assert bar.value() > 0
    rect = view.visualRect(model.index(target))
    assert view.viewport().rect().contains(rect.center())
    at = QPoint(rect.left() + 4, rect.center().y())
    drag_to(view, data, at, QDragEnterEvent)
    drag_to(view, data, at)
    QApplication.sendEvent(
        view.viewport(),
        QDropEvent(
            QPointF(at), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
    )
    keys = model.keys()
    assert keys.index("north-korea-silence") == keys.index("north-korea-key") - 1
    assert not view.edge_scroller.is_scrolling()


def test_the_wheel_scrolls_the_strip_along_and_back(deck_strip, qtbot):
    view = deck_strip.view
    bar = view.horizontalScrollBar()
    middle = view.viewport().rect().center()
    wheel(view, middle, -120 * 3)  # turning the wheel towards the user: on through the deck
    assert bar.value() > 0
    along = bar.value()
    wheel(view, middle, 120)
    assert 0 <= bar.value() < along
    wheel(view, middle, 0, dx=-240)  # a touchpad's sideways swipe too
    assert bar.value() > 0


def test_the_wheel_scrolls_a_strip_docked_at_the_side(window, qtbot):
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.deck_dock)
    view = window.deck_panel.view
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0)
    wheel(view, view.viewport().rect().center(), -240)
    assert view.verticalScrollBar().value() > 0
