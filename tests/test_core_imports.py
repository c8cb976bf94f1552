"""The core runs without Qt: every module outside app/ and render/qt imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CORE = (
    "sinoru_brief.content",
    "sinoru_brief.theme",
    "sinoru_brief.brief",
    "sinoru_brief.compose",
    "sinoru_brief.layout",
    "sinoru_brief.render.pptx",
    "sinoru_brief.cli",
    "sinoru_brief.pipeline",
    "sinoru_brief.citations",
    "sinoru_brief.yamlio",
    "sinoru_brief.atomic",
    "sinoru_brief.errors",
)

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys
    sys.modules["PySide6"] = None  # any "import PySide6..." now raises ImportError
    import sinoru_brief

    named = sys.argv[1:]
    for name in named:
        importlib.import_module(name)
    # Every other core module too, so a new one cannot slip Qt in unnoticed.
    found = []
    for info in pkgutil.walk_packages(sinoru_brief.__path__, "sinoru_brief."):
        if info.name.startswith(("sinoru_brief.app", "sinoru_brief.render.qt")):
            continue
        importlib.import_module(info.name)
        found.append(info.name)
    assert not [m for m in sys.modules if m.startswith(("PySide6.", "shiboken6"))]
    print(len(found))
""")


def test_core_imports_without_pyside6():
    result = subprocess.run([sys.executable, "-c", SCRIPT, *CORE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 40  # the walk really found the package's modules


def test_blocking_works():
    """The check itself must fail when a module imports Qt."""
    script = 'import sys; sys.modules["PySide6"] = None\nimport PySide6.QtCore\n'
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "ModuleNotFoundError" in result.stderr or "ImportError" in result.stderr
