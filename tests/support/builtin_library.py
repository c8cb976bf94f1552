"""Read the built-in library once per test process, for tests that run the CLI in-process many times."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief import paths
from sinoru_brief.content import libraries
from sinoru_brief.content.parts import LibraryPart

#: The built-in library as read, by its resolved folder; parts are frozen, so every run may share one.
_READ: dict[Path, LibraryPart] = {}


def read_builtin_library_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every CLI run in this test reuse one reading of the built-in library.

    Each ``sinoru-brief export`` reads the built-in library before the
    folders it is given, and the security tests run it a hundred times, each
    on a changed copy of the small fixture library: parsing the built-in
    library's YAML again each time was a quarter of their time, and it is
    the same every time. It is read for real the first time in each process
    (so a broken built-in library still fails here); every other folder,
    including a built-in folder a test points elsewhere, is read as before.
    """
    read = libraries.load_part

    def load_part(root: Path, *, complete: bool = True) -> LibraryPart:
        folder = Path(root).resolve()
        if not complete or folder != paths.default_content_dir().resolve():
            return read(root, complete=complete)
        if folder not in _READ:
            _READ[folder] = read(root, complete=complete)
        return _READ[folder]

    monkeypatch.setattr(libraries, "load_part", load_part)
