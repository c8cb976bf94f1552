"""Keep measured text widths on disk, in the user's cache folder, so a new process measures only new text.

Layout measures every word with HarfBuzz the first time a process meets it:
for the built-in library about 4,000 strings, a third of a first layout. The
widths depend only on the font files, the shaping engine and the text, so one
JSON file keeps them between runs. Its name is a digest of everything a width
depends on besides the text: the font files' names and sizes, the Pillow
version and whether it shapes with HarfBuzz, and the source of
:mod:`layout.fonts`. Another font, another Pillow or changed measuring code
simply misses. Widths are stored as JSON numbers, which read back as the
same floats, so pages laid out from cached widths are identical.

Like the reference cache, it is invisible: a missing, unreadable, corrupt or
foreign file counts as empty and is rewritten; a folder that cannot be
written is skipped without a word. Writes are atomic and merge with what
another process wrote meanwhile. The file stops growing at
:data:`MAX_ENTRIES` widths, so a deck of random text cannot fill the disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from sinoru_brief.atomic import write_cache_file
from sinoru_brief.paths import cache_root

#: Bump when the layout of the file changes.
FORMAT = 1
#: The most widths one file keeps (about 10 MB of JSON).
MAX_ENTRIES = 200_000
_log = logging.getLogger(__name__)

#: A width's key: font family, bold, italic and the text.
WidthKey = tuple[str, bool, bool, str]


def _style(family: str, bold: bool, italic: bool) -> str:
    return f"{family}/{int(bold)}{int(italic)}"


def measuring_digest(font_files: Iterable[Path], engine: str, code: Path) -> str:
    """Return a digest of what widths depend on besides the text: font files, shaping engine, measuring code."""
    from PIL import __version__ as pillow_version

    digest = hashlib.sha256(f"format {FORMAT}\npillow {pillow_version}\nengine {engine}\n".encode())
    for path in sorted(font_files):
        try:
            size = path.stat().st_size
        except OSError:
            size = -1
        digest.update(f"{path.name} {size}\n".encode())
    try:
        digest.update(code.read_bytes())
    except OSError:
        digest.update(b"code unreadable")
    return digest.hexdigest()


class WidthCache:
    """The widths in one cache file: read on first use, written back by :meth:`save` when new ones came."""

    def __init__(self, digest: str, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else cache_root() / "widths"
        self.path = self.folder / f"{digest[:40]}.json"
        self._digest = digest
        self._widths: dict[WidthKey, float] | None = None
        self._new: dict[WidthKey, float] = {}
        self._lock = threading.Lock()

    def get(self, key: WidthKey) -> float | None:
        """Return the cached width in ems of *key*, or None."""
        with self._lock:
            if self._widths is None:
                self._widths = self._read()
            return self._widths.get(key)

    def put(self, key: WidthKey, em: float) -> None:
        """Remember a width measured now; it is written at the next :meth:`save`."""
        with self._lock:
            if self._widths is None:
                self._widths = self._read()
            if len(self._widths) < MAX_ENTRIES:
                self._widths[key] = em
                self._new[key] = em

    def save(self) -> None:
        """Write the widths measured since the last save, merged with the file as it is now on disk."""
        with self._lock:
            if not self._new:
                return
            merged = {**self._read(), **(self._widths or {})}
            self._new.clear()
            self._write(merged)

    def _read(self) -> dict[WidthKey, float]:
        """Return the widths in the file; anything unreadable or malformed counts as none."""
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):  # missing, unreadable, not JSON, not UTF-8
            return {}
        if not (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("digest") == self._digest
            and isinstance(data.get("widths"), dict)
        ):
            return {}
        out: dict[WidthKey, float] = {}
        for style, texts in data["widths"].items():
            family, _, flags = str(style).rpartition("/")
            if not (family and flags in ("00", "01", "10", "11") and isinstance(texts, dict)):
                continue
            bold, italic = flags[0] == "1", flags[1] == "1"
            for text, em in texts.items():
                if isinstance(text, str) and isinstance(em, float | int) and not isinstance(em, bool):
                    out[(family, bold, italic, text)] = float(em)
        return out

    def _write(self, widths: dict[WidthKey, float]) -> None:
        grouped: dict[str, dict[str, float]] = {}
        for (family, bold, italic, text), em in sorted(widths.items()):
            grouped.setdefault(_style(family, bold, italic), {})[text] = em
        payload = json.dumps(
            {"format": FORMAT, "digest": self._digest, "widths": grouped}, ensure_ascii=False, separators=(",", ":")
        )
        failure = write_cache_file(self.path, payload.encode("utf-8", "surrogatepass"))
        if failure is not None:  # a read-only or full disk: the next run measures again
            _log.debug("width cache not written to %s: %s", self.path, failure)


@cache
def shared(digest: str, folder: str) -> WidthCache:
    """Return the one cache of this process for *digest* in *folder* (the app lays out again and again)."""
    return WidthCache(digest, Path(folder))
