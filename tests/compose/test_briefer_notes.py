"""The composed speaker notes: read-aloud notes, then the guidance for the briefer, then the full references."""

from __future__ import annotations

import dataclasses

from sinoru_brief.brief import SlideOverride
from sinoru_brief.compose import compose


def _slide(deck, key):
    return next(s for s in deck.slides if s.key == key)


def test_guidance_is_rendered_and_sits_between_the_notes_and_the_sources(fixture_library, fixture_brief):
    deck = compose(fixture_library, fixture_brief)
    slide = _slide(deck, "beta-bullets")
    assert slide.slide.briefer == 'If asked, the bullet names the deck "Fixture deck".'  # Jinja2 rendered it
    notes, guidance, sources = slide.notes.split("\n\n")
    assert notes == "Notes for Beta topic."
    assert guidance == 'For the briefer: If asked, the bullet names the deck "Fixture deck".'
    assert sources.startswith("Sources:\n[")


def test_a_slide_without_guidance_has_no_briefer_paragraph(fixture_library, fixture_brief):
    deck = compose(fixture_library, fixture_brief)
    assert all("For the briefer:" not in s.notes for s in deck.slides if s.key != "beta-bullets")


def test_guidance_survives_an_override_of_the_notes(fixture_library, fixture_brief):
    brief = dataclasses.replace(fixture_brief, overrides={"beta-bullets": SlideOverride(notes="Our own notes.")})
    notes = _slide(compose(fixture_library, brief), "beta-bullets").notes
    guidance = 'For the briefer: If asked, the bullet names the deck "Fixture deck".'
    assert notes.startswith(f"Our own notes.\n\n{guidance}\n\nSources:")


def test_notes_written_as_a_block_have_one_blank_line_before_the_sources(real_library):
    from sinoru_brief.brief import Brief

    deck = compose(real_library, Brief(title="Summits", topics=["summits"], depth="full"))
    for slide in deck.slides:
        if slide.slide is not None:
            assert "\n\n\n" not in slide.notes, slide.key
    timeline = _slide(deck, "summits-timeline")
    assert "gives both figures.\n\nSources:\n[1]" in timeline.notes
