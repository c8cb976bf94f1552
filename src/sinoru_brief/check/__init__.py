"""Check any .pptx: package and schema validity, and the accessibility rules readable from the file.

:func:`check_bytes` and :func:`check_file` return a :class:`Report`; the
``sinoru-brief check`` command prints it. Plain Python: no Qt.
"""

from __future__ import annotations

from pathlib import Path

from sinoru_brief.check.findings import ERROR, WARNING, Finding, Report
from sinoru_brief.check.reader import UnreadableDeck, read_deck
from sinoru_brief.check.rules import RULES
from sinoru_brief.check.validity import validity

__all__ = ["ERROR", "WARNING", "Finding", "Report", "UnreadableDeck", "check_bytes", "check_file"]


def check_bytes(data: bytes, *, schemas: bool = True) -> Report:
    """Check the .pptx *data*; raise :class:`UnreadableDeck` if it is not a presentation at all."""
    slides = read_deck(data)
    report = Report(slides=len(slides))
    if schemas:
        findings, notes = validity(data, {s.part: s.number for s in slides})
        report.findings += findings
        report.notes += notes
    for rule in RULES:
        report.findings += rule(slides)
    report.findings.sort(key=lambda f: f.slide)  # stable: within a slide, rules keep their order
    return report


def check_file(path: Path, *, schemas: bool = True) -> Report:
    """Check the .pptx at *path* (see :func:`check_bytes`); OSError if it cannot be read."""
    return check_bytes(Path(path).read_bytes(), schemas=schemas)
