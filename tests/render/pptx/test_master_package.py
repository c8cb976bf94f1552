"""Removing a master's sample slides removes every reference to them, and what else the file should not pass on.

The sample templates are plain; these tests add what real corporate files
carry: slide sections, custom shows and view settings that list the sample
slides, macros, and the template (.potx) content type.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

from pptx import Presentation
from render.pptx.test_master_export import (
    SCHEMA_DIR,
    TEMPLATES,
    export_on_master,
    fixture_deck_brief,
    unreachable_parts,
)

from sinoru_brief.check.package import check_package
from sinoru_brief.check.schemas import check_schemas
from sinoru_brief.pipeline import build
from sinoru_brief.render.pptx.package import PartnameCounter
from sinoru_brief.render.pptx.writer import build_presentation, stamp_time
from sinoru_brief.theme import load_theme

PANDOC = TEMPLATES / "pandoc__default-reference.pptx"  # four sample slides, two with notes
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SECTIONS = (
    f'<p:extLst><p:ext uri="{{521415D9-36F7-43E2-AB2F-B90AF26B5E84}}"><p14:sectionLst xmlns:p14="{P14}">'
    '<p14:section name="Samples" id="{1A2B3C4D-0000-4000-8000-000000000001}"><p14:sldIdLst>'
    '<p14:sldId id="256"/><p14:sldId id="257"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext>'
)
CUSTOM_SHOW = (
    '<p:custShowLst><p:custShow name="Short" id="0"><p:sldLst><p:sld r:id="rId2"/><p:sld r:id="rId3"/>'
    "</p:sldLst></p:custShow></p:custShowLst>"
)
VBA_TYPE = "application/vnd.ms-office.vbaProject"
MACRO_MAIN = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def edited(source: Path, target: Path, edits: dict[str, tuple[str, str] | bytes]) -> Path:
    """Copy *source* to *target*, replacing text once in entries ((old, new)) or adding entries (bytes)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            edit = edits.get(item.filename)
            if isinstance(edit, tuple):
                text = data.decode("utf-8")
                assert text.count(edit[0]) == 1, (item.filename, edit[0])
                data = text.replace(*edit).encode("utf-8")
            zout.writestr(item, data)
        for name, data in edits.items():
            if isinstance(data, bytes):
                zout.writestr(name, data)
    return target


def test_sections_custom_shows_and_view_lists_of_sample_slides_go(tmp_path, fixture_library):
    corporate = edited(
        PANDOC,
        tmp_path / "corporate.pptx",
        {
            "ppt/presentation.xml": ("<p:defaultTextStyle>", CUSTOM_SHOW + "<p:defaultTextStyle>"),
            "ppt/viewProps.xml": (
                "</p:cViewPr></p:outlineViewPr>",
                '</p:cViewPr><p:sldLst><p:sld r:id="rId1"/></p:sldLst></p:outlineViewPr>',
            ),
            "ppt/_rels/viewProps.xml.rels": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide" '
            b'Target="slides/slide1.xml"/></Relationships>',
        },
    )
    # Sections go first in the presentation's extLst, which pandoc's file already has.
    corporate = edited(corporate, tmp_path / "sections.pptx", {"ppt/presentation.xml": ("<p:extLst>", SECTIONS)})
    source = corporate.read_bytes()
    assert check_package(source) == [] and check_schemas(source, SCHEMA_DIR) == []
    _, data = export_on_master(fixture_library, fixture_deck_brief(["alpha"]), corporate)
    archive = zipfile.ZipFile(io.BytesIO(data))
    presentation = archive.read("ppt/presentation.xml").decode()
    assert "custShowLst" not in presentation and "sectionLst" not in presentation
    assert "<p:sld " not in archive.read("ppt/viewProps.xml").decode()
    assert check_package(data) == [] and check_schemas(data, SCHEMA_DIR) == []
    assert not unreachable_parts(archive)


def test_macros_are_not_carried_into_the_deck(tmp_path, fixture_library):
    macro = edited(
        PANDOC,
        tmp_path / "macros.pptm",
        {
            "[Content_Types].xml": (
                f'ContentType="{PRESENTATION_MAIN}"',
                f'ContentType="{MACRO_MAIN}"/><Default Extension="bin" ContentType="{VBA_TYPE}"',
            ),
            "ppt/_rels/presentation.xml.rels": (
                "</Relationships>",
                '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
                'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            ),
            "ppt/vbaProject.bin": b'Attribute VB_Name = "Module1"',
        },
    )
    _, data = export_on_master(fixture_library, fixture_deck_brief(["alpha"]), macro)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "ppt/vbaProject.bin" not in archive.namelist()
    types = archive.read("[Content_Types].xml").decode()
    assert PRESENTATION_MAIN in types and "macroEnabled" not in types and VBA_TYPE not in types
    assert check_package(data) == []


def test_a_potx_template_exports_a_pptx(tmp_path, fixture_library):
    template_main = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
    potx = edited(
        PANDOC,
        tmp_path / "corporate.potx",
        {"[Content_Types].xml": (f'ContentType="{PRESENTATION_MAIN}"', f'ContentType="{template_main}"')},
    )
    result, data = export_on_master(fixture_library, fixture_deck_brief(["alpha"]), potx)
    assert len(Presentation(io.BytesIO(data)).slides) == len(result.pages)
    assert template_main not in zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()


def test_new_parts_are_named_in_constant_time_on_a_master(fixture_library):
    result = build(
        dataclasses.replace(fixture_deck_brief(["alpha", "beta"])),
        library=fixture_library,
        theme=load_theme("briefing", master=PANDOC),
    )
    prs = build_presentation(
        result.pages,
        title="t",
        author="a",
        east_asian_font="SimSun",
        stamp=stamp_time(None),
        master=result.theme.master,
    )
    assert isinstance(prs.part.package.next_partname.__self__, PartnameCounter)
    # The sample slides' parts are gone, so the deck's own take their names from 1.
    names = sorted(str(p.partname) for p in prs.part.package.iter_parts() if "/slides/" in str(p.partname))
    assert names == sorted(f"/ppt/slides/slide{i}.xml" for i in range(1, len(result.pages) + 1))
