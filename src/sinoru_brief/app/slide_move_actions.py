"""The deck's keyboard moves: the selected slide one place earlier or later, or to the previous or next topic.

The keys follow the strip: along a film strip under the preview,
Ctrl+Shift+Left and Right move a slide within its topic and Ctrl+Shift+Up
and Down move it across topics; a strip docked at the side turns them round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from sinoru_brief.app.slide_moves import Change

if TYPE_CHECKING:
    from sinoru_brief.app.deck_panel import DeckPanel

#: (along the strip back, along it forward, across back, across forward) for each orientation.
KEYS = {
    Qt.Orientation.Horizontal: ("Ctrl+Shift+Left", "Ctrl+Shift+Right", "Ctrl+Shift+Up", "Ctrl+Shift+Down"),
    Qt.Orientation.Vertical: ("Ctrl+Shift+Up", "Ctrl+Shift+Down", "Ctrl+Shift+Left", "Ctrl+Shift+Right"),
}


class SlideMoveActions(QObject):
    """ "Move Earlier", "Move Later", "Move to Previous Topic" and "Move to Next Topic" for the deck panel."""

    def __init__(self, panel: DeckPanel):
        super().__init__(panel)
        self.panel = panel
        self.earlier_action = self._action(
            "Move &Earlier",
            "Move the selected slide one place earlier in its topic",
            lambda: self.move(-1, across=False),
        )
        self.later_action = self._action(
            "Move &Later", "Move the selected slide one place later in its topic", lambda: self.move(1, across=False)
        )
        self.previous_topic_action = self._action(
            "Move to &Previous Topic",
            "Move the selected slide of your own to the end of the previous topic",
            lambda: self.move(-1, across=True),
        )
        self.next_topic_action = self._action(
            "Move to &Next Topic",
            "Move the selected slide of your own to the start of the next topic",
            lambda: self.move(1, across=True),
        )
        self.actions = [self.earlier_action, self.later_action, self.previous_topic_action, self.next_topic_action]
        panel.view.addActions(self.actions)  # in the thumbnails' context menu too
        self.set_orientation(Qt.Orientation.Horizontal)

    def _action(self, text: str, tip: str, slot) -> QAction:
        action = QAction(text, self.panel)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.panel.addAction(action)
        return action

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Give the actions the arrow keys that point along and across the strip laid out in *orientation*."""
        for action, keys in zip(self.actions, KEYS[orientation], strict=True):
            action.setShortcut(QKeySequence(keys))

    def move(self, delta: int, across: bool) -> None:
        """Move the selected slide by *delta* within its topic, or (*across*) to the neighbouring topic."""
        key = self.panel.current_key()
        if key is None:
            self.panel.refused.emit("Select a slide in the deck to move it.")
            return
        moves = self.panel.model.moves
        outcome = moves.to_topic(key, delta) if across else moves.step(key, delta)
        if isinstance(outcome, Change) and outcome.select:
            self.panel.want(outcome.select)
        reason = moves.run(outcome)
        if reason:
            self.panel.refused.emit(reason)
