"""A user's own PowerPoint master: load it safely and describe its masters, layouts and placeholders.

:func:`load_master` checks the file (zip limits, a presentation, at least one
slide master with layouts) and reads what the rest of the program needs into
plain, hashable data: the slide size, each master's theme fonts and colours,
and each layout's placeholders by type and idx with their positions. The file's
bytes travel along, so the writer can build the deck on the master itself.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from sinoru_brief.errors import TemplateError
from sinoru_brief.geometry import Rect
from sinoru_brief.theme.drawingml import NS, BlobLookup, Palette, read_scheme
from sinoru_brief.theme.master_zip import LIMITS, SAVE_AS_HINT, ZipLimits, fail, read_package
from sinoru_brief.units import Emu, emu_to_inches, inches

if TYPE_CHECKING:
    from pptx.opc.package import Part
    from pptx.slide import SlideLayout, SlideMaster

#: PowerPoint accepts slide sides from 1 to 56 inches.
SLIDE_SIDE_IN = (1.0, 56.0)
_VERTICAL = {"vert", "vert270", "eaVert", "wordArtVert", "wordArtVertRtl", "mongolianVert"}
#: The master placeholder a layout placeholder of each type takes its position and style from.
_BASE_TYPE = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}
MASTER_HINT = "open the file in PowerPoint, check View > Slide Master, and save it again"


@dataclass(frozen=True)
class PlaceholderInfo:
    """One placeholder: its OOXML type (``title``, ``body``, ``ctrTitle``, ``sldNum`` ...), idx and box."""

    type: str
    idx: int
    name: str
    rect: Rect | None
    vertical: bool = False
    #: The text the placeholder itself holds (a footer's wording, say), paragraphs joined by spaces.
    text: str = ""

    def describe(self) -> str:
        return f"{self.type}[{self.idx}]" + (" (vertical)" if self.vertical else "")


@dataclass(frozen=True)
class StaticText:
    """Text a master or layout draws by itself (not a placeholder): it shows on every slide using it."""

    text: str
    rect: Rect | None


@dataclass(frozen=True)
class LayoutInfo:
    """One slide layout of a master."""

    master: int
    index: int
    name: str
    placeholders: tuple[PlaceholderInfo, ...]
    background: str | None = None  # its own background colour estimate; None = the master's
    static_text: tuple[StaticText, ...] = ()
    shows_master_shapes: bool = True
    shapes: tuple[Rect, ...] = ()  # its own shapes that are not placeholders (drawn on every slide)

    def of_type(self, *types: str) -> list[PlaceholderInfo]:
        return [p for p in self.placeholders if p.type in types]

    @property
    def label(self) -> str:
        """The layout's name as one printable line (names may hold line breaks)."""
        return "'" + self.name.replace("\n", "\\n") + "'"


@dataclass(frozen=True)
class MasterInfo:
    """One slide master with its theme and layouts."""

    index: int
    name: str
    layouts: tuple[LayoutInfo, ...]
    placeholders: tuple[PlaceholderInfo, ...]
    scheme: tuple[tuple[str, str], ...]  # theme colour slots (dk1, lt1, accent1 ...) -> RRGGBB
    clr_map: tuple[tuple[str, str], ...]  # bg1 -> lt1, tx1 -> dk1, ...
    major_font: str
    minor_font: str
    east_asian_font: str
    background: str  # colour estimate of the master's background
    title_color: str | None  # from the master's title text style
    text_color: str | None  # from the master's body text style
    static_text: tuple[StaticText, ...] = ()
    shapes: tuple[Rect, ...] = ()

    @property
    def palette(self) -> Palette:
        return Palette(dict(self.scheme), dict(self.clr_map))

    def footer_text(self) -> str:
        """Return the footer wording the organisation set for every slide, or "" when it set none.

        PowerPoint's "Apply to All" writes the footer into every layout's
        footer placeholder; text only in the master's own placeholder is never
        shown on a slide (templates often hold a prompt such as "<footer>"
        there), so only wording every footer-bearing layout carries counts.
        """
        texts = {p.text for layout in self.layouts for p in layout.placeholders if p.type == "ftr"}
        if len(texts) != 1:
            return ""
        return texts.pop()


@dataclass(frozen=True, eq=False)
class MasterTemplate:
    """A loaded, checked master file: what the look, the mapping and the writer need from it.

    Everything but the path is read from the bytes, so the path and the bytes'
    digest decide equality: a theme holding a master stays a cheap cache key.
    """

    path: Path
    width: Emu
    height: Emu
    masters: tuple[MasterInfo, ...]
    digest: str
    data: bytes = field(repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MasterTemplate):
            return NotImplemented
        return (self.path, self.digest) == (other.path, other.digest)

    def __hash__(self) -> int:
        return hash((self.path, self.digest))

    def layouts(self) -> list[LayoutInfo]:
        return [layout for master in self.masters for layout in master.layouts]


def load_master(path: str | Path, limits: ZipLimits = LIMITS) -> MasterTemplate:
    """Load and check the PowerPoint file at *path* as a master.

    Raises :class:`TemplateError` naming the file and saying how to fix it when
    the file is not a zip, not a presentation, has no slide master or no
    layouts, is a zip bomb or holds a huge picture.
    """
    from pptx import Presentation

    path = Path(path)
    data, _ = read_package(path, limits)
    try:
        prs = Presentation(io.BytesIO(data))
        masters = list(prs.slide_masters)
        width, height = prs.slide_width, prs.slide_height
    except TemplateError:
        raise
    except Exception as exc:  # any defect python-pptx trips over is the file's, not ours
        raise fail(
            path, f"PowerPoint parts in the file cannot be read ({type(exc).__name__}: {exc})", SAVE_AS_HINT
        ) from None
    if not masters:
        raise fail(path, "the presentation has no slide master", MASTER_HINT)
    if width is None or height is None:
        raise fail(
            path,
            "the presentation does not say its slide size",
            "set it in PowerPoint with Design > Slide Size and save again",
        )
    slide_w, slide_h = Emu(int(width)), Emu(int(height))
    low, high = (inches(side) for side in SLIDE_SIDE_IN)
    if not (low <= slide_w <= high and low <= slide_h <= high):
        raise fail(
            path,
            f"the slide size {emu_to_inches(slide_w):g} x {emu_to_inches(slide_h):g} in is outside "
            f"PowerPoint's range of {SLIDE_SIDE_IN[0]:g} to {SLIDE_SIDE_IN[1]:g} in",
            "set a normal size with Design > Slide Size",
        )
    try:
        infos = tuple(_master_info(i, master) for i, master in enumerate(masters))
    except Exception as exc:  # as above: a broken layout or theme is the file's defect
        raise fail(
            path, f"a slide master or layout cannot be read ({type(exc).__name__}: {exc})", MASTER_HINT
        ) from None
    if not any(m.layouts for m in infos):
        raise fail(path, "the slide master has no layouts", MASTER_HINT + "; a master needs at least one layout")
    return MasterTemplate(
        path=path.resolve(),
        width=slide_w,
        height=slide_h,
        masters=infos,
        digest=hashlib.sha256(data).hexdigest(),
        data=data,
    )


def _master_info(index: int, master: SlideMaster) -> MasterInfo:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        theme_xml = master.part.part_related_by(RT.THEME).blob
    except KeyError:
        theme_xml = b""
    scheme, major, minor, east_asian = read_scheme(theme_xml) if theme_xml else ({}, "", "", "")
    # The public ``element`` property, not ``_element``: private python-pptx uses belong in
    # render/pptx, which theme sits below and may not import (pyproject's layers contract).
    element: etree._Element = master.element
    clr_map_el = element.find("p:clrMap", NS)
    clr_map = dict(clr_map_el.attrib) if clr_map_el is not None else {}
    palette = Palette(scheme, clr_map)
    blob = _blob_lookup(master.part)
    placeholders = tuple(
        _placeholder(sp, None)
        for sp in element.iterfind("p:cSld/p:spTree/p:sp", NS)
        if sp.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None
    )
    background = _background(element, palette, blob) or palette.slot("bg1") or "FFFFFF"
    styles = element.find("p:txStyles", NS)
    title_color = text_color = None
    if styles is not None:
        title_color = palette.fill(styles.find("p:titleStyle/a:lvl1pPr/a:defRPr", NS))
        text_color = palette.fill(styles.find("p:bodyStyle/a:lvl1pPr/a:defRPr", NS))
    layouts = tuple(_layout_info(index, i, layout, element, palette) for i, layout in enumerate(master.slide_layouts))
    name = element.find("p:cSld", NS).get("name", "") if element.find("p:cSld", NS) is not None else ""
    return MasterInfo(
        index=index,
        name=name or f"Master {index + 1}",
        layouts=layouts,
        placeholders=placeholders,
        scheme=tuple(scheme.items()),
        clr_map=tuple(palette.clr_map.items()),
        major_font=major,
        minor_font=minor,
        east_asian_font=east_asian,
        background=background,
        title_color=title_color or palette.slot("tx1"),
        text_color=text_color or palette.slot("tx1"),
        static_text=_static_text(element),
        shapes=_shape_rects(element),
    )


def _layout_info(
    master_index: int, index: int, layout: SlideLayout, master_el: etree._Element, palette: Palette
) -> LayoutInfo:
    element: etree._Element = layout.element
    placeholders = tuple(
        _placeholder(sp, master_el)
        for sp in element.iterfind("p:cSld/p:spTree/p:sp", NS)
        if sp.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None
    )
    return LayoutInfo(
        master=master_index,
        index=index,
        name=layout.name or f"Layout {index + 1}",
        placeholders=placeholders,
        background=_background(element, palette, _blob_lookup(layout.part)),
        static_text=_static_text(element),
        shapes=_shape_rects(element),
        shows_master_shapes=element.get("showMasterSp", "1") not in ("0", "false"),
    )


def _placeholder(sp: etree._Element, master_el: etree._Element | None) -> PlaceholderInfo:
    ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
    ph_type = ph.get("type", "obj")
    base = _master_placeholder(master_el, _BASE_TYPE.get(ph_type, ph_type)) if master_el is not None else None
    rect = _rect(sp) or (_rect(base) if base is not None else None)
    vert = _vert(sp) or (_vert(base) if base is not None else "")
    name = sp.find("p:nvSpPr/p:cNvPr", NS).get("name", "")
    paragraphs = ("".join(t.text or "" for t in p.iterfind(".//a:t", NS)) for p in sp.iterfind("p:txBody/a:p", NS))
    text = " ".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return PlaceholderInfo(
        type=ph_type,
        idx=int(ph.get("idx", "0") or 0),
        name=name,
        rect=rect,
        vertical=vert in _VERTICAL or ph.get("orient") == "vert",
        text=text,
    )


def _master_placeholder(master_el: etree._Element, ph_type: str) -> etree._Element | None:
    for sp in master_el.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type", "obj") == ph_type:
            return sp
    return None


def _shape_rects(element: etree._Element) -> tuple[Rect, ...]:
    """Return the boxes of the top-level shapes that are not placeholders."""
    rects = []
    for shape in element.iterfind("p:cSld/p:spTree/*", NS):
        if shape.find("*/p:nvPr/p:ph", NS) is not None:
            continue
        rect = _rect(shape)
        if rect is not None:
            rects.append(rect)
    return tuple(rects)


def _rect(sp: etree._Element) -> Rect | None:
    xfrm = next(
        (
            x
            for x in (sp.find("p:spPr/a:xfrm", NS), sp.find("p:grpSpPr/a:xfrm", NS), sp.find("p:xfrm", NS))
            if x is not None
        ),
        None,
    )
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if off is None or ext is None:
        return None
    return Rect(_length(off, "x"), _length(off, "y"), _length(ext, "cx"), _length(ext, "cy"))


def _length(element: etree._Element, name: str) -> Emu:
    """Return the EMU length in attribute *name* of *element*, 0 when it is absent."""
    return Emu(int(element.get(name, "0")))


def _vert(sp: etree._Element) -> str:
    body = sp.find("p:txBody/a:bodyPr", NS)
    return body.get("vert", "") if body is not None else ""


def _static_text(element: etree._Element) -> tuple[StaticText, ...]:
    """Return the text of shapes that are not placeholders (they show on every slide)."""
    found = []
    for sp in element.iterfind("p:cSld/p:spTree//p:sp", NS):
        if sp.find("p:nvSpPr/p:nvPr/p:ph", NS) is not None:
            continue
        text = "\n".join(
            "".join(t.text or "" for t in p.iterfind(".//a:t", NS)) for p in sp.iterfind("p:txBody/a:p", NS)
        ).strip()
        if text:
            found.append(StaticText(text=text, rect=_rect(sp)))
    return tuple(found)


def _background(element: etree._Element, palette: Palette, blob: BlobLookup) -> str | None:
    bg = element.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    props = bg.find("p:bgPr", NS)
    if props is not None:
        return palette.fill(props, blob)
    ref = bg.find("p:bgRef", NS)
    if ref is not None:
        # A reference to the theme's background fill styles, tinted with this colour: the colour is the best guess.
        return palette.first_color(ref)
    return None


def _blob_lookup(part: Part) -> BlobLookup:
    def blob(r_id: str) -> bytes | None:
        try:
            data: bytes = part.related_part(r_id).blob
        except (KeyError, AttributeError):
            return None
        return data

    return blob
