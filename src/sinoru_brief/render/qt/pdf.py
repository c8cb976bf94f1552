"""Write laid-out pages as a PDF: the preview's own painter drawing on Qt's PDF device.

Two kinds of document come from the same :class:`Page` objects the preview and
the .pptx are drawn from:

- a read-ahead (:func:`pdf_bytes`): one PDF page per slide, at the slide's size;
- a handout (``handout=True``): A4 portrait pages, each the slide above its
  speaker notes (which carry the slide's full references), the notes running
  on to further pages when they are long.

Text stays text: the shipped fonts are embedded (subset, with a ToUnicode map,
see :func:`sinoru_brief.render.qt.fonts.embedding_fonts`), so it is
selectable and searchable. Links on slides, and the web addresses in a
handout's notes and references, are clickable
(:mod:`sinoru_brief.render.qt.pdf_links`, :mod:`sinoru_brief.render.qt.pdf_notes_links`).
The document's title and author are set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from sinoru_brief.atomic import write_atomic
from sinoru_brief.errors import ExportError, Problem
from sinoru_brief.layout.fonts import east_asian_file, font_file
from sinoru_brief.layout.pages import Page
from sinoru_brief.render.qt.fonts import embedding_fonts
from sinoru_brief.render.qt.images import ensure_app
from sinoru_brief.render.qt.painter import paint_page
from sinoru_brief.render.qt.pdf_links import Link, UnexpectedPdf, add_links, page_links
from sinoru_brief.render.qt.pdf_notes_links import notes_links
from sinoru_brief.units import POINTS_PER_INCH, emu_to_pt

#: Device units are points.
RESOLUTION = POINTS_PER_INCH
#: Slides are painted this many times smaller and scaled up again by the painter, so that every
#: font's pixel size stays below the size above which the painter fills glyph outlines instead
#: of drawing text (a 200 pt title is drawn as 50 px text, scaled 4 times, still text).
TEXT_SCALE = 4.0
#: Handout pages: A4 portrait, with this margin and this gap between slide and notes (points).
HANDOUT_MARGIN = 42.0
HANDOUT_GAP = 18.0
NOTES_SIZE = 10.5  # points
FOOTER_SIZE = 8.0
NOTES_FONT = "Calibri"  # measured and drawn with Carlito, as everywhere
CREATOR = "sinoru-brief"
CLIP_EPSILON = 0.01  # points

Progress = Callable[[int, int], None]


def pdf_bytes(
    pages: Sequence[Page], *, title: str = "", author: str = "", handout: bool = False, progress: Progress | None = None
) -> bytes:
    """Return *pages* as a PDF: one page per slide, or handout pages when *handout* is true.

    *progress* is called with (slides done, slides in all) after each slide.
    """
    if not pages:
        raise ExportError(Problem(None, "the deck has no slides to write", hint="choose at least one topic"))
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator(CREATOR)
    first = _handout_layout() if handout else _slide_layout(pages[0])
    writer.setPageLayout(first)
    painter = QPainter()
    with embedding_fonts():
        if not painter.begin(writer):
            raise ExportError(
                Problem(
                    None,
                    "Qt could not start writing the PDF",
                    hint="try again; if it persists, export to .pptx and print from there",
                )
            )
        try:
            if handout:
                links = _HandoutWriter(writer, painter, title).write(pages, progress)
            else:
                links = _write_slides(writer, painter, pages, progress)
        finally:
            painter.end()
    buffer.close()
    pdf = bytes(data.data())
    try:
        return add_links(pdf, links)
    except UnexpectedPdf:
        # A Qt version that lays its PDF out differently: the document is right, only not clickable.
        return pdf


def write_pdf(
    pages: Sequence[Page],
    out: Path,
    *,
    title: str = "",
    author: str = "",
    handout: bool = False,
    progress: Progress | None = None,
) -> None:
    """Write *pages* to *out* as a PDF (see :func:`pdf_bytes`), atomically."""
    write_atomic(Path(out), pdf_bytes(pages, title=title, author=author, handout=handout, progress=progress))


def _slide_layout(page: Page) -> QPageLayout:
    size = QPageSize(
        QSizeF(emu_to_pt(page.width), emu_to_pt(page.height)),
        QPageSize.Unit.Point,
        "Slide",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _handout_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _paint_slide(painter: QPainter, page: Page, left: float, top: float, width_pt: float) -> None:
    """Paint *page* with its top-left corner at (*left*, *top*) points, *width_pt* points wide."""
    painter.save()
    painter.translate(left, top)
    painter.scale(TEXT_SCALE, TEXT_SCALE)
    paint_page(painter, page, width_pt / page.width / TEXT_SCALE)
    painter.restore()


def _write_slides(
    writer: QPdfWriter, painter: QPainter, pages: Sequence[Page], progress: Progress | None
) -> list[list[Link]]:
    """Paint one PDF page per slide; return each page's links."""
    links = []
    for index, page in enumerate(pages):
        if index:
            # A deck has one slide size, but a page of its own size per slide costs nothing.
            writer.setPageLayout(_slide_layout(page))
            writer.newPage()
        width_pt = emu_to_pt(page.width)
        _paint_slide(painter, page, 0.0, 0.0, width_pt)
        links.append(page_links(page, 0.0, 0.0, width_pt))
        if progress:
            progress(index + 1, len(pages))
    return links


def _registered_family(path: Path) -> str:
    """Return the family name of the font file *path*, registered with Qt's font database."""
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise ExportError(Problem(path, "Qt cannot read this font file", hint="reinstall sinoru-brief"))
    return families[0]


class _HandoutWriter:
    """Lay out handout pages: the slide at the top, its notes below, continued when they are long."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, title: str) -> None:
        self.writer = writer
        self.painter = painter
        self.title = title
        rect = writer.pageLayout().fullRect(QPageLayout.Unit.Point)
        self.width, self.height = rect.width(), rect.height()
        self.text_width = self.width - 2 * HANDOUT_MARGIN
        self.bottom = self.height - HANDOUT_MARGIN
        self.font = QFont()
        self.font.setFamilies([_registered_family(font_file(NOTES_FONT)), _registered_family(east_asian_file())])
        self.font.setPointSizeF(NOTES_SIZE)
        for feature in ("liga", "clig"):
            # Qt's PDF engine maps a ligature glyph to no text: "quotation" would search as "quota on".
            self.font.setFeature(QFont.Tag(feature), 0)
        self.pages_written = 0
        self.links: list[list[Link]] = []

    def write(self, pages: Sequence[Page], progress: Progress | None) -> list[list[Link]]:
        """Write the handout pages; return each PDF page's links."""
        for index, page in enumerate(pages):
            self._new_page()
            slide_height = self.text_width * page.height / page.width
            _paint_slide(self.painter, page, HANDOUT_MARGIN, HANDOUT_MARGIN, self.text_width)
            self.links[-1] = page_links(page, HANDOUT_MARGIN, HANDOUT_MARGIN, self.text_width)
            self._frame(QRectF(HANDOUT_MARGIN, HANDOUT_MARGIN, self.text_width, slide_height))
            self._notes(page, HANDOUT_MARGIN + slide_height + HANDOUT_GAP, index + 1)
            if progress:
                progress(index + 1, len(pages))
        return self.links

    def _new_page(self) -> None:
        if self.pages_written:
            self.writer.newPage()
        self.pages_written += 1
        self.links.append([])
        self._footer()

    def _frame(self, rect: QRectF) -> None:
        """Outline the slide, so a white slide on white paper still shows its edge."""
        pen = QPen(QColor(160, 160, 160), 0.5)
        self.painter.setPen(pen)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(rect)

    def _footer(self) -> None:
        font = QFont(self.font)
        font.setPointSizeF(FOOTER_SIZE)
        self.painter.setFont(font)
        self.painter.setPen(QColor(90, 90, 90))
        text = f"{self.title} · page {self.pages_written}" if self.title else f"Page {self.pages_written}"
        self.painter.drawText(
            QRectF(HANDOUT_MARGIN, self.bottom + 6, self.text_width, FOOTER_SIZE * 2),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            text,
        )

    def _document(self, page: Page, number: int) -> QTextDocument:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(self.writer)  # lay out in points, as the page is
        document.setDefaultFont(self.font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long URLs in references
        document.setDefaultTextOption(option)
        document.setDocumentMargin(0)
        notes = page.notes.strip() or "(This slide has no speaker notes.)"
        document.setPlainText(f"Slide {number}. {page.title}\n\n{notes}" if page.title else notes)
        document.setTextWidth(self.text_width)
        return document

    def _notes(self, page: Page, top: float, number: int) -> None:
        """Draw the notes from *top* down, starting a new page at a line boundary whenever they reach the foot."""
        document = self._document(page, number)
        breaks = _line_bottoms(document)
        start = 0.0
        while True:
            room = self.bottom - top
            fits = [b for b in breaks if start < b <= start + room]
            end = fits[-1] if fits else start + room  # a line taller than a page is cut, never lost
            self.painter.save()
            self.painter.translate(HANDOUT_MARGIN, top - start)
            # Qt draws every line that touches the clip, and a PDF keeps clipped text: shrink the clip a
            # hair so the lines either side of a break are drawn (and searchable) on one page only.
            document.drawContents(
                self.painter, QRectF(0, start + CLIP_EPSILON, self.text_width, end - start - 2 * CLIP_EPSILON)
            )
            self.painter.restore()
            self.links[-1].extend(notes_links(document, start, end, HANDOUT_MARGIN, top))
            if not breaks or end >= breaks[-1]:
                return
            start = end
            self._new_page()
            top = HANDOUT_MARGIN


def _line_bottoms(document: QTextDocument) -> list[float]:
    """Return the y of the bottom of every laid-out line of *document*, in order."""
    layout = document.documentLayout()
    bottoms: list[float] = []
    block = document.begin()
    while block.isValid():
        block_top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for i in range(text_layout.lineCount()):
            line = text_layout.lineAt(i)
            bottoms.append(block_top + line.y() + line.height())
        block = block.next()
    return bottoms
