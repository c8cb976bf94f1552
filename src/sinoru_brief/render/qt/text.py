"""Draw laid-out paragraphs: the lines layout broke, placed as PowerPoint and LibreOffice place them.

Nothing is re-wrapped: each :class:`Line` is drawn as it is, span by span.

Vertically, every line is ``line_height`` points tall (the .pptx writes exact
line spacing) and its baseline sits 0.2 em of the line's largest font above
the line's bottom: ``baseline = line top + line_height - 0.2 * size``. That is
what LibreOffice does with exact spacing for any font (it then gives every font
an ascent of 1 em and a descent of 0.2 em, as PowerPoint does): measured in its
PDF export for Calibri, Arial and Times New Roman at 20 pt with line heights from
14 to 40 pt, the baseline was ``line_height - 4.0`` pt every time. At the
usual 1.15 spacing that is 83 % of the way down the line. The block of lines is
anchored top, middle or bottom inside the frame less its insets; the first
paragraph's space before is not counted, as in layout.

Horizontally, a paragraph's first line starts at ``bullet_indent`` (a hanging
indent, as ``a:pPr indent`` makes it), its other lines at ``indent``; a bullet
sits at ``bullet_indent`` and then the first line starts at ``indent`` too.
Centred and right-aligned lines are placed by their drawn width, which is
layout's ``Line.width`` except that superscripts are drawn smaller than
layout measured them, as both clients draw them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QGlyphRun, QPainter, QPainterPath, QRawFont

from sinoru_brief.layout.pages import Line, Paragraph, Span
from sinoru_brief.render.qt.fonts import font_runs, glyphs, latin_path, raw_font, text_width_em
from sinoru_brief.units import per_emu_to_per_pt

#: A line's baseline sits this many ems of its largest font above the line's bottom.
DESCENT = 0.2
#: Superscripts (``baseline="30000"``) are raised 30 % of the font size and drawn
#: at 58 % of it, LibreOffice's default proportion for an imported superscript.
SUPERSCRIPT_RISE = 0.30
SUPERSCRIPT_SIZE = 0.58
#: Character bullets are written with ``buFont`` Arial; numbers with the theme's
#: major font, which is Calibri in the writer's default theme.
BULLET_FONT = "Arial"
NUMBER_FONT = "Calibri"
#: Larger glyphs are drawn as outlines: Qt's raster engine caches glyphs up to
#: 64 px and, in Qt 6.12, silently draws nothing for a larger raw-font glyph run.
LARGEST_CACHED_GLYPH = 60.0


@lru_cache(maxsize=256)
def qcolor(hex_rgb: str) -> QColor:
    """Return the colour for an ``RRGGBB`` string (black if empty)."""
    return QColor(f"#{hex_rgb}") if hex_rgb else QColor(0, 0, 0)


@dataclass(frozen=True)
class Scale:
    """Pixels per EMU, and the derived pixels per point."""

    px_per_emu: float

    @property
    def px_per_pt(self) -> float:
        return per_emu_to_per_pt(self.px_per_emu)

    def px(self, emu: float) -> float:
        return emu * self.px_per_emu


def draw_string(
    painter: QPainter, x: float, baseline: float, text: str, latin: Path, size_px: float, color: QColor
) -> float:
    """Draw *text* with its left end at (*x*, *baseline*); return its advance in pixels."""
    start = x
    painter.setPen(color)
    for path, piece in font_runs(text, latin):
        shaped = glyphs(path, piece)
        positions, pen = [], 0.0
        for advance in shaped.advances:
            positions.append(QPointF(pen, 0.0))
            pen += advance * size_px
        if piece.strip():
            _draw_glyphs(painter, raw_font(path, size_px), shaped.indexes, positions, QPointF(x, baseline), color)
        x += pen
    return x - start


def _draw_glyphs(
    painter: QPainter,
    font: QRawFont,
    indexes: tuple[int, ...],
    positions: list[QPointF],
    origin: QPointF,
    color: QColor,
) -> None:
    if font.pixelSize() <= LARGEST_CACHED_GLYPH:
        run = QGlyphRun()
        run.setRawFont(font)
        run.setGlyphIndexes(list(indexes))
        run.setPositions(positions)
        painter.drawGlyphRun(origin, run)
        return
    # Qt 6.12 draws nothing for a raw-font glyph run above its 64 px glyph cache: fill the outlines.
    outline = QPainterPath()
    for index, position in zip(indexes, positions, strict=True):
        glyph = font.pathForGlyph(index)
        glyph.translate(origin + position)
        outline.addPath(glyph)
    painter.fillPath(outline, color)


def span_font(span: Span) -> Path:
    return latin_path(span.font, span.bold, span.italic)


def span_size(span: Span) -> float:
    """Return the size in points *span* is drawn at (superscripts are smaller)."""
    return span.size * SUPERSCRIPT_SIZE if span.superscript else span.size


def line_width(line: Line) -> float:
    """Return the drawn width of *line* in points, trailing spaces excluded."""
    spans = list(line.spans)
    while spans and not spans[-1].text.rstrip(" "):
        spans.pop()
    if not spans:
        return 0.0
    last = spans[-1]
    spans[-1] = replace(last, text=last.text.rstrip(" "))
    return sum(text_width_em(s.text, span_font(s)) * span_size(s) for s in spans)


def line_descent(line: Line, para: Paragraph) -> float:
    """Return how far in points the baseline of *line* sits above the line's bottom."""
    sizes = [s.size for s in line.spans if s.text and not s.superscript] or [s.size for s in para.spans[:1]]
    return DESCENT * max(sizes, default=0.0)


def block_height(paragraphs: tuple[Paragraph, ...]) -> float:
    """Return the height in points of *paragraphs*, without the first one's space before."""
    if not paragraphs:
        return 0.0
    return sum(p.height for p in paragraphs) - paragraphs[0].space_before


@dataclass(frozen=True)
class PlacedLine:
    """Where one line is drawn, in pixels: its left end, its top and bottom, and its baseline."""

    para: Paragraph
    number: int  # the line's index in its paragraph
    line: Line
    start: float
    top: float
    bottom: float
    baseline: float


def place_lines(
    paragraphs: tuple[Paragraph, ...], left: float, top: float, right: float, bottom: float, anchor: str, scale: Scale
) -> Iterator[PlacedLine]:
    """Yield where each line of *paragraphs* goes in the pixel rectangle (*left*, *top*)–(*right*, *bottom*)."""
    if not paragraphs:
        return
    ppt = scale.px_per_pt
    room = bottom - top
    block = block_height(paragraphs) * ppt
    y = top + {"top": 0.0, "middle": (room - block) / 2, "bottom": room - block}[anchor]
    for index, para in enumerate(paragraphs):
        if index:
            y += para.space_before * ppt
        for number, line in enumerate(para.lines):
            baseline = y + (para.line_height - line_descent(line, para)) * ppt
            first = number == 0
            start = left + scale.px(para.bullet_indent if first and not para.bullet else para.indent)
            width = line_width(line) * ppt
            if para.align == "center":
                start += (right - start - width) / 2
            elif para.align == "right":
                start = right - width
            yield PlacedLine(para, number, line, start, y, y + para.line_height * ppt, baseline)
            y += para.line_height * ppt


def draw_paragraphs(
    painter: QPainter,
    paragraphs: tuple[Paragraph, ...],
    left: float,
    top: float,
    right: float,
    bottom: float,
    anchor: str,
    scale: Scale,
) -> None:
    """Draw *paragraphs* in the pixel rectangle (*left*, *top*)–(*right*, *bottom*), anchored as given."""
    ppt = scale.px_per_pt
    for placed in place_lines(paragraphs, left, top, right, bottom, anchor, scale):
        if placed.number == 0 and placed.para.bullet:
            _draw_bullet(painter, placed.para, left + scale.px(placed.para.bullet_indent), placed.baseline, ppt)
        draw_line(painter, placed.line, placed.start, placed.baseline, ppt)


def draw_line(painter: QPainter, line: Line, x: float, baseline: float, px_per_pt: float) -> None:
    """Draw one line's spans from *x* along *baseline*."""
    for span in line.spans:
        if not span.text:
            continue
        rise = span.size * SUPERSCRIPT_RISE * px_per_pt if span.superscript else 0.0
        x += draw_string(
            painter, x, baseline - rise, span.text, span_font(span), span_size(span) * px_per_pt, qcolor(span.color)
        )


def _draw_bullet(painter: QPainter, para: Paragraph, x: float, baseline: float, px_per_pt: float) -> None:
    lead = para.spans[0] if para.spans else None
    size = (lead.size if lead else para.line_height) * px_per_pt
    numbered = para.bullet[:-1].isdigit() and para.bullet.endswith(".")
    font = latin_path(NUMBER_FONT if numbered else BULLET_FONT)
    color = qcolor(para.bullet_color or (lead.color if lead else ""))
    draw_string(painter, x, baseline, para.bullet, font, size, color)
