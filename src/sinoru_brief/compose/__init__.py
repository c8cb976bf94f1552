"""Compose a deck from the library and the user's brief."""

from sinoru_brief.compose.composer import compose
from sinoru_brief.compose.deck import Deck, DeckSlide

__all__ = ["Deck", "DeckSlide", "compose"]
