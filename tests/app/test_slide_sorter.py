"""The slide sorter: View > Slide Sorter, a grid of the deck to select several slides, drag them and delete them.

Drops are sent as the drag events the grid receives during a real drag
(offscreen Qt cannot run one), with the data the grid's own drag carries.

The sorter is built alone on a controller, as large as the window's centre;
the window's part (View > Slide Sorter, Escape, opening a slide, Edit >
Remove Slide, the strip following the grid) is tested on a window.
"""

from __future__ import annotations

import pytest
from app.windowkit import THREE_TOPICS, deck_keys, library_keys, page_keys, show_alone
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from sinoru_brief.app.slide_sorter import SlideSorter
from sinoru_brief.brief import Brief

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def make_sorter(qtbot, make_controller, images):
    """Return a function that shows a sorter alone for a brief, its first page selected as the window selects it."""

    def make(brief: Brief) -> SlideSorter:
        sorter = SlideSorter(make_controller(brief), images)
        sorter.select_rows([0])
        show_alone(qtbot, sorter, (600, 540))
        sorter.view.setFocus()
        return sorter

    return make


@pytest.fixture
def sorter(make_sorter) -> SlideSorter:
    """A sorter on the analyst's three topics."""
    return make_sorter(Brief(title="China and Russia", topics=list(THREE_TOPICS), depth="standard"))


@pytest.fixture
def refusals(sorter) -> list[str]:
    """The reasons the sorter gives for a move or delete it did not do (the window shows them)."""
    reasons: list[str] = []
    sorter.refused.connect(reasons.append)
    return reasons


def open_sorter(window, qtbot):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    entry = next(a for a in view_menu.actions() if a.text().replace("&", "") == "Slide Sorter")
    entry.trigger()
    assert window.center_stack.currentWidget() is window.sorter
    qtbot.waitUntil(lambda: window.sorter.view.isVisible())
    return window.sorter


def click(sorter, qtbot, key: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    row = sorter.model.keys(list(range(sorter.model.rowCount()))).index(key)
    index = sorter.model.index(row)
    sorter.view.scrollTo(index)
    qtbot.mouseClick(
        sorter.view.viewport(), Qt.MouseButton.LeftButton, modifier, sorter.view.visualRect(index).center()
    )


def gap_point(sorter, key: str) -> QPoint:
    """Return a point in the grid just left of the thumbnail of *key*: a drop there goes before it."""
    row = [p.key for p in sorter.model.pages].index(key)
    sorter.view.scrollTo(sorter.model.index(row))
    rect = sorter.view.visualRect(sorter.model.index(row))
    return QPoint(rect.left() + 6, rect.center().y())


def drop_selection(sorter, at: QPoint) -> None:
    view = sorter.view
    data = view.drag_data(view.drag_rows())
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(
            view.viewport(),
            kind(at, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
        )
    assert view.drop_row >= 0  # the bar showing where they go is drawn
    QApplication.sendEvent(
        view.viewport(),
        QDropEvent(
            QPointF(at), Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
    )
    assert view.drop_row == -1


def test_view_slide_sorter_shows_every_page_and_escape_goes_back(window, qtbot):
    window.deck_panel.select_key("gray-zone-espionage")
    sorter = open_sorter(window, qtbot)
    assert [p.key for p in sorter.model.pages] == deck_keys(window)
    assert sorter.selected_keys() == ["gray-zone-espionage"]  # the slide the user was on
    assert window.sorter_action.shortcut().toString() == "Ctrl+Alt+S" and window.sorter_action.isChecked()
    click(sorter, qtbot, "north-korea-silence")
    assert window.deck_panel.current_key() == "north-korea-silence"  # the strip and preview follow
    assert window.preview.page.key == "north-korea-silence"
    qtbot.keyClick(sorter.view, Qt.Key.Key_Escape)
    assert window.center_stack.currentWidget() is not window.sorter and not window.sorter_action.isChecked()


def test_double_click_opens_the_slide_in_the_normal_view(window, qtbot):
    sorter = open_sorter(window, qtbot)
    row = deck_keys(window).index("north-korea-silence")
    index = sorter.model.index(row)
    sorter.view.scrollTo(index)
    at = sorter.view.visualRect(index).center()
    qtbot.mouseClick(sorter.view.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double-click's first click
    qtbot.mouseDClick(sorter.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.center_stack.currentWidget() is not window.sorter
    assert window.deck_panel.current_key() == "north-korea-silence"
    assert window.preview.page.key == "north-korea-silence"


def test_ctrl_and_shift_click_select_several(sorter, qtbot):
    current: list[int] = []
    sorter.pageSelected.connect(current.append)
    click(sorter, qtbot, "summits-warm-welcome")
    click(sorter, qtbot, "summits-pm-meeting", CTRL)
    assert sorter.selected_keys() == ["summits-warm-welcome", "summits-pm-meeting"]
    click(sorter, qtbot, "summits-warm-welcome", CTRL)  # Ctrl-click again takes it out
    assert sorter.selected_keys() == ["summits-pm-meeting"]
    click(sorter, qtbot, "gray-zone-espionage", SHIFT)  # a range, from the last clicked
    keys = page_keys(sorter.controller)
    assert sorter.selected_keys() == list(
        dict.fromkeys(keys[keys.index("summits-warm-welcome") : keys.index("gray-zone-espionage") + 1])
    )
    assert keys[current[-1]] == "gray-zone-espionage"  # the page the strip and preview are told to show


def test_delete_removes_the_selected_slides_in_one_undo_step(sorter, qtbot):
    controller = sorter.controller
    before = library_keys(controller)
    click(sorter, qtbot, "summits-warm-welcome")
    click(sorter, qtbot, "gray-zone-espionage", CTRL)
    click(sorter, qtbot, "north-korea-silence", CTRL)
    qtbot.keyClick(sorter.view, Qt.Key.Key_Delete)
    assert controller.brief.exclude == ["summits-warm-welcome", "gray-zone-espionage", "north-korea-silence"]
    assert controller.undo_stack.undoText() == "Remove 3 slides"
    assert [p.key for p in sorter.model.pages] == page_keys(controller)
    following = before[before.index("north-korea-silence") + 1]
    assert sorter.selected_keys() == [following]  # the slide after the last removed takes the selection
    controller.undo_stack.undo()
    assert library_keys(controller) == before


def test_delete_with_generated_slides_selected_removes_the_rest_and_says_why_they_stay(sorter, refusals, qtbot):
    click(sorter, qtbot, "agenda")
    click(sorter, qtbot, "summits-pm-meeting", CTRL)
    qtbot.keyClick(sorter.view, Qt.Key.Key_Delete)
    assert sorter.controller.brief.exclude == ["summits-pm-meeting"]
    assert "agenda" in page_keys(sorter.controller)
    [message] = refusals
    assert "untick a topic in the library" in message


def test_dragging_several_slides_moves_them_together_and_undo_puts_them_back(sorter, qtbot):
    controller = sorter.controller
    before = library_keys(controller)
    summits = [k for k in before if k.startswith("summits-")]
    click(sorter, qtbot, summits[2])
    click(sorter, qtbot, summits[3], CTRL)
    drop_selection(sorter, gap_point(sorter, summits[0]))
    assert [k for k in library_keys(controller) if k.startswith("summits-")] == [summits[2], summits[3], *summits[:2]]
    assert controller.undo_stack.undoText() == "Move 2 slides"
    assert sorter.selected_keys() == [summits[2], summits[3]]  # what was dragged stays selected
    controller.undo_stack.undo()
    assert library_keys(controller) == before


def test_dragging_a_library_slide_into_another_topic_is_refused_with_the_reason(sorter, refusals, qtbot):
    controller = sorter.controller
    before = library_keys(controller)
    click(sorter, qtbot, "summits-warm-welcome")
    drop_selection(sorter, gap_point(sorter, "gray-zone-espionage"))
    assert library_keys(controller) == before and controller.undo_stack.count() == 0
    [message] = refusals
    assert "stays in its topic" in message and "Gray-zone operations" in message


def test_dragging_a_section_thumbnail_moves_its_topic(sorter, qtbot):
    click(sorter, qtbot, "section:north-korea")
    drop_selection(sorter, gap_point(sorter, "section:summits"))
    assert sorter.controller.brief.topics == ["north-korea", *THREE_TOPICS[:2]]


def test_eighty_slides_paint_only_what_is_in_view_and_keep_the_pixmaps(make_controller, images, real_library, qtbot):
    sorter = SlideSorter(make_controller(Brief(title="All", topics=real_library.topic_ids(), depth="full")), images)
    asked: list[int] = []
    original = sorter.model.pixmap
    sorter.model.pixmap = lambda row, width: (asked.append(row), original(row, width))[1]
    sorter.select_rows([0])
    show_alone(qtbot, sorter, (600, 540))
    rows = sorter.model.rowCount()
    assert rows >= 80
    qtbot.waitUntil(lambda: bool(asked))
    visible = [
        r
        for r in range(rows)
        if sorter.view.visualRect(sorter.model.index(r)).intersects(sorter.view.viewport().rect())
    ]
    assert set(asked) <= set(visible) and len(visible) < rows // 3  # the rest is not rendered until scrolled to
    images.wait()
    qtbot.waitUntil(lambda: all(sorter.model.pixmap(r, 176) is not None for r in visible))
    converted = dict(sorter.model._pixmaps)
    sorter.view.viewport().repaint()
    assert all(sorter.model._pixmaps[s] is converted[s] for s in converted)  # a repaint converts nothing again
    sorter.view.verticalScrollBar().setValue(sorter.view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: max(asked) == rows - 1)


def test_edit_remove_slide_removes_the_sorters_selection(window, qtbot):
    sorter = open_sorter(window, qtbot)
    click(sorter, qtbot, "summits-warm-welcome")
    click(sorter, qtbot, "north-korea-silence", CTRL)
    window.remove_action.trigger()
    assert window.controller.brief.exclude == ["summits-warm-welcome", "north-korea-silence"]


def test_a_drag_near_the_bottom_of_the_grid_scrolls_it(make_sorter, real_library, qtbot):
    sorter = make_sorter(Brief(title="All", topics=real_library.topic_ids(), depth="full"))
    bar = sorter.view.verticalScrollBar()
    bar.setValue(0)
    click(sorter, qtbot, "summits-warm-welcome")
    data = sorter.view.drag_data(sorter.view.drag_rows())
    bottom = QPoint(sorter.view.viewport().width() // 2, sorter.view.viewport().height() - 3)
    for kind in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(
            sorter.view.viewport(),
            kind(bottom, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier),
        )
    qtbot.waitUntil(lambda: bar.value() > 150, timeout=3000)
    middle = sorter.view.viewport().rect().center()
    QApplication.sendEvent(
        sorter.view.viewport(),
        QDragMoveEvent(
            middle, Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        ),
    )
    assert not sorter.view.edge_scroller.is_scrolling()


def test_the_hidden_grid_waits_and_shows_the_deck_as_it_is_when_opened(window, qtbot, monkeypatch):
    refreshes: list[int] = []
    original = window.sorter.model.refresh
    monkeypatch.setattr(window.sorter.model, "refresh", lambda: (refreshes.append(1), original())[1])
    window.library_panel.check_topic("gray-zone", False)
    window.controller.set_field("subtitle", "Changed")
    assert refreshes == []  # hidden: no rebuild per edit
    sorter = open_sorter(window, qtbot)
    assert len(refreshes) == 1 and [p.key for p in sorter.model.pages] == deck_keys(window)
    window.controller.undo_stack.undo()  # shown: it follows every change
    assert len(refreshes) == 2 and [p.key for p in sorter.model.pages] == deck_keys(window)
