"""The fonts the theme accepts are exactly the fonts layout can measure, each with all four styles shipped."""

from __future__ import annotations

from sinoru_brief.font_files import EAST_ASIAN_FILE, FONT_FILES, MEASURABLE_FONTS
from sinoru_brief.layout import fonts
from sinoru_brief.paths import fonts_dir


def test_every_accepted_font_has_every_style_on_disk():
    assert MEASURABLE_FONTS == tuple(FONT_FILES)
    for family in MEASURABLE_FONTS:
        for bold in (False, True):
            for italic in (False, True):
                assert fonts.font_file(family, bold, italic).is_file()
    assert (fonts_dir() / EAST_ASIAN_FILE).is_file()


def test_every_accepted_font_measures():
    for family in MEASURABLE_FONTS:
        assert fonts.text_width("Partnership", family, 20.0) > 0
