"""The fonts we ship and measure text with: one table for layout, the theme's font list, the About box and the tests.

Each :class:`ShippedFont` is one family in ``assets/fonts``: the font name
a deck writes that it stands in for (its metrics are that font's), its
files, and its licence. The theme accepts exactly the names layout can
measure (:data:`MEASURABLE_FONTS`), so a font the theme lets through is
always one layout can measure.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A font file's style: (bold, italic).
Style = tuple[bool, bool]
_STYLES: tuple[tuple[Style, str], ...] = (
    ((False, False), "Regular"),
    ((True, False), "Bold"),
    ((False, True), "Italic"),
    ((True, True), "BoldItalic"),
)


@dataclass(frozen=True)
class ShippedFont:
    """One font family in ``assets/fonts``: what it stands in for, its files, and the licence they are under."""

    family: str  # the family name inside the files, as fontconfig and LibreOffice know it
    stands_for: tuple[str, ...]  # the font names a deck writes that this family has the metrics of
    described_as: str  # what it stands in for, in words for the About box
    files: dict[Style, str]
    licence: str
    notices: tuple[str, ...]  # the licence files beside the fonts


def _four_styles(stem: str) -> dict[Style, str]:
    return {style: f"{stem}-{name}.ttf" for style, name in _STYLES}


_OFL = "SIL Open Font License 1.1"

#: The Latin families layout measures with, in the order the theme editor offers them.
LATIN_FONTS = (
    ShippedFont("Carlito", ("Calibri",), "Calibri", _four_styles("Carlito"), _OFL, ("Carlito-LICENSE.txt",)),
    ShippedFont(
        "Liberation Sans", ("Arial",), "Arial", _four_styles("LiberationSans"), _OFL, ("Liberation-LICENSE.txt",)
    ),
    ShippedFont(
        "Liberation Serif",
        ("Times New Roman",),
        "Times New Roman",
        _four_styles("LiberationSerif"),
        _OFL,
        ("Liberation-LICENSE.txt",),
    ),
)
#: The family Chinese, Japanese and Korean text is measured and drawn with, whatever Latin font a deck uses.
EAST_ASIAN_FONT = ShippedFont(
    "Droid Sans Fallback",
    ("Microsoft YaHei", "SimSun"),
    "Microsoft YaHei (Chinese, Japanese, Korean)",
    {(False, False): "DroidSansFallbackFull.ttf"},
    "Apache License 2.0",
    ("DroidSansFallback-NOTICE.txt", "DroidSansFallback-LICENSE-Apache-2.0.txt"),
)
#: The font a deck is written in when nothing says otherwise: Office's default, and the narrowest we measure.
DEFAULT_FONT = LATIN_FONTS[0].stands_for[0]
#: The East Asian font a deck names for Chinese, Japanese and Korean text unless its template names another.
DEFAULT_EAST_ASIAN_FONT = EAST_ASIAN_FONT.stands_for[0]
#: Every family we ship, as the About box lists them.
SHIPPED_FONTS = (*LATIN_FONTS, EAST_ASIAN_FONT)

#: Font files per written font name and style (bold, italic).
FONT_FILES: dict[str, dict[Style, str]] = {font.stands_for[0]: font.files for font in LATIN_FONTS}
EAST_ASIAN_FILE = EAST_ASIAN_FONT.files[(False, False)]
#: Font names we can measure, each with metric-compatible files in assets/fonts.
MEASURABLE_FONTS = tuple(FONT_FILES)
