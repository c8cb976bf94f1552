"""The theme editor's look and the deck's date live in the brief: saved, autosaved, reopened as they were."""

from __future__ import annotations

import datetime as dt
import types

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from sinoru_brief.app.main import create_window
from sinoru_brief.brief import Brief, load_brief, model


def press(window, qtbot, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)  # shortcuts go to the focused, active window
    qtbot.keyClick(window.preview, key, modifiers)


def edit_look(window, qtbot, colors):
    """Open the theme editor (Ctrl+T), make the accent crimson and switch the banner on, as a user does."""
    press(window, qtbot, Qt.Key.Key_T)
    editor = window.theme_editor
    colors.answers.append(QColor("#C8102E"))
    qtbot.mouseClick(editor.color_buttons["accent"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.banner_on, Qt.MouseButton.LeftButton, pos=editor.banner_on.rect().center())
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=2000)
    theme = window.controller.view().theme
    assert theme.colors.accent == "C8102E" and theme.banner is not None
    return theme


def test_the_look_is_saved_in_the_brief_and_comes_back_on_open(window, qtbot, colors, file_dialogs, tmp_path):
    theme = edit_look(window, qtbot, colors)
    path = tmp_path / "looked.brief.yaml"
    file_dialogs.save_answers.append(path)
    press(window, qtbot, Qt.Key.Key_S)
    assert not window.isWindowModified()
    saved = load_brief(path)
    assert saved.look["colors"] == {"accent": "C8102E"} and saved.look["banner"]["text"] == "UNCLASSIFIED"
    assert "look:\n" in path.read_text(encoding="utf-8")

    window.files.new_action.trigger()  # saved: no question; the new document has the template's own look
    assert window.controller.view().theme.banner is None
    file_dialogs.open_answers.append(path)
    press(window, qtbot, Qt.Key.Key_O)
    assert window.controller.view().theme == theme
    assert window.theme_editor.banner_on.isChecked()
    assert window.theme_editor.color_buttons["accent"].color() == "C8102E"
    assert window.theme_editor.revert_button.isEnabled() and not window.isWindowModified()


def test_after_a_crash_the_look_comes_back(window, qtbot, colors, autosaver, dialog_log, settings_path):
    theme = edit_look(window, qtbot, colors)
    qtbot.waitUntil(lambda: autosaver.recoverable() is not None, timeout=3000)
    assert autosaver.recoverable()[0].look == window.controller.brief.look

    # The app dies here; the next start offers the work back, look and all.
    again = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert dialog_log.recover_prompts
    assert again.controller.view().theme == theme
    assert again.isWindowModified()


def test_a_deck_left_on_today_keeps_the_day_it_was_saved(make_window, qtbot, file_dialogs, tmp_path, monkeypatch):
    window = make_window(Brief(title="Dated", topics=["outlook"]))
    made = window.controller.brief.deck_date()
    assert window.controller.brief.date is None  # "today": nobody chose a date
    path = tmp_path / "dated.brief.yaml"
    file_dialogs.save_answers.append(path)
    press(window, qtbot, Qt.Key.Key_S)
    assert load_brief(path).date == made and window.controller.brief.date == made
    assert not window.isWindowModified()

    class Later(dt.date):
        @classmethod
        def today(cls):
            return dt.date(made.year + 1, 1, 15)

    monkeypatch.setattr(model, "dt", types.SimpleNamespace(date=Later))  # reopened a year later
    window.files.new_action.trigger()
    assert window.controller.brief.deck_date() == Later.today()
    file_dialogs.open_answers.append(path)
    press(window, qtbot, Qt.Key.Key_O)
    assert window.controller.brief.deck_date() == made
    assert window.inspector.date.date().toPython() == made
    assert window.controller.view().deck.brief.deck_date() == made  # the deck itself is built on that day
