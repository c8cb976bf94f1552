"""Arrange a deck's slides: the one slide-order rule, where section dividers go, and the executive order.

The slide-order rule itself is :func:`sinoru_brief.brief.order.order_slides`,
which the app's edits use too, so what the user sees in the panel is the
order the deck is built in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Re-exported: the composer and the app's deck views order a topic's slides from here.
from sinoru_brief.brief.order import order_slides as order_slides
from sinoru_brief.content.models import Slide, Topic
from sinoru_brief.theme.model import Structure

#: The depth built as an executive brief: bottom line first, no dividers, no agenda.
EXECUTIVE_DEPTH = "key"
#: Slides of this kind state the bottom line; an executive brief opens with them.
JUDGMENT_KIND = "key_judgments"


@dataclass(frozen=True)
class Part:
    """A run of one topic's slides in the deck, and whether a section divider opens it."""

    topic: Topic
    number: int  # the topic's entry in the agenda, 1-based; 0 in an executive brief, which has none
    slides: tuple[Slide, ...]
    divider: bool


@dataclass(frozen=True)
class Outline:
    """The deck's content in order, and which generated slides frame it."""

    parts: tuple[Part, ...]
    agenda: bool
    closing: bool

    def topics(self) -> list[Topic]:
        """Return the deck's topics in agenda order, each once."""
        return list({p.topic.id: p.topic for p in self.parts if p.number}.values())


def outline(content: Sequence[tuple[Topic, Sequence[Slide]]], depth: str, structure: Structure) -> Outline:
    """Arrange *content* (each chosen topic with its slides, in the brief's order) into the deck's parts.

    At the executive depth the deck reads bottom line up front: the key
    judgments first, then the evidence in topic order (the library ends on
    its outlook, what to watch), then the sources; it has no agenda, no
    dividers and no closing slide, so it stays short. At other depths each
    topic is one part, numbered as the agenda lists it, with a divider when
    it has at least ``structure.section_min_slides`` slides in this deck.
    """
    chosen = [(topic, tuple(slides)) for topic, slides in content if slides]
    if depth == EXECUTIVE_DEPTH:
        judgments = [Part(t, 0, tuple(s for s in slides if s.kind == JUDGMENT_KIND), False) for t, slides in chosen]
        evidence = [Part(t, 0, tuple(s for s in slides if s.kind != JUDGMENT_KIND), False) for t, slides in chosen]
        parts = tuple(p for p in (*judgments, *evidence) if p.slides)
        return Outline(parts=parts, agenda=False, closing=False)
    parts = tuple(
        Part(topic, number, slides, divider=len(slides) >= structure.section_min_slides)
        for number, (topic, slides) in enumerate(chosen, start=1)
    )
    return Outline(parts=parts, agenda=True, closing=True)
