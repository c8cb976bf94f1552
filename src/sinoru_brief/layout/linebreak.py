"""Break styled text into lines the way PowerPoint and LibreOffice do.

Breaks fall after spaces, after a hyphen or dash inside a word, and between
East Asian characters (except before closing punctuation or after opening
punctuation, the kinsoku rules). A word wider than the line is split between
characters, as both clients do. Widths come from :mod:`layout.fonts`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from sinoru_brief.layout.fonts import em_width, has_east_asian, is_east_asian, text_width
from sinoru_brief.layout.pages import Line, Span
from sinoru_brief.units import Pt

# We break a little before the full width: if a client measures a hair wider
# than we do, its line still fits, so it never wraps a line we did not wrap.
WIDTH_SAFETY = 0.995
# Clients set a superscript smaller than its run: LibreOffice at 58%,
# PowerPoint at about two thirds. Measure at the larger of the two.
SUPERSCRIPT_SCALE = 0.67

_NO_BREAK_BEFORE = set("，。、：；！？）》」』】〕〉”’,.:;!?)]}…・ー々〻")
_NO_BREAK_AFTER = set("（《「『【〔〈“‘([{")
_DASHES = "-‐–—"


# Without East Asian characters only spaces and dashes break: found by one regular expression (or,
# without dashes, by splitting at spaces), not a character-by-character walk.
_LATIN_BREAK = re.compile(f"(?<= )[^ ]|(?<=[^\\W_][{re.escape(_DASHES)}])[^ {re.escape(_DASHES)}]")


def break_opportunities(text: str) -> list[int]:
    """Return the offsets at which a line may end (a break before text[i])."""
    if not has_east_asian(text):
        if any(dash in text for dash in _DASHES):
            return [m.start() for m in _LATIN_BREAK.finditer(text)]
        # Only spaces break: before each word that follows a space. Splitting at spaces finds
        # them several times faster than the expression, which tries every position.
        points: list[int] = []
        pos = 0
        for part in text.split(" "):
            if part and pos:
                points.append(pos)
            pos += len(part) + 1
        return points
    points = []
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


def span_with_text(span: Span, text: str) -> Span:
    """Return *span* holding *text* instead of its own: ``replace(span, text=text)``, built directly.

    Lines are cut from their paragraph's spans, and paragraphs sized, tens of
    thousands of times a deck, and the generic :func:`dataclasses.replace`
    costs three times the plain constructor. A test checks that every field
    of :class:`Span` is passed on.
    """
    return Span(text, span.size, span.font, span.color, span.bold, span.italic, span.superscript, span.link)


def span_with_size(span: Span, size: Pt) -> Span:
    """Return *span* at *size* points: ``replace(span, size=size)``, built directly (see :func:`span_with_text`)."""
    return Span(span.text, size, span.font, span.color, span.bold, span.italic, span.superscript, span.link)


#: What a paragraph's words and their widths in ems depend on: each span's text, font, bold, italic,
#: superscript and whether it is a link; not its size nor its colour.
_StyleKey = tuple[tuple[str, str, bool, bool, bool, bool], ...]


class _Prepared:
    """What breaking a paragraph needs besides its sizes: found once per text and styles, kept across sizes."""

    __slots__ = ("text", "starts", "measure", "words", "east_asian", "link_ends")

    def __init__(self, key: _StyleKey):
        self.measure = _SpanEms(tuple(entry[:5] for entry in key))
        self.text = text = self.measure.text
        starts: list[int] = []
        pos = 0
        for entry in key:
            starts.append(pos)
            pos += len(entry[0])
        self.starts = tuple(starts)
        # A hyperlink is one unbreakable field in LibreOffice (and PowerPoint may
        # break it anywhere): never break inside one except when it is wider
        # than a whole line, where both split it between characters.
        links = tuple((start, start + len(entry[0])) for entry, start in zip(key, starts, strict=True) if entry[5])
        self.link_ends = frozenset(hi for _, hi in links)
        self.east_asian = has_east_asian(text)
        self.words = _Words(self.measure, links)


def _style_key(spans: tuple[Span, ...]) -> _StyleKey:
    return tuple((s.text, s.font, s.bold, s.italic, s.superscript, bool(s.link)) for s in spans)


# The words of a paragraph and their widths in ems depend on its text and styles, not its sizes:
# layout breaks the same paragraph at every size it tries, so they are found and measured once.
@lru_cache(maxsize=20_000)
def _prepared(key: _StyleKey) -> _Prepared:
    return _Prepared(key)


class _Words:
    """A paragraph's unbreakable pieces, each measured in ems once, kept as columns.

    Piece *i* runs from ``starts[i]`` to ``ends[i]``; its text ends at
    ``core_ends[i]``, before trailing spaces. Its text measures
    ``core_ems[i]`` ems in span ``core_spans[i]``, and the spaces before it
    (from the previous piece's text end) ``gap_ems[i]`` ems in span
    ``gap_spans[i]``. The rare piece that crosses spans (a word and the
    citation marker after it) has span -1 there, and its (span, ems) parts in
    ``core_parts`` or ``gap_parts`` under its start. Columns of numbers rather
    than a tuple per piece: a deck has a hundred thousand pieces, and every
    tuple is an object to allocate and for the garbage collector to walk.
    """

    __slots__ = (
        "starts",
        "core_ends",
        "ends",
        "core_spans",
        "core_ems",
        "gap_spans",
        "gap_ems",
        "core_parts",
        "gap_parts",
    )

    def __init__(self, measure: _SpanEms, link_ranges: tuple[tuple[int, int], ...]):
        text = measure.text
        points = break_opportunities(text)
        if link_ranges:
            opportunities = {i for i in points if not any(lo < i < hi for lo, hi in link_ranges)}
            opportunities |= {hi for _, hi in link_ranges if 0 < hi < len(text)}
            points = sorted(opportunities)
        points.append(len(text))
        self.starts: list[int] = []
        self.core_ends: list[int] = []
        self.ends = points
        # An empty piece or gap measures 0.0 ems in span 0: 0.0 points at any size, as a sum of nothing.
        self.core_spans: list[int] = []
        self.core_ems: list[float] = []
        self.gap_spans: list[int] = []
        self.gap_ems: list[float] = []
        self.core_parts: dict[int, tuple[tuple[int, float], ...]] = {}
        self.gap_parts: dict[int, tuple[tuple[int, float], ...]] = {}
        bounds = measure.bounds
        if not bounds:  # no text: one empty piece
            self.starts, self.core_ends, self.ends = [0], [0], [0]
            self.core_spans, self.core_ems, self.gap_spans, self.gap_ems = [0], [0.0], [0], [0.0]
            return
        starts, core_ends = self.starts, self.core_ends
        core_spans, core_ems, gap_spans, gap_ems = self.core_spans, self.core_ems, self.gap_spans, self.gap_ems
        # The span the next piece starts in: pieces only move forward, so it is found by stepping on.
        span = 0
        _, span_end, font, bold, italic, index = bounds[0]
        cursor = 0
        previous_core_end = 0
        for word_end in points:
            core_text = text[cursor:word_end].rstrip(" ")
            core_end = cursor + len(core_text)
            starts.append(cursor)
            core_ends.append(core_end)
            # Nearly every piece lies in one span: measured here directly, the rest by the span measurer.
            if previous_core_end < cursor:
                while span_end <= previous_core_end:
                    span += 1
                    _, span_end, font, bold, italic, index = bounds[span]
                if cursor <= span_end:
                    gap_spans.append(index)
                    gap_ems.append(em_width(font, bold, italic, text[previous_core_end:cursor]))
                else:
                    gap_spans.append(-1)
                    gap_ems.append(0.0)
                    self.gap_parts[cursor] = measure(previous_core_end, cursor)
            else:
                gap_spans.append(0)
                gap_ems.append(0.0)
            if core_text:
                while span_end <= cursor:
                    span += 1
                    _, span_end, font, bold, italic, index = bounds[span]
                if core_end <= span_end:
                    core_spans.append(index)
                    core_ems.append(em_width(font, bold, italic, core_text))
                else:
                    core_spans.append(-1)
                    core_ems.append(0.0)
                    self.core_parts[cursor] = measure(cursor, core_end)
            else:
                core_spans.append(0)
                core_ems.append(0.0)
            previous_core_end = core_end
            cursor = word_end


class _Pieces:
    """A paragraph's spans at their sizes: its text flattened to one string, measured and cut back into spans."""

    def __init__(self, spans: tuple[Span, ...], prepared: _Prepared | None = None):
        self.spans = spans
        self.prepared = prepared or _prepared(_style_key(spans))
        self.text = self.prepared.text
        # Each span's measured size, looked up once here rather than on each width call.
        self.sizes = [s.size * SUPERSCRIPT_SCALE if s.superscript else s.size for s in spans]

    def slice(self, start: int, end: int) -> tuple[Span, ...]:
        """Return the spans covering text[start:end], cut to that range."""
        out: list[Span] = []
        for span, span_start in zip(self.spans, self.prepared.starts, strict=True):
            if span_start >= end:
                break
            span_end = span_start + len(span.text)
            if span_end <= start:
                continue
            lo, hi = max(start, span_start), min(end, span_end)
            if lo < hi:
                whole = lo == span_start and hi == span_end
                out.append(span if whole else span_with_text(span, span.text[lo - span_start : hi - span_start]))
        return tuple(out)

    def width(self, start: int, end: int) -> float:
        """Return the width in points of text[start:end] across its spans."""
        return _points(self.prepared.measure(start, end), self.sizes)


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
    prepared = _prepared(_style_key(spans))
    text = prepared.text
    if not text:
        return (Line(spans=(), width=Pt(0.0)),)
    pieces = _Pieces(spans, prepared)
    limit = width * WIDTH_SAFETY
    link_ends = prepared.link_ends
    sizes = pieces.sizes
    east_asian = prepared.east_asian
    lines: list[Line] = []
    line_start = 0
    line_width = 0.0  # width of text[line_start:cursor] without its trailing spaces
    words = prepared.words
    core_parts, gap_parts = words.core_parts, words.gap_parts
    for word_start, core_end, word_end, core_span, core_em, gap_span, gap_em in zip(
        words.starts, words.core_ends, words.ends, words.core_spans, words.core_ems, words.gap_spans, words.gap_ems
    ):
        # A line's width is its words' widths plus the spaces between them: each word and each
        # run of spaces is measured once and cached, rather than the growing line measured
        # again for every word. Kerning across a space is what this leaves out: nothing for most
        # pairs, up to a tenth of an em where a font kerns a space against a capital (Liberation
        # Serif's " A"), and the sum is then the wider, so a break comes early rather than late.
        # Each line keeps this sum as its width: the measure its break was decided by, an upper
        # bound on what a client draws (measured over the library: never more than 0.08 pt under),
        # and no second measurement of every line's text.
        core = core_em * sizes[core_span] if core_span >= 0 else _points(core_parts[word_start], sizes)
        if word_start > line_start:
            gap = gap_em * sizes[gap_span] if gap_span >= 0 else _points(gap_parts[word_start], sizes)
            if east_asian and has_east_asian(text[line_start:core_end]):
                # Widths next to East Asian text depend on their neighbours (the space between
                # scripts), so measure the line as a whole rather than adding up its words.
                gap = pieces.width(line_start, core_end) - line_width - core
            if line_width + gap + core > limit:
                lines.append(Line(pieces.slice(line_start, word_start), Pt(line_width)))
                line_start, line_width = word_start, 0.0
        if core > limit and line_start == word_start:
            # A single word wider than the line: split it between characters.
            line_start, line_width = _split_long_word(pieces, word_start, core_end, limit, lines)
            if core_end in link_ends and word_end < len(text):
                # LibreOffice starts a new line after a link it had to split.
                lines.append(Line(pieces.slice(line_start, word_end), Pt(line_width)))
                line_start, line_width = word_end, 0.0
        else:
            line_width = core if line_start == word_start else line_width + gap + core
    lines.append(Line(pieces.slice(line_start, len(text)), Pt(line_width)))
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
    """Return the line text[start:end], measured without its trailing spaces."""
    # Trailing spaces hang past the margin in both clients; they take no room.
    trimmed_end = start + len(pieces.text[start:end].rstrip(" "))
    return Line(pieces.slice(start, end), Pt(pieces.width(start, trimmed_end)))


_WS = re.compile(r"\s+")


def collapse_space(text: str) -> str:
    """Collapse runs of white space (including newlines from YAML) to single spaces, keeping the ends."""
    return _WS.sub(" ", text)


def normalise_space(text: str) -> str:
    """Collapse runs of white space to single spaces and trim both ends."""
    # str.split() without an argument splits at runs of exactly the characters \s matches and
    # drops the ends: the same as collapse_space(text).strip(), in a sixth of the time (layout
    # normalises every bullet, title and label of a deck).
    return " ".join(text.split())
