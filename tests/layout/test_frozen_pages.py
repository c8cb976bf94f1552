"""Laid-out pages are frozen: the cache hands out the very pages it keeps, and nothing after layout can change them."""

from __future__ import annotations

import dataclasses

import pytest

from sinoru_brief.layout import LayoutCache, layout_deck
from sinoru_brief.layout.pages import Page


@pytest.fixture
def deck_and_theme(fixture_library, fixture_brief):
    from sinoru_brief.compose import compose
    from sinoru_brief.theme import load_theme

    theme = load_theme(fixture_brief.template)
    return compose(fixture_library, fixture_brief, theme.snippets), theme


def test_a_page_cannot_be_changed(deck_and_theme):
    deck, theme = deck_and_theme
    page = layout_deck(deck, theme)[1]
    assert isinstance(page, Page) and isinstance(page.boxes, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.number = 99  # type: ignore[misc]


def test_a_second_layout_from_the_cache_gives_equal_pages_and_leaves_the_kept_ones_as_they_were(deck_and_theme):
    deck, theme = deck_and_theme
    cache = LayoutCache()
    first = layout_deck(deck, theme, cache=cache)
    kept = [page for pages in cache._pages.values() for page in pages]
    assert all(page.number is None for page in kept)  # numbers and chrome go on new pages, not on these
    chrome_free = [len(page.boxes) for page in kept]

    second = layout_deck(deck, theme, cache=cache)

    assert second == first
    assert cache.hits == len(deck.slides)
    assert [len(page.boxes) for pages in cache._pages.values() for page in pages] == chrome_free


def test_a_draft_and_its_page_have_the_same_fields_and_round_trip(deck_and_theme):
    from sinoru_brief.layout.pages import PageDraft

    assert [f.name for f in dataclasses.fields(Page)] == [f.name for f in dataclasses.fields(PageDraft)]
    deck, theme = deck_and_theme
    for page in layout_deck(deck, theme):
        assert page.draft().freeze() == page
