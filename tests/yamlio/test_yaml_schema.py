"""Schema specs: each reports what was wrong, where, and what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.yamlio.marked import load_marked
from sinoru_brief.yamlio.schema import (
    INVALID,
    Checker,
    Choice,
    Date,
    Integer,
    Key,
    ListOf,
    MappingOf,
    Number,
    Record,
    Text,
    Variant,
    did_you_mean,
    shorten,
)


def check(spec, text: str):
    """Check the YAML *text* against *spec*; return the result and the problems as strings."""
    doc = load_marked(Path("f.yaml"), text)
    assert doc.problems == []
    checker = Checker(doc)
    result = spec.check(doc.data, (), checker)
    return result, [str(p) for p in checker.problems]


PERSON = Record(
    what="person", keys={"name": Key(Text()), "age": Key(Integer(minimum=0, maximum=150), required=False, default=30)}
)


def test_record_builds_values_and_fills_defaults():
    assert check(PERSON, "name: Ann\n") == ({"name": "Ann", "age": 30}, [])
    assert check(PERSON, "name: Ann\nage:\n") == ({"name": "Ann", "age": 30}, [])


def test_unknown_key_with_did_you_mean_replaces_the_missing_key_error():
    result, problems = check(PERSON, "nmae: Ann\n")
    assert result is INVALID
    assert problems == ["f.yaml:1:7: nmae: unknown key 'nmae' in person (did you mean 'name'?)"]


def test_unknown_key_does_not_suggest_a_key_already_present():
    result, problems = check(PERSON, "name: Ann\nnmae: Bob\n")
    assert problems == ["f.yaml:2:7: nmae: unknown key 'nmae' in person (allowed keys: name, age)"]


def test_missing_required_key():
    assert check(PERSON, "age: 3\n")[1] == ["f.yaml:1:1: missing required key 'name' in person (add 'name:' with text)"]


def test_required_key_without_value():
    assert check(PERSON, "name:\nage: 3\n")[1] == ["f.yaml:1:6: name: has no value (write text here)"]


def test_wrong_container_type():
    assert check(PERSON, "- a\n")[1] == ["f.yaml:1:1: expected a person (key: value pairs), got a list"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("x: 200", "f.yaml:1:4: x: expected a whole number from 0 to 150, got 200"),
        ("x: 1.5", "f.yaml:1:4: x: expected a whole number from 0 to 150, got a number (1.5)"),
        ("x: yes", "f.yaml:1:4: x: expected a whole number from 0 to 150, got true (a yes/no value)"),
        ("x: '7'", "f.yaml:1:4: x: expected a whole number from 0 to 150, got text '7'"),
    ],
)
def test_integer(text, problem):
    spec = Record(keys={"x": Key(Integer(minimum=0, maximum=150))})
    assert check(spec, text) == (INVALID, [problem])


def test_text_accepts_numbers_strips_xml_illegal_characters_and_limits_length():
    spec = ListOf(item=Text(max_length=5))
    assert check(spec, '[12, "a\\x01b", "  "]')[1] == ["f.yaml:1:16: [2]: must not be empty"]
    assert check(spec, '[12, "a\\x01b"]')[0] == ["12", "ab"]
    assert check(spec, "[abcdef]")[1] == [
        "f.yaml:1:2: [0]: is 6 characters long; the limit is 5 (shorten it or split it)"
    ]


def test_text_pattern():
    spec = Text(pattern=r"[a-z]+", pattern_help="lower-case letters")
    assert check(spec, "Abc") == (INVALID, ["f.yaml:1:1: expected lower-case letters, got 'Abc'"])


def test_choice_with_did_you_mean():
    spec = Choice(choices=("key", "standard", "full"))
    assert check(spec, "ful") == (
        INVALID,
        ["f.yaml:1:1: expected one of key, standard, full, got text 'ful' (did you mean 'full'?)"],
    )
    assert check(spec, "3")[1] == ["f.yaml:1:1: expected one of key, standard, full, got a number (3)"]


def test_choice_without_a_value():
    spec = Record(keys={"depth": Key(Choice(choices=("key", "full")))})
    assert check(spec, "depth:\n")[1] == ["f.yaml:1:7: depth: has no value (write one of key, full here)"]


def test_date():
    spec = ListOf(item=Date())
    assert check(spec, "[2024-05-16]")[0][0].isoformat() == "2024-05-16"
    assert check(spec, "[2024-02-30]")[1] == [
        "f.yaml:1:2: [0]: '2024-02-30' is not a real date "
        "(the month must be 1 to 12 and the day must exist in that month)"
    ]
    assert check(spec, "[May 2024]")[1] == ["f.yaml:1:2: [0]: expected a date written YYYY-MM-DD, got text 'May 2024'"]


def test_number_refuses_nan():
    assert check(ListOf(item=Number()), "[1, .nan]")[1] == [
        "f.yaml:1:5: [1]: expected a finite number no larger than 10^15, got nan"
    ]


def test_list_bounds():
    spec = ListOf(item=Text(), min_items=1, max_items=2)
    assert check(spec, "[]")[1] == ["f.yaml:1:1: needs at least 1 item, has 0"]
    assert check(spec, "[a, b, c]")[1] == ["f.yaml:1:1: has 3 items; at most 2 are allowed"]
    assert check(spec, "[a, ]") == (["a"], [])


def test_mapping_of_stringifies_keys():
    assert check(MappingOf(value=Text()), "0: a\n1.0: b\n") == ({"0": "a", "1.0": "b"}, [])


VARIANT = Variant(
    what="slide",
    tag="kind",
    common={"id": Key(Text())},
    variants={"bullets": {"bullets": Key(ListOf())}, "quote": {"quote": Key(Text())}},
)


def test_variant_checks_the_keys_of_its_kind():
    assert check(VARIANT, "kind: quote\nid: a\nquote: q\n") == ({"kind": "quote", "id": "a", "quote": "q"}, [])
    assert check(VARIANT, "kind: quote\nid: a\nqoute: q\n")[1] == [
        "f.yaml:3:8: qoute: unknown key 'qoute' in slide (did you mean 'quote'?)"
    ]
    assert check(VARIANT, "kind: quote\nid: a\nbullets: [x]\n")[1] == [
        "f.yaml:3:10: bullets: unknown key 'bullets' in slide (allowed keys: kind, id, quote)",
        "f.yaml:1:1: missing required key 'quote' in slide (add 'quote:' with text)",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("kind: qoute\nid: a\n", "f.yaml:1:7: kind: unknown kind 'qoute' in slide (did you mean 'quote'?)"),
        ("kind: chart\nid: a\n", "f.yaml:1:7: kind: unknown kind 'chart' in slide (use one of bullets, quote)"),
        ("kind: [x]\nid: a\n", "f.yaml:1:7: kind: unknown kind a list in slide (use one of bullets, quote)"),
        ("kind:\nid: a\n", "f.yaml:1:6: kind: has no value (write one of bullets, quote here)"),
        ("id: a\n", "f.yaml:1:1: missing required key 'kind' in slide (add 'kind:' with one of bullets, quote)"),
    ],
)
def test_variant_kind_problems(text, problem):
    assert check(VARIANT, text) == (INVALID, [problem])


def test_did_you_mean_and_shorten():
    assert did_you_mean("titel", ["title", "notes"]) == "did you mean 'title'?"
    assert did_you_mean("zzz", ["title", "notes"]) == ""
    assert did_you_mean("x" * 10_000, ["x"]) == ""
    assert shorten("short") == "short"
    assert shorten("a" * 50) == "a" * 37 + "..."


def test_text_keeps_unquoted_values_as_written():
    assert check(ListOf(item=Text()), "[no, 1.50, 12:30, 2025-01-02, 3]") == (
        ["no", "1.50", "12:30", "2025-01-02", "3"],
        [],
    )
    # Elsewhere the same words keep their YAML meaning.
    assert check(ListOf(item=Integer()), "[12:30]") == ([750], [])
