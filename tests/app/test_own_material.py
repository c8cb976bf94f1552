"""The user's own material in the app: a title-only slide of one's own, a look whose logo file is gone,
and the undo history kept when libraries are opened, closed and reloaded.

The own slide is the deck strip's, built alone on a controller. The rest is
the window's: the library folders are built on the window and put their
actions in its File menu, the controller's notices reach the window's status
bar through them, and work recovered after a crash comes back in the window
the app starts with.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import yaml
from app.test_own_slides import answer_dialog
from app.windowkit import add_slide_after, deck_keys
from PySide6.QtCore import QSettings
from support.own_library import write_library

from sinoru_brief.app import library_folders
from sinoru_brief.app.main import create_window
from sinoru_brief.app.own_slide_dialog import OwnSlideDialog
from sinoru_brief.brief import Brief, load_brief
from sinoru_brief.layout.pages import Picture


def test_a_title_only_own_slide_is_shown_in_the_strip_and_the_preview(deck_strip, controller, qtbot, monkeypatch):
    def fill(dialog: OwnSlideDialog) -> None:
        dialog.title_edit.setText("Questions")
        dialog.notes_edit.setPlainText("Take questions from the floor.")

    answer_dialog(monkeypatch, fill)
    panel = deck_strip
    add_slide_after(panel, qtbot, "summits-warm-welcome")

    [own] = controller.brief.custom_slides
    assert (own.title, own.bullets) == ("Questions", [])
    keys = panel.model.keys()
    assert keys[keys.index("summits-warm-welcome") + 1] == own.id
    assert panel.current_key() == own.id
    # The page laid out for it is the one the preview draws.
    [page] = [p for p in controller.view().pages if p.key == own.id]
    assert [f.text for f in page.text_frames() if f.role == "title"] == ["Questions"]
    assert not [f for f in page.text_frames() if f.role == "body"]
    assert page.notes.startswith("Take questions from the floor.")


# ---------------------------------------------------------------- a look whose logo file is gone

ICON = Path(__file__).parents[2] / "assets" / "icons" / "sinoru-brief-48.png"


def brief_with_a_gone_logo(tmp_path: Path) -> tuple[Path, Path]:
    """Save a brief whose look has a banner and a logo, then delete the logo file; return both paths."""
    logo = tmp_path / "ministry.png"
    shutil.copyfile(ICON, logo)
    path = tmp_path / "ministry.brief.yaml"
    look = {"banner": {"text": "OFFICIAL", "color": "1F3864", "text_color": "FFFFFF"}, "logo": "ministry.png"}
    path.write_text(
        yaml.safe_dump({"title": "Ministry deck", "date": "2025-02-01", "topics": ["summits"], "look": look}),
        encoding="utf-8",
    )
    assert load_brief(path).look["logo"] == str(logo)  # while the file is there, the deck has the logo
    logo.unlink()
    return path, logo


def pictures(window) -> list[Picture]:
    return [box for page in window.controller.view().pages for box in page.boxes if isinstance(box, Picture)]


def test_a_brief_whose_logo_is_gone_opens_says_so_and_keeps_the_logo_when_saved(
    window, qtbot, dialog_log, file_dialogs, tmp_path
):
    path, logo = brief_with_a_gone_logo(tmp_path)
    file_dialogs.open_answers.append(path)
    window.files.open_action.trigger()

    assert dialog_log.errors == []
    assert window.controller.session.path == path
    message = window.statusBar().currentMessage()
    assert str(path) in message and "look.logo" in message and str(logo) in message
    assert "without it" in message
    theme = window.controller.view().theme
    assert theme.logo is None and theme.banner is not None and theme.banner.text == "OFFICIAL"
    assert pictures(window) == []  # left out, not drawn from a file that is not there
    assert not window.isWindowModified()  # nothing was dropped: there is nothing to save

    # The theme editor changes the look: the logo stays named in it.
    window.controller.set_theme(replace(theme, colors=replace(theme.colors, accent="C8102E")), "Accent colour")
    window.controller.set_field("title", "Ministry deck, revised")
    assert window.controller.brief.look["logo"] == str(logo)
    assert window.files.save()
    saved = load_brief(path)
    assert saved.look["logo"] == str(logo) and saved.look["colors"] == {"accent": "C8102E"}

    # The image put back, the deck has its logo again.
    shutil.copyfile(ICON, logo)
    window.controller.set_field("subtitle", "With the logo")
    assert window.controller.view().theme.logo == logo
    assert pictures(window)


# ------------------------------------------------------------ libraries opened and closed keep undo


def library_action(window, text: str):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [action] = [a for a in file_menu.actions() if a.text() == text]
    return action


def undo_texts(window) -> list[str]:
    stack = window.controller.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def test_opening_and_closing_a_library_keeps_the_undo_history(make_window, monkeypatch, tmp_path, dialog_log):
    team = write_library(
        tmp_path / "team",
        sources=["team-memo"],
        topics={"team-arctic": {"team-route": ["team-memo", "wishnick-2025-cooperation-without-coordination"]}},
    )
    monkeypatch.setattr(library_folders.QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(team)))
    window = make_window(Brief(title="Mine", topics=["summits"]))
    controller = window.controller
    controller.set_field("title", "Mine, edited")
    library_action(window, "Open &Library…").trigger()
    assert undo_texts(window) == ["Edit deck title"]  # opening a library keeps what came before
    window.library_panel.check_topic("team-arctic")
    controller.override_title("team-route", "Our route")
    controller.set_depth("full")
    steps = undo_texts(window)
    assert len(steps) == 4

    [close] = library_action(window, "&Close Library").menu().actions()
    close.trigger()
    # The steps that only added the team's topic and retitled its slide do nothing now: only they go.
    assert undo_texts(window) == [steps[0], steps[3]]
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Closed the library {team}; 2 undo steps dropped")
    assert steps[1] in message and steps[2] in message
    assert (controller.brief.topics, controller.brief.depth) == (["summits"], "full")

    window.undo.undo_action.trigger()
    assert (controller.brief.depth, controller.brief.title) == ("standard", "Mine, edited")
    window.undo.undo_action.trigger()
    assert controller.brief.title == "Mine" and not window.isWindowModified()
    assert not window.undo.undo_action.isEnabled()
    window.undo.redo_action.trigger()
    window.undo.redo_action.trigger()
    assert (controller.brief.title, controller.brief.depth, controller.brief.topics) == (
        "Mine, edited",
        "full",
        ["summits"],
    )
    assert "team-arctic" not in deck_keys(window) and "team-route" not in deck_keys(window)


def test_reloading_the_libraries_keeps_every_step_and_the_saved_state(window, qtbot, file_dialogs, tmp_path):
    controller = window.controller
    controller.set_field("title", "Before saving")
    file_dialogs.save_answers.append(tmp_path / "mine.brief.yaml")
    assert window.files.save()
    controller.exclude_slide("summits-warm-welcome")
    controller.set_depth("key")
    steps = undo_texts(window)
    window.library_folders.reload_action.trigger()
    assert undo_texts(window) == steps
    assert window.statusBar().currentMessage() == "Reloaded the libraries"
    assert window.isWindowModified()
    window.undo.undo_action.trigger()
    window.undo.undo_action.trigger()
    assert controller.brief.title == "Before saving" and "summits-warm-welcome" not in controller.brief.exclude
    assert not window.isWindowModified() and controller.undo_stack.isClean()
    window.undo.redo_action.trigger()
    assert controller.brief.exclude == ["summits-warm-welcome"]


def test_work_recovered_after_a_crash_whose_logo_is_gone_comes_back_and_says_so(
    qtbot, tmp_path, autosaver, dialog_log, settings_path
):
    path, logo = brief_with_a_gone_logo(tmp_path)
    autosaver.changed(load_brief(path), path)
    autosaver.flush()

    window = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert dialog_log.recover_prompts  # the work was offered back, not lost for its logo
    assert window.controller.brief.look["logo"] == str(logo)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"{path}: look.logo: the look's logo file '{logo}' is missing")
