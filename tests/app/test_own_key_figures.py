"""Driving the app: a key-figures slide of one's own, and the guidance for the briefer in the own-slide dialogs.

As in :mod:`app.test_own_slides`, the tests build the deck strip alone on a
controller, or the dialog alone on the library; reopening a saved brief is a
new controller on it with a deck strip of its own.
"""

from __future__ import annotations

from app.test_own_slides import SOURCE, answer_dialog
from app.windowkit import add_slide_after, pptx_texts, show_alone
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.app.own_slide_dialog import OwnSlideDialog
from sinoru_brief.brief import BriefFigure, load_brief

OTHER = "prc-russia-2024-05-16-joint-statement-zh"


def _cite(dialog: OwnSlideDialog, row: int, query: str, source_id: str) -> None:
    dialog.set_current_figure(row)
    dialog.search_edit.setText(query)
    assert dialog.results.currentItem().data(Qt.ItemDataRole.UserRole) == source_id
    dialog.cite_button.click()


def test_add_a_key_figures_slide_undo_redo_save_reopen_and_export(
    deck_strip,
    controller,
    make_controller,
    images,
    qtbot,
    monkeypatch,
    tmp_path,
    make_brief_files,
    file_dialogs,
    capsys,
):
    def fill(dialog: OwnSlideDialog) -> None:
        assert dialog.kind_box.isVisibleTo(dialog)
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("key_figures"))
        assert dialog.pages.currentIndex() == 2 and dialog.cite_button.text() == "&Cite in current figure"
        dialog.title_edit.setText("Three numbers")
        rows = dialog.figure_rows
        rows[0].value.setText("78%")
        rows[0].label.setText("of the trade is settled in roubles and yuan")
        _cite(dialog, 0, "wishnick without coordination 2025", SOURCE)
        _cite(dialog, 0, "wishnick without coordination 2025", SOURCE)  # once, however often cited
        rows[1].value.setText("$245 bn")
        rows[1].label.setText("bilateral trade in 2024, 中俄贸易额")
        _cite(dialog, 1, OTHER, OTHER)
        _cite(dialog, 1, "wishnick without coordination 2025", SOURCE)
        dialog.notes_edit.setPlainText("Say them slowly.")
        dialog.briefer_edit.setPlainText("Round them if asked.")

    answer_dialog(monkeypatch, fill)
    panel = deck_strip
    add_slide_after(panel, qtbot, "summits-warm-welcome")

    [own] = controller.brief.custom_slides
    assert (own.kind, own.title, own.notes, own.briefer, own.bullets) == (
        "key_figures",
        "Three numbers",
        "Say them slowly.",
        "Round them if asked.",
        [],
    )
    assert own.figures == [
        BriefFigure("78%", "of the trade is settled in roubles and yuan", [SOURCE]),
        BriefFigure("$245 bn", "bilateral trade in 2024, 中俄贸易额", [OTHER, SOURCE]),
    ]
    keys = panel.model.keys()
    assert keys[keys.index("summits-warm-welcome") + 1] == own.id and panel.current_key() == own.id
    view = controller.view()
    [slide] = [s for s in view.deck.slides if s.key == own.id]
    assert slide.citations == (view.deck.numbers[SOURCE], view.deck.numbers[OTHER])
    assert f"[{view.deck.numbers[OTHER]}] " in slide.notes and "For the briefer: Round them if asked." in slide.notes
    [page] = [p for p in view.pages if p.key == own.id]
    assert [f.text for f in page.text_frames() if f.role == "figure"] == [
        f"78%{view.deck.numbers[SOURCE]}",
        f"$245 bn{view.deck.numbers[SOURCE]},{view.deck.numbers[OTHER]}",
    ]

    controller.undo_stack.undo()
    assert controller.brief.custom_slides == [] and own.id not in panel.model.keys()
    controller.undo_stack.redo()
    assert controller.brief.custom_slides == [own] and own.id in panel.model.keys()

    target = tmp_path / "figures.brief.yaml"
    file_dialogs.save_answers.append(target)
    assert make_brief_files(controller).save()
    assert load_brief(target).custom_slides == [own]
    # Reopened: a new session on the saved brief, shown in a deck strip of its own.
    reopened = make_controller(load_brief(target), target)
    strip = show_alone(qtbot, DeckPanel(reopened, images), (600, 260))
    assert reopened.brief.custom_slides == [own] and own.id in strip.model.keys()

    # The command line exports the saved brief as the app shows it.
    from sinoru_brief.cli import EXIT_OK, main

    out = tmp_path / "deck.pptx"
    assert main(["export", "--brief", str(target), "-o", str(out)]) == EXIT_OK
    texts = pptx_texts(out)
    pages = reopened.view().pages
    [index] = [i for i, text in enumerate(texts) if "Three numbers" in text]
    assert pages[index].key == own.id
    assert "bilateral trade in 2024, 中俄贸易额" in texts[index] and "$245 bn" in texts[index]


def test_a_half_written_figure_or_an_unknown_source_keeps_ok_disabled(real_library, qtbot):
    dialog = OwnSlideDialog(real_library, choose_kind=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.title_edit.setText("Numbers")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("key_figures"))
    assert not ok.isEnabled() and dialog.problem.text() == "Give at least one figure: its value and label."
    row = dialog.figure_rows[1]
    row.value.setText("78%")
    assert not ok.isEnabled() and dialog.problem.text() == "Say what figure 2 (78%) is: give it a label."
    row.label.setText("of the trade")
    assert ok.isEnabled()
    row.cite.setText("no-such-source")
    assert not ok.isEnabled() and dialog.problem.text().startswith("Unknown source: no-such-source.")
    row.cite.setText(SOURCE)
    dialog.figure_rows[2].label.setText("a label without its number")
    assert not ok.isEnabled() and dialog.problem.text() == "Give figure 3 its value, e.g. 78%."
    assert row.value.maxLength() == 24
    assert dialog.figures() == [
        BriefFigure("78%", "of the trade", [SOURCE]),
        BriefFigure("", "a label without its number"),
    ]


def test_edit_an_own_key_figures_slide_and_a_library_slides_guidance(deck_strip, controller, monkeypatch):
    own_id = controller.add_own_slide(
        "summits-warm-welcome",
        "Numbers",
        [],
        kind="key_figures",
        figures=[BriefFigure("78%", "of the trade", [SOURCE])],
    )

    def fill(dialog: OwnSlideDialog) -> None:
        assert not dialog.kind_box.isVisibleTo(dialog) and dialog.pages.currentIndex() == 2
        assert dialog.figure_rows[0].cite.text() == SOURCE
        dialog.figure_rows[0].value.setText("80%")
        dialog.figure_rows[2].value.setText("3")
        dialog.figure_rows[2].label.setText("summits a year")
        dialog.briefer_edit.setPlainText("Our rounding.")

    answer_dialog(monkeypatch, fill)
    deck_strip.select_key(own_id)
    count = controller.undo_stack.count()
    deck_strip.own_slides.edit_action.trigger()
    [own] = controller.brief.custom_slides
    assert own.figures == [BriefFigure("80%", "of the trade", [SOURCE]), BriefFigure("3", "summits a year")]
    assert own.briefer == "Our rounding." and own.bullets == []
    assert controller.undo_stack.count() == count + 1  # one step
    controller.undo_stack.undo()
    assert controller.brief.custom_slides[0].figures == [BriefFigure("78%", "of the trade", [SOURCE])]
    assert controller.brief.custom_slides[0].briefer == ""

    # A library slide's guidance for the briefer is edited for this deck beside its bullets and notes.
    key = "gray-zone-insulating-europe"
    library_briefer = controller.session.library.slide(key).briefer
    assert library_briefer.startswith("with a European audience")
    answer_dialog(monkeypatch, lambda dialog: None)
    deck_strip.select_key(key)
    deck_strip.own_slides.edit_action.trigger()
    assert key not in controller.brief.overrides  # OK on the library's own text changes nothing

    def guide(dialog: OwnSlideDialog) -> None:
        assert dialog.briefer() == library_briefer.strip()
        dialog.briefer_edit.setPlainText("If asked, name the source.")

    answer_dialog(monkeypatch, guide)
    deck_strip.own_slides.edit_action.trigger()
    assert controller.brief.overrides[key].briefer == "If asked, name the source."
    [slide] = [s for s in controller.view().deck.slides if s.key == key]
    assert "For the briefer: If asked, name the source." in slide.notes and library_briefer not in slide.notes
    controller.undo_stack.undo()
    assert key not in controller.brief.overrides


def test_the_briefer_box_drops_the_label_the_export_adds_and_holds_to_the_limit(real_library, qtbot):
    dialog = OwnSlideDialog(real_library, title="Mine")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.briefer_edit.setPlainText("For the briefer: say whose count it is.")
    assert dialog.briefer() == "say whose count it is." and ok.isEnabled()
    dialog.briefer_edit.setPlainText("x" * 1001)
    assert not ok.isEnabled()
    assert dialog.problem.text() == "The guidance for the briefer is 1,001 characters long; keep it to 1,000."


def test_add_and_edit_a_quotation_slide_of_ones_own(deck_strip, controller, qtbot, monkeypatch):
    def fill(dialog: OwnSlideDialog) -> None:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("quote"))
        assert dialog.pages.currentIndex() == 1
        dialog.title_edit.setText("In their words")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled() and dialog.problem.text() == "Type the quoted words."
        dialog.quote_edit.setPlainText("Friendship has no limits.")
        dialog.attribution_edit.setText("The joint statement")
        dialog.search_edit.setText(OTHER)
        dialog.cite_button.click()
        dialog.cite_button.click()

    answer_dialog(monkeypatch, fill)
    panel = deck_strip
    add_slide_after(panel, qtbot, "summits-warm-welcome")
    [own] = controller.brief.custom_slides
    assert (own.kind, own.quote, own.attribution, own.cite, own.bullets, own.figures) == (
        "quote",
        "Friendship has no limits.",
        "The joint statement",
        [OTHER],
        [],
        [],
    )
    [page] = [p for p in controller.view().pages if p.key == own.id]
    assert any("Friendship has no limits." in f.text for f in page.text_frames())

    def edit(dialog: OwnSlideDialog) -> None:
        assert dialog.pages.currentIndex() == 1 and dialog.quote_cite_edit.text() == OTHER
        dialog.attribution_edit.setText("Xi and Putin, May 2024")

    answer_dialog(monkeypatch, edit)
    panel.select_key(own.id)
    panel.own_slides.edit_action.trigger()
    [edited] = controller.brief.custom_slides
    assert (edited.attribution, edited.bullets) == ("Xi and Putin, May 2024", [])
    controller.undo_stack.undo()
    assert controller.brief.custom_slides[0].attribution == "The joint statement"
