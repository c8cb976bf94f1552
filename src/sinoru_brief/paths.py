"""Locate the data the program ships: the content library, the templates, the fonts and the icons.

Both places are found through :mod:`importlib.resources`, so the same code
serves a source checkout and an installed wheel:

- an installed wheel carries them inside the package, as ``sinoru_brief/_data``
  (the build maps the repository's top-level folders there, see
  ``pyproject.toml``);
- a source checkout (``uv run``, an editable install) keeps them at the
  repository root, two levels above the package in ``src/``.

A package with neither is a broken installation: :class:`InstallationError`
says so in one line and how to repair it, and the CLI and the app show just
that line.
"""

from __future__ import annotations

import functools
import os
from functools import cache
from importlib import resources
from pathlib import Path

from sinoru_brief.errors import BriefError

#: The folders that make up the shipped data; all must be there.
DATA_FOLDERS = ("content", "templates", "assets/fonts")
REINSTALL_HINT = (
    "reinstall sinoru-brief (uv tool install --reinstall sinoru-brief, pipx reinstall "
    "sinoru-brief, or pip install --force-reinstall sinoru-brief)"
)


class InstallationError(BriefError):
    """The program's own files are missing or unreadable: the installation, not the user's input, is broken."""

    kind = "broken installation"


def _package_folder() -> Path:
    """Return the installed package's folder as a real path (fonts and templates are opened as files)."""
    root = resources.files("sinoru_brief")
    if not isinstance(root, Path):
        # A zip import (zipapp, zipped egg) cannot hand font files to Pillow and Qt.
        raise InstallationError(
            f"sinoru-brief is installed inside an archive ({root}); it must be installed "
            f"as plain files: {REINSTALL_HINT}"
        )
    return root


def _candidates(package: Path) -> tuple[Path, Path]:
    """Return where the data can be: inside the package (a wheel), then the checkout root."""
    return package / "_data", package.parent.parent


def _missing(root: Path) -> list[str]:
    return [folder for folder in DATA_FOLDERS if not (root / folder).is_dir()]


@cache
def data_root() -> Path:
    """Return the folder that holds ``content/``, ``templates/`` and ``assets/``.

    Raises :class:`InstallationError` when no candidate holds them all.
    """
    packaged, checkout = _candidates(_package_folder())
    if packaged.is_dir():
        # An installed wheel: its own data must be complete, never silently replaced by a folder nearby.
        missing = _missing(packaged)
        if missing:
            raise InstallationError(
                f"sinoru-brief's data folder is incomplete: {packaged / missing[0]} is missing; {REINSTALL_HINT}"
            )
        return packaged
    if (checkout / "pyproject.toml").is_file():
        missing = _missing(checkout)
        if not missing:
            return checkout
        raise InstallationError(
            f"this source checkout of sinoru-brief lacks {checkout / missing[0]}; restore "
            "it from git (git status shows what was deleted)"
        )
    raise InstallationError(f"sinoru-brief's data folder {packaged} is missing; {REINSTALL_HINT}")


def default_content_dir() -> Path:
    """Return the built-in content library's folder (``sources.yaml`` and ``topics/``)."""
    return data_root() / "content"


def templates_dir() -> Path:
    """Return the folder of the built-in templates, one subfolder each."""
    return data_root() / "templates"


def fonts_dir() -> Path:
    """Return the folder of the bundled fonts and their licence notices."""
    return data_root() / "assets" / "fonts"


def icons_dir() -> Path:
    """Return the folder of the application icon in its sizes (PNG) and as SVG."""
    return data_root() / "assets" / "icons"


def user_data_dir() -> Path:
    """Return the user's own data folder for sinoru-brief (templates, library, autosave).

    It is looked up on every call, never cached, so a changed environment
    (``XDG_DATA_HOME`` in the tests) is honoured at once.
    """
    from platformdirs import user_data_dir as platform_user_data_dir  # only when a user folder is needed

    return Path(platform_user_data_dir("sinoru-brief", appauthor=False))


def user_library_dir() -> Path:
    """Return the user's own content library: ``library/`` in the user data folder, laid out like ``content/``.

    It may hold only some of the files (just ``sources.yaml``, or just a
    topic file); it need not exist at all.
    """
    return user_data_dir() / "library"


#: Set to a folder to keep the caches there instead of the user's cache folder (the tests and benchmarks do).
CACHE_ENV = "SINORU_BRIEF_CACHE_DIR"


def cache_root() -> Path:
    """Return the folder that holds sinoru-brief's caches (``$SINORU_BRIEF_CACHE_DIR`` or the user's).

    It is read from the environment on every call (the tests change it), and
    is cheap: layout asks for it with every width it measures.
    """
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured:
        return Path(configured)
    return _user_cache_dir(os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", ""))


@functools.lru_cache(maxsize=8)
def _user_cache_dir(xdg_cache_home: str, home: str) -> Path:
    """Return the user's cache folder for sinoru-brief; the arguments, what platformdirs reads, are the cache key."""
    from platformdirs import user_cache_dir  # only when a cache is first used

    return Path(user_cache_dir("sinoru-brief", appauthor=False))
