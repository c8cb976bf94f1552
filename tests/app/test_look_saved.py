"""The theme editor's look and the deck's date live in the brief: saved, autosaved, reopened as they were.

The tests build the parts the user works with here, on a controller: the
theme editor and the Format menu (:func:`app.partkit.look_parts`), the
inspector for the date, and the File actions (:class:`BriefFiles`), their
shortcuts pressed on the widget they join. Only the start after a crash is
the window's: the app's launcher offers the work back and builds the window.
Where the window would mark its title as modified, the tests read what it
shows: whether the session has unsaved work (``session.dirty``).
"""

from __future__ import annotations

import datetime as dt
import types

from app.partkit import LookParts, look_parts, open_editor, press, side_by_side
from app.windowkit import show_alone
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.main import create_window
from sinoru_brief.brief import Brief, load_brief, model
from sinoru_brief.theme import Theme


def edit_look(parts: LookParts, qtbot, colors) -> Theme:
    """Open the theme editor (Ctrl+T), make the accent crimson and switch the banner on, as a user does."""
    editor = open_editor(parts, qtbot)
    colors.answers.append(QColor("#C8102E"))
    qtbot.mouseClick(editor.color_buttons["accent"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.banner_on, Qt.MouseButton.LeftButton, pos=editor.banner_on.rect().center())
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=2000)
    theme = editor.controller.view().theme
    assert theme.colors.accent == "C8102E" and theme.banner is not None
    return theme


def test_the_look_is_saved_in_the_brief_and_comes_back_on_open(
    qtbot, controller, colors, file_dialogs, make_brief_files, settings_path, tmp_path
):
    parts = look_parts(qtbot, controller)
    files = make_brief_files(controller, parts.host, parts.status)
    theme = edit_look(parts, qtbot, colors)
    path = tmp_path / "looked.brief.yaml"
    file_dialogs.save_answers.append(path)
    press(qtbot, parts.host, Qt.Key.Key_S)
    assert not controller.session.dirty
    saved = load_brief(path)
    assert saved.look["colors"] == {"accent": "C8102E"} and saved.look["banner"]["text"] == "UNCLASSIFIED"
    assert "look:\n" in path.read_text(encoding="utf-8")

    files.new_action.trigger()  # saved: no question; the new document has the template's own look
    assert controller.view().theme.banner is None
    file_dialogs.open_answers.append(path)
    press(qtbot, parts.host, Qt.Key.Key_O)
    assert controller.view().theme == theme
    assert parts.editor.banner_on.isChecked()
    assert parts.editor.color_buttons["accent"].color() == "C8102E"
    assert parts.editor.revert_button.isEnabled() and not controller.session.dirty


def test_after_a_crash_the_look_comes_back(
    qtbot, controller, colors, autosaver, dialog_log, make_brief_files, settings_path
):
    parts = look_parts(qtbot, controller)
    files = make_brief_files(controller, parts.host, parts.status)
    theme = edit_look(parts, qtbot, colors)
    qtbot.waitUntil(lambda: autosaver.recoverable() is not None, timeout=3000)
    assert autosaver.recoverable()[0].look == files.controller.brief.look

    # The app dies here; the next start offers the work back, look and all.
    again = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert dialog_log.recover_prompts
    assert again.controller.view().theme == theme
    assert again.isWindowModified()


def test_a_deck_left_on_today_keeps_the_day_it_was_saved(
    qtbot, make_controller, make_brief_files, file_dialogs, tmp_path, monkeypatch
):
    controller = make_controller(Brief(title="Dated", topics=["outlook"]))
    inspector = Inspector(controller)
    owner = show_alone(qtbot, side_by_side(inspector), (420, 700))
    files = make_brief_files(controller, owner)
    made = controller.brief.deck_date()
    assert controller.brief.date is None  # "today": nobody chose a date
    path = tmp_path / "dated.brief.yaml"
    file_dialogs.save_answers.append(path)
    press(qtbot, owner, Qt.Key.Key_S)
    assert load_brief(path).date == made and controller.brief.date == made
    assert not controller.session.dirty

    class Later(dt.date):
        @classmethod
        def today(cls):
            return dt.date(made.year + 1, 1, 15)

    monkeypatch.setattr(model, "dt", types.SimpleNamespace(date=Later))  # reopened a year later
    files.new_action.trigger()
    assert controller.brief.deck_date() == Later.today()
    file_dialogs.open_answers.append(path)
    press(qtbot, owner, Qt.Key.Key_O)
    assert controller.brief.deck_date() == made
    assert inspector.date.date().toPython() == made
    assert controller.view().deck.brief.deck_date() == made  # the deck itself is built on that day
