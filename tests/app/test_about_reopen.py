"""The About box, the application icon and the offer to reopen the last brief."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton

from sinoru_brief.about import content_as_of
from sinoru_brief.app import dialogs
from sinoru_brief.app.main import create_window
from sinoru_brief.brief import Brief, save_brief


def settings_with_recent(settings_path, *paths) -> QSettings:
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("recent", [str(p) for p in paths])
    return settings


def offer(window) -> QPushButton | None:
    return window.findChild(QPushButton, "reopen-last-brief")


def test_about_shows_version_content_date_and_font_licences(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)
    window.about_action.trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "About sinoru-brief"
    assert f"sinoru-brief {metadata.version('sinoru-brief')}" in text
    as_of = content_as_of(window.controller.session.library)
    assert f"as of <b>{as_of.day} {as_of:%B %Y}</b>" in text
    for font in ("Carlito", "Liberation Sans", "Liberation Serif", "Droid Sans Fallback"):
        assert f"<td>{font}</td>" in text
    assert "Carlito-LICENSE.txt</a>" in text and "DroidSansFallback-NOTICE.txt</a>" in text


def test_the_window_has_the_application_icon(qtbot, autosaver, dialog_log, settings_path):
    window = create_window([], autosaver=autosaver, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    icon = window.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}


def test_the_last_brief_is_offered_and_reopens(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    last = tmp_path / "last.brief.yaml"
    save_brief(Brief(title="Last time", topics=["outlook"]), last)
    gone = tmp_path / "deleted.brief.yaml"
    window = create_window([], autosaver=autosaver, settings=settings_with_recent(settings_path, gone, last))
    qtbot.addWidget(window)
    button = offer(window)
    assert button is not None and button.text() == "Reopen last.brief.yaml"  # the deleted one is skipped
    assert window.controller.session.path is None  # only offered, never opened unasked

    button.click()
    assert window.controller.session.path == last
    assert window.controller.brief.title == "Last time"
    qtbot.waitUntil(lambda: offer(window) is None)


def test_the_offer_goes_when_another_brief_is_opened(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    last, other = tmp_path / "last.brief.yaml", tmp_path / "other.brief.yaml"
    for path in (last, other):
        save_brief(Brief(title=path.stem, topics=["outlook"]), path)
    window = create_window([], autosaver=autosaver, settings=settings_with_recent(settings_path, last))
    qtbot.addWidget(window)
    assert offer(window) is not None
    window.open_path(other)
    qtbot.waitUntil(lambda: offer(window) is None)
    assert window.controller.session.path == other


def test_no_offer_when_a_brief_is_named_or_there_is_none(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    last, named = tmp_path / "last.brief.yaml", tmp_path / "named.brief.yaml"
    for path in (last, named):
        save_brief(Brief(title=path.stem, topics=["outlook"]), path)
    window = create_window([str(named)], autosaver=autosaver, settings=settings_with_recent(settings_path, last))
    qtbot.addWidget(window)
    assert offer(window) is None and window.controller.session.path == named

    fresh = create_window(
        [], autosaver=autosaver, settings=QSettings(str(tmp_path / "empty.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(fresh)
    assert offer(fresh) is None


def test_reopening_asks_before_dropping_unsaved_work(qtbot, autosaver, dialog_log, settings_path, tmp_path):
    last = tmp_path / "last.brief.yaml"
    save_brief(Brief(title="Last time", topics=["outlook"]), last)
    window = create_window([], autosaver=autosaver, settings=settings_with_recent(settings_path, last))
    qtbot.addWidget(window)
    window.controller.set_topics(["summits"])
    dialog_log.save_answer = QMessageBox.StandardButton.Cancel
    offer(window).click()
    assert dialog_log.save_prompts == ["Untitled brief"]
    assert window.controller.session.path is None and offer(window) is not None
    dialog_log.save_answer = QMessageBox.StandardButton.Discard


def test_about_html_survives_a_missing_notice(real_library, monkeypatch):
    from sinoru_brief import about
    from sinoru_brief.paths import InstallationError

    def missing(font, folder=None):
        raise InstallationError(f"the licence notice of {font.family} is missing")

    monkeypatch.setattr(about, "font_notice_files", missing)
    text = dialogs.about_html(real_library)
    assert "the licence notice of Carlito is missing" in text
