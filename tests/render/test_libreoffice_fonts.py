"""LibreOffice in the tests sees only the fonts we ship, so the real-client checks do not depend on the machine."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from support.libreoffice import METRIC_TWINS, hermetic_environment

from sinoru_brief.paths import fonts_dir


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig's fc-list")
def test_fontconfig_offers_only_the_shipped_fonts():
    listed = subprocess.run(
        ["fc-list", "--format", "%{file}\n"],
        env=hermetic_environment(),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert listed, "fontconfig found no font at all"
    shipped = fonts_dir().resolve()
    assert all(str(p).startswith(str(shipped)) for p in listed), [p for p in listed if str(shipped) not in p]


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig's fc-match")
@pytest.mark.parametrize(("asked", "twin"), sorted(METRIC_TWINS.items()))
def test_each_font_a_deck_names_is_drawn_in_its_metric_twin(asked, twin):
    matched = subprocess.run(
        ["fc-match", "--format", "%{family}", asked],
        env=hermetic_environment(),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert twin in matched.split(",")
