"""A timeline is written as one group shape holding its shapes, described by one alternative text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from sinoru_brief.geometry import Rect
from sinoru_brief.layout.pages import BoxGroup, ChartFrame, Page, Shape
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.render.pptx.groups import bounds, writable_groups
from sinoru_brief.render.pptx.writer import pptx_bytes
from sinoru_brief.units import Emu


@pytest.fixture(scope="module")
def built(fixture_library):
    from sinoru_brief.brief import Brief

    brief = Brief(
        title="Fixture deck", author="Tester", date=dt.date(2025, 2, 1), topics=["alpha", "beta"], depth="full"
    )
    result = build(brief, library=fixture_library)
    return result, Presentation(io.BytesIO(render_pptx(result)))


def _timeline(built):
    result, prs = built
    index = next(i for i, page in enumerate(result.pages) if page.kind == "timeline")
    return result.pages[index], prs.slides[index]


def test_the_timeline_is_one_described_group_holding_all_its_shapes(built):
    page, slide = _timeline(built)
    (group,) = page.groups
    groups = [shape for shape in slide.shapes if shape.shape_type is not None and shape.element.tag == qn("p:grpSp")]
    assert len(groups) == 1
    written = groups[0]
    assert written.name == "Timeline"
    assert written.element.nvGrpSpPr.cNvPr.get("descr") == group.alt_text
    assert group.alt_text.startswith("Timeline: A timeline, 2023 to 2025: Mar 2023: Something happened; ")
    assert len(written.shapes) == group.stop - group.start
    assert [s.name for s in written.shapes] == [b.name or "label" for b in page.boxes[group.start : group.stop]]


def test_the_group_keeps_its_shapes_where_they_were_laid_out(built):
    page, slide = _timeline(built)
    (group,) = page.groups
    written = next(s for s in slide.shapes if s.element.tag == qn("p:grpSp"))
    frame = bounds(page.boxes[group.start : group.stop])
    x, y, w, h = frame.x, frame.y, frame.w, frame.h
    assert (written.left, written.top, written.width, written.height) == (x, y, w, h)
    xfrm = written.element.grpSpPr.find(qn("a:xfrm"))
    assert xfrm.find(qn("a:chOff")).get("x") == str(x) and xfrm.find(qn("a:chExt")).get("cy") == str(h)
    label = next(b for b in page.boxes[group.start : group.stop] if b.name == "label")
    placed = next(s for s in written.shapes if s.name == "label")
    assert (placed.left, placed.top) == (label.x, label.y)


def test_the_group_is_read_in_the_place_of_its_shapes(built):
    _, slide = _timeline(built)
    names = [s.name for s in slide.shapes]
    at = names.index("Timeline")
    assert names[at - 1 : at + 2] == ["title rule", "Timeline", "source"]


def test_shape_ids_stay_unique_on_the_slide(built):
    _, slide = _timeline(built)
    ids = [int(v) for v in slide.element.xpath(".//p:cNvPr/@id")]
    assert len(ids) == len(set(ids))


def _page(boxes, groups) -> Page:
    return Page(
        width=100,
        height=100,
        kind="timeline",
        key="t",
        title="T",
        background="FFFFFF",
        boxes=list(boxes),
        groups=tuple(groups),
    )


def test_groups_the_writer_cannot_make_are_left_ungrouped():
    line = Shape(x=0, y=10, w=50, h=0, geometry="line", name="axis")
    chart = ChartFrame(x=0, y=0, w=10, h=10)
    page = _page(
        [line, line, chart, line],
        [
            BoxGroup(0, 2, "ok"),
            BoxGroup(1, 3, "overlaps"),
            BoxGroup(2, 4, "chart"),
            BoxGroup(3, 9, "out"),
            BoxGroup(3, 3, "empty"),
        ],
    )
    assert [g.name for g in writable_groups(page)] == ["ok"]


def test_bounds_take_lines_drawn_either_way():
    up = Shape(x=10, y=50, w=20, h=-30, geometry="line")
    flat = Shape(x=5, y=60, w=10, h=0, geometry="line")
    assert bounds([up, flat]) == Rect(Emu(5), Emu(20), Emu(25), Emu(40))


def test_a_page_without_groups_is_written_as_before(built):
    page, grouped = _timeline(built)
    (group,) = page.groups
    plain = dataclasses.replace(page, groups=())
    prs = Presentation(
        io.BytesIO(
            pptx_bytes([plain], title="t", author="a", east_asian_font="Microsoft YaHei", stamp=dt.datetime(2025, 2, 1))
        )
    )
    assert not prs.slides[0].element.xpath(".//p:grpSp")
    assert len(prs.slides[0].shapes) == len(grouped.shapes) - 1 + (group.stop - group.start)
