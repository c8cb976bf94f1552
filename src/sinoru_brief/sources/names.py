"""Turn names as reference managers write them into CSL names."""

from __future__ import annotations

from typing import Any

from sinoru_brief.sources.entry import clean_text


def name_from_text(text: str) -> dict[str, Any] | None:
    """Return the CSL name for ``Family, Given[, Suffix]``; a name without a comma is taken whole.

    RIS writes people as ``Family, Given`` and organisations (or names in
    Chinese, which have no comma) as one string: guessing a split there would
    turn "习近平" or "Ministry of Foreign Affairs" into a family and a given name.
    """
    value = clean_text(text)
    if not value:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 1 or not parts[0]:
        return {"literal": value}
    name: dict[str, Any] = {"family": parts[0]}
    if parts[1]:
        name["given"] = parts[1]
    if len(parts) > 2 and parts[2]:
        name["suffix"] = ", ".join(p for p in parts[2:] if p)
    return name


def clean_csl_name(value: object) -> dict[str, Any] | None:
    """Return a CSL-JSON name with only the parts our sources keep, or None if nothing is left."""
    keys = ("family", "given", "literal", "suffix", "dropping-particle", "non-dropping-particle")
    if isinstance(value, str):
        return name_from_text(value)
    if not isinstance(value, dict):
        return None
    name = {k: clean_text(value[k]) for k in keys if isinstance(value.get(k), str | int) and clean_text(value[k])}
    return name or None
