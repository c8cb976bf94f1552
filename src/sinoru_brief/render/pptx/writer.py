"""Write laid-out pages to an editable .pptx, deterministically and atomically.

python-pptx makes the package: the presentation, a user's master, the notes
master and the first notes page, charts, pictures' parts and the
relationships between parts. The slides themselves are XML text: the shapes
we own (text boxes, placeholders, plain shapes, pictures, tables) are written
as text (see :mod:`.text` and :mod:`.shapes`), and each slide's whole XML is
assembled around them (:mod:`.slide_writer`), with shape ids and relationship
ids handed out in the order python-pptx would. Only a slide with a chart is a
python-pptx slide, its shapes parsed into its tree. The package's content is
what python-pptx writes when it builds every slide itself
(tests/render/pptx/test_slide_text.py compares the two).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu

from sinoru_brief.atomic import write_atomic
from sinoru_brief.layout.pages import Box, ChartFrame, Page, Picture, Shape, TableFrame, TextFrame
from sinoru_brief.render.pptx import groups, shapes
from sinoru_brief.render.pptx.master import MasterDeck, SlideOnLayout, finish, placeholder_xml
from sinoru_brief.render.pptx.notes import NotesWriter
from sinoru_brief.render.pptx.package import package_bytes, use_fast_partnames
from sinoru_brief.render.pptx.slide_writer import SlideWriter
from sinoru_brief.render.pptx.slides import SlideAdder
from sinoru_brief.theme.master import MasterTemplate, PlaceholderInfo
from sinoru_brief.units import inches

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PptxPresentation

#: "Title Only" in python-pptx's default template: each slide's title goes into the layout's title
#: placeholder, so PowerPoint, screen readers and the outline view know it as the slide's title.
TITLE_ONLY_LAYOUT = 5
_TITLE = PlaceholderInfo(type="title", idx=0, name="Title", rect=None)
#: The slide size of python-pptx's default template, which it names "screen4x3".
_SCREEN_4X3 = (inches(10.0), inches(7.5))


def stamp_time(fallback: dt.date | None) -> dt.datetime:
    """Return the timestamp for core properties: ``SOURCE_DATE_EPOCH`` if set, else the deck date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    day = fallback or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def build_presentation(
    pages: list[Page],
    *,
    title: str,
    author: str,
    east_asian_font: str,
    stamp: dt.datetime,
    link_color: str = "",
    progress: Callable[[int, int], None] | None = None,
    master: MasterTemplate | None = None,
) -> PptxPresentation:
    """Return a python-pptx Presentation holding *pages*.

    Clients draw hyperlinks in the theme's hyperlink colour, not the run's;
    *link_color* (RRGGBB) sets it so links stay readable on any background.
    With a *master*, the deck is built on it instead (see :mod:`.master`): its
    layouts, placeholders, backgrounds and theme (hyperlink colour included)
    stay as the organisation made them; *pages* must be laid out at its size.
    """
    deck = MasterDeck(master) if master else None
    prs: PptxPresentation
    if deck and master:
        prs = deck.presentation
        if pages and (pages[0].width, pages[0].height) != (master.width, master.height):
            raise ValueError(
                f"pages are laid out at {pages[0].width} x {pages[0].height} EMU but the master "
                f"{master.path.name} is {master.width} x {master.height}; lay out with "
                f"theme_with_master(theme, master)"
            )
    else:
        prs = Presentation()
    use_fast_partnames(prs)
    if link_color and (not deck or (pages and deck.links_unreadable(pages[0].background))):
        # On a master, its own hyperlink colour is kept unless it cannot be read on its background.
        _set_link_colour(prs, link_color, deck.mapping.master if deck else 0)
    if pages and not deck:
        prs.slide_width, prs.slide_height = Emu(pages[0].width), Emu(pages[0].height)
        # The default template says "screen4x3"; any other size must not claim it.
        if (pages[0].width, pages[0].height) != _SCREEN_4X3:
            prs.element.sldSz.attrib.pop("type", None)
    notes = 0
    notes_writer = NotesWriter()
    if not deck:
        slides, layout = SlideAdder(prs), prs.slide_layouts[TITLE_ONLY_LAYOUT]
    for index, page in enumerate(pages):
        # python-pptx writes charts: a page with one gets a python-pptx slide; every other page is text.
        as_text = not any(isinstance(box, ChartFrame) for box in page.boxes)
        target: SlideOnLayout | None = None
        writer: SlideWriter
        if deck:
            target = deck.add_slide(page, as_text)
            writer = SlideWriter(target.part, east_asian_font, target.slide)
        else:
            # Our title goes into a title placeholder we write ourselves: a cloned, empty one would show
            # "Click to add title" in PowerPoint and give the slide two titles.
            part = slides.add_xml(layout) if as_text else None
            if part is not None:
                writer = SlideWriter(part, east_asian_font)
            else:
                slide = slides.add(layout, placeholders=False)
                writer = SlideWriter(slide.part, east_asian_font, slide)
        opening = {group.start: group for group in groups.writable_groups(page)}
        closing = {group.stop - 1 for group in opening.values()}
        for at, box in enumerate(page.boxes):  # not "index": that counts the pages, for the progress report
            if at in opening:
                writer.add(groups.open_group(opening[at], page.boxes, writer.next_id))  # takes a shape id
            _add_box(writer, box, deck, target)
            if at in closing:
                writer.close_group(groups.CLOSE_GROUP)
        # On a master, the slide shows the layout's own background (picture, gradient ...) instead.
        writer.finish(
            name=page.key,
            background=None if deck else page.background,
            show_master_shapes=not (target and target.hide_master_shapes),
        )
        if page.notes:
            notes_writer.add(writer.part, page.notes)
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


def _set_link_colour(prs: PptxPresentation, color: str, master_index: int = 0) -> None:
    theme = prs.slide_masters[master_index].part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    scheme = root.find(f".//{qn('a:clrScheme')}")
    for tag in ("a:hlink", "a:folHlink"):
        slot = scheme.find(qn(tag))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), val=color)
    # python-pptx has no class for a theme: the part is bytes, which blob replaces.
    theme.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_box(
    writer: SlideWriter, box: Box, deck: MasterDeck | None = None, target: SlideOnLayout | None = None
) -> None:
    font = writer.east_asian_font
    if isinstance(box, TextFrame):
        if deck and target:
            placeholder = deck.text_placeholder(target, box)
        else:
            placeholder = _TITLE if box.role == "title" and not writer.has_title else None
            writer.has_title = writer.has_title or placeholder is not None
        if placeholder is not None:
            writer.add(placeholder_xml(placeholder, box, writer.next_id, font, writer.link))
        else:
            writer.add(shapes.text_box(box, writer.next_id, font, writer.link))
    elif isinstance(box, Shape):
        writer.add(
            shapes.line(box, writer.next_id) if box.geometry == "line" else shapes.auto_shape(box, writer.next_id)
        )
    elif isinstance(box, ChartFrame):
        shapes.add_chart(writer.python_pptx(), box)
        writer.next_id = writer._largest_id() + 1
    elif isinstance(box, TableFrame):
        writer.add(shapes.table(box, writer.next_id, font, writer.link))
    elif isinstance(box, Picture):
        r_id, description, size = writer.image(box.path, box.h)
        writer.add(shapes.picture(box, writer.next_id, r_id, description, size))
    else:  # pragma: no cover - a new box type without a writer is a programming error
        raise TypeError(f"no writer for {type(box).__name__}")


def pptx_bytes(pages: list[Page], **options: Any) -> bytes:
    """Return the .pptx file for *pages* as bytes, byte-identical for identical inputs."""
    return package_bytes(build_presentation(pages, **options))


def write_pptx(pages: list[Page], path: Path, **options: Any) -> None:
    """Write *pages* to *path*; a failure leaves any previous file untouched."""
    data = pptx_bytes(pages, **options)
    write_atomic(Path(path), data)
