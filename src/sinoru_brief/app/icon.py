"""The application icon, built from the PNGs in ``assets/icons`` (no SVG plugin needed)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from sinoru_brief.desktop_entry import APP_ID, ICON_SIZES
from sinoru_brief.paths import icons_dir


@cache
def app_icon() -> QIcon:
    """Return the icon every window of the app shows; empty if the icon files are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icons_dir() / f"{APP_ID}-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
