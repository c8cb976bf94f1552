"""Export off the GUI thread: write the deck's pages to .pptx or PDF (read-ahead or handout), reporting progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from sinoru_brief.atomic import write_atomic
from sinoru_brief.pipeline import Build, render_pptx


class ExportJob(QObject):
    """Write one deck in a worker thread; emit progress, then finished or failed.

    It writes the pages the preview shows (the session's :class:`Build`),
    through the pipeline's own renderer, so the file is what the user saw.
    """

    progress = Signal(int, int)
    finished = Signal(str)  # the path written
    failed = Signal(object)  # the exception

    def __init__(self, view: Build, path: Path, *, handout: bool = False):
        super().__init__()
        self.view = view
        self.path = Path(path)
        self.handout = handout  # only for a .pdf: A4 pages, each the slide above its notes
        #: What the accessibility check found in the written .pptx (one line each), for the status bar.
        self.findings: list[str] = []
        # Not "thread": QObject.thread() is Qt's own, the thread an object lives in.
        self.worker = QThread()
        self.moveToThread(self.worker)
        self.worker.started.connect(self.run)

    def start(self) -> None:
        """Start writing, in the worker thread."""
        self.worker.start()

    def wait(self) -> None:
        """Block until the worker thread has finished (after finished or failed was emitted)."""
        self.worker.wait()

    def run(self) -> None:
        try:
            pdf = self.path.suffix.lower() == ".pdf"
            data = self._pdf() if pdf else self._pptx()
            if not pdf:
                # The same rules as 'sinoru-brief check' (the schemas are for the test suite), on the
                # bytes about to be written; what they find is shown with the export, never blocking it.
                self.findings = _accessibility_findings(data)
            write_atomic(self.path, data)
        except Exception as exc:  # noqa: BLE001 - every failure is shown to the user, none is lost
            self.failed.emit(exc)
        else:
            self.finished.emit(str(self.path))
        finally:
            self.worker.quit()

    def _pdf(self) -> bytes:
        from sinoru_brief.render.qt.pdf import pdf_bytes

        brief = self.view.deck.brief
        return pdf_bytes(
            self.view.pages,
            title=brief.title,
            author=brief.author,
            handout=self.handout,
            progress=lambda i, n: self.progress.emit(i, n),
        )

    def _pptx(self) -> bytes:
        # render_pptx imports python-pptx (most of a second) on first use: here, in this worker.
        return render_pptx(self.view, progress=lambda stage, i, n: self.progress.emit(i, n))


def _accessibility_findings(data: bytes) -> list[str]:
    """Return what the accessibility rules find in the .pptx *data*, one line each."""
    from sinoru_brief.check import check_bytes

    try:
        return [str(f) for f in check_bytes(data, schemas=False).findings]
    except Exception as exc:  # noqa: BLE001 - a check that cannot run must not stop the export
        return [f"the accessibility check could not run: {exc}"]
