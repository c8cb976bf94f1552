"""The executive brief's Sources slide in the app: shown in the strip and the preview, its references beside it."""

from __future__ import annotations

from app.windowkit import THREE_TOPICS, deck_keys
from PySide6.QtCore import Qt

from sinoru_brief.brief import Brief


def test_the_sources_slide_is_shown_with_every_full_reference_and_cannot_be_deleted(make_window, qtbot):
    window = make_window(Brief(title="Exec", topics=list(THREE_TOPICS), depth="key"))
    keys = deck_keys(window)
    assert keys[-1] == "sources" and "references" not in keys
    panel = window.deck_panel
    assert panel.select_key("sources")
    view = window.controller.view()
    page = view.pages[panel.current_page()]
    assert page.kind == "sources" and window.preview.current_image() is not None
    notes = window.notes.toPlainText()
    for ref in view.deck.references:
        assert f"[{ref.number}]" in notes and " ".join(ref.text.split())[:40] in " ".join(notes.split())
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert "the sources slide lists what the deck cites" in window.statusBar().currentMessage()
    assert deck_keys(window) == keys and window.controller.undo_stack.count() == 0
