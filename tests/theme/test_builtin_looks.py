"""The built-in looks load, differ from each other, stay readable, and lay out the whole library."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.layout.pages import Picture, TextFrame
from sinoru_brief.paths import templates_dir
from sinoru_brief.pipeline import build
from sinoru_brief.theme import builtin_template_names, load_theme
from sinoru_brief.units import EMU_PER_POINT, inches

LOOKS = ("academic", "briefing", "plain")
#: WCAG contrast each look must reach for text on its background: AAA (7:1) for plain, AA (4.5:1) otherwise.
MIN_CONTRAST = {"plain": 7.0, "academic": 4.5, "briefing": 4.5}


def relative_luminance(rgb: str) -> float:
    """Return the WCAG 2 relative luminance of an ``RRGGBB`` colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """Return the WCAG 2 contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)  # the AA grey on white


def test_the_three_looks_are_built_in():
    assert set(LOOKS) <= set(builtin_template_names())


@pytest.mark.parametrize("name", builtin_template_names())
def test_every_built_in_template_loads(name):
    theme = load_theme(name)
    assert theme.name == name and theme.label and theme.label != name
    assert theme.folder == (templates_dir() / name).resolve()


@pytest.mark.parametrize("name", ["academic", "plain"])
def test_template_folder_says_what_the_look_is_for(name):
    readme = templates_dir() / name / "README.md"
    assert readme.read_text(encoding="utf-8").startswith(f"# {name}\n")


@pytest.mark.parametrize("name", LOOKS)
def test_text_colours_are_readable_on_the_background(name):
    colors = load_theme(name).colors
    floor = MIN_CONTRAST[name]
    for role in ("title", "text", "muted", "accent"):  # accent carries citation markers and dates
        ratio = contrast_ratio(getattr(colors, role), colors.background)
        assert ratio >= floor, f"{name}: {role} {getattr(colors, role)} on {colors.background} is {ratio:.2f}:1"
    # Table headers set title-coloured text on the panel colour.
    assert contrast_ratio(colors.title, colors.panel) >= floor


def test_the_looks_differ_in_size_fonts_and_background():
    academic, briefing, plain = (load_theme(n) for n in LOOKS)
    assert academic.width / academic.height == pytest.approx(16 / 9, abs=1e-4)
    assert briefing.width / briefing.height == pytest.approx(16 / 9, abs=1e-4)
    assert (plain.width, plain.height) == (inches(10), inches(7.5))
    assert {t.fonts.heading for t in (academic, briefing, plain)} == {"Times New Roman", "Calibri", "Arial"}
    assert academic.fonts.body == "Times New Roman" and plain.fonts.body == "Arial"
    assert len({t.colors.background for t in (academic, briefing, plain)}) == 3
    assert len({t.colors.accent for t in (academic, briefing, plain)}) == 3
    # Dark text on a light page for academic and plain; light on dark for briefing.
    for theme in (academic, plain):
        assert relative_luminance(theme.colors.background) > relative_luminance(theme.colors.text)
    assert relative_luminance(briefing.colors.background) < relative_luminance(briefing.colors.text)


def test_academic_is_a_serif_look_with_a_24_pt_body():
    theme = load_theme("academic")
    assert (theme.sizes.body.size, theme.sizes.body.minimum) == (24, 14)
    assert relative_luminance(theme.colors.background) > 0.9  # white or off-white


def test_plain_uses_large_type_with_high_floors():
    theme = load_theme("plain")
    assert theme.sizes.body.minimum >= 14 and theme.sizes.source.minimum >= 10
    for role in ("title", "body", "sub", "quote", "table", "reference", "deck_title", "section_title"):
        assert getattr(theme.sizes, role).minimum >= 10, role
    assert theme.sizes.body.size >= load_theme("briefing").sizes.body.size


def test_plain_banner_is_off_and_its_documented_example_works(tmp_path):
    source = (templates_dir() / "plain" / "template.yaml").read_text(encoding="utf-8")
    assert load_theme("plain").banner is None
    # The commented example must be a working banner once uncommented.
    example = re.search(r"^#   banner:\n(?:#     .*\n)+", source, re.MULTILINE)
    assert example, "plain/template.yaml should document a banner example in a comment"
    banner = re.sub(r"^#   ", "", example.group(0), flags=re.MULTILINE)
    assert source.count("\nbanner: null\n") == 1
    (tmp_path / "template.yaml").write_text(source.replace("\nbanner: null\n", "\n" + banner), encoding="utf-8")
    theme = load_theme(tmp_path)
    assert theme.banner is not None and theme.banner.text == "UNCLASSIFIED"
    assert contrast_ratio(theme.banner.text_color, theme.banner.color) >= 4.5


@pytest.fixture(scope="module")
def decks(real_library):
    brief = Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1))
    out = {}
    for name in LOOKS:
        brief.template = name
        out[name] = build(brief, library=real_library)
    return out


@pytest.mark.parametrize("name", LOOKS)
def test_whole_library_lays_out_inside_each_look(decks, name):
    result = decks[name]
    theme = result.theme
    assert result.pages and all((p.width, p.height) == (theme.width, theme.height) for p in result.pages)
    for page in result.pages:
        assert page.background == theme.colors.background
        for box in page.boxes:
            assert 0 <= box.x and 0 <= box.y and box.right <= page.width and box.bottom <= page.height, (
                page.key,
                box.name,
            )
            if isinstance(box, TextFrame):
                inner_h = (box.h - box.insets.top - box.insets.bottom) / EMU_PER_POINT
                assert box.text_height() <= inner_h + 0.01, (page.key, box.role)
                fonts = {s.font for p in box.paragraphs for s in p.spans}
                assert fonts <= {theme.fonts.heading, theme.fonts.body}, (page.key, box.role, fonts)


def test_plain_body_text_never_drops_below_its_floor(decks):
    theme = decks["plain"].theme
    for page in decks["plain"].pages:
        for frame in page.text_frames():
            sizes = [s.size for p in frame.paragraphs for s in p.spans if not s.superscript]
            if frame.role == "body" and page.kind in ("bullets", "key_judgments"):
                level0 = [s.size for p in frame.paragraphs if p.level == 0 for s in p.spans if not s.superscript]
                assert min(level0) >= theme.sizes.body.minimum, page.key
            if frame.role == "source":
                assert min(sizes) >= theme.sizes.source.minimum, page.key


def test_no_look_places_a_logo_or_banner_unasked(decks):
    for result in decks.values():
        assert not any(isinstance(b, Picture) or b.name == "banner" for p in result.pages for b in p.boxes)
