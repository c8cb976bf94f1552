"""Facts about this copy of sinoru-brief: its version, how current its content is, and its fonts' licences.

The CLI's ``--version`` and the app's About box both read them from here, so
the two never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sinoru_brief import __version__
from sinoru_brief.paths import InstallationError, fonts_dir

if TYPE_CHECKING:
    from sinoru_brief.content import Library


@dataclass(frozen=True)
class BundledFont:
    """One font family shipped in ``assets/fonts``, the licence it is under and the files that say so."""

    family: str
    measures_as: str
    licence: str
    file_prefix: str  # every .ttf of the family starts with it
    notices: tuple[str, ...]


BUNDLED_FONTS = (
    BundledFont("Carlito", "Calibri", "SIL Open Font License 1.1", "Carlito-", ("Carlito-LICENSE.txt",)),
    BundledFont(
        "Liberation Sans", "Arial", "SIL Open Font License 1.1", "LiberationSans-", ("Liberation-LICENSE.txt",)
    ),
    BundledFont(
        "Liberation Serif",
        "Times New Roman",
        "SIL Open Font License 1.1",
        "LiberationSerif-",
        ("Liberation-LICENSE.txt",),
    ),
    BundledFont(
        "Droid Sans Fallback",
        "Microsoft YaHei (Chinese, Japanese, Korean)",
        "Apache License 2.0",
        "DroidSansFallback",
        ("DroidSansFallback-NOTICE.txt", "DroidSansFallback-LICENSE-Apache-2.0.txt"),
    ),
)


def version() -> str:
    """Return the version of this sinoru-brief, the one its wheel was built with."""
    return __version__


def content_as_of(library: Library) -> dt.date | None:
    """Return the latest "as of" date of the library's topics: how current its information is."""
    dates = [topic.as_of for topic in library.topics if topic.as_of]
    return max(dates) if dates else None


def font_notice_files(font: BundledFont, folder: Path | None = None) -> list[Path]:
    """Return the licence notice files of *font*; a missing one means the installation is broken."""
    folder = folder or fonts_dir()
    paths = [folder / name for name in font.notices]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise InstallationError(
            f"the licence notice {missing[0]} of the bundled font {font.family} is missing; reinstall sinoru-brief"
        )
    return paths
