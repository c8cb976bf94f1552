"""The parts of python-pptx that it does not make public, and that the .pptx writer needs: all of them, here.

Everything else in the writer uses python-pptx's public API (``.element``
of its proxies, ``relate_to``, ``Part.blob``, ...). What is here has no
public equivalent: each function names what it does, why the writer needs
it and what python-pptx lacks. They were written against the python-pptx
versions in :data:`WRITTEN_FOR`, the range ``pyproject.toml`` pins; a test
fails when the installed python-pptx is outside it, and another when any
module but this one touches a private name of python-pptx. A new version of
python-pptx is taken up by checking these functions against its source and
widening both ranges together.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.opc.package import XmlPart
from pptx.opc.serialized import PackageWriter, _PhysPkgWriter

if TYPE_CHECKING:
    from pptx.opc.package import OpcPackage, Part, _Relationships
    from pptx.opc.packuri import PackURI
    from pptx.oxml.presentation import CT_SlideIdList
    from pptx.oxml.xmlchemy import BaseOxmlElement

    #: A part's or the package's relationships: python-pptx names their class privately.
    Relationships = _Relationships

#: The python-pptx versions these functions were written for (and pyproject.toml pins).
WRITTEN_FOR = ">=1.0.2,<1.1"


def package_relationships(package: OpcPackage) -> Relationships:
    """Return the package's own relationships (``/_rels/.rels``), to read, drop from or write.

    python-pptx offers a package's relationships only one at a time
    (``relate_to``, ``part_related_by``, ``drop_rel``), never the collection:
    a master's thumbnail, macros and legacy core-properties relationships
    must be found among them, and the package writer is given them all.
    """
    return package._rels


def xml_part_element(part: Part) -> BaseOxmlElement | None:
    """Return the root element of *part* when python-pptx holds it as a tree, or None when it holds bytes.

    An ``XmlPart`` keeps its XML as an element with no public accessor
    (only its proxies, such as a slide's, expose it); a part python-pptx has
    no class for (view properties, ...) keeps bytes in ``blob``.
    """
    return part._element if isinstance(part, XmlPart) else None


def add_new_relationship(part: Part, reltype: str, target: Part) -> str:
    """Relate *part* to *target*, a part made just now, and return the new relationship's id.

    The id is the one ``part.relate_to(target, reltype)`` would give. That
    public method first looks for an existing relationship to reuse, indexing
    all of *part*'s relationships by type on every call; the presentation has
    one per slide, so adding slides through it is quadratic. A part made just
    now cannot be related yet: nothing needs finding.
    """
    r_id: str = part.rels._add_relationship(reltype, target)
    return r_id


def append_slide_id(slide_ids: CT_SlideIdList, slide_id: int, r_id: str) -> None:
    """Append a ``p:sldId`` with *slide_id* and relationship *r_id* to the slide list *slide_ids*.

    The public ``add_sldId`` works out the id itself by reading every id in
    the list, for every slide added; the caller counts instead.
    """
    slide_ids._add_sldId(id=slide_id, rId=r_id)


class _Members(_PhysPkgWriter):
    """Collect what python-pptx's package writer writes, by member name: its zip file's interface, in memory."""

    def __init__(self) -> None:
        self.members: dict[str, bytes] = {}

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.members[pack_uri.membername] = blob


class _CollectingWriter(PackageWriter):
    """python-pptx's package writer with its zip file replaced by :class:`_Members`."""

    def collect(self, write_rels: Callable[[Relationships, str], bytes]) -> dict[str, bytes]:
        members = _Members()
        # The steps of PackageWriter._write, which opens a zip file instead.
        self._write_content_types_stream(members)
        self._write_pkg_rels(members)
        # PackageWriter._write_parts, each part's relationships written by write_rels.
        for part in self._parts:
            members.write(part.partname, part.blob)
            rels = part.rels
            if rels:
                members.write(part.partname.rels_uri, write_rels(rels, part.partname.baseURI))
        return members.members


def package_members(package: OpcPackage, write_rels: Callable[[Relationships, str], bytes]) -> dict[str, bytes]:
    """Return the members ``package.save`` would write to its zip file, by member name, without a zip file.

    Each part's ``.rels`` member is what *write_rels* returns for its
    relationships and its folder's URI. python-pptx writes a package only
    into a zip file of its own making (``PackageWriter`` over a private
    physical writer), which the .pptx writer would have to unpack again to
    order and date its entries reproducibly.
    """
    # The writer's file is never opened: collect() writes to memory instead.
    writer = _CollectingWriter(io.BytesIO(), package_relationships(package), tuple(package.iter_parts()))
    return writer.collect(write_rels)


class _DatedWorkbookWriter(CategoryWorkbookWriter):
    """Write a chart's embedded workbook with the creation date its chart data gives."""

    def __init__(self, chart_data: _DatedChartData) -> None:
        super().__init__(chart_data)  # type: ignore[no-untyped-call]  # python-pptx's is unannotated
        self.created = chart_data.created

    def _open_worksheet(self, xlsx_file: IO[bytes]) -> Any:  # noqa: D401 - python-pptx's hook
        from xlsxwriter import Workbook

        created = self.created

        @contextmanager
        def opened() -> Iterator[tuple[Any, Any]]:
            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": created})
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

        return opened()


class _DatedChartData(CategoryChartData):
    """Chart data whose embedded workbook is dated *created*."""

    def __init__(self, number_format: str, created: dt.datetime) -> None:
        super().__init__(number_format=number_format)  # type: ignore[no-untyped-call]  # unannotated
        self.created = created

    @property
    def _workbook_writer(self) -> _DatedWorkbookWriter:
        return _DatedWorkbookWriter(self)


def reproducible_chart_data(number_format: str, created: dt.datetime) -> Any:
    """Return chart data (python-pptx's ``CategoryChartData``) whose embedded workbook is dated *created*.

    python-pptx dates the workbook it embeds in a chart with the time it is
    written, and offers no way to set it: the same deck would differ byte
    for byte between runs. The date is set through the chart data's private
    workbook-writer hook and the writer's private worksheet hook. Returned as
    ``Any``: python-pptx's chart data classes carry no annotations.
    """
    return _DatedChartData(number_format, created)
