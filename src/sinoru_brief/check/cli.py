"""The ``sinoru-brief check DECK.pptx`` command: print a check's findings; exit 1 on an error, 2 if unreadable."""

from __future__ import annotations

import sys
from pathlib import Path

from sinoru_brief.check import UnreadableDeck, check_file

EXIT_OK, EXIT_ERROR, EXIT_UNREADABLE = 0, 1, 2


def run_check(path: Path) -> int:
    """Check the deck at *path*, print the report, and return the exit code."""
    try:
        report = check_file(path)
    except FileNotFoundError:
        return _unreadable(path, "no such file; check the path")
    except IsADirectoryError:
        return _unreadable(path, "is a folder; name a .pptx file")
    except OSError as exc:
        return _unreadable(path, f"cannot be read ({exc.strerror or exc})")
    except UnreadableDeck as exc:
        return _unreadable(path, f"{exc}; save it from PowerPoint as a .pptx and check that")
    for finding in report.findings:
        print(f"{path}: {finding}")
    for note in report.notes:
        print(f"{path}: note: {note}")
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "passes" if not errors else "fails"
    print(
        f"{path}: {report.slides} slides; {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}: {verdict} the check."
    )
    return EXIT_ERROR if errors else EXIT_OK


def _unreadable(path: Path, message: str) -> int:
    print(f"sinoru-brief: check: {path}: {message}", file=sys.stderr)
    return EXIT_UNREADABLE
