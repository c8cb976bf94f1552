"""Hypothesis strategies for the fuzz tests: hostile text, random YAML values, and valid random libraries."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

# Text that has broken text pipelines before: scripts, direction, joiners, marks, XML-illegal characters.
SPECIMENS = (
    "中俄全面战略协作伙伴关系",
    "Совместное заявление о партнёрстве",
    "الشراكة الاستراتيجية",
    "שותפות",
    "👩‍👩‍👧‍👦 🇨🇳🇷🇺 ✊🏽",
    "e\u0301\u0308\u20dd",
    "Z\u0351\u0360\u035b\u0489a\u0308\u0301lgo",
    "\u200b\u200d\u2060\ufeff",
    "\u202eRTL override\u202c",
    "\x00\x01\x08\x0b\x0c\x1f\x7f",
    "\ufffe\uffff",
    "\ud7ff\ue000\U0010fffd",
    "line\u2028sep\u2029para",
    "tab\tand\r\nnewline",
    "&<>\"'",
    "]]>",
    "％１００ｋｍ",
    "ﬁﬂ ŉ ǅ",
    "x" * 600,
    "ω" * 300,
    "-" * 200,
    "a-" * 150,
    " ",
    "",
    "null",
    "~",
    "yes",
    "0x1F",
    "1e400",
    ".nan",
    "2024-02-30",
    "12:30",
    "010",
    "'",
    '"',
    "\\",
    ": ",
    "- ",
    "#",
    "&a",
    "*a",
    "!!python/name:os.system",
    "%YAML",
    "---",
    "...",
    "? ",
    "|",
    ">",
    "`",
    "@",
)

_CHARACTERS = st.characters(codec="utf-8")  # everything UTF-8 can hold: no lone surrogates


def hostile_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Return random text mixed with specimens: any Unicode, control characters, very long words."""
    return st.one_of(
        st.text(_CHARACTERS, max_size=max_size),
        st.sampled_from(SPECIMENS),
        st.lists(st.sampled_from(SPECIMENS) | st.text(_CHARACTERS, max_size=12), max_size=6).map("".join),
    )


def yamlish_text() -> st.SearchStrategy[str]:
    """Return text built from YAML's own syntax, so the parser's error paths are reached."""
    tokens = st.sampled_from(
        [
            "\n",
            "  ",
            "    ",
            "\t",
            "- ",
            ": ",
            "? ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "#",
            "&a ",
            "*a",
            "!!str ",
            "!!python/name:os.system ",
            "!x ",
            "'",
            '"',
            "|",
            ">",
            "---\n",
            "...\n",
            "%YAML 1.1\n",
            "<<: ",
            "id",
            "title",
            "slides",
            "kind",
            "bullets",
            "text",
            "cite",
            "alpha",
            "bullets",
            "1",
            "-1",
            "1e9999",
            "0o17",
            "2024-02-30",
            "~",
            "null",
            "\\u0000",
            "\x00",
            "\x85",
            "\ufeff",
            "\u2028",
            "中",
            "😀",
        ]
    )
    return st.one_of(st.lists(tokens, max_size=40).map("".join), st.text(_CHARACTERS, max_size=200))


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(),
)

KEYS = st.one_of(
    st.sampled_from(
        [
            "id",
            "title",
            "kind",
            "slides",
            "bullets",
            "text",
            "cite",
            "sub",
            "priority",
            "notes",
            "as_of",
            "topics",
            "overrides",
            "colors",
            "sizes",
            "snippets",
            "date-parts",
            "author",
            "family",
        ]
    ),
    hostile_text(20),
    st.integers(),
    st.booleans(),
    st.none(),
)


def values(max_leaves: int = 20) -> st.SearchStrategy[Any]:
    """Return random YAML-dumpable structures: scalars, lists and mappings nested a few levels."""
    return st.recursive(
        SCALARS,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=4),
        max_leaves=max_leaves,
    )


# ---------------------------------------------------------------- valid random libraries


def _visible(text: str) -> str:
    """Make *text* a valid claim: no template markers, at least one visible character."""
    return ("A " + text.replace("{", "(").replace("}", ")")).strip()


def claim(max_size: int = 120) -> st.SearchStrategy[str]:
    return hostile_text(max_size).map(_visible).map(lambda t: t[:max_size] if max_size < len(t) else t)


_CITES = st.lists(st.sampled_from(["s1", "s2", "s3"]), min_size=1, max_size=3, unique=True)


@st.composite
def _bullets(draw, depth: int = 0) -> list[dict]:
    bullets = []
    for _ in range(draw(st.integers(1, 4))):
        bullet: dict[str, Any] = {"text": draw(claim(600)), "cite": draw(_CITES)}
        if depth == 0 and draw(st.booleans()):
            bullet["sub"] = [{"text": draw(claim(200)), "cite": draw(_CITES)} for _ in range(draw(st.integers(1, 2)))]
        bullets.append(bullet)
    return bullets


@st.composite
def slide(draw, slide_id: str) -> dict:
    kind = draw(st.sampled_from(["bullets", "key_judgments", "quote", "chart", "table", "timeline", "comparison"]))
    data: dict[str, Any] = {
        "id": slide_id,
        "kind": kind,
        "title": draw(claim(200)),
        "priority": draw(st.integers(1, 3)),
        "notes": draw(claim(400)),
    }
    if kind in ("bullets", "key_judgments"):
        data["bullets"] = draw(_bullets())
    elif kind == "quote":
        data.update(quote=draw(claim(1000)), attribution=draw(claim(300)), cite=draw(_CITES))
    elif kind == "chart":
        categories = draw(st.lists(claim(40), min_size=1, max_size=5))
        data.update(
            cite=draw(_CITES),
            chart={
                "type": draw(st.sampled_from(["bar", "column", "pie"])),
                "categories": categories,
                "series": [
                    {
                        "name": draw(claim(60)),
                        "values": draw(
                            st.lists(
                                st.floats(0, 1e6, allow_nan=False), min_size=len(categories), max_size=len(categories)
                            )
                        ),
                    }
                ],
                "unit": draw(st.sampled_from(["percent", "number"])),
                "value_axis_title": draw(claim(60)),
            },
        )
    elif kind == "table":
        width = draw(st.integers(1, 4))
        data.update(
            columns=[draw(claim(40)) for _ in range(width)],
            rows=[
                {"cells": [draw(claim(120)) for _ in range(width)], "cite": draw(_CITES)}
                for _ in range(draw(st.integers(1, 4)))
            ],
        )
    elif kind == "timeline":
        data["events"] = [
            {
                "date": draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))).isoformat(),
                "label": draw(claim(200)),
                "cite": draw(_CITES),
            }
            for _ in range(draw(st.integers(1, 5)))
        ]
    else:
        data["columns"] = [{"heading": draw(claim(100)), "bullets": draw(_bullets(depth=1))} for _ in range(2)]
    return data


@st.composite
def library_files(draw) -> dict[str, Any]:
    """Return the data of a valid library: ``sources.yaml`` and one or two topic files, by relative path."""
    sources = [
        {
            "id": source_id,
            "type": draw(st.sampled_from(["article", "book", "webpage", "report"])),
            "title": draw(claim(300)),
            "author": [{"family": draw(claim(60)), "given": draw(claim(40))}],
            "issued": {"date-parts": [[draw(st.integers(1900, 2100))]]},
            "URL": "https://example.org/" + source_id,
        }
        for source_id in ("s1", "s2", "s3")
    ]
    files: dict[str, Any] = {"sources.yaml": sources}
    for t in range(draw(st.integers(1, 2))):
        topic_id = f"topic-{t}"
        files[f"topics/{topic_id}.yaml"] = {
            "id": topic_id,
            "title": draw(claim(200)),
            "summary": draw(claim(400)),
            "as_of": "2025-01-01",
            "slides": [draw(slide(f"{topic_id}-slide-{i}")) for i in range(draw(st.integers(1, 3)))],
        }
    return files
