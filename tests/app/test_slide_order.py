"""The deck panel's slide order is the composer's: moving a slide moves it in the built deck too."""

from __future__ import annotations

from app.windowkit import THREE_TOPICS

from sinoru_brief.brief.edits import topic_order


def deck_order(controller, topic_id: str) -> list[str]:
    return [
        s.key
        for s in controller.view().deck.slides
        if s.topic is not None and s.slide is not None and s.topic.id == topic_id
    ]


def test_every_move_gives_the_same_order_in_the_panel_rule_and_the_deck(controller, real_library):
    topic = THREE_TOPICS[0]
    ids = [s.id for s in real_library.topic(topic).slides_at("standard")]
    for slide_id, before in ((ids[-1], ids[0]), (ids[1], None), (ids[0], ids[-1])):
        controller.move_slide(slide_id, before)
        shown = [s for s in topic_order(controller.brief, real_library, topic) if s in ids]
        assert shown == deck_order(controller, topic)
    assert deck_order(controller, topic) != ids  # the moves did change the order
