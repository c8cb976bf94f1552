"""The theme editor: the deck's colours, fonts, sizes, logo, footer, banner, slide size and citation style.

Every change restyles the preview and thumbnails live (150 ms after the
last one) as one undoable step: the edited look is the deck's own, kept in
the brief (its ``look:``, saved and autosaved with it), until it is saved as
a template ("Save as template…") or dropped ("Revert"). Changes of one field
in a row (a spin box's arrows) merge into one step.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.style_box import StyleBox
from sinoru_brief.app.theme_controls import (
    ColorButton,
    LogoPicker,
    PaletteEditor,
    SizeRangeEditor,
    SlideSizePicker,
    points_box,
)
from sinoru_brief.app.wheel_guard import guard_wheel_in
from sinoru_brief.brief import edits as brief_edits
from sinoru_brief.brief.model import DEFAULT_STYLE
from sinoru_brief.compose import compose
from sinoru_brief.errors import BriefError
from sinoru_brief.font_files import MEASURABLE_FONTS
from sinoru_brief.templating import compile_problem
from sinoru_brief.theme import Theme, user_template_names
from sinoru_brief.theme.model import Banner, Colors, SizeRange, Sizes, Snippets
from sinoru_brief.units import Pt

DEBOUNCE_MS = 150
COLOR_ROLES = (
    ("background", "Background"),
    ("title", "Titles"),
    ("text", "Text"),
    ("accent", "Accent"),
    ("muted", "Muted text"),
    ("rule", "Rules and axes"),
    ("panel", "Panels"),
)
SIZE_ROLES = (
    ("deck_title", "Deck title"),
    ("section_title", "Section title"),
    ("title", "Slide title"),
    ("body", "Bullets"),
    ("sub", "Sub-bullets"),
    ("quote", "Quotations"),
    ("table", "Tables"),
    ("source", "Source line"),
    ("reference", "References"),
)
#: A banner switched on for the first time: the usual marking, white on green.
DEFAULT_BANNER = Banner("UNCLASSIFIED", "007A33", "FFFFFF")


class ThemeEditor(QScrollArea):
    """Edit the look of the deck; the main window's preview is the editor's preview."""

    def __init__(self, controller: DeckController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.theme: Theme | None = None  # the look the controls were last set from
        self._pending = ("", "")  # (merge key, undo text) of the change waiting for the timer
        self._applying = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.apply_now)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(300)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(self._header(body))
        layout.addWidget(self._colors(body))
        layout.addWidget(self._fonts_and_size(body))
        layout.addWidget(self._sizes(body))
        layout.addWidget(self._marks(body))
        layout.addStretch(1)
        guard_wheel_in(body)  # the wheel scrolls the panel, never a size or font passing under the pointer
        controller.themeChanged.connect(self.sync)
        controller.briefChanged.connect(self._brief_changed)
        self.sync()

    # ------------------------------------------------------------ building

    def _header(self, parent) -> QWidget:
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(box)
        self.heading.setWordWrap(True)
        self.state = QLabel(box)
        self.state.setWordWrap(True)
        self.master_note = QLabel(box)
        self.master_note.setWordWrap(True)
        self.master_note.hide()
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save as Template…", box)
        self.save_button.setToolTip("Keep this look as a template of your own, listed beside the built-in ones")
        self.revert_button = QPushButton("Revert", box)
        self.revert_button.setToolTip("Drop the changes and show the template as it is saved")
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton("Delete…", box)
        self.delete_button.setToolTip("Delete this template of yours (built-in templates cannot be deleted)")
        for button in (self.save_button, self.revert_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.state)
        column.addWidget(self.master_note)
        column.addLayout(buttons)
        return box

    def _colors(self, parent) -> QGroupBox:
        self.color_group = QGroupBox("Colours", parent)
        form = QFormLayout(self.color_group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.color_buttons: dict[str, ColorButton] = {}
        for role, label in COLOR_ROLES:
            button = ColorButton(label, parent=self.color_group)
            button.changed.connect(lambda _c, r=role, t=label: self._changed(f"color:{r}", f"{t.lower()} colour"))
            self.color_buttons[role] = button
            form.addRow(label, button)
        self.palette_editor = PaletteEditor(self.color_group)
        self.palette_editor.changed.connect(lambda: self._changed("color:chart", "chart colours"))
        form.addRow("Charts", self.palette_editor)
        return self.color_group

    def _fonts_and_size(self, parent) -> QGroupBox:
        self.font_group = QGroupBox("Fonts and slide size", parent)
        form = QFormLayout(self.font_group)
        self.heading_font = self._font_box("Heading font", "heading")
        self.body_font = self._font_box("Body font", "body")
        self.slide_size = SlideSizePicker(self.font_group)
        self.slide_size.changed.connect(lambda: self._changed("slide", "slide size"))
        form.addRow("&Headings", self.heading_font)
        form.addRow("&Body text", self.body_font)
        form.addRow("Slide si&ze", self.slide_size)
        return self.font_group

    def _font_box(self, accessible: str, role: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(accessible)
        box.addItems(MEASURABLE_FONTS)
        box.setToolTip("Fonts whose widths the layout can measure, so nothing overflows")
        box.activated.connect(lambda _: self._changed(f"font:{role}", f"{role} font"))
        return box

    def _sizes(self, parent) -> QGroupBox:
        group = QGroupBox("Font sizes in points: preferred and minimum", parent)
        grid = QGridLayout(group)
        self.size_editors: dict[str, SizeRangeEditor] = {}
        for row, (role, label) in enumerate(SIZE_ROLES):
            editor = SizeRangeEditor(label, group)
            editor.changed.connect(lambda r=role, t=label: self._changed(f"size:{r}", f"{t.lower()} size"))
            self.size_editors[role] = editor
            text = QLabel(label, group)
            text.setBuddy(editor.size_box)
            grid.addWidget(text, row, 0)
            grid.addWidget(editor, row, 1)
        self.footer_size = points_box(group, "Footer size", high=40.0)
        self.footer_size.valueChanged.connect(lambda _: self._changed("size:footer", "footer size"))
        footer = QLabel("Footer", group)
        footer.setBuddy(self.footer_size)
        grid.addWidget(footer, len(SIZE_ROLES), 0)
        grid.addWidget(self.footer_size, len(SIZE_ROLES), 1, Qt.AlignmentFlag.AlignLeft)
        return group

    def _marks(self, parent) -> QGroupBox:
        group = QGroupBox("Logo, footer, banner and citations", parent)
        form = QFormLayout(group)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.logo = LogoPicker(group)
        self.logo.changed.connect(lambda: self._changed("logo", "logo"))
        self.footer = QLineEdit(group)
        self.footer.setAccessibleName("Footer text")
        self.footer.setToolTip("Text at the foot of every slide; Jinja2, e.g. {{ brief.title }} · {{ brief.date }}")
        self.footer.textEdited.connect(lambda _: self._changed("footer", "footer text"))
        self.footer_error = _error_label(group, "Footer text error")
        self.banner_on = QCheckBox("Classification banner, top and bottom", group)
        self.banner_on.toggled.connect(self._banner_toggled)
        self.banner_text = QLineEdit(group)
        self.banner_text.setAccessibleName("Banner text")
        self.banner_text.setMaxLength(120)
        self.banner_text.textEdited.connect(lambda _: self._changed("banner:text", "banner text"))
        self.banner_error = _error_label(group, "Banner text error")
        self.banner_color = ColorButton("Banner", parent=group)
        self.banner_color.changed.connect(lambda _: self._changed("banner:color", "banner colour"))
        self.banner_text_color = ColorButton("Banner text", parent=group)
        self.banner_text_color.changed.connect(lambda _: self._changed("banner:text_color", "banner text colour"))
        colors = QHBoxLayout()
        colors.addWidget(self.banner_color)
        colors.addWidget(self.banner_text_color)
        colors.addStretch(1)
        self.style_box = StyleBox(group)
        self.style_box.styleChosen.connect(lambda style: self.controller.set_field("style", style))
        form.addRow("&Logo", self.logo)
        form.addRow("&Footer", self.footer)
        form.addRow("", self.footer_error)
        form.addRow(self.banner_on)
        form.addRow("Banner te&xt", self.banner_text)
        form.addRow("", self.banner_error)
        form.addRow("Banner colours", colors)
        form.addRow("&Citation style", self.style_box)
        return group

    # ------------------------------------------------------------- syncing

    def sync(self) -> None:
        """Show the deck's look (the unsaved one, or the template's) without emitting edits."""
        self.timer.stop()  # an undo, a new template or a new document replaces any change not yet applied
        session = self.controller.session
        theme = session.theme()
        self.theme = theme
        widgets = [
            *self.color_buttons.values(),
            self.palette_editor,
            self.heading_font,
            self.body_font,
            self.slide_size,
            *self.size_editors.values(),
            self.footer_size,
            self.logo,
            self.footer,
            self.banner_on,
            self.banner_text,
            self.banner_color,
            self.banner_text_color,
        ]
        blockers = [QSignalBlocker(w) for w in widgets]
        for role, button in self.color_buttons.items():
            button.set_color(getattr(theme.colors, role))
        self.palette_editor.set_colors(theme.colors.chart)
        self.heading_font.setCurrentText(theme.fonts.heading)
        self.body_font.setCurrentText(theme.fonts.body)
        self.slide_size.set_size_emu(theme.width, theme.height)
        for role, editor in self.size_editors.items():
            value = getattr(theme.sizes, role)
            editor.set_values(value.size, value.minimum)
        self.footer_size.setValue(theme.sizes.footer)
        self.logo.set_path(theme.logo)
        if not self._applying and self.footer.text() != theme.snippets.footer:
            self.footer.setText(theme.snippets.footer)
            self.footer.setCursorPosition(0)
            self._show_footer_problem("")
        banner = theme.banner or DEFAULT_BANNER
        if theme.banner is None and self.banner_text.text().strip():
            # Off: the fields keep what the user set, for when the banner is switched on again.
            banner = Banner(self.banner_text.text(), self.banner_color.color(), self.banner_text_color.color())
        self.banner_on.setChecked(theme.banner is not None)
        if not self._applying:
            self.banner_text.setText(banner.text)
            self.banner_error.hide()
        self.banner_color.set_color(banner.color)
        self.banner_text_color.set_color(banner.text_color)
        del blockers
        self._enable_banner_fields()
        self._show_state()
        self.style_box.show_style(session.brief.style)

    def _brief_changed(self) -> None:
        self.style_box.show_style(self.controller.brief.style)
        self._show_state()

    def _show_state(self) -> None:
        session = self.controller.session
        theme = self.theme
        if theme is None:  # no look shown yet: sync() shows the state when it sets one
            return
        template = session.brief.template
        own = template in user_template_names()
        # A user's template is known by its name (a copy keeps the label of the template it came from).
        shown = f"<b>{html.escape(template)}</b> (your template)" if own else f"<b>{html.escape(theme.label)}</b>"
        self.heading.setText(f"Template: {shown}")
        edited = session.theme_override is not None
        self.state.setText(
            "<i>Changed for this deck (saved with the brief): Save as Template… makes it a template "
            "for other decks, Revert drops the changes.</i>"
            if edited
            else "Changes show in the preview at once and are saved with the brief; Undo takes each back."
        )
        self.revert_button.setEnabled(edited)
        self.delete_button.setEnabled(own)
        on_master = theme.master is not None
        self.master_note.setVisible(on_master)
        if theme.master is not None:
            self.master_note.setText(
                "Built on a PowerPoint master: its slide size, fonts, colours and margins "
                "are used (change them in PowerPoint)."
            )
            self.master_note.setToolTip(str(theme.master.path))
        self.color_group.setEnabled(not on_master)
        self.font_group.setEnabled(not on_master)

    # ------------------------------------------------------------ changing

    def _changed(self, key: str, text: str) -> None:
        """Note a change of the control *key* (undo text *text*); apply it once the user pauses."""
        self._pending = (key, text)
        self.timer.start()

    def _banner_toggled(self, _on: bool) -> None:
        self._enable_banner_fields()
        self._changed("banner", "banner")

    def _enable_banner_fields(self) -> None:
        on = self.banner_on.isChecked()
        for widget in (self.banner_text, self.banner_color, self.banner_text_color):
            widget.setEnabled(on)

    def _banner_fields(self) -> Banner:
        """Return the banner the fields show; blank text keeps the text the banner had (a banner needs text)."""
        text = self.banner_text.text().strip()
        blank = not text and self.banner_on.isChecked()
        self.banner_error.setText("The banner needs text, e.g. UNCLASSIFIED." if blank else "")
        self.banner_error.setVisible(blank)
        if not text:
            text = (self.theme.banner if self.theme and self.theme.banner else DEFAULT_BANNER).text
        return Banner(text, self.banner_color.color(), self.banner_text_color.color())

    def edited_theme(self) -> Theme:
        """Return the look the controls show, on top of the look they were set from.

        A footer that does not work keeps the previous one (its error is shown).
        """
        t = self.theme
        assert t is not None, "the controls are set from a look before they are read"
        colors = Colors(
            **{role: b.color() for role, b in self.color_buttons.items()}, chart=self.palette_editor.colors()
        )
        sizes = Sizes(
            **{role: SizeRange(*e.values()) for role, e in self.size_editors.items()},
            footer=Pt(self.footer_size.value()),
        )
        width, height = self.slide_size.size_emu()
        banner = self._banner_fields()  # also says when a banner lacks its text
        footer = self.footer.text()
        problem = footer_problem(footer, self.controller)
        self._show_footer_problem(problem)
        return replace(
            t,
            colors=colors if t.master is None else t.colors,
            fonts=replace(t.fonts, heading=self.heading_font.currentText(), body=self.body_font.currentText())
            if t.master is None
            else t.fonts,
            sizes=sizes,
            width=width if t.master is None else t.width,
            height=height if t.master is None else t.height,
            banner=banner if self.banner_on.isChecked() else None,
            logo=self.logo.path,
            snippets=replace(t.snippets, footer=t.snippets.footer if problem else footer),
        )

    def apply_now(self) -> None:
        """Apply the pending change (the timer does this 150 ms after the last change)."""
        self.timer.stop()
        key, text = self._pending
        if not key or self.theme is None:
            return
        theme = self.edited_theme()
        session = self.controller.session
        if theme == session.theme():
            return
        # Back to the template's values by hand: nothing is left unsaved.
        target = None if theme == session.template_theme() else theme
        self._applying = True
        try:
            self.controller.set_theme(target, f"Change {text}", merge_key=key)
        finally:
            self._applying = False

    def revert(self) -> None:
        """Drop the unsaved look: the deck shows its template as saved (one undoable step)."""
        self.timer.stop()
        if self.controller.session.theme_override is not None:
            self.controller.set_theme(None, "Revert the look")

    def _show_footer_problem(self, problem: str) -> None:
        self.footer_error.setText(problem)
        self.footer_error.setVisible(bool(problem))


def footer_problem(text: str, controller: DeckController) -> str:
    """Return why *text* cannot be the footer, or "" if the deck composes with it.

    The text is compiled, then the deck is composed with it (a few
    milliseconds), so a misspelt variable is caught here and not when the
    deck is next built.
    """
    problem = compile_problem(text)
    if problem:
        return f"The footer does not compile: {problem.rstrip('.')}. Check the {{{{ }}}} and {{% %}} pairs."
    session = controller.session
    # The footer does not depend on the style; a broken one must not be blamed.
    brief = brief_edits.set_field(session.brief, "style", DEFAULT_STYLE)
    if not brief.topics:
        brief = brief_edits.set_topics(brief, session.library.topic_ids()[:1])
    try:
        compose(session.library, brief, replace(Snippets(), footer=text))
    except BriefError as exc:
        first = exc.problems[0]
        return (
            "The footer cannot be filled in: "
            + first.message.split(": ", 1)[-1]
            + (f" ({first.hint})" if first.hint else "")
        )
    return ""


def _error_label(parent, accessible: str) -> QLabel:
    """Return a hidden label for a field's error, in red, shown under the field."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #B00020; }")
    label.setAccessibleName(accessible)
    label.hide()
    return label
