"""A section slide's key names its topic: made and read back by one pair of functions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.compose.deck import section_key, section_topic


@given(st.text(min_size=1, max_size=40))
def test_a_section_key_gives_back_its_topic(topic_id):
    assert section_topic(section_key(topic_id)) == topic_id


def test_other_keys_are_no_section():
    assert section_topic("summits-2024") is None
    assert section_topic("sections-overview") is None
    assert section_topic("") is None


def test_composed_section_slides_use_the_key(real_library):
    from sinoru_brief.brief import Brief
    from sinoru_brief.compose import compose
    from sinoru_brief.theme import load_theme

    brief = Brief(topics=["summits", "arctic-energy"][: len(real_library.topics)])
    deck = compose(real_library, brief, load_theme(brief.template).snippets)
    sections = [s for s in deck.slides if s.kind == "section"]
    assert sections and all(section_topic(s.key) == s.topic.id for s in sections if s.topic)
