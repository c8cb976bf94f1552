"""The user's own templates in the app: save a look, find it again in a new window, delete it, build on a master."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from app.test_theme_editor import applied, open_editor
from app.windowkit import THREE_TOPICS, built
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sinoru_brief.app import dialogs, theme_controls, window_templates
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


def combo_rows(window) -> list[tuple[str, str | None]]:
    """Return (text, template name) per row of the inspector's template combo; separators are ("", None)."""
    box = window.inspector.template
    return [(box.itemText(row), box.itemData(row)) for row in range(box.count())]


def save_red_look(window, qtbot, colors, answers, name="Ministry"):
    editor = open_editor(window, qtbot)
    colors.answers.append(QColor("#AA0000"))
    editor.color_buttons["accent"].click()
    applied(window.theme_editor, qtbot)
    answers.names.append(name)
    editor.save_button.click()
    return editor


def test_save_as_template_lists_it_after_the_builtins_and_selects_it(window, qtbot, colors, answers):
    editor = save_red_look(window, qtbot, colors, answers)
    built(window, qtbot)
    assert answers.asked == [("name", "My briefing")]
    folder = user_templates_dir() / "Ministry"
    assert (folder / "template.yaml").is_file()
    builtins = [(load_theme(n).label, n) for n in builtin_template_names()]
    assert combo_rows(window) == [*builtins, ("", None), ("Ministry", "Ministry")]
    assert window.inspector.template.currentText() == "Ministry"
    assert window.controller.brief.template == "Ministry"
    assert window.controller.session.theme_override is None  # saved: nothing unsaved is left
    assert window.controller.view().theme.colors.accent == "AA0000"
    assert "your template" in editor.heading.text() and editor.delete_button.isEnabled()
    assert window.controller.undo_stack.undoText() == "Save look as template “Ministry”"


def test_a_saved_template_is_there_in_a_new_window(window, qtbot, colors, answers, make_window):
    save_red_look(window, qtbot, colors, answers)
    fresh = make_window(Brief(title="Next day", topics=list(THREE_TOPICS)))
    rows = combo_rows(fresh)
    assert rows[-1] == ("Ministry", "Ministry")
    box = fresh.inspector.template
    box.setCurrentIndex(box.findData("Ministry"))
    box.activated.emit(box.currentIndex())
    assert fresh.controller.view().theme.colors.accent == "AA0000"


def test_saving_over_your_own_template_asks_first(window, qtbot, colors, answers):
    editor = save_red_look(window, qtbot, colors, answers)
    colors.answers.append(QColor("#0000AA"))
    editor.color_buttons["accent"].click()
    applied(window.theme_editor, qtbot)
    answers.replace = False
    answers.names.append("Ministry")
    editor.save_button.click()
    assert answers.asked[-2:] == [("name", "Ministry"), ("replace", "Ministry")]
    assert load_theme("Ministry").colors.accent == "AA0000"
    assert window.controller.session.theme_override is not None
    answers.replace = True
    answers.names.append("Ministry")
    editor.save_button.click()
    assert load_theme("Ministry").colors.accent == "0000AA"
    assert window.controller.view().theme.colors.accent == "0000AA"
    assert window.controller.session.theme_override is None


def test_a_bad_name_or_a_builtin_name_is_refused(window, qtbot, colors, answers, dialog_log):
    editor = save_red_look(window, qtbot, colors, answers, name="../escape")
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


def test_delete_asks_then_removes_the_template_and_goes_back_to_the_default(window, qtbot, colors, answers):
    editor = save_red_look(window, qtbot, colors, answers)
    answers.delete = False
    editor.delete_button.click()
    assert (user_templates_dir() / "Ministry").is_dir()
    answers.delete = True
    editor.delete_button.click()
    assert answers.asked[-2:] == [("delete", "Ministry"), ("delete", "Ministry")]
    assert not (user_templates_dir() / "Ministry").exists()
    assert window.controller.brief.template == "briefing"
    assert ("Ministry", "Ministry") not in combo_rows(window)
    assert not editor.delete_button.isEnabled()
    assert window.controller.view().theme.colors.accent == "E0A526"


def test_builtin_templates_are_never_deleted(window, answers, dialog_log):
    assert not window.theme_editor.delete_button.isEnabled()
    window.looks.delete_template_action.trigger()
    assert dialog_log.errors == [
        ("Cannot delete the template", "“briefing” is a built-in template; only templates of your own can be deleted.")
    ]
    assert ("delete", "briefing") not in answers.asked
    with pytest.raises(TemplateError):
        delete_template("briefing")
    assert load_theme("briefing").name == "briefing"


def test_a_brief_whose_template_was_deleted_opens_in_the_default_look(make_window, dialog_log):
    window = make_window(Brief(title="Old", topics=list(THREE_TOPICS), template="Gone"))
    assert window.controller.view().theme.name == "briefing"
    assert window.inspector.template.currentText() == "Gone"
    title, message = dialog_log.errors[0]
    assert title == "The template cannot be used"
    assert message.startswith("Gone: no such template")
    assert message.endswith("The deck is shown in the “briefing” look; choose another template in the inspector.")


def test_use_my_powerpoint_template_takes_the_masters_size(window, qtbot, answers, file_dialogs):
    assert window.preview.page.width / window.preview.page.height == pytest.approx(16 / 9, rel=0.001)
    file_dialogs.open_answers.append(MASTERS / "officer__template.pptx")
    window.looks.master_action.trigger()
    built(window, qtbot)
    assert window.controller.brief.template == "officer__template"
    assert (user_templates_dir() / "officer__template" / "master.pptx").is_file()
    page = window.preview.page
    assert (page.width, page.height) == (inches(10), inches(7.5))
    rect = window.preview.target_rect()
    assert rect.width() / rect.height() == pytest.approx(4 / 3, rel=0.01)
    assert combo_rows(window)[-1] == ("officer__template", "officer__template")
    assert window.looks.master_report is None  # the master lacks nothing: no message box
    assert window.statusBar().currentMessage() == (
        "The deck is built on officer__template.pptx (your template “officer__template”)"
    )
    assert window.theme_editor.master_note.toolTip() == str(user_templates_dir() / "officer__template" / "master.pptx")
    assert window.theme_editor.heading.text() == "Template: <b>officer__template</b> (your template)"
    assert not window.theme_editor.color_group.isEnabled()
    file_dialogs.open_answers.append(MASTERS / "officer__template.pptx")
    window.looks.master_action.trigger()  # the same file again: a second template, not an overwrite
    assert window.controller.brief.template == "officer__template 2"


def test_a_master_that_lacks_layouts_says_so_without_blocking(window, qtbot, answers, file_dialogs):
    from sinoru_brief.theme import load_master, mapping

    path = MASTERS / "officer__test-no-placeholders-in-layout.pptx"
    file_dialogs.open_answers.append(path)
    window.looks.master_action.trigger()
    box = window.looks.master_report
    assert box is not None and box.isVisible() and box.windowModality() == Qt.WindowModality.NonModal
    for note in mapping(load_master(path)).missing:
        assert f"<li>{html.escape(note)}</li>" in box.informativeText()
    assert window.controller.brief.template == "officer__test-no-placeholders-in-layout"
    box.close()


def test_a_broken_pptx_shows_why_and_changes_nothing(window, answers, file_dialogs, dialog_log, tmp_path):
    broken = tmp_path / "corporate.pptx"
    broken.write_bytes(os.urandom(4096))
    file_dialogs.open_answers.append(broken)
    window.looks.master_action.trigger()
    assert len(dialog_log.errors) == 1
    title, message = dialog_log.errors[0]
    assert title == "Cannot use this PowerPoint file"
    assert message.startswith(f"{broken}: ") and "is not a PowerPoint file" in message
    assert window.controller.brief.template == "briefing"
    assert user_template_names() == []


def test_a_master_starts_from_a_clean_look(window, qtbot, answers, file_dialogs):
    editor = open_editor(window, qtbot)
    editor.size_editors["body"].size_box.setValue(20)
    editor.banner_on.click()
    applied(window.theme_editor, qtbot)
    file_dialogs.open_answers.append(MASTERS / "coreoz__demo-template.pptx")
    window.looks.master_action.trigger()
    theme = window.controller.view().theme
    fresh = load_theme("coreoz__demo-template")
    # The banner and the 20 pt body were not carried onto the master unasked; the status bar says so.
    assert theme == fresh and theme.banner is None and theme.sizes.body.size != 20
    assert window.controller.brief.look == {} and window.controller.session.theme_override is None
    assert "the look's changes were set aside (Undo brings them back)" in window.statusBar().currentMessage()
    window.controller.undo_stack.undo()
    assert window.controller.view().theme.banner is not None
    assert window.controller.view().theme.sizes.body.size == 20


def test_names_for_new_templates():
    assert unique_name("Corporate (2024) template") == "Corporate -2024- template"
    assert unique_name("plain") == "plain 2"
    assert unique_name("...") == "template"
    assert name_problem("a/b") != "" and name_problem("academic") != "" and name_problem("My look 2") == ""


def test_a_saved_template_carries_its_logo(window, qtbot, answers, file_dialogs, tmp_path):
    from PIL import Image

    logo = tmp_path / "crest.png"
    Image.new("RGB", (80, 40), (20, 120, 60)).save(logo)
    editor = open_editor(window, qtbot)
    file_dialogs.open_answers.append(logo)
    editor.logo.choose_button.click()
    applied(window.theme_editor, qtbot)
    answers.names.append("With crest")
    editor.save_button.click()
    folder = user_templates_dir() / "With crest"
    assert sorted(p.name for p in folder.iterdir()) == ["crest.png", "template.yaml"]
    logo.unlink()  # the template keeps its own copy
    theme = window.controller.view().theme
    assert theme.logo == (folder / "crest.png").resolve() and theme.logo.is_file()
    assert editor.logo.path == theme.logo
