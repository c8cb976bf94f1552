"""Timeline distance reads as time where labels allow, with a tick for every year the events span."""

from __future__ import annotations

import datetime as dt

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Library, PartialDate, Slide, Source, TimelineEvent, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages
from sinoru_brief.layout.kinds.timeline import date_axis
from sinoru_brief.layout.pages import Shape


def _event(year: int, month: int = 1) -> TimelineEvent:
    return TimelineEvent(PartialDate(year, month), f"Event {year}-{month}", ("s",))


def _day(year: int, month: int = 1) -> int:
    return dt.date(year, month, 1).toordinal()


def test_a_time_true_axis_is_proportional_and_an_eased_one_still_increases():
    events = [_event(2012), _event(2022), _event(2022, 6), _event(2023)]
    true = date_axis(events, 0, 1100, 1.0)
    assert true(_day(2012)) == 0 and true(_day(2023)) == 1100
    assert abs(true(_day(2022)) - 1000) <= 1  # ten of eleven years
    eased = date_axis(events, 0, 1100, 0.4)
    xs = [eased(_day(y, m)) for y in range(2012, 2024) for m in (1, 7)]
    assert xs == sorted(xs)
    # Easing gives the crowded 2022 events more room than time alone would.
    assert eased(_day(2022, 6)) - eased(_day(2022)) > true(_day(2022, 6)) - true(_day(2022))


def _timeline_pages(events, theme):
    slide = Slide(
        id="tl", kind="timeline", title="Milestones", priority=1, notes="n", topic_id="t", events=tuple(events)
    )
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(slide,))
    library = Library(sources={"s": Source(id="s", csl={"id": "s", "type": "webpage", "title": "S"})}, topics=[topic])
    return [
        p
        for p in layout_deck(compose(library, Brief(topics=["t"], depth="full"), theme.snippets), theme)
        if p.key == "tl"
    ]


def test_every_year_spanned_gets_a_tick_and_labels_do_not_collide(theme):
    pages = _timeline_pages([_event(2012), _event(2016, 3), _event(2022, 8), _event(2023, 4), _event(2024, 9)], theme)
    assert len(pages) == 1 and not check_pages(pages)
    ticks = [b for b in pages[0].boxes if isinstance(b, Shape) and b.name == "year tick"]
    assert len(ticks) == 2024 - 2012
    assert [t.x for t in ticks] == sorted(t.x for t in ticks)
    years = [f.text for f in pages[0].text_frames() if f.role == "year"]
    assert years and all(y.isdigit() and 2013 <= int(y) <= 2024 for y in years)


def test_events_within_one_year_have_no_ticks(theme):
    pages = _timeline_pages([_event(2024, 2), _event(2024, 6), _event(2024, 11)], theme)
    assert not [b for b in pages[0].boxes if isinstance(b, Shape) and b.name == "year tick"]
