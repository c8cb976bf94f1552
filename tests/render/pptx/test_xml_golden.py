"""Golden test: the XML the .pptx writer produces for fixed pages must not change unnoticed.

Each case is the fixture deck (every slide kind) in one look: the three
built-in templates, the briefing look with a banner and a logo, and the
briefing look on a user's master. Both sides are frozen in
``tests/golden/pptx/``: ``<case>.pages.json`` holds the laid-out pages (so a
layout change elsewhere does not move this test: it checks the writer alone)
and ``<case>.xml`` the canonical (exclusive C14N) XML of every part the writer
makes: slides, notes, charts, their relationships, the presentation, content
types, document properties and the theme.

After an intended change to the writer, regenerate the XML and review its diff:

    SINORU_UPDATE_GOLDEN=1 uv run pytest tests/render/pptx/test_xml_golden.py

To lay the pages out afresh as well (after a layout change), use
``SINORU_UPDATE_GOLDEN=pages``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from sinoru_brief.layout import pages as pages_module
from sinoru_brief.paths import data_root
from sinoru_brief.render.pptx.writer import pptx_bytes

GOLDEN = Path(__file__).parents[2] / "golden" / "pptx"
TEMPLATES = Path(__file__).parents[2] / "data" / "pptx-templates"
LOGO = GOLDEN / "logo.png"
MASTER = TEMPLATES / "pandoc__footer-basic-reference.pptx"
STAMP = dt.datetime(2025, 2, 1)
CASES = ["briefing", "academic", "plain", "briefing-banner-logo", "briefing-on-master"]
# Parts the writer makes or edits; a master's own layouts and masters are copied as they are.
WRITTEN = re.compile(
    r"^(\[Content_Types\]\.xml|_rels/\.rels|docProps/.*|ppt/presentation\.xml|"
    r"ppt/_rels/presentation\.xml\.rels|ppt/theme/theme1\.xml|ppt/(slides|notesSlides|charts)/.*)$"
)


# ---------------------------------------------------------------- pages to JSON and back


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        data = {"type": type(value).__name__}
        data.update({f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
        return data
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    return value


def _from_plain(value: Any) -> Any:
    """Rebuild pages from JSON; tuples where the dataclasses hold tuples, so the writer sees what layout makes."""
    if isinstance(value, dict):
        cls = getattr(pages_module, value["type"])
        fields = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: _from_plain(v) for k, v in value.items() if k != "type" and k in fields}
        if cls is pages_module.Picture:
            kwargs["path"] = str(data_root() / kwargs["path"])
        return cls(**kwargs)
    if isinstance(value, list):
        return tuple(_from_plain(v) for v in value)
    return value


def _lay_out(case: str, fixture_library, fixture_brief) -> tuple[list, Any]:
    from sinoru_brief.compose import compose
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.theme import load_theme
    from sinoru_brief.theme.model import Banner

    theme = load_theme(
        "briefing" if case.startswith("briefing") else case, master=MASTER if case == "briefing-on-master" else None
    )
    if case == "briefing-banner-logo":
        theme = dataclasses.replace(
            theme, logo=LOGO, banner=Banner(text="UNCLASSIFIED // FOR TRAINING", color="2E7D32", text_color="FFFFFF")
        )
    pages = layout_deck(compose(fixture_library, fixture_brief, theme.snippets), theme)
    return pages, theme


def _options(case: str) -> dict[str, Any]:
    from sinoru_brief.theme import load_theme

    theme = load_theme(
        "briefing" if case.startswith("briefing") else case, master=MASTER if case == "briefing-on-master" else None
    )
    return dict(
        title="Fixture deck",
        author="Tester",
        east_asian_font=theme.fonts.east_asian,
        stamp=STAMP,
        link_color=theme.colors.accent,
        master=theme.master,
    )


def _relative_paths(data: Any) -> Any:
    if isinstance(data, dict):
        if data.get("type") == "Picture":
            data = {**data, "path": str(Path(data["path"]).resolve().relative_to(data_root().resolve()))}
        return {k: _relative_paths(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_relative_paths(v) for v in data]
    return data


# ---------------------------------------------------------------- canonical XML


def canonical_parts(data: bytes) -> str:
    """Return every part the writer makes, each as exclusive C14N XML under a header line naming it."""
    package = zipfile.ZipFile(io.BytesIO(data))
    out = []
    for name in sorted(n for n in package.namelist() if WRITTEN.match(n) and n.endswith((".xml", ".rels"))):
        root = etree.fromstring(package.read(name))
        canonical = etree.tostring(root, method="c14n", exclusive=True).decode("utf-8")
        out.append(f"=== {name}\n{canonical}\n")
    return "".join(out)


def _golden_pages(case: str, fixture_library, fixture_brief) -> list:
    path = GOLDEN / f"{case}.pages.json"
    if (
        os.environ.get("SINORU_UPDATE_GOLDEN") == "pages"
        or not path.exists()
        and os.environ.get("SINORU_UPDATE_GOLDEN")
    ):
        pages, _ = _lay_out(case, fixture_library, fixture_brief)
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(_relative_paths(_to_plain(pages)), ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8",
        )
    return list(_from_plain(json.loads(path.read_text(encoding="utf-8"))))


@pytest.mark.parametrize("case", CASES)
def test_writer_xml_matches_golden(case, fixture_library, fixture_brief):
    pages = _golden_pages(case, fixture_library, fixture_brief)
    actual = canonical_parts(pptx_bytes(pages, **_options(case)))
    golden = GOLDEN / f"{case}.xml"
    if os.environ.get("SINORU_UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = (
            next(i for i, (a, b) in enumerate(zip(actual, expected, strict=False)) if a != b)
            if any(a != b for a, b in zip(actual, expected, strict=False))
            else min(len(actual), len(expected))
        )
        part = actual[:diff].rsplit("=== ", 1)[-1].split("\n", 1)[0]
        pytest.fail(
            f"the writer's XML changed in {part} at character {diff}:\n"
            f"  now:    ...{actual[max(0, diff - 120) : diff + 120]}...\n"
            f"  golden: ...{expected[max(0, diff - 120) : diff + 120]}...\n"
            "review it and regenerate (see this module's docstring)"
        )


def test_frozen_pages_round_trip_through_json(fixture_library, fixture_brief):
    pages, _ = _lay_out("briefing", fixture_library, fixture_brief)

    assert list(_from_plain(json.loads(json.dumps(_to_plain(pages))))) == pages


def test_writer_output_is_byte_identical_for_the_same_pages(fixture_library, fixture_brief):
    pages = _golden_pages("briefing-banner-logo", fixture_library, fixture_brief)

    assert pptx_bytes(pages, **_options("briefing-banner-logo")) == pptx_bytes(
        pages, **_options("briefing-banner-logo")
    )
