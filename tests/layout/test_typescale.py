"""One body size per deck: shrink evenly, and continue a dense outlier rather than shrink the deck to it."""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content.models import Bullet, Library, Slide, Source, Topic
from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.typescale import OUTLIER_POINTS, deck_scale
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import SizeRange

BODY = SizeRange(22.0, 14.0)


def test_the_deck_takes_the_smallest_natural_scale_when_it_is_typical():
    assert deck_scale([1.0, 1.0, 20 / 22], BODY) == pytest.approx(20 / 22)


def test_an_outlier_does_not_pull_the_deck_down():
    natural = [1.0] * 8 + [14 / 22]
    assert deck_scale(natural, BODY) == pytest.approx(1.0 - OUTLIER_POINTS / 22)


def test_never_below_the_floor_and_nothing_without_text_slides():
    assert deck_scale([0.1, 0.1], BODY) == pytest.approx(14 / 22)
    assert deck_scale([], BODY) is None


def _body_sizes(pages) -> list[float]:
    return [
        para.spans[0].size
        for p in pages
        if p.kind in ("bullets", "key_judgments")
        for f in p.text_frames()
        if f.role == "body"
        for para in f.paragraphs
        if para.level == 0
    ]


@pytest.mark.parametrize("look", ["briefing", "academic", "plain"])
def test_every_text_slide_of_the_library_shares_one_body_size(real_library, look):
    theme = load_theme(look)
    deck = compose(
        real_library,
        Brief(topics=real_library.topic_ids(), depth="full", date=dt.date(2025, 2, 1)),
        theme.snippets,
        theme.structure,
    )
    assert len(set(_body_sizes(layout_deck(deck, theme)))) == 1


def test_a_dense_slide_continues_at_the_decks_size(theme):
    short = [
        Slide(
            id=f"s{i}",
            kind="bullets",
            title=f"Slide {i}",
            priority=1,
            notes="n",
            topic_id="t",
            bullets=(Bullet(text="A short point that fits easily.", cite=("s",)),),
        )
        for i in range(6)
    ]
    dense = Slide(
        id="dense",
        kind="bullets",
        title="Dense",
        priority=1,
        notes="n",
        topic_id="t",
        bullets=tuple(
            Bullet(
                text="A long point that takes most of a line on a wide slide and then a "
                "little more, so that it wraps onto a second line.",
                cite=("s",),
            )
            for _ in range(12)
        ),
    )
    topic = Topic(id="t", title="T", summary="s", as_of=dt.date(2025, 1, 1), order=1, slides=(*short, dense))
    library = Library(sources={"s": Source(id="s", csl={"id": "s", "type": "webpage", "title": "S"})}, topics=[topic])
    pages = layout_deck(compose(library, Brief(topics=["t"], depth="full"), theme.snippets), theme)
    sizes = set(_body_sizes(pages))
    assert len(sizes) == 1 and sizes.pop() >= theme.sizes.body.size - OUTLIER_POINTS
    assert [p.continued for p in pages if p.key == "dense"] == [0, 1]
