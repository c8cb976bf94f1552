"""Read the dates reference managers write (ISO, RIS slashes, BibTeX year and month) as CSL dates."""

from __future__ import annotations

import re
from typing import Any

from sinoru_brief.sources.entry import clean_text

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# 2024, 2024-05, 2024-05-16, 2024/05/16/, 2024/05//, 2024-5-6; a trailing "/" or "/other" is RIS's.
_NUMERIC = re.compile(r"(\d{4})(?:[-/](\d{1,2})?(?:[-/](\d{1,2})?)?)?(?:/.*)?")
_RANGE = re.compile(r"(\d{4}(?:-\d{1,2}){0,2})/(\d{4}(?:-\d{1,2}){0,2})")


def date_parts(text: str) -> list[int] | None:
    """Return ``[year, month, day]`` (as many as given) for a numeric date, or None if *text* is not one."""
    match = _NUMERIC.fullmatch(text.strip())
    if not match:
        return None
    return [int(part) for part in match.groups() if part]


def csl_date(value: object) -> dict[str, Any] | None:
    """Return the CSL date for a date written as text: date-parts when it is numeric, else a literal.

    An impossible date (2024-02-30) keeps its parts, so the schema reports it
    like any other; an empty value gives None.
    """
    text = clean_text(value)
    if not text:
        return None
    ranged = _RANGE.fullmatch(text)
    if ranged:  # biblatex's 2020/2021: a range of two dates
        first, last = date_parts(ranged.group(1)), date_parts(ranged.group(2))
        if first and last:
            return {"date-parts": [first, last]}
    parts = date_parts(text)
    return {"date-parts": [parts]} if parts else {"literal": text}


def month_number(value: object) -> int | None:
    """Return the month BibTeX's ``month`` field means (``may``, ``May``, ``5``, ``05``), or None."""
    text = clean_text(value).rstrip(".").casefold()
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(text)


def year_month_day(year: object, month: object = None, day: object = None) -> dict[str, Any] | None:
    """Return the CSL date for separate year, month and day fields (BibTeX's), or None without a year."""
    year_text = clean_text(year) if year is not None else ""
    if not year_text:
        return None
    if not re.fullmatch(r"\d{4}", year_text):
        return csl_date(year_text)  # "forthcoming", "2020a", "n.d." stay as the user wrote them
    parts = [int(year_text)]
    number = month_number(month) if month is not None else None
    if number is not None:
        parts.append(number)
        day_text = clean_text(day) if day is not None else ""
        if day_text.isdigit():
            parts.append(int(day_text))
    return {"date-parts": [parts]}
