"""The slide field ``briefer:``: guidance for the presenter, loaded apart from the notes and checked like them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sinoru_brief.content import load_library
from sinoru_brief.errors import ContentError, Problem

FIXTURE = Path(__file__).parents[1] / "data" / "library"


@pytest.fixture
def alpha(tmp_path: Path) -> Path:
    """The topic file alpha.yaml in a writable copy of the fixture library."""
    shutil.copytree(FIXTURE, tmp_path / "library")
    return tmp_path / "library" / "topics" / "alpha.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def _only_problem(alpha: Path) -> Problem:
    with pytest.raises(ContentError) as caught:
        load_library(alpha.parents[1])
    assert len(caught.value.problems) == 1, [str(p) for p in caught.value.problems]
    return caught.value.problems[0]


def test_briefer_is_loaded_apart_from_the_notes(fixture_library):
    slide = fixture_library.slide("beta-bullets")
    assert slide.notes == "Notes for {{ topic.title }}."
    assert slide.briefer == 'If asked, the bullet names the deck "{{ brief.title }}".'
    assert fixture_library.slide("alpha-key").briefer == ""  # optional


def test_briefer_is_searchable_with_the_slides_text(fixture_library):
    assert (
        'If asked, the bullet names the deck "{{ brief.title }}".'
        in fixture_library.slide("beta-bullets").text_fields()
    )


def test_guidance_left_in_the_notes_is_an_error_naming_the_line_and_the_fix(alpha):
    _edit(
        alpha,
        "    notes: Read the key judgments aloud.",
        "    notes: |\n      Read the key judgments aloud.\n\n      For the briefer: if asked, say so.",
    )
    problem = _only_problem(alpha)
    assert (problem.file, problem.line, problem.key_path) == (alpha, 19, "slides[0].notes")
    assert problem.message == "the notes hold guidance for the briefer ('For the briefer:')"
    assert "briefer: field" in problem.hint


def test_briefer_repeating_the_label_is_an_error(alpha):
    _edit(
        alpha,
        "    notes: Read the key judgments aloud.",
        '    notes: Read the key judgments aloud.\n    briefer: "For the briefer: if asked, say so."',
    )
    problem = _only_problem(alpha)
    assert (problem.line, problem.key_path) == (20, "slides[0].briefer")
    assert problem.message == "starts with 'For the briefer:', which the export adds itself"


def test_empty_briefer_is_an_error(alpha):
    _edit(
        alpha, "    notes: Read the key judgments aloud.", '    notes: Read the key judgments aloud.\n    briefer: ""'
    )
    problem = _only_problem(alpha)
    assert (problem.key_path, problem.message) == ("slides[0].briefer", "must not be empty")


def test_misspelt_briefer_key_suggests_it(alpha):
    _edit(alpha, "    notes: Read the key judgments aloud.", "    notes: Read the key judgments aloud.\n    breifer: x")
    problem = _only_problem(alpha)
    assert problem.key_path == "slides[0].breifer"
    assert "briefer" in f"{problem.message} {problem.hint}"
