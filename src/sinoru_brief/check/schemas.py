"""Validate a .pptx's XML parts against the ECMA-376 transitional schemas.

The schemas (about 1 MB) live in the source checkout under
``assets/ooxml-xsd``; :mod:`sinoru_brief.check.validity` says when an
installation has none. Markup-compatibility blocks are resolved first, as an
Office 2007 consumer would.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from lxml import etree

from sinoru_brief.check.markup_compat import resolve_markup_compatibility
from sinoru_brief.check.package import (
    CONTENT_TYPES,
    KNOWN_HARMLESS,
    SCHEMA_FOR_CONTENT_TYPE,
    Allowance,
    Finding,
    open_package,
    parse_part,
    unexpected,
)

CONTENT_TYPES_SCHEMA = "opc-xsd/opc-contentTypes.xsd"


@cache
def load_schema(path: Path) -> etree.XMLSchema:
    """Compile the schema at *path* once per process; imports resolve next to it, never over the network."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def check_schemas(data: bytes, schema_dir: Path, allow: Sequence[Allowance] = KNOWN_HARMLESS) -> list[Finding]:
    """Return the schema errors in the XML parts of *data* that the schemas in *schema_dir* cover.

    Slides, layouts, masters, notes, the presentation, presentation and view
    properties, table styles, themes and charts are validated, and so are the
    content-type stream and every ``.rels`` part. Other parts (docProps, images,
    embedded workbooks) are left to :func:`check_package`.
    """
    package, opened = open_package(data)
    if package is None:
        return unexpected(opened, allow)
    schema_dir = Path(schema_dir).resolve()
    findings: list[Finding] = []  # packaging problems are check_package's to report, not repeated here
    if package.content_types is not None:
        findings += _validate(CONTENT_TYPES, package.content_types, schema_dir / CONTENT_TYPES_SCHEMA)
    for part, ctype in package.xml_parts():
        if ctype in SCHEMA_FOR_CONTENT_TYPE:
            findings += _validate(part, package.parts[part], schema_dir / SCHEMA_FOR_CONTENT_TYPE[ctype][1])
    return unexpected(findings, allow)


def _validate(part: str, data: bytes, schema_path: Path) -> list[Finding]:
    root = parse_part(data)
    if isinstance(root, str):
        return [Finding(part, root, "xml")]
    schema = load_schema(schema_path)
    if schema.validate(resolve_markup_compatibility(root)):
        return []
    return [Finding(part, f"{e.path}: {e.message}", "schema") for e in schema.error_log]
