"""A dialog to write a slide of one's own, or a slide's bullets and notes for this deck, citing library sources.

Bullets are typed as an outline, one per line; an indented line is a
sub-bullet, and source ids in square brackets at a line's end are its
citations. The source search puts the chosen id at the end of the line the
cursor is on. The dialog only binds widgets to :mod:`sinoru_brief.brief.edits`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.brief.edits import format_outline, parse_outline, search_sources
from sinoru_brief.brief.model import BriefBullet
from sinoru_brief.content.models import Library


class OwnSlideDialog(QDialog):
    """Title (for a new slide), bullets at two levels, notes, and citations found by search."""

    def __init__(self, library: Library, parent: QWidget | None = None, *, title: str | None = "",
                 bullets: list[BriefBullet] | None = None, notes: str = "", caption: str = "Add a slide of your own"):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(caption)
        self.title_edit = QLineEdit(title or "", self)
        self.title_edit.setAccessibleName("Slide title")
        self.title_edit.setPlaceholderText("e.g. Our assessment")
        self.title_edit.setVisible(title is not None)  # a library slide keeps its title editor in the inspector
        self.bullets_edit = QPlainTextEdit(format_outline(bullets or []), self)
        self.bullets_edit.setAccessibleName("Bullets")
        self.bullets_edit.setPlaceholderText("One bullet a line\n  an indented line is a sub-bullet [source-id]")
        self.outline_help = QLabel("One bullet a line; indent a line to make it a sub-bullet of the one above. "
                                   "Choose a source below and Cite to add its id in [brackets] to the line "
                                   "the cursor is on.", self)
        self.outline_help.setWordWrap(True)
        self.notes_edit = QPlainTextEdit(notes, self)
        self.notes_edit.setAccessibleName("Speaker notes")
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName("Search sources")
        self.search_edit.setPlaceholderText("Search sources by author, title, year or id")
        self.results = QListWidget(self)
        self.results.setAccessibleName("Matching sources")
        self.cite_button = QPushButton("&Cite in current line", self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)

        form = QFormLayout()
        if title is not None:
            form.addRow("&Title", self.title_edit)
        form.addRow("&Bullets", self.bullets_edit)
        form.addRow("", self.outline_help)
        form.addRow("&Notes", self.notes_edit)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.cite_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(search_row)
        layout.addWidget(self.results)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.search_edit.textChanged.connect(self._search)
        self.cite_button.clicked.connect(self.cite_current)
        self.results.itemDoubleClicked.connect(lambda _: self.cite_current())
        self.title_edit.textChanged.connect(self._validate)
        self.bullets_edit.textChanged.connect(self._validate)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._search("")
        self._validate()
        self.resize(640, 560)

    # -------------------------------------------------------------- values

    def slide_title(self) -> str:
        return self.title_edit.text().strip()

    def bullets(self) -> list[BriefBullet]:
        return parse_outline(self.bullets_edit.toPlainText())

    def notes(self) -> str:
        return self.notes_edit.toPlainText().strip()

    # ------------------------------------------------------------- binding

    def _search(self, query: str) -> None:
        self.results.clear()
        for source in search_sources(self.library, query):
            item = QListWidgetItem(f"{source.id} — {source.title}", self.results)
            item.setToolTip(source.title)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
        if self.results.count():
            self.results.setCurrentRow(0)

    def cite_current(self) -> None:
        """Add the chosen source's id to the citations at the end of the line the cursor is on."""
        item: QListWidgetItem | None = self.results.currentItem()  # None with no results, whatever the stubs say
        if item is None:
            return
        source_id = item.data(Qt.ItemDataRole.UserRole)
        cursor = self.bullets_edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        line = cursor.block().text()
        if line.rstrip().endswith("]") and "[" in line:
            inside = line.rstrip()[line.rindex("[") + 1:-1]
            if source_id in [c.strip() for c in inside.split(",")]:
                return
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(line.rstrip()[:-1] + f", {source_id}]")
        else:
            cursor.insertText(f"{' ' if line and not line.endswith(' ') else ''}[{source_id}]")
        self.bullets_edit.setTextCursor(cursor)

    def _validate(self) -> None:
        """Say what stops the slide from being added: no title, or a citation the library lacks."""
        problem = ""
        if self.title_edit.isVisibleTo(self) and not self.slide_title():
            problem = "Give the slide a title."
        unknown = sorted({c for b in self.bullets() for c in [*b.cite, *(x for s in b.sub for x in s.cite)]
                          if c not in self.library.sources})
        if unknown:
            problem = "Unknown source: " + ", ".join(unknown) + ". Search the sources below and cite one."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
