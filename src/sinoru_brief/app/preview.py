"""The preview: the selected slide, large and exactly as it exports, with its notes and sources below."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QTextBrowser, QWidget

from sinoru_brief.app.images import PageImageCache, PageSignature, page_signature
from sinoru_brief.compose.deck import Deck
from sinoru_brief.content.models import BRIEFER_LABEL
from sinoru_brief.layout.pages import Page

#: The tint behind the guidance for the briefer in the notes pane: a pale amber that reads as an aside.
BRIEFER_BACKGROUND = "#FFF3D6"


class SlidePreview(QWidget):
    """Draw one page scaled to fit the widget (zoom to fit), rendered at the widget's pixel size."""

    stepRequested = Signal(int)  # noqa: N815 - -1 previous, +1 next
    refused = Signal(str)  # why a key did nothing here, for the status bar

    def __init__(self, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.images = images
        self.page: Page | None = None
        self._signature: PageSignature | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Slide preview")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 135)
        images.imageReady.connect(self._image_ready)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(960, 540)

    def show_page(self, page: Page | None) -> None:
        self.page = page
        self._signature = page_signature(page) if page else None
        self.setAccessibleDescription(page.title if page else "")
        self.update()

    def target_rect(self) -> QRectF:
        """Return where the slide goes: as large as fits, centred, keeping its aspect."""
        if not self.page:
            return QRectF()
        ratio = self.page.height / self.page.width
        w = min(self.width() - 16, (self.height() - 16) / ratio)
        h = w * ratio
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def image_width(self, page: Page) -> int:
        """Return the width in device pixels at which *page* fills the widget."""
        ratio = page.height / page.width
        width = min(self.width() - 16, (self.height() - 16) / ratio)
        return max(1, round(width * self.devicePixelRatioF()))

    def prefetch(self, page: Page) -> None:
        """Render *page* at the preview's size in the background, so stepping to it shows it at once."""
        self.images.image(page, self.image_width(page))

    def current_image(self, render: bool = True) -> QImage | None:
        """Return the image for the current page at the widget's size (rendered now if *render*)."""
        if not self.page:
            return None
        width = self.image_width(self.page)
        image = self.images.image(self.page, width, self._signature)
        if image is None and render:
            image = self.images.render_now(self.page, width, self._signature)
        return image

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        if not self.page:
            painter.setPen(self.palette().text().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Tick topics in the library to build a deck.")
            return
        rect = self.target_rect()
        painter.fillRect(rect.adjusted(3, 3, 3, 3), QColor(0, 0, 0, 60))  # a soft shadow under the slide
        image = self.current_image()
        if image is None:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(rect, image)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space):
            self.stepRequested.emit(1)
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.stepRequested.emit(-1)
        elif event.key() == Qt.Key.Key_Delete:
            # Delete here would remove a slide the user may only be reading; say where removing happens.
            self.refused.emit(
                "Delete does not remove slides from the preview: press it in the deck strip or the "
                "slide sorter, or use Edit > Remove Slide."
            )
        else:
            super().keyPressEvent(event)

    def _image_ready(self, signature, width) -> None:
        if signature == self._signature:
            self.update()


class NotesView(QTextBrowser):
    """Show the slide's speaker notes and the full references it cites, with clickable URLs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.setAccessibleName("Speaker notes and sources")
        self.setPlaceholderText("Speaker notes and sources of the selected slide")

    def show_page(self, page: Page | None, deck: Deck | None) -> None:
        if not page or not deck:
            self.clear()
            return
        deck_slide = next((s for s in deck.slides if s.key == page.key), None)
        parts = [f"<p><b>{html.escape(page.title)}</b></p>"]
        if deck_slide and deck_slide.slide:
            notes = deck_slide.slide.notes
        elif deck_slide and deck_slide.kind == "title":
            notes = deck_slide.notes  # what the deck rests on: the article, its author and her affiliation
        else:
            notes = deck_slide.items[0] if deck_slide and deck_slide.items else ""
        for paragraph in notes.split("\n\n"):
            if paragraph.strip():
                parts.append(f"<p>{html.escape(paragraph)}</p>")
        guidance = deck_slide.slide.briefer.strip() if deck_slide and deck_slide.slide else ""
        if guidance:
            # Set apart from the notes read aloud, so the briefer never reads it out by mistake.
            parts.append(
                f'<table width="100%" cellpadding="6" bgcolor="{BRIEFER_BACKGROUND}"><tr><td>'
                f'<font color="#1A1A1A"><b>{html.escape(BRIEFER_LABEL.rstrip(":"))}</b><br/>'
                f"{html.escape(guidance)}</font></td></tr></table>"
            )
        if deck_slide and deck_slide.citations:
            # Numbered as the slide's markers and the exported notes number them ("[7]"), not 1, 2, 3: Qt's
            # rich text ignores <li value>, so each source is a table row with its number in a column of its own.
            parts.append('<p><b>Sources</b></p><table cellspacing="0" cellpadding="2">')
            for number in deck_slide.citations:
                ref = deck.reference(number)
                text = html.escape(ref.text)
                if ref.url:
                    escaped = html.escape(ref.url)
                    text = text.replace(escaped, f'<a href="{escaped}">{escaped}</a>')
                parts.append(f'<tr><td align="right" valign="top">[{number}]</td><td valign="top">{text}</td></tr>')
            parts.append("</table>")
        if deck_slide and deck_slide.as_of:
            parts.append(f"<p><i>Information as of {deck_slide.as_of:%d %B %Y}</i></p>")
        self.setHtml("".join(parts))
