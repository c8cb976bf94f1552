"""Shorten laid-out text that cannot fit its frame even at the smallest sizes.

Truncation is the last resort, after shrinking and continuing on more slides
have been ruled out (a footer must stay on one line; a table row taller than
a slide). The lines that fit are kept and the last one ends with an ellipsis
that is measured, so the shortened line still fits its width. A claim's
citation marker survives the cut, after the ellipsis. The paragraph's spans
are rebuilt from the kept lines, because the .pptx is written from spans and
the preview is drawn from lines: both must say the same.
"""

from __future__ import annotations

from dataclasses import replace

from sinoru_brief.layout.linebreak import span_width
from sinoru_brief.layout.pages import Line, Paragraph, Span
from sinoru_brief.units import Pt, emu_to_pt

ELLIPSIS = "…"


def truncate_to_height(
    paragraphs: tuple[Paragraph, ...], height: float, width: float | None = None
) -> tuple[Paragraph, ...]:
    """Keep the lines of *paragraphs* that fit in *height* points; end the last kept line with an ellipsis.

    *width* is the frame's inner width in points; without it the ellipsis
    replaces the last two characters, which is only safe where the caller
    knows the line has room to spare.
    """
    kept: list[Paragraph] = []
    used = 0.0
    for i, para in enumerate(paragraphs):
        space = 0.0 if i == 0 else para.space_before
        room = int((height - used - space + 1e-6) // para.line_height) if para.line_height > 0 else 0
        if room <= 0:
            if kept:
                kept[-1] = _ellipsized(kept[-1], len(kept[-1].lines), width, paragraphs[i:])
            break
        if room >= len(para.lines):
            kept.append(para)
            used += space + para.height - para.space_before
            continue
        kept.append(_ellipsized(para, room, width, ()))
        break
    return tuple(kept)


def _ellipsized(para: Paragraph, count: int, width: float | None, dropped: tuple[Paragraph, ...]) -> Paragraph:
    """Return *para* cut to its first *count* lines, the last ending in an ellipsis and the marker."""
    markers = _trailing_markers(para) if count < len(para.lines) or dropped else ()
    lines = list(para.lines[:count])
    last = lines[-1]
    body = [s for s in last.spans if not s.superscript] if markers else list(last.spans)
    available = None if width is None else max(width - emu_to_pt(para.indent), 0.0)
    lines[-1] = _with_ellipsis(body, markers, available)
    spans = _merged([s for line in lines for s in line.spans])
    return replace(para, spans=spans, lines=tuple(lines))


def _trailing_markers(para: Paragraph) -> tuple[Span, ...]:
    """Return the superscript citation spans that end *para*'s text."""
    out: list[Span] = []
    for span in reversed(para.spans):
        if not span.superscript:
            break
        out.append(span)
    return tuple(reversed(out))


def _with_ellipsis(spans: list[Span], markers: tuple[Span, ...], width: float | None) -> Line:
    """Return a line of *spans* shortened until it, an ellipsis and *markers* fit in *width*."""
    if not spans:
        spans = [replace(markers[0], text="", superscript=False)] if markers else []
    text_spans = list(spans)
    style = text_spans[-1] if text_spans else None
    while True:
        body = _rstrip(text_spans)
        tail = [replace(style, text=ELLIPSIS, superscript=False, link="")] if style else []
        candidate = [*body, *tail, *markers]
        measured = sum(span_width(s) for s in candidate)
        if width is None:
            if style is not None:
                text = "".join(s.text for s in body)
                body = _rstrip(_drop_chars(body, 2 if len(text) > 2 else 0))
                candidate = [*body, *tail, *markers]
                measured = sum(span_width(s) for s in candidate)
            return Line(spans=tuple(s for s in candidate if s.text), width=Pt(measured))
        if measured <= width * 0.995 or not any(s.text for s in body):
            return Line(spans=tuple(s for s in candidate if s.text), width=Pt(measured))
        text_spans = _drop_chars(body, 1)


def _rstrip(spans: list[Span]) -> list[Span]:
    """Drop trailing spaces (and any span left empty) from *spans*."""
    out = list(spans)
    while out and not out[-1].text.rstrip(" "):
        out.pop()
    if out:
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
    return out


def _drop_chars(spans: list[Span], count: int) -> list[Span]:
    """Remove *count* characters from the end of *spans*."""
    out = list(spans)
    while count > 0 and out:
        last = out[-1]
        if len(last.text) <= count:
            count -= len(last.text)
            out.pop()
        else:
            out[-1] = replace(last, text=last.text[:-count])
            count = 0
    return out


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Join neighbouring spans of one style, so a rebuilt paragraph has as few runs as its source."""
    out: list[Span] = []
    for span in spans:
        if out and replace(out[-1], text="") == replace(span, text=""):
            out[-1] = replace(out[-1], text=out[-1].text + span.text)
        else:
            out.append(span)
    return tuple(out)
