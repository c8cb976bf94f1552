"""Build a deck on a user's master: drop its sample slides cleanly, then place pages on its layouts.

The master file is opened afresh for every export. Its own slides are removed
with every reference to them (the slide list, custom shows, sections, view
settings), so that nothing reaches their parts any more: python-pptx saves only
parts reachable through relationships, so their notes, charts and pictures
that nothing else uses are not written, and new slides can reuse their names.
The thumbnail (a picture of the master's first sample slide), macros and the
sample slides' document properties go too.

Each page goes on the layout :func:`~sinoru_brief.theme.mapping.mapping`
chose for its kind. The layout's placeholders are not copied as python-pptx
would; a placeholder is added only for a text frame it will hold (title,
subtitle, footer, date, slide number; bulleted body text stays a text box, see
:data:`~sinoru_brief.theme.mapping.ROLE_PLACEHOLDERS`), with our frame's position, size,
line spacing and fonts written explicitly. So the slide title is a real title
(outline view, accessibility checker, slide sorter), nothing says "Click to add
text", and the text fits exactly as laid out, whatever the master's own styles.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from sinoru_brief.layout.pages import Page, TextFrame
from sinoru_brief.render.pptx.pptx_internals import package_relationships, xml_part_element
from sinoru_brief.render.pptx.slides import SlideAdder
from sinoru_brief.render.pptx.text import LinkIds, attr, solid, text_body, xfrm
from sinoru_brief.theme.drawingml import SAFE_PARSER, contrast
from sinoru_brief.theme.mapping import LayoutMapping, mapping, placeholder_for
from sinoru_brief.theme.master import LayoutInfo, MasterTemplate, PlaceholderInfo

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.presentation import Presentation as PptxPresentation
    from pptx.slide import Slide

#: The least contrast (WCAG) a hyperlink needs on the background; below it, our accent colour is used.
LINK_CONTRAST = 3.0
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
#: The extension holding PowerPoint 2010's slide sections, which list slides by id.
SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>sinoru-brief</Application><Slides>{slides}</Slides><Notes>{notes}</Notes>"
    "</Properties>"
)


def open_master(master: MasterTemplate) -> PptxPresentation:
    """Return a python-pptx Presentation of *master* with its sample slides and their parts removed."""
    prs: PptxPresentation = Presentation(io.BytesIO(master.data))
    remove_slides(prs)
    package = prs.part.package
    package_rels = package_relationships(package)
    for rels in (prs.part.rels, package_rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype in (RT_VBA, RT.THUMBNAIL):
                rels.pop(r_id)
    for r_id, rel in list(package_rels.items()):
        # LibreOffice relates core properties with an older type python-pptx does not know; it would add
        # a second /docProps/core.xml beside the first. Relate the same part with the standard type.
        if rel.reltype != RT.CORE_PROPERTIES and rel.reltype.endswith("/metadata/core-properties"):
            package.drop_rel(r_id)
            package.relate_to(rel.target_part, RT.CORE_PROPERTIES)
    return prs


def remove_slides(prs: PptxPresentation) -> None:
    """Remove every slide of *prs*, and every reference to one, so their parts are no longer saved."""
    presentation = prs.part
    root = prs.element  # the presentation part's p:presentation
    slide_ids = root.find(qn("p:sldIdLst"))
    dropped = set()
    if slide_ids is not None:
        for slide_id in list(slide_ids):
            r_id = slide_id.get(qn("r:id"))
            if r_id in presentation.rels:
                dropped.add(presentation.rels[r_id].target_part)
            slide_ids.remove(slide_id)
    # Custom shows and sections list the removed slides; left behind, PowerPoint offers to repair the file.
    for tag in ("p:custShowLst",):
        for element in root.findall(qn(tag)):
            root.remove(element)
    for ext in root.findall(f"{qn('p:extLst')}/{qn('p:ext')}"):
        if ext.get("uri") == SECTIONS_EXT:
            ext.getparent().remove(ext)
    for part in list(presentation.package.iter_parts()):
        if part in dropped:
            continue
        for r_id, rel in list(part.rels.items()):
            if not rel.is_external and rel.target_part in dropped:
                _remove_references(part, r_id)
                part.rels.pop(r_id)
    for r_id, rel in list(presentation.rels.items()):
        if not rel.is_external and rel.target_part in dropped:
            presentation.rels.pop(r_id)


def _remove_references(part: Part, r_id: str) -> None:
    """Remove the elements of *part* that name relationship *r_id* (e.g. ``p:sld`` in a view's slide list)."""
    element = xml_part_element(part)
    root = element
    if root is None:
        # python-pptx keeps parts it has no class for (view properties, ...) as bytes.
        try:
            root = etree.fromstring(part.blob, SAFE_PARSER)
        except etree.XMLSyntaxError:
            return
    for node in list(root.iter()):
        if any(value == r_id for name, value in node.attrib.items() if name.startswith(f"{{{NS_R}}}")):
            parent = node.getparent()
            if parent is not None:
                parent.remove(node)
    if element is None:
        part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def finish(prs: PptxPresentation, slides: int, notes: int) -> None:
    """Replace the master's extended properties (its sample slides' titles and counts) with the deck's."""
    try:
        app = prs.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        return
    # python-pptx has no class for extended properties: the part is bytes, which blob replaces.
    app.blob = _APP_XML.format(slides=slides, notes=notes).encode("utf-8")
    props = prs.core_properties
    # The master's subject, keywords and comments describe the template, not this deck.
    for name in ("subject", "keywords", "category", "comments", "content_status", "identifier", "version"):
        setattr(props, name, "")


@dataclass
class SlideOnLayout:
    """A slide being filled: its part (and python-pptx slide, if it has one), layout and the placeholders used."""

    part: Part
    slide: Slide | None
    layout: LayoutInfo
    hide_master_shapes: bool = False
    used: set[int] = field(default_factory=set)


class MasterDeck:
    """Place pages on a master's layouts, filling the placeholders that fit our text frames."""

    def __init__(self, master: MasterTemplate):
        self.master = master
        self.mapping: LayoutMapping = mapping(master)
        self.presentation = open_master(master)
        self._slide_master = self.presentation.slide_masters[self.mapping.master]
        self._slides = SlideAdder(self.presentation)

    def links_unreadable(self, background: str) -> bool:
        """Return whether the master's hyperlink colour is too faint on *background* to read."""
        link = self.master.masters[self.mapping.master].palette.slot("hlink")
        return link is None or contrast(link, background) < LINK_CONTRAST

    def add_slide(self, page: Page, as_text: bool = True) -> SlideOnLayout:
        """Add a slide for *page* on its kind's layout, with no placeholders yet.

        With *as_text* the slide's XML is written as text (see
        :mod:`.slide_writer`) where it can be; otherwise it is a python-pptx slide.
        """
        choice = self.mapping.for_kind(page.kind)
        layout = choice.layout
        slide_layout = self._slide_master.slide_layouts[layout.index]
        text_part = self._slides.add_xml(slide_layout) if as_text else None
        if text_part is not None:
            return SlideOnLayout(part=text_part, slide=None, layout=layout, hide_master_shapes=choice.hide_shapes)
        # The layout's placeholders are not copied: placeholder_xml writes the ones our frames use.
        slide = self._slides.add(slide_layout, placeholders=False)
        return SlideOnLayout(part=slide.part, slide=slide, layout=layout, hide_master_shapes=choice.hide_shapes)

    def text_placeholder(self, target: SlideOnLayout, frame: TextFrame) -> PlaceholderInfo | None:
        """Return the layout's placeholder that should hold *frame*, marking it used, or None for a text box."""
        return placeholder_for(target.layout, frame.role, target.used)


# Placeholders inherit capitals, letter spacing and vertical text from the master; these undo it.
PLACEHOLDER_BODY = ' vert="horz" rot="0" numCol="1"'
PLACEHOLDER_RUN = ' cap="none" spc="0"'


def placeholder_xml(
    placeholder: PlaceholderInfo, frame: TextFrame, shape_id: int, east_asian_font: str, links: LinkIds
) -> str:
    """Return a p:sp placeholder of the layout's type and idx holding *frame*, at *frame*'s position and size.

    Everything that would change text widths is written explicitly rather
    than inherited, so the text fits exactly as laid out.
    """
    # "obj" is the default type and idx 0 the default index: both are written by leaving them out.
    ph_type = f' type="{attr(placeholder.type)}"' if placeholder.type != "obj" else ""
    ph_idx = f' idx="{placeholder.idx}"' if placeholder.idx else ""
    fill = solid(frame.fill) if frame.fill else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attr(frame.name or frame.role)}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{ph_type}{ph_idx}/></p:nvPr></p:nvSpPr>'
        f"<p:spPr>{xfrm(frame.x, frame.y, frame.w, frame.h)}{fill}</p:spPr>"
        f"{text_body(frame, east_asian_font, links, PLACEHOLDER_BODY, PLACEHOLDER_RUN)}</p:sp>"
    )
