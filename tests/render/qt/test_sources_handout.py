"""The PDF handout of an executive brief still prints every full reference: in the Sources slides' notes."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.pipeline import build
from sinoru_brief.render.qt.pdf import write_pdf

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)"),
]


def test_the_key_handout_prints_each_full_reference_under_the_sources_slides(real_library, tmp_path):
    result = build(Brief(topics=real_library.topic_ids(), depth="key"), library=real_library)
    assert "references" not in {p.kind for p in result.pages}
    path = tmp_path / "handout.pdf"
    write_pdf(result.pages, path, title="Key judgments", handout=True)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split()
    )
    first = next(i for i, p in enumerate(result.pages, start=1) if p.kind == "sources")
    # Each page's notes are headed "Slide N. Title"; the content slides before cite some works too.
    tail = text[text.index(f"Slide {first}. {result.pages[first - 1].title}") :]
    # The handout wraps lines where it must (between any two Chinese characters, anywhere in a URL),
    # which the extracted text shows as spaces, and pdftotext joins a word broken after a hyphen
    # without it: compare without white space and hyphens.
    squeezed = "".join(tail.split()).replace("-", "")
    for ref in result.deck.references:
        whole = "".join(f"[{ref.number}] {ref.text}".split()).replace("-", "")
        # Its head and its tail: a reference the handout's page break cuts has the page's footer
        # between them (and the cut line, clipped, stays in the text layer of both pages).
        assert whole[:60] in squeezed and whole[-40:] in squeezed, whole
