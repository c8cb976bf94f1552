"""A template's logo is an image from anywhere: a tiny file that claims a billion pixels must be refused clearly.

Pillow reads only the header to tell the format, but the preview later decodes
the whole picture (4 bytes a pixel), so a 50 KB PNG claiming 20,000 x 20,000
pixels costs 1.6 GB there.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from sinoru_brief.errors import TemplateError
from sinoru_brief.theme import load_theme


def png_header(width: int, height: int) -> bytes:
    """Return a PNG of one empty data chunk whose header claims *width* x *height* 1-bit pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def use_logo(template: Path, data: bytes) -> None:
    (template / "logo.png").write_bytes(data)
    path = template / "template.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")


def test_an_ordinary_logo_loads(workspace):
    use_logo(workspace.template, png_header(400, 100))
    assert load_theme(workspace.template).logo == (workspace.template / "logo.png").resolve()


@pytest.mark.xfail(strict=True, raises=(Image.DecompressionBombError, Image.DecompressionBombWarning), reason=(
    "theme.loader._image_format opens the logo with Pillow and catches OSError/UnidentifiedImageError/ValueError "
    "only: above 178,956,970 pixels Pillow raises DecompressionBombError (the CLI prints a traceback), above "
    "89,478,485 it only warns and the logo is accepted, for the preview to decode at 4 bytes a pixel; fix: check "
    "image.size against a limit (the master's max_image_pixels, 60,000,000, or lower for a logo) with "
    "DecompressionBombWarning/Error caught, and report 'the logo is W x H pixels; the limit is ...'"))
@pytest.mark.parametrize(("width", "height"), [(20_000, 20_000), (12_000, 8_000)])
def test_logo_claiming_a_huge_pixel_count_is_a_template_error(workspace, width, height):
    use_logo(workspace.template, png_header(width, height))
    with pytest.raises(TemplateError) as caught:
        load_theme(workspace.template)
    assert caught.value.problems[0].key_path == "logo"
