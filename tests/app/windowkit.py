"""Helpers for the app tests: show one widget, read what the window or a part shows, open the window's dialogs."""

from __future__ import annotations

from typing import TypeVar

from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.app.main_window import MainWindow

#: The analyst's three topics (issue 5), in library order.
THREE_TOPICS = ["summits", "gray-zone", "north-korea"]

W = TypeVar("W", bound=QWidget)


def show_alone(qtbot, widget: W, size: tuple[int, int] = (420, 700)) -> W:
    """Show *widget* as a window of its own, active, so it takes the focus and its shortcuts as in the app."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


class UnsavedMark:
    """What a view bound to *controller* shows as unsaved work, for a part tested without the window.

    It re-reads the session's dirty flag on the signals the window's title
    follows, as the window's "*" does: a change a part makes but does not
    announce (a save that never tells the views) leaves it stale, as it would
    leave the window's title.
    """

    def __init__(self, controller: DeckController):
        self.controller = controller
        self.shown = controller.session.dirty
        controller.dirtyChanged.connect(self._reread)
        controller.pathChanged.connect(self._reread)
        controller.undo_stack.cleanChanged.connect(self._reread)

    def _reread(self, *_args: object) -> None:
        self.shown = self.controller.session.dirty


def add_slide_after(panel: DeckPanel, qtbot, key: str) -> None:
    """Select the slide *key* in the deck strip and press Ctrl+Shift+N there: the Add slide dialog opens.

    The dialog is modal: a test makes its ``exec`` answer first (``test_own_slides.answer_dialog``).
    """
    panel.select_key(key)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def page_keys(controller: DeckController) -> list[str]:
    """Return the keys of the deck's pages, in order: what the deck panel and the sorter list."""
    return [page.key for page in controller.view().pages]


def library_keys(controller: DeckController) -> list[str]:
    """Return the keys of the library slides among the deck's pages (no generated slides), once each."""
    library = controller.session.library
    return list(dict.fromkeys(key for key in page_keys(controller) if library.has_slide(key)))


def built(target: MainWindow | DeckController, qtbot, timeout: int = 10000) -> None:
    """Wait for a new look's deck, built off the GUI thread, to reach the panels (of a window, or a controller's)."""
    controller = target if isinstance(target, DeckController) else target.controller
    qtbot.waitUntil(lambda: not controller.builder.busy, timeout=timeout)


def deck_keys(window: MainWindow) -> list[str]:
    """Return the page keys the deck panel shows, in order."""
    return window.deck_panel.model.keys()


def shown_keys(target: MainWindow | DeckController) -> list[str]:
    """Return the keys of the deck's content slides, the user's own among them, once each in deck order."""
    controller = target if isinstance(target, DeckController) else target.controller
    return [s.key for s in controller.view().deck.slides if s.slide is not None]


def content_keys(window: MainWindow) -> list[str]:
    """Return the keys of the library slides in the deck panel (no generated slides), once each."""
    library = window.controller.session.library
    keys = []
    for key in deck_keys(window):
        if library.has_slide(key) and key not in keys:
            keys.append(key)
    return keys


def pptx_texts(path) -> list[str]:
    """Return the text of every shape of every slide of the .pptx at *path*, slide by slide."""
    texts = []
    for slide in Presentation(str(path)).slides:
        texts.append("\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))
    return texts
