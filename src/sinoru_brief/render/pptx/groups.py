"""Write a page's box groups (a timeline's shapes) as DrawingML group shapes carrying alternative text.

A group's child coordinates are written equal to the slide's (``chOff`` and
``chExt`` the same as ``off`` and ``ext``), so its shapes are written exactly
as they would be outside it. Its ``descr`` is the whole graphic's
description: screen readers and PowerPoint's accessibility checker read the
group as one object in the reading order, and its shapes as covered by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sinoru_brief.geometry import Rect
from sinoru_brief.layout.pages import Box, BoxGroup, ChartFrame, Page
from sinoru_brief.render.pptx.text import attr
from sinoru_brief.units import Emu

CLOSE_GROUP = "</p:grpSp>"


def writable_groups(page: Page) -> list[BoxGroup]:
    """Return the page's groups the writer can make: non-empty, inside the page, apart, and without a chart.

    A chart is added by python-pptx on its own, not as XML text, so it
    cannot sit inside a group the writer is still writing; such a group
    (none is laid out today) is left ungrouped rather than broken.
    """
    groups, last_stop = [], 0
    for group in sorted(page.groups, key=lambda g: g.start):
        members = page.boxes[group.start : group.stop]
        if (
            group.start < last_stop
            or group.stop > len(page.boxes)
            or not members
            or any(isinstance(box, ChartFrame) for box in members)
        ):
            continue
        groups.append(group)
        last_stop = group.stop
    return groups


def bounds(boxes: Sequence[Box]) -> Rect:
    """Return the rectangle around *boxes* (a line's extent may be negative, so each box counts both ends)."""
    left = min(min(b.x, b.right) for b in boxes)
    top = min(min(b.y, b.bottom) for b in boxes)
    right = max(max(b.x, b.right) for b in boxes)
    bottom = max(max(b.y, b.bottom) for b in boxes)
    return Rect(Emu(left), Emu(top), Emu(right - left), Emu(bottom - top))


def open_group(group: BoxGroup, boxes: Sequence[Box], shape_id: int) -> str:
    """Return the start of the p:grpSp holding ``boxes[group.start:group.stop]``: its name, description and frame."""
    frame = bounds(boxes[group.start : group.stop])
    x, y, w, h = frame.x, frame.y, frame.w, frame.h
    descr = f' descr="{attr(group.alt_text)}"' if group.alt_text else ""
    return (
        f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name="{attr(group.name or "Group")}"{descr}/>'
        f"<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>"
        f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/><a:chOff x="{x}" y="{y}"/>'
        f'<a:chExt cx="{w}" cy="{h}"/></a:xfrm></p:grpSpPr>'
    )
