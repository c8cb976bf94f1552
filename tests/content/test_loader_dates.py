"""Partial dates of timeline events: as precise as the source, never impossible."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.content.models import PartialDate


@pytest.mark.parametrize(
    ("value", "expected", "label"),
    [
        (2025, PartialDate(2025), "2025"),
        ("2023-03", PartialDate(2023, 3), "Mar 2023"),
        ("2024-05-16", PartialDate(2024, 5, 16), "16 May 2024"),
        (dt.date(2024, 2, 29), PartialDate(2024, 2, 29), "29 Feb 2024"),
    ],
)
def test_parse_and_label(value, expected, label):
    date = PartialDate.parse(value)
    assert date == expected
    assert date.label() == label


@pytest.mark.parametrize("value", ["2024-02-30", "2023-00", "2023-13", "2024-05-00", 0, 10_000, "2024-05-16-1", "May"])
def test_impossible_dates_raise(value):
    with pytest.raises((ValueError, TypeError)):
        PartialDate.parse(value)


def test_sorting_puts_vaguer_dates_first():
    dates = [PartialDate.parse(v) for v in ("2024-05-16", 2024, "2024-05", "2023-12-31")]
    assert [d.label() for d in sorted(dates, key=PartialDate.sort_key)] == [
        "31 Dec 2023",
        "2024",
        "May 2024",
        "16 May 2024",
    ]
    assert PartialDate(2024, 5).as_date() == dt.date(2024, 5, 1)
