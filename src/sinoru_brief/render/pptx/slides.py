"""Add slides to a presentation in constant time each, as python-pptx's ``add_slide`` would.

python-pptx's ``Slides.add_slide`` is quadratic in the number of slides: to
relate the new slide it looks for an existing relationship to it by indexing
all of the presentation's relationships, and to number it it reads every slide
id. A new slide part cannot have a relationship yet, and slide ids only grow
while we add slides, so :class:`SlideAdder` relates directly and counts. The
slides, their part names, relationship ids and slide ids are the ones
python-pptx gives.
"""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING, Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import SlidePart

from sinoru_brief.render.pptx.pptx_internals import add_new_relationship, append_slide_id
from sinoru_brief.render.pptx.slide_writer import SlideXmlPart

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

#: The range of slide ids PowerPoint accepts (ECMA-376 ST_SlideId).
MIN_SLIDE_ID, MAX_SLIDE_ID = 256, 2147483647


class SlideAdder:
    """Add slides to one presentation; nothing else may add slides to it meanwhile."""

    def __init__(self, presentation: Presentation) -> None:
        self._presentation = presentation
        self._part = presentation.part
        self._ids = presentation.slides.element  # the p:sldIdLst
        used = [int(value) for value in self._ids.xpath("./p:sldId/@id")]
        self._next_id = max([MIN_SLIDE_ID - 1, *used]) + 1
        # python-pptx names the n-th slide slide<n>.xml, counting the slide list each time.
        self._next_number = len(used) + 1
        self._clones: dict[object, bool] = {}  # layout part -> whether it has placeholders a slide copies
        self._clone_xml: dict[object, list[Any]] = {}  # layout part -> the placeholders python-pptx cloned for it

    def add(self, layout: SlideLayout, placeholders: bool = True) -> Slide:
        """Return a new slide on *layout*, last in the deck, with the layout's placeholders cloned.

        With *placeholders* false the slide starts with an empty shape tree
        (a caller that would remove the clones at once).
        """
        if self._next_id > MAX_SLIDE_ID:  # ids used up from the top: python-pptx searches for a free one
            added: Slide = self._presentation.slides.add_slide(layout)
            self._next_number += 1
            return added
        slide_part = SlidePart.new(self._partname(), self._part.package, layout.part)
        slide: Slide = slide_part.slide
        self._list(slide_part)
        if placeholders and self._has_clones(layout):
            self._clone_placeholders(slide, layout)
        return slide

    def add_xml(self, layout: SlideLayout) -> SlideXmlPart | None:
        """Return a new slide part on *layout*, last in the deck, whose XML the caller writes as text.

        Returns None when slide ids must be searched for (see :meth:`add`):
        the caller then adds a python-pptx slide instead.
        """
        if self._next_id > MAX_SLIDE_ID:
            return None
        part = SlideXmlPart.new(self._partname(), self._part.package, layout.part)
        self._list(part)
        return part

    def _partname(self) -> PackURI:
        name = PackURI(f"/ppt/slides/slide{self._next_number}.xml")
        self._next_number += 1
        return name

    def _list(self, slide_part: Part) -> None:
        """Relate *slide_part* to the presentation and put it last in the slide list."""
        # A part made just now has no relationship to reuse: add one without searching for it.
        r_id = add_new_relationship(self._part, RT.SLIDE, slide_part)
        append_slide_id(self._ids, self._next_id, r_id)
        self._next_id += 1

    def _clone_placeholders(self, slide: Slide, layout: SlideLayout) -> None:
        """Give *slide* the layout's placeholders: cloned by python-pptx once per layout, then copied.

        python-pptx finds each placeholder's type, index, size and orientation
        by XPath for every slide; on a new slide's empty shape tree the clones
        come out the same every time (same ids, names and order), so later
        slides get copies of the first slide's.
        """
        tree = slide.shapes.element  # the p:spTree
        made = self._clone_xml.get(layout.part)
        if made is None:
            before = len(tree)
            slide.shapes.clone_layout_placeholders(layout)
            self._clone_xml[layout.part] = [deepcopy(element) for element in list(tree)[before:]]
            return
        for element in made:
            tree.append(deepcopy(element))

    def _has_clones(self, layout: SlideLayout) -> bool:
        """Return whether slides on *layout* get placeholders (a blank layout's date and footer are not copied)."""
        known = self._clones.get(layout.part)
        if known is None:
            known = self._clones[layout.part] = any(True for _ in layout.iter_cloneable_placeholders())
        return known
