"""The user's choices for one deck: what a ``.brief.yaml`` file holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_TEMPLATE = "briefing"
DEFAULT_STYLE = "chicago-notes-bibliography"


#: The slide kinds a user can write in a brief.
CUSTOM_KINDS = ("bullets", "quote", "key_figures")
#: A key-figures slide sets one to this many numbers side by side.
MAX_KEY_FIGURES = 3
#: ``after:`` value prefix that places a custom slide first in a topic: ``after: "start:summits"``.
START_PREFIX = "start:"


@dataclass
class BriefBullet:
    """A bullet written in the brief: its text, the library source ids it cites, and its sub-bullets."""

    text: str
    cite: list[str] = field(default_factory=list)
    sub: list[BriefBullet] = field(default_factory=list)


@dataclass
class BriefFigure:
    """A key figure written in the brief: the value as the user writes it, its label, the source ids it cites."""

    value: str
    label: str
    cite: list[str] = field(default_factory=list)


@dataclass
class SlideOverride:
    """Deck-only replacements for a library slide's text; the library stays untouched.

    Bullet keys are paths into the slide's bullets: ``"2"`` is the third
    bullet, ``"2.0"`` its first sub-bullet. ``bullet_list``, when set,
    replaces the slide's bullets altogether for this deck: that is how
    bullets are added, removed and reordered (the keyed rewordings are then
    unused, and saving writes only the list).
    """

    title: str | None = None
    notes: str | None = None
    bullets: dict[str, str] = field(default_factory=dict)
    bullet_list: list[BriefBullet] | None = None
    briefer: str | None = None  # guidance for the presenter in place of the library's, for this deck

    def is_empty(self) -> bool:
        return (
            self.title is None
            and self.notes is None
            and not self.bullets
            and self.bullet_list is None
            and self.briefer is None
        )


@dataclass
class CustomSlide:
    """A slide the user wrote for this deck alone, placed after the slide whose id is ``after``.

    ``after`` names a library slide or another custom slide; ``start:<topic>``
    puts the slide first in that topic. A ``bullets`` slide has ``bullets``;
    a ``quote`` slide has ``quote``, ``attribution`` and ``cite``; a
    ``key_figures`` slide has one to three ``figures``.
    """

    id: str
    after: str
    title: str
    kind: str = "bullets"
    bullets: list[BriefBullet] = field(default_factory=list)
    quote: str = ""
    attribution: str = ""
    cite: list[str] = field(default_factory=list)
    notes: str = ""
    briefer: str = ""  # guidance for the presenter, not read out
    figures: list[BriefFigure] = field(default_factory=list)

    def citations(self) -> list[str]:
        """Return every source id the slide cites, in reading order, with repeats."""
        ids = list(self.cite)
        for bullet in self.bullets:
            ids.extend(bullet.cite)
            for sub in bullet.sub:
                ids.extend(sub.cite)
        for figure in self.figures:
            ids.extend(figure.cite)
        return ids


@dataclass
class Brief:
    """Title, topics in order, depth, exclusions, overrides, template and citation style.

    ``organisation``, ``presenter`` and ``classification`` are printed on the
    title slide (the marking, e.g. "UNCLASSIFIED", is the deck's own; a
    template's banner marks every slide). A ``date`` of None is the day the
    deck is built until the brief is first saved, which writes the day down.
    """

    title: str = "The Sino-Russian Partnership"
    subtitle: str = "Cooperation without coordination"
    author: str = ""
    organisation: str = ""
    presenter: str = ""
    classification: str = ""
    date: dt.date | None = None
    topics: list[str] = field(default_factory=list)
    depth: str = "standard"
    exclude: list[str] = field(default_factory=list)
    slide_order: list[str] = field(default_factory=list)
    overrides: dict[str, SlideOverride] = field(default_factory=dict)
    custom_slides: list[CustomSlide] = field(default_factory=list)
    template: str = DEFAULT_TEMPLATE
    #: The theme editor's changes to the template, for this deck (see :mod:`sinoru_brief.brief.look`).
    look: dict[str, Any] = field(default_factory=dict)
    style: str = DEFAULT_STYLE
    #: The file the brief was read from, and the line and text of each override as written there (keyed
    #: ``overrides.<slide>.title``, ``.notes`` or ``.bullets.<n>``, ``custom_slides[<i>]...`` paths of the
    #: user's own slides, and ``look.logo``), so an override that cannot be rendered, or a logo that is gone,
    #: is reported where it was written. Neither is saved nor compared.
    source_path: Path | None = field(default=None, compare=False, repr=False)
    source_lines: dict[str, tuple[int, str]] = field(default_factory=dict, compare=False, repr=False)

    def custom_slide(self, slide_id: str) -> CustomSlide | None:
        """Return the user's own slide *slide_id*, or None."""
        return next((s for s in self.custom_slides if s.id == slide_id), None)

    def deck_date(self) -> dt.date:
        """Return the date printed on the deck: the brief's, or today's."""
        return self.date or dt.date.today()

    def origin_of(self, key_path: str, text: str) -> tuple[Path | None, int | None]:
        """Return the file and line where the override *key_path* was written as *text*, if it still is."""
        line, written = self.source_lines.get(key_path, (None, None))
        if self.source_path is None or written != text:
            return None, None  # made or changed in the app: the file does not hold it
        return self.source_path, line
