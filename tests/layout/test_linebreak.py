"""What the line breaker promises, for any text: nothing lost, nothing too wide, each line as full as it can be.

The exact agreement of the fast paths with the plain definition of breaking
is checked in ``test_measure_caches.py``; these tests state the behaviour a
reader of a slide sees, over generated Latin, Cyrillic and Chinese text,
mixed styles, links and words wider than the line.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sinoru_brief.layout import fonts, linebreak
from sinoru_brief.layout.pages import Line, Span

_TEXT = st.text(alphabet="ab Zé w1 -—.,;Яж 中文。，（）“”", min_size=0, max_size=60)
_PARTS = st.lists(
    st.tuples(_TEXT, st.sampled_from([9.0, 14.0, 20.0, 28.0]), st.booleans(), st.booleans(), st.booleans()),
    min_size=1,
    max_size=4,
)
_WIDTHS = st.floats(min_value=30, max_value=700)


def _spans(parts) -> tuple[Span, ...]:
    return tuple(
        Span(text, size, "Times New Roman" if serif else "Calibri", "000000", bold=bold, superscript=sup)
        for text, size, bold, sup, serif in parts
    )


def _text(line: Line) -> str:
    return "".join(s.text for s in line.spans)


def _width(text: str, spans: tuple[Span, ...], start: int) -> float:
    """Return the measured width of text[start:start+len(text)] of the paragraph *spans*, trailing spaces left out."""
    pieces = linebreak._Pieces(spans)
    return pieces.width(start, start + len(text.rstrip(" ")))


@settings(max_examples=300, deadline=None)
@given(_PARTS, _WIDTHS)
def test_the_lines_hold_the_paragraph_exactly_in_its_styles(parts, width):
    spans = _spans(parts)
    lines = linebreak.break_lines(spans, width)
    assert "".join(_text(line) for line in lines) == "".join(s.text for s in spans)
    # Each character keeps its own span's style: cut lines re-joined are the spans, merged.
    styled = [(c, s.size, s.font, s.bold, s.superscript) for line in lines for s in line.spans for c in s.text]
    assert styled == [(c, s.size, s.font, s.bold, s.superscript) for s in spans for c in s.text]
    assert all(s.text for line in lines for s in line.spans)  # no empty span left on a line


@settings(max_examples=300, deadline=None)
@given(_PARTS, _WIDTHS)
def test_no_line_is_wider_than_the_frame_unless_it_is_one_character(parts, width):
    spans = _spans(parts)
    for line in linebreak.break_lines(spans, width):
        text = _text(line).rstrip(" ")
        assert line.width <= width * linebreak.WIDTH_SAFETY + 1e-6 or len(text) <= 1


@settings(max_examples=300, deadline=None)
@given(_PARTS, _WIDTHS)
def test_a_line_ends_only_where_a_line_may_end_or_inside_a_word_wider_than_the_line(parts, width):
    spans = _spans(parts)
    text = "".join(s.text for s in spans)
    allowed = set(linebreak.break_opportunities(text))
    pieces = list(zip([0, *sorted(allowed)], [*sorted(allowed), len(text)], strict=True))
    limit = width * linebreak.WIDTH_SAFETY
    pos = 0
    for line in linebreak.break_lines(spans, width)[:-1]:
        pos += len(_text(line))
        if pos in allowed:
            continue
        # A forced break: the piece it falls in is wider than a whole line on its own.
        start, end = next((a, b) for a, b in pieces if a < pos < b)
        assert _width(text[start:end], spans, start) > limit


@settings(max_examples=300, deadline=None)
@given(_PARTS, _WIDTHS)
# "-." kerns by 0.05 em: the whole text fits in 30 pt, the sum of its two pieces does not.
@example([("1;-", 14.0, False, False, False), ("1-.", 14.0, True, False, False)], 30.0)
def test_each_line_is_as_full_as_it_can_be(parts, width):
    # Greedy breaking: the piece that starts the next line would not have fitted on this one. The
    # breaker adds up its pieces' widths and so leaves out the kerning across a break point (up to a
    # tenth of an em, and nearly always tightening): it may break that much early, never later.
    spans = _spans(parts)
    kerning = 0.1 * max(s.size for s in spans)
    text = "".join(s.text for s in spans)
    allowed = sorted(set(linebreak.break_opportunities(text)))
    limit = width * linebreak.WIDTH_SAFETY
    lines = linebreak.break_lines(spans, width)
    start = 0
    for line in lines[:-1]:
        end = start + len(_text(line))
        following = [p for p in allowed if p > end] + [len(text)]
        if end in allowed:
            grown = text[start : following[0]]
            assert _width(grown, spans, start) > limit - kerning or fonts.has_east_asian(grown)
        start = end


def test_a_word_wider_than_the_line_is_split_between_characters():
    word = Span("Transcontinental" * 3, 20.0, "Calibri", "000000")
    lines = linebreak.break_lines((word,), 120.0)
    assert len(lines) > 2
    assert "".join(_text(line) for line in lines) == word.text
    assert all(line.width <= 120.0 * linebreak.WIDTH_SAFETY for line in lines)


def test_trailing_spaces_take_no_room():
    spaced = linebreak.break_lines((Span("Arctic energy    ", 20.0, "Calibri", "000000"),), 600)
    plain = linebreak.break_lines((Span("Arctic energy", 20.0, "Calibri", "000000"),), 600)
    assert spaced[0].width == plain[0].width


def test_empty_text_is_one_empty_line():
    assert linebreak.break_lines((Span("", 20.0, "Calibri", "000000"),), 300) == (Line(spans=(), width=0.0),)


def test_chinese_breaks_between_characters_but_never_before_closing_punctuation():
    text = "中俄关系在乌克兰战争中继续发展，双方强调“无上限”的伙伴关系。"
    span = Span(text, 20.0, "Calibri", "000000")
    for width in range(60, 400, 7):
        lines = linebreak.break_lines((span,), float(width))
        assert "".join(_text(line) for line in lines) == text
        for line in lines[1:]:
            assert _text(line)[0] not in linebreak._NO_BREAK_BEFORE
        for line in lines[:-1]:
            assert _text(line)[-1] not in linebreak._NO_BREAK_AFTER


def test_russian_breaks_at_spaces_like_english():
    text = "Российско-китайское партнёрство без союза и без границ"
    lines = linebreak.break_lines((Span(text, 20.0, "Calibri", "000000"),), 200.0)
    assert len(lines) > 1
    for line in lines[:-1]:
        assert _text(line).endswith((" ", "-"))
