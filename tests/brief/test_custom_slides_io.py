"""The brief's own slides and bullet lists: reading, validation messages, round trip and reconciling."""

from __future__ import annotations

import pytest
from support.brief_files import problems, write

from sinoru_brief.brief import Brief, BriefBullet, CustomSlide, SlideOverride, load_brief, reconciled, save_brief

OWN = """title: T
topics: [alpha, beta]
custom_slides:
  - id: our-assessment
    after: alpha-key
    title: Our assessment
    bullets:
      - text: The partnership deepens
        cite: [article-2025]
        sub:
          - text: but stays short of an alliance
            cite: [ru-2024-statement]
      - text: Our own judgment, uncited
    notes: Say this slowly.
  - id: opener
    after: start:beta
    kind: quote
    title: In their words
    quote: No limits.
    attribution: A joint statement
    cite: [agency-2024-05-16-statement]
overrides:
  alpha-key:
    notes: Our notes
    bullets:
      - text: A bullet moved to the top
        cite: [news-2024-10-03-report]
date: 2025-02-03
"""


def test_custom_slides_and_bullet_lists_are_read(tmp_path):
    brief = load_brief(write(tmp_path, OWN))
    assert brief.custom_slides == [
        CustomSlide(
            id="our-assessment",
            after="alpha-key",
            title="Our assessment",
            notes="Say this slowly.",
            bullets=[
                BriefBullet(
                    "The partnership deepens",
                    ["article-2025"],
                    [BriefBullet("but stays short of an alliance", ["ru-2024-statement"])],
                ),
                BriefBullet("Our own judgment, uncited"),
            ],
        ),
        CustomSlide(
            id="opener",
            after="start:beta",
            kind="quote",
            title="In their words",
            quote="No limits.",
            attribution="A joint statement",
            cite=["agency-2024-05-16-statement"],
        ),
    ]
    override = brief.overrides["alpha-key"]
    assert override.bullet_list == [BriefBullet("A bullet moved to the top", ["news-2024-10-03-report"])]
    assert override.bullets == {}
    # Each text and cite id is known by where it was written, so a later error can name the line.
    assert brief.source_lines["custom_slides[0].bullets[0].sub[0].cite[0]"] == (12, "ru-2024-statement")
    assert brief.source_lines["overrides.alpha-key.bullets[0].text"] == (26, "A bullet moved to the top")


def test_round_trip_keeps_custom_slides_and_bullet_lists(tmp_path):
    brief = load_brief(write(tmp_path, OWN))
    again = tmp_path / "again.brief.yaml"
    save_brief(brief, again)
    assert load_brief(again) == brief
    text = again.read_text(encoding="utf-8")
    assert "custom_slides:\n- id: our-assessment\n  after: alpha-key\n  kind: bullets\n" in text
    # An empty bullet list is a real choice (every bullet removed) and survives the trip.
    brief.overrides["beta-bullets"] = SlideOverride(bullet_list=[])
    save_brief(brief, again)
    assert load_brief(again).overrides["beta-bullets"].bullet_list == []


def test_a_brief_without_custom_slides_saves_no_key(tmp_path):
    path = tmp_path / "b.brief.yaml"
    save_brief(Brief(title="T", topics=["alpha"]), path)
    assert "custom_slides" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("slide", "problem"),
    [
        (
            "  - id: x\n    after: alpha-key\n    titel: X\n",
            "5:12: custom_slides[0].titel: unknown key 'titel' in custom slide (did you mean 'title'?)",
        ),
        (
            "  - id: Our Slide\n    after: alpha-key\n    title: X\n",
            "3:9: custom_slides[0].id: expected an id in lower-case kebab-case (letters, digits and single hyphens), "
            "got 'Our Slide'",
        ),
        (
            "  - id: x\n    after: alpha-key\n    title: X\n    kind: bulets\n",
            "6:11: custom_slides[0].kind: expected one of bullets, quote, key_figures, got text 'bulets' "
            "(did you mean 'bullets'?)",
        ),
        (
            "  - id: x\n    after: alpha-key\n    title: X\n    bullets:\n      - txt: a\n",
            "7:14: custom_slides[0].bullets[0].txt: unknown key 'txt' in bullet (did you mean 'text'?)",
        ),
        (
            "  - id: x\n    after: alpha-key\n    title: X\n"
            "    bullets:\n      - text: a\n        cite: article-2025\n",
            "8:15: custom_slides[0].bullets[0].cite: expected a list, got text 'article-2025'",
        ),
        (
            "  - id: x\n    title: X\n",
            "3:5: custom_slides[0]: missing required key 'after' in custom slide (add 'after:' with text)",
        ),
        (
            "  - id: x\n    after: alpha-key\n    kind: quote\n    title: X\n",
            "3:5: custom_slides[0]: missing required key 'quote' in custom slide "
            "(add 'quote:' with the quoted words, or write 'kind: bullets')",
        ),
        (
            "  - id: x\n    after: x\n    title: X\n",
            "4:12: custom_slides[0].after: slide 'x' cannot follow itself "
            "(name the slide it should follow, or 'start:<topic>')",
        ),
        (
            "  - id: x\n    after: a\n    title: X\n  - id: x\n    after: a\n    title: Y\n",
            "6:9: custom_slides[1].id: custom slide id 'x' is used twice (give each of your slides its own id)",
        ),
    ],
)
def test_bad_custom_slides_name_line_and_key(tmp_path, slide, problem):
    path = write(tmp_path, "title: T\ncustom_slides:\n" + slide)
    assert problems(path) == [f"{path}:{problem}"]


def test_bad_bullet_list_in_an_override(tmp_path):
    path = write(tmp_path, "title: T\noverrides:\n  alpha-key:\n    bullets:\n      - cite: [a]\n")
    assert problems(path) == [
        f"{path}:5:9: overrides.alpha-key.bullets[0]: missing required key 'text' in bullet (add 'text:' with text)"
    ]
    path = write(tmp_path, "title: T\noverrides:\n  alpha-key:\n    bullets: some text\n")
    assert problems(path) == [
        f"{path}:4:14: overrides.alpha-key.bullets: expected a list of bullets (text, cite, sub) or bullet positions "
        "mapped to new wording, got text 'some text'"
    ]


def test_reconcile_keeps_the_users_slides_and_says_what_moved(fixture_library):
    brief = Brief(
        title="T",
        topics=["beta", "alpha"],
        custom_slides=[
            CustomSlide(id="alpha-key", after="alpha-quote", title="Clashes with a library id"),
            CustomSlide(id="orphan", after="a-slide-since-deleted", title="Lost its anchor"),
            CustomSlide(id="chained", after="alpha-key", title="Follows the clashing one"),
        ],
        overrides={"alpha-key": SlideOverride(bullet_list=[BriefBullet("kept")])},
    )
    brief, notes = reconciled(brief, fixture_library)
    assert [s.id for s in brief.custom_slides] == ["alpha-key-own", "orphan", "chained"]
    assert [s.after for s in brief.custom_slides] == ["alpha-quote", "start:beta", "alpha-key-own"]
    assert notes == [
        "your slide 'alpha-key' was renamed 'alpha-key-own': the library now has a slide of that id",
        "your slide 'orphan' now opens topic 'beta': the slide it followed, 'a-slide-since-deleted', "
        "is no longer in the library",
    ]
    assert brief.overrides["alpha-key"].bullet_list == [BriefBullet("kept")]
