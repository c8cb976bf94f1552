"""Read the words a real client drew into a PDF and check each lies inside the frame that holds it.

``pdftotext -raw -bbox`` lists every word LibreOffice drew with its box, in
the order it drew them: shape by shape, in the slide's shape order, which is
the order of the page's boxes. That order lets each word be attributed to
a frame whose text holds it, from the frame the previous word belonged to
onwards, not merely to any frame it happens to lie in: a bullet whose last
lines print over the source line is caught, because the source line comes
after the body and does not say those words.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from sinoru_brief.layout.pages import Box, ChartFrame, Page, TableFrame, TextFrame
from sinoru_brief.units import EMU_PER_POINT

Word = tuple[str, float, float, float, float]
_XHTML = "{http://www.w3.org/1999/xhtml}"
_PUNCTUATION = "“”\"'‘’()[],.;:—–-…«»「」《》，。、：；！？"


def drawn_words(pdf: Path, out: Path) -> list[tuple[float, float, list[Word]]]:
    """Return each PDF page's width, height and words in drawing order, boxes in points."""
    subprocess.run(["pdftotext", "-raw", "-bbox", str(pdf), str(out)], check=True, timeout=180)
    text = re.sub(r"<!DOCTYPE[^>]*>", "", out.read_text(encoding="utf-8"))
    pages = []
    for page in ET.fromstring(text).iter(f"{_XHTML}page"):
        words = [
            (w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")))
            for w in page.iter(f"{_XHTML}word")
        ]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def tolerance(word: Word) -> float:
    """Return how far a word's box may stick out of its frame without any ink leaving it.

    pdftotext reports a word's box from the font's full ascent to its full
    descent (1.22 em for Carlito) while a line's pitch is 1.15 em, so a box
    may stick out of a tight frame by a few percent of its height. A tenth of
    the box height (and at least 2 pt) absorbs that and nothing more.
    """
    return max(2.0, 0.1 * (word[4] - word[2]))


def rect(box: Box) -> tuple[float, float, float, float]:
    """Return *box* as (left, top, right, bottom) in points."""
    return (box.x / EMU_PER_POINT, box.y / EMU_PER_POINT, box.right / EMU_PER_POINT, box.bottom / EMU_PER_POINT)


def inside(word: Word, area: tuple[float, float, float, float], slack: float | None = None) -> bool:
    """Return whether *word*'s box lies inside *area* (within *slack*, default :func:`tolerance`)."""
    _, x0, y0, x1, y1 = word
    slack = tolerance(word) if slack is None else slack
    return x0 >= area[0] - slack and y0 >= area[1] - slack and x1 <= area[2] + slack and y1 <= area[3] + slack


def frame_text(frame: Box) -> str:
    """Return all the text *frame* draws, bullets included, as one string."""
    if isinstance(frame, TableFrame):
        paragraphs = [p for row in frame.rows for cell in row for p in cell.paragraphs]
    elif isinstance(frame, TextFrame):
        paragraphs = list(frame.paragraphs)
    else:
        return ""
    return " ".join(f"{p.bullet} {p.text}" for p in paragraphs)


def _core(word: str) -> str:
    return word.strip(_PUNCTUATION)


def _holds(text: str, word: str) -> bool:
    core = _core(word)
    return not core or core in text or core[:6] in text


def misplaced_words(
    page: Page,
    words: list[Word],
    width: float,
    height: float,
    static_text: list[tuple[str, tuple[float, float, float, float]]] = (),
) -> list[tuple]:
    """Return (slide number, key, word, why) for every word not inside the slide and the frame that holds it.

    *static_text* is text a master's layout draws by itself, with its box.
    Words a chart draws (axis and data labels) belong to the chart they lie in.
    """
    frames = [b for b in page.boxes if isinstance(b, TextFrame | TableFrame | ChartFrame)]
    texts = [frame_text(f) for f in frames]
    charts = [f for f in frames if isinstance(f, ChartFrame)]
    failures = []
    current = 0
    for word in words:
        if not inside(word, (0, 0, width, height), slack=0):
            failures.append((page.number, page.key, word, "outside the slide"))
            continue
        holders = [i for i in range(current, len(frames)) if texts[i] and _holds(texts[i], word[0])]
        owner = next((i for i in holders if inside(word, rect(frames[i]))), None)
        if owner is None and not holders:  # drawn out of order: any frame that holds it where it lies
            owner = next(
                (i for i, t in enumerate(texts) if t and _holds(t, word[0]) and inside(word, rect(frames[i]))), None
            )
        if owner is not None:
            current = owner
            continue
        owner = holders[0] if holders else None
        if any(inside(word, rect(c)) for c in charts):
            continue
        if any(_core(word[0]) in text and inside(word, area) for text, area in static_text):
            continue
        where = (
            f"outside its frame ({frames[owner].name or frames[owner].role})"
            if owner is not None
            else "in no frame whose text holds it"
        )
        failures.append((page.number, page.key, word, where))
    return failures


def static_text(master, kind: str) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return the text a master's layout for slide *kind* draws by itself (and its master's), boxes in points."""
    from sinoru_brief.theme.mapping import mapping

    if master is None:
        return []
    choice = mapping(master).for_kind(kind)
    if choice.hide_shapes:
        return []
    texts = list(choice.layout.static_text)
    if choice.layout.shows_master_shapes:
        texts += list(master.masters[choice.layout.master].static_text)
    return [(t.text, rect(t.rect)) for t in texts if t.rect is not None]
