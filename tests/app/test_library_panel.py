"""The library panel: ticking topics and slides builds the deck; the depth selector and search.

The panel is built alone on a controller, as wide as the window's library
dock; the window's part (the preview and export following the first topic, a
double-clicked slide shown) is tested at the end.
"""

from __future__ import annotations

import html
import re

import pytest
from app.windowkit import THREE_TOPICS, library_keys, page_keys, show_alone
from PySide6.QtCore import Qt

from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.app.library_panel import SLIDE_ID_ROLE, TOPIC_ID_ROLE, LibraryPanel
from sinoru_brief.brief import Brief
from sinoru_brief.content.models import DEPTHS


@pytest.fixture
def make_panel(qtbot, make_controller):
    """Return a function that shows a library panel for a brief (default: a new, empty one)."""

    def make(brief: Brief | None = None) -> LibraryPanel:
        return show_alone(qtbot, LibraryPanel(make_controller(brief)), (340, 800))

    return make


@pytest.fixture
def panel(qtbot, controller) -> LibraryPanel:
    """A library panel on the analyst's three topics."""
    return show_alone(qtbot, LibraryPanel(controller), (340, 800))


def expected_content(library, topics, depth, exclude=()):
    return [s.id for t in topics for s in library.topic(t).slides_at(depth) if s.id not in exclude]


def visible_rows(panel):
    """Return {topic id: [slide ids]} for what the tree shows through the search filter."""
    proxy = panel.filter
    shown = {}
    for row in range(proxy.rowCount()):
        topic = proxy.index(row, 0)
        shown[topic.data(TOPIC_ID_ROLE)] = [
            proxy.index(r, 0, topic).data(SLIDE_ID_ROLE) for r in range(proxy.rowCount(topic))
        ]
    return shown


def test_space_on_a_topic_ticks_it_and_the_deck_shows_its_slides(make_panel, qtbot, real_library):
    panel = make_panel()
    controller = panel.controller
    assert page_keys(controller) == []

    topic_index = panel.filter.mapFromSource(panel.topic_item("summits").index())
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(topic_index)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)

    assert controller.brief.topics == ["summits"]
    assert panel.topic_item("summits").checkState() == Qt.CheckState.Checked
    assert library_keys(controller) == expected_content(real_library, ["summits"], "standard")
    keys = page_keys(controller)
    assert keys[0] == "title" and "section:summits" in keys and keys[-1] == "closing"


def test_ticking_three_topics_in_any_order_keeps_library_order(make_panel, real_library):
    panel = make_panel()
    controller = panel.controller
    for topic in reversed(THREE_TOPICS):
        panel.check_topic(topic)
    assert controller.brief.topics == THREE_TOPICS
    assert library_keys(controller) == expected_content(real_library, THREE_TOPICS, "standard")
    assert controller.undo_stack.count() == 3

    panel.check_topic("gray-zone", False)
    assert library_keys(controller) == expected_content(real_library, ["summits", "north-korea"], "standard")
    controller.undo_stack.undo()
    assert library_keys(controller) == expected_content(real_library, THREE_TOPICS, "standard")
    controller.undo_stack.redo()
    assert "gray-zone" not in controller.brief.topics


def test_the_tree_follows_the_brief_after_undo(panel):
    panel.check_topic("north-korea", False)
    assert panel.topic_item("north-korea").checkState() == Qt.CheckState.Unchecked
    panel.controller.undo_stack.undo()
    topic = panel.topic_item("north-korea")
    assert topic.checkState() == Qt.CheckState.Checked
    slide_states = {topic.child(r).data(SLIDE_ID_ROLE): topic.child(r).checkState() for r in range(topic.rowCount())}
    standard = {s.id for s in panel.controller.session.library.topic("north-korea").slides_at("standard")}
    assert {k for k, v in slide_states.items() if v == Qt.CheckState.Checked} == standard


def test_depth_selector_shows_slide_counts_and_changes_the_deck(panel, qtbot, real_library):
    controller = panel.controller
    combo = panel.depth_box
    counts = {d: sum(len(real_library.topic(t).slides_at(d)) for t in THREE_TOPICS) for d in DEPTHS}
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [f"{d.capitalize()}: {counts[d]} slides (chosen topics)" for d in DEPTHS]
    assert combo.currentData() == "standard"

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # standard -> full
    assert controller.brief.depth == "full"
    assert len(library_keys(controller)) == counts["full"]
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # -> key
    assert controller.brief.depth == "key"
    assert library_keys(controller) == expected_content(real_library, THREE_TOPICS, "key")

    controller.undo_stack.undo()
    assert combo.currentData() == "full"
    assert len(library_keys(controller)) == counts["full"]


def test_depth_counts_cover_the_whole_library_before_any_topic_is_chosen(make_panel, real_library):
    combo = make_panel().depth_box
    total = sum(len(t.slides_at("key")) for t in real_library.topics)
    assert combo.itemText(0) == f"Key: {total} slides (all topics)"


def test_slides_beyond_the_depth_are_greyed_out(panel, real_library):
    topic = panel.topic_item("gray-zone")
    enabled = {topic.child(r).data(SLIDE_ID_ROLE): topic.child(r).isEnabled() for r in range(topic.rowCount())}
    assert enabled == {s.id: s.priority <= 2 for s in real_library.topic("gray-zone").slides}


def test_unticking_a_slide_removes_it_and_ticking_brings_it_back(panel, qtbot, images, real_library):
    controller = panel.controller
    deck = DeckPanel(controller, images)  # its "Removed slides" button lists what the tree unticks
    qtbot.addWidget(deck)
    topic = panel.topic_item("summits")
    child = next(
        topic.child(r) for r in range(topic.rowCount()) if topic.child(r).data(SLIDE_ID_ROLE) == "summits-warm-welcome"
    )
    child.setCheckState(Qt.CheckState.Unchecked)
    assert controller.brief.exclude == ["summits-warm-welcome"]
    assert "summits-warm-welcome" not in page_keys(controller)
    assert deck.restore_button.text() == "Removed slides (1)"
    child = next(
        topic.child(r) for r in range(topic.rowCount()) if topic.child(r).data(SLIDE_ID_ROLE) == "summits-warm-welcome"
    )
    child.setCheckState(Qt.CheckState.Checked)
    assert controller.brief.exclude == []
    assert library_keys(controller) == expected_content(real_library, THREE_TOPICS, "standard")


def test_ticking_a_slide_of_an_unchosen_topic_adds_the_topic(panel):
    topic = panel.topic_item("arctic-energy")
    topic.child(0).setCheckState(Qt.CheckState.Checked)
    assert panel.controller.brief.topics == ["summits", "gray-zone", "arctic-energy", "north-korea"]


def unique_notes_word(library):
    """Return (word, topic id, slide id): a word of one slide's notes that no other text of the library holds."""
    slides = [s for t in library.topics for s in t.slides]
    texts = {s.id: " ".join(s.text_fields()).lower() for s in slides}
    topic_texts = [f"{t.title} {t.summary}".lower() for t in library.topics]
    for slide in slides:
        notes_only = texts[slide.id].replace(slide.notes.lower(), " ")
        for word in sorted(set(re.findall(r"[a-z]{8,}", slide.notes.lower()))):
            if word in notes_only or any(word in t for t in topic_texts):
                continue
            if [s for s, text in texts.items() if word in text] == [slide.id]:
                return word, slide.topic_id, slide.id
    raise AssertionError("no word is unique to one slide's notes")


def test_search_matches_words_in_notes(panel, qtbot, real_library):
    word, topic_id, slide_id = unique_notes_word(real_library)
    qtbot.keyClicks(panel.search, word.upper())
    assert visible_rows(panel) == {topic_id: [slide_id]}


def test_search_matches_bullets_and_needs_every_word(panel, qtbot, real_library):
    hits = {s.id for t in real_library.topics for s in t.slides if any("baltic" in b.text.lower() for b in s.bullets)}
    qtbot.keyClicks(panel.search, "Baltic")
    shown = {s for slides in visible_rows(panel).values() for s in slides}
    assert hits <= shown and shown
    assert all("baltic" in " ".join(real_library.slide(s).text_fields()).lower() for s in shown)
    assert panel.tree.isExpanded(panel.filter.index(0, 0))

    qtbot.keyClicks(panel.search, " zzzqqq")
    assert visible_rows(panel) == {}
    panel.search.clear()
    assert list(visible_rows(panel)) == real_library.topic_ids()


def test_topic_rows_show_whole_titles_and_tooltips(panel, real_library):
    tree = panel.tree
    for topic in real_library.topics:
        item = panel.topic_item(topic.id)
        assert item.text() == topic.title
        assert item.toolTip().startswith(f"<b>{html.escape(topic.title)}</b>")
        rect = tree.visualRect(panel.filter.mapFromSource(item.index()))
        needed = tree.fontMetrics().horizontalAdvance(topic.title)
        assert rect.right() <= tree.viewport().width() and rect.width() >= needed, topic.title
    slide = panel.topic_item("gray-zone").child(0)
    assert slide.toolTip().startswith(f"<b>{html.escape(real_library.slide(slide.data(SLIDE_ID_ROLE)).title)}</b>")


def test_double_clicking_a_slide_asks_to_show_it(panel, qtbot):
    panel.expand_topic("north-korea")
    source = next(
        panel.topic_item("north-korea").child(r)
        for r in range(6)
        if panel.topic_item("north-korea").child(r).data(SLIDE_ID_ROLE) == "north-korea-silence"
    )
    index = panel.filter.mapFromSource(source.index())
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    # A real double click is a click, then a second press that Qt reports as a double click.
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.slideActivated, timeout=1000) as activated:
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == ["north-korea-silence"]


def test_new_brief_starts_without_topics(make_panel):
    panel = make_panel(Brief())
    assert all(
        panel.topic_item(t.id).checkState() == Qt.CheckState.Unchecked for t in panel.controller.session.library.topics
    )


# ----------------------------------------------------------------- in the window


def test_the_first_topic_fills_the_preview_and_enables_export(make_window):
    window = make_window()
    assert window.preview.page is None
    assert not window.exporter.export_button.isEnabled()
    window.library_panel.check_topic("summits")
    assert window.preview.page is not None and window.exporter.export_button.isEnabled()


def test_a_slide_double_clicked_in_the_library_is_shown(window):
    window.library_panel.slideActivated.emit("north-korea-silence")
    assert window.deck_panel.current_key() == "north-korea-silence"
    assert window.preview.page.key == "north-korea-silence"
