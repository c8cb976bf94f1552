"""Slide kinds map to a master's layouts by placeholder types, whatever the layouts are called or where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.layout.engine import KIND_LAYOUTS
from sinoru_brief.theme.mapping import KIND_NEEDS, NEEDS, mapping, obstruction, placeholder_for
from sinoru_brief.theme.master import load_master

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"
ENGLISH = ("Title Slide", "Section Header", "Title and Content", "Title Only")

#: file -> the layout chosen for each need (title-slide, section, content, title-only), and which are exact.
EXPECTED = {
    "automizer__RootTemplate.pptx": (
        ("Titelfolie", "Abschnitts-\nüberschrift", "Titel und Inhalt", "Nur Titel"),
        (True, True, True, True),
    ),
    "automizer__SlideDimensions1.pptx": (
        ("Title Slide", "Title Only", "Title, Content", "Title Only"),
        (False, False, True, True),
    ),
    "coreoz__demo-template.pptx": (
        ("Diapositive de titre", "Titre de section", "Titre et contenu", "Titre seul"),
        (True, True, True, True),
    ),
    "officer__no_master.pptx": (("Page One",) * 4, (False,) * 4),
    "officer__template.pptx": (ENGLISH, (True,) * 4),
    "officer__test-no-placeholders-in-layout.pptx": (("layout_without_placeholders",) * 4, (False,) * 4),
    "pandoc__default-reference.pptx": (ENGLISH, (True,) * 4),
    "pandoc__footer-basic-reference.pptx": (ENGLISH, (True,) * 4),
    "pandoc__reference-moved-layouts.pptx": (ENGLISH, (True,) * 4),
    "pythonpptx__default.pptx": (ENGLISH, (True,) * 4),
}


@pytest.fixture(scope="module")
def masters():
    return {name: load_master(TEMPLATES / name) for name in EXPECTED}


def test_every_kind_the_layout_engine_knows_has_a_need():
    assert set(KIND_NEEDS) == set(KIND_LAYOUTS)
    assert set(KIND_NEEDS.values()) == set(NEEDS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_need_gets_the_layout_with_the_right_placeholders(masters, name):
    chosen = mapping(masters[name])
    names, exact = EXPECTED[name]
    assert tuple(chosen.for_need(need).layout.name for need in NEEDS) == names
    assert tuple(chosen.for_need(need).exact for need in NEEDS) == exact


def test_layout_order_does_not_matter(masters):
    moved = mapping(masters["pandoc__reference-moved-layouts.pptx"])
    # "Comparison" comes first in this file and "Title Slide" fifth; placeholder types still decide.
    assert masters["pandoc__reference-moved-layouts.pptx"].masters[0].layouts[0].name == "Comparison"
    assert moved.for_kind("title").layout.index == 4
    assert moved.for_kind("chart").layout.name == "Title Only"
    assert moved.for_kind("bullets").layout.name == "Title and Content"


def test_vertical_layouts_are_never_chosen(masters):
    chosen = mapping(masters["automizer__RootTemplate.pptx"])
    vertical = {"Titel und vertikaler Text", "Vertikaler Titel und Text"}
    assert not vertical & {c.layout.name for c in chosen.choices}


def test_unknown_kinds_use_the_content_layout(masters):
    chosen = mapping(masters["pythonpptx__default.pptx"])
    assert chosen.for_kind("a-kind-added-later") == chosen.for_need("content")


def test_nothing_is_missing_from_a_complete_master(masters):
    assert mapping(masters["pythonpptx__default.pptx"]).missing == ()


def test_a_master_without_placeholders_reports_every_gap(masters):
    assert mapping(masters["officer__test-no-placeholders-in-layout.pptx"]).missing == tuple(
        f"no layout is {label}: {kinds} slides use 'layout_without_placeholders' (no placeholder fits, so "
        f"everything is drawn as text boxes and shapes)"
        for label, kinds in (
            ("a title slide (ctrTitle + subTitle)", "title, closing"),
            ("a section header (title + one text placeholder, not the title or content layout)", "section"),
            ("a content layout (title + one body)", "agenda, bullets, key_judgments, references, sources"),
            ("a title-only layout (title, no body)", "quote, comparison, chart, key_figures, table, timeline"),
        )
    ) + (
        "layout 'layout_without_placeholders' has no footer, date or slide number placeholder: the footer, "
        "date and slide number are drawn as text boxes instead",
    )


def test_a_libreoffice_master_reports_its_gaps_and_its_second_master(masters):
    assert mapping(masters["automizer__SlideDimensions1.pptx"]).missing == (
        "no layout is a title slide (ctrTitle + subTitle): title, closing slides use 'Title Slide' (the title "
        "and subtitle go into its title[0] and subTitle[0] placeholders; the rest is drawn as text boxes and "
        "shapes)",
        "no layout is a section header (title + one text placeholder, not the title or content layout): section "
        "slides use 'Title Only' (the title goes into its title[0] placeholder; the rest is drawn as text boxes "
        "and shapes)",
        "layout 'Title Only' has no footer, date or slide number placeholder: the footer, date and slide number "
        "are drawn as text boxes instead",
        "layout 'Title, Content' has no footer, date or slide number placeholder: the footer, date and slide "
        "number are drawn as text boxes instead",
        "the file has 2 slide masters; only 'Master 1' (master 1) is used",
    )


def test_a_layout_drawn_over_its_content_area_hides_its_graphics(masters):
    master = masters["officer__no_master.pptx"]
    layout = master.masters[0].layouts[0]
    assert round(obstruction(master, layout), 2) == 0.72
    chosen = mapping(master)
    assert all(c.hide_shapes for c in chosen.choices)
    assert (
        "layout 'Page One' draws shapes over 72% of the content area: slides on it hide the layout's own "
        "graphics so the text stays readable"
    ) in chosen.missing
    # Small decorations at the edge of a slide do not count.
    dimensions = masters["automizer__SlideDimensions1.pptx"]
    assert not any(c.hide_shapes for c in mapping(dimensions).choices)


def test_placeholders_for_roles_by_type_each_used_once(masters):
    layouts = {layout.name: layout for layout in masters["pythonpptx__default.pptx"].masters[0].layouts}
    used: set[int] = set()
    title_slide = layouts["Title Slide"]
    assert placeholder_for(title_slide, "title", used).type == "ctrTitle"
    assert placeholder_for(title_slide, "subtitle", used).type == "subTitle"
    assert placeholder_for(title_slide, "subtitle", used) is None  # the only one is taken
    assert placeholder_for(title_slide, "number", used).type == "sldNum"
    # Bulleted body text is always drawn as a text box, never put in a body placeholder.
    assert placeholder_for(layouts["Title and Content"], "body", set()) is None
    assert placeholder_for(layouts["Section Header"], "summary", set()).type == "body"
    assert placeholder_for(layouts["Blank"], "title", set()) is None
    # A vertical body cannot hold a horizontal summary.
    assert placeholder_for(layouts["Vertical Title and Text"], "summary", set()) is None
