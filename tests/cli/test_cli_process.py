"""The command as a process: ``run`` exits with ``main``'s code, and the entry points all go through it."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sinoru_brief import cli

ROOT = Path(__file__).resolve().parents[2]


def test_run_exits_with_the_code_main_returns_and_freezes_what_the_command_made(monkeypatch):
    frozen: list[bool] = []
    monkeypatch.setattr(cli, "main", lambda: 3)
    # Record the call rather than freeze the test process: everything it holds would stay uncollected.
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 3
    assert frozen == [True]


def test_the_installed_command_runs_the_process_entry():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["sinoru-brief"] == "sinoru_brief.cli:run"


@pytest.mark.parametrize("module", ["sinoru_brief", "sinoru_brief.cli"])
def test_python_m_exits_with_the_command_code(module):
    ok = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.strip()
    bad = subprocess.run([sys.executable, "-m", module, "export", "--no-such-option"], capture_output=True, timeout=60)
    assert bad.returncode == cli.EXIT_USAGE
