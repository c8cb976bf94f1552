"""Render slide images off the GUI thread and keep them, so thumbnails and previews appear at once."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from sinoru_brief.layout.pages import Page
from sinoru_brief.render.qt.painter import render_page

#: A hashable value that changes whenever anything drawn on a page changes.
PageSignature = tuple[object, ...]
#: A cached image: the page's signature and the width it was drawn at.
_Key = tuple[PageSignature, int]


def page_signature(page: Page) -> PageSignature:
    """Return a hashable value that changes whenever anything drawn on *page* changes."""
    return (page.width, page.height, page.background, page.number, page.boxes)


class _Signals(QObject):
    done = Signal(object, int, QImage)  # signature, width, image


class _RenderTask(QRunnable):
    def __init__(self, page: Page, signature: PageSignature, width: int, signals: _Signals):
        super().__init__()
        self.page, self.signature, self.width, self.signals = page, signature, width, signals

    def run(self) -> None:
        image = render_page(self.page, self.width)
        self.signals.done.emit(self.signature, self.width, image)


class PageImageCache(QObject):
    """Images of pages by (content, width); renders missing ones in a thread pool.

    ``image()`` returns a cached image or None and queues a render;
    ``imageReady`` fires when it arrives. ``render_now()`` renders on the
    calling thread for the selected slide, when waiting would be slower.
    """

    imageReady = Signal(object, int)  # noqa: N815 - signature, width

    def __init__(self, parent: QObject | None = None, max_images: int = 600):
        super().__init__(parent)
        self._images: OrderedDict[_Key, QImage] = OrderedDict()
        self._pending: set[_Key] = set()
        self._signals = _Signals()
        self._signals.done.connect(self._store)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, QThreadPool.globalInstance().maxThreadCount() - 1))
        self.max_images = max_images

    def image(self, page: Page, width: int, signature: PageSignature | None = None) -> QImage | None:
        signature = signature or page_signature(page)
        key = (signature, width)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        if key not in self._pending:
            self._pending.add(key)
            self.pool.start(_RenderTask(page, signature, width, self._signals))
        return None

    def render_now(self, page: Page, width: int, signature: PageSignature | None = None) -> QImage:
        signature = signature or page_signature(page)
        key = (signature, width)
        if key not in self._images:
            self._put(key, render_page(page, width))
        return self._images[key]

    def _store(self, signature: PageSignature, width: int, image: QImage) -> None:
        key = (signature, width)
        self._pending.discard(key)
        self._put(key, image)
        self.imageReady.emit(signature, width)

    def _put(self, key: _Key, image: QImage) -> None:
        self._images[key] = image
        self._images.move_to_end(key)
        while len(self._images) > self.max_images:
            self._images.popitem(last=False)

    def clear(self) -> None:
        """Forget every image (renders already queued still arrive)."""
        self._images.clear()

    def __contains__(self, key: _Key) -> bool:
        """Whether the image for (signature, width) is ready."""
        return key in self._images

    def wait(self) -> None:
        """Block until queued renders finish (for tests and shutdown)."""
        self.pool.waitForDone()
