"""Merge library parts into one library and cross-check them: unique ids, and citations that resolve.

This is pure: it reads no file. The parts come in the order the libraries
load (the built-in one first); when an id clashes the first part keeps it and
the later one is reported, naming both places and how to fix it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sinoru_brief.content.models import Library, Slide, Source, Topic
from sinoru_brief.content.parts import IdKind, IdSite, LibraryPart
from sinoru_brief.errors import Problem
from sinoru_brief.yamlio.schema import did_you_mean

#: How to fix an id used by two libraries, per kind of id.
CLASH_FIXES: dict[IdKind, str] = {
    "source": "rename one of them (and the slides that cite it), or delete this copy: a slide may cite a "
    "source of any library",
    "topic": "rename one of the topic files and the id: in it, or remove one of the two topics",
    "slide": "rename one of them",
}


@dataclass(frozen=True)
class MergedLibrary:
    """The merged library and every problem found in the parts and across them (none: it is sound)."""

    library: Library
    problems: tuple[Problem, ...]


def merge_parts(parts: Sequence[LibraryPart]) -> MergedLibrary:
    """Merge *parts* in order into one :class:`Library` and list every problem, the parts' own first.

    The library holds every source and topic whose id was not taken by an
    earlier part, so it is usable even when there are problems; a caller
    that needs a sound library refuses it when ``problems`` is not empty.
    """
    problems: list[Problem] = [problem for part in parts for problem in part.problems]
    owners = {site.file: part.root for part in parts for site in part.ids}
    problems.extend(_id_clashes(_sites(parts, "source"), owners, across_libraries_only=True))
    topic_clashes = _id_clashes(_sites(parts, "topic"), owners, across_libraries_only=True)
    problems.extend(topic_clashes)
    sources: dict[str, Source] = {}
    topics: dict[str, Topic] = {}
    for part in parts:
        for source_id, source in part.sources.items():
            sources.setdefault(source_id, source)
        for topic in part.topics:
            topics.setdefault(topic.id, topic)
    if sources and not any(part.sources_lost for part in parts):
        problems.extend(_unknown_citations(parts, sources))
    # A topic file that clashes is left out whole: its slides' ids are not reported again, one by one.
    left_out = {problem.file for problem in topic_clashes}
    slide_sites = [site for site in _sites(parts, "slide") if site.file not in left_out]
    problems.extend(_id_clashes(slide_sites, owners, across_libraries_only=False))
    root = parts[0].root if parts else None
    # A slide id taken by an earlier topic would make Library's slide index ambiguous: drop the later slide.
    seen: set[str] = set()
    kept: list[Topic] = []
    for topic in topics.values():
        slides = tuple(slide for slide in topic.slides if slide.id not in seen)
        seen.update(slide.id for slide in slides)
        kept.append(topic if len(slides) == len(topic.slides) else _with_slides(topic, slides))
    about = tuple(part.about for part in parts if part.about)
    return MergedLibrary(Library(sources=sources, topics=kept, root=root, about=about), tuple(problems))


def _with_slides(topic: Topic, slides: tuple[Slide, ...]) -> Topic:
    return replace(topic, slides=slides)


def _sites(parts: Sequence[LibraryPart], kind: IdKind) -> list[IdSite]:
    return [site for part in parts for site in part.ids if site.kind == kind]


def _id_clashes(sites: list[IdSite], owners: dict[Path, Path], *, across_libraries_only: bool) -> list[Problem]:
    """Report every id written a second time, at the second place, naming the first.

    Sources and topics are already unique within one library (the loader
    reports a duplicate source there, and a topic's id is its file name), so
    only clashes across libraries are theirs to report; slide ids are checked
    here in one library too.
    """
    problems: list[Problem] = []
    first: dict[str, IdSite] = {}
    for site in sites:
        earlier = first.setdefault(site.id, site)
        if earlier is site:
            continue
        same_library = owners.get(earlier.file) == owners.get(site.file)
        if same_library and across_libraries_only:
            continue
        if same_library:
            # The message a single library has always given.
            where = f"line {earlier.line}" if earlier.file == site.file else earlier.where()
            hint = f"it is already used at {where}; slide ids must be unique across all topics"
        else:
            hint = (
                f"it is already used at {earlier.where()}, in the library {owners.get(earlier.file)}; "
                f"{site.kind} ids must be unique across all libraries: {CLASH_FIXES[site.kind]}"
            )
        problems.append(
            Problem(
                site.file,
                f"duplicate {site.kind} id '{site.id}'",
                line=site.line,
                column=site.column,
                key_path=site.key_path,
                hint=hint,
            )
        )
    return problems


def _unknown_citations(parts: Sequence[LibraryPart], sources: dict[str, Source]) -> list[Problem]:
    """Report every citation that names a source no library has."""
    several = len(parts) > 1
    problems: list[Problem] = []
    for part in parts:
        for cite in part.cites:
            if cite.source_id in sources:
                continue
            hint = did_you_mean(cite.source_id, sources) or (
                "add it to the sources.yaml of one of the libraries" if several else "add it to sources.yaml"
            )
            problems.append(
                Problem(
                    cite.file,
                    f"unknown source '{cite.source_id}'",
                    line=cite.line,
                    column=cite.column,
                    key_path=cite.key_path,
                    hint=hint,
                )
            )
    return problems
