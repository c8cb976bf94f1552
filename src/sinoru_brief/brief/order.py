"""The one slide-order rule: where a brief puts a topic's library slides.

The composer builds the deck in this order and the app's edits move slides
by it, so the order the user sees and rearranges is the order the deck is
built in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sinoru_brief.content.models import Slide


def order_slides(slides: Iterable[Slide], slide_order: Sequence[str]) -> list[Slide]:
    """Return *slides* (one topic's, in library order) in the brief's order.

    Slides the user placed (listed in *slide_order*) come first, in the
    user's order; the rest keep their order in *slides* after them.
    """
    slides = list(slides)
    position = {slide_id: i for i, slide_id in enumerate(slide_order)}
    given = {id(s): i for i, s in enumerate(slides)}
    # sorted() is stable, and the key says it all: (placed first, then where).
    return sorted(slides, key=lambda s: (0, position[s.id]) if s.id in position else (1, given[id(s)]))
