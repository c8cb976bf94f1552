"""Read, check and write ``.brief.yaml`` files."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from sinoru_brief.atomic import write_atomic
from sinoru_brief.brief.custom import (
    CUSTOM_SLIDES,
    BulletEdits,
    bullets_to_data,
    custom_slide_texts,
    custom_slide_to_data,
    custom_slides_from_data,
    lines_of,
    written_texts,
)
from sinoru_brief.brief.look import LOOK_SPEC, checked_look
from sinoru_brief.brief.model import DEFAULT_STYLE, DEFAULT_TEMPLATE, START_PREFIX, Brief, SlideOverride
from sinoru_brief.brief.positions import parse_position
from sinoru_brief.content.models import DEPTHS, Bullet, Library
from sinoru_brief.content.schema import MAX_BRIEFER_CHARS, BrieferText
from sinoru_brief.errors import BriefFileError, Problem
from sinoru_brief.yamlio.marked import MarkedDocument, load_marked
from sinoru_brief.yamlio.schema import INVALID, Checker, Choice, Date, Key, ListOf, MappingOf, Record, Text

BRIEF_SUFFIX = ".brief.yaml"

_ID_LIST = ListOf(item=Text(max_length=120))
_OVERRIDE = Record(
    what="slide override",
    keys={
        "title": Key(Text(max_length=200), required=False),
        "notes": Key(Text(max_length=4000), required=False),
        "briefer": Key(BrieferText(max_length=MAX_BRIEFER_CHARS), required=False),
        "bullets": Key(BulletEdits(), required=False, default={}),
    },
)
BRIEF_SPEC = Record(
    what="brief",
    keys={
        # An empty title is unusual but must load: a brief the app saved must always reopen.
        "title": Key(Text(max_length=200, allow_empty=True)),
        "subtitle": Key(Text(max_length=300, allow_empty=True), required=False, default=""),
        "author": Key(Text(max_length=200, allow_empty=True), required=False, default=""),
        "organisation": Key(Text(max_length=200, allow_empty=True), required=False, default=""),
        "presenter": Key(Text(max_length=200, allow_empty=True), required=False, default=""),
        "classification": Key(Text(max_length=120, allow_empty=True), required=False, default=""),
        "date": Key(Date(), required=False),
        "topics": Key(_ID_LIST, required=False, default=[]),
        "depth": Key(Choice(choices=tuple(DEPTHS)), required=False, default="standard"),
        "exclude": Key(_ID_LIST, required=False, default=[]),
        "slide_order": Key(_ID_LIST, required=False, default=[]),
        "overrides": Key(MappingOf(value=_OVERRIDE, what="overrides"), required=False, default={}),
        "custom_slides": Key(CUSTOM_SLIDES, required=False, default=[]),
        "template": Key(Text(max_length=500), required=False, default=DEFAULT_TEMPLATE),
        "look": Key(LOOK_SPEC, required=False, default={}),
        "style": Key(Text(max_length=500), required=False, default=DEFAULT_STYLE),
    },
)


def load_brief(path: Path) -> Brief:
    """Read and validate the brief at *path*; raise :class:`BriefFileError` listing every problem."""
    path = Path(path)
    doc = load_marked(path)
    if doc.problems:
        raise BriefFileError(doc.problems)
    if doc.data is None:
        raise BriefFileError(Problem(path, "the brief file is empty", hint="give it at least a title"))
    checker = Checker(doc)
    brief = _check_brief(doc.data, checker, path.parent)
    if checker.problems:
        raise BriefFileError(checker.problems)
    assert brief is not None  # the schema reports whatever makes the brief invalid
    brief.source_path = path
    brief.source_lines = _override_lines(brief, doc)
    return brief


def _override_lines(brief: Brief, doc: MarkedDocument) -> dict[str, tuple[int, str]]:
    """Return the line and text of every override, own slide and the look's logo in *doc*, keyed by key path."""
    written: dict[tuple[str, ...], str] = {}
    for slide_id, override in brief.overrides.items():
        for name in ("title", "notes", "briefer"):
            if getattr(override, name) is not None:
                written[("overrides", slide_id, name)] = getattr(override, name)
        for key, text in override.bullets.items():
            written[("overrides", slide_id, "bullets", key)] = text
    lines = {".".join(path): (doc.position(path)[0], text) for path, text in written.items()}
    found = {key: (line, text) for key, (line, text) in lines.items() if line is not None}
    for slide_id, override in brief.overrides.items():
        if override.bullet_list is not None:
            found.update(lines_of(written_texts(("overrides", slide_id, "bullets"), override.bullet_list), doc))
    found.update(lines_of(custom_slide_texts(brief.custom_slides), doc))
    if isinstance(brief.look.get("logo"), str):  # a logo that is gone is reported where the brief names it
        line = doc.position(("look", "logo"))[0]
        if line is not None:
            found["look.logo"] = (line, brief.look["logo"])
    return found


def _check_brief(raw: Any, checker: Checker, folder: Path) -> Brief | None:
    data = BRIEF_SPEC.check(raw, (), checker)
    if data is INVALID:
        return None
    look = checked_look(data["look"], folder, checker)
    overrides: dict[str, SlideOverride] = {}
    for slide_id, checked in data["overrides"].items():
        bullets: dict[str, str] = {}
        if isinstance(checked["bullets"], list):
            overrides[slide_id] = SlideOverride(
                title=checked["title"],
                notes=checked["notes"],
                bullet_list=checked["bullets"],
                briefer=checked["briefer"],
            )
            continue
        for key, text in (checked["bullets"] or {}).items():
            if parse_position(key) is None:
                checker.report(
                    ("overrides", slide_id, "bullets", key),
                    f"bullet key '{key}' is not a bullet position",
                    hint="use '0' for the first bullet or '0.1' for its second sub-bullet",
                )
                continue
            bullets[key] = text
        overrides[slide_id] = SlideOverride(
            title=checked["title"], notes=checked["notes"], bullets=bullets, briefer=checked["briefer"]
        )
    return Brief(
        title=data["title"],
        subtitle=data["subtitle"],
        author=data["author"],
        organisation=data["organisation"],
        presenter=data["presenter"],
        classification=data["classification"],
        date=data["date"],
        topics=list(data["topics"]),
        depth=data["depth"],
        exclude=list(data["exclude"]),
        slide_order=list(data["slide_order"]),
        overrides=overrides,
        custom_slides=custom_slides_from_data(data["custom_slides"], checker),
        template=data["template"],
        look=look,
        style=data["style"],
    )


def reconciled(brief: Brief, library: Library) -> tuple[Brief, list[str]]:
    """Return *brief* without what *library* no longer has, and a note for each thing dropped.

    A brief outlives library edits: opening it must still work, and the user
    must be told what was left out. The brief given stays as it was.
    """
    brief = copy.deepcopy(brief)
    dropped: list[str] = []
    known_topics = set(library.topic_ids())
    for topic_id in [t for t in brief.topics if t not in known_topics]:
        brief.topics.remove(topic_id)
        dropped.append(f"topic '{topic_id}' is no longer in the library and was dropped")
    for name, ids in (("excluded slide", brief.exclude), ("ordered slide", brief.slide_order)):
        for slide_id in [s for s in ids if not library.has_slide(s)]:
            ids.remove(slide_id)
            dropped.append(f"{name} '{slide_id}' is no longer in the library and was dropped")
    for slide_id in [s for s in brief.overrides if not library.has_slide(s)]:
        del brief.overrides[slide_id]
        dropped.append(f"the text changes to slide '{slide_id}' were dropped: the slide is no longer in the library")
    for slide_id, override in list(brief.overrides.items()):
        if override.bullet_list is not None:
            continue  # the deck's own list of bullets needs none of the library's
        bullets = library.slide(slide_id).bullets
        for key in [k for k in override.bullets if not _has_bullet(bullets, k)]:
            del override.bullets[key]
            dropped.append(
                f"the change to bullet {key} of slide '{slide_id}' was dropped: the slide no longer has that bullet"
            )
        if override.is_empty():
            del brief.overrides[slide_id]
    dropped.extend(_reconcile_custom(brief, library))
    return brief, dropped


def _reconcile_custom(brief: Brief, library: Library) -> list[str]:
    """Keep the user's own slides usable after library edits: rename a clashing id, re-place an orphan.

    The user's slides are never dropped: they hold work the library cannot give back.
    """
    notes: list[str] = []
    for custom in brief.custom_slides:
        if library.has_slide(custom.id):
            taken = {s.id for s in brief.custom_slides}
            candidates = (f"{custom.id}-own{n or ''}" for n in range(len(taken) + 2))
            new_id = next(c for c in candidates if c not in taken and not library.has_slide(c))
            for other in brief.custom_slides:
                if other.after == custom.id:
                    other.after = new_id
            notes.append(f"your slide '{custom.id}' was renamed '{new_id}': the library now has a slide of that id")
            custom.id = new_id
    anchors = {s.id for s in brief.custom_slides}
    starts = {f"{START_PREFIX}{t}" for t in library.topic_ids()}
    for custom in brief.custom_slides:
        if custom.after in anchors or custom.after in starts or library.has_slide(custom.after):
            continue
        if brief.topics:
            notes.append(
                f"your slide '{custom.id}' now opens topic '{brief.topics[0]}': "
                f"the slide it followed, '{custom.after}', is no longer in the library"
            )
            custom.after = f"{START_PREFIX}{brief.topics[0]}"
    return notes


def _has_bullet(bullets: tuple[Bullet, ...], key: str) -> bool:
    """Return whether the bullet position *key* (``"2"`` or ``"2.0"``) exists among *bullets*."""
    indexes = parse_position(key)
    if indexes is None or indexes[0] >= len(bullets):
        return False
    return len(indexes) == 1 or indexes[1] < len(bullets[indexes[0]].sub)


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """Return the brief as plain data in the order a person reads it."""
    data: dict[str, Any] = {"title": brief.title}
    if brief.subtitle:
        data["subtitle"] = brief.subtitle
    for name in ("author", "organisation", "presenter", "classification"):
        if getattr(brief, name):
            data[name] = getattr(brief, name)
    # Written even when left on "today", so the deck keeps the day it was made on when reopened later.
    data["date"] = brief.deck_date().isoformat()
    data["topics"] = list(brief.topics)
    data["depth"] = brief.depth
    if brief.exclude:
        data["exclude"] = list(brief.exclude)
    if brief.slide_order:
        data["slide_order"] = list(brief.slide_order)
    overrides = {}
    for slide_id, override in brief.overrides.items():
        if override.is_empty():
            continue
        entry: dict[str, Any] = {}
        if override.title is not None:
            entry["title"] = override.title
        if override.notes is not None:
            entry["notes"] = override.notes
        if override.briefer is not None:
            entry["briefer"] = override.briefer
        if override.bullet_list is not None:
            entry["bullets"] = bullets_to_data(override.bullet_list)
        elif override.bullets:
            entry["bullets"] = dict(sorted(override.bullets.items()))
        overrides[slide_id] = entry
    if overrides:
        data["overrides"] = overrides
    if brief.custom_slides:
        data["custom_slides"] = [custom_slide_to_data(s) for s in brief.custom_slides]
    data["template"] = brief.template
    if brief.look:
        data["look"] = copy.deepcopy(brief.look)
    data["style"] = brief.style
    return data


def save_brief(brief: Brief, path: Path) -> None:
    """Write *brief* to *path* atomically, as readable YAML."""
    text = "# sinoru-brief deck choices\n" + yaml.safe_dump(
        brief_to_dict(brief), sort_keys=False, allow_unicode=True, width=100
    )
    write_atomic(Path(path), text.encode("utf-8"))
