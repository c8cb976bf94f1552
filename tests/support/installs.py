"""Make sinoru-brief look installed somewhere else, for the tests of where it finds its data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sinoru_brief import paths


def package_in_site_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point :mod:`sinoru_brief.paths` at an empty package folder, tmp_path/site-packages/sinoru_brief; yield it.

    The folder has no data in it: a test adds what it needs. For a fixture to
    ``yield from``; the data folder found before is forgotten on the way in
    and on the way out, so no other test sees the fake one.
    """
    package = tmp_path / "site-packages" / "sinoru_brief"
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "_package_folder", lambda: package)
    paths.data_root.cache_clear()
    yield package
    paths.data_root.cache_clear()
