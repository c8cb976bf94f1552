"""The main window: keyboard stepping, shortcuts, accessible names, remembered state, notes."""

from __future__ import annotations

from app.windowkit import deck_keys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def menu_actions(menu: QMenu):
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            if action.menu().title() != "Open &Recent":  # file names, one per recent brief
                yield from menu_actions(action.menu())
            continue
        yield action


def all_menu_actions(window) -> list[QAction]:
    return [a for top in window.menuBar().actions() for a in menu_actions(top.menu())]


def test_arrow_keys_in_the_preview_step_through_the_deck(window, qtbot):
    window.deck_panel.select_page(0)
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_Right)
    qtbot.keyClick(window.preview, Qt.Key.Key_Down)
    assert window.deck_panel.current_page() == 2
    assert window.preview.page is window.controller.view().pages[2]
    assert window.slide_label.text() == f"Slide 3 of {len(window.controller.view().pages)}"
    qtbot.keyClick(window.preview, Qt.Key.Key_Left)
    assert window.deck_panel.current_page() == 1
    qtbot.keyClick(window.preview, Qt.Key.Key_Left)
    qtbot.keyClick(window.preview, Qt.Key.Key_Left)  # already at the first slide
    assert window.deck_panel.current_page() == 0
    last = len(deck_keys(window)) - 1
    window.deck_panel.select_page(last)
    qtbot.keyClick(window.preview, Qt.Key.Key_Right)
    assert window.deck_panel.current_page() == last
    qtbot.waitUntil(window.preview.hasFocus, timeout=2000)  # stepping never moves the focus away


def test_next_and_previous_slide_shortcuts_work_from_anywhere(window, qtbot):
    window.deck_panel.select_page(3)
    window.library_panel.tree.setFocus()
    qtbot.keyClick(window.library_panel.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.deck_panel.current_page() == 4


def test_neighbouring_slides_are_drawn_ahead(window, qtbot):
    from sinoru_brief.app.images import page_signature

    window.deck_panel.select_page(5)
    window.images.wait()
    qtbot.wait(10)
    pages = window.controller.view().pages
    for row in (4, 6):
        key = (page_signature(pages[row]), window.preview.image_width(pages[row]))
        assert key in window.images


def test_the_preview_fits_the_slide_to_its_size(window, qtbot):
    preview = window.preview
    image = preview.current_image()
    rect = preview.target_rect()
    assert abs(image.width() - rect.width() * preview.devicePixelRatioF()) <= 1
    assert rect.width() <= preview.width() and rect.height() <= preview.height()
    window.resize(window.width() + 200, window.height())
    qtbot.waitUntil(lambda: preview.current_image().width() != image.width())


def test_notes_show_speaker_notes_and_clickable_sources(window, real_library):
    window.deck_panel.select_key("gray-zone-baltic-cables")
    text = window.notes.toPlainText()
    slide = real_library.slide("gray-zone-baltic-cables")
    assert slide.notes.split("\n\n")[0].strip() in text
    assert "Sources" in text
    html = window.notes.toHtml()
    view = window.controller.view()
    deck_slide = next(s for s in view.deck.slides if s.key == "gray-zone-baltic-cables")
    urls = [view.deck.reference(n).url for n in deck_slide.citations if view.deck.reference(n).url]
    assert urls and all(f'href="{url}"' in html for url in urls)
    assert window.notes.openExternalLinks()


def test_every_menu_action_has_a_shortcut_and_a_status_tip(window):
    actions = all_menu_actions(window)
    assert len(actions) >= 18
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []
    shortcuts = [a.shortcut().toString() for a in actions]
    assert len(shortcuts) == len(set(shortcuts)), "two actions share a shortcut"
    assert {a.text().replace("&", "") for a in actions} >= {
        "New",
        "Open…",
        "Save",
        "Save As…",
        "Export",
        "Export As…",
        "Quit",
        "Remove Slide",
        "Next Slide",
        "Previous Slide",
        "Find in Library",
        "Zoom to Fit",
        "Library",
        "Deck",
        "Inspector",
    }


def test_find_shortcut_focuses_the_search_box(window, qtbot):
    window.preview.setFocus()
    window.find_action.trigger()
    assert window.library_panel.search.hasFocus()


def test_key_widgets_have_accessible_names(window):
    named = {
        window.library_panel.search: "Search the library",
        window.library_panel.depth_box: "Depth",
        window.library_panel.tree: "Library topics and slides",
        window.deck_panel.view: "Deck slides",
        window.deck_panel.restore_button: "Bring back removed slides",
        window.preview: "Slide preview",
        window.notes: "Speaker notes and sources",
        window.inspector.title: "Deck title",
        window.inspector.template: "Template",
        window.inspector.style_box: "Citation style",
        window.inspector.slide_title: "Slide title",
        window.exporter.export_button: "Export to PowerPoint",
        window.exporter.progress: "Export progress",
    }
    assert {w.accessibleName() for w in named} == set(named.values())
    assert all(w.accessibleName() == name for w, name in named.items())
    window.deck_panel.select_key("summits-warm-welcome")
    assert window.preview.accessibleDescription() == window.preview.page.title


def test_window_state_is_remembered(make_window, settings_path, qtbot):
    # Smaller than Qt's offscreen screen (800x600): restoring clamps a window to its screen.
    first = make_window(size=(760, 560))
    first.inspector_dock.hide()
    first.close()
    saved = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert saved.value("window/geometry") is not None

    second = make_window(size=None)
    assert (second.width(), second.height()) == (760, 560)
    assert not second.inspector_dock.isVisible()
    assert second.library_dock.isVisible()


def test_first_start_opens_at_a_comfortable_size(make_window):
    window = make_window(size=None)
    assert (window.width(), window.height()) == (1440, 900)


def test_undo_and_redo_buttons_name_the_step(window):
    assert not window.undo.toolbar_undo.isEnabled()
    window.library_panel.check_topic("outlook")
    assert window.undo.toolbar_undo.isEnabled() and window.undo.toolbar_undo.text() == "Undo"
    title = window.controller.session.library.topic("outlook").title
    assert window.undo.toolbar_undo.toolTip() == f"Undo Add “{title}” (Ctrl+Z)"
    assert window.undo.undo_action.text() == f"&Undo Add “{title}”"
    window.undo.toolbar_undo.trigger()
    assert "outlook" not in window.controller.brief.topics
    assert window.undo.toolbar_redo.isEnabled()
