"""The main window's panels: their default arrangement, View > Reset Layout, and panels that win back their room.

Qt keeps a dock's size when the window shrinks and gives all the room back
to the central preview when it grows, so a window made small and then large
again keeps its panels squeezed to a sliver. A saved arrangement from
another screen or an older version can likewise leave a panel hidden, off
every screen or too small to use. :class:`PanelKeeper` notices both: when
the window grows it gives the panels it had squeezed their default size
back, and whenever it is shown or resized a panel narrower (or, under the
preview, shorter) than it can be used gets it back, as far as the preview
can spare; a saved arrangement that leaves a panel unusable is dropped for
the default one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow

#: Below these a panel shows too little to work in (a list of three words, a strip without thumbnails).
USABLE_WIDTH = 180
USABLE_HEIGHT = 120
#: What the preview keeps when panels win back room: enough to see the slide.
PREVIEW_WIDTH = 420
PREVIEW_HEIGHT = 300

_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


@dataclass(frozen=True)
class Panel:
    """A dock the keeper looks after, and its default size: width at a side, height above or below.

    A panel that may be *hidden* by choice (the inspector) is kept if a saved
    arrangement hides it; the others (the library, the deck) are what a deck
    is built with, and an arrangement without them is not restored.
    """

    dock: QDockWidget
    width: int
    height: int
    may_hide: bool = False


class PanelKeeper(QObject):
    """Keep the window's essential panels visible and usable; remember the default arrangement to reset to."""

    def __init__(self, window: QMainWindow, panels: list[Panel]):
        super().__init__(window)
        self.window = window
        self.panels = panels
        self.default_state: QByteArray | None = None
        self._grew = (False, False)  # whether the window grew wider, taller since the last recovery
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)  # once the layout has placed everything after the resize
        self._pending.timeout.connect(lambda: self.recover(*self._grew))
        window.installEventFilter(self)
        self.apply_default_sizes()

    # --------------------------------------------------------------- states

    def restore(self, state: QByteArray | None) -> bool:
        """Restore the saved arrangement *state*; fall back to the default one if it leaves a panel unusable.

        The default is taken from the window as it is now, so call this once
        the window has all its docks and toolbars. Return whether *state* was used.
        """
        self.default_state = self.window.saveState()
        if state is None:
            return False
        if self.window.restoreState(state) and not self.unusable():
            return True
        self.reset()
        return False

    def reset(self) -> None:
        """Put every panel back where and as large as a new window has it (View > Reset Layout)."""
        if self.default_state is not None:
            self.window.restoreState(self.default_state)
        for panel in self.panels:
            panel.dock.setFloating(False)
            panel.dock.show()
        self.apply_default_sizes()

    def apply_default_sizes(self) -> None:
        """Give each panel its default width at the sides and height above or below the preview."""
        for orientation, extent in ((Qt.Orientation.Horizontal, "width"), (Qt.Orientation.Vertical, "height")):
            panels = [p for p in self.panels if self._sideways(p.dock) == (orientation == Qt.Orientation.Horizontal)]
            if panels:
                self.window.resizeDocks([p.dock for p in panels], [getattr(p, extent) for p in panels], orientation)

    def unusable(self) -> list[str]:
        """Return the titles of the panels the arrangement hides (if they may not be) or puts off every screen."""
        screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
        lost = []
        for panel in self.panels:
            dock = panel.dock
            off_screen = dock.isFloating() and not any(_overlap(dock.frameGeometry(), s) for s in screens)
            if (dock.isHidden() and not panel.may_hide) or off_screen:
                lost.append(dock.windowTitle())
        return lost

    # ------------------------------------------------------------- recovery

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and isinstance(event, QResizeEvent):
            old, new = event.oldSize(), event.size()
            wider, taller = self._grew
            self._grew = (
                wider or (old.width() >= 0 and new.width() > old.width()),
                taller or (old.height() >= 0 and new.height() > old.height()),
            )
            self._pending.start()
        elif watched is self.window and event.type() == QEvent.Type.Show:
            self._pending.start()
        return False

    def recover(self, wider: bool = False, taller: bool = False) -> None:
        """Give panels their default size back, as far as the preview can spare.

        A panel squeezed below a usable size always gets it back; when the
        window grew *wider* (or *taller*), so does any panel at a side (above
        or below) that is smaller than its default: the room the window took
        from it when it shrank.
        """
        self._grew = (False, False)
        self._lay_out()  # the sizes after the resize, not before: the layout may not have run yet
        central = self.window.centralWidget()
        if central is None:
            return
        spare = {True: central.width() - PREVIEW_WIDTH, False: central.height() - PREVIEW_HEIGHT}
        for panel in self.panels:
            dock = panel.dock
            if dock.isHidden() or dock.isFloating() or not dock.isVisible():
                continue
            sideways = self._sideways(dock)
            size, usable, wanted = (
                (dock.width(), USABLE_WIDTH, panel.width) if sideways else (dock.height(), USABLE_HEIGHT, panel.height)
            )
            grew = wider if sideways else taller
            if size >= (wanted if grew else usable) or spare[sideways] <= 0:
                continue
            grown = size + min(wanted - size, spare[sideways])
            spare[sideways] -= grown - size
            orientation = Qt.Orientation.Horizontal if sideways else Qt.Orientation.Vertical
            self.window.resizeDocks([dock], [grown], orientation)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = self.window.layout()
        if layout is not None:
            layout.activate()

    def _sideways(self, dock: QDockWidget) -> bool:
        """Return whether *dock* sits at a side of the window (so its width is what matters)."""
        return self.window.dockWidgetArea(dock) in _SIDES


def _overlap(a: QRect, b: QRect) -> bool:
    """Return whether *a* shows enough on *b* to be grabbed: a title bar's worth."""
    shared = a.intersected(b)
    return shared.width() >= 40 and shared.height() >= 20
