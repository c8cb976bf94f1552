"""Facts about this copy of sinoru-brief: its version, how current its content is, and its fonts' licences.

The fonts themselves are listed in :mod:`sinoru_brief.font_files`.

The CLI's ``--version`` and the app's About box both read them from here, so
the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sinoru_brief import __version__
from sinoru_brief.font_files import ShippedFont
from sinoru_brief.paths import InstallationError, fonts_dir

if TYPE_CHECKING:
    from sinoru_brief.content import Library


def version() -> str:
    """Return the version of this sinoru-brief, the one its wheel was built with."""
    return __version__


def content_as_of(library: Library) -> dt.date | None:
    """Return the latest "as of" date of the library's topics: how current its information is."""
    dates = [topic.as_of for topic in library.topics if topic.as_of]
    return max(dates) if dates else None


def font_notice_files(font: ShippedFont, folder: Path | None = None) -> list[Path]:
    """Return the licence notice files of *font*; a missing one means the installation is broken."""
    folder = folder or fonts_dir()
    paths = [folder / name for name in font.notices]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise InstallationError(
            f"the licence notice {missing[0]} of the bundled font {font.family} is missing; reinstall sinoru-brief"
        )
    return paths
