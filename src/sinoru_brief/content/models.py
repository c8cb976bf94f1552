"""Typed models of the content library: sources, topics, slides and their parts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinoru_brief.hashing import hash_once

#: Slide kinds that authors write in topic files.
AUTHORED_KINDS = ("bullets", "key_judgments", "quote", "chart", "table", "timeline", "comparison")

#: The words that open a slide's guidance for the briefer in its speaker notes (and head it in the app).
BRIEFER_LABEL = "For the briefer:"

#: Depth names and the highest slide priority each includes.
DEPTHS: dict[str, int] = {"key": 1, "standard": 2, "full": 3}


@dataclass(frozen=True)
class Origin:
    """Where a library object was written: file, 1-based line and key path (``slides[3]``)."""

    file: Path
    line: int | None = None
    key_path: str = ""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else str(self.file)


@dataclass(frozen=True)
class Source:
    """One cited work as a CSL item (the dict citeproc-py formats)."""

    id: str
    csl: dict[str, Any]
    note_numbers: tuple[int, ...] = ()
    origin: Origin | None = None

    @property
    def title(self) -> str:
        return str(self.csl.get("title", ""))


@dataclass(frozen=True)
class KeyFigure:
    """A number set large on a key-figures slide: the value as written ("78%", "$245 bn"), its label, its sources."""

    value: str
    label: str
    cite: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bullet:
    """A claim with its citations and optional second-level bullets."""

    text: str
    cite: tuple[str, ...]
    sub: tuple[Bullet, ...] = ()


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """Data for a native chart."""

    type: str  # bar, column, pie
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    unit: str = "number"  # percent or number
    value_axis_title: str = ""


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    cite: tuple[str, ...]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> PartialDate:
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int):
            date = cls(value)
        else:
            date = cls(*(int(p) for p in str(value).strip().split("-")))
        # Raises ValueError for an impossible date: 2024-02-30, month 0, the year 0.
        dt.date(date.year, 1 if date.month is None else date.month, 1 if date.day is None else date.day)
        return date

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def as_date(self) -> dt.date:
        """Return the first day the date can mean, for placing it on an axis."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def label(self) -> str:
        """Return the date as a reader writes it: 2024, May 2024 or 16 May 2024."""
        if self.month is None:
            return str(self.year)
        month = dt.date(2000, self.month, 1).strftime("%b")
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"


@dataclass(frozen=True)
class TimelineEvent:
    date: PartialDate
    label: str
    cite: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """One side of a comparison slide."""

    heading: str
    bullets: tuple[Bullet, ...]


@hash_once
@dataclass(frozen=True)
class Slide:
    """One authored slide; which payload fields are set depends on ``kind``."""

    id: str
    kind: str
    title: str
    priority: int
    notes: str
    topic_id: str = ""
    briefer: str = ""  # guidance for the presenter, not read out: its own paragraph in the speaker notes
    as_of: dt.date | None = None
    bullets: tuple[Bullet, ...] = ()
    quote: str = ""
    attribution: str = ""
    context: str = ""
    cite: tuple[str, ...] = ()
    chart: Chart | None = None
    alt_text: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[TableRow, ...] = ()
    events: tuple[TimelineEvent, ...] = ()
    sides: tuple[Column, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    origin: Origin | None = None

    def citations(self) -> list[str]:
        """Return every source id this slide cites, in reading order, with repeats."""
        ids: list[str] = list(self.cite)

        def walk(bullets: tuple[Bullet, ...]) -> None:
            for bullet in bullets:
                ids.extend(bullet.cite)
                walk(bullet.sub)

        walk(self.bullets)
        for row in self.rows:
            ids.extend(row.cite)
        for event in self.events:
            ids.extend(event.cite)
        for side in self.sides:
            walk(side.bullets)
        for figure in self.figures:
            ids.extend(figure.cite)
        return ids

    def text_fields(self) -> list[str]:
        """Return every piece of text on the slide, for search."""
        texts = [self.title, self.notes, self.briefer, self.quote, self.attribution, self.context, *self.columns]

        def walk(bullets: tuple[Bullet, ...]) -> None:
            for bullet in bullets:
                texts.append(bullet.text)
                walk(bullet.sub)

        walk(self.bullets)
        for side in self.sides:
            texts.append(side.heading)
            walk(side.bullets)
        for row in self.rows:
            texts.extend(row.cells)
        for event in self.events:
            texts.append(event.label)
        if self.chart:
            texts.extend(self.chart.categories)
            texts.extend(s.name for s in self.chart.series)
        return [t for t in texts if t]


@dataclass(frozen=True)
class Topic:
    """A subject a user can put in a deck: a summary and its slides."""

    id: str
    title: str
    summary: str
    as_of: dt.date
    order: int
    slides: tuple[Slide, ...]
    origin: Origin | None = None

    def __hash__(self) -> int:
        # Every deck slide carries its topic, and layout's cache keys hash deck slides: hashing all
        # of a topic's slides for each of them made a 1,000-slide deck spend a second hashing.
        # Equal topics have equal ids and slide counts, so this agrees with the generated equality.
        return hash((self.id, self.title, len(self.slides)))

    def slides_at(self, depth: str) -> list[Slide]:
        """Return the slides a deck of *depth* (key, standard, full) takes from this topic."""
        limit = DEPTHS[depth]
        return [s for s in self.slides if s.priority <= limit]


@dataclass
class Library:
    """All sources and topics, as loaded and cross-checked."""

    sources: dict[str, Source]
    topics: list[Topic]
    root: Path | None = None
    #: What each library merged here summarises (its about.yaml), the built-in one first: the title slide's notes.
    about: tuple[str, ...] = ()
    _slides: dict[str, Slide] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.topics.sort(key=lambda t: (t.order, t.id))
        self._slides = {s.id: s for t in self.topics for s in t.slides}

    def topic(self, topic_id: str) -> Topic:
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise KeyError(topic_id)

    def topic_ids(self) -> list[str]:
        return [t.id for t in self.topics]

    def slide(self, slide_id: str) -> Slide:
        return self._slides[slide_id]

    def has_slide(self, slide_id: str) -> bool:
        return slide_id in self._slides
