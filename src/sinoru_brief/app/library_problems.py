"""The "Library problems" panel: every problem of the libraries that did not load, and the text it is about.

Each problem is listed as ``file:line:column: message``; choosing one shows
the lines around it with the offending line marked (and a caret under the
column), so the user sees what to fix without opening an editor first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtGui import QColor, QFontDatabase, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from sinoru_brief.errors import Problem

#: Lines shown above and below the offending one.
CONTEXT_LINES = 3
#: The most of one line shown: a minified file must not make the panel a mile wide.
MAX_LINE_CHARS = 300
MARK = ">"  # ASCII: a wider fallback glyph would push the marked line off the caret under it


@dataclass(frozen=True)
class ExcerptLine:
    """One line of a file around a problem: its number, its text, and whether it is the problem's line."""

    number: int
    text: str
    marked: bool


def read_excerpt(path: Path, line: int, context: int = CONTEXT_LINES) -> list[ExcerptLine]:
    """Return the lines of *path* from *context* before *line* (1-based) to *context* after it.

    Raises OSError when the file cannot be read; undecodable bytes are shown
    as replacement characters (the problem may be exactly that).
    """
    with open(path, encoding="utf-8", errors="replace") as handle:
        first, last = max(1, line - context), line + context
        lines: list[ExcerptLine] = []
        for number, text in enumerate(handle, start=1):
            if number > last:
                break
            if number >= first:
                text = text.rstrip("\r\n")
                if len(text) > MAX_LINE_CHARS:
                    text = text[:MAX_LINE_CHARS] + " …"
                lines.append(ExcerptLine(number, text, number == line))
    return lines


def format_excerpt(lines: Sequence[ExcerptLine], column: int | None = None) -> str:
    """Return *lines* as numbered text, the marked line flagged and a caret under *column* (1-based)."""
    width = len(str(lines[-1].number)) if lines else 1
    out: list[str] = []
    for line in lines:
        flag = MARK if line.marked else " "
        out.append(f"{flag} {line.number:>{width}} │ {line.text}")
        if line.marked and column is not None and column <= len(line.text) + 1:
            # Tabs keep their width under the caret, so it points at the right character.
            lead = "".join("\t" if ch == "\t" else " " for ch in line.text[: column - 1])
            out.append(f"  {' ' * width} │ {lead}^")
    return "\n".join(out)


def excerpt_for(problem: Problem) -> str:
    """Return the text to show for *problem*: the lines around it, or why there are none."""
    if problem.file is None:
        return "This problem is not about one file."
    if problem.line is None:
        what = "folder" if problem.file.is_dir() or not problem.file.suffix else "file"
        return f"This problem is about the {what} as a whole:\n{problem.file}"
    try:
        lines = read_excerpt(problem.file, problem.line)
    except OSError as exc:
        return f"The file cannot be shown: {exc.strerror or exc}"
    if not lines:
        return f"The file has no line {problem.line} any more (it changed since it was loaded)."
    return format_excerpt(lines, problem.column)


def list_label(problem: Problem, roots: Sequence[Path] = ()) -> str:
    """Return the label of *problem* in the list: ``file:line:column: message``.

    The file is named from its library's folder (``team/topics/arctic.yaml``)
    when it lies in one of *roots*: a narrow dock cannot show whole paths,
    and the tooltip has the full one.
    """
    shown = problem
    if problem.file is not None:
        for root in roots:
            if problem.file != root and problem.file.is_relative_to(root):
                shown = replace(problem, file=Path(root.name) / problem.file.relative_to(root))
                break
    return f"{shown.location()}: {problem.message}"


class LibraryProblemsPanel(QWidget):
    """List the libraries' problems; show the offending text of the one chosen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Library problems")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.excerpt = QPlainTextEdit(self)
        self.excerpt.setReadOnly(True)
        self.excerpt.setAccessibleName("The text the problem is about")
        self.excerpt.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.excerpt.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.hint)
        layout.addWidget(self.excerpt, 3)
        self.set_problems([])

    def set_problems(self, problems: Sequence[Problem], left_out: Sequence[Path] = ()) -> None:
        """Show *problems* (those of the libraries in *left_out*, which are not used); choose the first."""
        self.problems = list(problems)
        self.list.clear()
        for problem in self.problems:
            item = QListWidgetItem(list_label(problem, left_out), self.list)
            item.setToolTip(str(problem))
        if not self.problems:
            self.summary.setText("No problems: every library loaded.")
        else:
            names = ", ".join(folder.name for folder in left_out)
            count = f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
            self.summary.setText(
                f"{count}; not used until fixed: {names}. Fix the files, then File > Reload Libraries (F5)."
                if names
                else f"{count}."
            )
            self.summary.setToolTip("\n".join(str(folder) for folder in left_out))
        self.list.setVisible(bool(self.problems))
        self.excerpt.setVisible(bool(self.problems))
        self.hint.setVisible(bool(self.problems))
        if self.problems:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.problems):
            self.hint.clear()
            self.excerpt.clear()
            return
        problem = self.problems[row]
        where = f"{problem.key_path}: " if problem.key_path else ""
        self.hint.setText(f"{where}{problem.message}" + (f" — {problem.hint}" if problem.hint else ""))
        self.excerpt.setPlainText(excerpt_for(problem))
        self._highlight_marked_line()

    def _highlight_marked_line(self) -> None:
        """Shade the marked line, and scroll so it is in view."""
        document = self.excerpt.document()
        for number in range(document.blockCount()):
            block = document.findBlockByNumber(number)
            if block.text().startswith(MARK):
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(255, 214, 102, 110))
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.format = fmt
                selection.cursor = QTextCursor(block)
                self.excerpt.setExtraSelections([selection])
                # Put the cursor on the caret (or the line) so a far-right column scrolls into view.
                caret = block.next()
                cursor = QTextCursor(caret if caret.isValid() and caret.text().endswith("^") else block)
                if cursor.block() == caret:
                    cursor.setPosition(caret.position() + len(caret.text()) - 1)
                self.excerpt.setTextCursor(cursor)
                self.excerpt.centerCursor()
                self.excerpt.ensureCursorVisible()
                return
        self.excerpt.setExtraSelections([])
