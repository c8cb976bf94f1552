"""The notes pane numbers a slide's sources with the deck's citation numbers, as its markers and the export do."""

from __future__ import annotations

import re

from app.windowkit import show_alone

from sinoru_brief.app.preview import NotesView
from sinoru_brief.brief import Brief


def test_sources_carry_the_deck_numbers_not_a_fresh_count(make_controller, qtbot):
    controller = make_controller(Brief(title="Three", topics=["summits", "gray-zone", "north-korea"], depth="standard"))
    notes = show_alone(qtbot, NotesView(), (900, 260))
    view = controller.view()
    # A slide late in the deck, citing sources first cited on earlier slides: a fresh count would give 1, 2, 3.
    deck_slide = next(
        s
        for s in reversed(view.deck.slides)
        if s.slide is not None and len(s.citations) >= 2 and s.citations != tuple(range(1, len(s.citations) + 1))
    )
    notes.show_page(next(page for page in view.pages if page.key == deck_slide.key), view.deck)
    text = notes.toPlainText()
    shown = [int(n) for n in re.findall(r"\[(\d+)\]", text[text.index("Sources") :])]
    assert shown == list(deck_slide.citations)
    for number in deck_slide.citations:
        reference = view.deck.reference(number).text
        assert f"[{number}] {reference}" in deck_slide.notes  # the exported speaker notes say the same
        assert reference[:40] in text.split(f"[{number}]", 1)[1][: len(reference) + 4]
    # The numbers on the slide itself: the superscript markers of its claims.
    markers = {n for claim in (deck_slide.slide.bullets or ()) for n in view.deck.markers(claim.cite)}
    assert markers <= set(deck_slide.citations)
