"""DeckSession: the app's document builds its preview through the pipeline, and the export writes those pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import Brief
from sinoru_brief.brief.model import DEFAULT_STYLE, SlideOverride
from sinoru_brief.compose import compose
from sinoru_brief.layout import layout_deck
from sinoru_brief.pipeline import BuildCache, render_pptx
from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


def _session(library, **fields) -> DeckSession:
    brief = Brief(title="Fixture deck", date=dt.date(2025, 2, 1), topics=["alpha", "beta"], depth="full")
    for name, value in fields.items():
        setattr(brief, name, value)
    return DeckSession(library, brief)


def _fresh_pages(library, brief, theme):
    return layout_deck(compose(library, brief, theme.snippets, theme.structure), theme)


def test_the_preview_after_edits_is_what_a_build_from_scratch_lays_out(fixture_library):
    session = _session(fixture_library)
    session.view()
    edited = session.snapshot()
    slide_id = fixture_library.topics[0].slides[0].id
    edited.overrides[slide_id] = SlideOverride(title="Edited in the app")
    edited.depth = "standard"
    session.replace_brief(edited)
    view = session.view()
    assert view.pages == _fresh_pages(fixture_library, edited, session.theme())
    assert view is session.view()  # built once per change


def test_the_export_writes_the_preview_pages_through_the_pipeline(fixture_library):
    session = _session(fixture_library)
    view = session.view()
    assert render_pptx(view) == render_pptx(
        replace(view, pages=_fresh_pages(fixture_library, session.brief, session.theme()))
    )


def test_a_look_with_no_room_is_still_previewed_and_says_which_slides(fixture_library):
    session = _session(fixture_library)
    cramped = replace(session.theme(), height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    session.set_theme_override(cramped)
    view = session.view()
    assert view.pages and view.violations and view.theme == cramped
    assert "cannot be laid out" in session.layout_problem and "slide " in session.layout_problem
    session.set_theme_override(None)
    assert not session.view().violations and session.layout_problem == ""


def test_a_citation_style_that_cannot_be_used_falls_back_to_the_default(fixture_library, tmp_path):
    session = _session(fixture_library, style=str(tmp_path / "moved.csl"))
    view = session.view()
    assert view.deck.brief.style == DEFAULT_STYLE and view.deck.references
    assert "moved.csl" in session.style_problem
    fixed = session.snapshot()
    fixed.style = DEFAULT_STYLE
    session.replace_brief(fixed)
    session.view()
    assert session.style_problem == ""


def test_a_missing_template_shows_the_default_look_and_says_why(fixture_library):
    session = _session(fixture_library, template="no-such-template")
    assert session.view().theme.name == "briefing"
    assert "no-such-template" in session.theme_problem


def test_a_new_document_has_an_empty_deck(fixture_library):
    view = DeckSession(fixture_library).view()
    assert view.pages == [] and view.deck.slides == []


def test_a_session_uses_the_cache_it_is_given_and_only_one_of_its_library(fixture_library, real_library):
    cache = BuildCache(fixture_library)
    session = _session(fixture_library)
    shared = DeckSession(fixture_library, session.brief, cache=cache)
    shared.view()
    assert cache.layout.misses > 0 and shared.library is fixture_library
    with pytest.raises(ValueError, match="another library"):
        DeckSession(real_library, cache=cache)
