"""Read what the accessibility rules need from any .pptx: slides, their shapes, text colours and backgrounds.

The package is read with the standard library and lxml, not python-pptx, so
that a file python-pptx would refuse can still be checked. Properties a
shape inherits are looked up the way PowerPoint does: the shape, then the
matching placeholder on the layout and on the master, then the master's text
styles; a colour is resolved through the slide's colour map and the theme.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from sinoru_brief.check.colors import A, color_child, resolve
from sinoru_brief.geometry import Rect
from sinoru_brief.units import Emu, Pt, centipoints_to_pt

#: How a group maps its children's coordinates to the slide: the enclosing group's transform (or None),
#: then the group's offset and extent and its children's offset and extent, eight numbers.
GroupTransform = tuple["GroupTransform | None", tuple[int, ...]]

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
P = f"{{{NS['p']}}}"
R_ID = f"{{{NS['r']}}}id"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
TITLE_TYPES = frozenset({"title", "ctrTitle"})
DEFAULT_SIZE = Pt(18.0)  # PowerPoint's size for text that sets none
SHAPE_TAGS = frozenset(P + t for t in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp", "contentPart"))


class UnreadableDeck(Exception):
    """The file is not a presentation this check can read (not a zip, no presentation part …)."""


@dataclass(frozen=True)
class Run:
    """A run of text with the colour, size and weight it is drawn in (colour None when not readable)."""

    text: str
    color: str | None
    size: Pt
    bold: bool


@dataclass
class ShapeInfo:
    """One shape of a slide as the rules see it; position in EMU, None when the file does not say."""

    name: str
    kind: str  # sp, pic, graphicFrame, grpSp, cxnSp, contentPart
    graphic: str = ""  # chart, table, diagram, ole or other, for a graphic frame
    x: Emu | None = None
    y: Emu | None = None
    w: Emu | None = None
    h: Emu | None = None
    alt_text: str = ""
    decorative: bool = False
    placeholder: str | None = None  # the placeholder type (body when the file names none), None if not one
    fill: str | None = None  # the shape's own solid fill
    fill_unknown: bool = False  # a gradient, picture or pattern fill: the background cannot be read
    runs: list[Run] = field(default_factory=list)
    table_header: bool = False
    table_cells: list[tuple[str | None, bool, list[Run]]] = field(default_factory=list)  # fill, fill known, runs
    top_level: bool = True
    #: Inside a group that has alternative text or is decorative: the group speaks for it (a timeline's dots).
    covered: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs).strip()

    @property
    def has_box(self) -> bool:
        return self.rect is not None

    @property
    def rect(self) -> Rect | None:
        """Return the shape's rectangle on the slide, or None when the file does not give all four sides."""
        if self.x is None or self.y is None or self.w is None or self.h is None:
            return None
        return Rect(self.x, self.y, self.w, self.h)


@dataclass
class SlideInfo:
    """One slide: its number, part name, shapes in document (reading) order and background colour."""

    number: int
    part: str
    shapes: list[ShapeInfo]
    background: str | None  # None when it is a picture or gradient, or cannot be resolved
    width: Emu
    height: Emu


class _Package:
    def __init__(self, data: bytes) -> None:
        import io

        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            self.parts = {"/" + i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableDeck(f"not a PowerPoint file (not a readable zip: {exc})") from None
        self._xml: dict[str, etree._Element] = {}

    def xml(self, part: str) -> etree._Element:
        if part not in self._xml:
            data = self.parts.get(part)
            if data is None:
                raise UnreadableDeck(f"the package has no part {part}")
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            try:
                self._xml[part] = etree.fromstring(data, parser)
            except etree.XMLSyntaxError as exc:
                raise UnreadableDeck(f"{part} is not well-formed XML ({exc})") from None
        return self._xml[part]

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Return rId -> (type, target part) for *part*'s internal relationships."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", name + ".rels")
        if rels_part not in self.parts:
            return {}
        out = {}
        for rel in self.xml(rels_part):
            if rel.get("TargetMode") == "External":
                continue
            target = unquote(rel.get("Target", "").split("#", 1)[0])
            base = "/" if part == "/" else posixpath.dirname(part)
            path = target if target.startswith("/") else posixpath.join(base, target)
            out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(path))
        return out

    def related(self, part: str, type_suffix: str) -> str | None:
        return next((t for kind, t in self.rels(part).values() if kind.endswith("/" + type_suffix)), None)


def read_deck(data: bytes) -> list[SlideInfo]:
    """Return the slides of the .pptx *data* in presentation order.

    Raises :class:`UnreadableDeck` when the file is not a presentation.
    """
    package = _Package(data)
    main = next((t for kind, t in package.rels("/").values() if kind == OFFICE_DOCUMENT), None)
    if main is None:
        raise UnreadableDeck("not a PowerPoint file (the package names no main document)")
    presentation = package.xml(main)
    if etree.QName(presentation).localname != "presentation":
        raise UnreadableDeck("not a PowerPoint file (its main document is not a presentation)")
    size = presentation.find("p:sldSz", NS)
    width = Emu(int(size.get("cx", "12192000")) if size is not None else 12192000)
    height = Emu(int(size.get("cy", "6858000")) if size is not None else 6858000)
    rels = package.rels(main)
    slides = []
    for number, slide_id in enumerate(presentation.iterfind("p:sldIdLst/p:sldId", NS), start=1):
        rel = rels.get(slide_id.get(R_ID, ""))
        if rel is None or rel[1] not in package.parts:
            raise UnreadableDeck(f"slide {number} is listed but its part is missing")
        slides.append(_SlideReader(package, rel[1], number).read(width, height))
    return slides


class _SlideReader:
    """Read one slide with its layout, master and theme, for inherited positions, colours and sizes."""

    def __init__(self, package: _Package, part: str, number: int) -> None:
        self.package, self.part, self.number = package, part, number
        self.slide = package.xml(part)
        layout = package.related(part, "slideLayout")
        self.layout = package.xml(layout) if layout in package.parts else None
        master = package.related(layout, "slideMaster") if layout else None
        self.master = package.xml(master) if master in package.parts else None
        theme = package.related(master, "theme") if master else None
        self.scheme = _scheme(package.xml(theme)) if theme in package.parts else {}
        self.color_map = self._color_map()

    def _color_map(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for root, path in (
            (self.master, "p:clrMap"),
            (self.layout, "p:clrMapOvr/a:overrideClrMapping"),
            (self.slide, "p:clrMapOvr/a:overrideClrMapping"),
        ):
            element = root.find(path, NS) if root is not None else None
            if element is not None:
                mapping = dict(element.attrib)
        return mapping

    def color(self, element: etree._Element | None, placeholder: str | None = None) -> str | None:
        return resolve(element, self.scheme, self.color_map, placeholder)

    def read(self, width: Emu, height: Emu) -> SlideInfo:
        tree = self.slide.find("p:cSld/p:spTree", NS)
        shapes: list[ShapeInfo] = []
        if tree is not None:
            self._shapes(tree, shapes, None, top_level=True)
        return SlideInfo(self.number, self.part, shapes, self._background(), width, height)

    def _background(self) -> str | None:
        for root in (self.slide, self.layout, self.master):
            bg = root.find("p:cSld/p:bg", NS) if root is not None else None
            if bg is None:
                continue
            props = bg.find("p:bgPr", NS)
            if props is not None:
                fill = props.find("a:solidFill", NS)
                return self.color(color_child(fill)) if fill is not None else None
            ref = bg.find("p:bgRef", NS)
            return self.color(color_child(ref)) if ref is not None else None
        return "FFFFFF"  # no background anywhere: PowerPoint shows white

    def _shapes(
        self,
        tree: etree._Element,
        out: list[ShapeInfo],
        group: GroupTransform | None,
        top_level: bool,
        covered: bool = False,
    ) -> None:
        for element in tree:
            if element.tag not in SHAPE_TAGS:
                if etree.QName(element).localname == "AlternateContent":
                    choice = element[0] if len(element) else None
                    if choice is not None:
                        self._shapes(choice, out, group, top_level, covered)
                continue
            info = self._shape(element, group)
            info.top_level = top_level
            info.covered = covered
            out.append(info)
            if info.kind == "grpSp":
                self._shapes(
                    element,
                    out,
                    _group_transform(element, group),
                    top_level=False,
                    covered=covered or bool(info.alt_text) or info.decorative,
                )

    def _shape(self, element: etree._Element, group: GroupTransform | None) -> ShapeInfo:
        kind = etree.QName(element).localname
        c_nv_pr = element.find("*/p:cNvPr", NS)
        name = c_nv_pr.get("name", "") if c_nv_pr is not None else ""
        info = ShapeInfo(name=name or f"(unnamed {kind})", kind=kind)
        if c_nv_pr is not None:
            info.alt_text = (c_nv_pr.get("descr") or c_nv_pr.get("title") or "").strip()
            info.decorative = any(
                ext.get("uri") == DECORATIVE_URI and any(child.get("val") in ("1", "true") for child in ext)
                for ext in c_nv_pr.iterfind("a:extLst/a:ext", NS)
            )
        ph = element.find("*/p:nvPr/p:ph", NS)
        if ph is not None:
            info.placeholder = ph.get("type", "body")
        self._position(element, info, ph, group)
        self._fill(element, info)
        if kind == "graphicFrame":
            self._graphic(element, info, ph)
        body = element.find("p:txBody", NS)
        if body is not None:
            info.runs = self._runs(body, element, ph)
        return info

    def _position(
        self, element: etree._Element, info: ShapeInfo, ph: etree._Element | None, group: GroupTransform | None
    ) -> None:
        xfrm = element.find("p:spPr/a:xfrm", NS) if info.kind != "graphicFrame" else element.find("p:xfrm", NS)
        if xfrm is None and info.kind == "grpSp":
            xfrm = element.find("p:grpSpPr/a:xfrm", NS)
        if xfrm is None and ph is not None:
            xfrm = self._inherited(ph, "p:spPr/a:xfrm")
        off = xfrm.find("a:off", NS) if xfrm is not None else None
        ext = xfrm.find("a:ext", NS) if xfrm is not None else None
        if off is None or ext is None:
            return
        try:
            x, y, w, h = (int(v) for v in (off.get("x"), off.get("y"), ext.get("cx"), ext.get("cy")))
        except (TypeError, ValueError):
            return
        if group:
            x, y, w, h = _apply_group(group, x, y, w, h)
        info.x, info.y, info.w, info.h = Emu(x), Emu(y), Emu(w), Emu(h)

    def _fill(self, element: etree._Element, info: ShapeInfo) -> None:
        props = element.find("p:spPr", NS)
        if props is not None:
            for child in props:
                name = etree.QName(child).localname
                if name == "solidFill":
                    info.fill = self.color(color_child(child))
                    info.fill_unknown = info.fill is None
                    return
                if name == "noFill":
                    return
                if name in ("gradFill", "blipFill", "pattFill", "grpFill"):
                    info.fill_unknown = True
                    return
        ref = element.find("p:style/a:fillRef", NS)
        if ref is not None and ref.get("idx", "0") not in ("0", ""):
            info.fill = self.color(color_child(ref))
            info.fill_unknown = info.fill is None

    def _graphic(self, element: etree._Element, info: ShapeInfo, ph: etree._Element | None) -> None:
        data = element.find("a:graphic/a:graphicData", NS)
        uri = data.get("uri", "") if data is not None else ""
        info.graphic = (
            "chart"
            if uri.endswith("/chart")
            else "table"
            if uri.endswith("/table")
            else "diagram"
            if uri.endswith("/diagram")
            else "ole"
            if uri.endswith("/ole")
            else "other"
        )
        table = data.find("a:tbl", NS) if data is not None else None
        if table is None:
            return
        props = table.find("a:tblPr", NS)
        info.table_header = props is not None and props.get("firstRow") in ("1", "true")
        for cell in table.iterfind("a:tr/a:tc", NS):
            cell_props = cell.find("a:tcPr", NS)
            fill, known = None, False
            if cell_props is not None:
                solid = cell_props.find("a:solidFill", NS)
                if solid is not None:
                    fill = self.color(color_child(solid))
                    known = fill is not None
                elif cell_props.find("a:noFill", NS) is not None:
                    known = True  # the slide shows through
            body = cell.find("a:txBody", NS)
            info.table_cells.append((fill, known, self._runs(body, None, None) if body is not None else []))

    def _inherited(self, ph: etree._Element, path: str) -> etree._Element | None:
        """Return *path* under the layout's, then the master's placeholder matching *ph*."""
        for root in (self.layout, self.master):
            match = _matching_placeholder(root, ph) if root is not None else None
            found = match.find(path, NS) if match is not None else None
            if found is not None:
                return found
        return None

    def _level_sources(
        self, body: etree._Element, shape: etree._Element | None, ph: etree._Element | None, level: int
    ) -> Iterator[etree._Element | None]:
        """Yield the property elements a paragraph at *level* inherits from, nearest first."""
        tag = f"a:lvl{level + 1}pPr/a:defRPr"
        yield body.find(f"a:lstStyle/{tag}", NS)
        if ph is not None:
            for root in (self.layout, self.master):
                match = _matching_placeholder(root, ph) if root is not None else None
                if match is not None:
                    yield match.find(f"p:txBody/a:lstStyle/{tag}", NS)
        if shape is not None and ph is None:
            ref = shape.find("p:style/a:fontRef", NS)
            if ref is not None:
                yield ref  # carries the colour only
        if self.master is not None:
            style = (
                "p:txStyles/p:titleStyle"
                if ph is not None and ph.get("type") in TITLE_TYPES
                else "p:txStyles/p:bodyStyle"
                if ph is not None
                else "p:txStyles/p:otherStyle"
            )
            yield self.master.find(f"{style}/{tag}", NS)

    def _runs(self, body: etree._Element, shape: etree._Element | None, ph: etree._Element | None) -> list[Run]:
        runs = []
        for para in body.iterfind("a:p", NS):
            props = para.find("a:pPr", NS)
            level = int(props.get("lvl", "0")) if props is not None and props.get("lvl", "0").isdigit() else 0
            inherited = [e for e in self._level_sources(body, shape, ph, level) if e is not None]
            for run in para:
                if etree.QName(run).localname not in ("r", "fld"):
                    continue
                text = run.findtext("a:t", default="", namespaces=NS)
                chain = [run.find("a:rPr", NS)] + ([props.find("a:defRPr", NS)] if props is not None else [])
                chain = [e for e in chain if e is not None] + inherited
                runs.append(Run(text, self._run_color(chain), _run_size(chain), _run_bold(chain)))
        return runs

    def _run_color(self, chain: list[etree._Element]) -> str | None:
        for element in chain:
            if element.tag == A + "fontRef":
                return self.color(color_child(element))
            fill = element.find("a:solidFill", NS)
            if fill is not None:
                return self.color(color_child(fill))
            if element.find("a:gradFill", NS) is not None or element.find("a:noFill", NS) is not None:
                return None
        return self.color_map_default()

    def color_map_default(self) -> str | None:
        """Return the colour text has when nothing sets one: the theme's text colour, tx1."""
        return self.scheme.get(self.color_map.get("tx1", "dk1")) or "000000"


def _run_size(chain: list[etree._Element]) -> Pt:
    for element in chain:
        size = element.get("sz")
        if size and size.isdigit():
            return centipoints_to_pt(int(size))
    return DEFAULT_SIZE


def _run_bold(chain: list[etree._Element]) -> bool:
    for element in chain:
        bold = element.get("b")
        if bold is not None:
            return bold in ("1", "true")
    return False


def _matching_placeholder(root: etree._Element, ph: etree._Element) -> etree._Element | None:
    """Return the shape of *root* whose placeholder matches *ph*: same idx, else same type."""
    kind, idx = ph.get("type", "body"), ph.get("idx")
    by_type = None
    for shape in root.iterfind("p:cSld/p:spTree/p:sp", NS):
        other = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if other is None:
            continue
        if idx is not None and other.get("idx") == idx and kind not in TITLE_TYPES:
            return shape
        other_kind = other.get("type", "body")
        if by_type is None and (other_kind == kind or {kind, other_kind} <= TITLE_TYPES):
            by_type = shape
    return by_type


def _scheme(theme: etree._Element) -> dict[str, str]:
    scheme = theme.find("a:themeElements/a:clrScheme", NS)
    colors: dict[str, str] = {}
    if scheme is not None:
        for slot in scheme:
            value = color_child(slot)
            if value is not None:
                rgb = value.get("val") if etree.QName(value).localname == "srgbClr" else value.get("lastClr")
                if rgb:
                    colors[etree.QName(slot).localname] = rgb.upper()
    return colors


def _group_transform(element: etree._Element, outer: GroupTransform | None) -> GroupTransform | None:
    """Return (outer, off, ext, child off, child ext) mapping a group's child coordinates to the slide."""
    xfrm = element.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None:
        return outer
    try:
        values = tuple(
            int(xfrm.find(f"a:{tag}", NS).get(attr))
            for tag, attr in (
                ("off", "x"),
                ("off", "y"),
                ("ext", "cx"),
                ("ext", "cy"),
                ("chOff", "x"),
                ("chOff", "y"),
                ("chExt", "cx"),
                ("chExt", "cy"),
            )
        )
    except (AttributeError, TypeError, ValueError):
        return outer
    return (outer, values)


def _apply_group(group: GroupTransform, x: int, y: int, w: int, h: int) -> tuple[int, int, int, int]:
    outer, (ox, oy, ow, oh, cx, cy, cw, ch) = group
    sx = ow / cw if cw else 1.0
    sy = oh / ch if ch else 1.0
    x, y, w, h = round(ox + (x - cx) * sx), round(oy + (y - cy) * sy), round(w * sx), round(h * sy)
    return _apply_group(outer, x, y, w, h) if outer else (x, y, w, h)
