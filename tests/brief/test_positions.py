"""Bullet positions: made, read and shown in one place, and every made position reads back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.brief.positions import bullet_position, parse_position, position_label


@given(st.integers(0, 500), st.one_of(st.none(), st.integers(0, 500)))
def test_a_made_position_reads_back(index, sub):
    key = bullet_position(index, sub)
    assert parse_position(key) == ((index,) if sub is None else (index, sub))
    assert position_label(key) == ".".join(str(i + 1) for i in parse_position(key))


@pytest.mark.parametrize("key", ["", "a", "1.", ".1", "1.2.3", "-1", "²", "1 "])
def test_anything_else_is_no_position(key):
    assert parse_position(key) is None
    with pytest.raises(ValueError):
        position_label(key)


def test_labels_count_from_one():
    assert position_label("0") == "1" and position_label("2.0") == "3.1"
