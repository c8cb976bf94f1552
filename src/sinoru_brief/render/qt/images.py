"""Write slides as PNG files, for the ``preview`` command and for checking a deck by eye."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QGuiApplication, QImage

from sinoru_brief.atomic import write_atomic
from sinoru_brief.errors import ExportError, Problem
from sinoru_brief.layout.pages import Page
from sinoru_brief.render.qt.painter import render_page

_started: list[QGuiApplication] = []  # keeps an application this module started alive


def ensure_app() -> QCoreApplication:
    """Return the running Qt application, or start a GUI-less one (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        _started.append(app)
    return app


def png_bytes(image: QImage) -> bytes:
    """Return *image* encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stubs type the format as bytes, but the binding accepts only a str here.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ExportError(Problem(None, "could not encode the slide image as PNG"))
    buffer.close()
    return bytes(data.data())


def png_name(number: int) -> str:
    """Return the file name of slide *number* (1-based): ``slide-007.png``."""
    return f"slide-{number:03d}.png"


def write_pngs(pages: list[Page], out_dir: Path, numbers: Iterable[int], width: int) -> list[Path]:
    """Draw the slides *numbers* (1-based) of *pages* *width* pixels wide into *out_dir*; return the files.

    The folder is created if missing; each file is written atomically.
    """
    ensure_app()
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            Problem(out_dir, f"cannot create the folder: {exc.strerror or exc}", hint="choose another folder")
        ) from exc
    written = []
    for number in numbers:
        if not 1 <= number <= len(pages):
            raise ExportError(Problem(None, f"the deck has slides 1 to {len(pages)}; {number} is out of range"))
        target = out_dir / png_name(number)
        write_atomic(target, png_bytes(render_page(pages[number - 1], width)))
        written.append(target)
    return written
