"""In a PDF handout the web addresses in the notes and references are clickable, each over the text it links."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from sinoru_brief.layout.pages import Page
from sinoru_brief.render.qt.pdf import write_pdf
from sinoru_brief.render.qt.pdf_notes_links import find_urls, notes_links

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo, pdftotext)"),
]

LONG = "https://example.org/" + "a-very-long-path-segment/" * 8 + "end.html"


def test_urls_are_found_without_the_punctuation_after_them():
    text = "See https://example.org/a. Or (http://example.org/b), and https://en.wikipedia.org/wiki/X_(y)."
    assert [url for _, _, url in find_urls(text)] == [
        "https://example.org/a",
        "http://example.org/b",
        "https://en.wikipedia.org/wiki/X_(y)",
    ]
    start, end, url = find_urls(text)[0]
    assert text[start:end] == url


def test_text_without_addresses_has_no_links():
    assert find_urls("Wishnick, Elizabeth. The Sino-Russian Partnership. n.d.") == []
    assert find_urls("http:// alone") == []


def _document(text: str, width: float) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setPlainText(text)
    document.setTextWidth(width)
    return document


def test_a_wrapped_address_gets_one_rectangle_per_line():
    document = _document(f"[1] A report. {LONG}.", 200)
    links = notes_links(document, 0.0, 10_000.0, 0.0, 0.0)
    assert len(links) >= 2 and {link.url for link in links} == {LONG}
    assert all(a.bottom <= b.top + 0.01 for a, b in zip(links, links[1:]))  # line after line, downwards


def test_only_the_lines_drawn_on_this_page_are_linked_and_placed_where_drawn():
    document = _document(f"Line one\nLine two\n{LONG}", 2000)
    everything = notes_links(document, 0.0, 10_000.0, 0.0, 0.0)
    (link,) = everything
    assert notes_links(document, 0.0, link.top, 0.0, 0.0) == []  # its line is on the next page
    (moved,) = notes_links(document, link.top, 10_000.0, 40.0, 42.0)  # that page draws it from its top
    assert (moved.left, moved.top) == pytest.approx((link.left + 40.0, 42.0))


def _annotations(path: Path) -> list[tuple[int, str]]:
    out = subprocess.run(["pdfinfo", "-url", str(path)], check=True, capture_output=True, text=True).stdout
    return [(int(page), url) for page, url in re.findall(r"^\s*(\d+)\s+Annotation\s+(\S+)$", out, re.M)]


def _page(notes: str) -> Page:
    return Page(
        width=12_192_000, height=6_858_000, kind="bullets", key="k", title="A slide", background="FFFFFF", notes=notes
    )


def test_every_address_in_the_handout_notes_is_a_link_on_the_page_that_shows_it(tmp_path):
    notes = (
        "Read this aloud.\n\nSources:\n[1] Kremlin. http://www.en.kremlin.ru/events/president/news/76137.\n"
        f"[2] A long one. {LONG}."
    )
    path = tmp_path / "handout.pdf"
    write_pdf([_page(notes), _page("No addresses here.")], path, handout=True)
    found = _annotations(path)
    assert {url for _, url in found} == {"http://www.en.kremlin.ru/events/president/news/76137", LONG}
    assert {page for page, _ in found} == {1}


def test_the_real_handout_links_its_references(real_library, tmp_path):
    from sinoru_brief.brief import Brief
    from sinoru_brief.pipeline import build

    pages = build(
        Brief(title="Summits", topics=["summits"], depth="key", date=dt.date(2025, 2, 1)), library=real_library
    ).pages
    path = tmp_path / "handout.pdf"
    write_pdf(pages, path, handout=True)
    linked = {url for _, url in _annotations(path)}
    in_notes = {url for page in pages for _, _, url in find_urls(page.notes)}
    assert in_notes and in_notes <= linked


def _link_rects(path: Path) -> list[tuple[float, float, float, float, str]]:
    """Return (left, top, right, bottom) in points from the page's top, and the URL, of every link written."""
    data = path.read_bytes().decode("latin-1")
    height = float(re.search(r"/MediaBox \[0 0 [\d.]+ ([\d.]+)\]", data).group(1))
    return [
        (float(x0), height - float(y1), float(x1), height - float(y0), url)
        for x0, y0, x1, y1, url in re.findall(
            r"/Rect \[([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\]\n/Border \[0 0 0\]\n"
            r"/A << /S /URI /URI \((.*?)\) >>",
            data,
        )
    ]


def test_each_link_covers_the_part_of_the_address_on_its_line(tmp_path):
    path = tmp_path / "handout.pdf"
    write_pdf([_page(f"Sources:\n[1] A long one, wrapped over lines. {LONG}. After it.")], path, handout=True)
    rects = _link_rects(path)
    assert len(rects) >= 2
    pieces = []
    for left, top, right, bottom, url in rects:
        # Shrink the box a little: pdftotext takes any glyph the box touches.
        box = [str(round(v)) for v in (left + 1, top + 2, right - left - 2, bottom - top - 4)]
        pieces.append(
            subprocess.run(
                [
                    "pdftotext",
                    "-f",
                    "1",
                    "-l",
                    "1",
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
        )
        assert url == LONG
    joined = "".join(pieces)
    assert joined in LONG and len(joined) >= len(LONG) - 4 * len(rects)  # the edges may lose a glyph each
