"""load_marked: values with their positions, and YAML mistakes as problems that say how to fix them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sinoru_brief.yamlio.marked import MAX_VALUES, format_key_path, load_marked

FILE = Path("doc.yaml")


def one_problem(text: str):
    doc = load_marked(FILE, text)
    assert len(doc.problems) == 1, [str(p) for p in doc.problems]
    return doc.problems[0]


def test_values_and_their_one_based_positions():
    doc = load_marked(FILE, "title: T\nslides:\n  - id: a\n    cite: [x, y]\n")
    assert doc.problems == []
    assert doc.data == {"title": "T", "slides": [{"id": "a", "cite": ["x", "y"]}]}
    assert doc.marks[("title",)] == (1, 8)
    assert doc.marks[("slides", 0)] == (3, 5)
    assert doc.marks[("slides", 0, "cite", 1)] == (4, 15)
    # A path that does not exist falls back to its nearest parent.
    assert doc.position(("slides", 0, "cite", 7)) == (4, 11)
    assert doc.position(("nothing",)) == (1, 1)


def test_format_key_path():
    assert format_key_path(("slides", 3, "bullets", 0, "cite")) == "slides[3].bullets[0].cite"
    assert format_key_path((2, "id")) == "[2].id"
    assert format_key_path(()) == ""


def test_empty_document_has_no_data_and_no_problem():
    doc = load_marked(FILE, "# just a comment\n")
    assert (doc.data, doc.problems) == (None, [])


def test_reads_files_and_reports_a_missing_one(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert load_marked(path).data == {"a": 1}
    missing = load_marked(tmp_path / "none.yaml")
    assert [str(p) for p in missing.problems] == [
        f"{tmp_path / 'none.yaml'}: cannot read the file: No such file or directory"
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "message", "hint"),
    [
        (
            "a:\n  b: [x, y\n  c: 1\n",
            2,
            6,
            "invalid YAML: the '[' here is never closed",
            "add the missing ']'; YAML expected ',' or ']', but found ':' at line 3, column 4",
        ),
        (
            "a: {x: 1\nb: 2\n",
            1,
            4,
            "invalid YAML: the '{' here is never closed",
            "add the missing '}'; YAML expected ',' or '}', but found ':' at line 2, column 2",
        ),
        (
            'a: "open\nb: 1\n',
            1,
            4,
            "invalid YAML: the quotation mark here is never closed",
            "add the closing quotation mark",
        ),
        (
            "a:\n\tb: 1\n",
            2,
            1,
            "invalid YAML: a tab character where YAML expects spaces",
            "YAML indents with spaces, never tabs",
        ),
        (
            "a: b: c\n",
            1,
            5,
            "invalid YAML: a ':' where no key can start",
            "put text that contains ': ' in quotes, or check the indentation of this line",
        ),
        (
            "a: [x]]\n",
            1,
            7,
            "invalid YAML: a ']' that closes nothing",
            "remove it, or add the '[' or '{' it should close",
        ),
        (
            "- a\nb: 1\n",
            2,
            1,
            "invalid YAML: this line does not line up with the lines above it",
            "items of one list or mapping start in the same column; check the indentation",
        ),
        (
            "a:\n  b: text\n  more text\n  c: 1\n",
            3,
            3,
            "invalid YAML: this line is neither 'key: value' nor a list item",
            "add the ':' after the key, or indent text that continues the line above further than its key",
        ),
        (
            "a: !!python/object:os.system x\n",
            1,
            4,
            "invalid YAML value: could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object:os.system'",
            "",
        ),
    ],
)
def test_syntax_errors_say_where_and_how_to_fix(text, line, column, message, hint):
    problem = one_problem(text)
    assert (problem.file, problem.line, problem.column) == (FILE, line, column)
    assert (problem.message, problem.hint) == (message, hint)


def test_duplicate_key_names_both_lines_and_keeps_the_first_value():
    doc = load_marked(FILE, "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert doc.data == {"a": {"b": 1, "c": 2}}
    [problem] = doc.problems
    assert (problem.line, problem.column, problem.key_path) == (4, 3, "a.b")
    assert (problem.message, problem.hint) == (
        "duplicate key 'b'",
        "'b' is already set at line 2; remove one of the two",
    )


def test_merge_keys_may_be_overridden_once_without_a_duplicate_error():
    doc = load_marked(FILE, "base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  x: 3\n")
    assert doc.problems == []
    assert doc.data["c"] == {"x": 3, "y": 2}


def test_control_characters_are_dropped_before_parsing():
    doc = load_marked(FILE, "a: b\x07c\x1bd\x7f\nb: \x9fok\x00\n")
    assert doc.problems == []
    assert doc.data == {"a": "bcd", "b": "ok"}


def test_impossible_timestamp_stays_text_for_the_schema_to_report():
    doc = load_marked(FILE, "good: 2024-02-29\nbad: 2024-02-30\n")
    assert doc.problems == []
    assert doc.data == {"good": dt.date(2024, 2, 29), "bad": "2024-02-30"}


def test_not_utf8_names_the_line_and_column(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nb: caf\u00e9 \u00e9\n".encode("latin-1"))
    problem = load_marked(path).problems[0]
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == "the file is not valid UTF-8 (byte 0xe9)"


def test_recursive_alias_is_a_problem():
    problem = one_problem("a: &x [1, *x]\n")
    assert (problem.line, problem.column) == (1, 4)
    assert problem.message == "invalid YAML: an alias refers to the value that contains it"
    assert problem.hint == "an alias (*name) must not point at its own parent; copy the value instead"


def test_alias_expansion_is_capped():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    doc = load_marked(FILE, "\n".join(lines) + "\n")
    assert doc.data is None and doc.marks == {}
    assert [p.message for p in doc.problems] == [
        f"the file holds more than {MAX_VALUES:,} values once its aliases are expanded"
    ]


def test_ordinary_aliases_still_work():
    doc = load_marked(FILE, "a: &x [1, 2]\nb: *x\n")
    assert doc.problems == []
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_unquoted_non_text_values_remember_how_they_were_written():
    doc = load_marked(FILE, "a: [yes, 12:30, 1.50, 010, 2024-05-16, 'quoted', text, 7]\n1.10: x\n0: y\n")
    assert doc.data["a"] == [True, 750, 1.5, 8, dt.date(2024, 5, 16), "quoted", "text", 7]
    assert doc.written == {
        ("a", 0): "yes",
        ("a", 1): "12:30",
        ("a", 2): "1.50",
        ("a", 3): "010",
        ("a", 4): "2024-05-16",
        ("a", 7): "7",
    }
    # Mapping keys are text as written: a bullet position 1.10 is not 1.1.
    assert list(doc.data) == ["a", "1.10", "0"]
