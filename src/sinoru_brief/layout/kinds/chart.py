"""Lay out a chart slide: a native chart filling the body, with generated alt text.

A chart of one or two numbers is not worth a chart: its values are set as
key figures instead, large, each over its category, under the series' name.
A brief's own key-figures slide (``kind: key_figures``) is set the same way:
one to three values as written, each with its citation marker, over its label.
"""

from __future__ import annotations

from dataclasses import replace

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.content.models import Chart
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.kinds.common import add_source_line, new_page
from sinoru_brief.layout.pages import Box, ChartFrame, PageDraft, Shape
from sinoru_brief.layout.textfit import UNBOUNDED, ParaSpec, layout_at, scales
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, emu_to_pt, inches, points

#: At most this many values are set as key figures rather than drawn as a chart.
KEY_FIGURE_LIMIT = 2

CHART_TYPES = {"bar": "bar chart", "column": "column chart", "pie": "pie chart"}


def format_value(value: float, unit: str) -> str:
    """Format a data value as the data labels show it: 47%, 15.5%, 1,200."""
    text = f"{value:,.1f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return f"{text}%" if unit == "percent" else text


def alt_text(title: str, chart: Chart) -> str:
    """Describe a chart for screen readers: kind, title, and every value."""
    parts = []
    for series in chart.series:
        values = ", ".join(
            f"{c} {format_value(v, chart.unit)}" for c, v in zip(chart.categories, series.values, strict=False)
        )
        parts.append(f"{series.name}: {values}")
    return f"{CHART_TYPES[chart.type].capitalize()}, {title}. " + "; ".join(parts) + "."


def layout_chart(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    assert slide.slide is not None and slide.slide.chart is not None
    chart = slide.slide.chart
    if is_key_figures(chart):
        return _key_figures(ctx, slide, chart)
    t = ctx.theme
    page = new_page(ctx, slide)
    body = ctx.regions.body
    # On a tall (portrait) slide a chart filling the body would stretch its
    # bars absurdly; keep it no taller than three quarters of its width.
    height = min(body.h, Emu(body.w * 3 // 4))
    page.boxes.append(
        ChartFrame(
            x=body.x,
            y=body.y,
            w=body.w,
            h=height,
            name="chart",
            chart_type=chart.type,
            categories=chart.categories,
            series=tuple((s.name, s.values) for s in chart.series),
            unit=chart.unit,
            value_axis_title=chart.value_axis_title,
            colors=t.colors.chart,
            text_color=t.colors.text,
            grid_color=t.colors.rule,
            font=t.fonts.body,
            font_size=Pt(max(t.sizes.table.size, 14.0)),
            alt_text=slide.slide.alt_text or alt_text(slide.title, chart),
        )
    )
    add_source_line(ctx, page, list(slide.citations))
    return [page]


def is_key_figures(chart: Chart) -> bool:
    """Return whether *chart* is better set as key figures: one series of at most two values, not a pie."""
    return chart.type != "pie" and len(chart.series) == 1 and len(chart.series[0].values) <= KEY_FIGURE_LIMIT


def _key_figures(ctx: LayoutContext, slide: DeckSlide, chart: Chart) -> list[PageDraft]:
    """Set each value large over its category, side by side, under the series' name with the marker."""
    assert slide.slide is not None  # layout_chart checked: a chart slide comes from the library
    t = ctx.theme
    page = new_page(ctx, slide)
    body = ctx.regions.body
    series = chart.series[0]
    caption_h = TEXT_INSETS.outer_height(points(t.sizes.sub.size * t.line_spacing * 2))
    spans = [ctx.span(series.name, t.sizes.sub.size, color=t.colors.muted)]
    marker = ctx.marker(ctx.deck.markers(slide.slide.cite), t.sizes.sub.size)
    if marker:
        spans.append(marker)
    page.boxes.append(
        ctx.text_frame(
            Box(body.x, body.y, body.w, caption_h),
            [ParaSpec(spans=tuple(spans), size=t.sizes.sub, align="center")],
            role="caption",
        )
    )
    _set_figures(
        ctx,
        page,
        Emu(body.y + caption_h + inches(0.2)),
        [
            (format_value(value, chart.unit), [], category)
            for category, value in zip(chart.categories, series.values, strict=False)
        ],
    )
    add_source_line(ctx, page, list(slide.citations))
    return [page]


def layout_key_figures(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    """Lay out a key-figures slide: each value large with its citation marker, side by side, over its label."""
    assert slide.slide is not None  # a key-figures slide is always the user's own
    page = new_page(ctx, slide)
    _set_figures(
        ctx,
        page,
        Emu(ctx.regions.body.y + inches(0.2)),
        [(f.value, ctx.deck.markers(f.cite), f.label) for f in slide.slide.figures],
    )
    add_source_line(ctx, page, list(slide.citations))
    return [page]


def _set_figures(ctx: LayoutContext, page: PageDraft, top: Emu, columns: list[tuple[str, list[int], str]]) -> None:
    """Set each (value, its citation numbers, label) in a column of its own from *top* to the body's foot.

    Every value on the slide has one size, the largest at which each fits on
    one line (a value is never broken after "$245"), and every label one
    size; labels too long for their share of the height take room from the
    values' before they would be cut short.
    """
    t = ctx.theme
    body = ctx.regions.body
    gap = inches(0.4)
    rule_gap = inches(0.12)
    column_w = Emu((body.w - gap * (len(columns) - 1)) // max(len(columns), 1))
    inner_w = emu_to_pt(TEXT_INSETS.inner_width(column_w))
    height = Emu(body.bottom - top)
    figure = SizeRange(Pt(t.sizes.deck_title.size * 1.6), t.sizes.deck_title.minimum)

    def value_spec(text: str, numbers: list[int], size: Pt) -> ParaSpec:
        spec = ctx.plain(text, SizeRange(size, size), heading=True, bold=True, color=t.colors.accent, align="center")
        marker = ctx.marker(numbers, Pt(size * 0.45))
        return replace(spec, spans=(*spec.spans, marker)) if marker else spec

    def label_spec(text: str, size: Pt) -> ParaSpec:
        return ctx.plain(text, SizeRange(size, size), align="center")

    def sizes(size: SizeRange) -> list[Pt]:
        return [Pt(size.size * scale) for scale in scales([ParaSpec(spans=(), size=size)])]

    def all_fit(specs: list[ParaSpec], frame_h: Emu, max_lines: int = 0) -> bool:
        inner_h = emu_to_pt(TEXT_INSETS.inner_height(frame_h))
        return all(layout_at([spec], inner_w, inner_h, 1.0, t.line_spacing, max_lines).fits for spec in specs)

    figure_h = Emu(height * 55 // 100)
    labels_h = Emu(height - figure_h - rule_gap)
    label_sizes = sizes(t.sizes.body)
    label_size = next(
        (size for size in label_sizes if all_fit([label_spec(c[2], size) for c in columns], labels_h)),
        label_sizes[-1],
    )
    labels = [label_spec(c[2], label_size) for c in columns]
    if not all_fit(labels, labels_h):
        # Long labels at their smallest: give them the height they need, leaving the values a line at least.
        need = TEXT_INSETS.outer_height(
            max(points(layout_at([spec], inner_w, UNBOUNDED, 1.0, t.line_spacing).height) for spec in labels)
        )
        value_line = TEXT_INSETS.outer_height(points(figure.minimum * t.line_spacing))
        figure_h = Emu(max(value_line, min(figure_h, height - rule_gap - need)))
    value_sizes = sizes(figure)
    one_line = next(
        (
            size
            for size in value_sizes
            if all_fit([value_spec(c[0], c[1], size) for c in columns], figure_h, max_lines=1)
        ),
        None,
    )
    value_size = one_line if one_line is not None else value_sizes[-1]
    for i, (value, numbers, _) in enumerate(columns):
        x = Emu(body.x + i * (column_w + gap))
        page.boxes.append(
            ctx.text_frame(
                Box(x, top, column_w, figure_h),
                [value_spec(value, numbers, value_size)],
                role="figure",
                anchor="bottom",
                max_lines=1 if one_line else 0,
            )
        )
        rule_w = min(inches(1.0), column_w)
        page.boxes.append(
            Shape(
                x=Emu(x + column_w // 2 - rule_w // 2),
                y=Emu(top + figure_h + inches(0.04)),
                w=rule_w,
                h=Emu(0),
                geometry="line",
                stroke=t.colors.rule,
                stroke_width=Pt(1.5),
                name="figure rule",
            )
        )
        page.boxes.append(
            ctx.text_frame(
                Box(x, Emu(top + figure_h + rule_gap), column_w, Emu(height - figure_h - rule_gap)),
                [labels[i]],
                role="figure-label",
            )
        )
