"""Write .brief.yaml files for a test and read back the problems loading one reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.brief import load_brief
from sinoru_brief.errors import BriefError, BriefFileError


def write(tmp_path: Path, text: str) -> Path:
    """Write *text* as ``deck.brief.yaml`` in *tmp_path*; return its path."""
    path = tmp_path / "deck.brief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    """Load the brief at *path*, which must fail with a :class:`BriefFileError`; return its problems as text."""
    with pytest.raises(BriefFileError) as caught:
        load_brief(path)
    assert isinstance(caught.value, BriefError)  # one exception root: the CLI and the app catch it
    return [str(p) for p in caught.value.problems]
