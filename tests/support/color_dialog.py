"""A stand-in for Qt's colour dialog, so app tests choose colours without a modal window."""

from __future__ import annotations

from PySide6.QtGui import QColor


class ColorAnswers:
    """Stand-in for QColorDialog: returns the colours a test queued, records each question."""

    def __init__(self) -> None:
        self.answers: list[QColor] = []
        self.asked: list[tuple[str, str]] = []  # (title, initial colour)

    def getColor(self, initial, parent=None, title=""):  # noqa: N802 - Qt's name
        self.asked.append((title, initial.name().upper()))
        if not self.answers:
            raise AssertionError(f"unexpected colour dialog: {title}")
        return self.answers.pop(0)
