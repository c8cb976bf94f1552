"""The user's own templates in the app: save a look, find it again for the next deck, delete it, build on a master.

The tests build the look's parts alone (:func:`app.partkit.look_parts`: the
theme editor, the inspector and the Format menu on a controller); the window
is built only where the window itself is the subject: the preview it shows
in the middle, and the problems it tells when it opens a brief.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from app.partkit import LookParts, look_parts, open_editor
from app.test_theme_editor import applied
from app.windowkit import THREE_TOPICS, built
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sinoru_brief.app import dialogs, theme_controls, window_templates
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.template_box import TemplateBox
from sinoru_brief.app.user_templates import delete_template, name_problem, unique_name
from sinoru_brief.brief import Brief
from sinoru_brief.errors import TemplateError
from sinoru_brief.theme import builtin_template_names, load_theme, user_template_names, user_templates_dir
from sinoru_brief.units import inches

MASTERS = Path(__file__).parents[1] / "data" / "pptx-templates"


class TemplateAnswers:
    """What the user answers when asked for a template's name and to confirm a replace or delete."""

    def __init__(self):
        self.names: list[str] = []
        self.replace = True
        self.delete = True
        self.asked: list[tuple[str, str]] = []

    def ask_template_name(self, parent, suggested):
        self.asked.append(("name", suggested))
        return self.names.pop(0)

    def ask_replace_template(self, parent, name):
        self.asked.append(("replace", name))
        return self.replace

    def ask_delete_template(self, parent, name):
        self.asked.append(("delete", name))
        return self.delete


@pytest.fixture
def answers(monkeypatch, file_dialogs) -> TemplateAnswers:
    fake = TemplateAnswers()
    for name in ("ask_template_name", "ask_replace_template", "ask_delete_template"):
        monkeypatch.setattr(dialogs, name, getattr(fake, name))
    for module in (window_templates, theme_controls):
        monkeypatch.setattr(module, "QFileDialog", file_dialogs)
    return fake


@pytest.fixture
def parts(qtbot, controller) -> LookParts:
    """The look's parts on the analyst's three topics, as a new window has them."""
    return look_parts(qtbot, controller)


def combo_rows(box: TemplateBox) -> list[tuple[str, str | None]]:
    """Return (text, template name) per row of the inspector's template combo; separators are ("", None)."""
    return [(box.itemText(row), box.itemData(row)) for row in range(box.count())]


def save_red_look(parts: LookParts, qtbot, colors, answers, name="Ministry"):
    """Open the theme editor, make the accent red and save the look as the template *name*; return the editor."""
    editor = open_editor(parts, qtbot)
    colors.answers.append(QColor("#AA0000"))
    editor.color_buttons["accent"].click()
    applied(editor, qtbot)
    answers.names.append(name)
    editor.save_button.click()
    return editor


def test_save_as_template_lists_it_after_the_builtins_and_selects_it(parts, controller, qtbot, colors, answers):
    editor = save_red_look(parts, qtbot, colors, answers)
    built(controller, qtbot)
    assert answers.asked == [("name", "My briefing")]
    folder = user_templates_dir() / "Ministry"
    assert (folder / "template.yaml").is_file()
    builtins = [(load_theme(n).label, n) for n in builtin_template_names()]
    assert combo_rows(parts.inspector.template) == [*builtins, ("", None), ("Ministry", "Ministry")]
    # Listed as the user's own, read from the folder again: not a row for a template the list lacks.
    assert parts.inspector.template.user_templates() == ["Ministry"]
    assert parts.inspector.template.currentText() == "Ministry"
    assert controller.brief.template == "Ministry"
    assert controller.session.theme_override is None  # saved: nothing unsaved is left
    assert controller.view().theme.colors.accent == "AA0000"
    assert "your template" in editor.heading.text() and editor.delete_button.isEnabled()
    assert controller.undo_stack.undoText() == "Save look as template “Ministry”"


def test_a_saved_template_is_there_for_the_next_deck(parts, qtbot, colors, answers, make_controller):
    save_red_look(parts, qtbot, colors, answers)
    # The next deck's inspector (a new window's) reads the user's templates from disk when it is made.
    fresh: DeckController = make_controller(Brief(title="Next day", topics=list(THREE_TOPICS)))
    inspector = Inspector(fresh)
    qtbot.addWidget(inspector)
    box = inspector.template
    assert combo_rows(box)[-1] == ("Ministry", "Ministry")
    box.setCurrentIndex(box.findData("Ministry"))
    box.activated.emit(box.currentIndex())
    assert fresh.view().theme.colors.accent == "AA0000"


def test_saving_over_your_own_template_asks_first(parts, controller, qtbot, colors, answers):
    editor = save_red_look(parts, qtbot, colors, answers)
    colors.answers.append(QColor("#0000AA"))
    editor.color_buttons["accent"].click()
    applied(editor, qtbot)
    answers.replace = False
    answers.names.append("Ministry")
    editor.save_button.click()
    assert answers.asked[-2:] == [("name", "Ministry"), ("replace", "Ministry")]
    assert load_theme("Ministry").colors.accent == "AA0000"
    assert controller.session.theme_override is not None
    answers.replace = True
    answers.names.append("Ministry")
    editor.save_button.click()
    assert load_theme("Ministry").colors.accent == "0000AA"
    assert controller.view().theme.colors.accent == "0000AA"
    assert controller.session.theme_override is None


def test_a_bad_name_or_a_builtin_name_is_refused(parts, qtbot, colors, answers, dialog_log):
    editor = save_red_look(parts, qtbot, colors, answers, name="../escape")
    assert dialog_log.errors == [
        (
            "Cannot save the template",
            "“../escape” cannot name a template. Use up to 80 "
            "letters, digits, spaces, dots, dashes and underscores, starting with a letter "
            "or digit.",
        )
    ]
    answers.names.append("plain")
    editor.save_button.click()
    assert dialog_log.errors[-1] == (
        "Cannot save the template",
        "“plain” cannot name a template. “plain” is a built-in template; choose another name.",
    )
    assert user_template_names() == []
    assert not (user_templates_dir().parent / "escape").exists()


def test_delete_asks_then_removes_the_template_and_goes_back_to_the_default(parts, controller, qtbot, colors, answers):
    editor = save_red_look(parts, qtbot, colors, answers)
    answers.delete = False
    editor.delete_button.click()
    assert (user_templates_dir() / "Ministry").is_dir()
    answers.delete = True
    editor.delete_button.click()
    assert answers.asked[-2:] == [("delete", "Ministry"), ("delete", "Ministry")]
    assert not (user_templates_dir() / "Ministry").exists()
    assert controller.brief.template == "briefing"
    assert ("Ministry", "Ministry") not in combo_rows(parts.inspector.template)
    assert not editor.delete_button.isEnabled()
    assert controller.view().theme.colors.accent == "E0A526"


def test_builtin_templates_are_never_deleted(parts, answers, dialog_log):
    assert not parts.editor.delete_button.isEnabled()
    parts.looks.delete_template_action.trigger()
    assert dialog_log.errors == [
        ("Cannot delete the template", "“briefing” is a built-in template; only templates of your own can be deleted.")
    ]
    assert ("delete", "briefing") not in answers.asked
    with pytest.raises(TemplateError):
        delete_template("briefing")
    assert load_theme("briefing").name == "briefing"


def test_a_brief_whose_template_was_deleted_opens_in_the_default_look(make_window, dialog_log):
    # On the window: it is the window that tells the brief's problems when it opens.
    window = make_window(Brief(title="Old", topics=list(THREE_TOPICS), template="Gone"))
    assert window.controller.view().theme.name == "briefing"
    assert window.inspector.template.currentText() == "Gone"
    title, message = dialog_log.errors[0]
    assert title == "The template cannot be used"
    assert message.startswith("Gone: no such template")
    assert message.endswith("The deck is shown in the “briefing” look; choose another template in the inspector.")


def test_use_my_powerpoint_template_builds_the_deck_on_the_master_as_your_template(
    parts, controller, qtbot, answers, file_dialogs
):
    file_dialogs.open_answers.append(MASTERS / "officer__template.pptx")
    parts.looks.master_action.trigger()
    built(controller, qtbot)
    assert controller.brief.template == "officer__template"
    assert (user_templates_dir() / "officer__template" / "master.pptx").is_file()
    assert {(page.width, page.height) for page in controller.view().pages} == {(inches(10), inches(7.5))}
    assert combo_rows(parts.inspector.template)[-1] == ("officer__template", "officer__template")
    assert parts.looks.master_report is None  # the master lacks nothing: no message box
    assert parts.status.last == "The deck is built on officer__template.pptx (your template “officer__template”)"
    editor = parts.editor
    assert editor.master_note.toolTip() == str(user_templates_dir() / "officer__template" / "master.pptx")
    assert editor.heading.text() == "Template: <b>officer__template</b> (your template)"
    assert not editor.color_group.isEnabled()
    file_dialogs.open_answers.append(MASTERS / "officer__template.pptx")
    parts.looks.master_action.trigger()  # the same file again: a second template, not an overwrite
    assert controller.brief.template == "officer__template 2"


def test_use_my_powerpoint_template_reshapes_the_windows_preview(window, qtbot, answers, file_dialogs):
    # On the window: the preview in its middle is handed the deck's page by the window, and the
    # window's status bar is where the look's parts report.
    assert window.preview.page.width / window.preview.page.height == pytest.approx(16 / 9, rel=0.001)
    file_dialogs.open_answers.append(MASTERS / "officer__template.pptx")
    window.looks.master_action.trigger()
    built(window, qtbot)
    page = window.preview.page
    assert (page.width, page.height) == (inches(10), inches(7.5))
    rect = window.preview.target_rect()
    assert rect.width() / rect.height() == pytest.approx(4 / 3, rel=0.01)
    assert window.statusBar().currentMessage() == (
        "The deck is built on officer__template.pptx (your template “officer__template”)"
    )


def test_a_master_that_lacks_layouts_says_so_without_blocking(parts, controller, answers, file_dialogs):
    from sinoru_brief.theme import load_master, mapping

    path = MASTERS / "officer__test-no-placeholders-in-layout.pptx"
    file_dialogs.open_answers.append(path)
    parts.looks.master_action.trigger()
    box = parts.looks.master_report
    assert box is not None and box.isVisible() and box.windowModality() == Qt.WindowModality.NonModal
    for note in mapping(load_master(path)).missing:
        assert f"<li>{html.escape(note)}</li>" in box.informativeText()
    assert controller.brief.template == "officer__test-no-placeholders-in-layout"
    box.close()


def test_a_broken_pptx_shows_why_and_changes_nothing(parts, controller, answers, file_dialogs, dialog_log, tmp_path):
    broken = tmp_path / "corporate.pptx"
    broken.write_bytes(os.urandom(4096))
    file_dialogs.open_answers.append(broken)
    parts.looks.master_action.trigger()
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Cannot use this PowerPoint file"
    assert message.startswith(f"{broken}: ") and "is not a PowerPoint file" in message
    assert controller.brief.template == "briefing"
    assert user_template_names() == []


def test_a_master_starts_from_a_clean_look(parts, controller, qtbot, answers, file_dialogs):
    editor = open_editor(parts, qtbot)
    editor.size_editors["body"].size_box.setValue(20)
    editor.banner_on.click()
    applied(editor, qtbot)
    file_dialogs.open_answers.append(MASTERS / "coreoz__demo-template.pptx")
    parts.looks.master_action.trigger()
    theme = controller.view().theme
    fresh = load_theme("coreoz__demo-template")
    # The banner and the 20 pt body were not carried onto the master unasked; the status bar says so.
    assert theme == fresh and theme.banner is None and theme.sizes.body.size != 20
    assert controller.brief.look == {} and controller.session.theme_override is None
    assert "the look's changes were set aside (Undo brings them back)" in parts.status.last
    controller.undo_stack.undo()
    assert controller.view().theme.banner is not None
    assert controller.view().theme.sizes.body.size == 20


def test_names_for_new_templates():
    assert unique_name("Corporate (2024) template") == "Corporate -2024- template"
    assert unique_name("plain") == "plain 2"
    assert unique_name("...") == "template"
    assert name_problem("a/b") != "" and name_problem("academic") != "" and name_problem("My look 2") == ""


def test_a_saved_template_carries_its_logo(parts, controller, qtbot, answers, file_dialogs, tmp_path):
    from PIL import Image

    logo = tmp_path / "crest.png"
    Image.new("RGB", (80, 40), (20, 120, 60)).save(logo)
    editor = open_editor(parts, qtbot)
    file_dialogs.open_answers.append(logo)
    editor.logo.choose_button.click()
    applied(editor, qtbot)
    answers.names.append("With crest")
    editor.save_button.click()
    folder = user_templates_dir() / "With crest"
    assert sorted(p.name for p in folder.iterdir()) == ["crest.png", "template.yaml"]
    logo.unlink()  # the template keeps its own copy
    theme = controller.view().theme
    assert theme.logo == (folder / "crest.png").resolve() and theme.logo.is_file()
    assert editor.logo.path == theme.logo
