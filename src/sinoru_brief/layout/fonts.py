"""Measure text with the font files shipped in ``assets/fonts``.

The .pptx names Calibri, Arial or Times New Roman; we measure with Carlito,
Liberation Sans and Liberation Serif, which have the same advance widths, so
our line breaks are the ones PowerPoint and LibreOffice make. Characters that
PowerPoint sets in the East Asian font slot (CJK ideographs, kana, hangul,
full-width forms) are measured with Droid Sans Fallback: in every CJK face
those glyphs are one em wide, so the widths agree with Microsoft YaHei.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import cast

from PIL import ImageFont, features

from sinoru_brief import font_files
from sinoru_brief.font_files import EAST_ASIAN_FILE
from sinoru_brief.font_files import FONT_FILES as _FILES
from sinoru_brief.layout import width_cache
from sinoru_brief.layout.width_cache import WidthCache
from sinoru_brief.paths import CACHE_ENV, cache_root, fonts_dir

# Measuring at a large pixel size and scaling keeps rounding error far below
# a hundredth of a point.
_REFERENCE_SIZE = 1000

# Ranges PowerPoint renders with the East Asian (a:ea) font.
_EAST_ASIAN = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u2ff0-\u303f\u3040-\u31ff\u3200-\u32ff\u3300-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+"
)


def is_east_asian(char: str) -> bool:
    return bool(_EAST_ASIAN.match(char))


def has_east_asian(text: str) -> bool:
    return bool(_EAST_ASIAN.search(text))


def font_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """Return the file that measures *family* in the given style."""
    try:
        return fonts_dir() / _FILES[family][(bold, italic)]
    except KeyError:
        raise KeyError(f"no metric-compatible font for '{family}'; use one of {', '.join(_FILES)}") from None


def east_asian_file() -> Path:
    return fonts_dir() / EAST_ASIAN_FILE


# Shape with HarfBuzz (raqm) where Pillow has it, as its wheels do: pair
# kerning makes Calibri text about 0.5% narrower, and LibreOffice always
# kerns, PowerPoint from 12 pt up (the kern="1200" of the default styles).
# Without raqm text measures a little wider, which is safe, never tighter.
# PowerPoint sets no ligatures, so we measure without them ("ti" in
# Carlito is narrower as a ligature, as LibreOffice draws it).
_LAYOUT = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
_FEATURES = ["-liga", "-clig"] if _LAYOUT == ImageFont.Layout.RAQM else None


@cache
def _font(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), _REFERENCE_SIZE, layout_engine=_LAYOUT)


@dataclass(frozen=True)
class FontKey:
    family: str
    bold: bool = False
    italic: bool = False


@cache
def _basic_font(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), _REFERENCE_SIZE, layout_engine=ImageFont.Layout.BASIC)


def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """Return *text*'s advance at the reference size; shaping failures fall back to unshaped widths."""
    try:
        return font.getlength(text, features=_FEATURES)
    except (RuntimeError, OSError, ValueError):
        # HarfBuzz refuses some inputs (e.g. lone surrogates); plain advances are a fine measure.
        path = cast(str, font.path)  # our fonts are opened by file name, never from a stream
        return _basic_font(Path(path)).getlength(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))


@cache
def _latin_font(key: FontKey) -> ImageFont.FreeTypeFont:
    return _font(font_file(key.family, key.bold, key.italic))


# Widths are kept in ems, whatever the size: a paragraph shrunk to fit
# measures each piece of text once and scales it, and layout asks about the
# same pieces tens of thousands of times (a line's text grows word by word).
# The key is a plain tuple of arguments, cheaper to hash than a FontKey.
@lru_cache(maxsize=400_000)
def em_width(family: str, bold: bool, italic: bool, text: str) -> float:
    """Return the advance width of *text* in *family* and style, in ems (1.0 = the font size).

    A width measured by an earlier process comes from the disk cache
    (:mod:`layout.width_cache`); one measured now is added to it, and written
    by :func:`save_widths`.
    """
    latin = _latin_font(FontKey(family, bold, italic))  # an unknown family fails here, cached or not
    disk = _disk_widths()
    key = (family, bold, italic, text)
    known = disk.get(key)
    if known is not None:
        return known
    em = _measure_em(latin, text)
    disk.put(key, em)
    return em


def _disk_widths() -> WidthCache:
    env = os.environ
    return _disk_widths_in(env.get(CACHE_ENV, ""), env.get("XDG_CACHE_HOME", ""), env.get("HOME", ""))


@lru_cache(maxsize=8)
def _disk_widths_in(configured: str, xdg_cache_home: str, home: str) -> WidthCache:
    """Return the disk cache in the cache folder these settings name (see :func:`paths.cache_root`).

    Asked on every width not yet measured in this process (thousands a deck),
    where building the folder's path took longer than the look-up itself; the
    arguments are what :func:`paths.cache_root` reads, so a changed setting
    finds its own folder. The folder decides only where widths are kept,
    never what they are.
    """
    return width_cache.shared(_measuring_digest(), str(cache_root() / "widths"))


@cache
def _measuring_digest() -> str:
    files = [fonts_dir() / name for styles in _FILES.values() for name in styles.values()]
    # The table of which file measures which font is part of what a width means, as the files are.
    table = Path(font_files.__file__)
    return width_cache.measuring_digest([*files, east_asian_file(), table], str(_LAYOUT), Path(__file__))


def save_widths() -> None:
    """Write the widths measured since the last save to the disk cache (nothing when there are none)."""
    _disk_widths().save()


def _measure_em(latin: ImageFont.FreeTypeFont, text: str) -> float:
    """Return *text*'s width in ems, measured with HarfBuzz now."""
    if not has_east_asian(text):
        return _length(latin, text) / _REFERENCE_SIZE
    east = _font(east_asian_file())
    total = 0.0
    pos = 0
    after_east = False
    for match in _EAST_ASIAN.finditer(text):
        if match.start() > pos:
            total += _other_run(latin, east, text[pos : match.start()], after_east, before_east=True)
        total += _length(east, match.group(0))
        pos, after_east = match.end(), True
    if pos < len(text):
        total += _other_run(latin, east, text[pos:], after_east, before_east=False)
    return total / _REFERENCE_SIZE


#: The space LibreOffice adds between Asian and non-Asian text ("autospace"), in ems.
ASIAN_AUTOSPACE_EM = 0.25


def _other_run(
    latin: ImageFont.FreeTypeFont, east: ImageFont.FreeTypeFont, run: str, after_east: bool, before_east: bool
) -> float:
    """Return the width at the reference size of a run of non-East-Asian text between East Asian runs.

    Clients set a space that follows East Asian text in the East Asian font
    (a space takes the script of the character before it), and LibreOffice
    adds a quarter em between Asian and non-Asian letters. Measuring both
    keeps a line we break from being wider in a client than we measured;
    where a client does neither, the line is merely a little short.
    """
    leading = len(run) - len(run.lstrip(" ")) if after_east else 0
    core = run[leading:]
    width = _length(east, run[:leading]) if leading else 0.0
    if core.strip(" "):
        width += _length(latin, core)
        width += ASIAN_AUTOSPACE_EM * _REFERENCE_SIZE * (int(after_east) + int(before_east))
    elif core:
        width += _length(east if after_east else latin, core)
    return width


def text_width(text: str, family: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Return the width of *text* set in *family* at *size* points, in points."""
    if not text:
        return 0.0
    return em_width(family, bold, italic, text) * size
