"""Run the command-line interface in the test's own process and read what it printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.cli import EXIT_ERROR, main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run ``sinoru-brief *argv*``; return (exit code, stdout, stderr)."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error(code: int, out: str, err: str) -> str:
    """Check a failed run printed exactly one line on stderr and nothing else; return that line."""
    assert "Traceback" not in err
    assert (code, out) == (EXIT_ERROR, "")
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]
