"""Package and schema validity as findings of a deck check (:mod:`.package` and :mod:`.schemas`).

The schemas (ECMA-376 transitional, about 400 KB) ship with the program, in
``assets/ooxml-xsd`` (an installed wheel carries them too); an installation
that has lost them still checks the package rules and says that the schema
check was skipped.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from sinoru_brief.check.findings import ERROR, Finding
from sinoru_brief.check.package import check_package
from sinoru_brief.check.schemas import check_schemas
from sinoru_brief.paths import REINSTALL_HINT, InstallationError, data_root


def schema_dir() -> Path | None:
    """Return the folder of the OOXML schemas, or None when this installation has none."""
    try:
        folder = data_root() / "assets" / "ooxml-xsd"
    except InstallationError:  # the check reports what it can without them
        return None
    return folder if (folder / "pml.xsd").is_file() else None


def validity(data: bytes, slide_parts: dict[str, int]) -> tuple[list[Finding], list[str]]:
    """Return the package and schema findings for *data*, and notes on what was skipped.

    *slide_parts* maps slide part names to slide numbers, so a finding in a
    slide names that slide.
    """
    notes: list[str] = []
    problems = check_package(data)
    folder = schema_dir()
    if folder is None:
        notes.append(
            f"the schema check was skipped: this installation has no OOXML schemas ({REINSTALL_HINT} to restore them)"
        )
    else:
        problems += check_schemas(data, folder)
    # A slide's relationships part belongs to that slide too.
    numbers = {**slide_parts, **{_rels_of(part): n for part, n in slide_parts.items()}}
    findings = [
        Finding(
            ERROR,
            "schema" if p.kind == "schema" else "package",
            f"{p.part or '(package)'}: {p.message}",
            numbers.get(p.part, 0),
        )
        for p in problems
    ]
    return findings, notes


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")
