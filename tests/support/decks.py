"""Look into composed decks, and the fixture library's source ids, for the compose tests."""

from __future__ import annotations

from pathlib import Path

from sinoru_brief.compose import Deck, DeckSlide

#: The small content library the tests build decks from (tests/data/library).
FIXTURE_LIBRARY = Path(__file__).parents[1] / "data" / "library"

#: Source ids of the fixture library, as its slides cite them.
AGENCY, ARTICLE, NEWS, RU = (
    "agency-2024-05-16-statement",
    "article-2025",
    "news-2024-10-03-report",
    "ru-2024-statement",
)


def authored(deck: Deck) -> list[str]:
    """Return the keys of the deck's slides written in the library or the brief, in deck order."""
    return [s.key for s in deck.slides if s.slide is not None]


def by_key(deck: Deck, key: str) -> DeckSlide:
    """Return the deck's one slide with *key* (failing if there is none, or more than one)."""
    [slide] = [s for s in deck.slides if s.key == key]
    return slide
