"""The main window's one-click export: ask for a path once, write off the GUI thread, report the result."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from sinoru_brief.app import dialogs
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.export_job import ExportJob
from sinoru_brief.app.window_actions import make_action
from sinoru_brief.app.window_files import documents, slug

#: How long "Exported …" stays in the status bar; a change to the deck takes it away sooner.
EXPORT_MESSAGE_MS = 60_000


class DeckExporter(QObject):
    """Own the export actions, the toolbar's export button and the export's status-bar widgets.

    ``export_path`` is where this document was exported last: Export writes
    there again without asking; :meth:`forget_export_path` (New, Open) forgets
    it, and so does a failed export to it, so the next Export asks again
    rather than retrying a path that cannot be written.
    """

    def __init__(self, controller: DeckController, parent: QWidget, status_bar: QStatusBar):
        super().__init__(parent)
        self.controller = controller
        self.parent_widget = parent
        self.status_bar = status_bar
        self.export_path: Path | None = None
        self.export_job: ExportJob | None = None
        self.last_export: Path | None = None
        self.findings: list[str] = []  # the accessibility check's findings on the last export
        self.export_action = make_action(parent, "&Export", self.export, "Ctrl+E", "Export the deck to PowerPoint")
        self.export_as_action = make_action(parent, "Export &As…", self.export_as, "Ctrl+Shift+E")
        self.export_pdf_action = make_action(
            parent,
            "Export &PDF…",
            self.export_pdf,
            "Ctrl+Alt+P",
            "Export the deck as a PDF read-ahead, one page per slide",
        )
        self.export_handout_action = make_action(
            parent,
            "Export PDF &Handout…",
            self.export_handout,
            "Ctrl+Alt+H",
            "Export a PDF handout: each slide above its notes and sources",
        )
        self.pdf_actions = [self.export_pdf_action, self.export_handout_action]
        self.export_button = QPushButton("Export to PowerPoint", parent)
        self.export_button.setAccessibleName("Export to PowerPoint")
        self.export_button.setToolTip("Export the deck (Ctrl+E)")
        self.export_button.clicked.connect(self.export)
        self._make_status_widgets()
        controller.briefChanged.connect(self._deck_changed)
        # The message describes the deck as it was exported: it goes with the edit, not when the new deck arrives.
        controller.briefEdited.connect(self._hide_export_message)
        self._deck_changed()

    def _make_status_widgets(self) -> None:
        self.progress = QProgressBar(self.parent_widget)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Export progress")
        self.progress.hide()
        self.status_bar.addPermanentWidget(self.progress)
        # One message for the last export, with links to the file; replaced by the next export.
        self.export_message = QLabel(self.parent_widget)
        self.export_message.setAccessibleName("Export finished")
        self.export_message.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.export_message.linkActivated.connect(self._export_link)
        self.export_message.hide()
        self.status_bar.addWidget(self.export_message)
        # "Exported …" describes the deck as it was: a change makes it stale, and so, in time, does age.
        self.export_message_timer = QTimer(self)
        self.export_message_timer.setSingleShot(True)
        self.export_message_timer.setInterval(EXPORT_MESSAGE_MS)
        self.export_message_timer.timeout.connect(self.export_message.hide)

    def _deck_changed(self) -> None:
        self._hide_export_message()
        has_deck = bool(self.controller.view().pages)
        for action in [*self._busy_actions(), self.export_as_action]:
            action.setEnabled(has_deck)

    def _hide_export_message(self) -> None:
        self.export_message_timer.stop()
        self.export_message.hide()

    def forget_export_path(self) -> None:
        """Forget where the deck was exported: the next Export asks again."""
        self.export_path = None

    def default_export_path(self) -> Path:
        """Return where a first export is suggested: beside the brief (or in Documents), named by title and date."""
        brief = self.controller.brief
        name = f"{slug(brief.title)}-{brief.deck_date():%Y-%m-%d}.pptx"
        path = self.controller.session.path
        return (path.parent if path else Path(documents())) / name

    def export(self) -> None:
        """Export to the path used before; ask for one the first time."""
        if self.export_path is None:
            self.export_as()
        else:
            self.start_export(self.export_path)

    def export_as(self) -> None:
        """Ask where to export the deck as a .pptx, and export it there; Export then writes there again."""
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            "Export deck",
            str(self.export_path or self.default_export_path()),
            "PowerPoint (*.pptx)",
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
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, caption, str(suggested), "PDF (*.pdf)")
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.start_export(Path(path), handout=handout)

    def _busy_actions(self) -> list[QAction | QPushButton]:
        """Return what is disabled while an export runs (Export As stays: it only asks, then waits its turn)."""
        return [self.export_action, self.export_button, *self.pdf_actions]

    def start_export(self, path: Path, handout: bool = False) -> None:
        """Write the deck to *path* off the GUI thread (a PDF handout if *handout*); nothing if one is running."""
        if self.export_job is not None:
            return
        view = self.controller.view()
        problem = self.controller.session.layout_problem
        if problem:
            # The pages break a layout promise (the look leaves a slide no room): never write them.
            dialogs.show_error(self.parent_widget, "The deck cannot be exported", f"{problem}\n\nNothing was written.")
            return
        job = self.export_job = ExportJob(view, path, handout=handout)
        job.progress.connect(self._export_progress)
        job.finished.connect(self._export_done)
        job.failed.connect(self._export_failed)
        for action in self._busy_actions():
            action.setEnabled(False)
        self.progress.setRange(0, len(view.pages))
        self.progress.setValue(0)
        self.progress.show()
        self._hide_export_message()
        self.status_bar.showMessage(f"Exporting to {path}…")
        job.start()

    def _export_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _finish_export(self) -> None:
        job, self.export_job = self.export_job, None
        if job is not None:
            job.wait()
        self.progress.hide()
        has_deck = bool(self.controller.view().pages)
        for action in self._busy_actions():
            action.setEnabled(has_deck)

    def _export_done(self, path: str) -> None:
        self.findings = list(self.export_job.findings) if self.export_job is not None else []
        self._finish_export()
        self.status_bar.clearMessage()
        exported = self.last_export = Path(path)
        findings = self.findings
        checked = (
            (
                f' — <span title="{html.escape(chr(10).join(findings))}">{len(findings)} accessibility '
                f"finding{'s' if len(findings) != 1 else ''}</span>"
            )
            if findings
            else ""
        )
        self.export_message.setText(
            f"Exported <b>{html.escape(exported.name)}</b>{checked} — "
            f'<a href="open">Open</a> · <a href="folder">Show in folder</a>'
        )
        self.export_message.setToolTip(str(exported) + ("\n\n" + "\n".join(findings) if findings else ""))
        self.export_message.show()
        self.export_message_timer.start()

    def _export_link(self, which: str) -> None:
        if self.last_export is None:
            return  # the message is shown only after an export, so there always is one
        target = self.last_export if which == "open" else self.last_export.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _export_failed(self, error: BaseException) -> None:
        failed = self.export_job.path if self.export_job is not None else None
        self._finish_export()
        if failed is not None and failed == self.export_path:
            self.forget_export_path()  # Export (Ctrl+E) now asks where, instead of failing the same way again
        self.status_bar.showMessage("Export failed", 5000)
        dialogs.show_error(self.parent_widget, "Export failed", dialogs.describe(error))

    def wait_for_export(self) -> None:
        """Block until a running export finishes (tests and shutdown)."""
        if self.export_job is not None:
            self.export_job.wait()
