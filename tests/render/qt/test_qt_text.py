"""The Qt painter places layout's lines where PowerPoint and LibreOffice place them.

Pages here are 10 x 5 inches drawn 720 px wide: one pixel per point, so
expected positions read straight from the layout numbers.
"""

from __future__ import annotations

import threading

import pytest
from PIL import Image, ImageChops
from PySide6.QtGui import QImage

from sinoru_brief.layout.fonts import east_asian_file, font_file
from sinoru_brief.layout.pages import Line, Page, Paragraph, Span, TextFrame
from sinoru_brief.render.qt.fonts import font_runs, text_width_em
from sinoru_brief.render.qt.painter import render_page
from sinoru_brief.units import inches, points

pytestmark = pytest.mark.usefixtures("qapp")

WHITE = (255, 255, 255)
LEFT, TOP, WIDTH, HEIGHT = 100, 50, 400, 200  # the frame, in points (= pixels)


def to_pil(image: QImage) -> Image.Image:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombuffer(
        "RGB", (image.width(), image.height()), bytes(image.constBits()), "raw", "RGB", image.bytesPerLine(), 1
    )


def ink(image: Image.Image, box: tuple[int, int, int, int] | None = None, color=None):
    """Return the bounding box (left, top, right, bottom exclusive) of clearly non-white pixels."""
    if color is not None:  # pixels close to this colour in every channel
        mask = _channel_distance(image, color).point(lambda v: 255 if v < 60 else 0)
    else:
        mask = _channel_distance(image, WHITE).point(lambda v: 255 if v > 60 else 0)
    if box:
        mask = mask.crop(box)
    return mask.getbbox()


def _channel_distance(image: Image.Image, color) -> Image.Image:
    """Return, per pixel, the largest difference of any channel from *color*."""
    r, g, b = ImageChops.difference(image, Image.new("RGB", image.size, color)).split()
    return ImageChops.lighter(ImageChops.lighter(r, g), b)


def span(text: str, size: float = 40.0, **style) -> Span:
    return Span(text, size, style.pop("font", "Calibri"), style.pop("color", "000000"), **style)


def para(*lines: tuple[Span, ...], size: float = 40.0, **options) -> Paragraph:
    spans = tuple(s for line in lines for s in line)
    return Paragraph(spans=spans, lines=tuple(Line(line, 0.0) for line in lines), line_height=size * 1.15, **options)


def draw(*paragraphs: Paragraph, anchor: str = "top", width: int = 720) -> Image.Image:
    frame = TextFrame(
        x=points(LEFT), y=points(TOP), w=points(WIDTH), h=points(HEIGHT), paragraphs=paragraphs, anchor=anchor
    )
    page = Page(
        width=inches(10), height=inches(5), kind="test", key="test", title="test", background="FFFFFF", boxes=(frame,)
    )
    return to_pil(render_page(page, width))


@pytest.mark.parametrize(
    ("anchor", "line_top"),
    [
        ("top", TOP),
        ("middle", TOP + (HEIGHT - 46) / 2),
        ("bottom", TOP + HEIGHT - 46),
    ],
)
def test_baseline_sits_a_fifth_of_the_size_above_the_line_bottom(anchor, line_top):
    box = ink(draw(para((span("HHHH"),)), anchor=anchor))
    baseline = line_top + 46 - 0.2 * 40  # "H" has no descender: its ink ends on the baseline
    assert box[3] == pytest.approx(baseline, abs=1)
    assert box[3] - box[1] == pytest.approx(0.644 * 40, abs=1.5)  # Carlito's cap height


def test_lines_are_one_line_height_apart_and_never_rewrapped():
    image = draw(para((span("HH "),), (span("HH"),)))
    first = ink(image, (0, 0, 720, TOP + 46))
    second = ink(image, (0, TOP + 46, 720, 360))
    assert first[3] == pytest.approx(TOP + 46 - 8, abs=1)
    assert second[3] + TOP + 46 == pytest.approx(TOP + 92 - 8, abs=1)
    assert first[2] - first[0] == pytest.approx(second[2] - second[0], abs=1)  # "HH" on each line


def test_space_before_counts_except_on_the_first_paragraph():
    image = draw(para((span("H"),), space_before=30.0), para((span("H"),), space_before=30.0))
    first = ink(image, (0, 0, 720, TOP + 46))
    second = ink(image, (0, TOP + 46, 720, 360))
    assert first[3] == pytest.approx(TOP + 38, abs=1)
    assert second[3] + TOP + 46 == pytest.approx(TOP + 46 + 30 + 38, abs=1)


@pytest.mark.parametrize("align", ["left", "center", "right"])
def test_alignment_places_the_drawn_width(align):
    box = ink(draw(para((span("HHHH"),), align=align)))
    width = text_width_em("HHHH", font_file("Calibri")) * 40
    start = {"left": LEFT, "center": LEFT + (WIDTH - width) / 2, "right": LEFT + WIDTH - width}[align]
    # Ink starts a side bearing after the pen position and ends one before its end.
    assert start < box[0] < start + 4
    assert start + width - 4 < box[2] <= start + width + 1


def test_first_line_hangs_at_the_bullet_indent_when_there_is_no_bullet():
    image = draw(para((span("HH "),), (span("HH"),), indent=points(72), bullet_indent=0))
    assert LEFT < ink(image, (0, 0, 720, TOP + 46))[0] < LEFT + 4
    assert LEFT + 72 < ink(image, (0, TOP + 46, 720, 360))[0] < LEFT + 76


def test_bullet_sits_at_the_bullet_indent_in_its_colour_and_text_at_the_indent():
    image = draw(para((span("HH"),), bullet="•", bullet_color="FF0000", indent=points(72), bullet_indent=points(10)))
    bullet = ink(image, color=(255, 0, 0))
    assert LEFT + 10 <= bullet[0] < LEFT + 20
    assert bullet[2] < LEFT + 72
    text = ink(image, (LEFT + 40, 0, 720, 360))
    assert LEFT + 72 < text[0] + LEFT + 40 < LEFT + 76


def test_numbered_bullet_is_drawn():
    image = draw(para((span("HH"),), bullet="3.", bullet_color="0000FF", indent=points(72)))
    number = ink(image, color=(0, 0, 255))
    assert number is not None and number[2] < LEFT + 72


def test_superscript_is_smaller_and_raised():
    image = draw(para((span("H"), span("H", superscript=True, color="FF0000"))))
    base = ink(image, color=(0, 0, 0))
    sup = ink(image, color=(255, 0, 0))
    assert sup[3] - sup[1] == pytest.approx(0.58 * (base[3] - base[1]), abs=1.5)
    assert sup[3] == pytest.approx(base[3] - 0.3 * 40, abs=1)
    assert sup[0] > base[2]


def test_glyphs_larger_than_qts_glyph_cache_are_drawn_at_their_size():
    small = ink(draw(para((span("HHHH"),))))
    large = ink(draw(para((span("HHHH"),)), width=720 * 3))  # 120 px glyphs
    assert large is not None
    assert large[3] - large[1] == pytest.approx(3 * (small[3] - small[1]), abs=3)


def test_east_asian_text_uses_the_east_asian_font():
    latin = font_file("Calibri")
    assert font_runs("a中文b", latin) == ((latin, "a"), (east_asian_file(), "中文"), (latin, "b"))
    assert ink(draw(para((span("中文"),)))) is not None


def test_drawing_in_a_worker_thread_gives_the_same_pixels():
    paragraphs = (para((span("Hello, "), span("world", bold=True), span("1", superscript=True))),)
    here = draw(*paragraphs).tobytes()
    there: list[bytes] = []
    worker = threading.Thread(target=lambda: there.append(draw(*paragraphs).tobytes()))
    worker.start()
    worker.join()
    assert there == [here]
