"""Describe a timeline in words, for the alternative text of the group shape that draws it.

A timeline is drawn as many shapes (an axis, a dot, a connector and a label
per event, year ticks); read one by one they make no sense to a screen
reader. The group holding them carries one description instead, made from
the same data the slide shows: the title, the years covered, then every
event with its date, in date order.
"""

from __future__ import annotations

from collections.abc import Sequence

from sinoru_brief.content.models import TimelineEvent
from sinoru_brief.layout.linebreak import normalise_space


def timeline_alt_text(title: str, events: Sequence[TimelineEvent]) -> str:
    """Return "Timeline: <title>, <first year> to <last year>: <date>: <label>; ..." for *events* in date order.

    The years are left out when the title already names both.

    Labels are given whole, even where the slide had to shorten one; the
    citation markers are left out (the slide's source line gives the works).
    """
    ordered = sorted(events, key=lambda e: e.date.sort_key())
    if not ordered:
        return f"Timeline: {normalise_space(title)}"
    first, last = ordered[0].date.year, ordered[-1].date.year
    heading = normalise_space(title)
    # A title that already names the years ("Gray-zone milestones, 2012–2024") is not followed by them again.
    if str(first) not in heading or str(last) not in heading:
        heading += f", {first}" if first == last else f", {first} to {last}"
    items = "; ".join(f"{e.date.label()}: {normalise_space(e.label).rstrip('.')}" for e in ordered)
    return f"Timeline: {heading}: {items}."
