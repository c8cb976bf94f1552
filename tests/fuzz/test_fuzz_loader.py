"""Fuzz the loaders: whatever is in a topic, sources, brief or template file, the result is a deck or a BriefError.

Three kinds of input go into each of the four files: random YAML-ish text
(and random bytes), random structures written with ``yaml.safe_dump``, and the
valid fixture file with one value replaced, deleted or added. When the file
loads, the deck is built and written too, so odd-but-valid values reach
compose, layout and the .pptx writer. Anything but a :class:`BriefError` is a
crash; crashes already reported are recognised by ``known_crash`` and skipped
(see known_crashes.py), so a run finds new ones.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from fuzz.known_crashes import known_crash
from fuzz.strategies import KEYS, hostile_text, values, yamlish_text
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief, load_brief, reconciled
from sinoru_brief.content import load_library
from sinoru_brief.errors import BriefError
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import load_theme

ROOT = Path(__file__).parents[2]
FIXTURE_LIBRARY = ROOT / "tests" / "data" / "library"
BRIEFING = ROOT / "templates" / "briefing"
KINDS = ("topic", "sources", "brief", "template")

FIXTURE_BRIEF = {
    "title": "Deck — 中俄",
    "subtitle": "A subtitle",
    "author": "Ann Analyst",
    "date": dt.date(2025, 2, 1),
    "topics": ["beta", "alpha"],
    "depth": "full",
    "exclude": ["alpha-quote"],
    "slide_order": ["beta-bullets", "beta-table"],
    "overrides": {
        "alpha-key": {
            "title": "New title",
            "notes": "New notes",
            "bullets": {"0": "First, changed", "1.0": "Sub-bullet, changed"},
        }
    },
    "template": "plain",
    "style": "apa",
}

# FUZZ_EXAMPLES=2000 runs a longer search than the suite's default.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 30)), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@dataclass
class Workspace:
    """Fresh copies of the fixture library and the briefing template in a temporary folder."""

    root: Path

    @property
    def library(self) -> Path:
        return self.root / "library"

    @property
    def template(self) -> Path:
        return self.root / "template"

    def file(self, kind: str) -> Path:
        return {
            "topic": self.library / "topics" / "alpha.yaml",
            "sources": self.library / "sources.yaml",
            "brief": self.root / "deck.brief.yaml",
            "template": self.template / "template.yaml",
        }[kind]


def workspace(folder: str) -> Workspace:
    space = Workspace(Path(folder))
    shutil.copytree(FIXTURE_LIBRARY, space.library)
    shutil.copytree(BRIEFING, space.template)
    return space


def valid_data(kind: str) -> Any:
    """Return the parsed content of the valid file of *kind*."""
    if kind == "brief":
        return yaml.safe_load(yaml.safe_dump(FIXTURE_BRIEF))
    path = {
        "topic": FIXTURE_LIBRARY / "topics" / "alpha.yaml",
        "sources": FIXTURE_LIBRARY / "sources.yaml",
        "template": BRIEFING / "template.yaml",
    }[kind]
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_and_export(kind: str, space: Workspace) -> None:
    """Load what the file of *kind* belongs to; if that works, build and write a deck with it."""
    if kind in ("topic", "sources"):
        library = load_library(space.library)
        brief = Brief(title="Fuzz", topics=library.topic_ids(), depth="full", date=dt.date(2025, 2, 1))
        render_pptx(build(brief, library=library))
    elif kind == "brief":
        library = load_library(FIXTURE_LIBRARY)
        brief, _ = reconciled(load_brief(space.file("brief")), library)
        render_pptx(build(brief, library=library))
    else:
        theme = load_theme(space.template)
        brief = Brief(title="Fuzz", topics=["alpha", "beta"], depth="full", date=dt.date(2025, 2, 1))
        render_pptx(build(brief, library=load_library(FIXTURE_LIBRARY), theme=theme))


def check(kind: str, content: bytes) -> None:
    """Write *content* as the file of *kind* and load it: a deck or a BriefError, nothing else."""
    with tempfile.TemporaryDirectory(prefix="sinoru-fuzz-") as folder:
        space = workspace(folder)
        space.file(kind).write_bytes(content)
        try:
            load_and_export(kind, space)
        except BriefError:
            pass
        except Exception as exc:
            if known_crash(exc):
                reject()
            raise


def dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


# ---------------------------------------------------------------- random text and bytes


@FUZZ
@given(kind=st.sampled_from(KINDS), text=yamlish_text())
def test_random_yaml_text_loads_or_is_a_brief_error(kind, text):
    check(kind, text.encode("utf-8"))


@FUZZ
@given(kind=st.sampled_from(KINDS), data=st.binary(max_size=200))
def test_random_bytes_load_or_are_a_brief_error(kind, data):
    check(kind, data)


# ---------------------------------------------------------------- random structures


@FUZZ
@given(kind=st.sampled_from(KINDS), data=values(max_leaves=30))
def test_random_structure_loads_or_is_a_brief_error(kind, data):
    check(kind, dump(data))


# ---------------------------------------------------------------- one value of a valid file changed


def paths_in(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Return the path of every value inside *data* (not the root)."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, child in items:
        found.append((*prefix, key))
        found.extend(paths_in(child, (*prefix, key)))
    return found


WRONG_TYPES = st.sampled_from(
    [
        "",
        " ",
        [],
        {},
        [[]],
        [{}],
        0,
        -1,
        10**30,
        -(10**30),
        1e308,
        float("inf"),
        float("nan"),
        True,
        None,
        "x" * 5000,
        dt.date(1, 1, 1),
        "{{ config }}",
        "{{ '{0.__class__}'.format(brief) }}",
        "\x00\x1f\ufffe",
    ]
)


@st.composite
def mutated(draw, kind: str) -> Any:
    """Return the valid data of *kind* with one value replaced, removed, or given an unknown key."""
    data = valid_data(kind)
    path = draw(st.sampled_from(paths_in(data)))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    action = draw(st.sampled_from(["replace", "wrong-type", "delete", "add-key"]))
    if action == "replace":
        parent[path[-1]] = draw(values(max_leaves=8) | hostile_text(700))
    elif action == "wrong-type":
        parent[path[-1]] = draw(WRONG_TYPES)
    elif action == "delete":
        del parent[path[-1]]
    else:
        target = parent[path[-1]]
        if isinstance(target, dict):
            target[draw(KEYS)] = draw(values(max_leaves=4))
        elif isinstance(target, list):
            target.insert(draw(st.integers(0, len(target))), draw(values(max_leaves=4)))
        else:
            parent[path[-1]] = [target, target]
    return data


@settings(FUZZ, max_examples=FUZZ.max_examples + 10)
@given(data=st.data())
def test_valid_file_with_one_value_changed_loads_or_is_a_brief_error(data):
    kind = data.draw(st.sampled_from(KINDS), label="kind")
    check(kind, dump(data.draw(mutated(kind), label="data")))


@pytest.mark.parametrize("kind", KINDS)
def test_the_unchanged_valid_files_export(kind):
    """The fuzzers start from files that work, so a BriefError they see comes from the change."""
    with tempfile.TemporaryDirectory(prefix="sinoru-fuzz-") as folder:
        space = workspace(folder)
        space.file(kind).write_bytes(dump(valid_data(kind)))
        load_and_export(kind, space)
