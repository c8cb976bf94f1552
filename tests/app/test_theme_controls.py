"""The theme editor's own controls: a slide size shown in inches and a size range read as points."""

from __future__ import annotations

from sinoru_brief.app.theme_controls import CUSTOM, SizeRangeEditor, SlideSizePicker
from sinoru_brief.units import inches


def test_a_custom_slide_size_shows_in_inches_and_reads_back_in_emu(qtbot):
    picker = SlideSizePicker()
    qtbot.addWidget(picker)
    picker.set_size_emu(inches(11.0), inches(8.5))
    assert picker.shape.currentData() == CUSTOM
    assert (picker.width_box.value(), picker.height_box.value()) == (11.0, 8.5)
    assert picker.size_emu() == (inches(11.0), inches(8.5))


def test_a_named_slide_size_is_chosen_by_its_emu(qtbot):
    picker = SlideSizePicker()
    qtbot.addWidget(picker)
    picker.set_size_emu(inches(13.333333), inches(7.5))
    assert picker.shape.currentData() == "16:9"
    assert picker.size_emu() == (inches(13.333333), inches(7.5))


def test_a_size_range_reads_its_points(qtbot):
    editor = SizeRangeEditor("Body")
    qtbot.addWidget(editor)
    editor.set_values(18.5, 12.0)
    assert editor.values() == (18.5, 12.0)


def test_the_size_boxes_take_every_side_a_template_may_have(qtbot):
    from sinoru_brief.theme.master import SLIDE_SIDE_IN

    picker = SlideSizePicker()
    qtbot.addWidget(picker)
    for side in SLIDE_SIDE_IN:
        picker.set_size_emu(inches(side), inches(side))
        assert (picker.width_box.value(), picker.height_box.value()) == (side, side)
        assert picker.size_emu() == (inches(side), inches(side))
