"""pipeline.build: one build for every front end, and a cache that keeps what the next build can reuse."""

from __future__ import annotations

import copy
import datetime as dt
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.brief.model import SlideOverride
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import BriefError, LayoutError
from sinoru_brief.layout import layout_deck
from sinoru_brief.pipeline import BuildCache, DeckDoesNotFit, build, empty_build, render_pptx
from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


def _brief() -> Brief:
    return Brief(
        title="Fixture deck", author="Tester", date=dt.date(2025, 2, 1), topics=["alpha", "beta"], depth="full"
    )


def _uncached_pages(library, brief, theme):
    """Lay the brief out from scratch, with no cache: what every cached build must equal."""
    return layout_deck(compose(library, brief, theme.snippets, theme.structure), theme)


# One edit of a brief, as the app makes them: (what, which slide or value).
EDITS = st.one_of(
    st.tuples(st.just("depth"), st.sampled_from(["key", "standard", "full"])),
    st.tuples(st.just("exclude"), st.integers(0, 20)),
    st.tuples(st.just("title"), st.integers(0, 20)),
    st.tuples(st.just("order"), st.integers(0, 20)),
    st.tuples(st.just("topics"), st.sampled_from([("alpha",), ("beta",), ("beta", "alpha"), ("alpha", "beta")])),
)


def _apply(brief: Brief, library, edit: tuple[str, object]) -> None:
    what, value = edit
    slide_ids = [s.id for t in library.topics for s in t.slides]
    if what == "depth":
        brief.depth = str(value)
    elif what == "topics":
        brief.topics = list(value)  # type: ignore[call-overload]
    else:
        slide_id = slide_ids[int(value) % len(slide_ids)]  # type: ignore[call-overload]
        if what == "exclude" and slide_id not in brief.exclude:
            brief.exclude.append(slide_id)
        elif what == "title":
            brief.overrides[slide_id] = SlideOverride(title=f"Retitled {value}")
        elif what == "order":
            brief.slide_order = [slide_id, *(s for s in brief.slide_order if s != slide_id)]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDITS, min_size=1, max_size=5))
def test_a_build_through_a_kept_cache_equals_a_build_from_scratch(fixture_library, theme, edits):
    """Whatever edits came before, the cached pages are the pages a fresh layout makes."""
    cache = BuildCache(fixture_library)
    brief = _brief()
    build(brief, cache, theme=theme)
    for edit in edits:
        _apply(brief, fixture_library, edit)
        assert build(brief, cache, theme=theme).pages == _uncached_pages(fixture_library, brief, theme)


def test_an_unchanged_brief_lays_out_nothing_again_and_an_edit_only_what_it_changed(fixture_library, theme):
    cache = BuildCache(fixture_library)
    brief = _brief()
    first = build(brief, cache, theme=theme)
    laid_out = cache.layout.misses
    assert laid_out >= len(first.deck.slides)
    build(copy.deepcopy(brief), cache, theme=theme)
    assert cache.layout.misses == laid_out
    slide = next(s for s in first.deck.slides if s.slide is not None)
    brief.overrides[slide.key] = SlideOverride(title="A new title")
    again = build(brief, cache, theme=theme)
    assert 1 <= cache.layout.misses - laid_out < len(first.deck.slides) // 2
    assert next(p for p in again.pages if p.key == slide.key).title == "A new title"


def test_the_cache_loads_a_template_once_until_told_to_forget_it(fixture_library):
    cache = BuildCache(fixture_library)
    theme = cache.theme("briefing")
    assert cache.theme("briefing") is theme
    assert build(_brief(), cache).theme is theme  # the brief's template comes from the cache
    cache.forget_template("briefing")
    assert cache.theme("briefing") is not theme and cache.theme("briefing") == theme


def test_a_cache_of_one_library_refuses_another(fixture_library, theme):
    with pytest.raises(ValueError, match="another library"):
        build(_brief(), BuildCache(fixture_library), library=load_library(), theme=theme)


def test_a_deck_that_does_not_fit_is_refused_with_its_pages_for_the_preview(fixture_library, theme):
    cramped = replace(theme, height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    with pytest.raises(DeckDoesNotFit) as error:
        build(_brief(), BuildCache(fixture_library), theme=cramped)
    assert isinstance(error.value, LayoutError) and "cannot be laid out" in str(error.value)
    shown = error.value.build
    assert shown.violations and shown.theme is cramped
    assert shown.pages == _uncached_pages(fixture_library, _brief(), cramped)


def test_importing_the_pipeline_leaves_python_pptx_for_the_first_export():
    """The app imports the pipeline when it starts; python-pptx (most of a second) waits for an export."""
    script = "import sys, sinoru_brief.pipeline; print('pptx' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_progress_counts_every_slide_in_order_through_layout_and_write(fixture_library, theme):
    seen: list[tuple[str, int, int]] = []
    result = build(_brief(), BuildCache(fixture_library), theme=theme, progress=lambda *step: seen.append(step))
    render_pptx(result, progress=lambda *step: seen.append(step))
    slides, pages = len(result.deck.slides), len(result.pages)
    assert seen == [("layout", i, slides) for i in range(1, slides + 1)] + [
        ("write", i, pages) for i in range(1, pages + 1)
    ]


def test_a_brief_without_topics_is_refused_by_build_and_has_an_empty_deck(fixture_library, theme):
    brief = Brief(title="New document")
    with pytest.raises(BriefError, match="names no topics"):
        build(brief, BuildCache(fixture_library), theme=theme)
    empty = empty_build(brief, fixture_library, theme)
    assert (empty.pages, empty.deck.slides, empty.deck.references, empty.violations) == ([], [], [], [])
    assert empty.deck.brief is brief and empty.theme is theme and empty.library is fixture_library
