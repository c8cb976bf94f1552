"""Guard the PySide6 pin: PySide6-Essentials 6.12.0 on Python 3.11 drops a reference to None
on every call of a method that returns nothing, and Python aborts after a few thousand calls
("Fatal Python error: none_dealloc"). pyproject.toml pins <6.12; this fails if a version with
that bug is ever installed."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive():
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 10
