"""Render the exported full library through LibreOffice, as a real client would, and check the text.

Every word LibreOffice draws must lie inside the slide and inside the frame
(text box, table or chart) that holds it: the proof that our layout's line
breaks and sizes hold in a real client, with nothing overflowing.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from support.libreoffice import convert_with_libreoffice
from sinoru_brief.brief import Brief
from sinoru_brief.layout.pages import ChartFrame, TableFrame, TextFrame
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import builtin_template_names
from sinoru_brief.units import EMU_PER_POINT

pytestmark = pytest.mark.libreoffice

# pdftotext reports a word's box from the font's full ascent to its full
# descent (1.22 em for Carlito), while a line's pitch is 1.15 em; so a word's
# box may stick out of its line, and of a tight frame, by a few percent of
# its height without any ink leaving the frame. A tenth of the box height
# (and at least 2 pt) absorbs that and nothing more.
def tolerance(word) -> float:
    return max(2.0, 0.1 * (word[4] - word[2]))


@pytest.fixture(scope="module", params=builtin_template_names())
def full_export(request, real_library, libreoffice, tmp_path_factory):
    out = tmp_path_factory.mktemp("lo")
    result = build(Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1),
                         template=request.param), library=real_library)
    pptx = out / "full.pptx"
    pptx.write_bytes(render_pptx(result))
    pdf = convert_with_libreoffice(libreoffice, pptx, out)
    bbox = out / "full.html"
    subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(bbox)], check=True, timeout=120)
    return result, pdf, bbox


def _words(bbox_html: Path) -> list[list[tuple[str, float, float, float, float]]]:
    text = bbox_html.read_text(encoding="utf-8")
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text)
    root = ET.fromstring(text)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                  float(w.get("yMax"))) for w in page.iterfind(".//h:word", ns)]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def _rect(box) -> tuple[float, float, float, float]:
    return (box.x / EMU_PER_POINT, box.y / EMU_PER_POINT, box.right / EMU_PER_POINT, box.bottom / EMU_PER_POINT)


def _inside(word, rect, slack: float | None = None) -> bool:
    _, x0, y0, x1, y1 = word
    slack = tolerance(word) if slack is None else slack
    return x0 >= rect[0] - slack and y0 >= rect[1] - slack and x1 <= rect[2] + slack and y1 <= rect[3] + slack


def test_every_page_converts(full_export):
    result, _, bbox = full_export
    assert len(_words(bbox)) == len(result.pages)


def test_every_word_lies_inside_the_slide_and_its_frame(full_export):
    result, _, bbox = full_export
    failures = []
    for page, (width, height, words) in zip(result.pages, _words(bbox), strict=True):
        assert abs(width - page.width / EMU_PER_POINT) < 1 and abs(height - page.height / EMU_PER_POINT) < 1
        frames = [b for b in page.boxes if isinstance(b, TextFrame | TableFrame | ChartFrame)]
        for word in words:
            if not _inside(word, (0, 0, width, height), slack=0):
                failures.append((page.number, page.key, word, "outside the slide"))
                continue
            if not any(_inside(word, _rect(f)) and _holds(f, word[0]) for f in frames):
                failures.append((page.number, page.key, word, "outside its frame"))
    assert not failures, "\n".join(map(str, failures[:20]))


def _holds(frame, word: str) -> bool:
    """Return whether *frame* could have drawn *word* (charts draw their own labels and numbers)."""
    if isinstance(frame, ChartFrame):
        return True
    paragraphs = ([p for row in frame.rows for cell in row for p in cell.paragraphs]
                  if isinstance(frame, TableFrame) else list(frame.paragraphs))
    text = " ".join(f"{p.bullet} {p.text}" for p in paragraphs)
    core = word.strip("“”\"'‘’()[],.;:—–-")
    return not core or core[:6] in text or word in text or frame.role == "number"
