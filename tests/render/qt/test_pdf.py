"""The PDF read-ahead and handout: one page per slide, real embedded text, the preview's look, written atomically."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QImage

from sinoru_brief.errors import ExportError
from sinoru_brief.pipeline import build
from sinoru_brief.render.qt.painter import render_page
from sinoru_brief.render.qt.pdf import pdf_bytes, write_pdf
from sinoru_brief.units import EMU_PER_POINT

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdffonts)"),
]


@pytest.fixture(scope="module")
def built(fixture_library):
    import datetime as dt

    from sinoru_brief.brief import Brief

    brief = Brief(
        title="Fixture deck",
        subtitle="For tests",
        author="Tester",
        date=dt.date(2025, 2, 1),
        topics=["alpha", "beta"],
        depth="full",
    )
    return build(brief, library=fixture_library)


@pytest.fixture(scope="module")
def read_ahead(built, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "deck.pdf"
    write_pdf(built.pages, path, title="Fixture deck", author="Tester")
    return path


def poppler(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def info(path: Path) -> dict[str, str]:
    return dict(re.findall(r"^([^:]+):\s*(.*)$", poppler("pdfinfo", str(path)), re.M))


def test_one_page_per_slide_at_the_slide_size(built, read_ahead):
    facts = info(read_ahead)
    assert int(facts["Pages"]) == len(built.pages)
    page = built.pages[0]
    width, height = (float(v) for v in re.findall(r"[\d.]+", facts["Page size"])[:2])
    assert width == pytest.approx(page.width / EMU_PER_POINT, abs=0.5)
    assert height == pytest.approx(page.height / EMU_PER_POINT, abs=0.5)


def test_title_and_author_are_set(read_ahead):
    facts = info(read_ahead)
    assert facts["Title"] == "Fixture deck"
    assert facts["Author"] == "Tester"


def test_every_font_is_embedded_with_a_unicode_map(read_ahead):
    rows = poppler("pdffonts", str(read_ahead)).splitlines()[2:]
    assert rows, "the PDF has no fonts: its text was drawn as outlines"
    for row in rows:
        emb, _sub, uni = row.split()[-5:-2]
        assert (emb, uni) == ("yes", "yes"), row


def test_each_page_holds_its_slide_title_as_text(built, read_ahead):
    for number, page in enumerate(built.pages, start=1):
        text = poppler("pdftotext", "-f", str(number), "-l", str(number), str(read_ahead), "-")
        words = " ".join(text.split())
        assert " ".join(page.title.split()) in words, f"page {number}"


def test_pages_look_like_the_preview(built, read_ahead, tmp_path):
    width = 480
    for number, page in enumerate(built.pages, start=1):
        height = round(page.height * width / page.width)
        prefix = tmp_path / f"p{number}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                "-scale-to-x",
                str(width),
                "-scale-to-y",
                str(height),
                str(read_ahead),
                str(prefix),
            ],
            check=True,
        )
        drawn = Image.open(f"{prefix}.png").convert("L")
        preview = render_page(page, width).convertToFormat(QImage.Format.Format_Grayscale8)
        expected = Image.frombuffer(
            "L", (preview.width(), preview.height()), bytes(preview.constBits()), "raw", "L", preview.bytesPerLine(), 1
        )
        differ = ImageChops.difference(drawn, expected).point(lambda v: 255 if v > 96 else 0)
        share = differ.histogram()[255] / (width * height)
        assert share < 0.01, f"page {number}: {share:.1%} of the pixels differ from the preview"


def test_handout_puts_each_slide_above_its_notes(built, tmp_path):
    path = tmp_path / "handout.pdf"
    write_pdf(built.pages, path, title="Fixture deck", handout=True)
    facts = info(path)
    assert "A4" in facts["Page size"]
    assert int(facts["Pages"]) >= len(built.pages)
    text = " ".join(poppler("pdftotext", str(path), "-").split())
    with_notes = [p for p in built.pages if p.notes.strip()]
    assert with_notes
    for page in with_notes:
        assert " ".join(page.notes.split())[:60] in text


def test_long_notes_continue_on_further_pages_without_losing_a_line(built, tmp_path):
    lines = [f"Note line {i:03d} of the briefer's script." for i in range(160)]
    page = replace(built.pages[1], notes="\n".join(lines))
    path = tmp_path / "long.pdf"
    write_pdf([page], path, handout=True)
    assert int(info(path)["Pages"]) >= 3
    text = poppler("pdftotext", str(path), "-")
    assert [line for line in lines if line not in text] == []
    assert len(re.findall(r"Note line \d{3}", text)) == len(lines)  # no line drawn twice across a break


def test_no_pages_is_a_clear_error():
    with pytest.raises(ExportError, match="no slides"):
        pdf_bytes([])


def test_writing_into_a_missing_folder_is_a_clear_error_and_leaves_nothing(built, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_pdf(built.pages[:1], tmp_path / "missing" / "deck.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_previous_file(built, tmp_path, monkeypatch):
    path = tmp_path / "deck.pdf"
    path.write_bytes(b"previous")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sinoru_brief.atomic.os.fsync", broken)
    with pytest.raises(ExportError, match="disk is full"):
        write_pdf(built.pages[:1], path)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pdf"]
