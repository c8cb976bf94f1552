"""Wherever a slide is dropped, it lands right there or the strip says why not (for the status bar): never
somewhere else."""

from __future__ import annotations

from app.windowkit import shown_keys
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import BriefBullet

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW
@given(data=st.data())
def test_a_dropped_slide_lands_where_it_was_dropped_or_is_refused_with_a_reason(deck_strip, data):
    controller = deck_strip.controller
    if not controller.brief.custom_slides:
        controller.add_own_slide("gray-zone-espionage", "Our reading", [BriefBullet("What it means")])
    model = deck_strip.model
    pages = list(model.pages)
    movable = [p.key for p in pages if p.key in shown_keys(controller) or p.key.startswith("section:")]
    key = data.draw(st.sampled_from(sorted(set(movable))))
    row = data.draw(st.integers(0, len(pages)))
    before_keys, count = model.keys(), controller.undo_stack.count()
    reasons: list[str] = []
    deck_strip.refused.connect(reasons.append)

    try:
        done = model.move(key, row)
    finally:
        deck_strip.refused.disconnect(reasons.append)

    if not done:  # refused: nothing changed, and the strip gives the reason the status bar shows
        assert model.keys() == before_keys and controller.undo_stack.count() == count
        [message] = reasons
        assert message and len(message) <= 170  # one line of the status bar of a laptop-sized window
        return
    assert reasons == []
    following = [p.key for p in pages[row:] if p.key != key]
    if key.startswith("section:"):  # a section slide moves its topic: before the next topic after the drop point
        sections = [k for k in model.keys() if k.startswith("section:")]
        successor = next((k for k in following if k.startswith("section:")), None)
        assert sections.index(key) == (sections.index(successor) - 1 if successor else len(sections) - 1)
        if controller.undo_stack.count() > count:
            controller.undo_stack.undo()
        return
    after = shown_keys(controller)
    # The slide sits before the first slide that followed the drop point and is still in its new topic.
    topic = next(s.topic.id for s in controller.view().deck.slides if s.key == key)
    same_topic = {s.key for s in controller.view().deck.slides if s.slide is not None and s.topic.id == topic}
    successor = next((k for k in following if k in same_topic), None)
    if successor is not None:
        assert after.index(key) == after.index(successor) - 1
    else:
        assert after.index(key) == max(after.index(k) for k in same_topic)
    if controller.undo_stack.count() > count:
        controller.undo_stack.undo()
        assert model.keys() == before_keys
