"""A master gives the deck its size, fonts, colours and margins; sizes and their minimums stay the template's."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from lxml import etree

from sinoru_brief.theme import load_theme
from sinoru_brief.theme.drawingml import NS_A, Palette, contrast, mix
from sinoru_brief.theme.master import load_master
from sinoru_brief.theme.master_look import (
    TEXT_CONTRAST,
    TITLE_CONTRAST,
    is_cjk_font,
    master_look,
    measurable_font,
    scaled_sizes,
    size_factor,
    theme_with_master,
)
from sinoru_brief.units import inches

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"


@pytest.mark.parametrize(
    ("name", "measured"),
    [
        ("Calibri", "Calibri"),
        ("Calibri Light", "Calibri"),
        ("Carlito", "Calibri"),
        ("Arial", "Arial"),
        ("Arial Narrow", "Arial"),
        ("Helvetica Neue", "Arial"),
        ("Verdana", "Arial"),
        ("Segoe UI", "Arial"),
        ("Liberation Sans", "Arial"),
        ("Times New Roman", "Times New Roman"),
        ("Liberation Serif", "Times New Roman"),
        ("Georgia", "Times New Roman"),
        ("Cambria", "Times New Roman"),
        ("Garamond", "Times New Roman"),
        ("Noto Serif", "Times New Roman"),
        ("MS Mincho", "Times New Roman"),
        ("Noto Sans", "Arial"),
        ("PT Sans", "Calibri"),
        ("Corbel", "Calibri"),
        ("Aptos", "Calibri"),
        ("Some House Font", "Calibri"),
        ("", "Calibri"),
    ],
)
def test_theme_fonts_map_to_a_measurable_font_by_family(name, measured):
    assert measurable_font(name) == measured


@pytest.mark.parametrize(
    ("name", "cjk"),
    [
        ("Microsoft YaHei", True),
        ("等线", True),
        ("MS Gothic", True),
        ("Malgun Gothic", True),
        ("SimSun", True),
        ("DejaVu Sans", False),
        ("Century Gothic", False),
        ("", False),
    ],
)
def test_east_asian_fonts_are_recognised(name, cjk):
    assert is_cjk_font(name) is cjk


def _color(xml: str) -> etree._Element:
    return etree.fromstring(f'<a:x xmlns:a="{NS_A}">{xml}</a:x>')[0]


def test_colours_resolve_through_the_colour_map_with_their_modifiers():
    palette = Palette({"dk1": "000000", "lt1": "FFFFFF", "accent1": "4472C4"}, {"bg1": "dk1", "tx1": "lt1"})
    assert palette.color(_color('<a:schemeClr val="tx1"/>')) == "FFFFFF"
    assert (
        palette.color(_color('<a:schemeClr val="bg1"><a:lumMod val="25000"/><a:lumOff val="75000"/></a:schemeClr>'))
        == "BFBFBF"
    )
    assert palette.color(_color('<a:srgbClr val="4472C4"><a:lumMod val="50000"/></a:srgbClr>')) == "203864"
    assert palette.color(_color('<a:sysClr val="windowText" lastClr="111111"/>')) == "111111"
    assert palette.color(_color('<a:schemeClr val="phClr"><a:shade val="50000"/></a:schemeClr>'), "808080") == "404040"
    assert palette.color(_color('<a:srgbClr val="000000"><a:tint val="25000"/></a:srgbClr>')) == "BFBFBF"


def test_contrast_and_mixing():
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("777777", "777777") == pytest.approx(1.0)
    assert mix("000000", "FFFFFF", 0.5) == "808080"


def test_a_plain_master_gives_its_theme_colours_and_fonts():
    look = master_look(load_master(TEMPLATES / "automizer__RootTemplate.pptx"))
    assert (look.fonts.heading, look.fonts.body, look.fonts.east_asian) == ("Calibri", "Calibri", "Microsoft YaHei")
    c = look.colors
    assert (c.background, c.title, c.text, c.accent) == ("FFFFFF", "000000", "000000", "4472C4")
    assert c.chart == ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")
    assert look.notes == (
        "theme font 'Calibri Light' for headings is written as Calibri, the closest font whose widths we can measure",
    )


def test_text_hard_to_read_on_the_background_is_replaced_and_reported():
    look = master_look(load_master(TEMPLATES / "pandoc__footer-basic-reference.pptx"))
    c = look.colors
    assert c.background == "9F9F9F"
    assert (c.title, c.text) == ("000000", "000000")
    # The accent sets small text (citation markers, reference numbers), so it needs text contrast.
    for colour, minimum in (
        (c.title, TITLE_CONTRAST),
        (c.accent, TEXT_CONTRAST),
        (c.text, TEXT_CONTRAST),
        (c.muted, TEXT_CONTRAST),
    ):
        assert contrast(colour, c.background) >= minimum, colour
    assert look.notes == (
        "theme font 'Corbel' for headings is written as Calibri, the closest font whose widths we can measure",
        "theme font 'Corbel' for text is written as Calibri, the closest font whose widths we can measure",
        "the master's title colour E4E4E4 has a contrast of 2.1:1 on its background 9F9F9F; 000000 is used instead",
        "the master's text colour E4E4E4 has a contrast of 2.1:1 on its background 9F9F9F; 000000 is used instead",
        "no theme accent colour reads on the background 9F9F9F; the accent is 41AEBD deepened to 0D2326",
    )
    # Deepened towards the text colour to the first step that reads at 4.5:1.
    assert c.accent == mix("41AEBD", "000000", 0.8) == "0D2326"
    assert contrast(mix("41AEBD", "000000", 0.65), c.background) < TEXT_CONTRAST


def test_an_accent_readable_only_as_large_text_is_deepened_for_small_text():
    look = master_look(load_master(TEMPLATES / "pandoc__default-reference.pptx"))
    c = look.colors
    assert contrast("4F81BD", c.background) < TEXT_CONTRAST  # the master's accent1: 4.0:1 on white
    assert contrast(c.accent, c.background) >= TEXT_CONTRAST
    assert c.accent == mix("4F81BD", c.text, 0.1)  # the smallest step, so its hue is kept
    assert any("4F81BD" in note and "too little for small text" in note for note in look.notes)


def test_libreoffice_default_east_asian_font_is_not_taken():
    master = load_master(TEMPLATES / "automizer__SlideDimensions1.pptx")
    assert master.masters[0].east_asian_font == "DejaVu Sans"
    assert master_look(master).fonts.east_asian == "Microsoft YaHei"


@pytest.mark.parametrize(
    "name", ["officer__no_master.pptx", "automizer__SlideDimensions1.pptx", "pandoc__default-reference.pptx"]
)
def test_theme_with_master_takes_size_and_look_and_scales_sizes(name):
    theme = load_theme("briefing")
    master = load_master(TEMPLATES / name)
    on_master = theme_with_master(theme, master)
    assert (on_master.width, on_master.height) == (master.width, master.height)
    assert on_master.master is master
    factor = size_factor(theme.width, theme.height, master.width, master.height)
    assert on_master.sizes == scaled_sizes(theme.sizes, factor) and on_master.snippets == theme.snippets
    assert on_master.colors == master_look(master).colors
    # Margins stay inside the slide, at most a fifth of a side.
    for margin, side in (
        (on_master.margin_left, master.width),
        (on_master.margin_right, master.width),
        (on_master.margin_top, master.height),
        (on_master.margin_bottom, master.height),
    ):
        assert inches(0.1) <= margin <= side // 5
    assert dataclasses.replace(on_master, master=None) != theme


def test_margins_follow_the_masters_title_and_footer_placeholders():
    master = load_master(TEMPLATES / "pythonpptx__default.pptx")
    theme = theme_with_master(load_theme("briefing"), master)
    # Title placeholder at x 0.5 in, y 0.3 in, 9 in wide; footers end 7.35 in down. Text insets differ by 0.05 in.
    assert (theme.margin_left, theme.margin_right) == (457_200 + 45_720, 457_200 + 45_720)
    assert theme.margin_top == 274_638
    assert theme.margin_bottom == 6_858_000 - (6_356_350 + 365_125)


def test_a_master_without_any_title_keeps_the_templates_margins():
    theme = load_theme("briefing")
    on_master = theme_with_master(theme, load_master(TEMPLATES / "officer__test-no-placeholders-in-layout.pptx"))
    assert (on_master.margin_left, on_master.margin_top, on_master.margin_bottom) == (
        theme.margin_left,
        theme.margin_top,
        theme.margin_bottom,
    )
