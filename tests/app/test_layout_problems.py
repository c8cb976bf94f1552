"""A look that leaves a slide no room is reported once, naming the slide, and the deck is not exported.

The report is :class:`BriefProblems`' and the export :class:`DeckExporter`'s:
each test builds the part it exercises on a controller, not a window.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from app import partkit
from app.windowkit import built

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.window_export import DeckExporter
from sinoru_brief.app.window_problems import BriefProblems
from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


@pytest.fixture
def problems(qtbot, controller) -> BriefProblems:
    """The brief's problems told over a plain widget, as the window tells them once it is built."""
    told = BriefProblems(controller, partkit.host(qtbot))
    told.report()  # as the window does when it opens
    return told


def cramp(controller: DeckController) -> None:
    """Give the deck a look two inches tall with a banner: no slide has room for its content."""
    cramped = replace(controller.session.theme(), height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    controller.set_theme(cramped, "Cramp the slide")


def test_a_cramped_look_is_reported_with_the_slide_and_why(problems, controller, qtbot, dialog_log):
    session = controller.session
    cramp(controller)
    built(controller, qtbot)  # the new look is laid out off the GUI thread; the problem is told when it arrives
    assert session.layout_problem and "cannot be laid out" in session.layout_problem
    titles = [title for title, _ in dialog_log.errors]
    assert titles.count("Some slides do not fit this look") == 1
    message = dict(dialog_log.errors)["Some slides do not fit this look"]
    assert "slide " in message and "cannot be exported" in message
    # The same problem is not reported again on the next change; undoing the look clears it.
    controller.undo_stack.undo()
    built(controller, qtbot)
    assert session.layout_problem == ""
    assert titles.count("Some slides do not fit this look") == 1


def test_a_sound_deck_has_no_layout_problem(problems, controller, dialog_log):
    controller.view()
    assert controller.session.layout_problem == ""
    assert not dialog_log.errors


def test_a_deck_that_does_not_fit_is_never_exported(exporter: DeckExporter, controller, dialog_log, tmp_path):
    cramp(controller)
    target = tmp_path / "deck.pptx"
    exporter.start_export(target)
    assert exporter.export_job is None and not target.exists()
    assert dialog_log.errors[-1][0] == "The deck cannot be exported"
    assert "Nothing was written" in dialog_log.errors[-1][1]


def test_an_export_reports_what_the_accessibility_check_found(exporter: DeckExporter, qtbot, tmp_path, monkeypatch):
    from sinoru_brief.app import export_job

    monkeypatch.setattr(
        export_job,
        "_accessibility_findings",
        lambda data: ["warning: slide 2, shape 'label': [reading-order] read before 'year'"],
    )
    exporter.start_export(tmp_path / "deck.pptx")
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)
    assert "1 accessibility finding" in exporter.export_message.text()
    assert "[reading-order]" in exporter.export_message.toolTip()


def test_the_check_runs_on_the_written_deck(exporter: DeckExporter, qtbot, tmp_path):
    exporter.start_export(tmp_path / "deck.pptx")
    job = exporter.export_job
    qtbot.waitUntil(lambda: exporter.export_job is None, timeout=20000)
    assert all("[" in finding for finding in job.findings)  # each names its rule
    assert ("accessibility finding" in exporter.export_message.text()) == bool(job.findings)
