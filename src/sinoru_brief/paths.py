"""Locate the data the program ships: content, templates and fonts.

In a source checkout (``uv run``) they live at the repository root; in an
installed wheel they are packaged under ``sinoru_brief/_data``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Return the folder that holds ``content/``, ``templates/`` and ``assets/``."""
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent.parent):
        if (candidate / "assets" / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("sinoru-brief's data folder (assets/fonts) is missing; reinstall the package")


def default_content_dir() -> Path:
    return data_root() / "content"


def templates_dir() -> Path:
    return data_root() / "templates"


def fonts_dir() -> Path:
    return data_root() / "assets" / "fonts"
