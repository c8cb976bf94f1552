"""A template's classification banner and logo reach every slide of the exported .pptx."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from sinoru_brief.brief import Brief
from sinoru_brief.layout.pages import Picture, Shape, TextFrame
from sinoru_brief.paths import templates_dir
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.units import inches

BANNER = """\
banner:
  text: UNCLASSIFIED
  color: "007A33"
  text_color: "FFFFFF"
logo: brand/logo.png
"""
STRIP = inches(0.3)  # the banner's height, top and bottom


@pytest.fixture(scope="module")
def marked_template(tmp_path_factory):
    """A copy of the plain look with a banner and a small PNG logo."""
    folder = tmp_path_factory.mktemp("marked")
    source = (templates_dir() / "plain" / "template.yaml").read_text(encoding="utf-8")
    assert source.count("\nbanner: null\n") == 1
    (folder / "template.yaml").write_text(source.replace("\nbanner: null\n", "\n" + BANNER), encoding="utf-8")
    (folder / "brand").mkdir()
    logo = Image.new("RGBA", (120, 60), (0, 0, 0, 0))
    logo.paste((11, 61, 145, 255), (10, 10, 110, 50))
    logo.save(folder / "brand" / "logo.png")
    return folder


@pytest.fixture(scope="module")
def marked_export(marked_template, fixture_library):
    brief = Brief(
        title="Fixture deck",
        topics=fixture_library.topic_ids(),
        depth="full",
        date=dt.date(2025, 2, 1),
        template=str(marked_template),
    )
    result = build(brief, library=fixture_library)
    return result, Presentation(io.BytesIO(render_pptx(result)))


def test_theme_reads_banner_and_logo(marked_export, marked_template):
    theme = marked_export[0].theme
    assert (theme.banner.text, theme.banner.color, theme.banner.text_color) == ("UNCLASSIFIED", "007A33", "FFFFFF")
    assert theme.logo == (marked_template / "brand" / "logo.png").resolve()


def test_every_slide_has_the_banner_top_and_bottom(marked_export):
    result, prs = marked_export
    assert len(prs.slides) == len(result.pages) > 5
    kinds = {page.kind for page in result.pages}
    assert {"title", "section", "bullets", "references", "closing"} <= kinds
    for number, slide in enumerate(prs.slides, start=1):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert texts.count("UNCLASSIFIED") == 2, (number, texts)
        strips = [
            shape for shape in slide.shapes if shape.name == "banner" and shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE
        ]
        assert sorted(shape.top for shape in strips) == [0, prs.slide_height - STRIP], number
        assert all(str(shape.fill.fore_color.rgb) == "007A33" for shape in strips), number


def test_every_slide_has_the_logo_picture(marked_export, marked_template):
    _, prs = marked_export
    logo_bytes = (marked_template / "brand" / "logo.png").read_bytes()
    for number, slide in enumerate(prs.slides, start=1):
        pictures = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1, number
        picture = pictures[0]
        assert picture.image.blob == logo_bytes
        assert picture.width == 2 * picture.height  # the 2:1 logo keeps its aspect
        assert picture.left + picture.width <= prs.slide_width and picture.top >= STRIP, number


def test_content_stays_clear_of_the_banner_strips(marked_export):
    result, _ = marked_export
    for page in result.pages:
        for box in page.boxes:
            if box.name == "banner" or isinstance(box, Shape) and box.name == "section band":
                continue
            if isinstance(box, TextFrame | Picture) or box.name in ("chart", "table"):
                assert box.y >= STRIP and box.bottom <= page.height - STRIP, (page.key, box.name)
