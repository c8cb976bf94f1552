"""Moving the selected slide from the keyboard and the Slide menu; refusals said in the status bar.

The keys belong to the deck strip, which is built alone on a controller and
gives its refusals in its refused signal; the Slide menu, a strip docked at the
side and the status bar are the window's and tested on one.
"""

from __future__ import annotations

import pytest
from app.windowkit import THREE_TOPICS, library_keys, page_keys, show_alone, shown_keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.brief import Brief, BriefBullet

SHIFT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def strip(deck_strip) -> DeckPanel:
    return deck_strip


@pytest.fixture
def refusals(strip) -> list[str]:
    """The reasons the strip gives for a move or delete it did not do (the window's status bar shows them)."""
    reasons: list[str] = []
    strip.refused.connect(reasons.append)
    return reasons


def summits(strip: DeckPanel) -> list[str]:
    return [k for k in library_keys(strip.controller) if k.startswith("summits-")]


def slide_menu(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Slide")
    return {a.text().replace("&", ""): a for a in menu.actions() if not a.isSeparator()}


def press(strip: DeckPanel, qtbot, key) -> None:
    """Press Ctrl+Shift+*key* with the deck strip focused."""
    strip.view.setFocus()
    qtbot.keyClick(strip.view, key, SHIFT_CTRL)


def test_the_slide_menu_lists_the_moves_with_their_keys(window):
    entries = slide_menu(window)
    assert {name: a.shortcut().toString() for name, a in entries.items()} == {
        "Move Earlier": "Ctrl+Shift+Left",
        "Move Later": "Ctrl+Shift+Right",
        "Move to Previous Topic": "Ctrl+Shift+Up",
        "Move to Next Topic": "Ctrl+Shift+Down",
    }


def test_ctrl_shift_arrows_move_the_slide_within_its_topic_and_undo_puts_it_back(strip, qtbot):
    before = summits(strip)
    strip.select_key(before[1])
    press(strip, qtbot, Qt.Key.Key_Right)
    assert summits(strip) == [before[0], before[2], before[1], *before[3:]]
    assert strip.current_key() == before[1]  # the moved slide stays selected
    press(strip, qtbot, Qt.Key.Key_Left)
    press(strip, qtbot, Qt.Key.Key_Left)
    assert summits(strip) == [before[1], before[0], *before[2:]]
    stack = strip.controller.undo_stack
    assert stack.undoText().startswith("Move “") and stack.undoText().endswith("earlier")
    stack.undo()
    stack.undo()
    stack.undo()
    assert summits(strip) == before


def test_a_library_slide_at_the_edge_of_its_topic_stays_and_says_why(strip, refusals, qtbot):
    first = summits(strip)[0]
    strip.select_key(first)
    count = strip.controller.undo_stack.count()
    press(strip, qtbot, Qt.Key.Key_Left)
    assert summits(strip)[0] == first and strip.controller.undo_stack.count() == count
    assert "already the first slide of “Summit diplomacy" in refusals[-1]
    press(strip, qtbot, Qt.Key.Key_Down)  # to the next topic: a library slide may not
    assert summits(strip)[0] == first and strip.controller.undo_stack.count() == count
    assert "library slide" in refusals[-1]
    assert "stays in its topic" in refusals[-1]


def test_an_own_slide_moves_to_the_next_and_previous_topic(strip, qtbot):
    controller = strip.controller
    own = controller.add_own_slide(summits(strip)[-1], "Our view", [BriefBullet("What it means for us")])
    strip.select_key(own)
    press(strip, qtbot, Qt.Key.Key_Down)
    keys = shown_keys(controller)
    gray = [k for k in keys if k.startswith("gray-zone-")]
    assert keys.index(own) == keys.index(gray[0]) - 1  # first of the next topic
    assert page_keys(controller)[page_keys(controller).index(own) - 1] == "section:gray-zone"
    assert strip.current_key() == own
    press(strip, qtbot, Qt.Key.Key_Up)
    assert shown_keys(controller).index(own) == shown_keys(controller).index(summits(strip)[-1]) + 1
    controller.undo_stack.undo()
    assert page_keys(controller)[page_keys(controller).index(own) - 1] == "section:gray-zone"


def test_a_section_slide_moves_its_topic(strip, refusals, qtbot):
    strip.select_key("section:gray-zone")
    press(strip, qtbot, Qt.Key.Key_Right)
    assert strip.controller.brief.topics == ["summits", "north-korea", "gray-zone"]
    assert strip.current_key() == "section:gray-zone"
    press(strip, qtbot, Qt.Key.Key_Right)
    assert "already the last topic" in refusals[-1]


def test_a_strip_docked_at_the_side_moves_along_with_up_and_down(window, qtbot):
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.deck_dock)
    entries = slide_menu(window)
    assert entries["Move Earlier"].shortcut() == QKeySequence("Ctrl+Shift+Up")
    assert entries["Move to Next Topic"].shortcut() == QKeySequence("Ctrl+Shift+Right")
    before = summits(window.deck_panel)
    window.deck_panel.select_key(before[0])
    press(window.deck_panel, qtbot, Qt.Key.Key_Down)
    assert summits(window.deck_panel)[:2] == [before[1], before[0]]


def test_delete_on_a_generated_slide_says_why_nothing_happened(strip, refusals, qtbot):
    for key, words in (
        ("title", "title slide"),
        ("agenda", "untick a topic"),
        ("section:summits", "untick the topic"),
        ("references", "list what the deck cites"),
    ):
        strip.select_key(key)
        strip.view.setFocus()
        qtbot.keyClick(strip.view, Qt.Key.Key_Delete)
        assert words in refusals[-1], key
    assert strip.controller.undo_stack.count() == 0


def test_the_status_bar_says_why_a_delete_in_the_strip_or_the_preview_did_nothing(window, qtbot):
    panel = window.deck_panel
    panel.select_key("title")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert "title slide" in window.statusBar().currentMessage()
    panel.select_key("gray-zone-espionage")
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_Delete)
    assert "gray-zone-espionage" in page_keys(window.controller)
    assert "Delete does not remove slides from the preview" in window.statusBar().currentMessage()
    assert window.controller.undo_stack.count() == 0


def test_in_an_executive_brief_a_slide_moves_among_its_neighbours_of_the_same_topic(make_controller, images, qtbot):
    controller = make_controller(Brief(title="Exec", topics=list(THREE_TOPICS), depth="key"))  # one slide a topic
    strip = show_alone(qtbot, DeckPanel(controller, images), (600, 260))
    reasons: list[str] = []
    strip.refused.connect(reasons.append)
    own = controller.add_own_slide("summits-timeline", "Bottom line for us", [BriefBullet("Watch it")])
    keys = shown_keys(controller)
    assert keys.index(own) == keys.index("summits-timeline") + 1
    strip.select_key(own)
    press(strip, qtbot, Qt.Key.Key_Left)
    keys = shown_keys(controller)
    assert keys.index(own) == keys.index("summits-timeline") - 1, reasons
    strip.select_key("gray-zone-baltic-cables")
    press(strip, qtbot, Qt.Key.Key_Right)
    assert "already the last slide of “Gray-zone operations" in reasons[-1]
