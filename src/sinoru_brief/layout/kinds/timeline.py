"""Lay out a timeline: a dated axis with year ticks, a marker per event, and labels in lanes that never collide.

Events sit on the axis in proportion to their dates where their labels allow
it. When events crowd (a year of summits beside a decade of quiet), the
axis is eased towards even spacing just enough for the labels to find room,
so distance still reads as time, and ticks mark each year on that same axis.
Each label goes in the first lane (above, below, further above, further
below) where it overlaps no other label and no connector crosses it. Events
that find no lane, or whose label would not fit its box, continue on a
"(cont.)" slide.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.content.models import TimelineEvent
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.kinds.common import add_source_line, new_page
from sinoru_brief.layout.kinds.timeline_text import timeline_alt_text
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, BoxGroup, PageDraft, Shape, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, layout_at, scales
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, emu_to_pt, inches, points

LANES = ("above", "below", "above2", "below2")
MARKER = inches(0.16)
LABEL_GAP = inches(0.08)
#: How strongly positions follow the dates, tried in turn: 1 is in proportion to time, 0 evenly spaced.
DATE_WEIGHTS = (1.0, 0.8, 0.6, 0.4, 0.2, 0.0)
YEAR_LABEL_W = inches(0.55)

Axis = Callable[[int], Emu]  # a day's ordinal -> x of the marker


@dataclass
class _Placed:
    event: TimelineEvent
    x: Emu  # marker centre
    lane: str
    box: Box


@dataclass
class _Chunk:
    """The events of one page as placed, and the date axis they were placed on."""

    placed: list[_Placed]
    axis: Axis


@dataclass(frozen=True)
class _Frame:
    """The timeline's area on the slide and the band under the axis kept for year labels."""

    body: Box
    band: Emu

    @property
    def axis_y(self) -> Emu:
        return Emu(self.body.y + self.body.h // 2)

    @property
    def lo(self) -> Emu:
        return Emu(self.body.x + inches(0.5))

    @property
    def hi(self) -> Emu:
        return Emu(self.body.right - inches(0.5))


def layout_timeline(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    assert slide.slide is not None
    events = sorted(slide.slide.events, key=lambda e: e.date.sort_key())
    frame = _Frame(ctx.regions.body, _band_height(ctx))
    label_w = min(inches(2.5), Emu(frame.body.w // 4))
    chunks: list[_Chunk] = []
    start = 0
    while start < len(events):
        # Fewer events per page until every label has a lane and the room its text needs.
        end = len(events)
        chunk = _place_any(ctx, events[start:end], frame, label_w)
        while chunk is None and end > start + 1:
            end -= 1
            chunk = _place_any(ctx, events[start:end], frame, label_w)
        chunks.append(chunk or _force(ctx, events[start], frame, label_w))
        start = end
    pages = []
    for index, chunk in enumerate(chunks):
        page = new_page(ctx, slide, index)
        start = len(page.boxes)
        shortened = _draw(ctx, page, chunk, frame)
        # The axis, dots, connectors, labels and years are one graphic: one group, one description.
        page.groups = (
            *page.groups,
            BoxGroup(
                start, len(page.boxes), "Timeline", timeline_alt_text(page.title, [p.event for p in chunk.placed])
            ),
        )
        if shortened:
            # A label too long for any box is shortened alike in the preview and the .pptx;
            # the speaker notes keep it whole.
            page.notes = "\n".join(
                [page.notes, *(f"{p.event.date.label()}: {normalise_space(p.event.label)}" for p in shortened)]
            ).strip()
        add_source_line(ctx, page, [n for p in chunk.placed for n in ctx.deck.markers(p.event.cite)])
        pages.append(page)
    return pages


def _band_height(ctx: LayoutContext) -> Emu:
    """Return the height of the year labels' band under the axis: one line of the smallest source text."""
    t = ctx.theme
    return TEXT_INSETS.outer_height(points(t.sizes.source.minimum * t.line_spacing))


def _readable(ctx: LayoutContext, placed: list[_Placed] | None) -> bool:
    """Return whether every placed label fits its box at the smallest size the theme allows."""
    if placed is None:
        return False
    t = ctx.theme
    for p in placed:
        group = _label_specs(ctx, p.event)
        floor = scales(group)[-1]
        inner_w, inner_h = _inner_size(p.box)
        if not layout_at(group, inner_w, inner_h, floor, t.line_spacing).fits:
            return False
    return True


def _inner_size(box: Box) -> tuple[Pt, Pt]:
    """Return the width and height in points inside *box*'s text insets."""
    return emu_to_pt(TEXT_INSETS.inner_width(box.w)), emu_to_pt(TEXT_INSETS.inner_height(box.h))


def _lane_box(lane: str, x: Emu, frame: _Frame, label_w: Emu, lane_h: Emu | None = None) -> Box:
    body, axis_y = frame.body, frame.axis_y
    half = body.h // 2 - MARKER - frame.band
    lane_h = lane_h if lane_h is not None else Emu(half // 2 - LABEL_GAP)
    left = Emu(min(max(x - label_w // 2, body.x), body.right - label_w))
    near = lane in ("above", "below")
    if lane.startswith("above"):
        bottom = axis_y - MARKER - (0 if near else lane_h + LABEL_GAP)
        return Box(left, Emu(bottom - lane_h), label_w, lane_h)
    top = Emu(axis_y + MARKER + frame.band + (0 if near else lane_h + LABEL_GAP))
    return Box(left, top, label_w, lane_h)


def date_axis(events: list[TimelineEvent], lo: Emu, hi: Emu, weight: float) -> Axis:
    """Return the axis mapping a day to x: *weight* in proportion to time, the rest evenly by event.

    Between two events the even part is interpolated linearly, so the mapping
    increases with the date and year ticks can be placed on it.
    """
    days = [e.date.as_date().toordinal() for e in events]
    first, last = days[0], days[-1]
    if last == first:
        middle = Emu((lo + hi) // 2)
        return lambda day: middle
    count = len(days)
    even_at = [i / (count - 1) for i in range(count)]

    def even(day: int) -> float:
        if day <= first:
            return 0.0
        if day >= last:
            return 1.0
        i = bisect_right(days, day) - 1
        while i + 1 < count and days[i + 1] == days[i]:
            i += 1
        if i + 1 >= count:
            return 1.0
        span = days[i + 1] - days[i]
        return even_at[i] + (even_at[i + 1] - even_at[i]) * ((day - days[i]) / span if span else 0.0)

    def axis(day: int) -> Emu:
        share = weight * (day - first) / (last - first) + (1 - weight) * even(day)
        return Emu(lo + round(share * (hi - lo)))

    return axis


def _place_any(ctx: LayoutContext, events: list[TimelineEvent], frame: _Frame, label_w: Emu) -> _Chunk | None:
    """Place events on the most time-true axis where every label has a lane and room; None if none does."""
    for weight in DATE_WEIGHTS:
        axis = date_axis(events, frame.lo, frame.hi, weight)
        xs = [axis(e.date.as_date().toordinal()) for e in events]
        if len(events) > 1 and len(set(xs)) == 1:
            xs = [Emu(frame.lo + round(i * (frame.hi - frame.lo) / (len(events) - 1))) for i in range(len(events))]
        placed = _place(events, frame, label_w, xs)
        if placed is not None and _readable(ctx, placed):
            return _Chunk(placed, axis)
    return None


def _overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right + LABEL_GAP and b.x < a.right + LABEL_GAP


def _place(events: list[TimelineEvent], frame: _Frame, label_w: Emu, xs: list[Emu]) -> list[_Placed] | None:
    placed: list[_Placed] = []
    for event, x in zip(events, xs, strict=True):
        for lane in LANES:
            box = _lane_box(lane, x, frame, label_w)
            side = lane.rstrip("2")
            same_lane = [p for p in placed if p.lane == lane]
            if any(_overlaps(box, p.box) for p in same_lane):
                continue
            if lane.endswith("2"):
                # Our connector crosses the near lane: it must be empty at x.
                if any(p.box.x - LABEL_GAP <= x <= p.box.right + LABEL_GAP for p in placed if p.lane == side):
                    continue
            else:
                # Our label must not sit on a far label's connector.
                if any(box.x - LABEL_GAP <= p.x <= box.right + LABEL_GAP for p in placed if p.lane == side + "2"):
                    continue
            placed.append(_Placed(event, x, lane, box))
            break
        else:
            return None
    return placed


def _force(ctx: LayoutContext, event: TimelineEvent, frame: _Frame, label_w: Emu) -> _Chunk:
    """Place one event alone on its page, with the widest label box that helps its text fit."""
    axis = date_axis([event], frame.lo, frame.hi, 1.0)
    x = axis(event.date.as_date().toordinal())
    body = frame.body
    wider = (Emu(body.w // 3), Emu(body.w // 2), Emu(body.w - inches(0.2)))
    candidates = [label_w, *(w for w in wider if w > label_w)]
    placed: list[_Placed] = []
    tall = Emu(body.h // 2 - MARKER)  # both lanes above the axis
    for width in candidates:
        placed = [_Placed(event, x, "above", _lane_box("above", x, frame, width, lane_h=tall))]
        if _readable(ctx, placed):
            break
    return _Chunk(placed, axis)


def _label_specs(ctx: LayoutContext, event: TimelineEvent) -> list[ParaSpec]:
    t = ctx.theme
    size = t.sizes.table
    date = ParaSpec(
        spans=(ctx.span(event.date.label(), size.size, bold=True, color=t.colors.accent),), size=size, align="center"
    )
    spans = [ctx.span(normalise_space(event.label), size.size)]
    marker = ctx.marker(ctx.deck.markers(event.cite), size.size)
    if marker:
        spans.append(marker)
    return [date, ParaSpec(spans=tuple(spans), size=size, align="center")]


def _draw(ctx: LayoutContext, page: PageDraft, chunk: _Chunk, frame: _Frame) -> list[_Placed]:
    """Draw the axis, year ticks, markers, connectors and labels; return the events whose labels were shortened."""
    t = ctx.theme
    placed, axis_y = chunk.placed, frame.axis_y
    page.boxes.append(
        Shape(
            x=frame.body.x,
            y=axis_y,
            w=frame.body.w,
            h=Emu(0),
            geometry="line",
            stroke=t.colors.rule,
            stroke_width=Pt(2.0),
            name="timeline axis",
        )
    )
    specs = [_label_specs(ctx, p.event) for p in placed]
    inner = [_inner_size(p.box) for p in placed]
    # One scale for every label, the largest at which all of them fit.
    steps = scales([s for group in specs for s in group])
    chosen = steps[-1]
    for scale in steps:
        if all(layout_at(s, w, h, scale, t.line_spacing).fits for s, (w, h) in zip(specs, inner, strict=True)):
            chosen = scale
            break
    shortened = []
    for p, group, (w, h) in zip(placed, specs, inner, strict=True):
        above = p.lane.startswith("above")
        edge = p.box.bottom if above else p.box.y
        page.boxes.append(
            Shape(
                x=p.x,
                y=min(edge, axis_y),
                w=Emu(0),
                h=Emu(abs(axis_y - edge)),
                geometry="line",
                stroke=t.colors.rule,
                stroke_width=Pt(1.0),
                name="connector",
            )
        )
        page.boxes.append(
            Shape(
                x=Emu(p.x - MARKER // 2),
                y=Emu(axis_y - MARKER // 2),
                w=MARKER,
                h=MARKER,
                geometry="ellipse",
                fill=t.colors.accent,
                name="marker",
            )
        )
        fitted = layout_at(group, w, h, chosen, t.line_spacing)
        if fitted.fits:
            box = TextFrame(
                x=p.box.x,
                y=p.box.y,
                w=p.box.w,
                h=p.box.h,
                paragraphs=fitted.paragraphs,
                insets=TEXT_INSETS,
                anchor="bottom" if above else "top",
                role="label",
                name="label",
            )
        else:
            box = ctx.text_frame(p.box, group, role="label", anchor="bottom" if above else "top")
            shortened.append(p)
        page.boxes.append(box)
    # Years after the events: a screen reader reads the events (date and label) first, and the
    # years, which only mark the axis, last.
    _draw_years(ctx, page, chunk, frame)
    return shortened


def _draw_years(ctx: LayoutContext, page: PageDraft, chunk: _Chunk, frame: _Frame) -> None:
    """Tick each 1 January the page's events span, labelled with its year where the labels have room.

    A year label never sits on an event's connector, and labels keep a
    label's width apart, so a long span shows every second or fifth year.
    """
    t = ctx.theme
    dates = [p.event.date.as_date() for p in chunk.placed]
    years = range(min(dates).year + 1, max(dates).year + 1)
    if not years:
        return
    size = SizeRange(t.sizes.source.minimum, t.sizes.source.minimum)
    tick = Emu(MARKER // 2)
    last_label = None
    connectors = [p.x for p in chunk.placed if not p.lane.startswith("above")]
    for year in years:
        x = chunk.axis(dt.date(year, 1, 1).toordinal())
        page.boxes.append(
            Shape(
                x=x,
                y=Emu(frame.axis_y - tick // 2),
                w=Emu(0),
                h=tick,
                geometry="line",
                stroke=t.colors.muted,
                stroke_width=Pt(1.0),
                name="year tick",
            )
        )
        box = Box(Emu(x - YEAR_LABEL_W // 2), Emu(frame.axis_y + MARKER // 2 + inches(0.02)), YEAR_LABEL_W, frame.band)
        clear = (
            (last_label is None or box.x >= last_label + inches(0.1))
            and box.x >= frame.body.x
            and box.right <= frame.body.right
            and not any(box.x <= c <= box.right for c in connectors)
        )
        if clear:
            page.boxes.append(
                ctx.text_frame(
                    box, [ctx.plain(str(year), size, color=t.colors.muted, align="center")], role="year", max_lines=1
                )
            )
            last_label = box.right
