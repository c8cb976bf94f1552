"""The main window's Undo and Redo: the Edit menu's actions, which own the keys, and the toolbar's buttons."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget


class UndoActions(QObject):
    """Own Undo and Redo for one window: the menu's actions name the step, the toolbar's keep fixed labels.

    Fixed labels on the toolbar, so it does not jump as the step's name
    changes; the tooltip names the step and the key.
    """

    def __init__(self, stack: QUndoStack, parent: QWidget):
        super().__init__(parent)
        k = QKeySequence.StandardKey
        self.undo_action = stack.createUndoAction(parent, "&Undo")
        self.undo_action.setShortcut(QKeySequence(k.Undo))
        self.redo_action = stack.createRedoAction(parent, "&Redo")
        self.redo_action.setShortcut(QKeySequence(k.Redo))
        # Not added to the window, unlike the menu's actions: two actions on one key would make it ambiguous.
        self.toolbar_undo = self._button_action(parent, "Undo", "Undo the last change")
        self.toolbar_undo.triggered.connect(stack.undo)
        self.toolbar_redo = self._button_action(parent, "Redo", "Redo the change undone last")
        self.toolbar_redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.toolbar_undo.setEnabled)
        stack.canRedoChanged.connect(self.toolbar_redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.toolbar_undo.setEnabled(stack.canUndo())
        self.toolbar_redo.setEnabled(stack.canRedo())
        self._undo_text_changed(stack.undoText())
        self._redo_text_changed(stack.redoText())

    @staticmethod
    def _button_action(parent: QWidget, text: str, tip: str) -> QAction:
        action = QAction(text, parent)
        action.setStatusTip(tip)
        return action

    def _undo_text_changed(self, text: str) -> None:
        self.toolbar_undo.setToolTip(
            f"Undo {text} ({self.undo_action.shortcut().toString()})" if text else "Nothing to undo"
        )

    def _redo_text_changed(self, text: str) -> None:
        self.toolbar_redo.setToolTip(
            f"Redo {text} ({self.redo_action.shortcut().toString()})" if text else "Nothing to redo"
        )
