"""Fixtures for the rendering tests: the full library's deck, converted by LibreOffice once per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from support.libreoffice import convert_with_libreoffice

from sinoru_brief.brief import Brief
from sinoru_brief.pipeline import Build, build, render_pptx

#: A look's name -> the full library's deck built in it, and LibreOffice's PDF of its export.
FullDeckPdf = Callable[[str], tuple[Build, Path]]


@pytest.fixture(scope="session")
def full_library_pdf(real_library, libreoffice, tmp_path_factory) -> FullDeckPdf:
    """Return a function giving, for a look, the full library's deck (every topic, full depth) and its PDF.

    The real-client check of every word and the preview-against-LibreOffice
    check both need the briefing deck as LibreOffice draws it; each look is
    built, exported and converted at most once per test process, on first
    use, and the PDF is only read afterwards.
    """
    made: dict[str, tuple[Build, Path]] = {}

    def pdf(look: str) -> tuple[Build, Path]:
        if look not in made:
            out = tmp_path_factory.mktemp(f"full-{look}-lo")
            result = build(
                Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1), template=look),
                library=real_library,
            )
            pptx = out / "full.pptx"
            pptx.write_bytes(render_pptx(result))
            made[look] = (result, convert_with_libreoffice(libreoffice, pptx, out))
        return made[look]

    return pdf
