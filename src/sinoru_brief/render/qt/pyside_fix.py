"""Work around PySide6 6.12.0 dropping a reference to ``None`` on every call of a void method.

PySide6-Essentials 6.12.0 (an abi3 wheel) returns ``None`` from every method
that returns nothing without taking a reference to it. From Python 3.12 on
``None`` is immortal and nothing happens; on Python 3.11 its reference count
falls by one per call (``QPointF().setX(1.0)`` 1,000 times: -1,000), and after a
few thousand calls -- one slide is about a thousand -- Python aborts with
"Fatal Python error: none_dealloc: deallocating None". PySide6 6.11.3 does not
do this.

The fix that belongs in the project is a dependency pin (``PySide6-Essentials
<6.12``) or Python 3.12. Until then, :func:`protect_none` checks whether the
installed PySide6 really drops references and, only then, makes ``None``
practically immortal by raising its reference count by 2**40, which is what
Python 3.12 does for it anyway.
"""

from __future__ import annotations

import ctypes
import sys
import threading

_lock = threading.Lock()
_done = False
#: Far more void calls than any session makes (a slide is about a thousand).
MARGIN = 1 << 40


def void_calls_drop_none() -> bool:
    """Return True if calling a void PySide6 method lowers ``None``'s reference count."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(16):
        point.setX(1.0)
    return sys.getrefcount(None) < before - 8


def protect_none() -> bool:
    """Make ``None`` survive PySide6's dropped references, if it drops them; return whether it did."""
    global _done
    with _lock:
        if _done:
            return False
        _done = True
        if not void_calls_drop_none():
            return False
        refcount = ctypes.c_ssize_t.from_address(id(None))
        refcount.value += MARGIN
        return True
