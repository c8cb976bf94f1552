"""Describe one library folder as read from disk, before it is cross-checked and merged with the others.

A deck draws on several libraries: the built-in one, the user's own and any
folder the user names. Each is read into a :class:`LibraryPart` on its own;
whether its citations resolve and its ids are unique can only be told once all
parts are known (a slide in one library may cite a source of another), so a
part keeps *where* every citation and id was written for
:func:`sinoru_brief.content.merge.merge_parts` to check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sinoru_brief.content.models import Source, Topic
from sinoru_brief.errors import Problem

#: The kinds of id that must be unique across every library a deck draws on.
IdKind = Literal["source", "topic", "slide"]


@dataclass(frozen=True)
class IdSite:
    """Where one id of a source, topic or slide was written."""

    kind: IdKind
    id: str
    file: Path
    line: int | None = None
    column: int | None = None
    key_path: str = ""

    def where(self) -> str:
        """Return ``file:line`` (or the file alone when the line is unknown), for a message."""
        return f"{self.file}:{self.line}" if self.line is not None else str(self.file)


@dataclass(frozen=True)
class CiteRef:
    """Where one citation was written: the source id it names and its place in a topic file."""

    source_id: str
    file: Path
    line: int | None = None
    column: int | None = None
    key_path: str = ""


@dataclass(frozen=True)
class LibraryPart:
    """One library folder as read: what loaded, where its ids and citations are, and what was wrong.

    ``sources_lost`` is true when the folder has a sources file that yielded no
    source at all (it is broken): its citations are then not checked, so the
    real error is not drowned in "unknown source" noise.
    """

    root: Path
    sources: Mapping[str, Source]
    topics: tuple[Topic, ...]
    ids: tuple[IdSite, ...] = ()
    cites: tuple[CiteRef, ...] = ()
    problems: tuple[Problem, ...] = ()
    sources_lost: bool = False
    about: str = ""  # what the folder's slides summarise, from its about.yaml
