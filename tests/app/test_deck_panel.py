"""The deck panel: thumbnails of the deck, reordering by drag and drop, Delete and "Removed slides".

Qt's offscreen platform cannot run a real drag (``QDrag.exec`` returns at
once there), so drops go through the model's ``dropMimeData``, which is what
``QAbstractItemView.dropEvent`` calls with the row under the cursor. Under an
X server (``QT_QPA_PLATFORM=xcb``, e.g. Xvfb) with ``xdotool`` installed, one
more test drags a thumbnail with the real mouse.

The panel is built alone on a controller, as wide and tall as the window's
strip; the window's part (the Remove Slide action, the preview and status bar
following the strip) is tested at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from app.windowkit import THREE_TOPICS, content_keys, shown_keys
from PySide6.QtCore import QEventLoop, QModelIndex, QPoint, Qt, QTimer

from sinoru_brief.app.deck_panel import MIME, DeckPanel
from sinoru_brief.brief import BriefBullet


@pytest.fixture
def panel(deck_strip) -> DeckPanel:
    return deck_strip


@pytest.fixture
def refusals(panel) -> list[str]:
    """The reasons the panel gives for a move or delete it did not do (the window shows them)."""
    reasons: list[str] = []
    panel.refused.connect(reasons.append)
    return reasons


def deck_keys(panel: DeckPanel) -> list[str]:
    """Return the page keys the panel shows, in order."""
    return panel.model.keys()


def library_keys(panel: DeckPanel) -> list[str]:
    """Return the keys of the library slides the panel shows (no generated slides), once each."""
    library = panel.controller.session.library
    return list(dict.fromkeys(key for key in deck_keys(panel) if library.has_slide(key)))


def drop(panel: DeckPanel, key: str, before_key: str | None) -> bool:
    """Drag the page of *key* and drop it on the first page of *before_key* (None: past the end)."""
    model = panel.model
    keys = model.keys()
    mime = model.mimeData([model.index(keys.index(key))])
    assert mime.hasFormat(MIME)
    row = keys.index(before_key) if before_key else len(keys)
    return model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0, QModelIndex())


def summits(panel: DeckPanel) -> list[str]:
    return [k for k in library_keys(panel) if k.startswith("summits-")]


def test_thumbnails_and_captions_match_the_deck(panel, images):
    model = panel.model
    pages = panel.controller.view().pages
    assert model.rowCount() == len(pages) > 12
    first = model.index(3)
    assert model.data(first) == f"4. {pages[3].title}"
    assert model.data(first, Qt.ItemDataRole.AccessibleTextRole) == f"Slide 4: {pages[3].title}"
    images.wait()
    icon = model.data(first, Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull()


def test_only_authored_and_section_slides_can_be_dragged(panel):
    model = panel.model
    draggable = {
        model.data(model.index(r), Qt.ItemDataRole.UserRole + 10)
        for r in range(model.rowCount())
        if model.flags(model.index(r)) & Qt.ItemFlag.ItemIsDragEnabled
    }
    assert "title" not in draggable and "agenda" not in draggable and "references" not in draggable
    assert {"section:summits", "summits-timeline"} <= draggable


def test_dropping_a_slide_moves_it_in_the_deck_and_the_brief(panel):
    controller = panel.controller
    before = summits(panel)
    assert before[:3] == ["summits-timeline", "summits-warm-welcome", "summits-2024-anniversary"]
    assert drop(panel, "summits-pm-meeting", "summits-warm-welcome")

    assert summits(panel) == [
        "summits-timeline",
        "summits-pm-meeting",
        "summits-warm-welcome",
        "summits-2024-anniversary",
    ]
    order = controller.brief.slide_order
    assert order[:3] == ["summits-timeline", "summits-pm-meeting", "summits-warm-welcome"]
    assert panel.current_key() == "summits-pm-meeting"  # the moved slide stays selected

    controller.undo_stack.undo()
    assert summits(panel) == before
    assert controller.brief.slide_order == []
    controller.undo_stack.redo()
    assert summits(panel)[1] == "summits-pm-meeting"


def test_moving_the_timeline_to_the_end_of_its_topic(panel):
    assert drop(panel, "summits-timeline", "section:gray-zone")
    assert summits(panel)[-1] == "summits-timeline"
    assert library_keys(panel)[len(summits(panel))] == "gray-zone-baltic-cables"  # topics stay together


def test_a_library_slide_dropped_into_another_topic_is_refused_with_the_reason(panel, refusals):
    before = library_keys(panel)
    count = panel.controller.undo_stack.count()
    assert not drop(panel, "summits-warm-welcome", "north-korea-key")
    assert library_keys(panel) == before  # not moved, and not moved somewhere else either
    assert panel.controller.undo_stack.count() == count
    [message] = refusals
    assert "belongs to “Summit diplomacy, 2023–2025”" in message
    assert "stays in its topic" in message and "North Korea" in message


def test_an_own_slide_dropped_into_another_topic_moves_there(panel):
    controller = panel.controller
    own = controller.add_own_slide("summits-warm-welcome", "Implications for us", [BriefBullet("Plan for it")])
    assert drop(panel, own, "north-korea-key")
    keys = [s.key for s in controller.view().deck.slides if s.slide is not None]
    assert keys.index(own) == keys.index("north-korea-key") - 1
    assert panel.current_key() == own
    assert controller.undo_stack.undoText().startswith("Move “Implications for us” to “")
    controller.undo_stack.undo()
    keys = [s.key for s in controller.view().deck.slides if s.slide is not None]
    assert keys.index(own) == keys.index("summits-warm-welcome") + 1


def test_a_drop_before_the_title_or_after_the_references_is_refused(panel, refusals):
    before = library_keys(panel)
    assert not drop(panel, "summits-warm-welcome", "title")
    assert "between the agenda and the references" in refusals[-1]
    assert not drop(panel, "summits-warm-welcome", None)
    assert library_keys(panel) == before


def test_dropping_a_section_slide_moves_the_whole_topic(panel):
    controller = panel.controller
    assert drop(panel, "section:north-korea", "section:summits")
    assert controller.brief.topics == ["north-korea", "summits", "gray-zone"]
    sections = [k for k in deck_keys(panel) if k.startswith("section:")]
    assert sections == ["section:north-korea", "section:summits", "section:gray-zone"]
    controller.undo_stack.undo()
    assert controller.brief.topics == THREE_TOPICS


def test_foreign_drops_are_refused(panel):
    from PySide6.QtCore import QMimeData

    data = QMimeData()
    data.setText("summits-timeline")
    count = panel.controller.undo_stack.count()
    assert not panel.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert panel.controller.undo_stack.count() == count


def test_delete_removes_the_slide_and_removed_slides_brings_it_back(panel, qtbot):
    controller = panel.controller
    panel.select_key("gray-zone-espionage")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)

    assert controller.brief.exclude == ["gray-zone-espionage"]
    assert "gray-zone-espionage" not in deck_keys(panel)
    assert panel.current_key() == "gray-zone-coast-guards"  # the next slide takes its place
    assert panel.restore_button.isEnabled()
    assert panel.restore_button.text() == "Removed slides (1)"
    actions = panel.restore_menu.actions()
    assert [a.text() for a in actions] == [
        f"{controller.session.library.slide('gray-zone-espionage').title}  (gray-zone-espionage)"
    ]

    actions[0].trigger()
    assert controller.brief.exclude == []
    assert "gray-zone-espionage" in deck_keys(panel)
    assert panel.current_key() == "gray-zone-espionage"
    assert panel.restore_button.text() == "No removed slides" and not panel.restore_button.isEnabled()
    controller.undo_stack.undo()  # undo the restore
    assert "gray-zone-espionage" not in deck_keys(panel)
    controller.undo_stack.undo()  # undo the removal
    assert controller.brief.exclude == []


def test_generated_slides_cannot_be_removed(panel, qtbot):
    panel.select_page(0)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert panel.controller.undo_stack.count() == 0
    assert deck_keys(panel)[0] == "title"


def test_selection_survives_edits_that_rebuild_the_deck(panel):
    controller = panel.controller
    panel.select_key("north-korea-leverage") or panel.select_key("north-korea-silence")
    key = panel.current_key()
    controller.set_field("subtitle", "Changed")
    assert panel.current_key() == key
    controller.set_topics(["gray-zone", "north-korea"])  # pages before it go away
    assert panel.current_key() == key


def test_unticking_the_shown_topic_keeps_a_nearby_slide_selected(panel):
    panel.select_key("gray-zone-coast-guards")
    row = panel.current_page()
    panel.controller.set_topics(["summits", "north-korea"])
    assert panel.current_page() == min(row, panel.model.rowCount() - 1)


# ----------------------------------------------------------------- in the window


def test_remove_restore_undo_redo(window, qtbot):
    panel = window.deck_panel
    stack = window.controller.undo_stack
    original = content_keys(window)
    panel.select_key("north-korea-silence")
    window.remove_action.trigger()
    panel.select_key("summits-warm-welcome")
    window.remove_action.trigger()
    assert window.controller.brief.exclude == ["north-korea-silence", "summits-warm-welcome"]
    assert stack.undoText() == f"Remove “{window.controller.session.library.slide('summits-warm-welcome').title}”"

    stack.undo()
    assert window.controller.brief.exclude == ["north-korea-silence"]
    assert panel.restore_button.text() == "Removed slides (1)"
    stack.undo()
    assert content_keys(window) == original
    stack.redo()
    stack.redo()
    assert [k for k in original if k not in content_keys(window)] == ["summits-warm-welcome", "north-korea-silence"]


def test_the_preview_and_status_bar_follow_the_strip(window):
    panel = window.deck_panel
    own = window.controller.add_own_slide("summits-warm-welcome", "Implications for us", [BriefBullet("Plan for it")])
    assert drop(panel, own, "north-korea-key")
    assert window.preview.page.key == own  # the moved slide is shown
    assert shown_keys(window).index(own) == shown_keys(window).index("north-korea-key") - 1
    assert not drop(panel, "summits-warm-welcome", "north-korea-key")
    assert "stays in its topic" in window.statusBar().currentMessage()
    panel.select_key("gray-zone-coast-guards")
    window.library_panel.check_topic("summits", False)  # pages before it go away
    assert panel.current_key() == "gray-zone-coast-guards"
    assert window.preview.page.key == "gray-zone-coast-guards"
    window.library_panel.check_topic("gray-zone", False)
    assert window.preview.page is window.controller.view().pages[panel.current_page()]


def wait(ms: int) -> None:
    """Run the event loop for *ms* milliseconds (letting other threads run, unlike a busy wait)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@pytest.mark.skipif(
    os.environ.get("QT_QPA_PLATFORM") != "xcb" or not shutil.which("xdotool"),
    reason="needs an X server (QT_QPA_PLATFORM=xcb) and xdotool for a real mouse drag",
)
def test_a_real_mouse_drag_reorders_the_deck(panel):
    view = panel.view
    keys = panel.model.keys()
    source, target = keys.index("summits-pm-meeting"), keys.index("summits-warm-welcome")
    bar = view.horizontalScrollBar()  # the target at the left edge, the source two thumbnails to its right
    bar.setValue(bar.value() + view.visualRect(panel.model.index(target)).left() - 2)
    wait(100)
    assert view.viewport().rect().contains(view.visualRect(panel.model.index(source)).center())
    start = view.viewport().mapToGlobal(view.visualRect(panel.model.index(source)).center())
    end_rect = view.visualRect(panel.model.index(target))
    end = view.viewport().mapToGlobal(QPoint(end_rect.left() + 12, end_rect.center().y()))
    command = ["xdotool", "mousemove", str(start.x()), str(start.y()), "sleep", "0.2", "mousedown", "1"]
    for step in range(1, 9):
        point = start + (end - start) * step / 8
        command += ["sleep", "0.1", "mousemove", str(point.x()), str(point.y())]
    command += ["sleep", "0.2", "mouseup", "1"]
    drag = subprocess.Popen(command)
    while drag.poll() is None:
        wait(50)
    wait(300)
    assert summits(panel)[:3] == ["summits-timeline", "summits-pm-meeting", "summits-warm-welcome"]
    assert panel.controller.brief.slide_order[:2] == ["summits-timeline", "summits-pm-meeting"]
