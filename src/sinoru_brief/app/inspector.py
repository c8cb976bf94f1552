"""The inspector: the deck's title, subtitle, author, the title slide's organisation, presenter and
classification, date, template and citation style, and deck-only wording changes to the selected
slide. The library itself is never changed."""

from __future__ import annotations

import datetime as dt
from math import ceil

from PySide6.QtCore import QDate, QSignalBlocker, QSizeF, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.style_box import PREFERRED_STYLES, StyleBox  # noqa: F401 - StyleBox is used by importers
from sinoru_brief.app.template_box import TemplateBox
from sinoru_brief.app.wheel_guard import guard_wheel_in
from sinoru_brief.brief.positions import bullet_position, position_label
from sinoru_brief.content.models import Slide


class BulletEditor(QTextEdit):
    """One bullet's wording, as tall as its text; shows the library text until the user overrides it."""

    left = Signal()  # the focus left the editor

    def __init__(self, position: str, text: str, parent=None):
        super().__init__(parent)
        self.position = position
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setMinimumWidth(120)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(_bullet_label(position).strip())
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.setPlainText(text)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.left.emit()

    def _fit_height(self, size: QSizeF) -> None:
        margins = self.contentsMargins()
        self.setFixedHeight(
            max(self.fontMetrics().height() * 2, ceil(size.height())) + margins.top() + margins.bottom()
        )


class Inspector(QScrollArea):
    """Edit deck fields and the selected slide's wording; every edit is one undoable step."""

    def __init__(self, controller: DeckController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.slide: Slide | None = None
        self._source: QWidget | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(220)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)

        deck = QGroupBox("Deck", body)
        form = QFormLayout(deck)
        self.title = self._line("Deck title", "title", required=True)
        self.subtitle = self._line("Deck subtitle", "subtitle")
        self.author = self._line("Author", "author")
        self.organisation = self._line("Organisation", "organisation")
        self.presenter = self._line("Presenter", "presenter")
        self.classification = self._line("Classification", "classification")
        self.classification.setPlaceholderText("e.g. UNCLASSIFIED")
        self.classification.setToolTip("The marking printed at the head of the title slide")
        self.date = QDateEdit(deck)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName("Deck date")
        self.date.dateChanged.connect(self._date_changed)
        self.template = TemplateBox(deck)
        self.template.templateChosen.connect(lambda name: self.controller.set_field("template", name))
        self.style_box = StyleBox(deck)
        self.style_box.styleChosen.connect(lambda style: self.controller.set_field("style", style))
        form.addRow("&Title", self.title)
        form.addRow("&Subtitle", self.subtitle)
        form.addRow("A&uthor", self.author)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&Presenter", self.presenter)
        form.addRow("Classificatio&n", self.classification)
        form.addRow("Da&te", self.date)
        form.addRow("Te&mplate", self.template)
        form.addRow("&Citation style", self.style_box)
        layout.addWidget(deck)

        self.slide_box = QGroupBox("Selected slide (changes apply to this deck only)", body)
        self.slide_form = QFormLayout(self.slide_box)
        # Labels above the fields: the wording gets the panel's whole width.
        self.slide_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.slide_title = QLineEdit(self.slide_box)
        self.slide_title.setAccessibleName("Slide title")
        self.slide_title.textEdited.connect(self._slide_title_edited)
        self.slide_title.editingFinished.connect(self._refresh_slide_texts)
        self.slide_title_label = QLabel("Slide tit&le", self.slide_box)
        self.slide_title_label.setBuddy(self.slide_title)
        self.slide_form.addRow(self.slide_title_label, self.slide_title)
        self.reset_button = QPushButton("Restore library wording", self.slide_box)
        self.reset_button.setToolTip("Drop this deck's changes to the slide's title and bullets")
        self.reset_button.clicked.connect(self._reset_slide)
        self.reset_button.setEnabled(False)
        # Above the bullets, so it stays in view however many there are.
        self.slide_form.addRow(self.reset_button)
        self.bullet_editors: list[BulletEditor] = []
        self.bullet_labels: dict[str, QLabel] = {}
        layout.addWidget(self.slide_box)
        layout.addStretch(1)
        guard_wheel_in(body)  # scrolling the panel must not change the date, template or style under the pointer
        # The fields show the brief, not its deck: they follow an edit at once, not when its deck arrives.
        controller.briefEdited.connect(self.sync)
        self.sync()

    def _line(self, accessible: str, field: str, required: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        if required:
            edit.setPlaceholderText("Required")
        edit.textEdited.connect(
            lambda text: (
                self._from(edit, self.controller.set_field, field, text) if text.strip() or not required else None
            )
        )
        edit.editingFinished.connect(self.sync)  # a required field left empty gets its text back
        return edit

    def _from(self, source: QWidget, change, *args) -> None:
        """Run the edit *change* made by typing in *source*, so the sync that follows leaves *source* alone."""
        self._source = source
        try:
            change(*args)
        finally:
            self._source = None

    def _date_changed(self, date: QDate) -> None:
        value = dt.date(date.year(), date.month(), date.day())
        if value != self.controller.brief.date:
            self.controller.set_field("date", value)

    # --------------------------------------------------------------- syncing

    def sync(self) -> None:
        """Show the brief's values without emitting edits."""
        brief = self.controller.brief
        for edit, value in (
            (self.title, brief.title),
            (self.subtitle, brief.subtitle),
            (self.author, brief.author),
            (self.organisation, brief.organisation),
            (self.presenter, brief.presenter),
            (self.classification, brief.classification),
        ):
            if edit.text() != value and edit is not self._source:
                with QSignalBlocker(edit):
                    edit.setText(value)
                    edit.setCursorPosition(0)  # show the start of a long title, not its end
        with QSignalBlocker(self.date):
            day = brief.deck_date()
            self.date.setDate(QDate(day.year, day.month, day.day))
        self.template.show_template(brief.template)
        self.style_box.show_style(brief.style)
        self._refresh_slide_texts()

    def _refresh_slide_texts(self) -> None:
        """Show the slide's wording from the brief (after undo, redo, restore), and mark what is changed.

        The field that made the edit is left alone: setting its text would
        move its cursor and break the user's typing.
        """
        if not self.slide:
            return
        override = self.controller.brief.overrides.get(self.slide.id)
        own_title = override.title if override is not None else None
        changed_title = own_title is not None
        title = own_title if own_title is not None else self.slide.title
        if self.slide_title.text() != title and self.slide_title is not self._source:
            with QSignalBlocker(self.slide_title):
                self.slide_title.setText(title)
                self.slide_title.setCursorPosition(0)
        _mark(self.slide_title_label, "Slide tit&le", changed_title)
        texts = dict(_bullet_texts(self.slide))
        own_bullets = override.bullets if override is not None else {}
        for editor in self.bullet_editors:
            changed = editor.position in own_bullets
            wanted = own_bullets[editor.position] if changed else texts[editor.position]
            if editor.toPlainText() != wanted and editor is not self._source:
                with QSignalBlocker(editor):
                    editor.setPlainText(wanted)
            _mark(self.bullet_labels[editor.position], _bullet_label(editor.position), changed)
        self.reset_button.setEnabled(override is not None)

    def show_slide(self, slide: Slide | None) -> None:
        """Show the overridable text of *slide* (a library slide), or disable the slide box.

        The editors are rebuilt only when another slide is shown: every edit
        recomposes the deck and calls this again for the same slide, and a
        rebuild then would take the focus and the cursor from the user typing.
        """
        if slide is not None and self.slide is not None and slide.id == self.slide.id:
            self.slide = slide
            self._refresh_slide_texts()
            return
        self.slide = slide
        for editor in self.bullet_editors:
            # PySide6's stubs type the (row, role) pair getWidgetPosition returns as object.
            row = self.slide_form.getWidgetPosition(editor)[0]  # type: ignore[index]
            taken = self.slide_form.takeRow(row)
            for item in (taken.labelItem, taken.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()  # not now: a signal of this editor may be running
        self.bullet_editors = []
        self.bullet_labels = {}
        self.slide_box.setEnabled(slide is not None)
        if slide is None:
            with QSignalBlocker(self.slide_title):
                self.slide_title.clear()
            _mark(self.slide_title_label, "Slide tit&le", False)
            return
        for position, text in _bullet_texts(slide):
            editor = BulletEditor(position, text, self.slide_box)
            editor.textChanged.connect(lambda e=editor: self._bullet_edited(e))
            editor.left.connect(self._refresh_slide_texts)
            self.bullet_editors.append(editor)
            self.bullet_labels[position] = QLabel(self.slide_box)
            self.bullet_labels[position].setBuddy(editor)
            self.slide_form.addRow(self.bullet_labels[position], editor)
        self._refresh_slide_texts()

    def _slide_title_edited(self, text: str) -> None:
        if self.slide:
            if text.strip():  # an empty title is not wording: the field gets the text back on leaving it
                self._from(
                    self.slide_title,
                    self.controller.override_title,
                    self.slide.id,
                    None if text == self.slide.title else text,
                )

    def _bullet_edited(self, editor: BulletEditor) -> None:
        if not self.slide:
            return
        original = dict(_bullet_texts(self.slide))[editor.position]
        text = editor.toPlainText()
        if text.strip():  # as for titles: blank is a moment in retyping, not wording to keep
            self._from(
                editor,
                self.controller.override_bullet,
                self.slide.id,
                editor.position,
                None if text == original else text,
            )

    def _reset_slide(self) -> None:
        if self.slide and self.slide.id in self.controller.brief.overrides:
            self.controller.restore_wording(self.slide.id)


def _mark(label: QLabel, text: str, changed: bool) -> None:
    """Label a field, in bold and marked when this deck changes its wording."""
    label.setText(f"<b>{text.replace('&', '')} — changed for this deck</b>" if changed else text)
    if changed:
        label.setTextFormat(Qt.TextFormat.RichText)
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)


def _bullet_label(position: str) -> str:
    """Return how a bullet position reads to a user: "0" is "Bullet 1", "0.1" is "  Sub-bullet 1.2"."""
    label = position_label(position)
    return f"Bullet {label}" if "." not in label else f"  Sub-bullet {label}"


def _bullet_texts(slide: Slide) -> list[tuple[str, str]]:
    """Return (position, text) for each bullet and sub-bullet: "0", "0.1", ..."""
    out = []
    for i, bullet in enumerate(slide.bullets):
        out.append((bullet_position(i), bullet.text))
        out.extend((bullet_position(i, j), sub.text) for j, sub in enumerate(bullet.sub))
    return out
