"""Give slides their speaker notes, building each notes page from a copy of the first rather than from scratch.

python-pptx makes a notes page by cloning the notes master's placeholders
(slide image, notes body, slide number) one by one, through proxy objects:
about 8 ms a slide, most of the time left in writing a deck once the shapes
were written as XML. Those placeholders do not depend on the slide, so the
first notes page is made by python-pptx, a copy of its empty tree is kept, and
every later page is that copy in a new part, related exactly as python-pptx
relates one (notes master, then slide; then the slide to its notes).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.parts.slide import NotesSlidePart

from sinoru_brief.render.pptx.text import NSDECLS, text

if TYPE_CHECKING:
    from lxml import etree
    from pptx.opc.package import Part
    from pptx.oxml.xmlchemy import BaseOxmlElement
    from pptx.parts.slide import SlidePart
    from pptx.slide import Slide

NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
BODY_TEXT = "./p:cSld/p:spTree/p:sp[p:nvSpPr/p:nvPr/p:ph[@type='body']][1]/p:txBody"


class NotesWriter:
    """Add notes pages to the slides of one presentation."""

    def __init__(self) -> None:
        self._template: BaseOxmlElement | None = None
        self._master_part: Part | None = None  # looked up once: the look-up indexes all the presentation's rels

    def add(self, slide: Slide, notes: str) -> None:
        """Give *slide* a notes page holding *notes* (a notes master without a body placeholder gets none)."""
        if self._template is None or self._master_part is None:
            notes_slide = slide.notes_slide  # python-pptx: adds the notes master if missing, clones placeholders
            self._template = copy.deepcopy(notes_slide.part._element)
            self._master_part = notes_slide.part.part_related_by(RT.NOTES_MASTER)
            element = notes_slide.part._element
        else:
            element = self._new_part(slide.part, self._template, self._master_part)._element
        # The notes body is the first body placeholder, as python-pptx's notes_placeholder finds it.
        bodies = element.xpath(BODY_TEXT)
        if bodies:
            set_text(bodies[0], notes)

    @staticmethod
    def _new_part(slide_part: SlidePart, template: BaseOxmlElement, master_part: Part) -> NotesSlidePart:
        package = slide_part.package
        part = NotesSlidePart(
            package.next_partname(NOTES_PARTNAME), CT.PML_NOTES_SLIDE, package, copy.deepcopy(template)
        )
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        # A part made just now has no relationship to reuse: add one without searching the slide's.
        slide_part.rels._add_relationship(RT.NOTES_SLIDE, part)
        return part


def set_text(body: etree._Element, notes: str) -> None:
    """Replace the paragraphs of the text body *body* with *notes*, as python-pptx's ``TextFrame.text`` does.

    Each line is a paragraph; a vertical tab (PowerPoint's soft line break)
    is a line break inside one; empty runs are left out.
    """
    paragraphs = []
    for line in notes.split("\n"):
        pieces = line.split("\v")
        content = "<a:br/>".join(f"<a:r><a:t>{text(piece)}</a:t></a:r>" if piece else "" for piece in pieces)
        paragraphs.append(f"<a:p>{content}</a:p>")
    for old in body.findall(qn("a:p")):
        body.remove(old)
    body.extend(list(parse_xml(f"<p:txBody {NSDECLS}>{''.join(paragraphs)}</p:txBody>")))
