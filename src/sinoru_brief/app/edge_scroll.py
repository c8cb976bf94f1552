"""Scroll a view while a drag (or a held mouse button) nears the edge of its viewport, faster the nearer.

Qt's own auto-scroll starts only for a drag whose source is the view and
within 16 pixels of the edge, which a thumbnail strip under the preview
barely has; a user dragging a slide towards a topic out of sight expects the
strip to run towards it, as PowerPoint's does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QAbstractScrollArea

#: How often the view scrolls while the cursor stays near an edge.
INTERVAL_MS = 30


class EdgeScroller(QObject):
    """Drive *area*'s scroll bars from the cursor's position in its viewport (see :meth:`moved`)."""

    def __init__(self, area: QAbstractScrollArea, margin: int = 56, max_step: int = 36):
        super().__init__(area)
        self.area = area
        self.margin = margin
        self.max_step = max_step
        self._velocity = (0, 0)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._tick)

    def velocity_at(self, pos: QPoint) -> tuple[int, int]:
        """Return the (horizontal, vertical) pixels per tick for the cursor at *pos* in the viewport."""
        rect = self.area.viewport().rect()

        def along(at: int, length: int) -> int:
            margin = min(self.margin, length // 3)  # a small viewport keeps a middle where nothing scrolls
            if margin <= 0:
                return 0
            if at < margin:
                return -max(1, self.max_step * (margin - at) // margin)
            if at > length - margin:
                return max(1, self.max_step * (at - (length - margin)) // margin)
            return 0

        dx = along(pos.x(), rect.width()) if self.area.horizontalScrollBar().maximum() > 0 else 0
        dy = along(pos.y(), rect.height()) if self.area.verticalScrollBar().maximum() > 0 else 0
        return dx, dy

    def moved(self, pos: QPoint) -> None:
        """Note the cursor at *pos* (viewport coordinates): scroll while it stays near an edge."""
        self._velocity = self.velocity_at(pos)
        if self._velocity != (0, 0):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        """Stop scrolling (the drag left the view, dropped, or the button was released)."""
        self._velocity = (0, 0)
        self.timer.stop()

    def is_scrolling(self) -> bool:
        return self.timer.isActive()

    def _tick(self) -> None:
        dx, dy = self._velocity
        for bar, step in ((self.area.horizontalScrollBar(), dx), (self.area.verticalScrollBar(), dy)):
            if step:
                bar.setValue(bar.value() + step)
        self.area.viewport().update()  # the drop indicator follows the items under the cursor
