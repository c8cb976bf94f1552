"""Keep the mouse wheel for scrolling: a spin box or combo box changes with the wheel only once it has focus.

A long panel of spin boxes (the theme editor) is scrolled with the wheel; Qt
lets each box under the pointer take the wheel for itself, so scrolling the
panel silently changes whatever size or font passes under the pointer. A
guarded widget takes focus only from a click or Tab (``Qt.StrongFocus``), and
while it lacks focus its wheel events go to the nearest ancestor that scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """An event filter that passes a guarded widget's wheel events to its ancestors while it lacks focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(event, QWheelEvent) or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        _hand_to_ancestors(watched, event)
        event.accept()  # handled (by an ancestor, or by nobody): Qt must not also propagate it
        return True


def _hand_to_ancestors(widget: QWidget, event: QWheelEvent) -> None:
    """Offer *event* to each ancestor of *widget* in turn until one takes it (a scroll area scrolls)."""
    # Qt propagates only spontaneous wheel events; handing them on here treats every event alike.
    position = event.position()
    ancestor = widget.parentWidget()
    while ancestor is not None:
        local = QPointF(widget.mapTo(ancestor, position.toPoint()))
        copy = QWheelEvent(
            local,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
        copy.ignore()
        QCoreApplication.sendEvent(ancestor, copy)
        if copy.isAccepted() or ancestor.isWindow():
            return
        ancestor = ancestor.parentWidget()


def guard_wheel(owner: QObject, *widgets: QWidget) -> WheelGuard:
    """Make each of *widgets* ignore the wheel unless it has focus, so the panel around it scrolls instead.

    The filter is a child of *owner*, so it lives as long as the panel does.
    """
    guard = WheelGuard(owner)
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click or Tab focuses it; the wheel never does
        widget.installEventFilter(guard)
    return guard


def guard_wheel_in(root: QWidget) -> WheelGuard:
    """Guard every spin box and combo box now inside *root*."""
    return guard_wheel(root, *root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox))
