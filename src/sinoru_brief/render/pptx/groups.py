"""Write a page's box groups (a timeline's shapes) as DrawingML group shapes carrying alternative text.

A group's child coordinates are written equal to the slide's (``chOff`` and
``chExt`` the same as ``off`` and ``ext``), so its shapes are written exactly
as they would be outside it. Its ``descr`` is the whole graphic's
description: screen readers and PowerPoint's accessibility checker read the
group as one object in the reading order, and its shapes as covered by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sinoru_brief.layout.pages import Box, BoxGroup, ChartFrame, Page
from sinoru_brief.render.pptx.text import attr

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


def bounds(boxes: Sequence[Box]) -> tuple[int, int, int, int]:
    """Return x, y, width and height of the rectangle around *boxes* (a line's extent may be negative)."""
    left = min(min(b.x, b.x + b.w) for b in boxes)
    top = min(min(b.y, b.y + b.h) for b in boxes)
    right = max(max(b.x, b.x + b.w) for b in boxes)
    bottom = max(max(b.y, b.y + b.h) for b in boxes)
    return left, top, right - left, bottom - top


def open_group(group: BoxGroup, boxes: Sequence[Box], shape_id: int) -> str:
    """Return the start of the p:grpSp holding ``boxes[group.start:group.stop]``: its name, description and frame."""
    x, y, w, h = bounds(boxes[group.start : group.stop])
    descr = f' descr="{attr(group.alt_text)}"' if group.alt_text else ""
    return (
        f'<p:grpSp><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name="{attr(group.name or "Group")}"{descr}/>'
        f"<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>"
        f'<a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/><a:chOff x="{x}" y="{y}"/>'
        f'<a:chExt cx="{w}" cy="{h}"/></a:xfrm></p:grpSpPr>'
    )
