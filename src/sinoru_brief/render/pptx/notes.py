"""Give slides their speaker notes: the first notes page made by python-pptx, every later one written as text.

python-pptx makes a notes page by cloning the notes master's placeholders
(slide image, notes body, slide number) one by one, through proxy objects:
about 8 ms a slide. Those placeholders do not depend on the slide, so the
first notes page is made by python-pptx and its XML, with a marker where the
notes text goes, is kept as text; every later page is that text with the
page's own paragraphs in a plain part, related exactly as python-pptx relates
one (notes master, then slide; then the slide to its notes).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart

from sinoru_brief.render.pptx.pptx_internals import add_new_relationship
from sinoru_brief.render.pptx.text import NSDECLS, text

if TYPE_CHECKING:
    from lxml import etree
    from pptx.oxml.xmlchemy import BaseOxmlElement

NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
BODY_TEXT = "./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']][1]/p:txBody"
#: Stands for the notes text in the kept XML: private-use characters no notes can hold.
_MARKER = "\ue000notes\ue001"


class NotesWriter:
    """Add notes pages to the slides of one presentation."""

    def __init__(self) -> None:
        self._before: bytes | None = None  # a notes page's XML up to its notes paragraphs ...
        self._after = b""  # ... and after them
        self._master_part: Part | None = None  # looked up once: the look-up indexes all the presentation's rels
        self._template: BaseOxmlElement | None = None  # a notes page to copy, where the text cannot be spliced in

    def add(self, slide_part: Part, notes: str) -> None:
        """Give the slide in *slide_part* a notes page holding *notes*.

        A notes master without a body placeholder gives pages without text.
        """
        if self._master_part is None:
            self._first(slide_part, notes)
            return
        package = slide_part.package
        part = Part(package.next_partname(NOTES_PARTNAME), CT.PML_NOTES_SLIDE, package)
        part.relate_to(self._master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        # A part made just now has no relationship to reuse: add one without searching the slide's.
        add_new_relationship(slide_part, RT.NOTES_SLIDE, part)
        if self._template is not None:
            page = copy.deepcopy(self._template)
            set_text(page.xpath(BODY_TEXT)[0], notes)
            part.blob = serialize_part_xml(page)
        elif self._before is None:  # no body placeholder: the page is the master's placeholders alone
            part.blob = self._after
        else:
            part.blob = self._before + paragraphs(notes).encode("utf-8") + self._after

    def _first(self, slide_part: Part, notes: str) -> None:
        """Make the first notes page with python-pptx (adding the notes master if missing), and keep its XML."""
        notes_part = NotesSlidePart.new(slide_part.package, slide_part)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        self._master_part = notes_part.part_related_by(RT.NOTES_MASTER)
        element = notes_part.notes_slide.element
        # The notes body is the first body placeholder, as python-pptx's notes_placeholder finds it.
        bodies = element.xpath(BODY_TEXT)
        if not bodies:
            self._after = serialize_part_xml(element)
            return
        set_text(bodies[0], _MARKER)
        before, marker, after = serialize_part_xml(element).partition(paragraphs(_MARKER).encode("utf-8"))
        if marker:
            self._before, self._after = before, after
        else:
            # A notes master that binds DrawingML to another prefix: later pages are made as trees.
            self._template = copy.deepcopy(element)
        set_text(bodies[0], notes)


def paragraphs(notes: str) -> str:
    """Return *notes* as ``a:p`` paragraphs, as python-pptx's ``TextFrame.text`` writes them.

    Each line is a paragraph; a vertical tab (PowerPoint's soft line break)
    is a line break inside one; empty runs are left out.
    """
    out = []
    for line in notes.split("\n"):
        pieces = line.split("\v")
        content = "<a:br/>".join(f"<a:r><a:t>{text(piece)}</a:t></a:r>" if piece else "" for piece in pieces)
        out.append(f"<a:p>{content}</a:p>")
    return "".join(out)


def set_text(body: etree._Element, notes: str) -> None:
    """Replace the paragraphs of the text body *body* with *notes* (see :func:`paragraphs`)."""
    for old in body.findall(qn("a:p")):
        body.remove(old)
    body.extend(list(parse_xml(f"<p:txBody {NSDECLS}>{paragraphs(notes)}</p:txBody>")))
