"""Collect one slide's shapes as XML text, and write the slide either as text or into python-pptx's tree.

Most slides never become python-pptx objects: their part is a plain
:class:`~pptx.opc.package.Part` whose bytes are the slide's XML, assembled as
text around the shapes (:class:`SlideXmlPart`). A slide with a chart is the
exception: python-pptx writes the chart's parts and embedded workbook, so
that slide is a python-pptx slide and the shapes written as text are parsed
into its tree (:meth:`SlideWriter.flush`) before each chart is added.

Either way shape ids continue from the largest id on the slide, as
python-pptx's ``_next_shape_id`` does, and relationship ids come from the
slide part in the order shapes need them, so both ways give the same XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu

from sinoru_brief.render.pptx.text import NSDECLS, attr

if TYPE_CHECKING:
    from pptx.opc.packuri import PackURI
    from pptx.package import Package
    from pptx.slide import Slide

#: The declaration python-pptx (lxml) writes at the head of every XML part.
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
#: The group properties every slide's shape tree starts with (python-pptx's new-slide template).
_TREE_START = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'


def background_xml(color: str) -> str:
    """Return the ``p:bg`` of a solid background of *color*, as python-pptx's ``background.fill.solid()`` writes it."""
    return f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{attr(color)}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'


class SlideXmlPart(Part):
    """A slide part whose content is XML text we assemble, not an element tree.

    It is related, named and typed as python-pptx's own slide parts are, so the
    package writes it like any other part; nothing reads it back as a slide.
    """

    @classmethod
    def new(cls, partname: PackURI, package: Package, layout_part: Part) -> SlideXmlPart:
        """Return an empty slide part named *partname*, related to its layout first (rId1), as python-pptx does."""
        part = cls(partname, CT.PML_SLIDE, package)
        part.relate_to(layout_part, RT.SLIDE_LAYOUT)
        return part


class SlideWriter:
    """Collect one slide's shapes as XML text, then put them in the slide's part.

    With *slide* (a python-pptx slide, for a page with a chart) the shapes
    are parsed into its tree; without, :meth:`finish` writes the whole slide
    as text into *part*, a :class:`SlideXmlPart`.
    """

    def __init__(self, part: Part, east_asian_font: str, slide: Slide | None = None) -> None:
        self.part = part
        self.slide = slide
        self.east_asian_font = east_asian_font
        self._pending: list[str] = []
        # A new slide's tree holds only its group properties (id 1) and any placeholders cloned into it.
        self.next_id = self._largest_id() + 1 if slide is not None else 2
        self.has_title = False  # on the default template: whether the title placeholder is filled

    def _largest_id(self) -> int:
        if self.slide is None:
            raise TypeError("a slide written as text has no tree to read ids from")
        ids = [int(value) for value in self.slide.shapes.element.xpath("//@id") if value.isdigit()]
        return max(ids, default=0)

    def link(self, url: str) -> str:
        """Return the slide's relationship id for an external hyperlink to *url*, added on first use."""
        r_id: str = self.part.relate_to(url, RT.HYPERLINK, is_external=True)
        return r_id

    def image(self, path: str, height: int) -> tuple[str, str, tuple[int, int]]:
        """Return the relationship id, description and size at *height* (aspect kept) of the image at *path*."""
        # What python-pptx's slide part does: one image part per distinct image in the package, related once.
        image_part = self.part.package.get_or_add_image_part(path)
        r_id: str = self.part.relate_to(image_part, RT.IMAGE)
        return r_id, image_part.desc, image_part.scale(None, Emu(height))

    def add(self, xml: str) -> None:
        """Queue one shape's XML; it must use :attr:`next_id` as its id."""
        self._pending.append(xml)
        self.next_id += 1

    def close_group(self, xml: str) -> None:
        """Queue the end of a group shape, which takes no shape id."""
        self._pending.append(xml)

    def flush(self) -> None:
        """On a python-pptx slide, parse the queued shapes and append them to its tree, before any extension list."""
        if self.slide is None or not self._pending:
            return
        tree = self.slide.shapes.element  # the p:spTree
        fragment = parse_xml(f"<p:spTree {NSDECLS}>{''.join(self._pending)}</p:spTree>")
        self._pending.clear()
        extensions = tree.find(qn("p:extLst"))
        for element in list(fragment):
            if extensions is not None:
                extensions.addprevious(element)
            else:
                tree.append(element)

    def python_pptx(self) -> Slide:
        """Return the slide's shapes for python-pptx to add one to, after the queued ones."""
        if self.slide is None:
            raise TypeError("this slide is written as text; a page with a chart must get a python-pptx slide")
        self.flush()
        return self.slide

    def finish(self, *, name: str, background: str | None, show_master_shapes: bool = True) -> None:
        """Put the queued shapes on the slide: into its tree, or as the whole text of its :class:`SlideXmlPart`.

        *name* is the slide's name (left out when empty, as python-pptx does),
        *background* a solid colour or None for the layout's own, and
        *show_master_shapes* false hides the master's shapes on this slide.
        """
        if self.slide is not None:
            self.flush()
            self.slide.name = name
            if background:
                _set_background(self.slide, background)
            if not show_master_shapes:
                self.slide.element.set("showMasterSp", "0")
            return
        hide = "" if show_master_shapes else ' showMasterSp="0"'
        named = f' name="{attr(name)}"' if name else ""
        fill = background_xml(background) if background else ""
        self.part.blob = (
            f"{XML_DECLARATION}<p:sld {NSDECLS}{hide}><p:cSld{named}>{fill}<p:spTree>{_TREE_START}"
            f"{''.join(self._pending)}</p:spTree></p:cSld>"
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
        ).encode("utf-8")
        self._pending.clear()


def _set_background(slide: Slide, color: str) -> None:
    """Give the python-pptx slide *slide* a solid background of *color*."""
    background = parse_xml(background_xml(color).replace("<p:bg>", f"<p:bg {NSDECLS}>", 1))
    c_sld = slide.element.find(qn("p:cSld"))
    old = c_sld.find(qn("p:bg"))
    if old is not None:
        c_sld.remove(old)
    c_sld.insert(0, background)
