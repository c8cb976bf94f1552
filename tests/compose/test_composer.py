"""compose(): choosing, ordering, templating and numbering the deck's slides."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
from support.decks import AGENCY, ARTICLE, FIXTURE_LIBRARY, NEWS, RU, authored, by_key

from sinoru_brief.brief import SlideOverride
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import BriefFileError, ContentError


def test_slides_in_order_with_generated_slides_in_place(fixture_library, fixture_brief):
    deck = compose(fixture_library, fixture_brief)
    assert [(s.kind, s.key) for s in deck.slides] == [
        ("title", "title"),
        ("agenda", "agenda"),
        ("section", "section:alpha"),
        ("key_judgments", "alpha-key"),
        ("quote", "alpha-quote"),
        ("chart", "alpha-chart"),
        ("section", "section:beta"),
        ("table", "beta-table"),
        ("timeline", "beta-timeline"),
        ("comparison", "beta-compare"),
        ("bullets", "beta-bullets"),
        ("references", "references"),
        ("closing", "closing"),
    ]
    title, agenda = deck.slides[0], deck.slides[1]
    assert (title.title, title.subtitle) == ("Fixture deck", "For tests")
    assert title.items == ("Tester · 1 February 2025", "Information as of 26 January 2025")
    assert (agenda.title, agenda.items) == ("Agenda", ("Alpha topic", "Beta topic"))
    beta = by_key(deck, "section:beta")
    assert (beta.title, beta.section_number, beta.items) == (
        "Beta topic",
        2,
        ("The second fixture topic, with a table, a timeline and a comparison.",),
    )
    assert by_key(deck, "references").title == "References"
    assert (deck.slides[-1].title, deck.slides[-1].items) == ("Questions and discussion", ("Fixture deck",))
    assert deck.footer == "Fixture deck"
    assert deck.as_of.isoformat() == "2025-01-26"


def test_citations_are_numbered_by_first_use_across_the_deck(fixture_library, fixture_brief):
    deck = compose(fixture_library, fixture_brief)
    assert deck.numbers == {AGENCY: 1, ARTICLE: 2, NEWS: 3, RU: 4}
    assert [r.source_id for r in deck.references] == [AGENCY, ARTICLE, NEWS, RU]
    assert [r.number for r in deck.references] == [1, 2, 3, 4]
    # A source cited again keeps its number; each slide lists its numbers in order of first use.
    assert {s.key: s.citations for s in deck.slides if s.slide} == {
        "alpha-key": (1, 2, 3),
        "alpha-quote": (1,),
        "alpha-chart": (3,),
        "beta-table": (3, 4),
        "beta-timeline": (2, 1),
        "beta-compare": (1, 4),
        "beta-bullets": (2,),
    }
    assert deck.markers((NEWS, AGENCY, NEWS)) == [1, 3]


def test_reordering_topics_renumbers(fixture_library, fixture_brief):
    fixture_brief.topics = ["beta", "alpha"]
    deck = compose(fixture_library, fixture_brief)
    assert deck.numbers == {NEWS: 1, RU: 2, ARTICLE: 3, AGENCY: 4}
    assert by_key(deck, "alpha-key").citations == (4, 3, 1)
    assert by_key(deck, "agenda").items == ("Beta topic", "Alpha topic")
    assert [r.source_id for r in deck.references] == [NEWS, RU, ARTICLE, AGENCY]


def test_unused_sources_are_not_listed(fixture_library, fixture_brief):
    fixture_brief.topics, fixture_brief.depth = ["alpha"], "key"
    deck = compose(fixture_library, fixture_brief)
    assert authored(deck) == ["alpha-key"]
    assert len(deck.references) == 3
    assert RU not in deck.numbers


@pytest.mark.parametrize(
    ("depth", "keys"),
    [
        ("key", ["alpha-key", "beta-table"]),
        ("standard", ["alpha-key", "alpha-quote", "beta-table", "beta-timeline", "beta-compare"]),
        (
            "full",
            ["alpha-key", "alpha-quote", "alpha-chart", "beta-table", "beta-timeline", "beta-compare", "beta-bullets"],
        ),
    ],
)
def test_depth_filters_by_priority(fixture_library, fixture_brief, depth, keys):
    fixture_brief.depth = depth
    assert authored(compose(fixture_library, fixture_brief)) == keys


def test_exclusions_and_slide_order(fixture_library, fixture_brief):
    fixture_brief.exclude = ["alpha-quote", "beta-timeline"]
    fixture_brief.slide_order = ["alpha-chart", "beta-bullets", "alpha-key"]
    deck = compose(fixture_library, fixture_brief)
    # Placed slides come first in the user's order, the rest keep the library's order.
    assert authored(deck) == ["alpha-chart", "alpha-key", "beta-bullets", "beta-table", "beta-compare"]
    assert deck.numbers[NEWS] == 1  # the chart, now first, cites the report


def test_a_topic_with_every_slide_excluded_leaves_the_deck(fixture_library, fixture_brief):
    fixture_brief.exclude = ["beta-table", "beta-timeline", "beta-compare", "beta-bullets"]
    deck = compose(fixture_library, fixture_brief)
    assert [s.key for s in deck.slides if s.kind == "section"] == ["section:alpha"]
    assert by_key(deck, "agenda").items == ("Alpha topic",)


def test_overrides_replace_text_without_changing_the_library(fixture_library, fixture_brief):
    original = fixture_library.slide("alpha-key")
    fixture_brief.overrides = {
        "alpha-key": SlideOverride(
            title="Changed title for {{ brief.title }}",
            notes="Changed notes",
            bullets={"0": "Changed first bullet", "1.0": "Changed sub-bullet"},
        )
    }
    slide = by_key(compose(fixture_library, fixture_brief), "alpha-key").slide
    assert slide.title == "Changed title for Fixture deck"
    assert slide.notes == "Changed notes"
    assert [b.text for b in slide.bullets] == [
        "Changed first bullet",
        "The second judgment is the article's own analysis.",
    ]
    assert slide.bullets[1].sub[0].text == "Changed sub-bullet"
    assert slide.bullets[0].cite == (AGENCY,)  # text changes, citations stay
    assert fixture_library.slide("alpha-key") is original
    assert original.title == "Alpha key judgments"
    assert original.bullets[0].text == "The first judgment rests on the statement."
    assert original.bullets[1].sub[0].text == "A supporting detail from the report."


def test_jinja_variables_in_slide_text(fixture_library, fixture_brief):
    slide = by_key(compose(fixture_library, fixture_brief), "beta-bullets").slide
    assert slide.title == "Plain bullets as of 20 January 2025"
    assert slide.bullets[0].text == 'A bullet in the deck "Fixture deck".'
    assert slide.notes == "Notes for Beta topic."
    assert fixture_library.slide("beta-bullets").title == "Plain bullets as of {{ as_of }}"


def test_notes_carry_the_slide_notes_then_its_full_references(fixture_library, fixture_brief):
    deck = compose(fixture_library, fixture_brief)
    timeline = by_key(deck, "beta-timeline")
    references = [f"[{n}] {deck.reference(n).text}" for n in (2, 1)]
    assert timeline.notes.startswith("Three events.\n")
    assert timeline.notes.endswith("Sources:\n" + "\n".join(references))
    assert "[2] Writer, Ann. “A Fixture Article on Partnerships”" in timeline.notes
    # Sections have no citations: their notes are the topic summary alone.
    assert by_key(deck, "section:alpha").notes == "The first fixture topic, with bullets, a quote and a chart."


def test_brief_without_topics_or_with_an_unknown_one(fixture_library, fixture_brief):
    fixture_brief.topics = []
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, fixture_brief)
    assert str(caught.value) == "topics: the brief names no topics (choose at least one topic, e.g. --topics summits)"
    fixture_brief.topics = ["alpah", "beta"]
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, fixture_brief)
    assert str(caught.value) == "topics: unknown topic 'alpah' (did you mean 'alpha'?)"


# --------------------------------------------------------------- sandboxing


@pytest.fixture
def library_with_bullet(tmp_path):
    """Return a function that loads a copy of the fixture library whose beta-bullets bullet says *text*."""

    def make(text: str):
        root = tmp_path / "library"
        shutil.copytree(FIXTURE_LIBRARY, root)
        beta = root / "topics" / "beta.yaml"
        old = '- text: A bullet in the deck "{{ brief.title }}".'
        source = beta.read_text(encoding="utf-8")
        assert old in source
        quoted = "'" + text.replace("'", "''") + "'"
        beta.write_text(source.replace(old, f"- text: {quoted}"), encoding="utf-8")
        return load_library(root), beta

    return make


LEAKS = ("<module", "<class", "environ", "__builtins__", "posix", "subprocess", "/usr/", "site-packages")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ ''.__class__.__mro__ }}", "not allowed: access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ cycler.__init__.__globals__ }}", "not allowed: access to attribute '__init__' of 'type' object is unsafe"),
        (
            "{{ self.__init__.__globals__.os }}",
            "not allowed: access to attribute '__init__' of 'TemplateReference' object is unsafe",
        ),
        (
            "{{ '{0.__class__}'.format(brief) }}",
            "not allowed: access to attribute '__class__' of 'dict' object is unsafe",
        ),
        ("{{ brief.__class__ }}", "not allowed: access to attribute '__class__' of 'dict' object is unsafe"),
    ],
)
def test_sandbox_blocks_python_internals_and_names_file_line_and_slide(
    library_with_bullet, fixture_brief, text, reason
):
    library, beta = library_with_bullet(text)
    with pytest.raises(ContentError) as caught:
        compose(library, fixture_brief)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (beta, 47, "slides[3].bullets[0].text")
    assert problem.message == f"slide 'beta-bullets': the text cannot be rendered: {reason}"
    assert problem.hint == "templates may use only the variables brief, topic, slide and as_of and plain filters"
    message = str(caught.value)
    assert not any(leak in message for leak in LEAKS), message


def test_misspelt_variable_is_an_error_with_a_suggestion(library_with_bullet, fixture_brief):
    library, beta = library_with_bullet("In {{ breif.title }}")
    with pytest.raises(ContentError) as caught:
        compose(library, fixture_brief)
    assert str(caught.value) == (
        f"{beta}:47: slides[3].bullets[0].text: slide 'beta-bullets': the text cannot be rendered: "
        "'breif' is undefined (did you mean 'brief'? The variables are brief, topic, slide and as_of)"
    )


def test_template_syntax_error_in_slide_text(library_with_bullet, fixture_brief):
    library, _ = library_with_bullet("Unclosed {{ brief.title")
    with pytest.raises(ContentError) as caught:
        compose(library, fixture_brief)
    [problem] = caught.value.problems
    assert problem.message == (
        "slide 'beta-bullets': the text cannot be rendered: unexpected end of template, "
        "expected 'end of print statement' (line 1 of the text)"
    )
    assert problem.hint == "check that every {{ has its }} and every {% its %}; write {{ '{{' }} for a literal {{"


def test_broken_override_text_is_a_brief_error(fixture_library, fixture_brief):
    fixture_brief.overrides = {"alpha-key": SlideOverride(bullets={"1.0": "{{ topic.__class__ }}"})}
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, fixture_brief)
    [problem] = caught.value.problems
    assert problem.key_path == "overrides.alpha-key.bullets.1.0"
    assert problem.message == (
        "the changed text of slide 'alpha-key' cannot be rendered: "
        "not allowed: access to attribute '__class__' of 'dict' object is unsafe"
    )


def test_deck_slides_are_frozen(fixture_library, fixture_brief):
    slide = compose(fixture_library, fixture_brief).slides[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        slide.title = "x"  # type: ignore[misc]
