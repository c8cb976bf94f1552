"""A timeline's alternative text: its title, the years it covers and every event with its date, in date order."""

from __future__ import annotations

from sinoru_brief.content.models import PartialDate, TimelineEvent
from sinoru_brief.layout.kinds.timeline_text import timeline_alt_text


def _event(date: str, label: str) -> TimelineEvent:
    return TimelineEvent(date=PartialDate.parse(date), label=label, cite=("s",))


def test_events_in_date_order_with_the_years_they_span():
    events = [
        _event("2024-05-16", "Joint statement in Beijing."),
        _event("2013-03", "Xi's first state visit"),
        _event("2019", "Seventieth anniversary"),
    ]
    assert timeline_alt_text("Putin–Xi summits", events) == (
        "Timeline: Putin–Xi summits, 2013 to 2024: Mar 2013: Xi's first state visit; 2019: Seventieth anniversary; "
        "16 May 2024: Joint statement in Beijing."
    )


def test_one_year_is_named_once_and_labels_are_given_whole():
    long_label = "A label long enough to be shortened on the slide,\nwrapped over two lines in the topic file"
    text = timeline_alt_text("A year", [_event("2024-07", "SCO summit"), _event("2024-10-22", long_label)])
    assert text == (
        "Timeline: A year, 2024: Jul 2024: SCO summit; 22 Oct 2024: A label long enough to be shortened "
        "on the slide, wrapped over two lines in the topic file."
    )


def test_the_real_summit_timeline_is_described_from_its_data(real_library):
    slide = real_library.slide("summits-timeline")
    text = timeline_alt_text(slide.title, slide.events)
    assert text.startswith(f"Timeline: {slide.title}, ")
    assert all(event.date.label() in text for event in slide.events)


def test_a_title_that_names_the_years_is_not_followed_by_them_again():
    events = [_event("2012", "16+1 grouping formed"), _event("2024-10", "Joint drills, Bering Sea")]
    assert timeline_alt_text("Gray-zone milestones, 2012–2024", events) == (
        "Timeline: Gray-zone milestones, 2012–2024: 2012: 16+1 grouping formed; Oct 2024: Joint drills, Bering Sea."
    )
