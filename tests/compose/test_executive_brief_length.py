"""The executive brief (every topic at key depth) fits in fifteen slides in every built-in look.

The deck is composed, laid out and written as a .pptx, and the slides of
the file are counted: the Sources slide and any continued slide included.
It reads bottom line up front: title, key judgments, the evidence, what to
watch, sources.
"""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pptx import Presentation

from sinoru_brief.brief import Brief
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme.loader import builtin_template_names

LIMIT = 15
LOOKS = ["briefing", "academic", "plain"]


@pytest.fixture(scope="module")
def executive_decks(real_library):
    decks = {}
    for look in builtin_template_names():
        result = build(Brief(topics=real_library.topic_ids(), depth="key", template=look), library=real_library)
        slides = len(Presentation(io.BytesIO(render_pptx(result))).slides)
        decks[look] = (result, slides)
    return decks


def test_the_three_built_in_looks_are_covered():
    assert set(builtin_template_names()) >= set(LOOKS)


@pytest.mark.parametrize("look", LOOKS)
def test_key_depth_on_every_topic_is_at_most_fifteen_slides(executive_decks, look):
    result, slides = executive_decks[look]
    assert slides == len(result.pages)
    kinds = Counter(p.kind for p in result.pages)
    assert slides <= LIMIT, f"{look}: {slides} slides: {dict(kinds)}"


@pytest.mark.parametrize("look", LOOKS)
def test_the_executive_brief_spends_its_slides_on_content(executive_decks, real_library, look):
    result, _ = executive_decks[look]
    own = [p for p in result.pages if p.kind != "sources"]
    # The title and the library's key slides, one page each: no dividers, agenda or closing, nothing
    # run over onto a second slide.
    key_slides = sum(len(t.slides_at("key")) for t in real_library.topics)
    assert len(own) == 1 + key_slides <= LIMIT - 2, [(p.kind, p.key) for p in own]
    assert [p.key for p in own][:2] == ["title", "overview-key-judgments"]
    assert own[-1].key == "outlook-watch"


@pytest.mark.parametrize("look", LOOKS)
def test_the_executive_brief_closes_with_sources_not_the_reference_list(executive_decks, look):
    result, _ = executive_decks[look]
    kinds = [p.kind for p in result.pages]
    assert "references" not in kinds
    first = kinds.index("sources")
    assert set(kinds[first:]) == {"sources"}, kinds
    assert [p.continued for p in result.pages[first:]] == list(range(len(kinds) - first))
