"""Groups: one with alternative text is read as one item and covers its parts; one without is read part by part."""

from __future__ import annotations

from check.decks import ICON, good_deck, mark_decorative, titled_slide
from pptx.util import Emu, Inches

from sinoru_brief.check import ERROR, WARNING, check_bytes


def findings(data: bytes):
    return check_bytes(data, schemas=False).findings


def _timeline_like_group(slide, *, descr: str):
    """A group drawn like a timeline: a dot without alternative text, and a label listed before one above it."""
    group = slide.shapes.add_group_shape()
    group.name = "Timeline"
    dot = group.shapes.add_picture(str(ICON), Inches(2), Inches(4), Emu(228600), Emu(228600))
    dot.name = "marker"
    dot._element.nvPicPr.cNvPr.set("descr", "")  # python-pptx describes a picture by its file name
    below = group.shapes.add_textbox(Inches(1), Inches(4.5), Inches(2), Inches(0.6))
    below.text_frame.text = "16 May 2024: joint statement"
    below.name = "label below"
    above = group.shapes.add_textbox(Inches(2), Inches(2.5), Inches(2), Inches(0.6))
    above.text_frame.text = "Mar 2023: state visit"
    above.name = "label above"
    if descr:
        group._element.nvGrpSpPr.cNvPr.set("descr", descr)
    return group


def test_a_described_group_covers_its_parts_and_is_one_item_in_the_reading_order():
    def described(deck):
        _timeline_like_group(titled_slide(deck, "Summits"), descr="Timeline: summits, 2023 to 2024: ...")

    assert findings(good_deck(described)) == []


def test_a_group_without_alternative_text_needs_it_and_so_do_its_pictures():
    def bare(deck):
        _timeline_like_group(titled_slide(deck, "Summits"), descr="")

    found = [(f.severity, f.rule, f.slide, f.shape) for f in findings(good_deck(bare))]
    assert (ERROR, "alt-text", 3, "Timeline") in found
    assert (ERROR, "alt-text", 3, "marker") in found


def test_the_parts_of_a_group_without_alternative_text_are_read_in_their_own_order():
    def bare(deck):
        _timeline_like_group(titled_slide(deck, "Summits"), descr="")

    order = [f for f in findings(good_deck(bare)) if f.rule == "reading-order"]
    assert [(f.severity, f.slide) for f in order] == [(WARNING, 3)]
    assert "label above" in order[0].message


def test_a_decorative_group_covers_its_parts():
    def decorative(deck):
        mark_decorative(_timeline_like_group(titled_slide(deck, "Summits"), descr=""))

    assert findings(good_deck(decorative)) == []
