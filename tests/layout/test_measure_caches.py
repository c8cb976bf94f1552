"""The fast paths of measuring and breaking give exactly what the plain definitions give."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
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


def test_span_copies_pass_on_every_field():
    # span_with_text and span_with_size build a Span by position for speed: a field added to Span
    # later must be passed on there too, or cut lines would silently lose it.
    assert [f.name for f in fields(Span)] == [
        "text",
        "size",
        "font",
        "color",
        "bold",
        "italic",
        "superscript",
        "link",
    ]
    span = Span("Power of Siberia", 20.0, "Arial", "112233", bold=True, italic=True, superscript=True, link="x")
    assert linebreak.span_with_text(span, "Siberia") == replace(span, text="Siberia")
    assert linebreak.span_with_size(span, 11.5) == replace(span, size=11.5)


def _reference_lines(spans: tuple[Span, ...], width: float) -> list[tuple[str, float]]:
    """Greedy breaking by the plain definition: each piece measured span by span, widths summed.

    A line's width is the sum of its pieces' widths and the spaces between
    them (each in its own span's style and size), as the module describes;
    Latin text without links, whose pieces are never wider than the line.
    """
    text = "".join(s.text for s in spans)
    owner = [i for i, s in enumerate(spans) for _ in s.text]

    def width_of(start: int, end: int) -> float:
        total = 0.0
        pos = start
        while pos < end:
            i = owner[pos]
            stop = pos
            while stop < end and owner[stop] == i:
                stop += 1
            s = spans[i]
            size = s.size * linebreak.SUPERSCRIPT_SCALE if s.superscript else s.size
            total += fonts.em_width(s.font, s.bold, s.italic, text[pos:stop]) * size
            pos = stop
        return total

    limit = width * linebreak.WIDTH_SAFETY
    lines: list[tuple[str, float]] = []
    start, used, previous_core_end = 0, 0.0, 0
    for piece_start, piece_end in zip(
        [0, *linebreak.break_opportunities(text)], [*linebreak.break_opportunities(text), len(text)]
    ):
        core_end = piece_start + len(text[piece_start:piece_end].rstrip(" "))
        core = width_of(piece_start, core_end)
        if piece_start > start:
            gap = width_of(previous_core_end, piece_start)
            if used + gap + core > limit:
                lines.append((text[start:piece_start], used))
                start, used = piece_start, core
            else:
                used = used + gap + core
        else:
            used = core
        previous_core_end = core_end
    lines.append((text[start:], used))
    return lines


_LATIN = st.text(alphabet="ab Zéw1 -—.,", min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(_LATIN, st.sampled_from([10.0, 14.0, 20.0]), st.booleans(), st.booleans(), st.booleans()),
        min_size=1,
        max_size=4,
    )
)
def test_breaking_gives_what_the_plain_definition_gives(parts):
    spans = tuple(
        Span(text, size, "Calibri" if serif else "Times New Roman", "000000", bold=bold, superscript=sup)
        for text, size, bold, sup, serif in parts
    )
    # Wide enough that no single piece is split between characters, which the reference leaves out.
    widest = max(
        (fonts.text_width(w, "Times New Roman", 20.0, True) for w in "".join(p[0] for p in parts).split()), default=0
    )
    width = max(widest * 1.3 + 10, 60.0)
    lines = linebreak.break_lines(spans, width)
    assert [("".join(s.text for s in line.spans), line.width) for line in lines] == _reference_lines(spans, width)


_SPACES = [c for c in map(chr, range(0x3001)) if c.isspace()] + ["\u3000", "\u200b", "\ufeff"]


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from([*_SPACES, "a", "Я", "中", ".", "-"]), max_size=24))
def test_normalising_space_is_collapsing_it_and_trimming_the_ends(text):
    assert linebreak.normalise_space(text) == linebreak.collapse_space(text).strip()


def test_every_character_the_expression_calls_space_splits_and_no_other():
    # The fast normalise_space relies on str.split() and the expression \s agreeing on every character.
    disagree = [c for c in map(chr, range(0x110000)) if bool(linebreak._WS.fullmatch(c)) != c.isspace()]
    assert disagree == []


_BASE = Span("Power of Siberia 2 pipeline talks, www.example.org/a-long-path", 20.0, "Calibri", "000000")


@pytest.mark.parametrize(
    "changed",
    [
        replace(_BASE, text="Power of Siberia 2 pipeline talks stalled, www.example.org/a-long-path"),
        replace(_BASE, font="Times New Roman"),
        replace(_BASE, bold=True),
        replace(_BASE, italic=True),
        replace(_BASE, superscript=True),
        replace(_BASE, size=14.0),
    ],
    ids=["text", "font", "bold", "italic", "superscript", "size"],
)
def test_the_word_table_cache_never_serves_one_style_for_another(changed):
    # The word table is kept per text and style (not size): a paragraph broken just after
    # another that differs in one input breaks as the plain definition says, measured in its
    # own style, so no input of the table is missing from its key.
    width = 260.0  # wider than any piece: the reference does not split words between characters
    linebreak.break_lines((_BASE,), width)
    lines = linebreak.break_lines((changed,), width)
    assert len(lines) > 1
    assert [("".join(s.text for s in line.spans), line.width) for line in lines] == _reference_lines((changed,), width)


def test_a_link_is_kept_whole_where_the_same_text_unlinked_breaks_at_its_dashes():
    url = Span("see www.example.org/a-long-path-to-a-page", 20.0, "Calibri", "000000")
    linked = (replace(url, text="see "), replace(url, text=url.text[4:], link="https://example.org"))
    width = fonts.text_width(url.text[4:], "Calibri", 20.0) + 2  # the link fits a line, not with "see "
    plain = linebreak.break_lines((url,), width)
    assert "".join(s.text for s in plain[0].spans).endswith("-")  # unlinked, it breaks at a dash
    linebreak.break_lines((url,), width)  # the unlinked table is cached now
    kept = linebreak.break_lines(linked, width)
    assert ["".join(s.text for s in line.spans) for line in kept] == ["see ", "www.example.org/a-long-path-to-a-page"]
