"""Pagination tries only the sizes it needs, and chooses exactly what trying them all would choose."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.layout import textfit
from sinoru_brief.layout.pages import Span
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import points

_WORDS = ["Arctic", "energy", "summit", "partnership", "without", "alliance", "Moscow", "Beijing", "—", "1,234"]


def _spec(words: list[str], size: float, floor: float, level: int) -> textfit.ParaSpec:
    return textfit.ParaSpec(
        spans=(Span(" ".join(words), size, "Calibri", "000000"),),
        size=SizeRange(size, floor),
        level=level,
        space_before=0.4 if level == 0 else 0.1,
        indent=size * 1.1,
    )


def _reference(groups, width, height, line_spacing, first_height):
    """The definition: the largest scale needing no more frames than the smallest sizes need."""
    steps = textfit.scales([s for g in groups for s in g])
    floor_pages = textfit._greedy(groups, width, height, line_spacing, steps[-1], first_height)
    for scale in steps[:-1]:
        pages = textfit._greedy(groups, width, height, line_spacing, scale, first_height)
        if len(pages) <= len(floor_pages):
            return pages
    return floor_pages


_GROUP = st.lists(
    st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.integers(0, 1)), min_size=1, max_size=3
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_GROUP, min_size=1, max_size=8),
    st.sampled_from([(24.0, 14.0), (20.0, 16.0), (28.0, 12.0)]),
    st.integers(min_value=120, max_value=400),
    st.sampled_from([None, 80, 200]),
)
def test_paginate_chooses_what_trying_every_size_chooses(groups, sizes, height, first):
    size, floor = sizes
    specs = [
        [_spec(words, size if level == 0 else size - 4, floor - 2 if level else floor, level) for words, level in g]
        for g in groups
    ]
    width, frame_h = points(400), points(height)
    first_h = points(first) if first is not None else None
    assert textfit.paginate(specs, width, frame_h, 1.15, first_h) == _reference(specs, width, frame_h, 1.15, first_h)


def test_content_that_fits_one_frame_is_never_laid_out_at_the_floor(monkeypatch):
    tried: list[float] = []
    greedy = textfit._greedy

    def counting(groups, width, height, line_spacing, scale, first_height):
        tried.append(scale)
        return greedy(groups, width, height, line_spacing, scale, first_height)

    monkeypatch.setattr(textfit, "_greedy", counting)
    short = [[_spec(["Arctic", "energy"], 24.0, 14.0, 0)]]
    textfit.paginate(short, points(400), points(300), 1.15)
    assert tried == [1.0]
