"""The fast paths of measuring and breaking give exactly what the plain definitions give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.layout import fonts, linebreak
from sinoru_brief.layout.pages import Span


def reference_opportunities(text: str) -> list[int]:
    """The break rules of linebreak's module docstring, walked character by character."""
    points = []
    for i in range(1, len(text)):
        prev, char = text[i - 1], text[i]
        if prev == " " and char != " ":
            points.append(i)
        elif prev in linebreak._DASHES and char not in " " + linebreak._DASHES and i >= 2 and text[i - 2].isalnum():
            points.append(i)
        elif (fonts.is_east_asian(prev) or fonts.is_east_asian(char)) and char != " " and prev != " ":
            if char not in linebreak._NO_BREAK_BEFORE and prev not in linebreak._NO_BREAK_AFTER:
                points.append(i)
    return points


@settings(max_examples=2000)
@given(st.text(alphabet="ab Zé1²_٣-‐–—.,;)(\u201c\t\n中。", max_size=24))
def test_break_opportunities_follow_the_rules(text):
    assert linebreak.break_opportunities(text) == reference_opportunities(text)


def test_latin_fast_path_breaks_after_spaces_and_after_dashes_inside_words():
    assert linebreak.break_opportunities("Sino-Russian  ties—deep -x _-y") == [5, 14, 19, 24, 27]


def test_widths_are_measured_once_per_font_and_text_whatever_the_size():
    fonts.em_width.cache_clear()
    widths = [fonts.text_width("Partnership without alliance", "Calibri", size) for size in (10, 20, 28)]

    assert fonts.em_width.cache_info().misses == 1
    assert widths[1] == widths[0] * 2 and abs(widths[2] - widths[0] * 2.8) < 1e-9


def test_a_single_span_measures_as_its_slices():
    span = Span("Energy and the Arctic", 20, "Calibri", "000000")
    pieces = linebreak._Pieces((span,))

    assert pieces.width(0, 6) == fonts.text_width("Energy", "Calibri", 20)
    assert pieces.width(3, 3) == 0.0


_WORDS = st.text(alphabet="ab Zé1-中。 ", min_size=0, max_size=30)
_SPANS = st.lists(
    st.tuples(_WORDS, st.sampled_from([10.0, 14.0, 20.0, 31.5]), st.booleans(), st.booleans()), min_size=1, max_size=5
)


@settings(max_examples=300)
@given(_SPANS, st.floats(min_value=40, max_value=600))
def test_empty_spans_change_nothing_about_the_lines(parts, width):
    # A paragraph may hold empty spans (a reference whose link stands at its very start); each
    # piece's width must come from its own span's size, however many empty spans stand before it.
    spans = tuple(Span(text, size, "Calibri", "000000", bold=bold, superscript=sup) for text, size, bold, sup in parts)
    kept = tuple(s for s in spans if s.text) or spans[:1]
    with_empties, without = linebreak.break_lines(spans, width), linebreak.break_lines(kept, width)
    assert [line.width for line in with_empties] == [line.width for line in without]
    assert ["".join(s.text for s in line.spans) for line in with_empties] == [
        "".join(s.text for s in line.spans) for line in without
    ]


def test_a_piece_after_an_empty_span_is_measured_at_its_own_size():
    empty = Span("", 10.0, "Calibri", "000000")
    words = Span("word " * 30, 20.0, "Calibri", "000000")
    assert linebreak.break_lines((empty, words), 300) == linebreak.break_lines((words,), 300)
