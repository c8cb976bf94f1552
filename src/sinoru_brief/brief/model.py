"""The user's choices for one deck: what a ``.brief.yaml`` file holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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
    """Title, topics in order, depth, exclusions, overrides, template and citation style.

    ``organisation``, ``presenter`` and ``classification`` are printed on the
    title slide (the marking, e.g. "UNCLASSIFIED", is the deck's own; a
    template's banner marks every slide).
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
    template: str = DEFAULT_TEMPLATE
    style: str = DEFAULT_STYLE
    #: The file the brief was read from, and the line and text of each override as written there (keyed
    #: ``overrides.<slide>.title``, ``.notes`` or ``.bullets.<n>``), so an override that cannot be rendered
    #: is reported where it was written. Neither is saved nor compared.
    source_path: Path | None = field(default=None, compare=False, repr=False)
    source_lines: dict[str, tuple[int, str]] = field(default_factory=dict, compare=False, repr=False)

    def deck_date(self) -> dt.date:
        """Return the date printed on the deck: the brief's, or today's."""
        return self.date or dt.date.today()

    def origin_of(self, key_path: str, text: str) -> tuple[Path | None, int | None]:
        """Return the file and line where the override *key_path* was written as *text*, if it still is."""
        line, written = self.source_lines.get(key_path, (None, None))
        if self.source_path is None or written != text:
            return None, None  # made or changed in the app: the file does not hold it
        return self.source_path, line
