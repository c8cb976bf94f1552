"""PySide6 6.12.0 on Python 3.11 drops a reference to None per void call; render.qt keeps None alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF

import sinoru_brief.render.qt  # noqa: F401 - importing it applies the fix
from sinoru_brief.render.qt.pyside_fix import MARGIN, protect_none, void_calls_drop_none


def _measured_drop(calls: int = 1000) -> int:
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(calls):
        point.setX(1.0)
    return before - sys.getrefcount(None)


def test_detection_agrees_with_a_direct_measurement():
    assert void_calls_drop_none() == (_measured_drop() >= 900)


def test_none_survives_many_more_void_calls_than_a_session_makes():
    if _measured_drop() >= 900:
        assert sys.getrefcount(None) > MARGIN // 2
    # Without the fix this loop would abort the interpreter ("deallocating None").
    assert _measured_drop(200_000) in (0, 200_000)


def test_the_fix_applies_once():
    assert protect_none() is False
