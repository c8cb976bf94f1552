"""Moving the selected slide from the keyboard and the Slide menu; refusals said in the status bar."""

from __future__ import annotations

from app.windowkit import THREE_TOPICS, content_keys, deck_keys, shown_keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from sinoru_brief.brief import Brief, BriefBullet

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def summits(window):
    return [k for k in content_keys(window) if k.startswith("summits-")]


def slide_menu(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Slide")
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def press(window, qtbot, key) -> None:
    """Press Ctrl+Shift+*key* with the deck strip focused."""
    window.deck_panel.view.setFocus()
    qtbot.keyClick(window.deck_panel.view, key, SHIFT_CTRL)


def test_the_slide_menu_lists_the_moves_with_their_keys(window):
    entries = slide_menu(window)
    assert {name: a.shortcut().toString() for name, a in entries.items()} == {
        "Move Earlier": "Ctrl+Shift+Left",
        "Move Later": "Ctrl+Shift+Right",
        "Move to Previous Topic": "Ctrl+Shift+Up",
        "Move to Next Topic": "Ctrl+Shift+Down",
    }


def test_ctrl_shift_arrows_move_the_slide_within_its_topic_and_undo_puts_it_back(window, qtbot):
    before = summits(window)
    window.deck_panel.select_key(before[1])
    press(window, qtbot, Qt.Key.Key_Right)
    assert summits(window) == [before[0], before[2], before[1], *before[3:]]
    assert window.deck_panel.current_key() == before[1]  # the moved slide stays selected
    press(window, qtbot, Qt.Key.Key_Left)
    press(window, qtbot, Qt.Key.Key_Left)
    assert summits(window) == [before[1], before[0], *before[2:]]
    stack = window.controller.undo_stack
    assert stack.undoText().startswith("Move “") and stack.undoText().endswith("earlier")
    stack.undo()
    stack.undo()
    stack.undo()
    assert summits(window) == before


def test_a_library_slide_at_the_edge_of_its_topic_stays_and_the_status_bar_says_why(window, qtbot):
    first = summits(window)[0]
    window.deck_panel.select_key(first)
    count = window.controller.undo_stack.count()
    press(window, qtbot, Qt.Key.Key_Left)
    assert summits(window)[0] == first and window.controller.undo_stack.count() == count
    assert "already the first slide of “Summit diplomacy" in window.statusBar().currentMessage()
    press(window, qtbot, Qt.Key.Key_Down)  # to the next topic: a library slide may not
    assert summits(window)[0] == first and window.controller.undo_stack.count() == count
    assert "library slide" in window.statusBar().currentMessage()
    assert "stays in its topic" in window.statusBar().currentMessage()


def test_an_own_slide_moves_to_the_next_and_previous_topic(window, qtbot):
    own = window.controller.add_own_slide(summits(window)[-1], "Our view", [BriefBullet("What it means for us")])
    window.deck_panel.select_key(own)
    press(window, qtbot, Qt.Key.Key_Down)
    keys = shown_keys(window)
    gray = [k for k in keys if k.startswith("gray-zone-")]
    assert keys.index(own) == keys.index(gray[0]) - 1  # first of the next topic
    assert deck_keys(window)[deck_keys(window).index(own) - 1] == "section:gray-zone"
    assert window.deck_panel.current_key() == own
    press(window, qtbot, Qt.Key.Key_Up)
    assert shown_keys(window).index(own) == shown_keys(window).index(summits(window)[-1]) + 1
    window.controller.undo_stack.undo()
    assert deck_keys(window)[deck_keys(window).index(own) - 1] == "section:gray-zone"


def test_a_section_slide_moves_its_topic(window, qtbot):
    window.deck_panel.select_key("section:gray-zone")
    press(window, qtbot, Qt.Key.Key_Right)
    assert window.controller.brief.topics == ["summits", "north-korea", "gray-zone"]
    assert window.deck_panel.current_key() == "section:gray-zone"
    press(window, qtbot, Qt.Key.Key_Right)
    assert "already the last topic" in window.statusBar().currentMessage()


def test_a_strip_docked_at_the_side_moves_along_with_up_and_down(window, qtbot):
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.deck_dock)
    entries = slide_menu(window)
    assert entries["Move Earlier"].shortcut() == QKeySequence("Ctrl+Shift+Up")
    assert entries["Move to Next Topic"].shortcut() == QKeySequence("Ctrl+Shift+Right")
    before = summits(window)
    window.deck_panel.select_key(before[0])
    press(window, qtbot, Qt.Key.Key_Down)
    assert summits(window)[:2] == [before[1], before[0]]


def test_delete_on_a_generated_slide_or_in_the_preview_says_why_nothing_happened(window, qtbot):
    panel = window.deck_panel
    for key, words in (
        ("title", "title slide"),
        ("agenda", "untick a topic"),
        ("section:summits", "untick the topic"),
        ("references", "list what the deck cites"),
    ):
        panel.select_key(key)
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
        assert words in window.statusBar().currentMessage(), key
    assert window.controller.undo_stack.count() == 0
    panel.select_key("gray-zone-espionage")
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_Delete)
    assert "gray-zone-espionage" in deck_keys(window)
    assert "Delete does not remove slides from the preview" in window.statusBar().currentMessage()


def test_in_an_executive_brief_a_slide_moves_among_its_neighbours_of_the_same_topic(make_window, qtbot):
    window = make_window(Brief(title="Exec", topics=list(THREE_TOPICS), depth="key"))  # one slide a topic
    own = window.controller.add_own_slide("summits-timeline", "Bottom line for us", [BriefBullet("Watch it")])
    keys = shown_keys(window)
    assert keys.index(own) == keys.index("summits-timeline") + 1
    window.deck_panel.select_key(own)
    press(window, qtbot, Qt.Key.Key_Left)
    keys = shown_keys(window)
    assert keys.index(own) == keys.index("summits-timeline") - 1, window.statusBar().currentMessage()
    window.deck_panel.select_key("gray-zone-baltic-cables")
    press(window, qtbot, Qt.Key.Key_Right)
    assert "already the last slide of “Gray-zone operations" in window.statusBar().currentMessage()
