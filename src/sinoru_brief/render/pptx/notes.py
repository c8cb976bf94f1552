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

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import NotesSlidePart

NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"


class NotesWriter:
    """Add notes pages to the slides of one presentation."""

    def __init__(self) -> None:
        self._template = None

    def add(self, slide, notes: str) -> None:
        """Give *slide* a notes page holding *notes* (a notes master without a body placeholder gets none)."""
        if self._template is None:
            notes_slide = slide.notes_slide  # python-pptx: adds the notes master if missing, clones placeholders
            self._template = copy.deepcopy(notes_slide.part._element)
        else:
            notes_slide = self._new_part(slide.part).notes_slide
        frame = notes_slide.notes_text_frame
        if frame is not None:
            frame.text = notes

    def _new_part(self, slide_part) -> NotesSlidePart:
        package = slide_part.package
        master_part = package.presentation_part.notes_master_part
        part = NotesSlidePart(package.next_partname(NOTES_PARTNAME), CT.PML_NOTES_SLIDE, package,
                              copy.deepcopy(self._template))
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part
