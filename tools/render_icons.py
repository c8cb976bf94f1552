"""Render the application icon's PNG sizes from ``assets/icons/sinoru-brief.svg``.

Run from the repository root after editing the SVG::

    uv run python tools/render_icons.py

The PNGs are committed: the app sets them as its window icon and
``sinoru-brief install-desktop-entry`` copies them into the icon theme, and
neither should depend on Qt's SVG icon plugin being present.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "assets" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    """Draw *svg* at *size* × *size* pixels into the PNG *target*."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        sys.exit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        sys.exit(f"{target}: could not write the PNG")


def main() -> None:
    QGuiApplication.instance() or QGuiApplication([])
    svg = ICONS / "sinoru-brief.svg"
    for size in SIZES:
        target = ICONS / f"sinoru-brief-{size}.png"
        render(svg, size, target)
        print(f"wrote {target}")


if __name__ == "__main__":
    main()
