"""Decks built on every sample master: valid, at the master's size, on the mapped layouts, with no sample slides.

Each template in tests/data/pptx-templates exports the fixture deck. The deck
must reopen, have the master's slide size, hold only our slides (no sample
slide, no part only a sample slide used, no duplicate part name), pass the
package checks, and add no schema finding the template file did not already
have (docs/validity.md).
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from sinoru_brief.brief import Brief
from sinoru_brief.check.package import check_package
from sinoru_brief.check.schemas import check_schemas
from sinoru_brief.layout.pages import TextFrame
from sinoru_brief.pipeline import Build, build
from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.mapping import mapping

TEMPLATES = Path(__file__).parents[2] / "data" / "pptx-templates"
SCHEMA_DIR = Path(__file__).parents[3] / "assets" / "ooxml-xsd"
NAMES = sorted(p.name for p in TEMPLATES.glob("*.pptx"))
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def fixture_deck_brief(topics: list[str]) -> Brief:
    return Brief(
        title="Fixture deck",
        subtitle="For tests",
        author="Tester",
        date=dt.date(2025, 2, 1),
        topics=topics,
        depth="full",
    )


def export_on_master(library, brief: Brief, master: Path, template: str = "briefing") -> tuple[Build, bytes]:
    """Lay out *brief* on *master* and write it: what the pipeline's export does with a master."""
    result = build(brief, library=library, theme=load_theme(template, master=master))
    data = pptx_bytes(
        result.pages,
        title=brief.title,
        author=brief.author,
        east_asian_font=result.theme.fonts.east_asian,
        stamp=stamp_time(brief.deck_date()),
        link_color=result.theme.colors.accent,
        master=result.theme.master,
    )
    return result, data


@pytest.fixture(scope="module")
def exported(fixture_library):
    """Export the fixture deck on each master once per module."""
    cached: dict[str, tuple[Build, bytes]] = {}

    def get(name: str) -> tuple[Build, bytes]:
        if name not in cached:
            cached[name] = export_on_master(fixture_library, fixture_deck_brief(["alpha", "beta"]), TEMPLATES / name)
        return cached[name]

    return get


@cache
def own_findings(name: str) -> frozenset[tuple[str, str]]:
    """Return what the checks find in the template file itself, as (part, message) pairs."""
    data = (TEMPLATES / name).read_bytes()
    return frozenset(
        (f.part, f.message) for f in check_package(data, allow=()) + check_schemas(data, SCHEMA_DIR, allow=())
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_deck_reopens_at_the_masters_size_with_every_page(exported, name):
    result, data = exported(name)
    prs = Presentation(io.BytesIO(data))
    master = result.theme.master
    assert (prs.slide_width, prs.slide_height) == (master.width, master.height)
    assert all((page.width, page.height) == (master.width, master.height) for page in result.pages)
    assert [s.name for s in prs.slides] == [p.key for p in result.pages]


@pytest.mark.parametrize("name", NAMES)
def test_no_sample_slide_or_its_text_is_carried_over(exported, name):
    result, data = exported(name)
    prs = Presentation(io.BytesIO(data))
    for slide, page in zip(prs.slides, result.pages, strict=True):
        ours = {frame.text for frame in page.text_frames()}
        texts = {shape.text_frame.text for shape in slide.shapes if shape.has_text_frame} - {""}
        assert texts <= ours, (page.key, texts - ours)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    slides = sorted(n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    assert slides == sorted(f"ppt/slides/slide{i}.xml" for i in range(1, len(result.pages) + 1))
    # New parts are named linearly from 1, as on python-pptx's own template (package.use_fast_partnames).
    notes = sorted(n for n in names if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n))
    assert notes == sorted(
        f"ppt/notesSlides/notesSlide{i}.xml" for i in range(1, sum(1 for p in result.pages if p.notes) + 1)
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_package_is_valid_and_adds_no_schema_finding(exported, name):
    _, data = exported(name)
    new = [
        f
        for f in check_package(data) + check_schemas(data, SCHEMA_DIR)
        if (f.part, f.message) not in own_findings(name)
    ]
    assert new == [], "\n".join(map(str, new[:10]))


def test_a_templates_own_findings_stay_its_own(exported):
    # The LibreOffice master repeats a shape id on its slide master; the export keeps the master as it is.
    _, data = exported("automizer__SlideDimensions1.pptx")
    repeated = ("/ppt/slideMasters/slideMaster1.xml", "shape id 1 is used by 2 shapes (p:cNvPr/@id must be unique)")
    assert repeated in own_findings("automizer__SlideDimensions1.pptx")
    assert [(f.part, f.message) for f in check_package(data)] == [repeated]


@pytest.mark.parametrize("name", NAMES)
def test_every_part_is_reachable(exported, name):
    _, data = exported(name)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert not unreachable_parts(archive)


def unreachable_parts(archive: zipfile.ZipFile) -> set[str]:
    """Return the parts no relationship leads to (orphans a sample slide could leave behind)."""
    names = {n for n in archive.namelist() if not n.endswith("/")}  # folders are no parts
    reached: set[str] = set()
    todo = [""]  # the package itself, whose relationships are in _rels/.rels
    while todo:
        source = todo.pop()
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if rels not in names:
            continue
        for rel in etree.fromstring(archive.read(rels)).iter(f"{{{NS_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            target = target.lstrip("/") if rel.get("Target").startswith("/") else target
            if target not in reached:
                reached.add(target)
                todo.append(target)
    plumbing = {n for n in names if n.endswith(".rels") or n == "[Content_Types].xml"}
    return names - reached - plumbing


@pytest.mark.parametrize("name", NAMES)
def test_slides_use_the_mapped_layouts_and_fill_their_placeholders(exported, name):
    result, data = exported(name)
    prs = Presentation(io.BytesIO(data))
    chosen = mapping(result.theme.master)
    used_master = prs.slide_masters[chosen.master]
    for slide, page in zip(prs.slides, result.pages, strict=True):
        layout = chosen.for_kind(page.kind).layout
        assert slide.slide_layout == used_master.slide_layouts[layout.index], page.key
        # No placeholder is left empty ("Click to add text").
        assert all(ph.text_frame.text for ph in slide.placeholders), page.key
        types = {ph.element.ph_type for ph in slide.placeholders}
        titles = [b for b in page.boxes if isinstance(b, TextFrame) and b.role == "title"]
        if layout.of_type("title", "ctrTitle") and titles:
            title = next(ph for ph in slide.placeholders if "TITLE" in str(ph.placeholder_format.type))
            assert title.text_frame.text == titles[0].text
            assert (title.left, title.top, title.width, title.height) == (
                titles[0].x,
                titles[0].y,
                titles[0].w,
                titles[0].h,
            )
        roles = {b.role for b in page.boxes if isinstance(b, TextFrame)}
        for role, ph_type in (("footer", "FOOTER"), ("as-of", "DATE"), ("number", "SLIDE_NUMBER")):
            has = bool(layout.of_type({"FOOTER": "ftr", "DATE": "dt", "SLIDE_NUMBER": "sldNum"}[ph_type]))
            assert (ph_type in {str(t).split(" ")[0].split(".")[-1] for t in types}) == (has and role in roles), (
                page.key,
                role,
            )


def test_the_slide_number_placeholder_holds_a_field(exported):
    result, data = exported("pythonpptx__default.pptx")
    prs = Presentation(io.BytesIO(data))
    for slide, page in zip(prs.slides, result.pages, strict=True):
        numbers = [ph for ph in slide.placeholders if ph.placeholder_format.idx == 12]
        if page.number is None:
            assert numbers == []
            continue
        [number] = numbers
        [field] = number.element.findall(".//" + qn("a:fld"))
        assert (field.get("type"), field.findtext(qn("a:t"))) == ("slidenum", str(page.number))


def test_a_layout_drawn_over_the_content_hides_its_graphics(exported):
    _, data = exported("officer__no_master.pptx")
    prs = Presentation(io.BytesIO(data))
    assert {s._element.get("showMasterSp") for s in prs.slides} == {"0"}
    _, plain = exported("pythonpptx__default.pptx")
    assert {s._element.get("showMasterSp") for s in Presentation(io.BytesIO(plain)).slides} == {None}


def _theme_link(data: bytes, theme_part: str) -> str:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(theme_part))
    return root.find(f".//{qn('a:hlink')}")[0].get("val") or root.find(f".//{qn('a:hlink')}")[0].get("lastClr")


def test_the_masters_link_colour_is_kept_unless_unreadable(exported):
    result, data = exported("automizer__RootTemplate.pptx")
    assert _theme_link(data, "ppt/theme/theme1.xml") == "0563C1"
    result, data = exported("pandoc__footer-basic-reference.pptx")
    # Peach FBCA98 on a mid-grey background cannot be read; links take the deck's accent.
    assert _theme_link(data, "ppt/theme/theme1.xml") == result.theme.colors.accent


def test_document_properties_describe_the_deck_not_the_template(exported):
    # The template's thumbnail pictures its first sample slide; its app.xml lists the sample slides' titles.
    assert "docProps/thumbnail.jpeg" in zipfile.ZipFile(TEMPLATES / "automizer__RootTemplate.pptx").namelist()
    result, data = exported("automizer__RootTemplate.pptx")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert not [n for n in archive.namelist() if "thumbnail" in n.lower()]
    app = archive.read("docProps/app.xml").decode()
    assert f"<Slides>{len(result.pages)}</Slides>" in app and "TitlesOfParts" not in app
    props = Presentation(io.BytesIO(data)).core_properties
    assert (props.title, props.author, props.subject, props.keywords) == ("Fixture deck", "Tester", "", "")


def test_the_same_inputs_give_the_same_bytes(exported, fixture_library):
    _, first = exported("pandoc__footer-basic-reference.pptx")
    _, again = export_on_master(
        fixture_library, fixture_deck_brief(["alpha", "beta"]), TEMPLATES / "pandoc__footer-basic-reference.pptx"
    )
    assert first == again


def test_pages_laid_out_at_another_size_are_refused(exported):
    result, _ = exported("pythonpptx__default.pptx")
    wrong = load_theme("briefing", master=TEMPLATES / "pandoc__default-reference.pptx").master
    with pytest.raises(
        ValueError,
        match=r"pages are laid out at 9144000 x 6858000 EMU but the master "
        r"pandoc__default-reference.pptx is 9144000 x 5143500",
    ):
        pptx_bytes(
            result.pages,
            title="t",
            author="a",
            east_asian_font="SimSun",
            stamp=stamp_time(dt.date(2025, 1, 1)),
            master=wrong,
        )


def test_the_reachability_check_finds_an_orphan(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(TEMPLATES / "pandoc__default-reference.pptx") as source, zipfile.ZipFile(data, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("ppt/media/left-behind.png", b"png")
    assert unreachable_parts(zipfile.ZipFile(data)) == {"ppt/media/left-behind.png"}


def test_placeholder_text_overrides_what_would_change_its_width(exported):
    # Masters may set titles in capitals, with letter spacing, vertical or in columns; our text is measured
    # without any of that, so each placeholder says so explicitly.
    _, data = exported("pandoc__footer-basic-reference.pptx")
    for slide in Presentation(io.BytesIO(data)).slides:
        for placeholder in slide.placeholders:
            body = placeholder.text_frame._txBody.find(qn("a:bodyPr"))
            assert (body.get("vert"), body.get("rot"), body.get("numCol"), body.get("wrap")) == (
                "horz",
                "0",
                "1",
                "square",
            )
            assert body.find(qn("a:noAutofit")) is not None
            for props in placeholder.element.iter(qn("a:rPr")):
                assert (props.get("cap"), props.get("spc")) == ("none", "0")
