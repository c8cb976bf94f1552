"""Fuzz the exporter: any valid library, whatever its text, exports a deck that reopens and passes the package checks.

The libraries are written as YAML files and loaded like a user's, with text
in every field drawn from hostile Unicode: CJK, right-to-left scripts, emoji
with joiners, combining marks, XML-illegal control characters (which must be
dropped, not written), 600-character words. Every deck is built at full
depth in a random built-in template, written, reopened with python-pptx and
checked with :func:`check_package`.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
from pathlib import Path

import yaml
from fuzz.strategies import library_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from sinoru_brief.brief import Brief
from sinoru_brief.check.package import check_package
from sinoru_brief.content import load_library
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import builtin_template_names

EXPORTS = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 25)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Characters XML 1.0 cannot hold; none may reach a part of the package.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_library(folder: Path, files: dict) -> Path:
    root = folder / "library"
    (root / "topics").mkdir(parents=True)
    for relative, data in files.items():
        (root / relative).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@EXPORTS
@given(files=library_files(), template=st.sampled_from(builtin_template_names()))
def test_any_valid_library_exports_a_deck_that_reopens_and_passes_the_package_checks(files, template):
    with tempfile.TemporaryDirectory(prefix="sinoru-fuzz-") as folder:
        library = load_library(write_library(Path(folder), files))  # valid by construction: must load
    brief = Brief(
        title="Fuzz deck 中俄 ‏عربي",
        topics=library.topic_ids(),
        depth="full",
        template=template,
        date=dt.date(2025, 2, 1),
    )
    result = build(brief, library=library)
    data = render_pptx(result)

    assert check_package(data) == []
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == len(result.pages)
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                assert not XML_ILLEGAL.search(shape.text_frame.text), repr(shape.text_frame.text)
