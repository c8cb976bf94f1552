"""Every page of the fixture deck draws, with its text inside its frames and nothing outside its boxes."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image, ImageChops, ImageDraw
from PySide6.QtGui import QImage

from sinoru_brief.layout.pages import Shape, TextFrame
from sinoru_brief.pipeline import build
from sinoru_brief.render.qt.painter import render_page
from sinoru_brief.units import EMU_PER_POINT

pytestmark = pytest.mark.usefixtures("qapp")

WIDTH = 800
TOLERANCE = 2  # pixels of anti-aliasing allowed around a box


@pytest.fixture
def pages(fixture_brief, fixture_library):
    return build(fixture_brief, library=fixture_library).pages


def to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombuffer(
        "RGB", (image.width(), image.height()), bytes(image.constBits()), "raw", "RGB", image.bytesPerLine(), 1
    )


def changed(a: Image.Image, b: Image.Image) -> Image.Image:
    """Return a mask of the pixels where *a* and *b* clearly differ."""
    r, g, bl = ImageChops.difference(a, b).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), bl).point(lambda v: 255 if v > 24 else 0)


def background_of(page, size) -> Image.Image:
    return Image.new("RGB", size, "#" + page.background)


def test_every_page_renders_at_the_requested_width_and_the_page_aspect(pages):
    assert len(pages) > 8
    for page in pages:
        image = render_page(page, WIDTH)
        assert image.width() == WIDTH
        assert image.height() == round(WIDTH * page.height / page.width)
        assert image.format() == QImage.Format.Format_ARGB32_Premultiplied


def test_corners_outside_every_box_show_the_theme_background(pages, theme):
    for page in pages:
        image = render_page(page, WIDTH)
        scale = WIDTH / page.width
        corners = [(0, 0), (WIDTH - 1, 0), (0, image.height() - 1), (WIDTH - 1, image.height() - 1)]
        free = [
            (x, y)
            for x, y in corners
            if not any(
                b.x * scale - 1 <= x <= b.right * scale + 1 and b.y * scale - 1 <= y <= b.bottom * scale + 1
                for b in page.boxes
            )
        ]
        assert free, page.key
        for x, y in free:
            assert image.pixelColor(x, y).name()[1:].upper() == theme.colors.background.upper(), (page.key, x, y)


def test_nothing_is_drawn_outside_the_boxes(pages):
    for page in pages:
        image = to_pil(render_page(page, WIDTH))
        scale = WIDTH / page.width
        allowed = Image.new("L", image.size, 255)
        draw = ImageDraw.Draw(allowed)
        for box in page.boxes:
            # A stroke is centred on a shape's outline: half of it lies outside the box.
            pad = TOLERANCE + (box.stroke_width * EMU_PER_POINT * scale / 2 if isinstance(box, Shape) else 0)
            draw.rectangle(
                (box.x * scale - pad, box.y * scale - pad, box.right * scale + pad, box.bottom * scale + pad), fill=0
            )
        stray = ImageChops.multiply(changed(image, background_of(page, image.size)), allowed)
        assert stray.getbbox() is None, f"{page.key}: pixels drawn outside every box at {stray.getbbox()}"


def test_each_text_frame_draws_its_text_inside_its_box(pages):
    frames = 0
    for page in pages:
        scale = WIDTH / page.width
        full = to_pil(render_page(page, WIDTH))
        for index, box in enumerate(page.boxes):
            if not isinstance(box, TextFrame) or not box.text.strip():
                continue
            without = replace(page, boxes=page.boxes[:index] + page.boxes[index + 1 :])
            mask = changed(full, to_pil(render_page(without, WIDTH)))
            drawn = mask.getbbox()
            assert drawn is not None, f"{page.key}: frame '{box.role}' drew nothing"
            left, top, right, bottom = drawn
            assert left >= box.x * scale - TOLERANCE and top >= box.y * scale - TOLERANCE, (page.key, box.role)
            assert right <= box.right * scale + TOLERANCE and bottom <= box.bottom * scale + TOLERANCE, (
                page.key,
                box.role,
            )
            frames += 1
    assert frames > 30
