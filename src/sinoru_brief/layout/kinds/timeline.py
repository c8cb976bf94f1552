"""Lay out a timeline: a dated axis, a marker per event, and labels in lanes that never collide.

Events sit on the axis by date, or evenly spaced in date order when they
crowd too much for their labels. Each label goes in the first lane (above,
below, further above, further below) where it overlaps no other label and no
connector crosses it. Events that find no lane continue on a "(cont.)" slide.
"""

from __future__ import annotations

from dataclasses import dataclass

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.content.models import TimelineEvent
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.kinds.common import add_source_line, new_page
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, Page, Shape, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, layout_at, scales
from sinoru_brief.units import EMU_PER_POINT, Emu, inches

LANES = ("above", "below", "above2", "below2")
MARKER = inches(0.16)
LABEL_GAP = inches(0.08)


@dataclass
class _Placed:
    event: TimelineEvent
    x: Emu  # marker centre
    lane: str
    box: Box


def layout_timeline(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    assert slide.slide is not None
    events = sorted(slide.slide.events, key=lambda e: e.date.sort_key())
    body = ctx.regions.body
    label_w = min(inches(2.5), body.w // 4)
    chunks: list[list[_Placed]] = []
    start = 0
    while start < len(events):
        end = len(events)
        # Fewer events per page until every label has a lane and the room its text needs.
        while end > start + 1 and not _readable(ctx, _place_any(events[start:end], body, label_w)):
            end -= 1
        placed = _place_any(events[start:end], body, label_w)
        if not _readable(ctx, placed):
            placed = _force(ctx, events[start], body, label_w)
        assert placed is not None
        chunks.append(placed)
        start = end
    pages = []
    for index, placed in enumerate(chunks):
        page = new_page(ctx, slide, index)
        shortened = _draw(ctx, page, placed, body)
        if shortened:
            # A label too long for any box is shortened alike in the preview and the .pptx;
            # the speaker notes keep it whole.
            page.notes = "\n".join([page.notes, *(f"{p.event.date.label()}: {normalise_space(p.event.label)}"
                                                  for p in shortened)]).strip()
        add_source_line(ctx, page, [n for p in placed for n in ctx.deck.markers(p.event.cite)])
        pages.append(page)
    return pages


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


def _inner_size(box: Box) -> tuple[float, float]:
    """Return the width and height in points inside *box*'s text insets."""
    return ((box.w - TEXT_INSETS.left - TEXT_INSETS.right) / EMU_PER_POINT,
            (box.h - TEXT_INSETS.top - TEXT_INSETS.bottom) / EMU_PER_POINT)


def _axis(body: Box) -> tuple[Emu, Emu, Emu]:
    """Return the axis's y and the x range markers may use."""
    return body.y + body.h // 2, body.x + inches(0.5), body.right - inches(0.5)


def _lane_box(lane: str, x: Emu, body: Box, label_w: Emu, lane_h: Emu | None = None) -> Box:
    axis_y, _, _ = _axis(body)
    half = body.h // 2 - MARKER
    lane_h = lane_h if lane_h is not None else half // 2 - LABEL_GAP
    left = min(max(x - label_w // 2, body.x), body.right - label_w)
    near = lane in ("above", "below")
    if lane.startswith("above"):
        bottom = axis_y - MARKER - (0 if near else lane_h + LABEL_GAP)
        return Box(left, bottom - lane_h, label_w, lane_h)
    top = axis_y + MARKER + (0 if near else lane_h + LABEL_GAP)
    return Box(left, top, label_w, lane_h)


def _place_any(events: list[TimelineEvent], body: Box, label_w: Emu) -> list[_Placed] | None:
    """Place events by date; if they crowd too much for that, space them evenly in date order."""
    return _place(events, body, label_w, _positions(events, body)) or _place(
        events, body, label_w, _even_positions(events, body))


def _even_positions(events: list[TimelineEvent], body: Box) -> list[Emu]:
    _, lo, hi = _axis(body)
    if len(events) == 1:
        return [(lo + hi) // 2]
    return [lo + round(i * (hi - lo) / (len(events) - 1)) for i in range(len(events))]


def _positions(events: list[TimelineEvent], body: Box) -> list[Emu]:
    _, lo, hi = _axis(body)
    days = [e.date.as_date().toordinal() for e in events]
    if max(days) == min(days):
        return [(lo + hi) // 2 for _ in events]
    span = max(days) - min(days)
    return [lo + round((d - min(days)) / span * (hi - lo)) for d in days]


def _overlaps(a: Box, b: Box) -> bool:
    return a.x < b.right + LABEL_GAP and b.x < a.right + LABEL_GAP


def _place(events: list[TimelineEvent], body: Box, label_w: Emu, xs: list[Emu]) -> list[_Placed] | None:
    placed: list[_Placed] = []
    for event, x in zip(events, xs, strict=True):
        for lane in LANES:
            box = _lane_box(lane, x, body, label_w)
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


def _force(ctx: LayoutContext, event: TimelineEvent, body: Box, label_w: Emu) -> list[_Placed]:
    """Place one event alone on its page, with the widest label box that helps its text fit."""
    x = _positions([event], body)[0]
    widest = body.w - inches(0.2)
    candidates = [label_w, *(w for w in (body.w // 3, body.w // 2, widest) if w > label_w)]
    placed: list[_Placed] = []
    for width in candidates:
        placed = [_Placed(event, x, "above", _lane_box("above", x, body, width, lane_h=_tall_lane(body)))]
        if _readable(ctx, placed):
            break
    return placed


def _tall_lane(body: Box) -> Emu:
    """Return the height a lone label may use above the axis: both lanes of that side."""
    return body.h // 2 - MARKER


def _label_specs(ctx: LayoutContext, event: TimelineEvent) -> list[ParaSpec]:
    t = ctx.theme
    size = t.sizes.table
    date = ParaSpec(spans=(ctx.span(event.date.label(), size.size, bold=True, color=t.colors.accent),), size=size,
                    align="center")
    spans = [ctx.span(normalise_space(event.label), size.size)]
    marker = ctx.marker(ctx.deck.markers(event.cite), size.size)
    if marker:
        spans.append(marker)
    return [date, ParaSpec(spans=tuple(spans), size=size, align="center")]


def _draw(ctx: LayoutContext, page: Page, placed: list[_Placed], body: Box) -> list[_Placed]:
    """Draw the axis, markers, connectors and labels; return the events whose labels had to be shortened."""
    t = ctx.theme
    axis_y, lo, hi = _axis(body)
    page.boxes.append(Shape(x=body.x, y=axis_y, w=body.w, h=0, geometry="line", stroke=t.colors.rule,
                            stroke_width=2.0, name="timeline axis"))
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
        page.boxes.append(Shape(x=p.x, y=min(edge, axis_y), w=0, h=abs(axis_y - edge), geometry="line",
                                stroke=t.colors.rule, stroke_width=1.0, name="connector"))
        page.boxes.append(Shape(x=p.x - MARKER // 2, y=axis_y - MARKER // 2, w=MARKER, h=MARKER,
                                geometry="ellipse", fill=t.colors.accent, name="marker"))
        fitted = layout_at(group, w, h, chosen, t.line_spacing)
        if fitted.fits:
            frame = TextFrame(x=p.box.x, y=p.box.y, w=p.box.w, h=p.box.h, paragraphs=fitted.paragraphs,
                              insets=TEXT_INSETS, anchor="bottom" if above else "top", role="label", name="label")
        else:
            frame = ctx.text_frame(p.box, group, role="label", anchor="bottom" if above else "top")
            shortened.append(p)
        page.boxes.append(frame)
    return shortened
