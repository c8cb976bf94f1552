"""The composed deck: slide specs in order, with text rendered and citations numbered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sinoru_brief.brief.model import Brief
from sinoru_brief.citations.formatting import Reference
from sinoru_brief.compose.source_entries import SourceEntry
from sinoru_brief.content.models import Slide, Topic
from sinoru_brief.hashing import hash_once

#: Kinds the composer generates around the authored slides.
GENERATED_KINDS = ("title", "agenda", "section", "references", "sources", "closing")


@dataclass(frozen=True)
class TitleLines:
    """The title slide's lines about the brief: who made it, who presents it, and its marking."""

    organisation: str = ""
    presenter: str = ""
    classification: str = ""


#: A section slide's key is this and its topic's id: the slide stands for the topic in the deck.
_SECTION = "section:"


def section_key(topic_id: str) -> str:
    """Return the key of the section slide that opens topic *topic_id*."""
    return _SECTION + topic_id


def section_topic(key: str) -> str | None:
    """Return the topic a section slide's *key* stands for, or None if *key* is not a section slide's."""
    return key[len(_SECTION) :] if key.startswith(_SECTION) else None


@hash_once
@dataclass(frozen=True)
class DeckSlide:
    """One slide of the deck before layout: what it says, not where things go."""

    kind: str
    key: str  # stable identity: the library slide id, or a section_key()
    title: str
    topic: Topic | None = None
    slide: Slide | None = None  # the library slide with its text rendered and overridden
    subtitle: str = ""
    section_number: int = 0  # on a section slide, its topic's place among the deck's topics (1, 2, ...)
    items: tuple[str, ...] = ()  # agenda entries, a section's summary, a closing line
    notes: str = ""
    citations: tuple[int, ...] = ()  # numbers cited on this slide, in order of first use
    as_of: dt.date | None = None
    title_lines: TitleLines = TitleLines()  # on the title slide only
    entries: tuple[SourceEntry, ...] = ()  # on the Sources slide only: one per cited work, in citation order


@dataclass
class Deck:
    """Everything layout needs: slides in order, references, and the citation numbers."""

    brief: Brief
    slides: list[DeckSlide]
    references: list[Reference]
    numbers: dict[str, int]
    footer: str = ""
    as_of: dt.date | None = None
    dropped: list[str] = field(default_factory=list)

    def markers(self, cite: tuple[str, ...]) -> list[int]:
        """Return the sorted, unique citation numbers for a claim's cite keys."""
        return sorted({self.numbers[c] for c in cite})

    def reference(self, number: int) -> Reference:
        return self.references[number - 1]
