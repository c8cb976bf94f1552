"""The template's ``structure:`` key: how many slides a topic needs for a section divider."""

from __future__ import annotations

import pytest

from sinoru_brief.theme import load_theme
from sinoru_brief.theme.loader import builtin_template_names
from sinoru_brief.theme.model import Structure
from sinoru_brief.theme.writer import save_theme
from tests.theme.test_template_errors import VALID, line_of, only_problem, write_template

HINT = (
    "a topic gets a section divider only when it has at least this many slides in the deck; "
    "write a whole number such as 3 (1 gives every topic a divider)"
)


def test_without_the_key_a_topic_needs_three_slides(tmp_path):
    assert load_theme(write_template(tmp_path / "t", VALID)).structure == Structure(section_min_slides=3)


@pytest.mark.parametrize("value", [1, 4, 50])
def test_the_number_is_read(tmp_path, value):
    text = VALID + f"structure:\n  section_min_slides: {value}\n"
    assert load_theme(write_template(tmp_path / "t", text)).structure.section_min_slides == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "expected a whole number from 1 to 50, got 0"),
        ("51", "expected a whole number from 1 to 50, got 51"),
        ("2.5", "expected a whole number from 1 to 50, got a number (2.5)"),
        ("three", "expected a whole number from 1 to 50, got text 'three'"),
    ],
)
def test_a_bad_number_names_line_key_and_what_it_means(tmp_path, value, message):
    text = VALID + f"structure:\n  section_min_slides: {value}\n"
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "section_min_slides"), "structure.section_min_slides")
    assert problem.message == message
    assert problem.hint == HINT


def test_a_misspelt_key_is_named(tmp_path):
    problem = only_problem(write_template(tmp_path / "t", VALID + "structure:\n  section_min: 2\n"))
    assert (problem.key_path, problem.hint) == ("structure.section_min", "did you mean 'section_min_slides'?")


@pytest.mark.parametrize("name", builtin_template_names())
def test_built_in_looks_say_it_and_keep_it_through_saving(tmp_path, name):
    theme = load_theme(name)
    assert theme.structure == Structure(section_min_slides=3)
    saved = save_theme(theme.__class__(**{**theme.__dict__, "structure": Structure(5)}), tmp_path / name)
    assert saved.structure == Structure(5)
