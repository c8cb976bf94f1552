"""The main window's parts built alone for the app tests: each on a plain host widget, with only what it is handed.

A test of the deck's look builds the theme editor in its dock, the inspector
and the Format menu's :class:`LookTemplates`; a test of saving and opening
uses the ``make_brief_files`` fixture, and a test of an export the
``exporter`` one (``conftest.py``). None builds a :class:`~sinoru_brief.app.main_window.MainWindow`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.windowkit import show_alone
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QWidget

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.app.window_templates import LookTemplates

#: The width of the window's right-hand docks (the inspector, the theme editor) in a new window.
RIGHT_COLUMN = 360


@dataclass
class StatusLog:
    """The messages the parts put in the status bar, in order; passed to a part as its ``show_status``."""

    messages: list[str] = field(default_factory=list)

    def __call__(self, text: str, _ms: int = 0) -> None:
        self.messages.append(text)

    @property
    def last(self) -> str:
        """Return the message shown last, which the window's status bar would show now ("" for none)."""
        return self.messages[-1] if self.messages else ""


def side_by_side(*parts: QWidget) -> QWidget:
    """Return a plain widget holding *parts* left to right, for the actions of other parts to join.

    Show it with :func:`~app.windowkit.show_alone` once the parts are in (a widget added to a shown one
    stays hidden); then it takes the focus and the shortcuts of the actions added to it, as the window does.
    """
    widget = QWidget()
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a key pressed on the host itself reaches its shortcuts
    layout = QHBoxLayout(widget)
    for part in parts:
        layout.addWidget(part)
    return widget


def host(qtbot) -> QWidget:
    """Return a plain widget, never shown, for parts that show nothing (the File actions, the exporter)."""
    widget = side_by_side()
    qtbot.addWidget(widget)
    return widget


def press(qtbot, widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    """Press *key* on *widget*, focused first: a shortcut goes to the focused widget's active window."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(widget, key, modifiers)


@dataclass
class LookParts:
    """What the window makes the deck's look with, on one host: the theme editor in its dock (hidden, as in a
    new window), the inspector, whose template list the look's templates keep up to date, and the Format menu."""

    host: QWidget
    editor: ThemeEditor
    dock: QDockWidget
    inspector: Inspector
    looks: LookTemplates
    status: StatusLog


def look_parts(qtbot, controller: DeckController, status: StatusLog | None = None) -> LookParts:
    """Build the look's parts on *controller*, shown and active; the status messages go to *status*."""
    status = status if status is not None else StatusLog()
    editor = ThemeEditor(controller)
    dock = QDockWidget("Theme")
    dock.setWidget(editor)
    inspector = Inspector(controller)
    for part in (dock, inspector):
        # As wide as the window's right-hand column, where the two share a dock: a check box is
        # clicked where its label is, and a wider one would put its middle past the label.
        part.setFixedWidth(RIGHT_COLUMN)
    widget = show_alone(qtbot, side_by_side(dock, inspector), (2 * RIGHT_COLUMN + 40, 860))
    dock.hide()  # opened from Format > Theme Editor (Ctrl+T), as in a new window
    looks = LookTemplates(controller, editor, dock, inspector.template, widget, status)
    return LookParts(widget, editor, dock, inspector, looks, status)


def open_editor(parts: LookParts, qtbot) -> ThemeEditor:
    """Open the theme editor as the user does, with Ctrl+T, and return it."""
    press(qtbot, parts.host, Qt.Key.Key_T)
    assert parts.dock.isVisible()
    return parts.editor
