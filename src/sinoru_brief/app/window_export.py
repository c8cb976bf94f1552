"""One-click export for the main window: ask for a path once, write off the GUI thread, report the result."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar

from sinoru_brief.app import dialogs
from sinoru_brief.app.export_job import ExportJob
from sinoru_brief.app.window_files import slug

#: How long "Exported …" stays in the status bar; a change to the deck takes it away sooner.
EXPORT_MESSAGE_MS = 60_000


class ExportMixin:
    """Export actions and their status-bar widgets; mixed into :class:`~sinoru_brief.app.main_window.MainWindow`.

    ``export_path`` is where this document was exported last: Export writes
    there again without asking; New and Open forget it, and so does a failed
    export to it, so the next Export asks again rather than retrying a path
    that cannot be written.
    """

    def _make_export_status(self) -> None:
        self.export_path: Path | None = None
        self.export_job: ExportJob | None = None
        self.last_export: Path | None = None
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        # One message for the last export, with links to the file; replaced by the next export.
        self.export_message = QLabel(self)
        self.export_message.setAccessibleName("Export finished")
        self.export_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.export_message.linkActivated.connect(self._export_link)
        self.export_message.hide()
        self.statusBar().addWidget(self.export_message)
        # "Exported …" describes the deck as it was: a change makes it stale, and so, in time, does age.
        self.export_message_timer = QTimer(self)
        self.export_message_timer.setSingleShot(True)
        self.export_message_timer.setInterval(EXPORT_MESSAGE_MS)
        self.export_message_timer.timeout.connect(self.export_message.hide)
        self.controller.briefChanged.connect(self._hide_export_message)

    def _hide_export_message(self) -> None:
        self.export_message_timer.stop()
        self.export_message.hide()

    def forget_export_path(self) -> None:
        self.export_path = None

    def default_export_path(self) -> Path:
        brief = self.controller.brief
        name = f"{slug(brief.title)}-{brief.deck_date():%Y-%m-%d}.pptx"
        folder = self.controller.session.path.parent if self.controller.session.path else Path(self.documents())
        return folder / name

    def export(self) -> None:
        """Export to the path used before; ask for one the first time."""
        if self.export_path is None:
            self.export_as()
        else:
            self.start_export(self.export_path)

    def export_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export deck", str(self.export_path or self.default_export_path()), "PowerPoint (*.pptx)"
        )
        if path:
            if not path.lower().endswith(".pptx"):
                path += ".pptx"
            self.export_path = Path(path)
            self.start_export(self.export_path)

    def export_pdf(self) -> None:
        """Ask where to write a PDF read-ahead, one page per slide, and write it."""
        self._ask_pdf(handout=False)

    def export_handout(self) -> None:
        """Ask where to write a PDF handout, each slide above its notes and sources, and write it."""
        self._ask_pdf(handout=True)

    def _ask_pdf(self, handout: bool) -> None:
        # The one-click .pptx path is left as it was: a PDF is a copy sent out, not the document's export.
        suffix = "-handout.pdf" if handout else ".pdf"
        suggested = self.default_export_path().with_suffix("")
        suggested = suggested.with_name(suggested.name + suffix)
        caption = "Export PDF handout" if handout else "Export PDF"
        path, _ = QFileDialog.getSaveFileName(self, caption, str(suggested), "PDF (*.pdf)")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.start_export(Path(path), handout=handout)

    def _export_actions(self) -> list:
        return [self.export_action, self.export_button, *getattr(self, "pdf_actions", [])]

    def start_export(self, path: Path, handout: bool = False) -> None:
        if self.export_job is not None:
            return
        view = self.controller.view()
        problem = self.controller.session.layout_problem
        if problem:
            # The pages break a layout promise (the look leaves a slide no room): never write them.
            dialogs.show_error(self, "The deck cannot be exported", f"{problem}\n\nNothing was written.")
            return
        self.export_job = ExportJob(view, path, handout=handout)
        self.export_job.progress.connect(self._export_progress)
        self.export_job.finished.connect(self._export_done)
        self.export_job.failed.connect(self._export_failed)
        for action in self._export_actions():
            action.setEnabled(False)
        self.progress.setRange(0, len(view.pages))
        self.progress.setValue(0)
        self.progress.show()
        self._hide_export_message()
        self.statusBar().showMessage(f"Exporting to {path}…")
        self.export_job.start()

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish_export(self) -> None:
        job, self.export_job = self.export_job, None
        if job is not None:
            job.wait()
        self.progress.hide()
        has_deck = bool(self.controller.view().pages)
        for action in self._export_actions():
            action.setEnabled(has_deck)

    def _last_findings(self) -> list[str]:
        return list(getattr(self, "_export_findings", []))

    def _export_done(self, path: str) -> None:
        self._export_findings = getattr(self.export_job, "findings", [])
        self._finish_export()
        self.statusBar().clearMessage()
        self.last_export = Path(path)
        findings = self._last_findings()
        checked = (
            (
                f' — <span title="{html.escape(chr(10).join(findings))}">{len(findings)} accessibility '
                f"finding{'s' if len(findings) != 1 else ''}</span>"
            )
            if findings
            else ""
        )
        self.export_message.setText(
            f"Exported <b>{html.escape(self.last_export.name)}</b>{checked} — "
            f'<a href="open">Open</a> · <a href="folder">Show in folder</a>'
        )
        self.export_message.setToolTip(str(self.last_export) + ("\n\n" + "\n".join(findings) if findings else ""))
        self.export_message.show()
        self.export_message_timer.start()

    def _export_link(self, which: str) -> None:
        target = self.last_export if which == "open" else self.last_export.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _export_failed(self, error: BaseException) -> None:
        failed = self.export_job.path if self.export_job is not None else None
        self._finish_export()
        if failed is not None and failed == self.export_path:
            self.forget_export_path()  # Export (Ctrl+E) now asks where, instead of failing the same way again
        self.statusBar().showMessage("Export failed", 5000)
        dialogs.show_error(self, "Export failed", dialogs.describe(error))

    def wait_for_export(self) -> None:
        """Block until a running export finishes (tests and shutdown)."""
        if self.export_job is not None:
            self.export_job.wait()
