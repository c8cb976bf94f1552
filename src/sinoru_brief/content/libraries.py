"""Load every library a deck draws on: the built-in one, the user's own, then the folders the user adds.

The CLI needs all of them sound (:func:`load_libraries` raises one
:class:`ContentError` listing every problem); the app keeps working with the
libraries that load and lists the problems of the others
(:func:`load_libraries_leniently`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sinoru_brief.content.loader import SOURCES_FILE, TOPICS_DIR, load_part
from sinoru_brief.content.merge import merge_parts
from sinoru_brief.content.models import Library
from sinoru_brief.content.parts import LibraryPart
from sinoru_brief.errors import ContentError, Problem
from sinoru_brief.paths import default_content_dir, user_library_dir


@dataclass(frozen=True)
class LoadedLibraries:
    """The merged library of the folders that loaded, and the problems of those left out."""

    library: Library
    loaded: tuple[Path, ...]
    left_out: tuple[Path, ...]
    problems: tuple[Problem, ...]


def library_folders(extra: Iterable[Path] = (), *, builtin: bool = True) -> list[tuple[Path, bool]]:
    """Return the library folders to load in order, each with whether it must be complete.

    The built-in library comes first (it must be complete), then the user's
    own library when it holds anything, then each of *extra*. A folder named
    twice is loaded once, where it first comes.
    """
    folders: list[tuple[Path, bool]] = [(default_content_dir(), True)] if builtin else []
    user = user_library_dir()
    if (user / SOURCES_FILE).is_file() or (user / TOPICS_DIR).is_dir():
        folders.append((user, False))
    folders.extend((Path(folder), False) for folder in extra)
    seen: set[Path] = set()
    unique: list[tuple[Path, bool]] = []
    for folder, complete in folders:
        key = folder.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((folder, complete))
    return unique


def load_libraries(extra: Sequence[Path] = (), *, builtin: bool = True) -> Library:
    """Load and merge every library (see :func:`library_folders`); raise if any has a problem."""
    merged = merge_parts(
        [load_part(folder, complete=complete) for folder, complete in library_folders(extra, builtin=builtin)]
    )
    if merged.problems:
        raise ContentError(list(merged.problems))
    return merged.library


def load_libraries_leniently(extra: Sequence[Path] = (), *, builtin: bool = True) -> LoadedLibraries:
    """Load every library; merge those that are sound together and report the others' problems.

    A library is left out whole when it has a problem of its own, or when
    adding it to those kept would break the merge (an id another already
    uses, a citation no library resolves).
    """
    parts = [load_part(folder, complete=complete) for folder, complete in library_folders(extra, builtin=builtin)]
    kept, left_out, problems = merge_leniently(parts)
    return LoadedLibraries(
        merge_parts(kept).library,
        tuple(part.root for part in kept),
        tuple(part.root for part in left_out),
        tuple(problems),
    )


def merge_leniently(parts: Sequence[LibraryPart]) -> tuple[list[LibraryPart], list[LibraryPart], list[Problem]]:
    """Split *parts* into those that merge soundly and those left out, with the left-out ones' problems.

    Parts are added in order while they merge cleanly with those kept; passes
    repeat while one more joins, since a part whose slides cite a source of a
    later part can only join after it. The order of the kept parts stays the
    order given, so the earlier library keeps a clashing id.
    """
    # Indexes, not the parts themselves: parts compare by value, and two empty ones would be equal.
    pending = [i for i, part in enumerate(parts) if not part.problems]
    kept: list[int] = []
    grew = True
    while grew and pending:
        grew = False
        for index in list(pending):
            trial = sorted([*kept, index])
            if not merge_parts([parts[i] for i in trial]).problems:
                kept = trial
                pending.remove(index)
                grew = True
    problems: list[Problem] = []
    for index, part in enumerate(parts):
        if index in kept:
            continue
        if part.problems:
            problems.extend(part.problems)
        else:
            problems.extend(merge_parts([parts[i] for i in sorted([*kept, index])]).problems)
    return [parts[i] for i in kept], [part for i, part in enumerate(parts) if i not in kept], problems
