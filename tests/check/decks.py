"""Small decks made with python-pptx to pass, or to break exactly one accessibility rule each."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

ICON = Path(__file__).resolve().parents[2] / "assets" / "icons" / "sinoru-brief-48.png"
TITLE_ONLY, BLANK = 5, 6  # layouts of python-pptx's default template


def new_deck() -> Presentation:
    return Presentation()


def titled_slide(deck: Presentation, title: str):
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    slide.shapes.title.text = title
    return slide


def text_box(
    slide,
    text: str,
    top: float,
    *,
    left: float = 1.0,
    color: str = "000000",
    size: float = 18,
    bold: bool = False,
    name: str = "",
):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(4), Inches(0.8))
    run = box.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.color.rgb = RGBColor.from_string(color)
    run.font.size = Pt(size)
    run.font.bold = bold
    if name:
        box.name = name
    return box


def picture(slide, *, alt: str = "", name: str = "", top: float = 5.5):
    shape = slide.shapes.add_picture(str(ICON), Inches(7), Inches(top), Emu(457200), Emu(457200))
    shape._element.nvPicPr.cNvPr.set("descr", alt)
    if name:
        shape.name = name
    return shape


def table(slide, *, header: bool = True, alt: str = "Table: two rows", top: float = 3.0):
    frame = slide.shapes.add_table(2, 2, Inches(1), Inches(top), Inches(4), Inches(1))
    frame.table.first_row = header
    frame._element.nvGraphicFramePr.cNvPr.set("descr", alt)
    for r in range(2):
        for c in range(2):
            frame.table.cell(r, c).text = f"cell {r}{c}"
    return frame


def mark_decorative(shape) -> None:
    """Mark *shape* decorative, as PowerPoint's "Mark as decorative" writes it."""
    from lxml import etree

    c_nv_pr = shape._element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    ext_list = etree.SubElement(c_nv_pr, f"{{{a}}}extLst")
    ext = etree.SubElement(ext_list, f"{{{a}}}ext", uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}")
    etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative", val="1")


def to_bytes(deck: Presentation) -> bytes:
    stream = io.BytesIO()
    deck.save(stream)
    return stream.getvalue()


def good_deck(extra: Callable[[Presentation], None] | None = None) -> bytes:
    """Return a deck that passes every rule; *extra* may add one fault on a third slide."""
    deck = new_deck()
    first = titled_slide(deck, "Partnership overview")
    text_box(first, "Leaders met three times in 2024.", 2.0)
    picture(first, alt="Logo of the briefing unit")
    second = titled_slide(deck, "Joint exercises")
    table(second)
    if extra:
        extra(deck)
    return to_bytes(deck)
