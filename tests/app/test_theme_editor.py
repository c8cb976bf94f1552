"""The theme editor: colours, sizes, footer, banner, logo and slide size restyle the preview live and undo.

Most tests build the editor alone on a controller and read the look from the
pages laid out in it, which the preview draws; opening it, the preview's
pixels and aspect, exporting and closing are the window's and tested on one.
"""

from __future__ import annotations

import pytest
from app.windowkit import built, show_alone
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from sinoru_brief.app import style_box, theme_controls, window_templates
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.layout.pages import Picture, Shape
from sinoru_brief.units import inches


@pytest.fixture(autouse=True)
def look_files(monkeypatch, file_dialogs):
    """Route the look's file dialogs (logo, citation style, master) to the test's answers."""
    for module in (theme_controls, style_box, window_templates):
        monkeypatch.setattr(module, "QFileDialog", file_dialogs)
    return file_dialogs


@pytest.fixture
def editor(qtbot, controller) -> ThemeEditor:
    """The theme editor alone on the analyst's three topics, as tall as the window's dock."""
    return show_alone(qtbot, ThemeEditor(controller), (380, 860))


def open_editor(window, qtbot) -> ThemeEditor:
    window.preview.setFocus()
    qtbot.keyClick(window.preview, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.theme_dock.isVisible()
    return window.theme_editor


def applied(editor: ThemeEditor, qtbot) -> None:
    """Wait for the editor's debounce to apply the change, and the deck built in the new look to arrive."""
    qtbot.waitUntil(lambda: not editor.timer.isActive(), timeout=2000)
    built(editor.controller, qtbot)


def deck_page(controller, key: str):
    """Return the laid-out page of *key* (what the preview draws for it)."""
    return next(page for page in controller.view().pages if page.key == key)


def red_pixels(image) -> int:
    """Count the pure red pixels of a preview image (text drawn in FF0000 has many)."""
    from PySide6.QtGui import QImage

    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    return bytes(rgb.constBits()).count(b"\x00\x00\xff\xff")


def test_ctrl_t_opens_the_editor_beside_the_preview_showing_the_template(window, qtbot):
    editor = open_editor(window, qtbot)
    assert window.preview.isVisible()
    theme = window.controller.view().theme
    assert editor.color_buttons["background"].text() == f"#{theme.colors.background}"
    assert editor.palette_editor.colors() == theme.colors.chart
    assert editor.size_editors["body"].values() == (theme.sizes.body.size, theme.sizes.body.minimum)
    assert editor.footer.text() == "{{ brief.title }}"
    assert editor.slide_size.shape.currentData() == "16:9"
    assert not editor.banner_on.isChecked() and not editor.revert_button.isEnabled()
    assert "Briefing (dark, 16:9)" in editor.heading.text()


def test_a_colour_change_restyles_the_preview_and_thumbnails_and_undoes(window, qtbot, colors):
    editor = open_editor(window, qtbot)
    window.deck_panel.select_key("gray-zone-baltic-cables")
    before = window.preview.current_image().copy()
    assert red_pixels(before) == 0
    colors.answers.append(QColor("#FF0000"))
    qtbot.mouseClick(editor.color_buttons["title"], Qt.MouseButton.LeftButton)
    assert colors.asked == [("Titles colour", "#FFFFFF")]
    applied(editor, qtbot)
    assert window.controller.view().theme.colors.title == "FF0000"
    assert red_pixels(window.preview.current_image()) > 200  # the title is drawn in red
    colors.answers.append(QColor("#204060"))
    qtbot.mouseClick(editor.color_buttons["background"], Qt.MouseButton.LeftButton)
    applied(editor, qtbot)
    assert {page.background for page in window.deck_panel.model.pages} == {"204060"}
    assert "Changed for this deck (saved with the brief)" in editor.state.text() and editor.revert_button.isEnabled()
    stack = window.controller.undo_stack
    assert stack.undoText() == "Change background colour"
    stack.undo()
    stack.undo()
    built(window, qtbot)
    assert window.controller.session.theme_override is None
    assert editor.color_buttons["title"].color() == "FFFFFF"
    assert window.preview.current_image() == before
    stack.redo()
    built(window, qtbot)
    assert editor.color_buttons["title"].color() == "FF0000"


def test_the_chart_palette_grows_shrinks_and_changes(editor, controller, qtbot, colors):
    chart = controller.view().theme.colors.chart
    editor.palette_editor.drop.click()
    editor.palette_editor.add.click()
    colors.answers.append(QColor("#123456"))
    editor.palette_editor.buttons[-1].click()
    applied(editor, qtbot)
    assert controller.view().theme.colors.chart == (*chart[:-1], "123456")


def test_a_size_below_its_minimum_takes_the_minimum_down(editor, controller, qtbot):
    body = editor.size_editors["body"]
    assert body.values() == (22.0, 14.0)
    body.minimum_box.setValue(30)  # cannot rise above the size
    assert body.values() == (22.0, 22.0)
    body.size_box.setValue(12)
    assert body.values() == (12.0, 12.0)
    applied(editor, qtbot)
    sizes = controller.view().theme.sizes
    assert (sizes.body.size, sizes.body.minimum) == (12.0, 12.0)
    assert controller.undo_stack.count() == 1  # the steps of one field merge into one undo step
    assert controller.undo_stack.undoText() == "Change bullets size"


def test_sizes_restyle_the_text(editor, controller, qtbot):
    page = deck_page(controller, "gray-zone-baltic-cables")
    title = next(f for f in page.text_frames() if f.role == "title")
    editor.size_editors["title"].size_box.setValue(20)
    applied(editor, qtbot)
    smaller = next(f for f in deck_page(controller, "gray-zone-baltic-cables").text_frames() if f.role == "title")
    assert title.paragraphs[0].spans[0].size == 30 and smaller.paragraphs[0].spans[0].size == 20


def test_a_footer_that_does_not_compile_or_fill_in_shows_why_inline(editor, controller, qtbot):
    editor.footer.setFocus()
    editor.footer.selectAll()
    qtbot.keyClicks(editor.footer, "{{ brief.title")
    applied(editor, qtbot)
    assert editor.footer_error.isVisible()
    assert editor.footer_error.text() == (
        "The footer does not compile: unexpected end of template, expected "
        "'end of print statement'. Check the {{ }} and {% %} pairs."
    )
    assert controller.view().deck.footer == "China and Russia"
    assert editor.footer.text() == "{{ brief.title"  # the user's text stays to be fixed
    editor.footer.selectAll()
    qtbot.keyClicks(editor.footer, "{{ brief.titel }}")
    applied(editor, qtbot)
    assert editor.footer_error.text() == (
        "The footer cannot be filled in: 'dict object' has no attribute 'titel' (the variables are brief and as_of)"
    )
    editor.footer.selectAll()
    qtbot.keyClicks(editor.footer, "Ministry · {{ brief.title }}")
    applied(editor, qtbot)
    assert editor.footer_error.isHidden()
    assert controller.view().deck.footer == "Ministry · China and Russia"
    assert editor.footer.hasFocus() and editor.footer.text() == "Ministry · {{ brief.title }}"


def footer_text(page) -> str:
    return next(f.text for f in page.text_frames() if f.role == "footer")


def test_the_banner_switches_on_with_its_text_and_colours(editor, controller, qtbot, colors):
    assert not editor.banner_text.isEnabled()
    editor.banner_on.click()
    assert editor.banner_text.isEnabled()
    editor.banner_text.setFocus()
    editor.banner_text.selectAll()
    qtbot.keyClicks(editor.banner_text, "SECRET")
    colors.answers.append(QColor("#C00000"))
    editor.banner_color.click()
    applied(editor, qtbot)
    banner = controller.view().theme.banner
    assert (banner.text, banner.color, banner.text_color) == ("SECRET", "C00000", "FFFFFF")
    page = controller.view().pages[3]
    strips = [b for b in page.boxes if isinstance(b, Shape) and b.name == "banner"]
    assert len(strips) == 2 and {s.fill for s in strips} == {"C00000"}
    editor.banner_text.selectAll()
    qtbot.keyClick(editor.banner_text, Qt.Key.Key_Delete)
    applied(editor, qtbot)
    assert editor.banner_error.text() == "The banner needs text, e.g. UNCLASSIFIED."
    assert controller.view().theme.banner.text == "SECRET"
    assert editor.banner_text.text() == ""  # left for the user to fill in
    editor.banner_on.click()
    applied(editor, qtbot)
    assert controller.view().theme.banner is None
    assert editor.banner_error.isHidden()


def test_a_logo_is_chosen_previewed_and_cleared(editor, controller, qtbot, file_dialogs, dialog_log, tmp_path):
    logo = tmp_path / "crest.png"
    Image.new("RGB", (80, 40), (20, 120, 60)).save(logo)
    file_dialogs.open_answers.append(logo)
    qtbot.mouseClick(editor.logo.choose_button, Qt.MouseButton.LeftButton)
    assert not editor.logo.preview.pixmap().isNull()
    applied(editor, qtbot)
    assert controller.view().theme.logo == logo.resolve()
    page = controller.view().pages[3]
    assert [b.path for b in page.boxes if isinstance(b, Picture)] == [str(logo.resolve())]
    editor.logo.clear_button.click()
    applied(editor, qtbot)
    assert controller.view().theme.logo is None
    assert editor.logo.preview.text() == "no logo"
    gif = tmp_path / "crest.gif"  # every format the template checker accepts, GIF included
    Image.new("RGB", (8, 8)).save(gif)
    file_dialogs.open_answers.append(gif)
    editor.logo.choose_button.click()
    assert editor.logo.path == gif.resolve() and not dialog_log.errors
    editor.logo.clear_button.click()
    not_logo = tmp_path / "crest.webp"  # a format PowerPoint cannot place, whatever the name says
    Image.new("RGB", (8, 8)).save(not_logo, format="WEBP")
    file_dialogs.open_answers.append(not_logo)
    editor.logo.choose_button.click()
    assert dialog_log.errors == [
        (
            "Cannot use this logo",
            f"{not_logo} is a WEBP file. Use one of PNG, JPEG, GIF, BMP, TIFF, e.g. export the logo as PNG.",
        )
    ]
    assert editor.logo.path is None


@pytest.mark.parametrize(("shape", "size_in"), [("4:3", (10, 7.5)), ("16:10", (12, 7.5))])
def test_a_slide_size_changes_the_preview_aspect(window, qtbot, shape, size_in):
    editor = open_editor(window, qtbot)
    picker = editor.slide_size
    picker.shape.setCurrentIndex(picker.shape.findData(shape))
    picker.shape.activated.emit(picker.shape.currentIndex())
    applied(editor, qtbot)
    page = window.preview.page
    assert (page.width, page.height) == (inches(size_in[0]), inches(size_in[1]))
    rect = window.preview.target_rect()
    assert rect.width() / rect.height() == pytest.approx(size_in[0] / size_in[1], rel=0.01)


def test_a_custom_slide_size(editor, controller, qtbot):
    picker = editor.slide_size
    assert picker.width_box.isHidden()
    picker.shape.setCurrentIndex(picker.shape.findData("Custom"))
    picker.shape.activated.emit(picker.shape.currentIndex())
    assert picker.width_box.isVisible()
    picker.width_box.setValue(11)
    picker.height_box.setValue(8.5)
    applied(editor, qtbot)
    assert {(page.width, page.height) for page in controller.view().pages} == {(inches(11), inches(8.5))}
    # A slide too small for its text is taken as a template's would be, and layout says why it is refused.
    picker.width_box.setValue(1.5)
    picker.height_box.setValue(1.0)
    applied(editor, qtbot)
    assert controller.session.layout_problem


def test_fonts_restyle_and_choosing_a_template_drops_the_edited_look(editor, controller, qtbot):
    editor.heading_font.setCurrentText("Times New Roman")
    editor.heading_font.activated.emit(editor.heading_font.currentIndex())
    applied(editor, qtbot)
    edited = controller.session.theme_override
    assert edited.fonts.heading == "Times New Roman"
    controller.set_field("template", "plain")  # what choosing it in the inspector does
    assert controller.session.theme_override is None
    assert editor.heading_font.currentText() == "Arial" and editor.slide_size.shape.currentData() == "4:3"
    controller.undo_stack.undo()  # the template choice and the dropped look come back together
    assert controller.brief.template == "briefing"
    assert controller.session.theme_override == edited
    assert editor.heading_font.currentText() == "Times New Roman"


def test_setting_a_value_back_by_hand_leaves_nothing_unsaved(editor, controller, qtbot):
    editor.footer_size.setValue(12)
    applied(editor, qtbot)
    assert controller.session.theme_override is not None
    editor.footer_size.setValue(10)
    applied(editor, qtbot)
    assert controller.session.theme_override is None
    assert not editor.revert_button.isEnabled()
    assert controller.undo_stack.count() == 0  # there and back in one field is no step at all


def test_revert_drops_the_look_as_one_undoable_step(editor, controller, qtbot, colors):
    colors.answers.append(QColor("#00FF00"))
    editor.color_buttons["accent"].click()
    applied(editor, qtbot)
    edited = controller.session.theme_override
    editor.revert_button.click()
    assert controller.session.theme_override is None
    assert editor.color_buttons["accent"].color() == "E0A526"
    controller.undo_stack.undo()
    assert controller.session.theme_override == edited


def test_the_edited_look_is_exported(window, qtbot, colors, file_dialogs, tmp_path):
    from pptx import Presentation

    editor = open_editor(window, qtbot)
    editor.footer.setFocus()
    editor.footer.selectAll()
    qtbot.keyClicks(editor.footer, "Ministry footer")
    applied(editor, qtbot)
    file_dialogs.save_answers.append(tmp_path / "deck.pptx")
    window.exporter.export()
    window.exporter.wait_for_export()
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=10000)
    slides = Presentation(str(tmp_path / "deck.pptx")).slides
    assert any("Ministry footer" in shape.text_frame.text for shape in slides[3].shapes if shape.has_text_frame)


def test_closing_with_an_edited_look_asks_to_save_the_brief_that_keeps_it(window, qtbot, dialog_log):
    editor = open_editor(window, qtbot)
    editor.footer_size.setValue(12)
    applied(editor, qtbot)
    assert window.isWindowModified()  # the look is part of the brief: changing it is a change to save
    assert window.maybe_save()
    assert dialog_log.save_prompts == ["Untitled brief"]  # one question, about the brief; no second about the look
