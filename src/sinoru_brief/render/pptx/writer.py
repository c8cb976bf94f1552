"""Write laid-out pages to an editable .pptx, deterministically and atomically."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.dml.color import RGBColor
from pptx.util import Emu

from sinoru_brief.atomic import write_atomic
from sinoru_brief.layout.pages import ChartFrame, Page, Picture, Shape, TableFrame, TextFrame
from sinoru_brief.render.pptx.master import MasterDeck, SlideOnLayout, finish, neutralise_inherited
from sinoru_brief.render.pptx.package import normalised_zip, use_fast_partnames
from sinoru_brief.render.pptx.shapes import add_chart, add_picture, add_shape, add_table
from sinoru_brief.render.pptx.text import fill_text_frame
from sinoru_brief.theme.master import MasterTemplate

BLANK_LAYOUT = 6  # "Blank" in python-pptx's default template


def stamp_time(fallback: dt.date | None) -> dt.datetime:
    """Return the timestamp for core properties: ``SOURCE_DATE_EPOCH`` if set, else the deck date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    day = fallback or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def build_presentation(pages: list[Page], *, title: str, author: str, east_asian_font: str,
                       stamp: dt.datetime, link_color: str = "",
                       progress: Callable[[int, int], None] | None = None,
                       master: MasterTemplate | None = None):
    """Return a python-pptx Presentation holding *pages*.

    Clients draw hyperlinks in the theme's hyperlink colour, not the run's;
    *link_color* (RRGGBB) sets it so links stay readable on any background.
    With a *master*, the deck is built on it instead (see :mod:`.master`): its
    layouts, placeholders, backgrounds and theme (hyperlink colour included)
    stay as the organisation made them; *pages* must be laid out at its size.
    """
    deck = MasterDeck(master) if master else None
    if deck:
        prs = deck.presentation
        if pages and (pages[0].width, pages[0].height) != (master.width, master.height):
            raise ValueError(f"pages are laid out at {pages[0].width} x {pages[0].height} EMU but the master "
                             f"{master.path.name} is {master.width} x {master.height}; lay out with "
                             f"theme_with_master(theme, master)")
    else:
        prs = Presentation()
    use_fast_partnames(prs)
    if link_color and (not deck or (pages and deck.links_unreadable(pages[0].background))):
        # On a master, its own hyperlink colour is kept unless it cannot be read on its background.
        _set_link_colour(prs, link_color, deck.mapping.master if deck else 0)
    if pages and not deck:
        prs.slide_width, prs.slide_height = Emu(pages[0].width), Emu(pages[0].height)
        # The default template says "screen4x3"; any other size must not claim it.
        if (pages[0].width, pages[0].height) != (9_144_000, 6_858_000):
            prs.part._element.sldSz.attrib.pop("type", None)
    notes = 0
    for index, page in enumerate(pages):
        if deck:
            target = deck.add_slide(page)
            slide = target.slide
        else:
            target, slide = None, prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
            # On a master, the slide shows the layout's own background (picture, gradient ...) instead.
            fill = slide.background.fill
            fill.solid()
            fill.fore_color.rgb = RGBColor.from_string(page.background)
        slide.name = page.key
        for box in page.boxes:
            _add_box(slide, box, east_asian_font, deck, target)
        if page.notes:
            slide.notes_slide.notes_text_frame.text = page.notes
            notes += 1
        if progress:
            progress(index + 1, len(pages))
    if deck:
        finish(prs, len(pages), notes)
    props = prs.core_properties
    props.title = title
    props.author = author or "sinoru-brief"
    props.last_modified_by = "sinoru-brief"
    props.created = props.modified = stamp
    props.revision = 1
    props.last_printed = stamp
    return prs


def _set_link_colour(prs, color: str, master_index: int = 0) -> None:
    theme = prs.slide_masters[master_index].part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    for tag in ("a:hlink", "a:folHlink"):
        slot = scheme.find(qn(tag))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=color)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_box(slide, box, east_asian_font: str, deck: MasterDeck | None = None,
             target: SlideOnLayout | None = None) -> None:
    if isinstance(box, TextFrame):
        shape = deck.text_shape(target, box) if deck and target else None
        placeholder = shape is not None
        if shape is None:
            shape = slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
            shape.name = box.name or box.role
        if box.fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(box.fill)
        fill_text_frame(shape.text_frame, box.paragraphs, box.insets, box.anchor, east_asian_font,
                        slide_number_field=box.role == "number")
        if placeholder:
            neutralise_inherited(shape.text_frame)
    elif isinstance(box, Shape):
        add_shape(slide, box)
    elif isinstance(box, ChartFrame):
        add_chart(slide, box)
    elif isinstance(box, TableFrame):
        add_table(slide, box, east_asian_font)
    elif isinstance(box, Picture):
        add_picture(slide, box)
    else:  # pragma: no cover - a new box type without a writer is a programming error
        raise TypeError(f"no writer for {type(box).__name__}")


def pptx_bytes(pages: list[Page], **options) -> bytes:
    """Return the .pptx file for *pages* as bytes, byte-identical for identical inputs."""
    prs = build_presentation(pages, **options)
    buffer = io.BytesIO()
    prs.save(buffer)
    return normalised_zip(buffer.getvalue())


def write_pptx(pages: list[Page], path: Path, **options) -> None:
    """Write *pages* to *path*; a failure leaves any previous file untouched."""
    data = pptx_bytes(pages, **options)
    write_atomic(Path(path), data)
