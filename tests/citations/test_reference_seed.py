"""The formatted references the program ships for the built-in library: current, used, and never trusted blindly."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from sinoru_brief.citations.formatting import csl_item, resolve_style
from sinoru_brief.citations.reference_cache import SEEDED_STYLES, ReferenceCache, item_key, seed_path
from sinoru_brief.content.models import Source

ROOT = Path(__file__).resolve().parents[2]
REGENERATE = "uv run python tools/seed_references.py"


def seed_tool() -> ModuleType:
    """Return ``tools/seed_references.py`` as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("seed_references", ROOT / "tools" / "seed_references.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_files_are_what_citeproc_formats_now():
    # Formats every built-in source in every seeded style with citeproc-py, as a first export would.
    for path, expected in seed_tool().seed_files().items():
        assert path.is_file(), f"{path} is missing: run {REGENERATE}"
        assert path.read_bytes() == expected, f"{path} is out of date: run {REGENERATE}"


@pytest.mark.parametrize("style", SEEDED_STYLES)
def test_each_seeded_style_finds_its_shipped_file(style):
    assert seed_path(resolve_style(style)) == ROOT / "assets" / "references" / f"{style}.json"


def test_other_styles_and_a_users_file_of_the_same_name_have_none(tmp_path):
    assert seed_path(resolve_style("elsevier-harvard")) is None
    own = tmp_path / "apa.csl"
    own.write_bytes(resolve_style("apa").read_bytes())
    assert seed_path(own) is None


def test_the_shipped_entries_answer_and_are_not_copied_into_the_users_cache(real_library, tmp_path):
    style = resolve_style("chicago-notes-bibliography")
    cache = ReferenceCache(style, tmp_path, seed=seed_path(style))
    items = [csl_item(s) for s in real_library.sources.values()]
    assert cache.has_entries()
    assert all(cache.get(item) for item in items)
    known = cache.get(items[0])
    assert known is not None
    cache.put_many({items[0]: known})  # nothing new: no file of the user's
    assert not list(tmp_path.iterdir())

    new = csl_item(Source(id="new-source", csl={"type": "webpage", "title": "A new source"}))
    cache.put_many({new: "A new source."})
    [written] = tmp_path.glob("*.json")
    assert list(json.loads(written.read_text(encoding="utf-8"))["entries"]) == [item_key(new)]


def test_a_shipped_file_of_other_code_or_another_style_is_ignored(real_library, tmp_path):
    style = resolve_style("apa")
    shipped = seed_path(style)
    assert shipped is not None
    stale = tmp_path / "apa.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    stale.write_text(json.dumps({**data, "style": "0" * 64}), encoding="utf-8")
    item = csl_item(next(iter(real_library.sources.values())))
    assert ReferenceCache(style, tmp_path / "own", seed=stale).get(item) is None
    assert ReferenceCache(resolve_style("ieee"), tmp_path / "own", seed=shipped).get(item) is None
    assert ReferenceCache(style, tmp_path / "own", seed=shipped).get(item) is not None
