"""The undo history carried over to another library, for any history: every state it leads to is the
old one reconciled with the new library, and no step kept is one that changes nothing."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.decks import FIXTURE_LIBRARY
from support.own_library import write_library

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import Brief, BriefBullet, reconciled
from sinoru_brief.content import DEPTHS, load_libraries

TEAM_SLIDES = ["team-route", "team-port"]


@pytest.fixture(scope="module")
def libraries(tmp_path_factory) -> tuple:
    """The fixture library with a team's library beside it, and the fixture library alone."""
    team = write_library(
        tmp_path_factory.mktemp("team"),
        sources=["team-memo"],
        topics={"team": {slide: ["team-memo"] for slide in TEAM_SLIDES}},
    )
    return load_libraries([FIXTURE_LIBRARY, team], builtin=False), load_libraries([FIXTURE_LIBRARY], builtin=False)


SLIDES = ["alpha-key", "alpha-quote", "beta-table", "beta-bullets", *TEAM_SLIDES]
edits = st.one_of(
    st.tuples(st.just("topic"), st.sampled_from(["alpha", "beta", "team"]), st.booleans()),
    st.tuples(st.just("exclude"), st.sampled_from(SLIDES)),
    st.tuples(st.just("retitle"), st.sampled_from(SLIDES), st.sampled_from(["Ours", "Theirs"])),
    st.tuples(st.just("own"), st.sampled_from(SLIDES)),
    st.tuples(st.just("depth"), st.sampled_from(list(DEPTHS))),
    st.tuples(st.just("title"), st.sampled_from(["A", "B"])),
    st.tuples(st.just("undo")),
)


def do(controller: DeckController, edit: tuple) -> None:
    name, *args = edit
    if name == "topic":
        controller.toggle_topic(args[0], args[1])
    elif name == "exclude":
        controller.exclude_slide(args[0])
    elif name == "retitle":
        controller.override_title(args[0], args[1])
    elif name == "own":
        controller.add_own_slide(args[0], "Our view", [BriefBullet("Ours")])
    elif name == "depth":
        controller.set_depth(args[0])
    elif name == "title":
        controller.set_field("title", args[0])
    else:
        controller.undo_stack.undo()


def states(controller: DeckController) -> list[Brief]:
    """Return the brief at each position of the undo history, from the first to the last."""
    stack = controller.undo_stack
    steps = [stack.command(i) for i in range(stack.count())]
    return [copy.deepcopy(steps[0].before), *(copy.deepcopy(s.after) for s in steps)] if steps else []


def on(library, brief: Brief) -> Brief:
    return reconciled(brief, library)[0]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=st.lists(edits, min_size=1, max_size=10))
def test_the_history_leads_to_the_old_states_on_the_new_library(qtbot, libraries, history):
    both, alone = libraries
    controller = DeckController(DeckSession(both, Brief(title="T", topics=["alpha"], depth="full")))
    for edit in history:
        do(controller, edit)
    before, index = states(controller), controller.undo_stack.index()

    session, _ = controller.session.on_library(alone)
    dropped = controller.switch_library(session)

    stack = controller.undo_stack
    assert stack.count() + len(dropped) == max(len(before) - 1, 0)
    if not before:
        return
    expected = [on(alone, s) for s in before]
    assert controller.brief == expected[index]
    for i in range(stack.count()):
        step = stack.command(i)
        assert step.before != step.after or step.theme_before != step.theme_after  # none kept does nothing
    while stack.canUndo():
        stack.undo()
    assert controller.brief == expected[0]
    while stack.canRedo():
        stack.redo()
        assert controller.brief in expected
    assert controller.brief == expected[-1]
    assert not any(s.id in TEAM_SLIDES for s in controller.brief.custom_slides)
    assert "team" not in controller.brief.topics


def test_a_step_on_slides_the_new_library_has_is_kept_whole(qtbot, libraries):
    both, alone = libraries
    controller = DeckController(DeckSession(both, Brief(title="T", topics=["alpha", "team"], depth="full")))
    controller.override_title("alpha-key", "Ours")
    controller.override_title("team-route", "Theirs")
    controller.exclude_slide("alpha-quote")
    stack = controller.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    session, notes = controller.session.on_library(alone)
    assert any("team" in note for note in notes)
    assert controller.switch_library(session) == [texts[1]]
    assert [stack.text(i) for i in range(stack.count())] == [texts[0], texts[2]]
    assert stack.index() == 2 and controller.brief.overrides["alpha-key"].title == "Ours"
    stack.undo()
    assert controller.brief.exclude == []
    stack.undo()
    assert "alpha-key" not in controller.brief.overrides


def test_the_path_of_a_saved_brief_stays(qtbot, libraries, tmp_path: Path):
    both, alone = libraries
    path = tmp_path / "t.brief.yaml"
    controller = DeckController(DeckSession(both, Brief(title="T", topics=["alpha"]), path))
    controller.set_depth("full")
    session, _ = controller.session.on_library(alone)
    controller.switch_library(session)
    assert controller.session.path == path and controller.session.dirty
    controller.undo_stack.undo()
    assert not controller.session.dirty
