"""The notes pane: the notes read aloud, the guidance for the briefer as a block of its own, then the sources.

The pane is built alone and shown a page of a deck composed on a controller, as the window shows it the
selected one.
"""

from __future__ import annotations

import pytest
from app.windowkit import show_alone

from sinoru_brief.app.preview import BRIEFER_BACKGROUND, NotesView
from sinoru_brief.brief import Brief


@pytest.fixture
def show_notes(qtbot, make_controller):
    """Return a function that shows the notes of the page *key* of the full summits deck in a notes pane."""
    controller = make_controller(Brief(title="Summits", topics=["summits"], depth="full"))
    notes = show_alone(qtbot, NotesView(), (900, 260))

    def show(key: str) -> NotesView:
        view = controller.view()
        notes.show_page(next(page for page in view.pages if page.key == key), view.deck)
        return notes

    return show


def test_guidance_for_the_briefer_is_a_separate_labelled_block(show_notes, real_library):
    notes = show_notes("summits-timeline")
    slide = real_library.slide("summits-timeline")
    text = notes.toPlainText()
    notes_at = text.index(slide.notes.split("\n\n")[0].strip())
    label_at = text.index("For the briefer")
    guidance_at = text.index(slide.briefer.strip()[:60])
    assert notes_at < label_at < guidance_at < text.index("Sources")
    # A block of its own: in a tinted frame, and not inside any paragraph of the notes.
    html = notes.toHtml()
    assert BRIEFER_BACKGROUND.lower() in html.lower()
    assert "For the briefer:" not in slide.notes


def test_a_slide_without_guidance_shows_no_briefer_block(show_notes, real_library):
    assert real_library.slide("summits-warm-welcome").briefer == ""
    notes = show_notes("summits-warm-welcome")
    assert "For the briefer" not in notes.toPlainText()
    assert BRIEFER_BACKGROUND.lower() not in notes.toHtml().lower()


def test_the_title_slide_shows_what_the_deck_rests_on(show_notes, real_library):
    text = show_notes("title").toPlainText()
    assert real_library.about[0].split(". ")[0] in text
    assert "Center for Naval Analyses" in text


def test_the_window_shows_the_notes_of_the_selected_slide(make_window, real_library):
    window = make_window(Brief(title="Summits", topics=["summits"], depth="full"))
    window.deck_panel.select_key("summits-timeline")
    assert "For the briefer" in window.notes.toPlainText()
    window.deck_panel.select_key("summits-warm-welcome")
    assert real_library.slide("summits-warm-welcome").notes.split("\n\n")[0].strip() in window.notes.toPlainText()
    assert "For the briefer" not in window.notes.toPlainText()
