"""Choose one body text size for a whole deck, so neighbouring slides read alike.

Each text slide first says at which scale its bullets would fit on as few
pages as possible (its natural scale). The deck then uses one scale for all
of them: the smallest natural scale, so any shrink is applied evenly, unless
a few dense slides would pull the whole deck far below its typical size; such
an outlier continues on a "(cont.)" slide at the deck's size instead of
shrinking everything to its own.
"""

from __future__ import annotations

from statistics import median

from sinoru_brief.theme.model import SizeRange

#: How far (in points of body text) the deck's size may fall below the size most of its slides
#: would have, to keep one dense slide on one page. Beyond it, that slide continues instead.
OUTLIER_POINTS = 4.0
#: Text slide kinds whose bullets share the deck's scale.
SCALED_KINDS = frozenset({"bullets", "key_judgments"})


def deck_scale(natural: list[float], body: SizeRange) -> float | None:
    """Return the one scale for every text slide, given each slide's natural scale (None: no text slides)."""
    if not natural:
        return None
    floor = body.minimum / body.size
    typical = median(natural) - OUTLIER_POINTS / body.size
    return max(min(natural), typical, floor)
