"""Read a content library folder: ``sources.yaml`` and ``topics/*.yaml``.

:func:`load_part` reads one folder into a :class:`LibraryPart` and never
raises for bad content: every problem is recorded. :func:`load_library` reads
one complete library and cross-checks it, raising one :class:`ContentError`
that lists every problem; several libraries are read and merged by
:mod:`sinoru_brief.content.libraries`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from sinoru_brief.content.about import load_about
from sinoru_brief.content.merge import merge_parts
from sinoru_brief.content.models import Library, Origin, Source, Topic
from sinoru_brief.content.parts import CiteRef, IdSite, LibraryPart
from sinoru_brief.content.schema import SOURCES_SPEC, TOPIC_SPEC
from sinoru_brief.errors import ContentError, Problem
from sinoru_brief.paths import default_content_dir
from sinoru_brief.yamlio.marked import KeyPath, MarkedDocument, format_key_path, load_marked
from sinoru_brief.yamlio.schema import INVALID, Checker

SOURCES_FILE = "sources.yaml"
TOPICS_DIR = "topics"
MISSING_FOLDER = "the content folder does not exist"
LAYOUT_HINT = "a library folder holds sources.yaml, topics/<topic-id>.yaml files, or both, as content/ does"


def load_library(content_dir: Path | None = None) -> Library:
    """Load the complete library in *content_dir* (the built-in one by default).

    Every problem in every file is collected first; if there is any, one
    :class:`ContentError` listing them all is raised.
    """
    root = Path(content_dir) if content_dir is not None else default_content_dir()
    merged = merge_parts([load_part(root)])
    if merged.problems:
        raise ContentError(list(merged.problems))
    return merged.library


def load_part(root: Path, *, complete: bool = True) -> LibraryPart:
    """Read the library folder *root*; record every problem in the part rather than raise.

    A *complete* library (the built-in one) must have both ``sources.yaml``
    and ``topics/``; a partial one (the user's, or a folder the user adds) may
    hold either, since its slides may cite sources of another library and its
    sources may serve another's slides.
    """
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(
            Problem(root, MISSING_FOLDER, hint="pass --content with a folder holding sources.yaml and topics/")
        )
        return LibraryPart(root=root, sources={}, topics=(), problems=tuple(problems))
    sources_path, topics_path = root / SOURCES_FILE, root / TOPICS_DIR
    if not complete and not sources_path.is_file() and not topics_path.is_dir():
        problems.append(
            Problem(
                root,
                "the folder holds neither sources.yaml nor a topics folder",
                hint=f"check that this is the right folder: {LAYOUT_HINT}",
            )
        )
        return LibraryPart(root=root, sources={}, topics=(), problems=tuple(problems))
    ids: list[IdSite] = []
    cites: list[CiteRef] = []
    sources: dict[str, Source] = {}
    if complete or sources_path.is_file():
        sources = _load_sources(sources_path, problems, ids)
    topics: list[Topic] = []
    if complete or topics_path.is_dir():
        topics = _load_topics(topics_path, problems, ids, cites, require_files=complete)
    about = load_about(root, problems)
    return LibraryPart(
        root=root,
        sources=sources,
        topics=tuple(topics),
        ids=tuple(ids),
        cites=tuple(cites),
        problems=tuple(problems),
        sources_lost=sources_path.is_file() and not sources,
        about=about,
    )


def _load_sources(path: Path, problems: list[Problem], ids: list[IdSite]) -> dict[str, Source]:
    if not path.is_file():
        problems.append(
            Problem(
                path, "the sources file is missing", hint="create it: a YAML list of CSL items, see docs/authoring.md"
            )
        )
        return {}
    doc = load_marked(path)
    problems.extend(doc.problems)
    if doc.data is None:
        if not doc.problems:
            problems.append(Problem(path, "the sources file is empty", hint="add at least one CSL item"))
        return {}
    checker = Checker(doc)
    items = SOURCES_SPEC.check(doc.data, (), checker)
    problems.extend(checker.problems)
    if not isinstance(doc.data, list):
        return {}
    sources: dict[str, Source] = {}
    # Keep the valid entries even when others are broken, so citation checks
    # do not drown the real error in "unknown source" noise.
    raw_items = items if items is not INVALID else doc.data
    for index, raw in enumerate(raw_items):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        line, column = doc.position((index, "id"))
        source_id = raw["id"]
        if source_id in sources:
            first = sources[source_id].origin
            where = f"at line {first.line}" if first else "earlier in the file"
            problems.append(
                Problem(
                    path,
                    f"duplicate source id '{source_id}'",
                    line=line,
                    column=column,
                    key_path=format_key_path((index, "id")),
                    hint=f"it is already used {where}; give one of them another id",
                )
            )
            continue
        ids.append(IdSite("source", source_id, path, line, column, format_key_path((index, "id"))))
        csl = _pruned_mapping({k: v for k, v in raw.items() if k != "note-number"})
        sources[source_id] = Source(
            id=source_id,
            csl=csl,
            note_numbers=_note_numbers(raw.get("note-number")),
            origin=Origin(path, doc.position((index,))[0], format_key_path((index,))),
        )
    return sources


def _note_numbers(value: object) -> tuple[int, ...]:
    """Return the note numbers of a source; a broken entry (already reported by the schema) has none."""
    if isinstance(value, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return tuple(value)
    return ()


def _pruned_mapping(mapping: dict[str, Any]) -> dict[str, Any]:
    """Return *mapping* without the keys whose value is None, at every depth (see :func:`_prune`)."""
    return {k: _prune(v) for k, v in mapping.items() if v is not None}


def _prune(value: object) -> object:
    """Drop keys whose value is None, at every depth: CSL processors read None as data."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _load_topics(
    folder: Path, problems: list[Problem], ids: list[IdSite], cites: list[CiteRef], *, require_files: bool
) -> list[Topic]:
    if not folder.is_dir():
        problems.append(
            Problem(folder, "the topics folder is missing", hint="create it with one <topic-id>.yaml file per topic")
        )
        return []
    files = sorted(folder.glob("*.yaml"))
    # A topic saved as .yml would silently be left out of every deck.
    strays = sorted(folder.glob("*.yml"))
    for stray in strays:
        problems.append(Problem(stray, "topic files must end in .yaml", hint=f"rename it to {stray.stem}.yaml"))
    if not files and not strays and require_files:
        problems.append(Problem(folder, "the topics folder has no .yaml files", hint="add a topic file"))
    topics: list[Topic] = []
    for path in files:
        doc = load_marked(path)
        problems.extend(doc.problems)
        if doc.data is None:
            if not doc.problems:
                problems.append(
                    Problem(path, "the topic file is empty", hint="give it id, title, summary, as_of and slides")
                )
            continue
        checker = Checker(doc)
        data = TOPIC_SPEC.check(doc.data, (), checker)
        problems.extend(checker.problems)
        cites.extend(_cite_sites(doc))
        ids.extend(_id_sites(doc))
        if data is INVALID:
            continue
        if data["id"] != path.stem:
            checker.problems.clear()
            checker.report(
                ("id",),
                f"topic id '{data['id']}' differs from the file name '{path.stem}'",
                hint=f"rename the file to {data['id']}.yaml or set id: {path.stem}",
            )
            problems.extend(checker.problems)
            continue
        slides = tuple(
            replace(
                slide,
                topic_id=data["id"],
                as_of=slide.as_of or data["as_of"],
                origin=Origin(path, doc.position(("slides", i))[0], format_key_path(("slides", i))),
            )
            for i, slide in enumerate(data["slides"])
        )
        topics.append(
            Topic(
                id=data["id"],
                title=data["title"],
                summary=data["summary"],
                as_of=data["as_of"],
                order=data["order"],
                slides=slides,
                origin=Origin(path, 1),
            )
        )
        line, column = doc.position(("id",))
        ids.append(IdSite("topic", data["id"], path, line, column, "id"))
    return topics


def _id_sites(doc: MarkedDocument) -> list[IdSite]:
    """Find every slide id written in a topic document, valid or not, with its position."""
    slides = doc.data.get("slides") if isinstance(doc.data, dict) else None
    if not isinstance(slides, list):
        return []
    found: list[IdSite] = []
    for i, slide in enumerate(slides):
        if isinstance(slide, dict) and isinstance(slide.get("id"), str):
            line, column = doc.position(("slides", i, "id"))
            found.append(IdSite("slide", slide["id"], doc.path, line, column, format_key_path(("slides", i, "id"))))
    return found


def _cite_sites(doc: MarkedDocument) -> list[CiteRef]:
    """Find every ``cite:`` list in a topic document, valid or not, with its position."""
    sites: list[CiteRef] = []

    def walk(value: object, path: KeyPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "cite" and isinstance(child, list):
                    for i, item in enumerate(child):
                        source_id = _cite_id(doc, (*path, key, i), item)
                        if source_id is not None:
                            line, column = doc.position((*path, key, i))
                            sites.append(CiteRef(source_id, doc.path, line, column, format_key_path((*path, key, i))))
                else:
                    walk(child, (*path, key))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, (*path, i))

    walk(doc.data, ())
    return sites


def _cite_id(doc: MarkedDocument, key_path: KeyPath, item: object) -> str | None:
    """Return the source id a cite item names, read as the schema's Text reads it, or None if it names none.

    ``cite: [2024]`` holds the number 2024, which the slide keeps as the text
    '2024' (as written): it must be checked against the sources as that text.
    """
    if isinstance(item, str):
        return item
    if isinstance(item, int | float | dt.date):
        # The schema's Text keeps a number, date or yes/no as written ("true"), so the id to check is that.
        written = doc.written.get(key_path)
        if written is not None:
            return written
        return None if isinstance(item, bool) else str(item)
    return None  # a list, a mapping or null: the schema reports it
