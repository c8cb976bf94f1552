"""Break styled text into lines the way PowerPoint and LibreOffice do.

Breaks fall after spaces, after a hyphen or dash inside a word, and between
East Asian characters (except before closing punctuation or after opening
punctuation, the kinsoku rules). A word wider than the line is split between
characters, as both clients do. Widths come from :mod:`layout.fonts`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from sinoru_brief.layout.fonts import em_width, has_east_asian, is_east_asian, text_width
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


class _SpanEms:
    """Measure pieces of a paragraph's text in ems, span by span, each piece tagged with its span's index.

    The index is the span's place in the paragraph, empty spans included, so
    it picks the span's size from a list of every span's size.
    """

    def __init__(self, style: tuple[tuple[str, str, bool, bool, bool], ...]):
        self.text = "".join(entry[0] for entry in style)
        #: (start, end, font, bold, italic, index) of each non-empty span, in text order.
        self.bounds: list[tuple[int, int, str, bool, bool, int]] = []
        pos = 0
        for index, (text, font, bold, italic, _) in enumerate(style):
            if text:
                self.bounds.append((pos, pos + len(text), font, bold, italic, index))
            pos += len(text)
        self._ends = [bound[1] for bound in self.bounds]

    def __call__(self, start: int, end: int) -> tuple[tuple[int, float], ...]:
        if start >= end:
            return ()
        bounds = self.bounds
        first = bisect_right(self._ends, start)  # the first span that ends after *start*
        span_start, span_end, font, bold, italic, index = bounds[first]
        if end <= span_end:  # nearly every piece lies in one span
            return ((index, em_width(font, bold, italic, self.text[start:end])),)
        out: list[tuple[int, float]] = []
        for span_start, span_end, font, bold, italic, index in bounds[first:]:
            if span_start >= end:
                break
            out.append((index, em_width(font, bold, italic, self.text[max(start, span_start) : min(end, span_end)])))
        return tuple(out)


class _Pieces:
    """The paragraph's spans flattened to one string, with a map back to span indices."""

    def __init__(self, spans: tuple[Span, ...]):
        self.spans = spans
        self.starts: list[int] = []
        pos = 0
        for s in spans:
            self.starts.append(pos)
            pos += len(s.text)
        self.measure = _SpanEms(_style(spans))
        self.text = self.measure.text
        # Each span's measured size, looked up once here rather than on each width call.
        self._sizes = [s.size * SUPERSCRIPT_SCALE if s.superscript else s.size for s in spans]

    def slice(self, start: int, end: int) -> list[Span]:
        """Return the spans covering text[start:end], cut to that range."""
        out: list[Span] = []
        for span, span_start in zip(self.spans, self.starts, strict=True):
            span_end = span_start + len(span.text)
            lo, hi = max(start, span_start), min(end, span_end)
            if lo < hi:
                whole = lo == span_start and hi == span_end
                out.append(span if whole else replace(span, text=span.text[lo - span_start : hi - span_start]))
        return out

    def width(self, start: int, end: int) -> float:
        """Return the width in points of text[start:end] across its spans."""
        return _points(self.measure(start, end), self._sizes)


def _style(spans: tuple[Span, ...]) -> tuple[tuple[str, str, bool, bool, bool], ...]:
    """Return what a paragraph's widths in ems depend on: each span's text, font and style, not its size."""
    return tuple((s.text, s.font, s.bold, s.italic, s.superscript) for s in spans)


class _Word(NamedTuple):
    """One unbreakable piece of a paragraph: where it starts, where its text ends before spaces, where it ends."""

    start: int
    core_end: int
    end: int
    #: The word's text and the spaces before it (from the previous word's core), per span: (span index, ems).
    core: tuple[tuple[int, float], ...]
    gap: tuple[tuple[int, float], ...]


# The words of a paragraph and their widths in ems depend on its text and styles, not its sizes:
# layout breaks the same paragraph at every size it tries, so they are found and measured once.
@lru_cache(maxsize=20_000)
def _words(
    style: tuple[tuple[str, str, bool, bool, bool], ...],
    link_ranges: tuple[tuple[int, int], ...],
) -> tuple[_Word, ...]:
    measure = _SpanEms(style)
    text = measure.text
    points = break_opportunities(text)
    if link_ranges:
        opportunities = {i for i in points if not any(lo < i < hi for lo, hi in link_ranges)}
        opportunities |= {hi for _, hi in link_ranges if 0 < hi < len(text)}
        points = sorted(opportunities)
    words: list[_Word] = []
    cursor = 0
    previous_core_end = 0
    for word_end in [*points, len(text)]:
        core_end = len(text[cursor:word_end].rstrip(" ")) + cursor
        gap = measure(previous_core_end, cursor)
        words.append(_Word(cursor, core_end, word_end, measure(cursor, core_end), gap))
        previous_core_end = core_end
        cursor = word_end
    return tuple(words)


def _points(ems: tuple[tuple[int, float], ...], sizes: list[float]) -> float:
    """Return the width in points of pieces measured in ems, each at its span's size, summed in text order."""
    if not ems:
        return 0.0
    if len(ems) == 1:
        index, em = ems[0]
        return em * sizes[index]
    total = 0.0
    for index, em in ems:
        total += em * sizes[index]
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
    links = tuple(
        (start, start + len(span.text)) for span, start in zip(spans, pieces.starts, strict=True) if span.link
    )
    link_ends = {hi for _, hi in links}
    words = _words(_style(spans), links)
    sizes = pieces._sizes
    east_asian = has_east_asian(text)
    lines: list[Line] = []
    line_start = 0
    line_width = 0.0  # width of text[line_start:cursor] without its trailing spaces
    for word in words:
        word_start, core_end, word_end = word.start, word.core_end, word.end
        core = _points(word.core, sizes) if word.core else 0.0
        # A line's width is its words' widths plus the spaces between them: each word and each
        # run of spaces is measured once and cached, rather than the growing line measured
        # again for every word. Kerning across a space is what this leaves out: nothing for most
        # pairs, up to a tenth of an em where a font kerns a space against a capital (Liberation
        # Serif's " A"), and the sum is then the wider, so a break comes early rather than late.
        # Each line keeps this sum as its width: the measure its break was decided by, an upper
        # bound on what a client draws (measured over the library: never more than 0.08 pt under),
        # and no second measurement of every line's text.
        gap = (_points(word.gap, sizes) if word.gap else 0.0) if word_start > line_start else 0.0
        if word_start > line_start and east_asian and has_east_asian(text[line_start:core_end]):
            # Widths next to East Asian text depend on their neighbours (the space between
            # scripts), so measure the line as a whole rather than adding up its words.
            gap = pieces.width(line_start, core_end) - line_width - core
        if line_start != word_start and line_width + gap + core > limit:
            lines.append(_line(pieces, line_start, word_start, line_width))
            line_start, line_width = word_start, 0.0
        if core > limit and line_start == word_start:
            # A single word wider than the line: split it between characters.
            line_start, line_width = _split_long_word(pieces, word_start, core_end, limit, lines)
            if core_end in link_ends and word_end < len(text):
                # LibreOffice starts a new line after a link it had to split.
                lines.append(_line(pieces, line_start, word_end, line_width))
                line_start, line_width = word_end, 0.0
        else:
            line_width = core if line_start == word_start else line_width + gap + core
    lines.append(_line(pieces, line_start, len(text), line_width))
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


def _line(pieces: _Pieces, start: int, end: int, width: float | None = None) -> Line:
    """Return the line text[start:end], *width* points wide (measured here when not given)."""
    spans = pieces.slice(start, end)
    if width is None:
        # Trailing spaces hang past the margin in both clients; they take no room.
        trimmed_end = start + len(pieces.text[start:end].rstrip(" "))
        width = pieces.width(start, trimmed_end)
    return Line(spans=tuple(spans), width=width)


_WS = re.compile(r"\s+")


def collapse_space(text: str) -> str:
    """Collapse runs of white space (including newlines from YAML) to single spaces, keeping the ends."""
    return _WS.sub(" ", text)


def normalise_space(text: str) -> str:
    """Collapse runs of white space to single spaces and trim both ends."""
    return collapse_space(text).strip()
