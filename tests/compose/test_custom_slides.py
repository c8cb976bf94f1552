"""The user's own slides and bullet lists in the deck: placement, numbering, notes, errors and layout."""

from __future__ import annotations

import pytest
from support.decks import AGENCY, ARTICLE, RU, authored, by_key

from sinoru_brief.brief import BriefBullet, CustomSlide, SlideOverride, load_brief
from sinoru_brief.compose import compose
from sinoru_brief.errors import BriefFileError


def assessment(after: str = "alpha-key", **fields) -> CustomSlide:
    return CustomSlide(
        id="our-assessment",
        after=after,
        title="Our assessment for {{ brief.title }}",
        notes="Say it plainly.",
        bullets=[
            BriefBullet("Deeper than before", [RU], [BriefBullet("but no alliance", [ARTICLE])]),
            BriefBullet("Our own judgment"),
        ],
        **fields,
    )


def test_a_custom_slide_follows_its_anchor_and_is_numbered_by_first_use(fixture_library, fixture_brief):
    plain = compose(fixture_library, fixture_brief)
    fixture_brief.custom_slides = [assessment()]
    deck = compose(fixture_library, fixture_brief)
    keys = authored(deck)
    assert keys == ["alpha-key", "our-assessment", *[k for k in authored(plain) if k != "alpha-key"]]
    slide = by_key(deck, "our-assessment")
    assert slide.kind == "bullets" and slide.slide.kind == "bullets"
    assert slide.title == slide.slide.title == "Our assessment for Fixture deck"
    # alpha-key cites agency, article and news first; the custom slide adds the Russian statement as 4.
    assert deck.numbers[RU] == 4 and deck.numbers[ARTICLE] == 2
    assert slide.citations == (4, 2)
    assert [b.text for b in slide.slide.bullets] == ["Deeper than before", "Our own judgment"]
    assert slide.slide.bullets[0].sub[0].text == "but no alliance"
    # The notes carry the user's notes, then the full reference of every source the slide cites.
    assert slide.notes.startswith("Say it plainly.")
    assert f"[4] {deck.reference(4).text}" in slide.notes and f"[2] {deck.reference(2).text}" in slide.notes


def test_start_of_topic_chains_and_every_depth(fixture_library, fixture_brief):
    first = CustomSlide(
        id="opener",
        after="start:beta",
        kind="quote",
        title="In their words",
        quote="No limits.",
        attribution="A statement",
        cite=[AGENCY],
    )
    second = CustomSlide(id="then", after="opener", title="Then this", bullets=[BriefBullet("x")])
    fixture_brief.custom_slides = [second, first]
    fixture_brief.depth = "key"
    keys = authored(compose(fixture_library, fixture_brief))
    beta = [k for k in keys if k in ("opener", "then") or k.startswith("beta")]
    assert beta[:2] == ["opener", "then"]
    # A slide that follows one the depth leaves out stays where that slide would have been.
    fixture_brief.depth = "full"
    fixture_brief.custom_slides = [CustomSlide(id="own", after="alpha-quote", title="Own", bullets=[])]
    full = authored(compose(fixture_library, fixture_brief))
    assert full[full.index("alpha-quote") + 1] == "own"
    fixture_brief.exclude = ["alpha-quote"]
    without = authored(compose(fixture_library, fixture_brief))
    assert without.index("own") == full.index("alpha-quote")


def test_a_bullet_list_override_adds_removes_and_reorders(fixture_library, fixture_brief):
    library_bullets = fixture_library.slide("alpha-key").bullets
    fixture_brief.overrides = {
        "alpha-key": SlideOverride(
            notes="New notes",
            bullet_list=[
                BriefBullet(library_bullets[1].text, list(library_bullets[1].cite)),
                BriefBullet("An added bullet", [RU], [BriefBullet("with a sub-bullet")]),
            ],
        )
    }
    deck = compose(fixture_library, fixture_brief)
    slide = by_key(deck, "alpha-key")
    assert [b.text for b in slide.slide.bullets] == [library_bullets[1].text, "An added bullet"]
    assert slide.slide.bullets[1].sub[0].text == "with a sub-bullet"
    assert deck.numbers[library_bullets[1].cite[0]] == 1  # the first source cited now is the moved bullet's
    assert RU in deck.numbers
    assert slide.notes.startswith("New notes")
    assert fixture_library.slide("alpha-key").bullets is library_bullets


def test_unknown_citations_anchors_and_clashing_ids_are_reported_together(tmp_path, fixture_library):
    path = tmp_path / "deck.brief.yaml"
    path.write_text(
        "title: T\ntopics: [alpha]\ncustom_slides:\n"
        "  - id: alpha-key\n    after: alpha-kye\n    title: X\n"
        "    bullets:\n      - text: a\n        cite: [article-2052]\n"
        "overrides:\n  alpha-quote:\n    bullets:\n      - text: b\n        cite: [nobody]\n",
        encoding="utf-8",
    )
    brief = load_brief(path)
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, brief)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: custom_slides[0].id: slide id 'alpha-key' is already a library slide's "
        "(give your slide an id of its own, e.g. 'our-alpha-key')",
        f"{path}:5: custom_slides[0].after: slide 'alpha-key' follows 'alpha-kye', which is not a slide "
        "(did you mean 'alpha-key'?)",
        f"{path}:9: custom_slides[0].bullets[0].cite[0]: unknown source 'article-2052' (did you mean 'article-2025'?)",
        f"{path}:14: overrides.alpha-quote.bullets[0].cite[0]: unknown source 'nobody' "
        "(run 'sinoru-brief sources' to list them, or cite a source id from sources.yaml)",
    ]


def test_template_errors_in_custom_text_name_the_brief_line(tmp_path, fixture_library):
    path = tmp_path / "deck.brief.yaml"
    path.write_text(
        "title: T\ntopics: [alpha]\ncustom_slides:\n  - id: own\n    after: alpha-key\n    title: '{{ nope }}'\n",
        encoding="utf-8",
    )
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, load_brief(path))
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (path, 6, "custom_slides[0].title")


@pytest.mark.parametrize("look", ["briefing", "academic", "plain"])
def test_custom_slides_keep_every_layout_invariant(fixture_library, fixture_brief, look):
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.layout.invariants import check_pages
    from sinoru_brief.theme import load_theme

    long = "A long judgment of our own that must wrap across several lines of the slide " * 4
    fixture_brief.custom_slides = [
        CustomSlide(
            id="own",
            after="alpha-key",
            title="Our assessment, at length " * 3,
            bullets=[BriefBullet(long, [RU], [BriefBullet(long, [ARTICLE])]) for _ in range(6)],
        ),
        CustomSlide(
            id="said", after="own", kind="quote", title="Quoted", quote=long, attribution="Someone", cite=[AGENCY]
        ),
    ]
    theme = load_theme(look)
    pages = layout_deck(compose(fixture_library, fixture_brief, theme.snippets, theme.structure), theme)
    assert not check_pages(pages)
    own = [p for p in pages if p.key == "own"]
    assert len(own) > 1 and own[1].continued == 1  # too long for one slide: continued, never overflowing
    # Every page of the user's slide carries a source line naming what it cites.
    for page in own + [p for p in pages if p.key == "said"]:
        assert any(f.role == "source" for f in page.text_frames()), page.key
