"""Package-level care for python-pptx output: linear part naming and byte-identical files.

python-pptx finds a free part name by walking every part of the package each
time it adds a notes slide or chart, which makes building a deck quadratic in
its size. :func:`use_fast_partnames` replaces that search with a counter per
name pattern. :func:`normalised_zip` rewrites a saved package with sorted
entries and fixed timestamps, so the same inputs give the same bytes, and
:func:`package_bytes` writes a presentation's package that way directly,
compressing each part once instead of saving, unpacking and packing again.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pptx.opc.packuri import PackURI

from sinoru_brief.render.pptx.pptx_internals import package_members
from sinoru_brief.render.pptx.text import attr

if TYPE_CHECKING:
    from pptx.opc.package import OpcPackage
    from pptx.presentation import Presentation

    from sinoru_brief.render.pptx.pptx_internals import Relationships

# The earliest date a zip entry can carry; any fixed value would do.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_RELS_START = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


class PartnameCounter:
    """Hand out ``tmpl % n`` part names, scanning the package once per pattern."""

    def __init__(self, package: OpcPackage) -> None:
        self._package = package
        self._next: dict[str, int] = {}
        self._taken: dict[str, set[str]] = {}

    def next_partname(self, tmpl: str) -> PackURI:
        if tmpl not in self._next:
            prefix = tmpl[: (tmpl % 42).find("42")]
            self._taken[tmpl] = {
                str(p.partname) for p in self._package.iter_parts() if str(p.partname).startswith(prefix)
            }
            self._next[tmpl] = 1
        n = self._next[tmpl]
        while tmpl % n in self._taken[tmpl]:
            n += 1
        self._next[tmpl] = n + 1
        self._taken[tmpl].add(tmpl % n)
        return PackURI(tmpl % n)


def use_fast_partnames(presentation: Presentation) -> None:
    """Make *presentation*'s package name new parts in constant time."""
    package = presentation.part.package
    # Replacing the method on this one package is the point: python-pptx calls it wherever it adds a part.
    package.next_partname = PartnameCounter(package).next_partname  # type: ignore[method-assign]


def normalised_zip(data: bytes, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """Return *data* (a zip) rewritten with sorted entries, fixed timestamps and fixed compression.

    ``[Content_Types].xml`` sorts first, where Office expects it.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip(((name, source.read(name)) for name in source.namelist()), date_time)


def rels_xml(rels: Relationships, base_uri: str) -> bytes:
    """Return the .rels XML of *rels*, a part's relationships from *base_uri*, byte for byte as python-pptx writes it.

    python-pptx builds an element per relationship to serialise them, a
    quarter of writing a large deck; this writes the same text directly: in
    rId number order, internal targets relative to the part's folder.
    """

    def number_order(r_id: str) -> tuple[int, str]:
        return (int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0, r_id)

    out = [_RELS_START]
    for r_id in sorted(rels.keys(), key=number_order):
        rel = rels[r_id]
        if rel.is_external:
            out.append(
                f'<Relationship Id="{attr(r_id)}" Type="{attr(rel.reltype)}" Target="{attr(rel.target_ref)}"'
                ' TargetMode="External"/>'
            )
        else:
            target = _relative_ref(rel.target_part.partname, base_uri)
            out.append(f'<Relationship Id="{attr(r_id)}" Type="{attr(rel.reltype)}" Target="{attr(target)}"/>')
    out.append("</Relationships>")
    return "".join(out).encode("utf-8")


@functools.lru_cache(maxsize=4096)
def _relative_ref(partname: PackURI, base_uri: str) -> str:
    # Every slide names its layout and every notes page the notes master by the same relative path.
    return partname.relative_ref(base_uri)


def package_bytes(presentation: Presentation, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """Return *presentation* as a .pptx: the bytes ``normalised_zip`` makes of what ``save`` writes."""
    members = package_members(presentation.part.package, rels_xml)
    return _zip(members.items(), date_time)


def _zip(members: Iterable[tuple[str, bytes]], date_time: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()
