"""Load and cross-check a content library: ``sources.yaml`` and ``topics/*.yaml``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from sinoru_brief.content.models import Library, Origin, Source, Topic
from sinoru_brief.content.schema import SOURCES_SPEC, TOPIC_SPEC
from sinoru_brief.errors import ContentError, Problem
from sinoru_brief.paths import default_content_dir
from sinoru_brief.yamlio.marked import MarkedDocument, format_key_path, load_marked
from sinoru_brief.yamlio.schema import INVALID, Checker, did_you_mean

SOURCES_FILE = "sources.yaml"
TOPICS_DIR = "topics"


def load_library(content_dir: Path | None = None) -> Library:
    """Load the library in *content_dir* (the built-in one by default).

    Every problem in every file is collected first; if there is any, one
    :class:`ContentError` listing them all is raised.
    """
    root = Path(content_dir) if content_dir is not None else default_content_dir()
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError(Problem(root, "the content folder does not exist",
                                   hint="pass --content with a folder holding sources.yaml and topics/"))
    sources = _load_sources(root / SOURCES_FILE, problems)
    topics, cite_sites, id_sites = _load_topics(root / TOPICS_DIR, problems)
    _check_citations(sources, cite_sites, problems)
    _check_unique_slide_ids(id_sites, problems)
    if problems:
        raise ContentError(problems)
    return Library(sources=sources, topics=topics, root=root)


def _load_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    if not path.is_file():
        problems.append(Problem(path, "the sources file is missing",
                                hint="create it: a YAML list of CSL items, see docs/authoring.md"))
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
            problems.append(Problem(path, f"duplicate source id '{source_id}'", line=line, column=column,
                                    key_path=format_key_path((index, "id")),
                                    hint=f"it is already used at line {sources[source_id].origin.line}; "
                                         "give one of them another id"))
            continue
        csl = _prune({k: v for k, v in raw.items() if k != "note-number"})
        sources[source_id] = Source(id=source_id, csl=csl, note_numbers=_note_numbers(raw.get("note-number")),
                                    origin=Origin(path, doc.position((index,))[0], format_key_path((index,))))
    return sources


def _note_numbers(value: object) -> tuple[int, ...]:
    """Return the note numbers of a source; a broken entry (already reported by the schema) has none."""
    if isinstance(value, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in value):
        return tuple(value)
    return ()


def _prune(value: object) -> object:
    """Drop keys whose value is None, at every depth: CSL processors read None as data."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


# A cite site is where one citation id was written: (document, key path, source id).
CiteSite = tuple[MarkedDocument, tuple, str]

# Where one slide id was written: (slide id, file, line, column, key path).
IdSite = tuple[str, Path, int | None, int | None, str]


def _load_topics(folder: Path, problems: list[Problem]) -> tuple[list[Topic], list[CiteSite], list[IdSite]]:
    if not folder.is_dir():
        problems.append(Problem(folder, "the topics folder is missing",
                                hint="create it with one <topic-id>.yaml file per topic"))
        return [], [], []
    files = sorted(folder.glob("*.yaml"))
    # A topic saved as .yml would silently be left out of every deck.
    strays = sorted(folder.glob("*.yml"))
    for stray in strays:
        problems.append(Problem(stray, "topic files must end in .yaml", hint=f"rename it to {stray.stem}.yaml"))
    if not files and not strays:
        problems.append(Problem(folder, "the topics folder has no .yaml files", hint="add a topic file"))
    topics: list[Topic] = []
    sites: list[CiteSite] = []
    id_sites: list[IdSite] = []
    for path in files:
        doc = load_marked(path)
        problems.extend(doc.problems)
        if doc.data is None:
            if not doc.problems:
                problems.append(Problem(path, "the topic file is empty",
                                        hint="give it id, title, summary, as_of and slides"))
            continue
        checker = Checker(doc)
        data = TOPIC_SPEC.check(doc.data, (), checker)
        problems.extend(checker.problems)
        sites.extend(_cite_sites(doc))
        id_sites.extend(_id_sites(doc))
        if data is INVALID:
            continue
        if data["id"] != path.stem:
            checker.problems.clear()
            checker.report(("id",), f"topic id '{data['id']}' differs from the file name '{path.stem}'",
                           hint=f"rename the file to {data['id']}.yaml or set id: {path.stem}")
            problems.extend(checker.problems)
            continue
        slides = tuple(
            replace(slide, topic_id=data["id"], as_of=slide.as_of or data["as_of"],
                    origin=Origin(path, doc.position(("slides", i))[0], format_key_path(("slides", i))))
            for i, slide in enumerate(data["slides"])
        )
        topics.append(Topic(id=data["id"], title=data["title"], summary=data["summary"],
                            as_of=data["as_of"], order=data["order"], slides=slides,
                            origin=Origin(path, 1)))
    return topics, sites, id_sites


def _id_sites(doc: MarkedDocument) -> list[IdSite]:
    """Find every slide id written in a topic document, valid or not, with its position."""
    slides = doc.data.get("slides") if isinstance(doc.data, dict) else None
    if not isinstance(slides, list):
        return []
    found: list[IdSite] = []
    for i, slide in enumerate(slides):
        if isinstance(slide, dict) and isinstance(slide.get("id"), str):
            line, column = doc.position(("slides", i, "id"))
            found.append((slide["id"], doc.path, line, column, format_key_path(("slides", i, "id"))))
    return found


def _cite_sites(doc: MarkedDocument) -> list[CiteSite]:
    """Find every ``cite:`` list in a topic document, valid or not, with its key path."""
    sites: list[CiteSite] = []

    def walk(value: object, path: tuple) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "cite" and isinstance(child, list):
                    for i, item in enumerate(child):
                        source_id = _cite_id(doc, (*path, key, i), item)
                        if source_id is not None:
                            sites.append((doc, (*path, key, i), source_id))
                else:
                    walk(child, (*path, key))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                walk(child, (*path, i))

    walk(doc.data, ())
    return sites


def _cite_id(doc: MarkedDocument, key_path: tuple, item: object) -> str | None:
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


def _check_citations(sources: dict[str, Source], sites: list[CiteSite], problems: list[Problem]) -> None:
    if not sources:
        return  # the sources file itself is broken; that error is already reported
    for doc, key_path, source_id in sites:
        if source_id not in sources:
            line, column = doc.position(key_path)
            problems.append(Problem(doc.path, f"unknown source '{source_id}'", line=line, column=column,
                                    key_path=format_key_path(key_path),
                                    hint=did_you_mean(source_id, sources) or "add it to sources.yaml"))


def _check_unique_slide_ids(sites: list[IdSite], problems: list[Problem]) -> None:
    """Report every slide id used twice, in one topic file or across two."""
    first: dict[str, IdSite] = {}
    for site in sites:
        slide_id, path, line, column, key_path = site
        if slide_id not in first:
            first[slide_id] = site
            continue
        _, first_path, first_line, _, _ = first[slide_id]
        where = f"line {first_line}" if first_path == path else f"{first_path}:{first_line}"
        problems.append(Problem(path, f"duplicate slide id '{slide_id}'", line=line, column=column,
                                key_path=key_path, hint=f"it is already used at {where}; slide ids must be "
                                                        "unique across all topics"))
