"""Crashes the fuzz tests found and reported, recognised by their exception, so the fuzzers look for new ones.

Each entry has a deterministic reproduction marked ``xfail(strict=True)`` in
``test_known_crashes.py``. When a fix lands, that test passes, strict xfail
turns it into a failure, and both the marker and the entry here go.

Every crash reported so far is fixed (deep nesting, over-long and NUL file
names, XML-illegal rendered text, numeric cite ids, a note-number that is no
list, a year beyond datetime's range), so the list is empty.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

#: (name of the reported crash, whether an exception is that crash)
KNOWN: list[tuple[str, Callable[[BaseException], bool]]] = []


def known_crash(exc: BaseException) -> str | None:
    """Return the name of the reported crash *exc* is, or None if it is new."""
    return next((name for name, matches in KNOWN if matches(exc)), None)


def raised_in(exc: BaseException, file_suffix: str) -> bool:
    """Return whether *exc* passed through a file whose path ends with *file_suffix* (for entries)."""
    return any(frame.filename.endswith(file_suffix) for frame in traceback.extract_tb(exc.__traceback__))
