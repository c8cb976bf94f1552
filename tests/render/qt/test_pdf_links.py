"""Links on slides are clickable in the PDF: one URI annotation over each linked run, on its page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sinoru_brief.render.qt.pdf import pdf_bytes, write_pdf
from sinoru_brief.render.qt.pdf_links import Link, UnexpectedPdf, add_links, page_links
from sinoru_brief.units import EMU_PER_POINT

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo, pdftotext)"),
]


@pytest.fixture(scope="module")
def pages(fixture_library):
    import datetime as dt

    from sinoru_brief.brief import Brief
    from sinoru_brief.pipeline import build

    brief = Brief(title="Fixture deck", topics=["alpha", "beta"], depth="full", date=dt.date(2025, 2, 1))
    return build(brief, library=fixture_library).pages


def linked_spans(pages):
    return [
        (number, span)
        for number, page in enumerate(pages, start=1)
        for frame in page.text_frames()
        for para in frame.paragraphs
        for span in para.spans
        if span.link
    ]


def annotations(path: Path) -> list[tuple[int, str]]:
    out = subprocess.run(["pdfinfo", "-url", str(path)], check=True, capture_output=True, text=True).stdout
    return [(int(page), url) for page, url in re.findall(r"^\s*(\d+)\s+Annotation\s+(\S+)$", out, re.M)]


def text_in(path: Path, page: int, link: Link) -> str:
    box = [str(round(v)) for v in (link.left, link.top, link.right - link.left, link.bottom - link.top)]
    return subprocess.run(
        [
            "pdftotext",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "72",
            "-x",
            box[0],
            "-y",
            box[1],
            "-W",
            box[2],
            "-H",
            box[3],
            str(path),
            "-",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_every_linked_run_is_a_link_on_its_page(pages, tmp_path):
    spans = linked_spans(pages)
    assert spans, "the fixture deck should have links in its references"
    path = tmp_path / "deck.pdf"
    write_pdf(pages, path)
    assert annotations(path) == [(number, span.link) for number, span in spans]


def test_each_link_covers_the_text_it_links(pages, tmp_path):
    path = tmp_path / "deck.pdf"
    write_pdf(pages, path)
    for number, page in enumerate(pages, start=1):
        for link in page_links(page, 0.0, 0.0, page.width / EMU_PER_POINT):
            shown = [s.text for _, s in linked_spans([page]) if s.link == link.url]
            assert text_in(path, number, link) in shown, link


def test_handout_links_sit_on_the_slide_pictures(pages, tmp_path):
    path = tmp_path / "handout.pdf"
    write_pdf(pages, path, handout=True)
    found = annotations(path)
    # Each page's slide links first, then those of the addresses in its notes (tests/render/qt/test_pdf_notes_links).
    remaining = iter(url for _, url in found)
    assert all(span.link in remaining for _, span in linked_spans(pages))  # in order, as a subsequence
    assert all(page > 1 for page, _ in found)


def test_the_pdf_stays_readable_after_the_update(pages, tmp_path):
    path = tmp_path / "deck.pdf"
    path.write_bytes(pdf_bytes(pages))
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
    assert path.read_bytes().count(b"%%EOF") == 2  # Qt's document, then one incremental update


def test_a_pdf_not_laid_out_as_qt_writes_it_is_refused():
    with pytest.raises(UnexpectedPdf):
        add_links(b"%PDF-1.4\n%%EOF\n", [[Link(0, 0, 10, 10, "https://example.org")]])


def test_no_links_leaves_the_bytes_alone():
    assert add_links(b"anything", [[], []]) == b"anything"
