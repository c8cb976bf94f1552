"""brief.edits for topics, slides and their order, and reworded text: the operations the app's undo steps run."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief, SlideOverride
from sinoru_brief.brief.edits import (
    arrange_topics,
    exclude_slide,
    move_slide,
    move_topic,
    override_bullet,
    override_title,
    restore_slide,
    set_depth,
    set_field,
    set_own_title,
    set_slide_included,
    toggle_topic,
    topic_order,
)
from sinoru_brief.compose import compose

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _deck_order(library, brief, topic_id):
    """Return the topic's slides in the order the composer builds the deck in."""
    return [
        s.key
        for s in compose(library, brief).slides
        if s.topic is not None and s.slide is not None and s.topic.id == topic_id
    ]


@SLOW
@given(data=st.data())
def test_moves_give_the_composers_order_and_put_the_slide_before_its_target(fixture_library, data):
    brief = Brief(title="T", topics=["alpha", "beta"], depth="full")
    ids = {t.id: [s.id for s in t.slides] for t in fixture_library.topics}
    for _ in range(data.draw(st.integers(1, 6))):
        topic_id = data.draw(st.sampled_from(sorted(ids)))
        slide_id = data.draw(st.sampled_from(ids[topic_id]))
        before = data.draw(st.sampled_from([None, *ids[topic_id], *ids["beta" if topic_id == "alpha" else "alpha"]]))
        brief = move_slide(brief, fixture_library, slide_id, before)
        order = topic_order(brief, fixture_library, topic_id)
        assert sorted(order) == sorted(ids[topic_id])  # a move never adds, drops or moves a slide across topics
        if before in ids[topic_id] and before != slide_id:
            assert order.index(slide_id) + 1 == order.index(before)
        else:
            assert order[-1] == slide_id
        for topic in ids:
            assert topic_order(brief, fixture_library, topic) == _deck_order(fixture_library, brief, topic)


def test_a_move_keeps_ids_the_library_no_longer_has(fixture_library):
    brief = Brief(title="T", topics=["alpha"], slide_order=["gone-slide", "beta-table"])
    brief = move_slide(brief, fixture_library, "alpha-chart", "alpha-key")
    assert brief.slide_order[:2] == ["gone-slide", "beta-table"]
    assert topic_order(brief, fixture_library, "alpha") == ["alpha-chart", "alpha-key", "alpha-quote"]


@SLOW
@given(chosen=st.lists(st.sampled_from(["alpha", "beta"]), unique=True), topic=st.sampled_from(["alpha", "beta"]))
def test_ticking_a_topic_slots_it_in_library_order_and_unticking_takes_it_out(fixture_library, chosen, topic):
    brief = Brief(title="T", topics=list(chosen))
    brief = toggle_topic(brief, fixture_library, topic, True)
    assert brief.topics.count(topic) == 1
    assert [t for t in brief.topics if t != topic] == [t for t in chosen if t != topic]  # the others keep order
    if topic not in chosen and not chosen:
        assert brief.topics == [topic]
    brief = toggle_topic(brief, fixture_library, topic, True)  # ticking twice changes nothing
    assert brief.topics.count(topic) == 1
    brief = toggle_topic(brief, fixture_library, topic, False)
    assert brief.topics == [t for t in chosen if t != topic]


def test_a_new_topic_goes_after_its_predecessor_in_the_library(fixture_library):
    brief = Brief(title="T", topics=["beta"])
    brief = toggle_topic(brief, fixture_library, "alpha", True)
    assert brief.topics == ["alpha", "beta"]
    brief = Brief(title="T", topics=["alpha"])
    brief = toggle_topic(brief, fixture_library, "beta", True)
    assert brief.topics == ["alpha", "beta"]


@given(
    topics=st.permutations(["a", "b", "c", "d"]),
    moving=st.sampled_from("abcd"),
    before=st.sampled_from([None, "a", "b", "c", "d", "zz"]),
)
def test_moving_a_topic_reorders_only(topics, moving, before):
    brief = Brief(title="T", topics=list(topics))
    brief = move_topic(brief, moving, before)
    assert sorted(brief.topics) == sorted(topics)
    if before in topics and before != moving:
        assert brief.topics.index(moving) + 1 == brief.topics.index(before)
    else:
        assert brief.topics[-1] == moving


def test_excluding_and_restoring_a_slide_is_idempotent(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    brief = exclude_slide(brief, "alpha-quote")
    brief = exclude_slide(brief, "alpha-quote")
    assert brief.exclude == ["alpha-quote"]
    assert "alpha-quote" not in _deck_order(fixture_library, brief, "alpha")
    brief = restore_slide(brief, "alpha-quote")
    brief = restore_slide(brief, "alpha-quote")
    assert brief.exclude == []


def test_including_a_slide_brings_it_back_and_chooses_its_topic(fixture_library):
    brief = Brief(title="T", topics=["alpha"], exclude=["beta-table"], depth="full")
    brief = set_slide_included(brief, fixture_library, "beta-table", True)
    assert brief.exclude == [] and brief.topics == ["alpha", "beta"]
    assert "beta-table" in _deck_order(fixture_library, brief, "beta")
    brief = set_slide_included(brief, fixture_library, "beta-table", False)
    assert brief.exclude == ["beta-table"] and brief.topics == ["alpha", "beta"]


def test_a_title_or_bullet_edited_back_leaves_no_override(fixture_library):
    brief = Brief(title="T", topics=["alpha"])
    brief = override_title(brief, "alpha-key", "Ours")
    brief = override_bullet(brief, "alpha-key", "0", "Reworded")
    assert brief.overrides["alpha-key"] == SlideOverride(title="Ours", bullets={"0": "Reworded"})
    assert next(s for s in compose(fixture_library, brief).slides if s.key == "alpha-key").title == "Ours"
    brief = override_title(brief, "alpha-key", None)
    assert brief.overrides["alpha-key"].bullets == {"0": "Reworded"}
    brief = override_bullet(brief, "alpha-key", "0", None)
    assert brief.overrides == {}


def test_an_own_title_changes_only_an_own_slide(fixture_library):
    from sinoru_brief.brief.edits import add_custom_slide

    brief = Brief(title="T", topics=["alpha"])
    brief, own = add_custom_slide(brief, fixture_library, "alpha-key", "Ours", [])
    brief = set_own_title(brief, own, "Renamed")
    assert brief.custom_slide(own).title == "Renamed"
    before = Brief(title="T", topics=["alpha"])
    after = Brief(title="T", topics=["alpha"])
    after = set_own_title(after, "alpha-key", "Not an own slide")
    assert after == before


def test_depth_and_fields_refuse_what_the_brief_has_not(fixture_library):
    brief = Brief(title="T")
    brief = set_depth(brief, "full")
    brief = set_field(brief, "classification", "UNCLASSIFIED")
    assert (brief.depth, brief.classification) == ("full", "UNCLASSIFIED")
    with pytest.raises(ValueError, match="use one of key, standard, full"):
        set_depth(brief, "deep")
    with pytest.raises(ValueError, match="'titel' is not a field"):
        set_field(brief, "titel", "x")
    assert brief == Brief(title="T", depth="full", classification="UNCLASSIFIED")


@given(chosen=st.permutations(["a", "b", "c", "d"]), hidden=st.sets(st.sampled_from("abcd")), data=st.data())
def test_arranging_the_shown_topics_keeps_the_hidden_ones_in_their_places(chosen, hidden, data):
    brief = Brief(title="T", topics=list(chosen))
    shown = data.draw(st.permutations([t for t in chosen if t not in hidden]))
    arranged = arrange_topics(brief, list(shown))
    assert [t for t in arranged.topics if t not in hidden] == list(shown)
    assert [i for i, t in enumerate(arranged.topics) if t in hidden] == [i for i, t in enumerate(chosen) if t in hidden]
    assert brief.topics == list(chosen)


def test_arranging_topics_refuses_a_topic_not_chosen_or_named_twice():
    brief = Brief(title="T", topics=["a", "b"])
    with pytest.raises(ValueError, match="not an order of the brief's chosen topics"):
        arrange_topics(brief, ["a", "z"])
    with pytest.raises(ValueError, match="each once"):
        arrange_topics(brief, ["a", "a"])
