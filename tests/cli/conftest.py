"""Fixtures for the CLI tests, which run ``sinoru-brief`` in this process many times."""

from __future__ import annotations

import pytest
from support.builtin_library import read_builtin_library_once


@pytest.fixture(autouse=True)
def builtin_library_read_once(monkeypatch) -> None:
    """Share one reading of the built-in library among this folder's CLI runs (see the helper's docstring)."""
    read_builtin_library_once(monkeypatch)
