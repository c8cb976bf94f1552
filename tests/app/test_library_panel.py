"""The library panel: ticking topics and slides builds the deck; the depth selector and search."""

from __future__ import annotations

import html
import re

from app.windowkit import THREE_TOPICS, content_keys, deck_keys
from PySide6.QtCore import Qt

from sinoru_brief.app.library_panel import SLIDE_ID_ROLE, TOPIC_ID_ROLE
from sinoru_brief.brief import Brief
from sinoru_brief.content.models import DEPTHS


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


def test_space_on_a_topic_ticks_it_and_the_deck_shows_its_slides(make_window, qtbot, real_library):
    window = make_window()
    panel = window.library_panel
    assert deck_keys(window) == []
    assert window.preview.page is None
    assert not window.exporter.export_button.isEnabled()

    topic_index = panel.filter.mapFromSource(panel.topic_item("summits").index())
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(topic_index)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)

    assert window.controller.brief.topics == ["summits"]
    assert panel.topic_item("summits").checkState() == Qt.CheckState.Checked
    assert content_keys(window) == expected_content(real_library, ["summits"], "standard")
    keys = deck_keys(window)
    assert keys[0] == "title" and "section:summits" in keys and keys[-1] == "closing"
    assert window.preview.page is not None and window.exporter.export_button.isEnabled()


def test_ticking_three_topics_in_any_order_keeps_library_order(make_window, real_library):
    window = make_window()
    for topic in reversed(THREE_TOPICS):
        window.library_panel.check_topic(topic)
    assert window.controller.brief.topics == THREE_TOPICS
    assert content_keys(window) == expected_content(real_library, THREE_TOPICS, "standard")
    assert window.controller.undo_stack.count() == 3

    window.library_panel.check_topic("gray-zone", False)
    assert content_keys(window) == expected_content(real_library, ["summits", "north-korea"], "standard")
    window.controller.undo_stack.undo()
    assert content_keys(window) == expected_content(real_library, THREE_TOPICS, "standard")
    window.controller.undo_stack.redo()
    assert "gray-zone" not in window.controller.brief.topics


def test_the_tree_follows_the_brief_after_undo(window):
    panel = window.library_panel
    panel.check_topic("north-korea", False)
    assert panel.topic_item("north-korea").checkState() == Qt.CheckState.Unchecked
    window.controller.undo_stack.undo()
    topic = panel.topic_item("north-korea")
    assert topic.checkState() == Qt.CheckState.Checked
    slide_states = {topic.child(r).data(SLIDE_ID_ROLE): topic.child(r).checkState() for r in range(topic.rowCount())}
    standard = {s.id for s in window.controller.session.library.topic("north-korea").slides_at("standard")}
    assert {k for k, v in slide_states.items() if v == Qt.CheckState.Checked} == standard


def test_depth_selector_shows_slide_counts_and_changes_the_deck(window, qtbot, real_library):
    combo = window.library_panel.depth_box
    counts = {d: sum(len(real_library.topic(t).slides_at(d)) for t in THREE_TOPICS) for d in DEPTHS}
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == [f"{d.capitalize()}: {counts[d]} slides (chosen topics)" for d in DEPTHS]
    assert combo.currentData() == "standard"

    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # standard -> full
    assert window.controller.brief.depth == "full"
    assert len(content_keys(window)) == counts["full"]
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # -> key
    assert window.controller.brief.depth == "key"
    assert content_keys(window) == expected_content(real_library, THREE_TOPICS, "key")

    window.controller.undo_stack.undo()
    assert combo.currentData() == "full"
    assert len(content_keys(window)) == counts["full"]


def test_depth_counts_cover_the_whole_library_before_any_topic_is_chosen(make_window, real_library):
    combo = make_window().library_panel.depth_box
    total = sum(len(t.slides_at("key")) for t in real_library.topics)
    assert combo.itemText(0) == f"Key: {total} slides (all topics)"


def test_slides_beyond_the_depth_are_greyed_out(window, real_library):
    topic = window.library_panel.topic_item("gray-zone")
    enabled = {topic.child(r).data(SLIDE_ID_ROLE): topic.child(r).isEnabled() for r in range(topic.rowCount())}
    assert enabled == {s.id: s.priority <= 2 for s in real_library.topic("gray-zone").slides}


def test_unticking_a_slide_removes_it_and_ticking_brings_it_back(window, real_library):
    panel = window.library_panel
    topic = panel.topic_item("summits")
    child = next(
        topic.child(r) for r in range(topic.rowCount()) if topic.child(r).data(SLIDE_ID_ROLE) == "summits-warm-welcome"
    )
    child.setCheckState(Qt.CheckState.Unchecked)
    assert window.controller.brief.exclude == ["summits-warm-welcome"]
    assert "summits-warm-welcome" not in deck_keys(window)
    assert window.deck_panel.restore_button.text() == "Removed slides (1)"
    child = next(
        topic.child(r) for r in range(topic.rowCount()) if topic.child(r).data(SLIDE_ID_ROLE) == "summits-warm-welcome"
    )
    child.setCheckState(Qt.CheckState.Checked)
    assert window.controller.brief.exclude == []
    assert content_keys(window) == expected_content(real_library, THREE_TOPICS, "standard")


def test_ticking_a_slide_of_an_unchosen_topic_adds_the_topic(window):
    topic = window.library_panel.topic_item("arctic-energy")
    topic.child(0).setCheckState(Qt.CheckState.Checked)
    assert window.controller.brief.topics == ["summits", "gray-zone", "arctic-energy", "north-korea"]


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


def test_search_matches_words_in_notes(window, qtbot, real_library):
    word, topic_id, slide_id = unique_notes_word(real_library)
    qtbot.keyClicks(window.library_panel.search, word.upper())
    assert visible_rows(window.library_panel) == {topic_id: [slide_id]}


def test_search_matches_bullets_and_needs_every_word(window, qtbot, real_library):
    panel = window.library_panel
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


def test_topic_rows_show_whole_titles_and_tooltips(window, real_library):
    panel = window.library_panel
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


def test_double_clicking_a_slide_shows_it(window, qtbot):
    panel = window.library_panel
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
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.deck_panel.current_key() == "north-korea-silence"
    assert window.preview.page.key == "north-korea-silence"


def test_new_brief_starts_without_topics(make_window):
    window = make_window(Brief())
    assert all(
        window.library_panel.topic_item(t.id).checkState() == Qt.CheckState.Unchecked
        for t in window.controller.session.library.topics
    )
