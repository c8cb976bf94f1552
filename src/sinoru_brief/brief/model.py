"""The user's choices for one deck: what a ``.brief.yaml`` file holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DEFAULT_TEMPLATE = "briefing"
DEFAULT_STYLE = "chicago-notes-bibliography"


@dataclass
class SlideOverride:
    """Deck-only replacements for a library slide's text; the library stays untouched.

    Bullet keys are paths into the slide's bullets: ``"2"`` is the third
    bullet, ``"2.0"`` its first sub-bullet.
    """

    title: str | None = None
    notes: str | None = None
    bullets: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return self.title is None and self.notes is None and not self.bullets


@dataclass
class Brief:
    """Title, topics in order, depth, exclusions, overrides, template and citation style."""

    title: str = "The Sino-Russian Partnership"
    subtitle: str = "Cooperation without coordination"
    author: str = ""
    date: dt.date | None = None
    topics: list[str] = field(default_factory=list)
    depth: str = "standard"
    exclude: list[str] = field(default_factory=list)
    slide_order: list[str] = field(default_factory=list)
    overrides: dict[str, SlideOverride] = field(default_factory=dict)
    template: str = DEFAULT_TEMPLATE
    style: str = DEFAULT_STYLE

    def deck_date(self) -> dt.date:
        """Return the date printed on the deck: the brief's, or today's."""
        return self.date or dt.date.today()
