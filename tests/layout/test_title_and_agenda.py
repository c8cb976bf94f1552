"""The title slide's organisation, presenter and marking, and the agenda, on every look and master."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.invariants import check_pages
from sinoru_brief.layout.pages import TextFrame
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import Banner

LOOKS = ("briefing", "academic", "plain")
SMALL_MASTER = Path(__file__).parents[1] / "data" / "pptx-templates" / "pandoc__default-reference.pptx"


def frames(page) -> dict[str, TextFrame]:
    return {box.role: box for box in page.boxes if isinstance(box, TextFrame)}


def title_page(library, theme, **fields):
    brief = Brief(title="The Sino-Russian Partnership", topics=["alpha"], depth="key", **fields)
    deck = compose(library, brief, theme.snippets, theme.structure)
    return layout_deck(deck, theme)[0]


@pytest.mark.parametrize("look", LOOKS)
def test_the_lines_stand_in_reading_order(fixture_library, look):
    theme = load_theme(look)
    page = title_page(
        fixture_library, theme, organisation="Asia Desk", presenter="J. Analyst", classification="UNCLASSIFIED"
    )
    f = frames(page)
    assert f["classification"].text == "UNCLASSIFIED"
    assert f["classification"].paragraphs[0].align == "center"
    assert f["organisation"].text == "Asia Desk"
    assert f["classification"].bottom <= f["organisation"].y < f["organisation"].bottom <= f["title"].y
    presenter = "J. Analyst" if look == "academic" else "Presented by J. Analyst"
    assert presenter in f["subtitle"].text.splitlines()
    assert check_pages([page]) == []


def test_empty_lines_take_no_room(fixture_library, theme):
    bare = frames(title_page(fixture_library, theme))
    assert "classification" not in bare and "organisation" not in bare
    assert not any("Presented by" in line for line in bare["subtitle"].text.splitlines())
    assert bare["title"].y == theme.height // 6  # where it has always been


@functools.cache
def _look(look: str, master: bool):
    """Return the look, alone or on the small master, loaded once: loading it is most of an example's time.

    Themes are frozen, so every example may share one; what varies is the text.
    """
    return load_theme(look, master=SMALL_MASTER if master else None)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=160)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    organisation=_TEXT,
    presenter=_TEXT,
    classification=_TEXT,
    look=st.sampled_from(LOOKS),
    master=st.booleans(),
    banner=st.booleans(),
)
def test_any_lines_keep_the_layout_invariants(
    fixture_library, organisation, presenter, classification, look, master, banner
):
    theme = _look(look, master)
    if banner:
        theme = replace(theme, banner=Banner("SECRET//NOFORN", "C8102E", "FFFFFF"))
    page = title_page(
        fixture_library, theme, organisation=organisation, presenter=presenter, classification=classification
    )
    assert check_pages([page]) == []


def test_twelve_agenda_entries_fit_one_slide_on_the_small_master(real_library):
    # At the template's own (16:9) sizes, not scaled down for the small slide, so one column cannot hold them.
    from dataclasses import replace

    theme = load_theme("briefing", master=SMALL_MASTER)
    theme = replace(theme, sizes=load_theme("briefing").sizes)
    deck = compose(
        real_library, Brief(topics=real_library.topic_ids(), depth="standard"), theme.snippets, theme.structure
    )
    pages = [p for p in layout_deck(deck, theme) if p.kind == "agenda"]
    assert len(pages) == 1
    columns = [box for box in pages[0].boxes if isinstance(box, TextFrame) and box.role == "body"]
    assert len(columns) == 2 and columns[0].bottom <= columns[1].bottom
    assert [p.bullet for c in columns for p in c.paragraphs] == [f"{i}." for i in range(1, 13)]
    # One type size across both columns.
    assert len({s.size for c in columns for p in c.paragraphs for s in p.spans}) == 1
    assert check_pages(pages) == []


@pytest.mark.parametrize("look", LOOKS)
def test_the_agenda_stays_one_column_where_it_fits(real_library, look):
    theme = load_theme(look)
    deck = compose(
        real_library, Brief(topics=real_library.topic_ids()[:5], depth="standard"), theme.snippets, theme.structure
    )
    [agenda] = [p for p in layout_deck(deck, theme) if p.kind == "agenda"]
    assert [box.name for box in agenda.boxes if isinstance(box, TextFrame) and box.role == "body"] == ["body"]
