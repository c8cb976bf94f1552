"""The notes pane: the notes read aloud, the guidance for the briefer as a block of its own, then the sources."""

from __future__ import annotations

from sinoru_brief.app.preview import BRIEFER_BACKGROUND
from sinoru_brief.brief import Brief


def test_guidance_for_the_briefer_is_a_separate_labelled_block(make_window, real_library):
    window = make_window(Brief(title="Summits", topics=["summits"], depth="full"))
    window.deck_panel.select_key("summits-timeline")
    slide = real_library.slide("summits-timeline")
    text = window.notes.toPlainText()
    notes_at = text.index(slide.notes.split("\n\n")[0].strip())
    label_at = text.index("For the briefer")
    guidance_at = text.index(slide.briefer.strip()[:60])
    assert notes_at < label_at < guidance_at < text.index("Sources")
    # A block of its own: in a tinted frame, and not inside any paragraph of the notes.
    html = window.notes.toHtml()
    assert BRIEFER_BACKGROUND.lower() in html.lower()
    assert "For the briefer:" not in slide.notes


def test_a_slide_without_guidance_shows_no_briefer_block(make_window, real_library):
    window = make_window(Brief(title="Summits", topics=["summits"], depth="full"))
    assert real_library.slide("summits-warm-welcome").briefer == ""
    window.deck_panel.select_key("summits-warm-welcome")
    assert "For the briefer" not in window.notes.toPlainText()
    assert BRIEFER_BACKGROUND.lower() not in window.notes.toHtml().lower()


def test_the_title_slide_shows_what_the_deck_rests_on(make_window, real_library):
    window = make_window(Brief(title="Summits", topics=["summits"], depth="full"))
    window.deck_panel.select_key("title")
    text = window.notes.toPlainText()
    assert real_library.about[0].split(". ")[0] in text
    assert "Center for Naval Analyses" in text
