"""Shapes, tables, charts and pictures are painted where and how the .pptx writer places them.

Pages are 10 x 5 inches drawn 720 px wide: one pixel per point.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from sinoru_brief.layout.pages import Cell, ChartFrame, Insets, Line, Page, Paragraph, Picture, Shape, Span, TableFrame
from sinoru_brief.render.qt.charts import value_ticks
from sinoru_brief.render.qt.painter import render_page
from sinoru_brief.units import inches, points

pytestmark = pytest.mark.usefixtures("qapp")

BACKGROUND = "FFFFFF"
COLORS = ("E0A526", "5FA8D3", "9BC53D", "E55934")


def render(*boxes, width: int = 720) -> QImage:
    page = Page(
        width=inches(10),
        height=inches(5),
        kind="test",
        key="test",
        title="test",
        background=BACKGROUND,
        boxes=list(boxes),
    )
    return render_page(page, width)


def rgb(image: QImage, x: int, y: int) -> str:
    return image.pixelColor(x, y).name()[1:].upper()


def colours_in(image: QImage, box: tuple[int, int, int, int]) -> set[str]:
    """Return the colours (RRGGBB) present in the pixel box (left, top, right, bottom exclusive)."""
    left, top, right, bottom = box
    return {rgb(image, x, y) for y in range(top, bottom, 2) for x in range(left, right, 2)}


def test_rectangle_is_filled_and_stroked():
    image = render(
        Shape(
            x=points(100),
            y=points(100),
            w=points(200),
            h=points(100),
            geometry="rect",
            fill="FF0000",
            stroke="0000FF",
            stroke_width=4.0,
        )
    )
    assert rgb(image, 200, 150) == "FF0000"
    assert rgb(image, 200, 100) == "0000FF"  # the stroke is centred on the edge
    assert rgb(image, 200, 95) == BACKGROUND


def test_ellipse_fills_its_middle_but_not_its_box_corners():
    image = render(Shape(x=points(100), y=points(100), w=points(200), h=points(100), geometry="ellipse", fill="00FF00"))
    assert rgb(image, 200, 150) == "00FF00"
    assert rgb(image, 103, 103) == BACKGROUND


def test_line_runs_from_top_left_to_bottom_right_with_its_width():
    image = render(
        Shape(
            x=points(100),
            y=points(100),
            w=points(200),
            h=points(100),
            geometry="line",
            stroke="0000FF",
            stroke_width=6.0,
        )
    )
    assert rgb(image, 200, 150) == "0000FF"  # on the diagonal
    assert rgb(image, 200, 110) == BACKGROUND
    flat = render(
        Shape(x=points(100), y=points(100), w=points(200), h=0, geometry="line", stroke="0000FF", stroke_width=6.0)
    )
    assert rgb(flat, 200, 98) == "0000FF" and rgb(flat, 200, 102) == "0000FF"
    assert rgb(flat, 200, 104) == BACKGROUND
    assert rgb(flat, 97, 100) == BACKGROUND  # flat caps: nothing before the start


def _cell(text: str, fill: str = "") -> Cell:
    span = Span(text, 12.0, "Calibri", "000000")
    return Cell((Paragraph(spans=(span,), lines=(Line((span,), 0.0),), line_height=13.8),), fill=fill)


def test_table_cells_rows_and_rules():
    table = TableFrame(
        x=points(100),
        y=points(100),
        w=points(300),
        h=points(80),
        column_widths=(points(100), points(200)),
        row_heights=(points(30), points(50)),
        rows=((_cell("A", "CCCCCC"), _cell("B", "CCCCCC")), (_cell("one"), _cell("two"))),
        cell_insets=Insets(left=points(6), top=points(4), right=points(6), bottom=points(4)),
        border_color="FF0000",
    )
    image = render(table, width=1440)  # two pixels per point: the 1 pt rules cover whole pixels
    assert rgb(image, 760, 230) == "CCCCCC"  # header fill, right of the text
    assert rgb(image, 760, 300) == BACKGROUND  # no fill in the body row
    assert rgb(image, 500, 259) == "FF0000" and rgb(image, 500, 260) == "FF0000"  # a rule under each row
    assert rgb(image, 500, 359) == "FF0000" and rgb(image, 500, 360) == "FF0000"
    assert colours_in(image, (200, 196, 800, 204)) <= {BACKGROUND, "CCCCCC"}  # none above the first
    assert colours_in(image, (200, 262, 400, 358)) - {BACKGROUND}, "the body row's first cell holds text"
    assert colours_in(image, (200, 262, 211, 358)) == {BACKGROUND}  # inside the cell's left inset


def chart(chart_type: str, series, categories=("Oil", "Coal", "Gas"), unit="percent") -> ChartFrame:
    return ChartFrame(
        x=points(60),
        y=points(40),
        w=points(600),
        h=points(280),
        chart_type=chart_type,
        categories=categories,
        series=series,
        unit=unit,
        value_axis_title="Share (%)",
        colors=COLORS,
        text_color="000000",
        grid_color="AAAAAA",
        font="Calibri",
        font_size=12.0,
    )


def _rows_with(image: QImage, colour: str) -> list[int]:
    return [y for y in range(40, 320) if any(rgb(image, x, y) == colour for x in range(120, 660, 3))]


def test_bar_chart_reads_top_to_bottom_in_data_order_with_one_colour():
    image = render(chart("bar", (("Share", (80.0, 40.0, 20.0)),)))
    rows = _rows_with(image, COLORS[0])
    assert rows
    widths = {}
    for y in (rows[0] + 2, rows[-1] - 2):
        widths[y] = sum(1 for x in range(60, 660) if rgb(image, x, y) == COLORS[0])
    top, bottom = sorted(widths)
    assert widths[top] == pytest.approx(4 * widths[bottom], rel=0.1)  # 80 % above 20 %
    assert not _rows_with(image, COLORS[1])


def test_column_chart_with_two_series_shows_both_colours_and_a_legend():
    image = render(chart("column", (("2023", (10.0, 20.0, 30.0)), ("2024", (15.0, 25.0, 35.0)))))
    assert {COLORS[0], COLORS[1]} <= colours_in(image, (60, 40, 660, 280))
    legend = colours_in(image, (60, 298, 660, 320))  # under the category labels
    assert {COLORS[0], COLORS[1]} <= legend


def test_pie_chart_draws_every_slice_in_its_colour():
    image = render(chart("pie", (("Share", (50.0, 30.0, 20.0)),)))
    assert set(COLORS[:3]) <= colours_in(image, (60, 40, 660, 320))


def test_charts_stay_inside_their_frame():
    for kind in ("bar", "column", "pie"):
        image = render(
            chart(
                kind,
                (("A long series name that needs room", (99.0, 1.0, 55.5)),),
                categories=("A very long category name indeed", "B", "C"),
            )
        )
        outside = colours_in(image, (0, 0, 720, 38)) | colours_in(image, (0, 322, 720, 360))
        outside |= colours_in(image, (0, 0, 58, 360)) | colours_in(image, (662, 0, 720, 360))
        assert outside == {BACKGROUND}, kind


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((3.0, 1200.0), [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1200.0]),  # about six steps of 1, 2, 2.5 or 5
        ((-5.0, 12.0), [-5.0, 0.0, 5.0, 10.0, 15.0]),
    ],
)
def test_value_axis_covers_the_data_in_round_steps(values, expected):
    frame = chart("column", (("s", values),), categories=("a", "b"), unit="number")
    assert value_ticks(frame) == expected
    assert value_ticks(chart("column", (("s", values),), categories=("a", "b"))) == [
        float(v) for v in range(0, 101, 10)
    ]


def _png(tmp_path, name: str, width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#00FF00"))
    path = tmp_path / name
    assert image.save(str(path), "PNG")
    return str(path)


def test_picture_keeps_its_aspect_and_sits_at_the_right(tmp_path):
    box = dict(x=points(100), y=points(100), w=points(200), h=points(100))
    tall = render(Picture(path=_png(tmp_path, "tall.png", 50, 100), **box))  # 50 x 100 pt at the box's height
    assert rgb(tall, 275, 150) == "00FF00"
    assert rgb(tall, 245, 150) == BACKGROUND
    wide = render(Picture(path=_png(tmp_path, "wide.png", 400, 50), **box))  # fits the width: 200 x 25 pt
    assert rgb(wide, 105, 110) == "00FF00"
    assert rgb(wide, 105, 130) == BACKGROUND


def test_missing_picture_draws_nothing(tmp_path):
    image = render(Picture(x=points(100), y=points(100), w=points(200), h=points(100), path=str(tmp_path / "gone.png")))
    assert colours_in(image, (0, 0, 720, 360)) == {BACKGROUND}


def test_unknown_box_type_is_an_error():
    from sinoru_brief.layout.pages import Box

    with pytest.raises(TypeError, match="no painter for Box"):
        render(Box(x=0, y=0, w=10, h=10))


def test_image_size_follows_the_page_aspect():
    image = render()
    assert (image.width(), image.height()) == (720, 360)
    assert render(width=1000).height() == 500
