"""The disk cache of measured widths: exact round trips, harmless damage, and layouts identical with or without it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.layout import fonts, width_cache
from sinoru_brief.layout.width_cache import MAX_ENTRIES, WidthCache

DIGEST = "d" * 64


@given(
    st.dictionaries(
        st.tuples(
            st.sampled_from(["Calibri", "Arial", "Times New Roman", "A/B"]),
            st.booleans(),
            st.booleans(),
            st.text(max_size=30),
        ),
        st.floats(min_value=0, max_value=1e6, allow_nan=False),
        max_size=40,
    )
)
def test_widths_read_back_as_the_same_floats(tmp_path_factory, widths):
    folder = tmp_path_factory.mktemp("widths")
    written = WidthCache(DIGEST, folder)
    for key, em in widths.items():
        written.put(key, em)
    written.save()
    read = WidthCache(DIGEST, folder)
    assert {key: read.get(key) for key in widths} == widths


def test_a_corrupt_or_foreign_file_counts_as_empty_and_is_rewritten(tmp_path):
    cache = WidthCache(DIGEST, tmp_path)
    for junk in (
        b"\xff\xfe not json",
        b"[1, 2]",
        json.dumps({"format": 1, "digest": "other", "widths": {}}).encode(),
        json.dumps({"format": 1, "digest": DIGEST, "widths": {"Calibri/00": {"a": "wide"}, "x": 3}}).encode(),
    ):
        cache.path.parent.mkdir(parents=True, exist_ok=True)
        cache.path.write_bytes(junk)
        fresh = WidthCache(DIGEST, tmp_path)
        assert fresh.get(("Calibri", False, False, "a")) is None
    fresh.put(("Calibri", False, False, "a"), 0.5)
    fresh.save()
    assert WidthCache(DIGEST, tmp_path).get(("Calibri", False, False, "a")) == 0.5


def test_an_unwritable_folder_is_skipped_without_a_word(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = WidthCache(DIGEST, blocker / "widths")
    cache.put(("Calibri", False, False, "a"), 0.5)
    cache.save()  # no exception
    assert cache.get(("Calibri", False, False, "a")) == 0.5


def test_saving_merges_with_what_another_process_wrote(tmp_path):
    one, two = WidthCache(DIGEST, tmp_path), WidthCache(DIGEST, tmp_path)
    one.put(("Arial", False, False, "one"), 0.1)
    two.put(("Arial", True, False, "two"), 0.2)
    one.save()
    two.save()
    merged = WidthCache(DIGEST, tmp_path)
    assert merged.get(("Arial", False, False, "one")) == 0.1 and merged.get(("Arial", True, False, "two")) == 0.2


def test_the_file_stops_growing_at_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(width_cache, "MAX_ENTRIES", 3)
    cache = WidthCache(DIGEST, tmp_path)
    for i in range(10):
        cache.put(("Arial", False, False, str(i)), float(i))
    cache.save()
    assert sum(WidthCache(DIGEST, tmp_path).get(("Arial", False, False, str(i))) is not None for i in range(10)) == 3
    assert MAX_ENTRIES >= 100_000


def test_another_font_file_or_measuring_code_gives_another_file(tmp_path):
    font = tmp_path / "Font.ttf"
    font.write_bytes(b"x" * 10)
    code = tmp_path / "fonts.py"
    code.write_text("one")
    first = width_cache.measuring_digest([font], "raqm", code)
    font.write_bytes(b"x" * 11)
    assert width_cache.measuring_digest([font], "raqm", code) != first
    code.write_text("two")
    assert width_cache.measuring_digest([font], "basic", code) != width_cache.measuring_digest([font], "raqm", code)


def test_a_known_width_is_not_measured_again(monkeypatch):
    text = "a phrase measured once for this test ЖЖ 中文"
    fonts.em_width.cache_clear()
    measured = fonts.em_width("Calibri", False, False, text)
    fonts.save_widths()
    fonts.em_width.cache_clear()  # as a new process would start

    def fail(*_args):
        raise AssertionError("measured again")

    monkeypatch.setattr(fonts, "_measure_em", fail)
    assert fonts.em_width("Calibri", False, False, text) == measured
    with pytest.raises(KeyError):
        fonts.em_width("No Such Font", False, False, text)  # an unknown family still fails, cached or not


_LAYOUT = """
import hashlib
from sinoru_brief.brief.model import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.layout import layout_deck
from sinoru_brief.theme import load_theme
library = load_library(None)
brief = Brief(topics=["summits", "arctic-energy"], depth="full")
theme = load_theme(brief.template)
pages = layout_deck(compose(library, brief, theme.snippets, theme.structure), theme)
print(hashlib.sha256(repr(pages).encode()).hexdigest())
"""


def test_pages_are_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    env = {**os.environ, "SINORU_BRIEF_CACHE_DIR": str(tmp_path / "cache")}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", _LAYOUT], env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()[0]

    cold = run()
    assert list((tmp_path / "cache" / "widths").glob("*.json")), "the first layout wrote its widths"
    assert run() == cold


def test_widths_go_to_the_cache_folder_the_environment_names_now(tmp_path, monkeypatch):
    # The disk cache is found once per setting of the cache folder: a new setting is a new folder.
    from sinoru_brief.paths import CACHE_ENV, cache_root

    for name in ("first", "second"):
        monkeypatch.setenv(CACHE_ENV, str(tmp_path / name))
        fonts.em_width("Calibri", True, True, f"a width first measured for the {name} folder")
        fonts.save_widths()
        (written,) = (tmp_path / name / "widths").glob("*.json")
        assert f"for the {name} folder" in written.read_text(encoding="utf-8")
    # Without the variable, the user's cache folder, found again when what it depends on changes.
    monkeypatch.delenv(CACHE_ENV)
    for name in ("home-a", "home-b"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / name))
        monkeypatch.setenv("HOME", str(tmp_path / name))
        assert fonts._disk_widths().folder == cache_root() / "widths"
        assert str(tmp_path / name) in str(fonts._disk_widths().folder)
