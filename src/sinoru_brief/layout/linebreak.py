"""Break styled text into lines the way PowerPoint and LibreOffice do.

Breaks fall after spaces, after a hyphen or dash inside a word, and between
East Asian characters (except before closing punctuation or after opening
punctuation, the kinsoku rules). A word wider than the line is split between
characters, as both clients do. Widths come from :mod:`layout.fonts`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sinoru_brief.layout.fonts import has_east_asian, is_east_asian, text_width
from sinoru_brief.layout.pages import Line, Span

# We break a little before the full width: if a client measures a hair wider
# than we do, its line still fits, so it never wraps a line we did not wrap.
WIDTH_SAFETY = 0.995
# Clients set a superscript smaller than its run: LibreOffice at 58%,
# PowerPoint at about two thirds. Measure at the larger of the two.
SUPERSCRIPT_SCALE = 0.67

_NO_BREAK_BEFORE = set("，。、：；！？）》」』】〕〉”’,.:;!?)]}…・ー々〻")
_NO_BREAK_AFTER = set("（《「『【〔〈“‘([{")
_DASHES = "-‐–—"


# Without East Asian characters only spaces and dashes break: found by one regular expression,
# not a character-by-character walk (layout breaks every paragraph at every size it tries).
_LATIN_BREAK = re.compile(f"(?<= )[^ ]|(?<=[^\\W_][{re.escape(_DASHES)}])[^ {re.escape(_DASHES)}]")


def break_opportunities(text: str) -> list[int]:
    """Return the offsets at which a line may end (a break before text[i])."""
    if not has_east_asian(text):
        return [m.start() for m in _LATIN_BREAK.finditer(text)]
    points: list[int] = []
    n = len(text)
    for i in range(1, n):
        prev, char = text[i - 1], text[i]
        if prev == " " and char != " ":
            points.append(i)
        elif prev in _DASHES and char not in " " + _DASHES and i >= 2 and text[i - 2].isalnum():
            points.append(i)
        elif (is_east_asian(prev) or is_east_asian(char)) and char != " " and prev != " ":
            if char not in _NO_BREAK_BEFORE and prev not in _NO_BREAK_AFTER:
                points.append(i)
    return points


def span_width(span: Span, text: str | None = None) -> float:
    """Return the width in points of *text* (default: the span's text) in the span's style."""
    size = span.size * SUPERSCRIPT_SCALE if span.superscript else span.size
    return text_width(span.text if text is None else text, span.font, size, span.bold, span.italic)


class _Pieces:
    """The paragraph's spans flattened to one string, with a map back to span indices."""

    def __init__(self, spans: tuple[Span, ...]):
        self.spans = spans
        self.text = "".join(s.text for s in spans)
        self.starts: list[int] = []
        pos = 0
        for s in spans:
            self.starts.append(pos)
            pos += len(s.text)

    def slice(self, start: int, end: int) -> list[Span]:
        """Return the spans covering text[start:end], cut to that range."""
        out: list[Span] = []
        for span, span_start in zip(self.spans, self.starts, strict=True):
            span_end = span_start + len(span.text)
            lo, hi = max(start, span_start), min(end, span_end)
            if lo < hi:
                out.append(replace(span, text=span.text[lo - span_start:hi - span_start]))
        return out

    def width(self, start: int, end: int) -> float:
        """Return the width in points of text[start:end] across its spans (hot: no Span copies)."""
        if len(self.spans) == 1:
            return span_width(self.spans[0], self.text[start:end]) if start < end else 0.0
        total = 0.0
        for span, span_start in zip(self.spans, self.starts, strict=True):
            lo, hi = max(start, span_start), min(end, span_start + len(span.text))
            if lo < hi:
                total += span_width(span, span.text[lo - span_start:hi - span_start])
        return total


def break_lines(spans: tuple[Span, ...], width: float) -> tuple[Line, ...]:
    """Break *spans* into lines no wider than *width* points; trailing spaces do not count."""
    pieces = _Pieces(spans)
    text = pieces.text
    if not text:
        return (Line(spans=(), width=0.0),)
    limit = width * WIDTH_SAFETY
    # A hyperlink is one unbreakable field in LibreOffice (and PowerPoint may
    # break it anywhere): never break inside one except when it is wider
    # than a whole line, where both split it between characters.
    links = [(start, start + len(span.text)) for span, start in zip(spans, pieces.starts, strict=True) if span.link]
    opportunities = {i for i in break_opportunities(text) if not any(lo < i < hi for lo, hi in links)}
    opportunities |= {hi for _, hi in links if 0 < hi < len(text)}
    link_ends = {hi for _, hi in links}
    bounds = [0, *sorted(opportunities), len(text)]
    east_asian = has_east_asian(text)
    lines: list[Line] = []
    line_start = 0
    line_width = 0.0  # width of text[line_start:cursor] without its trailing spaces
    cursor = 0
    previous_core_end = 0
    for word_end in bounds[1:]:
        word_start = cursor
        core_end = len(text[word_start:word_end].rstrip(" ")) + word_start
        core = pieces.width(word_start, core_end)
        # A line's width is its words' widths plus the spaces between them: each word and each
        # run of spaces is measured once and cached, rather than the growing line measured
        # again for every word. Kerning across a space is what this leaves out: a few
        # hundredths of a point, well inside WIDTH_SAFETY; _line measures each line whole.
        gap = pieces.width(previous_core_end, word_start) if word_start > line_start else 0.0
        previous_core_end = core_end
        if word_start > line_start and east_asian and has_east_asian(text[line_start:core_end]):
            # Widths next to East Asian text depend on their neighbours (the space between
            # scripts), so measure the line as a whole rather than adding up its words.
            gap = pieces.width(line_start, core_end) - line_width - core
        if line_start != word_start and line_width + gap + core > limit:
            lines.append(_line(pieces, line_start, word_start))
            line_start, line_width = word_start, 0.0
        if core > limit and line_start == word_start:
            # A single word wider than the line: split it between characters.
            line_start, line_width = _split_long_word(pieces, word_start, core_end, limit, lines)
            if core_end in link_ends and word_end < len(text):
                # LibreOffice starts a new line after a link it had to split.
                lines.append(_line(pieces, line_start, word_end))
                line_start, line_width = word_end, 0.0
        else:
            line_width = core if line_start == word_start else line_width + gap + core
        cursor = word_end
    lines.append(_line(pieces, line_start, len(text)))
    return tuple(lines)


def _split_long_word(pieces: _Pieces, start: int, end: int, limit: float, lines: list[Line]) -> tuple[int, float]:
    """Emit full lines of a too-long word; return where the last partial line starts and its width."""
    line_start = start
    i = start + 1
    while i <= end:
        if pieces.width(line_start, i) > limit and i - 1 > line_start:
            lines.append(_line(pieces, line_start, i - 1))
            line_start = i - 1
        i += 1
    return line_start, pieces.width(line_start, end)


def _line(pieces: _Pieces, start: int, end: int) -> Line:
    spans = pieces.slice(start, end)
    # Trailing spaces hang past the margin in both clients; they take no room.
    trimmed_end = start + len(pieces.text[start:end].rstrip(" "))
    return Line(spans=tuple(spans), width=pieces.width(start, trimmed_end))


_WS = re.compile(r"\s+")


def collapse_space(text: str) -> str:
    """Collapse runs of white space (including newlines from YAML) to single spaces, keeping the ends."""
    return _WS.sub(" ", text)


def normalise_space(text: str) -> str:
    """Collapse runs of white space to single spaces and trim both ends."""
    return collapse_space(text).strip()
