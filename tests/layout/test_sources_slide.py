"""The laid-out Sources and reference slides: 12 pt at the least, every source once, numbered as cited.

Everything here reads the pages layout produced (sizes, frames, bullets,
notes), not the template: what a viewer of the deck sees.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from sinoru_brief.brief import Brief
from sinoru_brief.content.models import DEPTHS
from sinoru_brief.layout.kinds.sources import layout_sources
from sinoru_brief.layout.pages import Page, TextFrame
from sinoru_brief.pipeline import Build, BuildCache, build, render_pptx
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.loader import builtin_template_names
from sinoru_brief.theme.master_look import size_factor

MASTERS = Path(__file__).parents[1] / "data" / "pptx-templates"
#: A 16:9 master smaller than our looks' slides, and a 4:3 one.
SAMPLE_MASTERS = (None, MASTERS / "pandoc__default-reference.pptx", MASTERS / "officer__template.pptx")
FLOOR_PT = 12.0
LISTS = ("references", "sources")


@pytest.fixture(scope="module")
def cache(real_library):
    return BuildCache(real_library)


def built(cache: BuildCache, look: str, depth: str, master: Path | None = None, topics=None) -> Build:
    brief = Brief(topics=topics or cache.library.topic_ids(), depth=depth, template=look)
    theme = cache.theme(look, master)
    return build(brief, cache, theme=theme)


def bodies(page: Page) -> list[TextFrame]:
    """Return the page's body frames, left to right (the reading order of its columns)."""
    return sorted((f for f in page.text_frames() if f.role == "body"), key=lambda f: f.x)


def floor_for(look: str, master: Path | None) -> float:
    """Return the least size a reference may have: 12 pt, scaled with the type on a master's slide."""
    if master is None:
        return FLOOR_PT
    theme = load_theme(look)
    mastered = load_theme(look, master=master)
    factor = size_factor(theme.width, theme.height, mastered.width, mastered.height)
    return max(8.0, round(FLOOR_PT * factor * 2) / 2) if abs(factor - 1) >= 0.01 else FLOOR_PT


@pytest.mark.parametrize("look", builtin_template_names())
def test_every_look_sets_its_reference_floor_at_12_pt_and_prefers_no_less(look):
    sizes = load_theme(look).sizes.reference
    assert sizes.minimum >= FLOOR_PT and sizes.size >= sizes.minimum


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    look=st.sampled_from(builtin_template_names()),
    depth=st.sampled_from(list(DEPTHS)),
    master=st.sampled_from(SAMPLE_MASTERS),
    data=st.data(),
)
def test_every_reference_and_sources_entry_is_set_at_the_floor_or_more(cache, look, depth, master, data):
    topics = data.draw(st.lists(st.sampled_from(cache.library.topic_ids()), min_size=1, max_size=4, unique=True))
    result = built(cache, look, depth, master, topics)
    listed = [p for p in result.pages if p.kind in LISTS]
    assert listed, [p.kind for p in result.pages]
    assert {p.kind for p in listed} == {"sources" if depth == "key" else "references"}
    least = floor_for(look, master)
    for page in listed:
        for frame in bodies(page):
            for para in frame.paragraphs:
                assert all(span.size >= least for span in para.spans), (page.title, para.text[:60])
                assert para.line_height >= least


@pytest.fixture(scope="module", params=builtin_template_names())
def key_deck(request, cache) -> Build:
    return built(cache, request.param, "key")


def test_the_sources_entries_follow_the_deck_numbering_each_source_once(key_deck):
    pages = [p for p in key_deck.pages if p.kind == "sources"]
    numbers = [
        int(para.bullet.rstrip("."))
        for page in pages
        for frame in bodies(page)
        for para in frame.paragraphs
        if para.bullet
    ]
    assert numbers == list(range(1, len(key_deck.deck.numbers) + 1))
    # The entry numbered n describes the work the markers number n.
    by_number = {n: sid for sid, n in key_deck.deck.numbers.items()}
    texts = [" ".join(p.text.split()) for page in pages for f in bodies(page) for p in f.paragraphs if p.bullet]
    for number, text in enumerate(texts, start=1):
        assert " ".join(key_deck.library.sources[by_number[number]].title.split()) in text  # whole, never cut


def test_each_sources_page_carries_the_full_references_of_its_entries_and_together_all(key_deck):
    pages = [p for p in key_deck.pages if p.kind == "sources"]
    seen: list[int] = []
    for page in pages:
        shown = [int(p.bullet.rstrip(".")) for f in bodies(page) for p in f.paragraphs if p.bullet]
        lines = [line for line in page.notes.splitlines() if line.startswith("[")]
        assert [int(line[1 : line.index("]")]) for line in lines] == shown
        seen.extend(shown)
    assert seen == list(range(1, len(key_deck.deck.references) + 1))
    notes = "\n".join(p.notes for p in pages)
    for ref in key_deck.deck.references:
        assert f"[{ref.number}] {' '.join(ref.text.split())}" in notes


def test_a_linked_entry_links_its_title_to_the_work_and_nothing_else(key_deck):
    urls = {e.number: e.url for s in key_deck.deck.slides for e in s.entries}
    for page in (p for p in key_deck.pages if p.kind == "sources"):
        for frame in bodies(page):
            for para in frame.paragraphs:
                number = int(para.bullet.rstrip("."))
                links = {s.link for s in para.spans if s.link}
                assert links == ({urls[number]} if urls[number] else set())
                if urls[number]:
                    linked = "".join(s.text for s in para.spans if s.link)
                    assert linked.startswith("“")  # the title on, not the author before it


def test_every_built_in_look_sets_the_sources_in_two_columns(key_deck):
    pages = [p for p in key_deck.pages if p.kind == "sources"]
    assert all(len(bodies(p)) == 2 for p in pages), key_deck.theme.name
    left, right = bodies(pages[0])
    assert left.x + left.w < right.x and left.y == right.y


def test_the_sources_export_writes_the_text_laid_out(key_deck):
    presentation = Presentation(io.BytesIO(render_pptx(key_deck)))
    for page, slide in zip(key_deck.pages, presentation.slides, strict=True):
        if page.kind != "sources":
            continue
        written = sorted(shape.text_frame.text for shape in slide.shapes if shape.name.startswith("body"))
        laid = sorted("\n".join(p.text for p in frame.paragraphs) for frame in bodies(page))
        assert written == laid
        assert slide.notes_slide.notes_text_frame.text == page.notes


def test_one_page_of_sources_keeps_every_full_reference_in_its_notes(cache):
    result = built(cache, "briefing", "key", topics=["north-korea"])
    (page,) = [p for p in result.pages if p.kind == "sources"]
    assert page.notes == next(s for s in result.deck.slides if s.kind == "sources").notes
    listed = [line for line in page.notes.splitlines() if line.startswith("[")]
    assert listed == [f"[{r.number}] {' '.join(r.text.split())}" for r in result.deck.references]


def test_the_layout_of_a_sources_slide_is_registered_for_its_kind():
    from sinoru_brief.layout.engine import KIND_LAYOUTS

    assert KIND_LAYOUTS["sources"] is layout_sources
