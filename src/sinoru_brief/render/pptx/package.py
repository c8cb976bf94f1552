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

import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter, _PhysPkgWriter

if TYPE_CHECKING:
    from pptx.opc.package import OpcPackage
    from pptx.presentation import Presentation

# The earliest date a zip entry can carry; any fixed value would do.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


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


class _Members(_PhysPkgWriter):
    """Collect the members python-pptx's package writer writes, by member name (its physical writer's interface)."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


class _CollectingWriter(PackageWriter):
    """python-pptx's package writer with its zip file replaced by :class:`_Members`."""

    def collect(self) -> dict[str, bytes]:
        members = _Members()
        # The same steps as PackageWriter._write, which opens a zip file instead.
        self._write_content_types_stream(members)
        self._write_pkg_rels(members)
        self._write_parts(members)
        return members.members


def package_bytes(presentation: Presentation, date_time: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """Return *presentation* as a .pptx: the bytes ``normalised_zip`` makes of what ``save`` writes."""
    package = presentation.part.package
    # The writer's file is never opened: collect() writes to memory instead.
    members = _CollectingWriter(io.BytesIO(), package._rels, tuple(package.iter_parts())).collect()
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


def zip_names(data: bytes) -> Iterable[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()
