"""A look that leaves a slide no room is reported once, naming the slide, and the deck is not exported."""

from __future__ import annotations

from dataclasses import replace

from sinoru_brief.theme.model import Banner
from sinoru_brief.units import inches


def test_a_cramped_look_is_reported_with_the_slide_and_why(window, dialog_log):
    session = window.controller.session
    cramped = replace(session.theme(), height=inches(2), banner=Banner("SECRET", "C00000", "FFFFFF"))
    window.controller.set_theme(cramped, "Cramp the slide")
    assert session.layout_problem and "cannot be laid out" in session.layout_problem
    titles = [title for title, _ in dialog_log.errors]
    assert titles.count("Some slides do not fit this look") == 1
    message = dict(dialog_log.errors)["Some slides do not fit this look"]
    assert "slide " in message and "cannot be exported" in message
    # The same problem is not reported again on the next change; undoing the look clears it.
    window.controller.undo_stack.undo()
    assert session.layout_problem == ""
    assert titles.count("Some slides do not fit this look") == 1


def test_a_sound_deck_has_no_layout_problem(window, dialog_log):
    window.controller.view()
    assert window.controller.session.layout_problem == ""
    assert not dialog_log.errors
