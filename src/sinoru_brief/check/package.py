"""Check that a .pptx is a valid Office Open XML package, as PowerPoint checks it before it opens a file.

Two checks, both returning a list of :class:`Finding` (empty when the file is
clean), for ``sinoru-brief check`` (see :mod:`sinoru_brief.check.validity`)
and the test suite:

- :func:`check_package` applies the package rules PowerPoint enforces before it
  offers to "repair" a file: the zip opens, every part has a content type, no two
  part names differ only in case, every internal relationship target exists,
  every ``r:`` reference in a part's XML names a relationship of that part, no
  two shapes on a slide share an id, and python-pptx reopens the file.
- :func:`sinoru_brief.check.schemas.check_schemas` validates the PresentationML, DrawingML and package
  parts against the ECMA-376 transitional schemas (``assets/ooxml-xsd``),
  after resolving markup-compatibility blocks as an Office 2007 consumer would.

Findings that are known to be harmless are dropped by an explicit allow-list
(:data:`KNOWN_HARMLESS`), each entry with its reason; docs/validity.md lists them.
Pass ``allow=()`` to see everything.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from sinoru_brief.check.markup_compat import resolve_markup_compatibility

NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"

CONTENT_TYPES = "/[Content_Types].xml"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
#: Content type of a part -> (kind, schema file relative to the schema folder).
SCHEMA_FOR_CONTENT_TYPE: dict[str, tuple[str, str]] = {
    _PML + "presentation.main+xml": ("presentation", "pml.xsd"),
    _PML + "template.main+xml": ("presentation", "pml.xsd"),
    _PML + "slideshow.main+xml": ("presentation", "pml.xsd"),
    _PML + "slide+xml": ("slide", "pml.xsd"),
    _PML + "slideLayout+xml": ("slideLayout", "pml.xsd"),
    _PML + "slideMaster+xml": ("slideMaster", "pml.xsd"),
    _PML + "notesSlide+xml": ("notesSlide", "pml.xsd"),
    _PML + "notesMaster+xml": ("notesMaster", "pml.xsd"),
    _PML + "handoutMaster+xml": ("handoutMaster", "pml.xsd"),
    _PML + "presProps+xml": ("presProps", "pml.xsd"),
    _PML + "viewProps+xml": ("viewProps", "pml.xsd"),
    _PML + "tableStyles+xml": ("tableStyles", "dml-main.xsd"),
    "application/vnd.openxmlformats-officedocument.theme+xml": ("theme", "dml-main.xsd"),
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml": ("chart", "dml-chart.xsd"),
    RELS_TYPE: ("relationships", "opc-xsd/opc-relationships.xsd"),
}
#: Parts whose shapes PowerPoint numbers: ids must be unique within each.
SHAPE_TREE_KINDS = frozenset({"slide", "slideLayout", "slideMaster", "notesSlide", "notesMaster", "handoutMaster"})


@dataclass(frozen=True)
class Finding:
    """One problem in a package: the part it is in, what is wrong, and which check found it.

    ``kind`` is one of ``zip``, ``xml``, ``content-type``, ``duplicate-part``,
    ``relationship``, ``r-id``, ``shape-id``, ``reopen`` and ``schema``.
    """

    part: str
    message: str
    kind: str

    def __str__(self) -> str:
        return f"{self.part or '(package)'}: [{self.kind}] {self.message}"


@dataclass(frozen=True)
class Allowance:
    """A finding known to be harmless: matched by kind, part-name and message patterns."""

    kind: str
    part: str
    message: str
    reason: str

    def matches(self, finding: Finding) -> bool:
        return (
            finding.kind == self.kind
            and re.fullmatch(self.part, finding.part) is not None
            and re.search(self.message, finding.message) is not None
        )


KNOWN_HARMLESS: tuple[Allowance, ...] = (
    Allowance(
        kind="schema",
        part=r"/ppt/charts/chart\d+\.xml",
        message=r"\{http://schemas\.openxmlformats\.org/drawingml/2006/chart\}(axId|crossAx)', attribute 'val': "
        r"'-\d+' is not a valid value of the atomic type 'xsd?:unsignedInt'",
        reason="python-pptx 1.0.2 writes fixed negative axis ids (e.g. -2068027336) from its chart templates; "
        "the schema types them xs:unsignedInt, but PowerPoint reads them as signed 32-bit and opens the "
        "chart without repair.",
    ),
)


def unexpected(findings: Iterable[Finding], allow: Sequence[Allowance] = KNOWN_HARMLESS) -> list[Finding]:
    """Return the findings that no allowance in *allow* covers."""
    return [f for f in findings if not any(a.matches(f) for a in allow)]


# ---------------------------------------------------------------- package model


@dataclass
class Package:
    """The zip's parts by part name (``/ppt/slides/slide1.xml``) and the content-type table."""

    parts: dict[str, bytes]  # every part but the content-type stream
    content_types: bytes | None  # the content-type stream itself, if the zip has one
    defaults: dict[str, str]  # lower-case extension -> content type
    overrides: dict[str, str]  # lower-case part name -> content type

    def content_type(self, part: str) -> str | None:
        override = self.overrides.get(part.lower())
        if override is not None:
            return override
        # The extension is what follows the last dot of the last segment, so "/_rels/.rels" has "rels"
        # (posixpath.splitext would call ".rels" a hidden file with no extension).
        name = posixpath.basename(part)
        return self.defaults.get(name.rsplit(".", 1)[1].lower()) if "." in name else None

    def xml_parts(self) -> Iterator[tuple[str, str]]:
        """Yield (part name, content type) for the parts held as XML."""
        for part in self.parts:
            ctype = self.content_type(part)
            if ctype and (ctype.endswith("+xml") or ctype in ("application/xml", "text/xml")):
                yield part, ctype


def open_package(data: bytes) -> tuple[Package | None, list[Finding]]:
    """Read the zip; return the package (None if it cannot be read) and the findings so far."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        parts: dict[str, bytes] = {}
        findings: list[Finding] = []
        for info in infos:
            if info.is_dir():
                continue
            name = "/" + info.filename
            if name in parts:
                findings.append(Finding(name, "the zip holds this entry more than once", "duplicate-part"))
            parts[name] = archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        return None, [Finding("", f"not a readable zip: {exc}", "zip")]
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    content_types = parts.pop(CONTENT_TYPES, None)
    if content_types is None:
        findings.append(Finding(CONTENT_TYPES, "the package has no content-type stream", "content-type"))
    else:
        root = parse_part(content_types)
        if isinstance(root, str):
            findings.append(Finding(CONTENT_TYPES, root, "xml"))
        else:
            for element in root.iter(f"{{{NS_CT}}}Default"):
                defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
            for element in root.iter(f"{{{NS_CT}}}Override"):
                overrides[element.get("PartName", "").lower()] = element.get("ContentType", "")
    return Package(parts, content_types, defaults, overrides), findings


def parse_part(data: bytes) -> etree._Element | str:
    """Return the root element of *data*, or a message saying why it is not well-formed XML."""
    # resolve_entities=False and no_network=True: a part is data, never a reason to fetch or expand anything.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        return f"not well-formed XML: {exc}"


def _rels_part(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _source_of_rels(rels: str) -> str | None:
    """Return the part a ``.rels`` part describes (``/`` for the package), or None if it is not one."""
    folder, name = posixpath.split(rels)
    if posixpath.basename(folder) != "_rels" or not name.endswith(".rels"):
        return None
    return posixpath.join(posixpath.dirname(folder), name[: -len(".rels")])


def _resolve_target(source: str, target: str) -> str:
    base = "/" if source == "/" else posixpath.dirname(source)
    path = unquote(target.split("#", 1)[0])
    return posixpath.normpath(path if path.startswith("/") else posixpath.join(base, path))


# ---------------------------------------------------------------- package checks


def check_package(data: bytes, allow: Sequence[Allowance] = KNOWN_HARMLESS) -> list[Finding]:
    """Return the packaging problems in the .pptx *data* (empty when PowerPoint would open it unrepaired)."""
    package, findings = open_package(data)
    if package is None:
        return unexpected(findings, allow)
    findings += _check_content_types(package)
    findings += _check_duplicate_names(package)
    rel_ids, rel_findings = _check_relationships(package)
    findings += rel_findings
    for part, ctype in package.xml_parts():
        if ctype == RELS_TYPE:
            continue
        root = parse_part(package.parts[part])
        if isinstance(root, str):
            findings.append(Finding(part, root, "xml"))
            continue
        findings += _check_r_ids(part, root, rel_ids.get(part, {}))
        kind = SCHEMA_FOR_CONTENT_TYPE.get(ctype, ("", ""))[0]
        if kind in SHAPE_TREE_KINDS:
            findings += _check_shape_ids(part, resolve_markup_compatibility(root))
    findings += _check_reopens(data)
    return unexpected(findings, allow)


def _check_content_types(package: Package) -> list[Finding]:
    return [
        Finding(
            part, "no content type: neither an Override for the part nor a Default for its extension", "content-type"
        )
        for part in package.parts
        if not package.content_type(part)
    ]


def _check_duplicate_names(package: Package) -> list[Finding]:
    # OPC compares part names case-insensitively (ECMA-376 Part 2), so two zip entries
    # that differ only in case are the same part twice.
    seen: dict[str, str] = {CONTENT_TYPES.lower(): CONTENT_TYPES}
    findings = []
    for part in package.parts:
        first = seen.setdefault(part.lower(), part)
        if first != part:
            findings.append(Finding(part, f"part name equals {first} ignoring case", "duplicate-part"))
    return findings


def _check_relationships(package: Package) -> tuple[dict[str, dict[str, str]], list[Finding]]:
    """Check every .rels part; return each source part's relationship ids -> types, and the findings."""
    names = {p.lower() for p in package.parts}
    rel_ids: dict[str, dict[str, str]] = {}
    findings: list[Finding] = []
    for part in package.parts:
        source = _source_of_rels(part)
        if source is None:
            continue
        if source != "/" and source.lower() not in names:
            findings.append(Finding(part, f"relationships of a part that does not exist: {source}", "relationship"))
        root = parse_part(package.parts[part])
        if isinstance(root, str):
            findings.append(Finding(part, root, "xml"))
            continue
        ids = rel_ids.setdefault(source, {})
        for rel in root.iter(f"{{{NS_RELS}}}Relationship"):
            rid, target = rel.get("Id", ""), rel.get("Target", "")
            if rid in ids:
                findings.append(Finding(part, f"relationship id {rid} is used twice", "relationship"))
            ids[rid] = rel.get("Type", "")
            if rel.get("TargetMode") == "External":
                continue
            resolved = _resolve_target(source, target)
            if resolved.lower() not in names:
                findings.append(
                    Finding(
                        part,
                        f"relationship {rid} targets {target!r}, which resolves to "
                        f"{resolved}, a part that does not exist",
                        "relationship",
                    )
                )
    return rel_ids, findings


def _check_r_ids(part: str, root: etree._Element, ids: dict[str, str]) -> list[Finding]:
    findings = []
    for element in root.iter("*"):
        for name, value in element.attrib.items():
            if not name.startswith(f"{{{NS_R}}}") or value in ids:
                continue
            # PowerPoint writes r:id="" on a:hlinkClick for actions with no target (next slide, end show).
            if not value and etree.QName(element).localname.startswith("hlink"):
                continue
            attribute = "r:" + name.split("}", 1)[1]
            findings.append(
                Finding(
                    part, f"{_local(element)} {attribute}={value!r} names no relationship in {_rels_part(part)}", "r-id"
                )
            )
    return findings


def _check_shape_ids(part: str, root: etree._Element) -> list[Finding]:
    counts: dict[str, int] = {}
    for nv in root.iter(f"{{{NS_P}}}cNvPr"):
        counts[nv.get("id", "")] = counts.get(nv.get("id", ""), 0) + 1
    return [
        Finding(part, f"shape id {sid} is used by {n} shapes (p:cNvPr/@id must be unique)", "shape-id")
        for sid, n in counts.items()
        if n > 1
    ]


def _check_reopens(data: bytes) -> list[Finding]:
    from pptx import Presentation

    # python-pptx silently drops a relationship whose target is missing and reads parts lazily,
    # so reopening means following every slide to its layout, notes, charts and images.
    try:
        presentation = Presentation(io.BytesIO(data))
        for slide in presentation.slides:
            slide.slide_layout.slide_master  # noqa: B018 - touching it makes python-pptx resolve it
            if slide.has_notes_slide:
                slide.notes_slide.notes_text_frame  # noqa: B018
            for shape in slide.shapes:
                if getattr(shape, "has_chart", False) and shape.has_chart:
                    list(shape.chart.plots)
                if hasattr(shape, "image"):
                    shape.image.blob  # noqa: B018
    except Exception as exc:  # noqa: BLE001 - any failure to reopen is the finding
        return [Finding("", f"python-pptx cannot reopen the file: {type(exc).__name__}: {exc}", "reopen")]
    return []


def _local(element: etree._Element) -> str:
    qname = etree.QName(element)
    prefix = next((p for p, ns in (element.nsmap or {}).items() if ns == qname.namespace and p), None)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname
