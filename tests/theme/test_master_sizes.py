"""Type scales with the slide: a master's smaller or portrait slide keeps the template's proportions."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.theme import load_theme
from sinoru_brief.theme.master_look import ABSOLUTE_FLOOR_PT, SIZE_FACTOR_RANGE, scaled_sizes, size_factor

MASTERS = Path(__file__).parents[1] / "data" / "pptx-templates"


def test_the_binding_side_decides_and_the_factor_is_bounded():
    assert size_factor(1000, 500, 1000, 500) == 1.0
    assert size_factor(1000, 500, 750, 500) == 0.75
    assert size_factor(1000, 500, 100, 50) == SIZE_FACTOR_RANGE[0]
    assert size_factor(1000, 500, 5000, 2500) == SIZE_FACTOR_RANGE[1]


def test_sizes_scale_on_half_points_and_never_below_the_absolute_floor():
    sizes = load_theme("briefing").sizes
    small = scaled_sizes(sizes, 0.75)
    assert small.body.size == 16.5 and small.body.minimum == 10.5
    assert small.footer >= ABSOLUTE_FLOOR_PT and small.source.minimum >= ABSOLUTE_FLOOR_PT
    assert all(r.minimum <= r.size for r in (small.title, small.body, small.sub, small.reference))


@pytest.mark.parametrize(
    "name, factor", [("pandoc__default-reference.pptx", 0.75), ("pandoc__footer-basic-reference.pptx", 1.0)]
)
def test_a_master_gets_sizes_for_its_slide(name, factor):
    base = load_theme("briefing")
    theme = load_theme("briefing", master=MASTERS / name)
    assert theme.sizes.body.size == round(base.sizes.body.size * factor * 2) / 2
