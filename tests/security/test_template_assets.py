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


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        (20_000, 20_000, "an image of hundreds of millions of pixels"),  # Pillow will not even open it
        (12_000, 8_000, "12,000 x 8,000 pixels"),  # Pillow only warns
        (8_000, 5_001, "8,000 x 5,001 pixels"),  # just over our limit
    ],
)
def test_logo_claiming_a_huge_pixel_count_is_a_template_error(workspace, width, height, size):
    use_logo(workspace.template, png_header(width, height))
    with pytest.raises(TemplateError) as caught:
        load_theme(workspace.template)
    [problem] = caught.value.problems
    assert (problem.key_path, problem.message, problem.hint) == (
        "logo",
        f"the logo file 'logo.png' is {size}; a logo may have at most 40 million pixels",
        "scale it down: a logo 2,000 pixels wide is sharp on any slide",
    )


def test_logo_at_the_pixel_limit_loads(workspace):
    use_logo(workspace.template, png_header(8_000, 5_000))
    assert load_theme(workspace.template).logo == (workspace.template / "logo.png").resolve()
