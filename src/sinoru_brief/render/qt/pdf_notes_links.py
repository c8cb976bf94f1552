"""Find the web addresses in a handout's notes and where Qt laid them out, so the PDF can make them clickable.

The notes of a handout page (read-aloud notes, the guidance for the briefer,
the full references) are plain text in a :class:`QTextDocument`. The URLs in
it are found by pattern, and each is located line by line in the document's
own layout (a long URL wraps over lines, even mid-word), giving one link
rectangle per line it occupies, for :mod:`sinoru_brief.render.qt.pdf_links`
to write as annotations.
"""

from __future__ import annotations

import re
from typing import cast

from PySide6.QtGui import QTextDocument, QTextLine

from sinoru_brief.render.qt.pdf_links import Link

#: A web address as the references print it; what ends a sentence after it is not part of it.
_URL = re.compile(r"https?://[^\s<>\"“”‘’]+")
_TRAILING = ".,;:!?'"


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, url) for every web address in *text*, without the punctuation that follows one.

    A closing parenthesis is kept only when the address opened one itself
    (a Wikipedia-style ``..._(disambiguation)``), not when it closes the
    sentence's own parenthesis.
    """
    found = []
    for match in _URL.finditer(text):
        url = match.group(0)
        while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))):
            url = url[:-1]
        if len(url) > len("https://"):
            found.append((match.start(), match.start() + len(url), url))
    return found


def _x(line: QTextLine, position: int) -> float:
    result = line.cursorToX(position)
    # PySide6 returns the x alone or (x, position), depending on the binding of the overload.
    return float(result[0] if isinstance(result, tuple) else cast(float, result))


def notes_links(document: QTextDocument, start: float, end: float, left: float, top: float) -> list[Link]:
    """Return the links of the URLs in *document* on the lines between *start* and *end* (document points).

    Those lines are drawn on a page with the document's point *start* at
    (*left*, *top*): the rectangles are in that page's points. A line
    belongs to the page when its bottom is within (*start*, *end*], as the
    handout draws it.
    """
    layout = document.documentLayout()
    links: list[Link] = []
    for first, last, url in find_urls(document.toPlainText()):
        position = first
        while position < last:
            block = document.findBlock(position)
            if not block.isValid():
                break
            block_end = block.position() + block.length() - 1  # the block separator is not text
            text_layout = block.layout()
            line = text_layout.lineForTextPosition(position - block.position())
            if not line.isValid():
                break
            line_end = block.position() + line.textStart() + line.textLength()
            stop = min(last, line_end, block_end)
            if stop <= position:
                break
            frame = layout.blockBoundingRect(block)
            line_top = frame.top() + line.y()  # as the handout measures its line breaks
            bottom = line_top + line.height()
            if start < bottom <= end:
                x0 = frame.left() + _x(line, position - block.position())
                x1 = frame.left() + _x(line, stop - block.position())
                links.append(Link(left + x0, top + line_top - start, left + x1, top + bottom - start, url))
            position = stop
    return links
