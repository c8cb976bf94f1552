"""Deck structure: section dividers only before runs of slides, and the executive brief at key depth."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.compose.outline import order_slides
from sinoru_brief.theme.model import Structure


def kinds(deck) -> list[tuple[str, str]]:
    return [(s.kind, s.key) for s in deck.slides]


@pytest.mark.parametrize(
    ("minimum", "sections"),
    [
        (1, ["section:alpha", "section:beta"]),
        (3, ["section:alpha", "section:beta"]),
        (4, ["section:beta"]),  # alpha has three slides at full depth, beta four
        (5, []),
    ],
)
def test_a_topic_gets_a_divider_only_with_enough_slides(fixture_library, fixture_brief, minimum, sections):
    deck = compose(fixture_library, fixture_brief, structure=Structure(section_min_slides=minimum))
    assert [key for kind, key in kinds(deck) if kind == "section"] == sections
    # The agenda lists every topic either way, and a divider keeps the topic's agenda number.
    assert deck.slides[1].items == ("Alpha topic", "Beta topic")
    assert [s.section_number for s in deck.slides if s.kind == "section"] == [
        {"section:alpha": 1, "section:beta": 2}[key] for key in sections
    ]


def test_the_default_needs_three_slides(fixture_library, fixture_brief):
    fixture_brief.depth = "standard"  # alpha has two slides, beta three
    deck = compose(fixture_library, fixture_brief)
    assert [key for kind, key in kinds(deck) if kind == "section"] == ["section:beta"]


def test_exclusions_count_towards_the_divider(fixture_library, fixture_brief):
    fixture_brief.exclude = ["beta-compare", "beta-bullets"]
    deck = compose(fixture_library, fixture_brief)
    assert [key for kind, key in kinds(deck) if kind == "section"] == ["section:alpha"]


def test_key_depth_is_an_executive_brief_bottom_line_first(fixture_library, fixture_brief):
    fixture_brief.depth, fixture_brief.topics = "key", ["beta", "alpha"]
    deck = compose(fixture_library, fixture_brief)
    # The key judgments lead although their topic comes second; then the evidence, then the sources.
    assert kinds(deck) == [
        ("title", "title"),
        ("key_judgments", "alpha-key"),
        ("table", "beta-table"),
        ("sources", "sources"),
    ]
    assert deck.numbers["agency-2024-05-16-statement"] == 1  # numbered in the order the deck reads


def test_key_depth_keeps_the_users_exclusions_and_order(fixture_library, fixture_brief):
    fixture_brief.depth, fixture_brief.exclude = "key", ["alpha-key"]
    assert [key for _, key in kinds(compose(fixture_library, fixture_brief))] == ["title", "beta-table", "sources"]


def test_the_executive_order_on_the_real_library(real_library):
    deck = compose(real_library, Brief(topics=real_library.topic_ids(), depth="key"))
    keys = [s.key for s in deck.slides]
    evidence = [t.slides_at("key")[0].id for t in real_library.topics[1:-1]]
    assert keys == ["title", "overview-key-judgments", *evidence, "outlook-watch", "sources"]
    assert not any(s.kind in ("section", "agenda", "closing") for s in deck.slides)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_chosen_slide_appears_once_whatever_the_brief(real_library, data):
    topics = data.draw(st.lists(st.sampled_from(real_library.topic_ids()), min_size=1, unique=True))
    depth = data.draw(st.sampled_from(["key", "standard", "full"]))
    slides = [s for t in topics for s in real_library.topic(t).slides_at(depth)]
    excluded = data.draw(st.lists(st.sampled_from([s.id for s in slides]), unique=True)) if slides else []
    order = data.draw(st.permutations([s.id for s in slides]))
    minimum = data.draw(st.integers(1, 6))
    brief = Brief(topics=topics, depth=depth, exclude=excluded, slide_order=list(order))
    deck = compose(real_library, brief, structure=Structure(section_min_slides=minimum))
    authored = [s.key for s in deck.slides if s.slide is not None]
    assert sorted(authored) == sorted(s.id for s in slides if s.id not in excluded)
    # Within a topic the user's order holds, at every depth.
    for topic in topics:
        mine = [k for k in authored if real_library.slide(k).topic_id == topic]
        assert mine == [k for k in order if k in mine]
    # A divider stands before a run of at least the template's number of its topic's slides, and only there.
    for i, slide in enumerate(deck.slides):
        if slide.kind == "section":
            run = [s for s in deck.slides[i + 1 :] if s.topic is slide.topic and s.slide is not None]
            assert len(run) >= minimum
    with_divider = {s.topic.id for s in deck.slides if s.kind == "section"}
    for topic in topics:
        count = sum(1 for k in authored if real_library.slide(k).topic_id == topic)
        expected = depth != "key" and count >= minimum
        assert (topic in with_divider) == expected


def test_order_slides_places_the_users_slides_first(real_library):
    topic = real_library.topic("summits")
    ids = [s.id for s in topic.slides]
    ordered = order_slides(topic.slides, [ids[3], "elsewhere", ids[1]])
    assert [s.id for s in ordered] == [ids[3], ids[1], ids[0], ids[2], *ids[4:]]
