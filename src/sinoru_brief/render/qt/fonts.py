"""Fonts for the preview: the shipped font files, drawn at exact fractional sizes.

The preview draws text as glyph runs from :class:`QRawFont` rather than with
``QFont``. ``QFont`` rounds pixel sizes to whole pixels (22 pt at 1.25 px/pt,
27.5 px, is drawn at 28 px, which makes every line 1.8 % wider than layout
measured it), may pick a system font of the same name, and shapes text with
kerning and ligatures, which layout does not measure. A raw font loaded from
the very file layout measured with keeps the fractional size, and its design
advances are the widths layout used, so every line is as long as layout says.

The written names map to the files exactly as in :mod:`sinoru_brief.layout.fonts`
(Calibri → Carlito, Arial → Liberation Sans, Times New Roman → Liberation
Serif); East Asian characters use Droid Sans Fallback, as layout measures them.

Threads: a ``QRawFont`` may only be used in the thread that created it, so each
thread keeps its own raw fonts. Font bytes, glyph indices and advances are plain
data, read once under a lock and shared by every thread.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from sinoru_brief.layout.fonts import east_asian_file, font_file, is_east_asian

_lock = threading.Lock()
_bytes: dict[Path, bytes] = {}
_local = threading.local()


@dataclass(frozen=True)
class FaceMetrics:
    """Vertical metrics of a font file in ems (see :func:`face_metrics`)."""

    ascent: float
    descent: float  # positive: how far glyphs reach below the baseline


def latin_path(family: str, bold: bool = False, italic: bool = False) -> Path:
    """Return the file that draws *family* (a name written into the .pptx) in the given style."""
    return font_file(family, bold, italic)


def _font_bytes(path: Path) -> bytes:
    with _lock:
        return _font_bytes_unlocked(path)


def _font_bytes_unlocked(path: Path) -> bytes:
    data = _bytes.get(path)
    if data is None:
        data = _bytes[path] = path.read_bytes()
    return data


def raw_font(path: Path, pixel_size: float) -> QRawFont:
    """Return this thread's raw font for *path* at *pixel_size* (fractions kept)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("drawing slides needs a QGuiApplication: create one before rendering")
    cache: dict[tuple[Path, float], QRawFont] | None = getattr(_local, "fonts", None)
    if cache is None:
        cache = _local.fonts = {}
    key = (path, round(pixel_size, 3))
    font = cache.get(key)
    if font is None and getattr(_local, "embedding", False):
        font = _embeddable_font(path, key[1])
        if font is not None:
            cache[key] = font
    if font is None:
        if len(cache) > 512:  # sizes follow the zoom; forget old ones rather than grow forever
            cache.clear()
        font = QRawFont(QByteArray(_font_bytes(path)), key[1], QFont.HintingPreference.PreferNoHinting)
        if not font.isValid():
            raise RuntimeError(f"cannot load the font file {path}")
        cache[key] = font
    return font


@contextmanager
def embedding_fonts() -> Iterator[None]:
    """Make this thread's raw fonts ones a PDF device embeds as fonts, for as long as the block runs.

    A raw font made directly from font bytes has no face Qt's PDF engine can
    embed, so it draws the glyphs as outlines: right to look at, but neither
    selectable nor searchable. The same bytes registered with the font
    database give a face it embeds (subset, with a ToUnicode map). Glyph indices and
    advances are the same, since the file is the same one layout measured.
    """
    previous_fonts = getattr(_local, "fonts", None)
    previous_flag = getattr(_local, "embedding", False)
    _local.fonts, _local.embedding = {}, True
    try:
        yield
    finally:
        _local.fonts, _local.embedding = previous_fonts, previous_flag


_registered: dict[Path, tuple[str, str] | None] = {}


def _embeddable_font(path: Path, pixel_size: float) -> QRawFont | None:
    """Return a database-backed raw font drawn from *path*, or None if the database picks another file."""
    with _lock:
        if path not in _registered:
            # Registered from memory, the shipped face wins over an installed font of the same family
            # (registered by file name, an installed Carlito was matched first); Qt still embeds it.
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(_font_bytes_unlocked(path)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            styles = [s for s in QFontDatabase.styles(families[0])] if families else []
            style = next((s for s in styles if _style_matches(path, s)), "")
            _registered[path] = (families[0], style) if families and style else None
        found = _registered[path]
    if found is None:
        return None
    font = QFont(found[0])
    font.setStyleName(found[1])
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    raw = QRawFont.fromFont(font)
    # A system font of the same family may win the match: use it only if it is the very same file.
    if not raw.isValid() or bytes(raw.fontTable("head").data()) != _table(path, b"head"):
        return None
    raw.setPixelSize(pixel_size)
    return raw


def _style_matches(path: Path, style: str) -> bool:
    """Return whether the database's *style* name is the style of the file *path* (Bold, Italic, ...)."""
    parts = path.stem.split("-")  # Carlito-BoldItalic; a file without a style part is the regular face
    wanted = parts[-1].lower() if len(parts) > 1 else "regular"
    return style.lower().replace(" ", "") == wanted


@lru_cache(maxsize=64)
def units_per_em(path: Path) -> int:
    head = _table(path, b"head")
    units: int = struct.unpack(">H", head[18:20])[0]
    return units


@lru_cache(maxsize=64)
def face_metrics(path: Path) -> FaceMetrics:
    """Return the font's own ascent and descent, used to centre one-line labels (charts).

    They come from the ``hhea`` table, or from ``OS/2``'s typo values when the
    font sets USE_TYPO_METRICS, as LibreOffice reads them: 0.75 / 0.25 em for
    Carlito. (Paragraph lines do not use them: see :mod:`render.qt.text`.)
    """
    upem = units_per_em(path)
    hhea = _table(path, b"hhea")
    ascent, descent = struct.unpack(">hh", hhea[4:8])
    os2 = _table(path, b"OS/2")
    if len(os2) >= 74:
        fs_selection = struct.unpack(">H", os2[62:64])[0]
        typo_ascent, typo_descent = struct.unpack(">hh", os2[68:72])
        if fs_selection & (1 << 7) and typo_ascent >= 0 >= typo_descent:
            ascent, descent = typo_ascent, typo_descent
    if ascent == 0 and descent == 0 and len(os2) >= 78:
        win_ascent, win_descent = struct.unpack(">HH", os2[74:78])
        ascent, descent = win_ascent, -win_descent
    return FaceMetrics(ascent=ascent / upem, descent=-descent / upem)


def _table(path: Path, tag: bytes) -> bytes:
    """Return the raw bytes of one sfnt table of *path* (b"" if absent)."""
    data = _font_bytes(path)
    count = struct.unpack(">H", data[4:6])[0]
    for i in range(count):
        entry = data[12 + 16 * i : 28 + 16 * i]
        if entry[:4] == tag:
            offset, length = struct.unpack(">II", entry[8:16])
            return data[offset : offset + length]
    return b""


@dataclass(frozen=True)
class Glyphs:
    """Glyph indices of a text in one font, and each glyph's advance in ems."""

    indexes: tuple[int, ...]
    advances: tuple[float, ...]

    @property
    def width(self) -> float:
        return sum(self.advances)


@lru_cache(maxsize=100_000)
def glyphs(path: Path, text: str) -> Glyphs:
    """Map *text* to glyphs of *path* with design advances (no kerning, no ligatures, as layout measures)."""
    upem = units_per_em(path)
    font = raw_font(path, float(upem))  # at one unit per pixel, advances are in font units
    indexes = font.glyphIndexesForString(text)
    advances = font.advancesForGlyphIndexes(indexes, QRawFont.LayoutFlag.UseDesignMetrics)
    return Glyphs(tuple(indexes), tuple(a.x() / upem for a in advances))


@lru_cache(maxsize=20_000)
def has_glyph(path: Path, char: str) -> bool:
    return all(glyphs(path, char).indexes)


@lru_cache(maxsize=50_000)
def font_runs(text: str, latin: Path) -> tuple[tuple[Path, str], ...]:
    """Split *text* into pieces drawn from one file each: *latin*, or the East Asian font.

    East Asian characters use the East Asian font, as PowerPoint's ``a:ea``
    slot does; any other character *latin* lacks falls back to it too.
    """
    east = east_asian_file()
    runs: list[tuple[Path, str]] = []
    for char in text:
        path = east if is_east_asian(char) or (not has_glyph(latin, char) and has_glyph(east, char)) else latin
        if runs and runs[-1][0] == path:
            runs[-1] = (path, runs[-1][1] + char)
        else:
            runs.append((path, char))
    return tuple(runs)


@lru_cache(maxsize=50_000)
def text_width_em(text: str, latin: Path) -> float:
    """Return the advance width of *text* in ems, set in *latin* with the East Asian fallback."""
    return sum(glyphs(path, piece).width for path, piece in font_runs(text, latin))
