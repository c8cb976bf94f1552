"""Write plain shapes, native charts, native tables and pictures onto a python-pptx slide."""

from __future__ import annotations

import datetime as dt

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from sinoru_brief.layout.pages import ChartFrame, Picture, Shape, TableFrame
from sinoru_brief.render.pptx.text import fill_text_frame

_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pie": XL_CHART_TYPE.PIE,
}
# The chart's embedded workbook carries a creation date; fix it so output is reproducible.
_WORKBOOK_DATE = dt.datetime(2000, 1, 1)


def add_shape(slide, shape: Shape) -> None:
    if shape.geometry == "line":
        line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(shape.x), Emu(shape.y),
                                          Emu(shape.x + shape.w), Emu(shape.y + shape.h))
        line.line.color.rgb = RGBColor.from_string(shape.stroke)
        line.line.width = Pt(shape.stroke_width)
        line.name = shape.name or "Line"
        _no_style(line)
        return
    geometry = MSO_SHAPE.OVAL if shape.geometry == "ellipse" else MSO_SHAPE.RECTANGLE
    auto = slide.shapes.add_shape(geometry, Emu(shape.x), Emu(shape.y), Emu(shape.w), Emu(shape.h))
    auto.name = shape.name or auto.name
    if shape.fill:
        auto.fill.solid()
        auto.fill.fore_color.rgb = RGBColor.from_string(shape.fill)
    else:
        auto.fill.background()
    if shape.stroke:
        auto.line.color.rgb = RGBColor.from_string(shape.stroke)
        auto.line.width = Pt(shape.stroke_width)
    else:
        auto.line.fill.background()
    _no_style(auto)


def _no_style(shape) -> None:
    """Drop the theme style reference so no theme shadow or effect is applied."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


class _ReproducibleWorkbookWriter(CategoryWorkbookWriter):
    """Write the chart's embedded workbook with a fixed creation date."""

    def _open_worksheet(self, xlsx_file):  # noqa: D401 - python-pptx's hook
        from contextlib import contextmanager

        from xlsxwriter import Workbook

        @contextmanager
        def opened():
            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": _WORKBOOK_DATE})
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

        return opened()


class _ChartData(CategoryChartData):
    @property
    def _workbook_writer(self):
        return _ReproducibleWorkbookWriter(self)


def add_chart(slide, frame: ChartFrame) -> None:
    data = _ChartData(number_format='0.0"%"' if frame.unit == "percent" else "#,##0.##")
    data.categories = list(frame.categories)
    for name, values in frame.series:
        data.add_series(name, list(values))
    graphic = slide.shapes.add_chart(_CHART_TYPES[frame.chart_type], Emu(frame.x), Emu(frame.y),
                                     Emu(frame.w), Emu(frame.h), data)
    graphic.name = frame.name or "Chart"
    graphic._element.nvGraphicFramePr.cNvPr.set("descr", frame.alt_text)
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
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor.from_string(frame.grid_color)
    value_axis.format.line.fill.background()
    value_axis.tick_labels.font.size = Pt(frame.font_size * 0.85)
    if frame.unit == "percent":
        value_axis.maximum_scale = 100
        value_axis.minimum_scale = 0
        value_axis.tick_labels.number_format = '0"%"'
        value_axis.tick_labels.number_format_is_linked = False
    if frame.value_axis_title:
        value_axis.has_title = True
        value_axis.axis_title.text_frame.text = frame.value_axis_title
        title_font = value_axis.axis_title.text_frame.paragraphs[0].runs[0].font
        title_font.size = Pt(frame.font_size * 0.85)
        title_font.bold = False
        title_font.color.rgb = RGBColor.from_string(frame.text_color)
    category_axis = chart.category_axis
    category_axis.format.line.color.rgb = RGBColor.from_string(frame.grid_color)
    category_axis.tick_labels.font.size = Pt(frame.font_size)
    if frame.chart_type == "bar":
        # Bar charts list categories bottom-up; reverse so they read in the data's order.
        category_axis.reverse_order = True


def add_table(slide, frame: TableFrame, east_asian_font: str) -> None:
    rows, cols = len(frame.rows), len(frame.column_widths)
    graphic = slide.shapes.add_table(rows, cols, Emu(frame.x), Emu(frame.y), Emu(frame.w), Emu(frame.h))
    graphic.name = frame.name or "Table"
    table = graphic.table
    table.first_row = frame.header_rows > 0
    table.horz_banding = False
    for c, width in enumerate(frame.column_widths):
        table.columns[c].width = Emu(width)
    for r, height in enumerate(frame.row_heights):
        table.rows[r].height = Emu(height)
    for r, row in enumerate(frame.rows):
        for c, cell in enumerate(row):
            target = table.cell(r, c)
            fill_text_frame(target.text_frame, cell.paragraphs, frame.cell_insets, "top", east_asian_font)
            target.margin_left, target.margin_right = Emu(frame.cell_insets.left), Emu(frame.cell_insets.right)
            target.margin_top, target.margin_bottom = Emu(frame.cell_insets.top), Emu(frame.cell_insets.bottom)
            if cell.fill:
                target.fill.solid()
                target.fill.fore_color.rgb = RGBColor.from_string(cell.fill)
            else:
                target.fill.background()
            _cell_borders(target, frame.border_color)


def _cell_borders(cell, color: str) -> None:
    """Give a cell a thin bottom rule and no other borders."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
        line = etree.Element(qn(tag), w=str(Pt(1.0 if tag == "a:lnB" else 0)), cap="flat", cmpd="sng", algn="ctr")
        if tag == "a:lnB" and color:
            fill = etree.SubElement(line, qn("a:solidFill"))
            etree.SubElement(fill, qn("a:srgbClr"), val=color)
        else:
            etree.SubElement(line, qn("a:noFill"))
        # Borders come before the cell fill in tcPr's schema order.
        tc_pr.insert(["a:lnL", "a:lnR", "a:lnT", "a:lnB"].index(tag), line)


def add_picture(slide, picture: Picture) -> None:
    shape = slide.shapes.add_picture(picture.path, Emu(picture.x), Emu(picture.y), height=Emu(picture.h))
    if shape.width > picture.w:  # wide logo: fit the width instead, keep the aspect
        ratio = picture.w / shape.width
        shape.width, shape.height = Emu(picture.w), Emu(round(shape.height * ratio))
    shape.left = Emu(picture.x + picture.w - shape.width)
    shape.name = picture.name or "Logo"
