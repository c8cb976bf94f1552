"""The Sources slide's entries: one per cited work, in the deck's numbering, whole titles, none alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.brief import Brief
from sinoru_brief.citations.formatting import Reference, Segment
from sinoru_brief.compose import compose
from sinoru_brief.compose.source_entries import source_entries
from sinoru_brief.content.models import Source
from sinoru_brief.theme.model import FULL_REFERENCES, SOURCES_SLIDE, Structure
from tests.compose.test_short_forms import _sources, reading, source


def references_for(sources: list[Source]) -> list[Reference]:
    """Number *sources* in order, as the deck would, with a stand-in full reference each."""
    return [
        Reference(number=i, source_id=s.id, segments=(Segment(f"Full reference of {s.id}."),), short=s.id)
        for i, s in enumerate(sources, start=1)
    ]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_generated_works_get_one_distinct_entry_each_with_the_whole_title(data):
    count = data.draw(st.integers(1, 9))
    sources = [data.draw(_sources(i)) for i in range(count)]
    entries = source_entries(sources, references_for(sources))
    assert [(e.number, e.source_id) for e in entries] == [(i, s.id) for i, s in enumerate(sources, start=1)]
    assert len({reading(e.text) for e in entries}) == count
    for entry, work in zip(entries, sources, strict=True):
        assert f"“{work.title}" in entry.text  # never cut
        assert not entry.text.startswith(" ") and "  " not in entry.text
        assert entry.notes_line == f"[{entry.number}] Full reference of {work.id}."


def test_an_entry_says_who_what_where_and_when():
    work = source(
        "a",
        author=[{"family": "Bermingham", "given": "Finbarr"}],
        title="EU Has ‘Conclusive’ Proof",
        **{"container-title": "South China Morning Post"},
        issued={"date-parts": [[2024, 11, 15]]},
        URL="https://www.scmp.com/x",
    )
    (entry,) = source_entries([work], references_for([work]))
    assert entry.text == "Bermingham, “EU Has ‘Conclusive’ Proof,” South China Morning Post, 15 Nov 2024."
    assert entry.url == "https://www.scmp.com/x"


def test_an_institution_stands_for_the_author_and_is_not_said_twice():
    work = source(
        "b",
        title="Talk with Xi",
        **{"container-title": "Kremlin", "publisher": "Kremlin"},
        issued={"date-parts": [[2025]]},
    )
    (entry,) = source_entries([work], references_for([work]))
    assert entry.text == "Kremlin, “Talk with Xi,” 2025."


def test_a_title_that_ends_in_a_question_mark_gets_no_comma_and_an_undated_work_no_date():
    work = source("c", title="Why Now?")
    (entry,) = source_entries([work], references_for([work]))
    assert entry.text == "“Why Now?”"


def test_works_alike_in_everything_get_letters_after_the_date():
    works = [source(f"d{i}", title="Press Conference", **{"container-title": "MFA"}) for i in range(3)]
    entries = source_entries(works, references_for(works))
    assert [e.date for e in entries] == ["n.d.-a", "n.d.-b", "n.d.-c"]


def test_the_key_deck_of_the_real_library_closes_with_its_sources_numbered_as_cited(real_library):
    deck = compose(real_library, Brief(topics=real_library.topic_ids(), depth="key"), structure=Structure())
    (sources,) = [s for s in deck.slides if s.kind == "sources"]
    assert deck.slides[-1] is sources and sources.title == "Sources"
    # Every cited work once, with the number its markers and source lines carry.
    assert [(e.number, e.source_id) for e in sources.entries] == sorted((n, i) for i, n in deck.numbers.items())
    assert {e.source_id for e in sources.entries} == set(deck.numbers)
    assert len({reading(e.text) for e in sources.entries}) == len(sources.entries)
    # The notes hold every full reference as the citation style wrote it, numbered alike.
    for ref in deck.references:
        assert f"[{ref.number}] {' '.join(ref.text.split())}" in sources.notes.splitlines()
    for entry in sources.entries:
        assert real_library.sources[entry.source_id].title in entry.text


def test_the_template_chooses_per_depth(fixture_library, fixture_brief):
    swapped = Structure(references=(("key", FULL_REFERENCES), ("standard", SOURCES_SLIDE), ("full", SOURCES_SLIDE)))
    for depth in ("key", "standard", "full"):
        fixture_brief.depth = depth
        default = compose(fixture_library, fixture_brief, structure=Structure()).slides
        chosen = compose(fixture_library, fixture_brief, structure=swapped).slides
        closing = [s.kind for s in default if s.kind in ("references", "sources")]
        assert closing == (["sources"] if depth == "key" else ["references"])
        assert [s.kind for s in chosen if s.kind in ("references", "sources")] == (
            ["references"] if depth == "key" else ["sources"]
        )
