"""Find the sources a deck already draws on besides the target file: the built-in library's and the user's."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sinoru_brief.paths import default_content_dir, user_library_dir
from sinoru_brief.yamlio.marked import load_marked

SOURCES_FILE = "sources.yaml"


@dataclass(frozen=True)
class KnownSource:
    """A source of another library: its id, its CSL item and which library it is in (and its folder), for a message."""

    id: str
    csl: dict[str, Any]
    library: str
    folder: Path | None = None

    def library_label(self) -> str:
        """Return the library's name with its folder, when the name does not already give it."""
        if self.folder is None or str(self.folder) in self.library:
            return self.library
        return f"{self.library} ({self.folder})"


def library_sources(target: Path) -> list[KnownSource]:
    """Return the sources of the built-in library and the user's own, leaving out the file *target* itself.

    Source ids must be unique across every library a deck loads, and a work
    the built-in library already cites need not be imported again. A library
    file that does not parse adds nothing here: loading the library reports it.
    """
    found: list[KnownSource] = []
    for folder, name in ((default_content_dir(), "the built-in library"), (user_library_dir(), "your library")):
        path = folder / SOURCES_FILE
        if not path.is_file() or _same_file(path, target):
            continue
        data = load_marked(path).data
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.append(KnownSource(item["id"], item, name, folder))
    return found


def _same_file(path: Path, target: Path) -> bool:
    try:
        return path.resolve() == Path(target).resolve()
    except OSError:
        return False
