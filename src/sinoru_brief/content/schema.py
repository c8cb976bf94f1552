"""Declare what a source and a topic file may contain, and build models from them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sinoru_brief.content.models import (
    AUTHORED_KINDS,
    BRIEFER_LABEL,
    Bullet,
    Chart,
    ChartSeries,
    Column,
    PartialDate,
    Slide,
    TableRow,
    TimelineEvent,
)
from sinoru_brief.yamlio.marked import KeyPath
from sinoru_brief.yamlio.schema import (
    INVALID,
    Checker,
    Choice,
    Date,
    Integer,
    Key,
    ListOf,
    Number,
    Record,
    Spec,
    Text,
    Variant,
    describe_value,
)

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_HELP = "an id in lower-case kebab-case (letters, digits and single hyphens)"

#: Longest text a bullet, label or cell may hold; longer text is not a bullet.
MAX_CLAIM_CHARS = 600
MAX_NOTES_CHARS = 4000
#: Longest guidance for the briefer: a paragraph, not a second set of notes.
MAX_BRIEFER_CHARS = 1000


def _text(max_length: int = MAX_CLAIM_CHARS) -> Text:
    return Text(max_length=max_length)


@dataclass
class NotesText(Text):
    """Speaker notes to read out; guidance for the briefer belongs in the slide's own ``briefer:`` field."""

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        value = super().check(value, path, checker)
        if value is not INVALID and BRIEFER_LABEL.lower() in value.lower():
            checker.report(
                path,
                f"the notes hold guidance for the briefer ('{BRIEFER_LABEL}')",
                hint=f"move that paragraph into the slide's briefer: field, without the words "
                f"'{BRIEFER_LABEL}' (the export adds them)",
            )
            return INVALID
        return value


@dataclass
class BrieferText(Text):
    """Guidance for the briefer, without the label the export puts before it."""

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        value = super().check(value, path, checker)
        if value is not INVALID and value.strip().lower().startswith(BRIEFER_LABEL.lower()):
            checker.report(
                path,
                f"starts with '{BRIEFER_LABEL}', which the export adds itself",
                hint=f"delete the words '{BRIEFER_LABEL}' at its start",
            )
            return INVALID
        return value


_ID = Text(max_length=120, pattern=ID_PATTERN, pattern_help=ID_HELP)
_CITE = ListOf(item=Text(max_length=200), min_items=1)

# --------------------------------------------------------------------- sources

# CSL 1.0.2 variables a Zotero or pandoc export may carry; anything else is a typo.
_CSL_TEXT_VARIABLES = (
    "title",
    "original-title",
    "title-short",
    "container-title",
    "container-title-short",
    "collection-title",
    "publisher",
    "publisher-place",
    "event",
    "event-place",
    "genre",
    "medium",
    "language",
    "volume",
    "issue",
    "page",
    "number",
    "edition",
    "section",
    "source",
    "archive",
    "archive_location",
    "note",
    "abstract",
    "DOI",
    "ISBN",
    "ISSN",
    "URL",
    "PMID",
    "PMCID",
    "call-number",
    "dimensions",
    "scale",
    "status",
    "version",
    "references",
    "jurisdiction",
    "authority",
    "annote",
    "keyword",
    "citation-key",
)
_CSL_NAME_VARIABLES = (
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "director",
    "interviewer",
    "recipient",
    "reviewed-author",
    "contributor",
)
_CSL_DATE_VARIABLES = ("issued", "accessed", "original-date", "event-date", "submitted")
CSL_TYPES = (
    "article",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "bill",
    "book",
    "broadcast",
    "chapter",
    "dataset",
    "document",
    "entry",
    "entry-dictionary",
    "entry-encyclopedia",
    "figure",
    "graphic",
    "interview",
    "legal_case",
    "legislation",
    "manuscript",
    "map",
    "motion_picture",
    "musical_score",
    "pamphlet",
    "paper-conference",
    "patent",
    "personal_communication",
    "post",
    "post-weblog",
    "report",
    "review",
    "review-book",
    "song",
    "speech",
    "standard",
    "thesis",
    "treaty",
    "webpage",
)

_NAME = Record(
    what="name",
    keys={
        "family": Key(Text(max_length=200), required=False),
        "given": Key(Text(max_length=200), required=False),
        "literal": Key(Text(max_length=300), required=False),
        "suffix": Key(Text(max_length=50), required=False),
        "dropping-particle": Key(Text(max_length=50), required=False),
        "non-dropping-particle": Key(Text(max_length=50), required=False),
    },
)


class CslDate(Spec):
    """A CSL date: ``{date-parts: [[year, month, day]]}`` with as many parts as known."""

    expected = "a CSL date such as {date-parts: [[2024, 5, 16]]}"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, dict) or set(value) - {"date-parts", "literal", "season", "circa"}:
            return self._wrong_type(value, path, checker)
        parts = value.get("date-parts")
        if parts is None:
            return value if "literal" in value else self._wrong_type(value, path, checker)
        if (
            not isinstance(parts, list)
            or not 1 <= len(parts) <= 2
            or not all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts)
            or not all(isinstance(n, int) and not isinstance(n, bool) for p in parts for n in p)
        ):
            return self._wrong_type(value, (*path, "date-parts"), checker)
        for p in parts:
            try:
                dt.date(p[0], p[1] if len(p) > 1 else 1, p[2] if len(p) > 2 else 1)
            except (ValueError, OverflowError):  # a year beyond C's long overflows instead
                checker.report(
                    (*path, "date-parts"),
                    f"{p} is not a real date",
                    hint="date-parts are [year, month, day]; the month must be 1 to 12 "
                    "and the day must exist in that month",
                )
                return INVALID
        return value


SOURCE_SPEC = Record(
    what="source",
    keys={
        "id": Key(_ID),
        "type": Key(Choice(choices=CSL_TYPES)),
        "title": Key(_text(1000)),
        **{name: Key(Text(max_length=2000), required=False) for name in _CSL_TEXT_VARIABLES if name != "title"},
        **{name: Key(ListOf(item=_NAME, min_items=1), required=False) for name in _CSL_NAME_VARIABLES},
        **{name: Key(CslDate(), required=False) for name in _CSL_DATE_VARIABLES},
        "note-number": Key(ListOf(item=Integer(minimum=1, maximum=10_000)), required=False, default=[]),
    },
)

SOURCES_SPEC = ListOf(item=SOURCE_SPEC, min_items=1)

# ---------------------------------------------------------------------- topics


def _build_bullet(d: dict[str, Any]) -> Bullet:
    return Bullet(text=d["text"], cite=tuple(d["cite"]), sub=tuple(d.get("sub") or ()))


_SUB_BULLET = Record(what="bullet", keys={"text": Key(_text()), "cite": Key(_CITE)}, build=_build_bullet)
_BULLET = Record(
    what="bullet",
    keys={
        "text": Key(_text()),
        "cite": Key(_CITE),
        "sub": Key(ListOf(item=_SUB_BULLET, min_items=1, max_items=8), required=False),
    },
    build=_build_bullet,
)
_BULLETS = ListOf(item=_BULLET, min_items=1, max_items=12)


def _build_chart(d: dict[str, Any]) -> Chart:
    return Chart(
        type=d["type"],
        categories=tuple(d["categories"]),
        series=tuple(d["series"]),
        unit=d["unit"] or "number",
        value_axis_title=d["value_axis_title"] or "",
    )


_SERIES = Record(
    what="chart series",
    keys={"name": Key(_text(200)), "values": Key(ListOf(item=Number(), min_items=1, max_items=100))},
    build=lambda d: ChartSeries(name=d["name"], values=tuple(d["values"])),
)
_CHART = Record(
    what="chart",
    keys={
        "type": Key(Choice(choices=("bar", "column", "pie"))),
        "categories": Key(ListOf(item=_text(120), min_items=1, max_items=100)),
        "series": Key(ListOf(item=_SERIES, min_items=1, max_items=12)),
        "unit": Key(Choice(choices=("percent", "number")), required=False, default="number"),
        "value_axis_title": Key(_text(200), required=False, default=""),
    },
    build=_build_chart,
)
_ROW = Record(
    what="table row",
    keys={"cells": Key(ListOf(item=_text(), min_items=1, max_items=12)), "cite": Key(_CITE)},
    build=lambda d: TableRow(cells=tuple(d["cells"]), cite=tuple(d["cite"])),
)


class EventDate(Spec):
    """A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD."""

    expected = "a date written YYYY, YYYY-MM or YYYY-MM-DD"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | str | dt.date):
            return self._wrong_type(value, path, checker)
        try:
            return PartialDate.parse(value)
        except (ValueError, TypeError):
            pass
        if re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", str(value).strip()):
            checker.report(
                path,
                f"'{value}' is not a real date",
                hint="the month must be 1 to 12 and the day must exist in that month",
            )
        else:
            checker.report(path, f"expected {self.expected}, got {describe_value(value)}")
        return INVALID


_EVENT = Record(
    what="timeline event",
    keys={"date": Key(EventDate()), "label": Key(_text(200)), "cite": Key(_CITE)},
    build=lambda d: TimelineEvent(date=d["date"], label=d["label"], cite=tuple(d["cite"])),
)
_SIDE = Record(
    what="comparison column",
    keys={"heading": Key(_text(200)), "bullets": Key(_BULLETS)},
    build=lambda d: Column(heading=d["heading"], bullets=tuple(d["bullets"])),
)


def _build_slide(d: dict[str, Any]) -> Slide:
    fields = {k: v for k, v in d.items() if v is not None}
    for name in ("bullets", "cite", "columns", "rows", "events"):
        if name in fields:
            fields[name] = tuple(fields[name])
    if "sides" in fields:
        fields["sides"] = tuple(fields["sides"])
    return Slide(**fields)


SLIDE_SPEC = Variant(
    what="slide",
    tag="kind",
    common={
        "id": Key(_ID),
        "title": Key(_text(200)),
        "priority": Key(Integer(minimum=1, maximum=3)),
        "notes": Key(NotesText(max_length=MAX_NOTES_CHARS)),
        "briefer": Key(BrieferText(max_length=MAX_BRIEFER_CHARS), required=False, default=""),
        "as_of": Key(Date(), required=False),
    },
    variants={
        "bullets": {"bullets": Key(_BULLETS)},
        "key_judgments": {"bullets": Key(_BULLETS)},
        "quote": {
            "quote": Key(_text(1000)),
            "attribution": Key(_text(300)),
            "context": Key(_text(300), required=False, default=""),
            "cite": Key(_CITE),
        },
        "chart": {"chart": Key(_CHART), "cite": Key(_CITE), "alt_text": Key(_text(1000), required=False, default="")},
        "table": {
            "columns": Key(ListOf(item=_text(120), min_items=1, max_items=12)),
            "rows": Key(ListOf(item=_ROW, min_items=1, max_items=200)),
        },
        "timeline": {"events": Key(ListOf(item=_EVENT, min_items=1, max_items=40))},
        "comparison": {"columns": Key(ListOf(item=_SIDE, min_items=2, max_items=2))},
    },
    builders={"comparison": lambda d: _build_slide({**d, "columns": None, "sides": d["columns"]})},
    default_build=_build_slide,
)
assert set(SLIDE_SPEC.variants) == set(AUTHORED_KINDS)

TOPIC_SPEC = Record(
    what="topic",
    keys={
        "id": Key(_ID),
        "title": Key(_text(200)),
        "summary": Key(_text(400)),
        "as_of": Key(Date()),
        "order": Key(Integer(minimum=0, maximum=1_000_000), required=False, default=1000),
        "slides": Key(ListOf(item=SLIDE_SPEC, min_items=1)),
    },
)
