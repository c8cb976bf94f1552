"""Arranging a topic's slides: any order of the shown slides, the user's own among them, is the deck's order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief, BriefBullet
from sinoru_brief.brief.edits import add_custom_slide, arrange_topic
from sinoru_brief.compose import compose
from sinoru_brief.compose.custom import place
from sinoru_brief.compose.outline import order_slides


def placed(library, brief, topic_id):
    topic = library.topic(topic_id)
    return [s.id for s in place(topic, order_slides(topic.slides, brief.slide_order), brief)]


def shown(library, brief, topic_id):
    """Return the topic's slides the deck shows, in the topic's order (an executive brief shows them apart)."""
    visible = {
        s.key
        for s in compose(library, brief).slides
        if s.topic is not None and s.slide is not None and s.topic.id == topic_id
    }
    return [k for k in placed(library, brief, topic_id) if k in visible]


def in_deck(library, brief, topic_id):
    return [
        s.key
        for s in compose(library, brief).slides
        if s.topic is not None and s.slide is not None and s.topic.id == topic_id
    ]


def brief_with_own_slides(library, depth="full"):
    brief = Brief(title="T", topics=["alpha", "beta"], depth=depth)
    for after, title, text in (
        ("alpha-key", "Ours one", "a"),
        ("alpha-chart", "Ours two", "b"),
        ("start:beta", "Ours three", "c"),
    ):
        brief, _ = add_custom_slide(brief, library, after, title, [BriefBullet(text)])
    return brief


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_order_of_the_shown_slides_is_the_order_composed(fixture_library, data):
    depth = data.draw(st.sampled_from(["key", "standard", "full"]))
    brief = brief_with_own_slides(fixture_library, depth)
    for topic_id in ("alpha", "beta"):
        wanted = data.draw(st.permutations(shown(fixture_library, brief, topic_id)))
        brief = arrange_topic(brief, fixture_library, topic_id, placed(fixture_library, brief, topic_id), list(wanted))
        assert shown(fixture_library, brief, topic_id) == list(wanted)
        if depth != "key":  # the executive brief puts key judgments first, whatever the topic's order
            assert in_deck(fixture_library, brief, topic_id) == list(wanted)
    # Every slide is still placed once in its topic, at whatever depth the deck is built later.
    for topic_id in ("alpha", "beta"):
        for later in ("key", "standard", "full"):
            brief.depth = later
            keys = shown(fixture_library, brief, topic_id)
            assert len(keys) == len(set(keys))


def test_an_own_slide_moves_to_another_topic_and_its_old_followers_stay(fixture_library):
    brief = brief_with_own_slides(fixture_library)
    alpha_before = shown(fixture_library, brief, "alpha")
    alpha_placed, beta_placed = placed(fixture_library, brief, "alpha"), placed(fixture_library, brief, "beta")
    mover = alpha_before[1]
    assert brief.custom_slide(mover) is not None
    beta = shown(fixture_library, brief, "beta")
    brief = arrange_topic(brief, fixture_library, "alpha", alpha_placed, [k for k in alpha_before if k != mover])
    brief = arrange_topic(brief, fixture_library, "beta", beta_placed, [*beta[:2], mover, *beta[2:]])
    assert shown(fixture_library, brief, "alpha") == [k for k in alpha_before if k != mover]
    assert shown(fixture_library, brief, "beta") == [*beta[:2], mover, *beta[2:]]


def test_hidden_slides_keep_their_place_when_the_shown_ones_move(fixture_library):
    brief = Brief(title="T", topics=["alpha"], depth="key")
    full_before = placed(fixture_library, brief, "alpha")
    assert shown(fixture_library, brief, "alpha") == ["alpha-key"]
    brief = arrange_topic(brief, fixture_library, "alpha", full_before, ["alpha-key"])
    brief.depth = "full"
    assert shown(fixture_library, brief, "alpha") == full_before


def test_a_library_slide_cannot_change_topic(fixture_library):
    brief = Brief(title="T", topics=["alpha", "beta"], depth="full")
    with pytest.raises(ValueError, match="belongs to topic 'beta'"):
        arrange_topic(
            brief, fixture_library, "alpha", placed(fixture_library, brief, "alpha"), ["alpha-key", "beta-table"]
        )
    with pytest.raises(ValueError, match="neither"):
        brief = arrange_topic(brief, fixture_library, "alpha", placed(fixture_library, brief, "alpha"), ["no-such"])
