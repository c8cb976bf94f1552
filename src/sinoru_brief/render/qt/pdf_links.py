"""Make the links on slides clickable in a PDF that Qt wrote: find where each linked span is, add link annotations.

Qt's PDF writer has no public call for a link, but it gives every page an
(empty) annotation array of its own. :func:`add_links` appends an incremental
update, as PDF allows (ISO 32000-1, 7.5.6): new versions of those arrays and
one URI link annotation per linked run, and a cross-reference section for
them. The bytes Qt wrote are kept unchanged in front.

Where a span is drawn comes from :func:`sinoru_brief.render.qt.text.place_lines`,
the same placement the painter draws the text with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from sinoru_brief.layout.pages import Page, TextFrame
from sinoru_brief.render.qt.fonts import text_width_em
from sinoru_brief.render.qt.text import Scale, place_lines, span_font, span_size


@dataclass(frozen=True)
class Link:
    """A clickable rectangle in points from the page's top-left corner, and where it goes."""

    left: float
    top: float
    right: float
    bottom: float
    url: str


def page_links(page: Page, left: float, top: float, width: float) -> list[Link]:
    """Return the links of *page* drawn with its top-left corner at (*left*, *top*) points, *width* points wide."""
    scale = Scale(width / page.width)
    ppt = scale.px_per_pt
    links: list[Link] = []
    for frame in page.boxes:
        if not isinstance(frame, TextFrame):
            continue
        i = frame.insets
        x0, y0 = left + scale.px(frame.x), top + scale.px(frame.y)
        for placed in place_lines(
            frame.paragraphs,
            x0 + scale.px(i.left),
            y0 + scale.px(i.top),
            x0 + scale.px(frame.w - i.right),
            y0 + scale.px(frame.h - i.bottom),
            frame.anchor,
            scale,
        ):
            x = placed.start
            for span in placed.line.spans:
                advance = text_width_em(span.text, span_font(span)) * span_size(span) * ppt if span.text else 0.0
                if span.link and span.text.strip():
                    previous = links[-1] if links else None
                    if (
                        previous
                        and previous.url == span.link
                        and previous.top == placed.top
                        and abs(previous.right - x) < 0.01
                    ):
                        links[-1] = Link(previous.left, previous.top, x + advance, previous.bottom, span.link)
                    else:
                        links.append(Link(x, placed.top, x + advance, placed.bottom, span.link))
                x += advance
    return links


_KIDS = re.compile(rb"/Type /Pages\n/Kids \n\[\n((?:\d+ 0 R\n)*)\]")
_ANNOTS = re.compile(rb"/Annots (\d+) 0 R")
_HEIGHT = re.compile(rb"/MediaBox \[0 0 [\d.]+ ([\d.]+)\]")
_TRAILER = re.compile(rb"trailer\n<<(.*?)>>\nstartxref\n(\d+)", re.S)


class UnexpectedPdf(ValueError):
    """The PDF is not laid out as Qt writes it, so links cannot be added safely."""


def add_links(pdf: bytes, links: list[list[Link]]) -> bytes:
    """Return *pdf* with the links of each page (``links[i]`` for page *i*) added as link annotations."""
    if not any(links):
        return pdf
    pages = _pages(pdf)
    if len(pages) != len(links):
        raise UnexpectedPdf(f"the PDF has {len(pages)} pages, not {len(links)}")
    trailer = _TRAILER.search(pdf, pdf.rfind(b"trailer"))
    if trailer is None:
        raise UnexpectedPdf("no trailer")
    fields = trailer.group(1)
    size = int(_field(fields, rb"/Size (\d+)"))
    body = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offsets: dict[int, int] = {}
    next_number = size
    for (annots, height), page in zip(pages, links, strict=True):
        if not page:
            continue
        numbers = []
        for link in page:
            offsets[next_number] = len(body)
            rect = f"{link.left:.2f} {height - link.bottom:.2f} {link.right:.2f} {height - link.top:.2f}"
            body += (
                f"{next_number} 0 obj\n<<\n/Type /Annot\n/Subtype /Link\n/Rect [{rect}]\n/Border [0 0 0]\n"
                f"/A << /S /URI /URI ({_pdf_string(link.url)}) >>\n>>\nendobj\n"
            ).encode("ascii")
            numbers.append(next_number)
            next_number += 1
        offsets[annots] = len(body)
        body += f"{annots} 0 obj\n[ {' '.join(f'{n} 0 R' for n in numbers)} ]\nendobj\n".encode("ascii")
    xref = len(body)
    body += b"xref\n"
    for number in sorted(offsets):
        body += f"{number} 1\n{offsets[number]:010d} 00000 n \n".encode("ascii")
    keep = b"".join(re.findall(rb"(/(?:Root|Info) \d+ 0 R|/ID \[[^\]]*\])", fields))
    body += (
        b"trailer\n<<\n/Size "
        + str(next_number).encode()
        + b"\n"
        + keep
        + b"\n/Prev "
        + trailer.group(2)
        + b"\n>>\nstartxref\n"
        + str(xref).encode()
        + b"\n%%EOF\n"
    )
    return bytes(body)


def _pages(pdf: bytes) -> list[tuple[int, float]]:
    """Return each page's annotation-array object number and its height, in page order."""
    kids = _KIDS.search(pdf)
    if kids is None:
        raise UnexpectedPdf("no page tree")
    pages = []
    for number in re.findall(rb"(\d+) 0 R", kids.group(1)):
        start = pdf.find(b"\n" + number + b" 0 obj\n")
        end = pdf.find(b"endobj", start)
        if start < 0 or end < 0:
            raise UnexpectedPdf(f"page object {number.decode()} is missing")
        page = pdf[start:end]
        annots, height = _ANNOTS.search(page), _HEIGHT.search(page)
        if annots is None or height is None:
            raise UnexpectedPdf(f"page object {number.decode()} has no annotation array or media box")
        pages.append((int(annots.group(1)), float(height.group(1))))
    return pages


def _field(fields: bytes, pattern: bytes) -> bytes:
    match = re.search(pattern, fields)
    if match is None:
        raise UnexpectedPdf(f"the trailer lacks {pattern!r}")
    return match.group(1)


def _pdf_string(url: str) -> str:
    """Return *url* as the body of a PDF literal string: ASCII, with ( ) and \\ escaped."""
    ascii_url = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return ascii_url.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
