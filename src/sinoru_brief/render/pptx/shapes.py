"""Write the shapes of a page: text boxes, plain shapes, pictures and tables as XML, native charts with python-pptx.

The XML is written as text (see :mod:`.text` for why and how it is escaped);
charts stay with python-pptx, which writes their parts and embedded
workbooks well and is not where the time goes (a chart or two per deck).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Emu, Pt

from sinoru_brief.layout.pages import Cell, ChartFrame, Picture, Shape, TableFrame, TextFrame
from sinoru_brief.render.pptx.pptx_internals import reproducible_chart_data
from sinoru_brief.render.pptx.text import LinkIds, attr, body_pr, paragraphs_xml, solid, text_body, xfrm
from sinoru_brief.units import points_truncated

if TYPE_CHECKING:
    from pptx.slide import Slide

_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pie": XL_CHART_TYPE.PIE,
}
# The chart's embedded workbook carries a creation date; fix it so output is reproducible.
_WORKBOOK_DATE = dt.datetime(2000, 1, 1)
#: python-pptx's default table style ("Medium Style 2 - Accent 1"), which its tables name.
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"


def text_box(frame: TextFrame, shape_id: int, east_asian_font: str, links: LinkIds) -> str:
    """Return a p:sp text box holding *frame*."""
    fill = solid(frame.fill) if frame.fill else "<a:noFill/>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attr(frame.name or frame.role)}"/>'
        f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm(frame.x, frame.y, frame.w, frame.h)}'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</p:spPr>'
        f"{text_body(frame, east_asian_font, links)}</p:sp>"
    )


def line(shape: Shape, shape_id: int) -> str:
    """Return a straight p:cxnSp from the shape's top-left to its bottom-right corner."""
    # A negative extent runs the other way: DrawingML flips a positive box instead.
    flips = (' flipH="1"' if shape.w < 0 else "") + (' flipV="1"' if shape.h < 0 else "")
    x, y = min(shape.x, shape.x + shape.w), min(shape.y, shape.y + shape.h)
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="{attr(shape.name or "Line")}"/>'
        f"<p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr>{xfrm(x, y, abs(shape.w), abs(shape.h), flips)}"
        f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{points_truncated(shape.stroke_width)}">'
        f"{solid(shape.stroke)}</a:ln></p:spPr></p:cxnSp>"
    )


def auto_shape(shape: Shape, shape_id: int) -> str:
    """Return a rectangle or ellipse p:sp with its fill and outline, and no theme style."""
    geometry, default_name = ("ellipse", "Oval") if shape.geometry == "ellipse" else ("rect", "Rectangle")
    name = shape.name or f"{default_name} {shape_id - 1}"
    fill = solid(shape.fill) if shape.fill else "<a:noFill/>"
    outline = (
        f'<a:ln w="{points_truncated(shape.stroke_width)}">{solid(shape.stroke)}</a:ln>'
        if shape.stroke
        else "<a:ln><a:noFill/></a:ln>"
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attr(name)}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr>{xfrm(shape.x, shape.y, shape.w, shape.h)}<a:prstGeom prst="{geometry}"><a:avLst/>'
        f'</a:prstGeom>{fill}{outline}</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>'
        '<a:p><a:pPr algn="ctr"/></a:p></p:txBody></p:sp>'
    )


def picture(pic: Picture, shape_id: int, r_id: str, description: str, size: tuple[int, int]) -> str:
    """Return a p:pic of the image *r_id* names, at the right edge of its frame.

    *size* is the image scaled to the frame's height, aspect kept; a wider
    image is narrowed to the frame's width instead (a wide logo).
    """
    w, h = size
    if w > pic.w:
        ratio = pic.w / w
        w, h = pic.w, round(h * ratio)
    x = pic.x + pic.w - w
    return (
        f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{attr(pic.name or "Logo")}" '
        f'descr="{attr(description)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{attr(r_id)}"/><a:stretch><a:fillRect/></a:stretch>'
        f'</p:blipFill><p:spPr>{xfrm(x, pic.y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</p:spPr></p:pic>"
    )


def add_chart(slide: Slide, frame: ChartFrame) -> None:
    # python-pptx's chart data classes carry no annotations, and it annotates add_chart as
    # returning a Chart where it returns the graphic frame holding one: both are used as Any.
    number_format = '0.0"%"' if frame.unit == "percent" else "#,##0.##"
    data = reproducible_chart_data(number_format, _WORKBOOK_DATE)
    data.categories = list(frame.categories)
    for name, values in frame.series:
        data.add_series(name, list(values))
    graphic: Any = cast(Any, slide.shapes).add_chart(
        _CHART_TYPES[frame.chart_type], Emu(frame.x), Emu(frame.y), Emu(frame.w), Emu(frame.h), data
    )
    graphic.name = frame.name or "Chart"
    graphic.element.nvGraphicFramePr.cNvPr.set("descr", frame.alt_text)
    chart = graphic.chart
    chart.font.size = Pt(frame.font_size)
    chart.font.name = frame.font
    chart.font.color.rgb = RGBColor.from_string(frame.text_color)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = '0.#"%"' if frame.unit == "percent" else "#,##0.##"
    labels.number_format_is_linked = False
    labels.font.size = Pt(frame.font_size)
    labels.font.bold = True
    labels.font.color.rgb = RGBColor.from_string(frame.text_color)
    if frame.chart_type == "pie":
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.RIGHT
        chart.legend.include_in_layout = False
        for i, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(frame.colors[i % len(frame.colors)])
        return
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    plot.gap_width = 60
    chart.has_legend = len(frame.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    for i, series in enumerate(plot.series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(frame.colors[i % len(frame.colors)])
    # Every bar carries its value as a data label, so the value axis, its gridlines and its
    # title would only repeat them (and a gridline would run through a label near the top):
    # the axis is kept for its range and hidden.
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = False
    value_axis.has_title = False
    value_axis.visible = False
    if frame.unit == "percent":
        value_axis.maximum_scale = 100
        value_axis.minimum_scale = 0
    category_axis = chart.category_axis
    category_axis.format.line.color.rgb = RGBColor.from_string(frame.grid_color)
    category_axis.tick_labels.font.size = Pt(frame.font_size)
    if frame.chart_type == "bar":
        # Bar charts list categories bottom-up; reverse so they read in the data's order.
        category_axis.reverse_order = True


def table(frame: TableFrame, shape_id: int, east_asian_font: str, links: LinkIds) -> str:
    """Return a p:graphicFrame holding a native table: column widths, row heights, each cell's text and fill."""
    first_row = ' firstRow="1"' if frame.header_rows > 0 else ""
    grid = "".join(f'<a:gridCol w="{width}"/>' for width in frame.column_widths)
    rows = "".join(
        f'<a:tr h="{height}">{"".join(_cell(cell, frame, east_asian_font, links) for cell in row)}</a:tr>'
        for row, height in zip(frame.rows, frame.row_heights, strict=True)
    )
    descr = f' descr="{attr(frame.alt_text)}"' if frame.alt_text else ""
    return (
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{attr(frame.name or "Table")}"'
        f'{descr}/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
        f'</p:nvGraphicFramePr><p:xfrm><a:off x="{frame.x}" y="{frame.y}"/><a:ext cx="{frame.w}" '
        f'cy="{frame.h}"/></p:xfrm><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
        f"<a:tbl><a:tblPr{first_row}><a:tableStyleId>{TABLE_STYLE}</a:tableStyleId></a:tblPr>"
        f"<a:tblGrid>{grid}</a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    )


def _cell(cell: Cell, frame: TableFrame, east_asian_font: str, links: LinkIds) -> str:
    insets = frame.cell_insets
    # A thin bottom rule and no other borders; borders come before the cell fill in tcPr's schema order.
    none = "<a:noFill/>"
    bottom = solid(frame.border_color) if frame.border_color else none
    borders = "".join(
        f'<a:{side} w="{0 if side != "lnB" else points_truncated(1.0)}" cap="flat" cmpd="sng" algn="ctr">'
        f"{bottom if side == 'lnB' else none}</a:{side}>"
        for side in ("lnL", "lnR", "lnT", "lnB")
    )
    fill = solid(cell.fill) if cell.fill else none
    return (
        f"<a:tc><a:txBody>{body_pr(insets, 'top')}<a:lstStyle/>"
        f"{paragraphs_xml(cell.paragraphs, east_asian_font, links)}</a:txBody>"
        f'<a:tcPr marL="{insets.left}" marR="{insets.right}" marT="{insets.top}" marB="{insets.bottom}">'
        f"{borders}{fill}</a:tcPr></a:tc>"
    )
