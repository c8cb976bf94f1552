"""Every exported deck is a valid PowerPoint package, and the checker that says so can fail.

The decks: the fixture library at each depth, the real library at full depth,
and the fixture library in every built-in template. Each must pass
:func:`check_package` and :func:`check_schemas` with nothing left beyond the
documented allow-list (docs/validity.md).
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from sinoru_brief.check.markup_compat import resolve_markup_compatibility
from sinoru_brief.check.package import KNOWN_HARMLESS, NS_P, Finding, check_package, unexpected
from sinoru_brief.check.schemas import check_schemas, load_schema
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import builtin_template_names

SCHEMA_DIR = Path(__file__).parents[3] / "assets" / "ooxml-xsd"

ALLOWED = KNOWN_HARMLESS


# ---------------------------------------------------------------- decks under test


@pytest.fixture(scope="session")
def deck_cache() -> dict[tuple[str, str, str], bytes]:
    """Hold each exported deck once per session: the real-library deck alone takes seconds."""
    return {}


@pytest.fixture
def export_deck(deck_cache, fixture_library, real_library, fixture_brief):
    """Return a function exporting (library, depth, template) to .pptx bytes, built once per session."""
    libraries = {"fixture": fixture_library, "real": real_library}

    def export(library: str, depth: str, template: str = "briefing") -> bytes:
        key = (library, depth, template)
        if key not in deck_cache:
            topics = fixture_brief.topics if library == "fixture" else list(real_library.topic_ids())
            brief = dataclasses.replace(fixture_brief, topics=topics, depth=depth, template=template)
            deck_cache[key] = render_pptx(build(brief, library=libraries[library]))
        return deck_cache[key]

    return export


def _report(findings: list[Finding]) -> str:
    return "\n".join(str(f) for f in findings[:20]) + (f"\n... {len(findings) - 20} more" if len(findings) > 20 else "")


def _assert_valid(data: bytes) -> None:
    package = check_package(data, allow=ALLOWED)
    assert package == [], _report(package)
    schemas = check_schemas(data, SCHEMA_DIR, allow=ALLOWED)
    assert schemas == [], _report(schemas)


@pytest.mark.parametrize("depth", ["key", "standard", "full"])
def test_fixture_deck_is_valid_at_every_depth(export_deck, depth):
    _assert_valid(export_deck("fixture", depth))


def test_real_library_deck_at_full_depth_is_valid(export_deck):
    _assert_valid(export_deck("real", "full"))


@pytest.mark.parametrize("template", builtin_template_names())
def test_deck_in_every_builtin_template_is_valid(export_deck, template):
    _assert_valid(export_deck("fixture", "full", template))


def test_bullets_are_schema_valid(export_deck):
    findings = check_schemas(export_deck("fixture", "full"), SCHEMA_DIR)
    assert [f for f in findings if "buSzPct" in f.message] == []


def test_every_allowance_is_still_needed(export_deck):
    # An allowance nothing matches any more would hide the next real error of that shape: drop it.
    findings = check_schemas(export_deck("fixture", "full"), SCHEMA_DIR, allow=())
    for allowance in KNOWN_HARMLESS:
        assert any(allowance.matches(f) for f in findings), allowance.reason


def test_negative_axis_ids_are_the_only_chart_findings(export_deck):
    findings = check_schemas(export_deck("fixture", "full"), SCHEMA_DIR, allow=())
    chart = [f for f in findings if f.part.startswith("/ppt/charts/")]
    # One chart: the bar chart's two axId, each axis's axId and crossAx.
    assert [f.message.split(": ", 1)[0] for f in chart] == [
        "/c:chartSpace/c:chart/c:plotArea/c:barChart/c:axId[1]",
        "/c:chartSpace/c:chart/c:plotArea/c:barChart/c:axId[2]",
        "/c:chartSpace/c:chart/c:plotArea/c:catAx/c:axId",
        "/c:chartSpace/c:chart/c:plotArea/c:catAx/c:crossAx",
        "/c:chartSpace/c:chart/c:plotArea/c:valAx/c:axId",
        "/c:chartSpace/c:chart/c:plotArea/c:valAx/c:crossAx",
    ]
    assert unexpected(chart) == []


# ---------------------------------------------------------------- the vendored schemas


def test_schema_imports_resolve_inside_the_folder():
    schemas = sorted(SCHEMA_DIR.rglob("*.xsd"))
    assert len(schemas) == 11
    for schema in schemas:
        for location in etree.parse(str(schema)).xpath(
            "//*[local-name()='import' or local-name()='include']/@schemaLocation"
        ):
            assert not re.match(r"[a-z]+:", location), f"{schema.name} imports {location} over the network"
            assert (schema.parent / location).is_file(), f"{schema.name} imports missing {location}"


def test_notice_names_every_vendored_schema():
    notice = (SCHEMA_DIR / "NOTICE.md").read_text(encoding="utf-8")
    assert "e45454602b53e8e572b179ccf1c91093ec9f4ed7" in notice and "The MIT License (MIT)" in notice
    for schema in SCHEMA_DIR.rglob("*.xsd"):
        assert f"`{schema.relative_to(SCHEMA_DIR).as_posix()}`" in notice


def test_schemas_compile_once():
    assert load_schema(SCHEMA_DIR / "pml.xsd") is load_schema(SCHEMA_DIR / "pml.xsd")


# ---------------------------------------------------------------- the checker on broken packages


def _rewrite(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    drop: tuple[str, ...] = (),
) -> bytes:
    """Return the package *data* with entries replaced, added or dropped."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in drop:
                target.writestr(name, (replace or {}).get(name, source.read(name)))
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def _read(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def _slide_with_link(data: bytes) -> str:
    names = sorted(
        n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)
    )
    return next(n for n in names if b' r:id="' in _read(data, n))


@pytest.fixture
def good(export_deck) -> bytes:
    data = export_deck("fixture", "full")
    assert check_package(data) == []
    return data


def test_dangling_r_id_is_found(good):
    slide = _slide_with_link(good)
    xml = _read(good, slide)
    rid = re.search(rb' r:id="(rId\d+)"', xml).group(1)
    broken = _rewrite(good, replace={slide: xml.replace(b' r:id="%s"' % rid, b' r:id="rId999"')})
    assert check_package(broken) == [
        Finding(
            f"/{slide}",
            f"a:hlinkClick r:id='rId999' names no relationship in /ppt/slides/_rels/{slide.rsplit('/', 1)[1]}.rels",
            "r-id",
        )
    ]


def test_duplicate_shape_id_is_found(good):
    slide = "ppt/slides/slide1.xml"
    root = etree.fromstring(_read(good, slide))
    first, second = list(root.iter(f"{{{NS_P}}}cNvPr"))[:2]
    second.set("id", first.get("id"))
    broken = _rewrite(
        good, replace={slide: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)}
    )
    assert check_package(broken) == [
        Finding(
            "/ppt/slides/slide1.xml",
            f"shape id {first.get('id')} is used by 2 shapes (p:cNvPr/@id must be unique)",
            "shape-id",
        )
    ]


def test_part_without_content_type_is_found(good):
    broken = _rewrite(good, add={"ppt/media/extra.xyz": b"data"})
    assert check_package(broken) == [
        Finding(
            "/ppt/media/extra.xyz",
            "no content type: neither an Override for the part nor a Default for its extension",
            "content-type",
        )
    ]


def test_part_name_differing_only_in_case_is_found(good):
    broken = _rewrite(good, add={"ppt/slides/Slide1.xml": _read(good, "ppt/slides/slide1.xml")})
    assert check_package(broken) == [
        Finding("/ppt/slides/Slide1.xml", "part name equals /ppt/slides/slide1.xml ignoring case", "duplicate-part")
    ]


def test_missing_relationship_target_is_found(good):
    broken = _rewrite(good, drop=("ppt/charts/chart1.xml",))
    findings = check_package(broken)
    rels = [f for f in findings if f.kind == "relationship"]
    assert len(rels) == 2
    assert rels[0] == Finding(
        "/ppt/charts/_rels/chart1.xml.rels",
        "relationships of a part that does not exist: /ppt/charts/chart1.xml",
        "relationship",
    )
    assert re.fullmatch(
        r"relationship rId\d+ targets '\.\./charts/chart1\.xml', which resolves to "
        r"/ppt/charts/chart1\.xml, a part that does not exist",
        rels[1].message,
    )
    others = [f for f in findings if f.kind != "relationship"]
    assert [(f.part, f.kind) for f in others] == [("", "reopen")]
    assert re.fullmatch(
        r"python-pptx cannot reopen the file: KeyError: \"no relationship with key 'rId\d+'\"", others[0].message
    )


def test_not_a_zip_is_one_finding():
    assert check_package(b"PK but not really") == [Finding("", "not a readable zip: File is not a zip file", "zip")]
    assert check_schemas(b"PK but not really", SCHEMA_DIR) == [
        Finding("", "not a readable zip: File is not a zip file", "zip")
    ]


def test_schema_error_names_part_path_and_rule(good):
    slide = "ppt/slides/slide1.xml"
    xml = _read(good, slide).replace(b'<a:off x="', b'<a:off x="wide', 1)
    findings = check_schemas(_rewrite(good, replace={slide: xml}), SCHEMA_DIR, allow=ALLOWED)
    assert len(findings) == 1
    assert findings[0].part == "/ppt/slides/slide1.xml" and findings[0].kind == "schema"
    assert re.fullmatch(
        r"/p:sld/p:cSld/p:spTree/p:sp(\[\d+\])?/p:spPr/a:xfrm/a:off: Element "
        r"'\{http://schemas\.openxmlformats\.org/drawingml/2006/main\}off', attribute 'x': "
        r"'wide\d+' is not a valid value of the union type "
        r"'\{http://schemas\.openxmlformats\.org/drawingml/2006/main\}ST_Coordinate'\.",
        findings[0].message,
    )


def test_allowance_covers_only_negative_axis_ids(good):
    xml = _read(good, "ppt/charts/chart1.xml")
    axis = re.search(rb'<c:axId val="(-\d+)"/>', xml).group(1)
    broken = _rewrite(good, replace={"ppt/charts/chart1.xml": xml.replace(axis, b"axis", 1)})
    findings = check_schemas(broken, SCHEMA_DIR, allow=ALLOWED)
    assert [f.message.split(": ", 1)[1] for f in findings] == [
        (
            "Element '{http://schemas.openxmlformats.org/drawingml/2006/chart}axId', attribute 'val': 'axis' is not "
            "a valid value of the atomic type 'xs:unsignedInt'."
        )
    ]


# ---------------------------------------------------------------- markup compatibility


MC_SLIDE = b"""<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" mc:Ignorable="p14">
<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>
<mc:AlternateContent><mc:Choice Requires="p14"><p14:newShape id="2"/></mc:Choice>
<mc:Fallback><p:cxnSp><p:nvCxnSpPr><p:cNvPr id="2" name="line"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr>
<p:spPr/></p:cxnSp></mc:Fallback></mc:AlternateContent>
</p:spTree></p:cSld><p14:creationId p14:val="7"/></p:sld>"""


def test_markup_compatibility_keeps_fallback_and_drops_ignorable():
    resolved = resolve_markup_compatibility(etree.fromstring(MC_SLIDE))
    assert [etree.QName(e).localname for e in resolved.iter()] == [
        "sld",
        "cSld",
        "spTree",
        "nvGrpSpPr",
        "cNvPr",
        "cNvGrpSpPr",
        "nvPr",
        "grpSpPr",
        "cxnSp",
        "nvCxnSpPr",
        "cNvPr",
        "cNvCxnSpPr",
        "nvPr",
        "spPr",
    ]
    assert resolved.attrib == {}
    assert load_schema(SCHEMA_DIR / "pml.xsd").validate(resolved)
    assert not load_schema(SCHEMA_DIR / "pml.xsd").validate(etree.fromstring(MC_SLIDE))


def test_markup_compatibility_takes_choice_without_fallback():
    xml = (
        b'<r xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:AlternateContent>'
        b'<mc:Choice Requires="x"><a/><b/></mc:Choice></mc:AlternateContent><c/></r>'
    )
    assert etree.tostring(resolve_markup_compatibility(etree.fromstring(xml))) == (
        b'<r xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><a/><b/><c/></r>'
    )


def test_shape_ids_in_choice_and_fallback_are_not_duplicates(good):
    # PowerPoint repeats a shape's id in mc:Choice and mc:Fallback; only one of them is ever read.
    slide = "ppt/slides/slide1.xml"
    root = etree.fromstring(_read(good, slide))
    line = etree.tostring(etree.fromstring(MC_SLIDE).find(".//{*}Fallback/{*}cxnSp")).replace(b'id="2"', b'id="99"')
    alternate = etree.fromstring(
        b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        b'<mc:Choice Requires="p14">%s</mc:Choice><mc:Fallback>%s</mc:Fallback></mc:AlternateContent>' % (line, line)
    )
    root.find(f"{{{NS_P}}}cSld/{{{NS_P}}}spTree").append(alternate)
    assert [nv.get("id") for nv in root.iter(f"{{{NS_P}}}cNvPr")].count("99") == 2
    broken = _rewrite(good, replace={slide: etree.tostring(root)})
    assert check_package(broken) == []
    assert check_schemas(broken, SCHEMA_DIR, allow=ALLOWED) == []


def test_empty_r_id_on_an_action_link_is_not_dangling(good):
    # PowerPoint's own "next slide" action button: a hyperlink with an action and no target.
    slide = _slide_with_link(good)
    xml = _read(good, slide)
    rid = re.search(rb' r:id="(rId\d+)"', xml).group(1)
    action = b' r:id="" action="ppaction://hlinkshowjump?jump=nextslide"'
    assert check_package(_rewrite(good, replace={slide: xml.replace(b' r:id="%s"' % rid, action)})) == []
    chart = re.sub(rb'(<c:externalData r:id=")rId\d+"', rb'\1"', _read(good, "ppt/charts/chart1.xml"))
    assert check_package(_rewrite(good, replace={"ppt/charts/chart1.xml": chart})) == [
        Finding(
            "/ppt/charts/chart1.xml",
            "c:externalData r:id='' names no relationship in /ppt/charts/_rels/chart1.xml.rels",
            "r-id",
        )
    ]
