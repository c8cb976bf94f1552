"""Each accessibility rule catches a deck made to break it, on the right slide and shape, and nothing else."""

from __future__ import annotations

from copy import deepcopy

import pytest
from check.decks import BLANK, good_deck, mark_decorative, picture, table, text_box, titled_slide

from sinoru_brief.check import ERROR, WARNING, check_bytes
from sinoru_brief.theme.drawingml import contrast


def findings(data: bytes):
    return check_bytes(data, schemas=False).findings


def test_a_clean_deck_has_no_findings():
    assert findings(good_deck()) == []


def test_a_picture_without_alternative_text_is_an_error_on_its_slide():
    def fault(deck):
        picture(titled_slide(deck, "Energy"), alt="", name="Pipeline map")

    [found] = findings(good_deck(fault))
    assert (found.severity, found.rule, found.slide, found.shape) == (ERROR, "alt-text", 3, "Pipeline map")
    assert "picture" in found.message


def test_a_table_without_alternative_text_is_an_error():
    [found] = findings(good_deck(lambda deck: table(titled_slide(deck, "Trade"), alt="")))
    assert (found.rule, found.slide) == ("alt-text", 3) and "table" in found.message


def test_a_decorative_picture_needs_no_alternative_text():
    def fault(deck):
        mark_decorative(picture(titled_slide(deck, "Energy"), alt=""))

    assert findings(good_deck(fault)) == []


def test_a_slide_without_a_title_is_an_error():
    def fault(deck):
        text_box(deck.slides.add_slide(deck.slide_layouts[BLANK]), "Untitled thoughts", 2.0)

    [found] = findings(good_deck(fault))
    assert (found.severity, found.rule, found.slide) == (ERROR, "slide-title", 3)


def test_an_empty_title_placeholder_is_an_error():
    def fault(deck):
        slide = titled_slide(deck, "")
        text_box(slide, "Body text", 2.0)

    [found] = findings(good_deck(fault))
    assert (found.rule, found.slide) == ("slide-title", 3) and "empty" in found.message


def test_an_empty_second_title_placeholder_is_a_warning_naming_it():
    def fault(deck):
        slide = titled_slide(deck, "Energy")
        title = slide.shapes.title._element
        spare = deepcopy(title)
        spare.xpath("./p:nvSpPr/p:cNvPr")[0].set("name", "Title 9")
        spare.xpath("./p:nvSpPr/p:cNvPr")[0].set("id", "99")
        for paragraph in spare.xpath(".//a:p"):
            for run in paragraph.xpath("./a:r"):
                paragraph.remove(run)
        title.addnext(spare)

    [found] = findings(good_deck(fault))
    assert (found.severity, found.rule, found.slide, found.shape) == (WARNING, "extra-title", 3, "Title 9")
    assert "Click to add title" in found.message


def test_a_repeated_title_is_a_warning_on_the_later_slide():
    [found] = findings(good_deck(lambda deck: text_box(titled_slide(deck, "joint  Exercises"), "More", 2.0)))
    assert (found.severity, found.rule, found.slide) == (WARNING, "duplicate-title", 3)
    assert "slide 2" in found.message


def test_shapes_listed_bottom_first_break_the_reading_order():
    def fault(deck):
        slide = titled_slide(deck, "Order")
        text_box(slide, "Read second, placed low", 4.0, name="Lower")
        text_box(slide, "Read third, placed high", 2.0, name="Upper")

    [found] = findings(good_deck(fault))
    assert (found.severity, found.rule, found.slide, found.shape) == (WARNING, "reading-order", 3, "Lower")
    assert "'Upper'" in found.message


def test_columns_read_one_after_the_other_are_in_order():
    def columns(deck):
        slide = titled_slide(deck, "Two columns")
        text_box(slide, "Left heading", 2.0, left=0.5)
        text_box(slide, "Left text", 3.0, left=0.5)
        text_box(slide, "Right heading", 2.0, left=5.0)
        text_box(slide, "Right text", 3.0, left=5.0)

    assert findings(good_deck(columns)) == []


def test_a_title_read_after_other_shapes_breaks_the_reading_order():
    def fault(deck):
        slide = titled_slide(deck, "Late title")
        box = text_box(slide, "First in the list", 2.0)
        slide.shapes._spTree.remove(box._element)
        slide.shapes._spTree.insert(2, box._element)  # before the title, after the tree's own properties

    [found] = findings(good_deck(fault))
    assert (found.rule, found.slide) == ("reading-order", 3) and "title" in found.message


def test_light_grey_body_text_on_white_is_low_contrast():
    def fault(deck):
        text_box(titled_slide(deck, "Pale"), "Hard to read", 2.0, color="AAAAAA", size=14, name="Pale text")

    [found] = findings(good_deck(fault))
    assert (found.severity, found.rule, found.slide, found.shape) == (ERROR, "contrast", 3, "Pale text")
    assert "2.32:1" in found.message and "needs 4.5:1" in found.message


@pytest.mark.parametrize(
    ("size", "bold", "passes"), [(24, False, True), (14, True, True), (14, False, False), (16, False, False)]
)
def test_large_text_needs_only_three_to_one(size, bold, passes):
    grey = "808080"  # 3.95:1 on white: enough for large text, not for body text
    assert 3.0 < contrast(grey, "FFFFFF") < 4.5

    def deck_with(deck):
        text_box(titled_slide(deck, "Grey"), "Grey text", 2.0, color=grey, size=size, bold=bold)

    assert (findings(good_deck(deck_with)) == []) is passes


def test_text_on_a_filled_shape_is_measured_against_the_fill():
    from pptx.dml.color import RGBColor

    def fault(deck):
        slide = titled_slide(deck, "Banner")
        box = text_box(slide, "White on yellow", 2.0, color="FFFFFF", name="Banner text")
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string("FFFF00")

    [found] = findings(good_deck(fault))
    assert (found.rule, found.shape) == ("contrast", "Banner text") and "#FFFF00" in found.message


def test_white_text_on_a_dark_fill_passes():
    from pptx.dml.color import RGBColor

    def dark(deck):
        box = text_box(titled_slide(deck, "Dark"), "White on navy", 2.0, color="FFFFFF")
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string("13213C")

    assert findings(good_deck(dark)) == []


def test_a_table_without_a_header_row_is_an_error():
    [found] = findings(good_deck(lambda deck: table(titled_slide(deck, "Plain table"), header=False)))
    assert (found.severity, found.rule, found.slide) == (ERROR, "table-header", 3)


def test_contrast_ratio_matches_wcag():
    assert contrast("000000", "FFFFFF") == pytest.approx(21.0)
    assert contrast("FFFFFF", "FFFFFF") == pytest.approx(1.0)
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
