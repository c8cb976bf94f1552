"""The user's own material in the app: a title-only slide of one's own stays in the deck."""

from __future__ import annotations

from app.windowkit import deck_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from sinoru_brief.app.own_slide_dialog import OwnSlideDialog


def answer_dialog(monkeypatch, fill) -> None:
    """Make OwnSlideDialog.exec run *fill(dialog)*, then press OK if it is enabled."""

    def exec_(dialog: OwnSlideDialog) -> int:
        fill(dialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(OwnSlideDialog, "exec", exec_)


def test_a_title_only_own_slide_is_shown_in_the_strip_and_the_preview(window, qtbot, monkeypatch):
    def fill(dialog: OwnSlideDialog) -> None:
        dialog.title_edit.setText("Questions")
        dialog.notes_edit.setPlainText("Take questions from the floor.")

    answer_dialog(monkeypatch, fill)
    panel = window.deck_panel
    panel.select_key("summits-warm-welcome")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    [own] = window.controller.brief.custom_slides
    assert (own.title, own.bullets) == ("Questions", [])
    keys = deck_keys(window)
    assert keys[keys.index("summits-warm-welcome") + 1] == own.id
    assert panel.current_key() == own.id
    [page] = [p for p in window.controller.view().pages if p.key == own.id]
    assert [f.text for f in page.text_frames() if f.role == "title"] == ["Questions"]
    assert not [f for f in page.text_frames() if f.role == "body"]
    assert page.notes.startswith("Take questions from the floor.")
