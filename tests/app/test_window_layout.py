"""View > Reset Layout, panels that win back their room, and saved arrangements that would leave a panel unusable."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt

from sinoru_brief.app.window_layout import USABLE_WIDTH


def view_action(window, text: str):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a for a in view.actions() if a.text() == text)


def settle(qtbot, window):
    """Let the window lay itself out and the panels recover, as after any resize the user makes."""
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not window.panels._pending.isActive(), timeout=2000)


def near(value: int, wanted: int) -> bool:
    return abs(value - wanted) <= 12  # splitter handles and frames take a few pixels


def test_reset_layout_brings_every_panel_back(window, qtbot):
    settle(qtbot, window)
    window.preview.setFocus()
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)
    qtbot.keyClick(window.preview, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # hide the library
    assert window.library_dock.isHidden()
    window.inspector_dock.setFloating(True)
    window.inspector_dock.move(QPoint(-5000, -5000))
    window.deck_dock.hide()
    assert set(window.panels.unusable()) == {"Library", "Deck", "Inspector"}  # the inspector: off every screen

    view_action(window, "Reset &Layout").trigger()
    settle(qtbot, window)
    assert window.panels.unusable() == []
    for dock, area in (
        (window.library_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
        (window.deck_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        (window.inspector_dock, Qt.DockWidgetArea.RightDockWidgetArea),
    ):
        assert dock.isVisible() and not dock.isFloating() and window.dockWidgetArea(dock) == area
    assert near(window.library_dock.width(), 340) and near(window.inspector_dock.width(), 360)
    assert not window.theme_dock.isVisible()  # as a new window has it


def test_a_window_made_small_then_large_gets_its_panels_back(window, qtbot):
    settle(qtbot, window)
    library, inspector = window.library_dock.width(), window.inspector_dock.width()
    window.resize(600, 450)
    settle(qtbot, window)
    assert window.library_dock.width() < library  # squeezed while the window is small...
    window.resize(1280, 800)
    settle(qtbot, window)
    assert near(window.library_dock.width(), library) and near(window.inspector_dock.width(), inspector)
    assert window.centralWidget().width() > 420  # ...and the preview keeps room to show the slide


def test_a_panel_squeezed_to_nothing_recovers_on_the_next_resize(window, qtbot):
    settle(qtbot, window)
    window.resizeDocks([window.inspector_dock], [40], Qt.Orientation.Horizontal)
    settle(qtbot, window)
    window.resize(window.width(), window.height() - 10)  # any resize: the sliver is unusable
    settle(qtbot, window)
    assert window.inspector_dock.width() >= USABLE_WIDTH


def test_a_saved_arrangement_that_hides_a_panel_falls_back_to_the_default(make_window, qtbot, settings_path):
    first = make_window()
    first.library_dock.hide()
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    settings.setValue("window/state", first.saveState())
    settings.sync()

    again = make_window()
    settle(qtbot, again)
    assert again.library_dock.isVisible() and again.panels.unusable() == []


def test_a_saved_arrangement_that_works_is_kept(make_window, qtbot, settings_path):
    first = make_window()
    settle(qtbot, first)
    first.resizeDocks([first.library_dock], [260], Qt.Orientation.Horizontal)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.deck_dock)  # the strip, moved to a side
    settle(qtbot, first)
    QSettings(str(settings_path), QSettings.Format.IniFormat).setValue("window/state", first.saveState())

    again = make_window()
    settle(qtbot, again)
    assert again.dockWidgetArea(again.deck_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert again.library_dock.isVisible() and again.deck_dock.isVisible()


def test_a_damaged_saved_arrangement_falls_back_to_the_default(make_window, qtbot, settings_path):
    QSettings(str(settings_path), QSettings.Format.IniFormat).setValue("window/state", QByteArray(b"not a state"))
    window = make_window()
    settle(qtbot, window)
    assert window.panels.unusable() == []
    assert window.dockWidgetArea(window.deck_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
