"""A brief's own key-figures slides (``kind: key_figures``): reading, validation messages and the round trip."""

from __future__ import annotations

import pytest
from support.brief_files import problems, write

from sinoru_brief.brief import BriefFigure, CustomSlide, load_brief, save_brief
from sinoru_brief.compose import compose
from sinoru_brief.errors import BriefFileError

FIGURES = """title: T
topics: [alpha]
custom_slides:
  - id: our-figures
    after: alpha-key
    kind: key_figures
    title: Three numbers
    figures:
      - value: "78%"
        label: of the trade is settled in roubles and yuan
        cite: [article-2025]
      - value: $245 bn
        label: bilateral trade in 2024
        cite: [ru-2024-statement, article-2025]
      - value: 96
        label: 中俄贸易 — товарооборот
    notes: Read them slowly.
    briefer: Round them if asked.
date: 2025-02-03
"""

HEAD = (
    "title: T\ntopics: [alpha]\ncustom_slides:\n  - id: f\n    after: alpha-key\n    kind: key_figures\n    title: F\n"
)


def test_key_figures_are_read_with_values_as_written(tmp_path):
    brief = load_brief(write(tmp_path, FIGURES))
    assert brief.custom_slides == [
        CustomSlide(
            id="our-figures",
            after="alpha-key",
            kind="key_figures",
            title="Three numbers",
            notes="Read them slowly.",
            briefer="Round them if asked.",
            figures=[
                BriefFigure("78%", "of the trade is settled in roubles and yuan", ["article-2025"]),
                BriefFigure("$245 bn", "bilateral trade in 2024", ["ru-2024-statement", "article-2025"]),
                BriefFigure("96", "中俄贸易 — товарооборот"),
            ],
        )
    ]
    # Each figure's text and cite ids are known by their line, for later errors.
    assert brief.source_lines["custom_slides[0].figures[1].cite[0]"] == (14, "ru-2024-statement")
    assert brief.source_lines["custom_slides[0].figures[2].label"] == (16, "中俄贸易 — товарооборот")


def test_round_trip_keeps_key_figures(tmp_path):
    brief = load_brief(write(tmp_path, FIGURES))
    again = tmp_path / "again.brief.yaml"
    save_brief(brief, again)
    assert load_brief(again) == brief
    text = again.read_text(encoding="utf-8")
    assert "  kind: key_figures\n" in text and "  figures:\n  - value: 78%\n" in text
    assert "- value: '96'\n    label:" in text  # an uncited figure writes no empty cite list


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "",
            "4:5: custom_slides[0]: a key-figures slide needs 'figures:', a list of one to three figures (add "
            "'figures:' with entries of 'value:', 'label:' and 'cite:', e.g. "
            "'- {value: \"78%\", label: what it measures, cite: [source-id]}')",
        ),
        (
            "    figures: []\n",
            "4:5: custom_slides[0]: a key-figures slide needs 'figures:', a list of one to three "
            "figures (add 'figures:' with entries of 'value:', 'label:' and 'cite:', e.g. "
            "'- {value: \"78%\", label: what it measures, cite: [source-id]}')",
        ),
        (
            "    figures:\n" + "      - {value: '1', label: a}\n" * 4,
            "9:7: custom_slides[0].figures: has 4 figures; a key-figures slide sets at most 3 (keep the three that "
            "matter most, or put the others on a second key-figures slide)",
        ),
        (
            "    figures:\n      - value: ''\n        label: a\n",
            "9:16: custom_slides[0].figures[0].value: must not be empty",
        ),
        (
            "    figures:\n      - value: '1'\n        label: '  '\n",
            "10:16: custom_slides[0].figures[0].label: must not be empty",
        ),
        (
            "    figures:\n      - value: '1'\n",
            "9:9: custom_slides[0].figures[0]: missing required key 'label' in key figure (add 'label:' with text)",
        ),
        (
            "    figures:\n      - value: '1'\n        label: a\n        lable: b\n",
            "11:16: custom_slides[0].figures[0].lable: unknown key 'lable' in key figure (allowed keys: value, label, "
            "cite)",
        ),
        (
            "    figures:\n      - value: '1'\n        label: a\n        cite: article-2025\n",
            "11:15: custom_slides[0].figures[0].cite: expected a list, got text 'article-2025'",
        ),
        (
            "    figures:\n      - value: a long sentence rather than a number\n        label: a\n",
            "9:16: custom_slides[0].figures[0].value: is 36 characters long; the limit is 24 (shorten it or split it)",
        ),
        (
            "    figures:\n      - {value: '1', label: a}\n    quote: No limits.\n",
            "10:12: custom_slides[0].quote: a key-figures slide has no quote (drop 'quote:', or write 'kind: bullets' "
            "or 'kind: quote' and drop 'figures:')",
        ),
    ],
)
def test_bad_key_figures_name_line_key_and_fix(tmp_path, body, problem):
    path = write(tmp_path, HEAD + body)
    assert problems(path) == [f"{path}:{problem}"]


def test_figures_on_a_bullets_slide_are_an_error(tmp_path):
    path = write(
        tmp_path,
        "title: T\ncustom_slides:\n  - id: f\n    after: a\n    title: F\n"
        "    figures:\n      - {value: '1', label: a}\n",
    )
    assert problems(path) == [
        f"{path}:7:7: custom_slides[0].figures: a bullets slide has no figures "
        "(write 'kind: key_figures', or drop 'figures:')"
    ]


def test_an_unknown_source_in_a_figure_names_its_line_with_did_you_mean(tmp_path, fixture_library):
    path = write(
        tmp_path,
        HEAD + "    figures:\n      - value: '1'\n        label: a\n        cite: [article-2025, article-2052]\n",
    )
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, load_brief(path))
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:11: custom_slides[0].figures[0].cite[1]: unknown source 'article-2052' (did you mean 'article-2025'?)"
    ]
