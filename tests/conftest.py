"""Shared fixtures: a small content library, a theme, and offscreen Qt."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests never need a display: Qt draws offscreen. Set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Caches (formatted references) go to a folder of the test run's own, never the user's cache
# folder; child processes the tests start inherit it.
os.environ["SINORU_BRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="sinoru-test-cache-")
atexit.register(shutil.rmtree, os.environ["SINORU_BRIEF_CACHE_DIR"], ignore_errors=True)

DATA = Path(__file__).parent / "data"
FIXTURE_LIBRARY = DATA / "library"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """Run named test files in this process, and folders or the whole suite on every core (``-n auto``).

    Starting the workers costs a few seconds, more than a single file gains
    from them. An explicit ``-n N`` is never overridden; returning None leaves
    the count to pytest-xdist (the number of cores).
    """
    named = [Path(arg.split("::")[0]) for arg in config.args]
    return 0 if named and all(path.is_file() for path in named) else None


@pytest.fixture(scope="session")
def fixture_library():
    from sinoru_brief.content import load_library

    return load_library(FIXTURE_LIBRARY)


@pytest.fixture(scope="session")
def real_library():
    from sinoru_brief.content import load_library

    return load_library()


@pytest.fixture(scope="session")
def theme():
    from sinoru_brief.theme import load_theme

    return load_theme("briefing")


@pytest.fixture
def fixture_brief():
    from sinoru_brief.brief import Brief

    return Brief(
        title="Fixture deck",
        subtitle="For tests",
        author="Tester",
        date=dt.date(2025, 2, 1),
        topics=["alpha", "beta"],
        depth="full",
    )


@pytest.fixture(scope="session")
def libreoffice():
    """Return the soffice command; skip (or fail when SINORU_REQUIRE_LIBREOFFICE=1) if it is missing."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    missing = [
        name
        for name, path in (
            ("soffice", soffice),
            ("pdftotext", shutil.which("pdftotext")),
            ("pdftoppm", shutil.which("pdftoppm")),
        )
        if not path
    ]
    if missing:
        message = f"needs {', '.join(missing)} (Debian: libreoffice-impress, poppler-utils)"
        if os.environ.get("SINORU_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(message + "; SINORU_REQUIRE_LIBREOFFICE=1 makes this a failure")
        pytest.skip(message)
    return soffice


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user data and settings (user templates, autosave, QSettings)."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
