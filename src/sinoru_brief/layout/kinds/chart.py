"""Lay out a chart slide: a native chart filling the body, with generated alt text."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.content.models import Chart
from sinoru_brief.layout.context import LayoutContext
from sinoru_brief.layout.kinds.common import add_source_line, new_page
from sinoru_brief.layout.pages import ChartFrame, Page

CHART_TYPES = {"bar": "bar chart", "column": "column chart", "pie": "pie chart"}


def format_value(value: float, unit: str) -> str:
    """Format a data value as the data labels show it: 47%, 15.5%, 1,200."""
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return f"{text}%" if unit == "percent" else text


def alt_text(title: str, chart: Chart) -> str:
    """Describe a chart for screen readers: kind, title, and every value."""
    parts = []
    for series in chart.series:
        values = ", ".join(f"{c} {format_value(v, chart.unit)}" for c, v in zip(chart.categories, series.values,
                                                                                strict=False))
        parts.append(f"{series.name}: {values}")
    return f"{CHART_TYPES[chart.type].capitalize()}, {title}. " + "; ".join(parts) + "."


def layout_chart(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    assert slide.slide is not None and slide.slide.chart is not None
    chart = slide.slide.chart
    t = ctx.theme
    page = new_page(ctx, slide)
    body = ctx.regions.body
    # On a tall (portrait) slide a chart filling the body would stretch its
    # bars absurdly; keep it no taller than three quarters of its width.
    height = min(body.h, body.w * 3 // 4)
    page.boxes.append(ChartFrame(
        x=body.x, y=body.y, w=body.w, h=height, name="chart",
        chart_type=chart.type, categories=chart.categories,
        series=tuple((s.name, s.values) for s in chart.series), unit=chart.unit,
        value_axis_title=chart.value_axis_title, colors=t.colors.chart, text_color=t.colors.text,
        grid_color=t.colors.rule, font=t.fonts.body, font_size=max(t.sizes.table.size, 14.0),
        alt_text=slide.slide.alt_text or alt_text(slide.title, chart),
    ))
    add_source_line(ctx, page, list(slide.citations))
    return [page]
