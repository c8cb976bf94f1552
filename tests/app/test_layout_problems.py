"""A look that leaves a slide no room is reported once, naming the slide, and the deck is not exported."""

from __future__ import annotations

from dataclasses import replace

from app.windowkit import built

from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


def test_a_cramped_look_is_reported_with_the_slide_and_why(window, qtbot, dialog_log):
    session = window.controller.session
    cramped = replace(session.theme(), height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    window.controller.set_theme(cramped, "Cramp the slide")
    built(window, qtbot)  # the new look is laid out off the GUI thread; the problem is told when it arrives
    assert session.layout_problem and "cannot be laid out" in session.layout_problem
    titles = [title for title, _ in dialog_log.errors]
    assert titles.count("Some slides do not fit this look") == 1
    message = dict(dialog_log.errors)["Some slides do not fit this look"]
    assert "slide " in message and "cannot be exported" in message
    # The same problem is not reported again on the next change; undoing the look clears it.
    window.controller.undo_stack.undo()
    built(window, qtbot)
    assert session.layout_problem == ""
    assert titles.count("Some slides do not fit this look") == 1


def test_a_sound_deck_has_no_layout_problem(window, dialog_log):
    window.controller.view()
    assert window.controller.session.layout_problem == ""
    assert not dialog_log.errors


def test_a_deck_that_does_not_fit_is_never_exported(window, dialog_log, file_dialogs, tmp_path):
    session = window.controller.session
    cramped = replace(session.theme(), height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    window.controller.set_theme(cramped, "Cramp the slide")
    target = tmp_path / "deck.pptx"
    window.exporter.start_export(target)
    assert window.exporter.export_job is None and not target.exists()
    assert dialog_log.errors[-1][0] == "The deck cannot be exported"
    assert "Nothing was written" in dialog_log.errors[-1][1]
    window.controller.undo_stack.undo()  # the unsaved look would be offered for saving on close


def test_an_export_reports_what_the_accessibility_check_found(window, qtbot, tmp_path, monkeypatch):
    from sinoru_brief.app import export_job

    monkeypatch.setattr(
        export_job,
        "_accessibility_findings",
        lambda data: ["warning: slide 2, shape 'label': [reading-order] read before 'year'"],
    )
    window.exporter.start_export(tmp_path / "deck.pptx")
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert "1 accessibility finding" in window.exporter.export_message.text()
    assert "[reading-order]" in window.exporter.export_message.toolTip()


def test_the_check_runs_on_the_written_deck(window, qtbot, tmp_path):
    window.exporter.start_export(tmp_path / "deck.pptx")
    job = window.exporter.export_job
    qtbot.waitUntil(lambda: window.exporter.export_job is None, timeout=20000)
    assert all("[" in finding for finding in job.findings)  # each names its rule
    assert ("accessibility finding" in window.exporter.export_message.text()) == bool(job.findings)
