"""The exception root and its problem records."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.errors import (
    BriefError,
    BriefFileError,
    ContentError,
    ExportError,
    LayoutError,
    Problem,
    TemplateError,
)


@pytest.mark.parametrize(
    ("cls", "kind"),
    [
        (ContentError, "content error"),
        (BriefFileError, "brief error"),
        (TemplateError, "template error"),
        (LayoutError, "layout error"),
        (ExportError, "export error"),
    ],
)
def test_every_user_error_is_a_brief_error(cls, kind):
    assert issubclass(cls, BriefError)
    assert cls("x").kind == kind
    assert BriefError("x").kind == "error"


def test_problem_text_names_file_line_column_key_and_hint():
    problem = Problem(
        Path("topics/a.yaml"), "expected text", line=3, column=7, key_path="slides[0].title", hint="write text"
    )
    assert problem.location() == "topics/a.yaml:3:7"
    assert str(problem) == "topics/a.yaml:3:7: slides[0].title: expected text (write text)"


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem(Path("a.yaml"), "empty"), "a.yaml: empty"),
        (Problem(Path("a.yaml"), "bad", line=4), "a.yaml:4: bad"),
        (Problem(Path("a.yaml"), "bad", column=4), "a.yaml: bad"),  # a column without a line means nothing
        (Problem(None, "no topics", key_path="topics"), "topics: no topics"),
        (Problem(None, "bad", line=2), "<input>:2: bad"),
    ],
)
def test_problem_text_leaves_out_what_is_unknown(problem, text):
    assert str(problem) == text


def test_one_problem_is_the_message():
    error = ContentError(Problem(Path("s.yaml"), "broken", line=1))
    assert str(error) == "s.yaml:1: broken"
    assert error.problems == [Problem(Path("s.yaml"), "broken", line=1)]


def test_a_string_becomes_a_problem():
    error = ExportError("cannot write", file=Path("out.pptx"))
    assert str(error) == "out.pptx: cannot write"
    assert error.problems[0].file == Path("out.pptx")


def test_several_problems_are_listed_one_per_line():
    error = ContentError([Problem(Path("a.yaml"), "one", line=1), Problem(Path("b.yaml"), "two", line=2)])
    assert str(error) == "2 problems found:\n  a.yaml:1: one\n  b.yaml:2: two"
    assert error.describe() == str(error)
