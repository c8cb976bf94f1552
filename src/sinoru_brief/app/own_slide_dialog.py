"""A dialog to write a slide of one's own, or a slide's bullets and notes for this deck, citing library sources.

Bullets are typed as an outline, one per line; an indented line is a
sub-bullet, and source ids in square brackets at a line's end are its
citations. The source search puts the chosen id at the end of the line the
cursor is on. A key-figures slide has up to three rows of value, label and
citations; the search cites in the row last worked in. The guidance for the
briefer (not read out) has a box of its own. The dialog only binds widgets
to :mod:`sinoru_brief.brief.edits`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.brief.custom import MAX_FIGURE_VALUE_CHARS
from sinoru_brief.brief.edits import format_outline, parse_outline, search_sources
from sinoru_brief.brief.model import MAX_KEY_FIGURES, BriefBullet, BriefFigure
from sinoru_brief.content.models import BRIEFER_LABEL, Library
from sinoru_brief.content.schema import MAX_BRIEFER_CHARS

#: The kinds the dialog writes: (label, ``kind:`` in the brief).
KINDS = (("Bullets", "bullets"), ("Quotation", "quote"), ("Key figures", "key_figures"))
#: The page of the dialog's stack that holds each kind's boxes.
_PAGES = {"bullets": 0, "quote": 1, "key_figures": 2}


def _cited(text: str) -> list[str]:
    """Return the source ids typed in a citations box: separated by commas or spaces."""
    return [c for c in re.split(r"[,\s]+", text) if c]


class FigureRow:
    """One key figure's boxes: the value as it should read, its label, and the source ids it cites."""

    def __init__(self, number: int, parent: QWidget, figure: BriefFigure | None = None):
        self.value = QLineEdit(figure.value if figure else "", parent)
        self.value.setAccessibleName(f"Figure {number} value")
        self.value.setPlaceholderText("e.g. 78%" if number == 1 else "$245 bn" if number == 2 else "")
        self.value.setMaxLength(MAX_FIGURE_VALUE_CHARS)
        self.label = QLineEdit(figure.label if figure else "", parent)
        self.label.setAccessibleName(f"Figure {number} label")
        self.label.setPlaceholderText("what the number is" if number == 1 else "")
        self.label.setMaxLength(200)
        self.cite = QLineEdit(", ".join(figure.cite) if figure else "", parent)
        self.cite.setAccessibleName(f"Figure {number} citations")
        self.cite.setPlaceholderText("source ids" if number == 1 else "")

    def widgets(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return self.value, self.label, self.cite

    def cited(self) -> list[str]:
        return _cited(self.cite.text())

    def figure(self) -> BriefFigure | None:
        """Return the row as a figure, or None when it is empty."""
        value, label = self.value.text().strip(), self.label.text().strip()
        if not (value or label or self.cited()):
            return None
        return BriefFigure(value=value, label=label, cite=self.cited())


class OwnSlideDialog(QDialog):
    """Kind and title (for a new slide), bullets or key figures, notes, guidance, and citations found by search.

    *choose_kind* offers the kinds (a new slide); otherwise the slide keeps *kind*.
    """

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        title: str | None = "",
        bullets: list[BriefBullet] | None = None,
        notes: str = "",
        caption: str = "Add a slide of your own",
        kind: str = "bullets",
        figures: list[BriefFigure] | None = None,
        briefer: str = "",
        quote: str = "",
        attribution: str = "",
        cite: list[str] | None = None,
        choose_kind: bool = False,
    ):
        super().__init__(parent)
        self.library = library
        self.setWindowTitle(caption)
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName("Slide kind")
        for label, name in KINDS:
            self.kind_box.addItem(label, name)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.kind_box.setVisible(choose_kind)
        self.title_edit = QLineEdit(title or "", self)
        self.title_edit.setAccessibleName("Slide title")
        self.title_edit.setPlaceholderText("e.g. Our assessment")
        self.title_edit.setVisible(title is not None)  # a library slide keeps its title editor in the inspector
        self.bullets_edit = QPlainTextEdit(format_outline(bullets or []), self)
        self.bullets_edit.setAccessibleName("Bullets")
        self.bullets_edit.setPlaceholderText("One bullet a line\n  an indented line is a sub-bullet [source-id]")
        self.outline_help = QLabel(
            "One bullet a line; indent a line to make it a sub-bullet of the one above. "
            "Choose a source below and Cite to add its id in [brackets] to the line "
            "the cursor is on.",
            self,
        )
        self.outline_help.setWordWrap(True)
        bullets_page = QWidget(self)
        bullets_layout = QVBoxLayout(bullets_page)
        bullets_layout.setContentsMargins(0, 0, 0, 0)
        bullets_layout.addWidget(self.bullets_edit)
        bullets_layout.addWidget(self.outline_help)
        figures_page = QWidget(self)
        grid = QGridLayout(figures_page)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, heading in enumerate(("Value", "Label", "Citations")):
            grid.addWidget(QLabel(heading, figures_page), 0, column + 1)
        given = list(figures or [])
        self.figure_rows = [
            FigureRow(i + 1, figures_page, given[i] if i < len(given) else None) for i in range(MAX_KEY_FIGURES)
        ]
        for i, row in enumerate(self.figure_rows):
            grid.addWidget(QLabel(f"{i + 1}", figures_page), i + 1, 0)
            for column, widget in enumerate(row.widgets()):
                grid.addWidget(widget, i + 1, column + 1)
                widget.installEventFilter(self)
                widget.textChanged.connect(self._validate)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 3)
        grid.setColumnStretch(3, 2)
        self.figures_help = QLabel(
            "One to three numbers, each as it should read (78%, $245 bn) with what it is. "
            "Choose a source below and Cite to add it to the figure you are working on.",
            figures_page,
        )
        self.figures_help.setWordWrap(True)
        grid.addWidget(self.figures_help, MAX_KEY_FIGURES + 1, 0, 1, 4)
        grid.setRowStretch(MAX_KEY_FIGURES + 2, 1)
        self._figure_row = 0
        quote_page = QWidget(self)
        quote_form = QFormLayout(quote_page)
        quote_form.setContentsMargins(0, 0, 0, 0)
        self.quote_edit = QPlainTextEdit(quote, quote_page)
        self.quote_edit.setAccessibleName("Quotation")
        self.quote_edit.setPlaceholderText("The exact words, without quotation marks: the slide adds them")
        self.attribution_edit = QLineEdit(attribution, quote_page)
        self.attribution_edit.setAccessibleName("Attribution")
        self.attribution_edit.setPlaceholderText("Who said it, in what role (optional)")
        self.attribution_edit.setMaxLength(300)
        self.quote_cite_edit = QLineEdit(", ".join(cite or []), quote_page)
        self.quote_cite_edit.setAccessibleName("Quotation citations")
        self.quote_cite_edit.setPlaceholderText("source ids: where the words are printed")
        quote_form.addRow("Words", self.quote_edit)
        quote_form.addRow("Said by", self.attribution_edit)
        quote_form.addRow("Citations", self.quote_cite_edit)
        self.quote_edit.textChanged.connect(self._validate)
        for line in (self.attribution_edit, self.quote_cite_edit):
            line.textChanged.connect(self._validate)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(bullets_page)
        self.pages.addWidget(quote_page)
        self.pages.addWidget(figures_page)
        self.notes_edit = QPlainTextEdit(notes, self)
        self.notes_edit.setAccessibleName("Speaker notes")
        self.briefer_edit = QPlainTextEdit(briefer, self)
        self.briefer_edit.setAccessibleName("Guidance for the briefer")
        self.briefer_edit.setPlaceholderText("Not read out: e.g. what to say if asked (optional)")
        self.briefer_edit.setMaximumHeight(80)
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName("Search sources")
        self.search_edit.setPlaceholderText("Search sources by author, title, year or id")
        self.results = QListWidget(self)
        self.results.setAccessibleName("Matching sources")
        self.cite_button = QPushButton("&Cite in current line", self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )

        form = QFormLayout()
        if choose_kind:
            form.addRow("&Kind", self.kind_box)
        if title is not None:
            form.addRow("&Title", self.title_edit)
        self.content_label = QLabel(self)
        form.addRow(self.content_label, self.pages)
        form.addRow("&Notes", self.notes_edit)
        form.addRow("For the b&riefer", self.briefer_edit)
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
        self.briefer_edit.textChanged.connect(self._validate)
        self.kind_box.currentIndexChanged.connect(self._show_kind)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._search("")
        self._show_kind()
        self.resize(640, 560)

    # -------------------------------------------------------------- values

    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def slide_title(self) -> str:
        return self.title_edit.text().strip()

    def figures(self) -> list[BriefFigure]:
        """Return the key figures typed, in their rows' order, leaving out empty rows."""
        return [f for f in (row.figure() for row in self.figure_rows) if f is not None]

    def quote(self) -> str:
        return self.quote_edit.toPlainText().strip()

    def attribution(self) -> str:
        return self.attribution_edit.text().strip()

    def quote_cites(self) -> list[str]:
        return _cited(self.quote_cite_edit.text())

    def briefer(self) -> str:
        """Return the guidance typed, without a "For the briefer:" label at its start (the export adds it)."""
        text = self.briefer_edit.toPlainText().strip()
        if text.lower().startswith(BRIEFER_LABEL.lower()):
            text = text[len(BRIEFER_LABEL) :].lstrip(" :").strip()
        return text

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

    def _show_kind(self) -> None:
        kind = self.kind()
        self.pages.setCurrentIndex(_PAGES[kind])
        self.content_label.setText({"bullets": "&Bullets", "quote": "&Quotation", "key_figures": "&Figures"}[kind])
        self.content_label.setBuddy(
            {"bullets": self.bullets_edit, "quote": self.quote_edit, "key_figures": self.figure_rows[0].value}[kind]
        )
        self.cite_button.setText(
            {
                "bullets": "&Cite in current line",
                "quote": "&Cite for the quotation",
                "key_figures": "&Cite in current figure",
            }[kind]
        )
        self._validate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for i, row in enumerate(self.figure_rows):
                if watched in row.widgets():
                    self._figure_row = i
        return super().eventFilter(watched, event)

    def set_current_figure(self, index: int) -> None:
        """Make figure row *index* the one Cite adds a source to."""
        self._figure_row = index

    def cite_current(self) -> None:
        """Add the chosen source's id to the current line's citations, or to the current figure's."""
        item: QListWidgetItem | None = self.results.currentItem()  # None with no results, whatever the stubs say
        if item is None:
            return
        source_id = item.data(Qt.ItemDataRole.UserRole)
        if self.kind() == "quote":
            if source_id not in self.quote_cites():
                self.quote_cite_edit.setText(", ".join([*self.quote_cites(), source_id]))
            return
        if self.kind() == "key_figures":
            row = self.figure_rows[self._figure_row]
            if source_id not in row.cited():
                row.cite.setText(", ".join([*row.cited(), source_id]))
            return
        cursor = self.bullets_edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        line = cursor.block().text()
        if line.rstrip().endswith("]") and "[" in line:
            inside = line.rstrip()[line.rindex("[") + 1 : -1]
            if source_id in [c.strip() for c in inside.split(",")]:
                return
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(line.rstrip()[:-1] + f", {source_id}]")
        else:
            cursor.insertText(f"{' ' if line and not line.endswith(' ') else ''}[{source_id}]")
        self.bullets_edit.setTextCursor(cursor)

    def _validate(self) -> None:
        """Say what stops the slide from being added: no title, a figure half written, or an unknown citation."""
        problem = ""
        if self.title_edit.isVisibleTo(self) and not self.slide_title():
            problem = "Give the slide a title."
        if self.kind() == "key_figures":
            cited = [c for f in self.figures() for c in f.cite]
            if not problem:
                problem = self._figures_problem()
        elif self.kind() == "quote":
            cited = self.quote_cites()
            if not problem and not self.quote():
                problem = "Type the quoted words."
            elif not problem and len(self.quote()) > 2000:
                problem = f"The quotation is {len(self.quote()):,} characters long; keep it to 2,000."
        else:
            cited = [c for b in self.bullets() for c in [*b.cite, *(x for s in b.sub for x in s.cite)]]
        if not problem and len(self.briefer()) > MAX_BRIEFER_CHARS:
            problem = (
                f"The guidance for the briefer is {len(self.briefer()):,} characters long; "
                f"keep it to {MAX_BRIEFER_CHARS:,}."
            )
        unknown = sorted({c for c in cited if c not in self.library.sources})
        if unknown:
            problem = "Unknown source: " + ", ".join(unknown) + ". Search the sources below and cite one."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _figures_problem(self) -> str:
        """Return what the key figures lack, or ""."""
        for i, row in enumerate(self.figure_rows):
            figure = row.figure()
            if figure is None:
                continue
            if not figure.value:
                return f"Give figure {i + 1} its value, e.g. 78%."
            if not figure.label:
                return f"Say what figure {i + 1} ({figure.value}) is: give it a label."
        return "" if self.figures() else "Give at least one figure: its value and label."
