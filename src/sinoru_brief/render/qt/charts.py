"""Draw a native chart's data as the .pptx writer sets it up: bar, column or pie.

The writer leaves the chart's inner layout to PowerPoint, so this is a close
drawing, not a copy: the same data, colours, fonts, number formats, axis range
(0–100 for percentages), data labels at the bar ends and no value axis or
gridlines (the labels carry the values), a title from the series name when
there is one series (PowerPoint's automatic title), and a legend for several
series or a pie. Bars read top to bottom in data order, as
the writer's reversed category axis makes them. Everything stays inside the frame.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from sinoru_brief.layout.kinds.chart import format_value
from sinoru_brief.layout.pages import ChartFrame
from sinoru_brief.render.qt.fonts import face_metrics, latin_path, text_width_em
from sinoru_brief.render.qt.text import Scale, draw_string, qcolor

GAP_WIDTH = 0.6  # the writer's plot.gap_width = 60 (% of a bar)
TITLE_SIZE = 1.2  # the automatic title, bold, a little larger than the labels (as LibreOffice draws it)


class _Text:
    """Draws and measures the chart's one-line texts in its font."""

    def __init__(self, painter: QPainter, frame: ChartFrame, scale: Scale):
        self.painter = painter
        self.frame = frame
        self.ppt = scale.px_per_pt
        self.color = qcolor(frame.text_color)

    def size(self, factor: float = 1.0) -> float:
        """Return the pixel size of text at *factor* times the chart's font size."""
        return self.frame.font_size * factor * self.ppt

    def width(self, text: str, factor: float = 1.0, bold: bool = False) -> float:
        return text_width_em(text, latin_path(self.frame.font, bold)) * self.size(factor)

    def height(self, factor: float = 1.0) -> float:
        m = face_metrics(latin_path(self.frame.font))
        return (m.ascent + m.descent) * self.size(factor)

    def draw(
        self,
        text: str,
        x: float,
        y: float,
        factor: float = 1.0,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
    ) -> None:
        """Draw *text* with its box's (*align*, *valign*) point at (*x*, *y*)."""
        font = latin_path(self.frame.font, bold)
        m = face_metrics(font)
        size = self.size(factor)
        width = text_width_em(text, font) * size
        x -= {"left": 0.0, "center": width / 2, "right": width}[align]
        top = (
            y
            - {"top": 0.0, "center": (m.ascent + m.descent) * size / 2, "bottom": (m.ascent + m.descent) * size}[valign]
        )
        draw_string(self.painter, x, top + m.ascent * size, text, font, size, self.color)

    def wrap(self, text: str, width: float, factor: float = 1.0) -> list[str]:
        """Break *text* at spaces into lines no wider than *width* pixels (a long word stays whole)."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(f"{lines[-1]} {word}", factor) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines or [""]


def paint_chart(painter: QPainter, frame: ChartFrame, scale: Scale) -> None:
    """Draw *frame*'s chart inside its box."""
    box = QRectF(scale.px(frame.x), scale.px(frame.y), scale.px(frame.w), scale.px(frame.h))
    if not frame.series or not frame.categories or box.width() < 4 or box.height() < 4:
        return
    painter.save()
    painter.setClipRect(box)
    text = _Text(painter, frame, scale)
    pad = text.size(1.0)  # PowerPoint and LibreOffice leave about an em around the plot
    area = box.adjusted(pad, pad, -pad, -pad / 3)
    if len(frame.series) == 1 and frame.series[0][0]:
        title = frame.series[0][0]
        text.draw(title, area.center().x(), area.top(), TITLE_SIZE, bold=True, align="center")
        area.setTop(area.top() + text.height(TITLE_SIZE) * 1.5)
    if frame.chart_type == "pie":
        _pie(painter, frame, text, area)
    else:
        _bars(painter, frame, text, area)
    painter.restore()


def _color(frame: ChartFrame, index: int) -> QColor:
    return qcolor(frame.colors[index % len(frame.colors)]) if frame.colors else QColor(128, 128, 128)


def _legend_row(painter: QPainter, frame: ChartFrame, text: _Text, area: QRectF) -> QRectF:
    """Draw one legend entry per series centred under *area*; return the area left above it."""
    swatch, gap = text.size(0.6), text.size(0.4)
    entries = [(name, text.width(name)) for name, _ in frame.series]
    total = sum(swatch + gap + w for _, w in entries) + gap * 2 * (len(entries) - 1)
    x = area.center().x() - total / 2
    y = area.bottom() - text.height() / 2
    for i, (name, width) in enumerate(entries):
        painter.fillRect(QRectF(x, y - swatch / 2, swatch, swatch), _color(frame, i))
        text.draw(name, x + swatch + gap, y, valign="center")
        x += swatch + gap + width + gap * 2
    return QRectF(area.left(), area.top(), area.width(), area.height() - text.height() * 1.6)


def value_ticks(frame: ChartFrame) -> list[float]:
    """Return the value axis's steps (its range is first to last): 0–100 by 10 for percentages, else a round range.

    The axis is hidden, but its range still decides the bars' lengths, as in
    the clients, which compute the same round range.
    """
    if frame.unit == "percent":
        return [float(v) for v in range(0, 101, 10)]
    values = [v for _, series in frame.series for v in series] or [0.0]
    lo, hi = min(0.0, min(values)), max(0.0, max(values))
    if hi == lo:
        hi = lo + 1.0
    raw = (hi - lo) / 6
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(lo / step) * step
    ticks = [start]
    while ticks[-1] < hi - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def _bars(painter: QPainter, frame: ChartFrame, text: _Text, area: QRectF) -> None:
    if len(frame.series) > 1:
        area = _legend_row(painter, frame, text, area)
    horizontal = frame.chart_type == "bar"
    ticks = value_ticks(frame)
    value_labels = [[format_value(v, frame.unit) for v in values] for _, values in frame.series]
    label_w = max(text.width(s, bold=True) for row in value_labels for s in row)
    gap = text.size(0.4)
    if horizontal:
        plot = _bar_plot_area(frame, text, area, label_w, gap)
    else:
        plot = _column_plot_area(frame, text, area, gap)
    lo, hi = ticks[0], ticks[-1]

    def at(value: float) -> float:
        share = (value - lo) / (hi - lo)
        return plot.left() + share * plot.width() if horizontal else plot.bottom() - share * plot.height()

    grid = QPen(qcolor(frame.grid_color), max(0.75 * text.ppt, 1.0))
    slot = (plot.height() if horizontal else plot.width()) / len(frame.categories)
    bar = slot / (1 + GAP_WIDTH) / len(frame.series)
    zero = at(0.0)
    for c, category in enumerate(frame.categories):
        middle = (plot.top() if horizontal else plot.left()) + (c + 0.5) * slot
        _category_label(text, category, plot, area, middle, slot, gap, horizontal)
        for s, (_, values) in enumerate(frame.series):
            if c >= len(values):
                continue
            value, end = values[c], at(values[c])
            offset = middle - bar * len(frame.series) / 2 + s * bar
            after = 1 if value >= 0 else -1  # data labels sit beyond the bar's end
            if horizontal:
                painter.fillRect(QRectF(min(zero, end), offset, abs(end - zero), bar), _color(frame, s))
                text.draw(
                    value_labels[s][c],
                    end + after * gap / 2,
                    offset + bar / 2,
                    bold=True,
                    align="left" if after > 0 else "right",
                    valign="center",
                )
            else:
                painter.fillRect(QRectF(offset, min(zero, end), bar, abs(end - zero)), _color(frame, s))
                text.draw(
                    value_labels[s][c],
                    offset + bar / 2,
                    end - after * gap / 2,
                    bold=True,
                    align="center",
                    valign="bottom" if after > 0 else "top",
                )
    painter.setPen(grid)  # the category axis, over the bars' base
    if horizontal:
        painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()))
    else:
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))


def _category_label(
    text: _Text, category: str, plot: QRectF, area: QRectF, middle: float, slot: float, gap: float, horizontal: bool
) -> None:
    """Write a category's name, wrapped, left of its bars (bar chart) or under them (column chart)."""
    if horizontal:
        lines = text.wrap(category, plot.left() - area.left() - gap)
        top = middle - text.height() * len(lines) / 2
        for i, line in enumerate(lines):
            text.draw(line, plot.left() - gap, top + i * text.height(), align="right")
    else:
        for i, line in enumerate(text.wrap(category, slot - gap)):
            text.draw(line, middle, plot.bottom() + gap / 2 + i * text.height(), align="center")


def _column_plot_area(frame: ChartFrame, text: _Text, area: QRectF, gap: float) -> QRectF:
    """Reserve the category labels below and a data label's room above a full-height column."""
    width = area.width()
    slot = width / len(frame.categories)
    lines = max(len(text.wrap(c, slot - gap)) for c in frame.categories)
    bottom = area.bottom() - lines * text.height() - gap
    top = area.top() + text.height() + gap
    return QRectF(area.left(), top, width, max(bottom - top, 1.0))


def _bar_plot_area(frame: ChartFrame, text: _Text, area: QRectF, label_w: float, gap: float) -> QRectF:
    """Reserve category labels on the left and a data label's room on the right."""
    widest = max(text.width(c) for c in frame.categories)
    left = area.left() + min(widest, area.width() * 0.3) + gap
    right = area.right() - (label_w + gap)
    return QRectF(left, area.top(), max(right - left, 1.0), max(area.height(), 1.0))


def _pie(painter: QPainter, frame: ChartFrame, text: _Text, area: QRectF) -> None:
    values = [max(v, 0.0) for v in frame.series[0][1]]
    categories = frame.categories[: len(values)]
    swatch, gap = text.size(0.6), text.size(0.4)
    legend_w = swatch + gap + max(text.width(c) for c in categories)
    row = text.height() * 1.3
    y = area.center().y() - row * len(categories) / 2
    x = area.right() - legend_w
    for i, category in enumerate(categories):
        painter.fillRect(QRectF(x, y + (row - swatch) / 2, swatch, swatch), _color(frame, i))
        text.draw(category, x + swatch + gap, y + row / 2, valign="center")
        y += row
    plot = QRectF(area.left(), area.top(), area.width() - legend_w - gap * 2, area.height())
    labels = [format_value(v, frame.unit) for v in frame.series[0][1]]
    label_w = max(text.width(s, bold=True) for s in labels)
    radius = max(min(plot.width() / 2 - label_w - gap, plot.height() / 2 - text.height() - gap), 1.0)
    centre = plot.center()
    total = sum(values)
    if total <= 0:
        return
    painter.setPen(Qt.PenStyle.NoPen)
    angle = 90.0  # PowerPoint starts the first slice at twelve o'clock and goes clockwise
    circle = QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)
    for i, value in enumerate(values):
        sweep = -360.0 * value / total
        painter.setBrush(QBrush(_color(frame, i)))
        painter.drawPie(circle, round(angle * 16), round(sweep * 16))
        middle = math.radians(angle + sweep / 2)
        dx, dy = math.cos(middle), -math.sin(middle)
        anchor = QPointF(centre.x() + dx * (radius + gap), centre.y() + dy * (radius + gap))
        text.draw(
            labels[i],
            anchor.x(),
            anchor.y(),
            bold=True,
            align="left" if dx > 0.3 else "right" if dx < -0.3 else "center",
            valign="top" if dy > 0.3 else "bottom" if dy < -0.3 else "center",
        )
        angle += sweep
    painter.setBrush(Qt.BrushStyle.NoBrush)
