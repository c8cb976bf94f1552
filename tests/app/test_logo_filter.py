"""The logo file dialog offers exactly the formats the core accepts, no fewer and no more."""

from __future__ import annotations

import re

from PIL import Image

from sinoru_brief.app.theme_controls import LOGO_FILTER
from sinoru_brief.theme import assets


def test_every_suffix_the_dialog_offers_opens_as_a_format_the_core_places(tmp_path):
    suffixes = re.findall(r"\*\.(\w+)", LOGO_FILTER)
    assert sorted(suffixes) == sorted(s for group in assets.LOGO_SUFFIXES.values() for s in group)
    for suffix in suffixes:
        path = tmp_path / f"logo.{suffix}"
        Image.new("RGB", (8, 4), "navy").save(path)  # Pillow picks the format by suffix
        image_format, size = assets._image_header(path)
        assert image_format in assets.LOGO_FORMATS and size == (8, 4)
