"""The fonts text is measured with: for each font name a deck may use, the metric-compatible files we ship.

The theme accepts exactly these names (:data:`MEASURABLE_FONTS`), and layout
measures with these files, so a font the theme lets through is always one
layout can measure.
"""

from __future__ import annotations

#: Font files per written font name and style (bold, italic).
FONT_FILES: dict[str, dict[tuple[bool, bool], str]] = {
    "Calibri": {
        (False, False): "Carlito-Regular.ttf",
        (True, False): "Carlito-Bold.ttf",
        (False, True): "Carlito-Italic.ttf",
        (True, True): "Carlito-BoldItalic.ttf",
    },
    "Arial": {
        (False, False): "LiberationSans-Regular.ttf",
        (True, False): "LiberationSans-Bold.ttf",
        (False, True): "LiberationSans-Italic.ttf",
        (True, True): "LiberationSans-BoldItalic.ttf",
    },
    "Times New Roman": {
        (False, False): "LiberationSerif-Regular.ttf",
        (True, False): "LiberationSerif-Bold.ttf",
        (False, True): "LiberationSerif-Italic.ttf",
        (True, True): "LiberationSerif-BoldItalic.ttf",
    },
}
EAST_ASIAN_FILE = "DroidSansFallbackFull.ttf"
#: Font names we can measure, each with metric-compatible files in assets/fonts.
MEASURABLE_FONTS = tuple(FONT_FILES)
