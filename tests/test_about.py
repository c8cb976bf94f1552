"""Version, content date and bundled-font licences, as ``--version`` and the About box show them."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import replace
from importlib import metadata
from pathlib import Path

import pytest

from sinoru_brief import about
from sinoru_brief.font_files import SHIPPED_FONTS
from sinoru_brief.paths import InstallationError, fonts_dir

ROOT = Path(__file__).resolve().parents[1]


def test_version_is_the_one_the_package_was_installed_with():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/sinoru_brief/__init__.py"
    assert about.version() == metadata.version("sinoru-brief")
    assert re.fullmatch(r"\d+\.\d+\.\d+", about.version())


def test_content_as_of_is_the_latest_topic_date(real_library):
    dates = {t.as_of for t in real_library.topics}
    assert about.content_as_of(real_library) == max(dates)
    first = real_library.topics[0]
    later = replace(real_library, topics=[replace(first, as_of=dt.date(2030, 1, 2)), *real_library.topics[1:]])
    assert about.content_as_of(later) == dt.date(2030, 1, 2)
    assert about.content_as_of(replace(real_library, topics=[])) is None


def test_every_bundled_font_file_has_a_licence_entry_and_its_notices():
    ttf = sorted(p.name for p in fonts_dir().glob("*.ttf"))
    assert ttf
    for name in ttf:
        owners = [f for f in SHIPPED_FONTS if name in f.files.values()]
        assert len(owners) == 1, f"{name} needs exactly one entry in font_files.SHIPPED_FONTS"
    for font in SHIPPED_FONTS:
        assert all(name in ttf for name in font.files.values()), f"{font.family} lacks a font file"
        assert all(p.is_file() and p.stat().st_size > 500 for p in about.font_notice_files(font))


def test_the_licences_named_are_the_ones_in_the_notices():
    for font in SHIPPED_FONTS:
        text = " ".join(p.read_text(encoding="utf-8") for p in about.font_notice_files(font))
        marker = "Open Font License" if "Open Font" in font.licence else "Apache License"
        assert marker in text, font.family


def test_a_missing_notice_is_an_installation_error(tmp_path):
    with pytest.raises(InstallationError, match="Carlito-LICENSE.txt of the bundled font Carlito is missing"):
        about.font_notice_files(SHIPPED_FONTS[0], tmp_path)
