"""citeproc-py is loaded only when a reference must be formatted: an export served by the cache never imports it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sinoru_brief.errors import TemplateError

_EXPORT = """
import sys
from pathlib import Path
from sinoru_brief import pipeline
from sinoru_brief.brief.model import Brief
pipeline.export(Brief(topics=["summits"], style=sys.argv[2]), Path(sys.argv[1]))
print("citeproc" in sys.modules)
"""


def _export_in_new_process(out: Path, cache: Path, style: str = "elsevier-harvard") -> bool:
    """Export a deck in a fresh interpreter; return whether it imported citeproc-py."""
    env = {**os.environ, "SINORU_BRIEF_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _EXPORT, str(out), style], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip() == "True"


def test_a_first_export_formats_with_citeproc_and_a_second_does_not_load_it(tmp_path):
    # A style whose entries the program does not ship (see test_reference_seed): the first export formats.
    first, second = tmp_path / "first.pptx", tmp_path / "second.pptx"
    assert _export_in_new_process(first, tmp_path / "cache") is True
    assert _export_in_new_process(second, tmp_path / "cache") is False
    assert first.read_bytes() == second.read_bytes()


def test_a_first_export_in_a_shipped_style_does_not_load_citeproc(tmp_path):
    # An empty cache of the user's own: the shipped entries of the built-in library answer.
    assert _export_in_new_process(tmp_path / "deck.pptx", tmp_path / "cache", "chicago-notes-bibliography") is False


def test_a_broken_style_still_fails_when_the_formatter_is_made(tmp_path):
    from sinoru_brief.citations import ReferenceFormatter

    broken = tmp_path / "broken.csl"
    broken.write_text("<style xmlns='http://purl.org/net/xbiblio/csl'><citation", encoding="utf-8")
    with pytest.raises(TemplateError, match="cannot read the citation style"):
        ReferenceFormatter(str(broken), cache_dir=tmp_path / "cache")
