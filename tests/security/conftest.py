"""Fixtures for the security tests: canaries, and writable copies of a library, a template and a brief."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.builtin_library import read_builtin_library_once

from sinoru_brief.cli import main

ROOT = Path(__file__).parents[2]
FIXTURE_LIBRARY = ROOT / "tests" / "data" / "library"
BRIEFING = ROOT / "templates" / "briefing"

ENV_NAME = "SINORU_SECURITY_CANARY"
ENV_VALUE = "env-canary-5b1d9e"
FILE_SECRET = "file-canary-c40f7a"

# Text that only shows up when a template reached Python objects, the process or the file system.
LEAK_MARKERS = (
    "<module",
    "<class",
    "<function",
    "<built-in",
    " at 0x",
    "__builtins__",
    "__globals__': {",
    "environ(",
    "posix",
    "subprocess",
    "site-packages",
    "uid=",
    "root:x:0:0",
)


@dataclass
class Workspace:
    """A writable library, template and output folder, plus the canaries nothing may reveal."""

    root: Path
    library: Path
    template: Path
    out: Path
    secret_file: Path
    canary_command: Path
    calls: list[str] = field(default_factory=list)

    def write_brief(self, data: dict) -> Path:
        path = self.root / "deck.brief.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
        return path

    def set_snippet(self, name: str, text: str) -> Path:
        """Set the template snippet *name* to *text*; return the template file."""
        path = self.template / "template.yaml"
        head, marker, _ = path.read_text(encoding="utf-8").partition("\nsnippets:\n")
        assert marker, "the briefing template has no snippets section"
        path.write_text(f"{head}{marker}  {name}: {json.dumps(text)}\n", encoding="utf-8")
        return path

    def set_bullet(self, text: str) -> tuple[Path, int]:
        """Make the first bullet of slide beta-bullets *text*; return the topic file and the slide's line."""
        path = self.library / "topics" / "beta.yaml"
        source = path.read_text(encoding="utf-8")
        old = '- text: A bullet in the deck "{{ brief.title }}".'
        assert source.count(old) == 1
        path.write_text(source.replace(old, f"- text: {json.dumps(text)}"), encoding="utf-8")
        line = source.splitlines().index("  - id: beta-bullets") + 1
        return path, line

    def export(self, capsys, *extra: str | Path) -> tuple[int, str, str]:
        """Export the whole fixture library at full depth with this workspace's template; return code, out, err."""
        argv = [
            "export",
            "--content",
            self.library,
            "--template",
            self.template,
            "--depth",
            "full",
            "--topics",
            "alpha,beta",
            "--title",
            "Deck",
            "--date",
            "2025-02-01",
            "-o",
            self.out,
            *extra,
        ]
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    def assert_nothing_leaked(self, *texts: str) -> None:
        """Check that no text, nor the exported deck, shows a canary or a sign of Python internals."""
        everything = list(texts)
        if self.out.exists():
            with zipfile.ZipFile(io.BytesIO(self.out.read_bytes())) as package:
                everything += [package.read(name).decode("utf-8", "replace") for name in package.namelist()]
        for text in everything:
            assert ENV_VALUE not in text
            assert FILE_SECRET not in text
            found = [marker for marker in LEAK_MARKERS if marker in text]
            assert not found, f"{found} in {text[:300]!r}"
        assert not self.canary_command.exists(), "a command ran"
        assert self.calls == [], f"a process was started: {self.calls}"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch) -> Workspace:
    """Copies of the fixture library and the briefing template, an env canary, a secret file, process spies."""
    library = tmp_path / "library"
    shutil.copytree(FIXTURE_LIBRARY, library)
    template = tmp_path / "template"
    shutil.copytree(BRIEFING, template)
    (tmp_path / "out").mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(FILE_SECRET, encoding="utf-8")
    monkeypatch.setenv(ENV_NAME, ENV_VALUE)
    space = Workspace(
        root=tmp_path,
        library=library,
        template=template,
        out=tmp_path / "out" / "deck.pptx",
        secret_file=secret,
        canary_command=tmp_path / "pwned",
    )

    # Nothing in a run may start a process; record any attempt instead of running it.
    def spy(name):
        def record(*args, **kwargs):
            space.calls.append(f"{name}{args!r}")
            raise AssertionError(f"{name} was called")

        return record

    monkeypatch.setattr(os, "system", spy("os.system"))
    monkeypatch.setattr(os, "popen", spy("os.popen"))
    monkeypatch.setattr(subprocess.Popen, "__init__", spy("subprocess.Popen"))
    return space


@pytest.fixture(autouse=True)
def builtin_library_read_once(monkeypatch) -> None:
    """Share one reading of the built-in library among this folder's CLI runs (see the helper's docstring)."""
    read_builtin_library_once(monkeypatch)
