"""Conversions between EMU, points, inches and centipoints: each rounds the one way it says."""

from __future__ import annotations

import pptx.util
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.units import (
    EMU_PER_CENTIPOINT,
    EMU_PER_INCH,
    EMU_PER_POINT,
    POINTS_PER_INCH,
    Emu,
    centipoints_to_pt,
    emu_to_inches,
    emu_to_pt,
    emu_to_stored_inches,
    inches,
    per_emu_to_per_pt,
    points,
    points_truncated,
    pt_to_centipoints,
    pt_to_centipoints_truncated,
)

#: Any length a slide could hold, and more: PowerPoint's sides stop at 56 inches.
LENGTHS = st.integers(min_value=-100 * EMU_PER_INCH, max_value=100 * EMU_PER_INCH).map(Emu)
#: Font sizes and spacing in points, from hairlines to far above any title.
POINT_SIZES = st.floats(min_value=0.0, max_value=4000.0, allow_nan=False)
#: The sizes layout gives text: half points.
HALF_POINTS = st.integers(min_value=1, max_value=8000).map(lambda n: n / 2)


def test_the_constants_agree_with_one_another():
    assert EMU_PER_CENTIPOINT * 100 == EMU_PER_POINT
    assert POINTS_PER_INCH == 72
    assert POINTS_PER_INCH * EMU_PER_POINT == EMU_PER_INCH


@given(LENGTHS)
def test_a_length_in_points_turns_back_into_the_same_emu(length):
    assert points(emu_to_pt(length)) == length


@given(LENGTHS)
def test_a_length_in_inches_turns_back_into_the_same_emu(length):
    assert inches(emu_to_inches(length)) == length


@given(LENGTHS)
def test_stored_inches_turn_back_into_the_same_emu(length):
    assert inches(emu_to_stored_inches(length)) == length


def test_stored_inches_read_as_written():
    assert emu_to_stored_inches(inches(13.333333)) == 13.333333
    assert emu_to_stored_inches(inches(7.5)) == 7.5
    assert emu_to_stored_inches(Emu(12_192_000)) == 13.333333


@given(st.floats(min_value=-1000.0, max_value=1000.0, allow_nan=False))
def test_inches_and_points_round_to_the_nearest_emu(value):
    assert abs(inches(value) - value * EMU_PER_INCH) <= 0.5
    assert abs(points(value) - value * EMU_PER_POINT) <= 0.5


@given(POINT_SIZES)
def test_truncated_conversions_are_python_pptx_s(value):
    # The .pptx writer writes some sizes itself and python-pptx writes others: both must agree.
    assert points_truncated(value) == pptx.util.Pt(value)
    assert pt_to_centipoints_truncated(value) == pptx.util.Pt(value).centipoints


@given(POINT_SIZES)
def test_the_two_centipoint_conversions_differ_by_at_most_one(value):
    assert 0 <= pt_to_centipoints(value) - pt_to_centipoints_truncated(value) <= 1


@given(HALF_POINTS)
def test_half_point_sizes_are_the_same_centipoints_either_way(size):
    assert pt_to_centipoints(size) == pt_to_centipoints_truncated(size) == round(size * 100)


@given(st.integers(min_value=0, max_value=400_000))
def test_centipoints_turn_back_into_the_same_centipoints(value):
    assert pt_to_centipoints(centipoints_to_pt(value)) == value
    assert centipoints_to_pt(value) == pytest.approx(value / 100)


@given(st.floats(min_value=1e-6, max_value=1.0, allow_nan=False))
def test_a_rate_per_point_is_the_rate_over_one_point_of_emu(rate):
    assert per_emu_to_per_pt(rate) == rate * points(1.0)
