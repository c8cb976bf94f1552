"""Pages: the laid-out deck, as positioned boxes in EMU with text already broken into lines.

Both renderers (PowerPoint and the Qt preview) draw exactly these pages, so
what the preview shows is what the .pptx holds. Everything here is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sinoru_brief.geometry import Rect
from sinoru_brief.units import Emu, Pt


@dataclass(frozen=True)
class Span:
    """A run of text in one style. ``size`` is in points."""

    text: str
    size: Pt
    font: str
    color: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    link: str = ""


@dataclass(frozen=True)
class Line:
    """One line of a paragraph as layout broke it: its spans and measured width in points."""

    spans: tuple[Span, ...]
    width: Pt


@dataclass(frozen=True)
class Paragraph:
    """A paragraph with its bullet, indents and spacing, and the lines layout broke it into.

    ``indent`` is where text lines start and ``bullet_indent`` where the
    bullet sits, both in EMU from the frame's inner left edge.
    """

    spans: tuple[Span, ...]
    lines: tuple[Line, ...]
    line_height: Pt  # exact (written as exact line spacing)
    space_before: Pt = Pt(0.0)
    align: str = "left"  # left, center, right
    level: int = 0
    bullet: str = ""  # the bullet character, or "" for none
    bullet_color: str = ""
    indent: Emu = Emu(0)
    bullet_indent: Emu = Emu(0)

    @property
    def height(self) -> Pt:
        """Height in points, including the space before."""
        return Pt(self.space_before + self.line_height * len(self.lines))

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class Box(Rect):
    """A rectangle on the page, in EMU from the slide's top-left corner, with the name the writers give its shape."""

    name: str = ""


@dataclass(frozen=True)
class Insets:
    """The space between a frame's edges and its text, in EMU."""

    left: Emu = Emu(0)
    top: Emu = Emu(0)
    right: Emu = Emu(0)
    bottom: Emu = Emu(0)

    def inner_width(self, width: Emu) -> Emu:
        """Return the width inside these insets of a frame *width* wide."""
        return Emu(width - self.left - self.right)

    def inner_height(self, height: Emu) -> Emu:
        """Return the height inside these insets of a frame *height* tall."""
        return Emu(height - self.top - self.bottom)

    def outer_height(self, height: Emu) -> Emu:
        """Return the height of a frame whose text, inside these insets, is *height* tall."""
        return Emu(height + self.top + self.bottom)


@dataclass(frozen=True)
class TextFrame(Box):
    """A text box: paragraphs laid out inside the frame less its insets."""

    paragraphs: tuple[Paragraph, ...] = ()
    insets: Insets = field(default_factory=Insets)
    anchor: str = "top"  # top, middle, bottom
    fill: str = ""
    role: str = "body"  # title, body, source, footer, number, label, ...

    def text_height(self) -> Pt:
        """Height of all paragraphs in points."""
        return Pt(sum(p.height for p in self.paragraphs) - (self.paragraphs[0].space_before if self.paragraphs else 0))

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Shape(Box):
    """A plain shape: rectangle, ellipse or straight line (from top-left to bottom-right)."""

    geometry: str = "rect"  # rect, ellipse, line
    fill: str = ""
    stroke: str = ""
    stroke_width: Pt = Pt(0.0)


@dataclass(frozen=True)
class ChartFrame(Box):
    """A native chart: its data and the colours and fonts to draw it in."""

    chart_type: str = "bar"
    categories: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple[float, ...]], ...] = ()
    unit: str = "number"
    value_axis_title: str = ""
    colors: tuple[str, ...] = ()
    text_color: str = "000000"
    grid_color: str = "CCCCCC"
    font: str = "Calibri"
    font_size: Pt = Pt(14.0)
    alt_text: str = ""


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]
    fill: str = ""


@dataclass(frozen=True)
class TableFrame(Box):
    """A native table: column widths and rows heights in EMU, each cell's laid-out text."""

    column_widths: tuple[Emu, ...] = ()
    row_heights: tuple[Emu, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()
    header_rows: int = 1
    cell_insets: Insets = field(default_factory=Insets)
    border_color: str = ""
    alt_text: str = ""  # what the table shows, for screen readers


@dataclass(frozen=True)
class Picture(Box):
    """An image file placed on the page (a logo)."""

    path: str = ""


@dataclass(frozen=True)
class BoxGroup:
    """Consecutive boxes of a page that draw one graphic (a timeline), described as a whole.

    The .pptx holds them as one group shape carrying *alt_text*, so a screen
    reader announces the graphic once, in its place in the reading order,
    instead of each line, dot and label in turn. ``start`` and ``stop`` index
    the page's boxes as a slice does.
    """

    start: int
    stop: int
    name: str = ""
    alt_text: str = ""


@dataclass(frozen=True)
class Page:
    """One slide as laid out: size, background, boxes, speaker notes; never changed once made.

    Layout fills a :class:`PageDraft` and freezes it; the cache of laid-out
    slides, the preview and the writers all share the same pages safely.
    """

    width: Emu
    height: Emu
    kind: str
    key: str
    title: str
    background: str
    boxes: tuple[Box, ...] = ()
    notes: str = ""
    number: int | None = None  # the slide number shown, None on the title slide
    continued: int = 0  # 0 for the first page of a slide, 1.. for "(cont.)" pages
    groups: tuple[BoxGroup, ...] = ()  # runs of boxes that are one graphic, in order, not overlapping

    def text_frames(self) -> list[TextFrame]:
        return [b for b in self.boxes if isinstance(b, TextFrame)]

    def draft(self) -> PageDraft:
        """Return a draft of this page to add to (layout adds the chrome to a cached slide's pages)."""
        # Field by field under the same names: a field added to both classes is carried without a change here.
        return PageDraft(**{**vars(self), "boxes": list(self.boxes)})


@dataclass
class PageDraft:
    """A page while layout fills it, box by box: the fields of :class:`Page`, its boxes a list."""

    width: Emu
    height: Emu
    kind: str
    key: str
    title: str
    background: str
    boxes: list[Box] = field(default_factory=list)
    notes: str = ""
    number: int | None = None
    continued: int = 0
    groups: tuple[BoxGroup, ...] = ()

    def text_frames(self) -> list[TextFrame]:
        return [b for b in self.boxes if isinstance(b, TextFrame)]

    def freeze(self) -> Page:
        """Return the finished page."""
        return Page(**{**vars(self), "boxes": tuple(self.boxes)})
