"""Paint a laid-out page with QPainter: the same boxes the .pptx writer writes, in the same order.

:func:`render_page` returns a ``QImage``; :func:`paint_page` draws onto any
painter (a widget, a printer) in device pixels, so the app can reuse it.
Both work outside the GUI thread, provided a ``QGuiApplication`` exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPainter, QPen

from sinoru_brief.layout.pages import Box, ChartFrame, Page, Picture, Shape, TableFrame, TextFrame
from sinoru_brief.render.qt.charts import paint_chart
from sinoru_brief.render.qt.text import Scale, draw_paragraphs, qcolor
from sinoru_brief.units import Emu

#: Table rows end in a 1 pt rule, as the writer's ``a:lnB``.
TABLE_RULE_PT = 1.0

_local = threading.local()


def render_page(page: Page, width_px: int) -> QImage:
    """Return *page* drawn *width_px* pixels wide, its height in the page's aspect ratio."""
    if width_px < 1:
        raise ValueError(f"the image width must be at least 1 pixel, got {width_px}")
    scale = width_px / page.width
    height_px = max(1, round(page.height * scale))
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(qcolor(page.background))
    painter = QPainter(image)
    try:
        paint_page(painter, page, scale)
    finally:
        painter.end()
    return image


def paint_page(painter: QPainter, page: Page, px_per_emu: float) -> None:
    """Draw *page*'s background and boxes with *painter*, at *px_per_emu* device pixels per EMU."""
    scale = Scale(px_per_emu)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    painter.fillRect(QRectF(0, 0, scale.px(page.width), scale.px(page.height)), qcolor(page.background))
    for box in page.boxes:
        try:
            paint = BOX_PAINTERS[type(box)]
        except KeyError:
            raise TypeError(f"no painter for {type(box).__name__}") from None
        painter.save()
        paint(painter, box, scale)
        painter.restore()


def _rect(box: Box, scale: Scale) -> QRectF:
    return QRectF(scale.px(box.x), scale.px(box.y), scale.px(box.w), scale.px(box.h))


def paint_text_frame(painter: QPainter, frame: TextFrame, scale: Scale) -> None:
    rect = _rect(frame, scale)
    if frame.fill:
        painter.fillRect(rect, qcolor(frame.fill))
    i = frame.insets
    draw_paragraphs(
        painter,
        frame.paragraphs,
        rect.left() + scale.px(i.left),
        rect.top() + scale.px(i.top),
        rect.right() - scale.px(i.right),
        rect.bottom() - scale.px(i.bottom),
        frame.anchor,
        scale,
    )


def paint_shape(painter: QPainter, shape: Shape, scale: Scale) -> None:
    pen = QPen(Qt.PenStyle.NoPen)
    if shape.stroke:
        pen = QPen(qcolor(shape.stroke), shape.stroke_width * scale.px_per_pt)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # DrawingML's default line ends
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    if shape.geometry == "line":
        painter.drawLine(
            QPointF(scale.px(shape.x), scale.px(shape.y)),
            QPointF(scale.px(shape.x + shape.w), scale.px(shape.y + shape.h)),
        )
        return
    painter.setBrush(QBrush(qcolor(shape.fill)) if shape.fill else Qt.BrushStyle.NoBrush)
    if shape.geometry == "ellipse":
        painter.drawEllipse(_rect(shape, scale))
    else:
        painter.drawRect(_rect(shape, scale))


def paint_table(painter: QPainter, table: TableFrame, scale: Scale) -> None:
    insets = table.cell_insets
    rule = QPen(qcolor(table.border_color), TABLE_RULE_PT * scale.px_per_pt)
    rule.setCapStyle(Qt.PenCapStyle.FlatCap)
    right = scale.px(table.x + sum(table.column_widths))
    y = table.y
    for row, height in zip(table.rows, table.row_heights, strict=False):
        x = table.x
        for cell, width in zip(row, table.column_widths, strict=False):
            cell_rect = QRectF(scale.px(x), scale.px(y), scale.px(width), scale.px(height))
            if cell.fill:
                painter.fillRect(cell_rect, qcolor(cell.fill))
            draw_paragraphs(
                painter,
                cell.paragraphs,
                cell_rect.left() + scale.px(insets.left),
                cell_rect.top() + scale.px(insets.top),
                cell_rect.right() - scale.px(insets.right),
                cell_rect.bottom() - scale.px(insets.bottom),
                "top",
                scale,
            )
            x = Emu(x + width)
        y = Emu(y + height)
        if table.border_color:
            painter.setPen(rule)
            painter.drawLine(QPointF(scale.px(table.x), scale.px(y)), QPointF(right, scale.px(y)))


def _image(path: str) -> QImage:
    """Return the image at *path* from this thread's cache (a null image if it cannot be read)."""
    cache: dict[str, QImage] | None = getattr(_local, "images", None)
    if cache is None:
        cache = _local.images = {}
    image = cache.get(path)
    if image is None:
        image = cache[path] = QImage(path) if Path(path).is_file() else QImage()
    return image


def paint_picture(painter: QPainter, picture: Picture, scale: Scale) -> None:
    """Draw the image at the box's height, or its width if it is wider, right-aligned (as the writer)."""
    image = _image(picture.path)
    if image.isNull() or image.height() == 0:
        return
    height = float(picture.h)
    width = height * image.width() / image.height()
    if width > picture.w:
        height *= picture.w / width
        width = float(picture.w)
    target = QRectF(scale.px(picture.x + picture.w - width), scale.px(picture.y), scale.px(width), scale.px(height))
    painter.drawImage(target, image)


#: Box type -> the function that paints it. Each painter takes its own kind of box, which the key
#: guarantees; a Callable type cannot say that, so the box is typed Any here.
BOX_PAINTERS: dict[type[Box], Callable[[QPainter, Any, Scale], None]] = {
    TextFrame: paint_text_frame,
    Shape: paint_shape,
    ChartFrame: paint_chart,
    TableFrame: paint_table,
    Picture: paint_picture,
}
