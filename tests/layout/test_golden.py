"""Golden test: the pages of the fixture deck, as JSON, must not change unnoticed.

Regenerate after an intended layout change with:

    SINORU_UPDATE_GOLDEN=1 uv run pytest tests/layout/test_golden.py

then review the diff of tests/golden/fixture-pages.json before committing.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from sinoru_brief.compose import compose
from sinoru_brief.layout import layout_deck

GOLDEN = Path(__file__).parents[1] / "golden" / "fixture-pages.json"


def _plain(value):
    if dataclasses.is_dataclass(value):
        data = {"type": type(value).__name__}
        data.update({f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return data
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 2)
    return value


def pages_json(fixture_library, fixture_brief, theme) -> str:
    pages = layout_deck(compose(fixture_library, fixture_brief, theme.snippets), theme)
    return json.dumps([_plain(p) for p in pages], indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def test_fixture_pages_match_golden(fixture_library, fixture_brief, theme):
    actual = pages_json(fixture_library, fixture_brief, theme)
    if os.environ.get("SINORU_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert actual == expected, "layout changed: review and regenerate (see this module's docstring)"


def test_layout_is_deterministic(fixture_library, fixture_brief, theme):
    assert pages_json(fixture_library, fixture_brief, theme) == pages_json(fixture_library, fixture_brief, theme)
