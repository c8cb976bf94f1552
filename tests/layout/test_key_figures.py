"""One or two numbers are set as key figures, not spent on a chart; more stay a native chart."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Chart, ChartSeries, Library, Slide, Source, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages
from sinoru_brief.layout.pages import ChartFrame


def _pages(chart: Chart, theme):
    slide = Slide(id="c", kind="chart", title="Shares", priority=1, notes="n", topic_id="t", chart=chart,
                  cite=("s",))
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(slide,))
    library = Library(sources={"s": Source(id="s", csl={"id": "s", "type": "webpage", "title": "S"})},
                      topics=[topic])
    pages = layout_deck(compose(library, Brief(topics=["t"], depth="full"), theme.snippets), theme)
    return [p for p in pages if p.key == "c"]


@pytest.mark.parametrize("values", [(78.0,), (78.0, 96.0)])
def test_one_or_two_values_become_key_figures(theme, values):
    chart = Chart(type="column", categories=("Semiconductors", "Smart cards")[:len(values)],
                  series=(ChartSeries("Share of imports from China", values),), unit="percent")
    (page,) = _pages(chart, theme)
    assert not check_pages([page])
    assert not [b for b in page.boxes if isinstance(b, ChartFrame)]
    figures = [f.text for f in page.text_frames() if f.role == "figure"]
    labels = [f.text for f in page.text_frames() if f.role == "figure-label"]
    assert figures == [f"{v:.0f}%" for v in values] and labels == list(chart.categories)
    caption = next(f for f in page.text_frames() if f.role == "caption")
    assert caption.text.startswith("Share of imports from China") and caption.paragraphs[0].spans[-1].superscript


def test_three_values_or_a_pie_stay_a_chart(theme):
    three = Chart(type="bar", categories=("a", "b", "c"), series=(ChartSeries("s", (1.0, 2.0, 3.0)),))
    pie = Chart(type="pie", categories=("a", "b"), series=(ChartSeries("s", (40.0, 60.0)),), unit="percent")
    for chart in (three, pie):
        (page,) = _pages(chart, theme)
        assert [b for b in page.boxes if isinstance(b, ChartFrame)]
