"""Pause Python's cyclic garbage collector while a deck is laid out.

Laying out a deck allocates hundreds of thousands of small objects (spans,
lines, paragraphs, word tables) and keeps most of them: pages and the caches
that serve the next build. CPython runs a full collection whenever the
objects that survived grow by a quarter, and each one walks every object the
process holds, so at 1,000 slides eight full collections took longer than
the layout itself (2.0 of 2.2 s of CPU, measured with ``gc.callbacks``) while
finding nothing to free: what layout builds holds no reference cycles.
Reference counting still frees everything at once; only the search for
cycles waits until the layout is done. The pipeline holds the same pause
over writing the .pptx, which walks the pages again while it builds the
package: the package's own cycles (its parts point at one another) are then
found by the first collection after the export, so they wait for one export
at most.

Pauses nest and may overlap across threads (the app lays out on a worker
thread): the collector runs again when the last pause ends, and only if it
was running when the first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic garbage collector off; restore it afterwards, even on an error."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
