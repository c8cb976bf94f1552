"""Validate plain YAML values against a declarative schema and build typed objects.

A schema is a tree of :class:`Spec` objects. ``check`` walks the data, records
every problem it finds (with the key path and the YAML position of the value)
and returns the converted value, or :data:`INVALID` where the value cannot be
used. Nothing is raised here: callers collect problems across whole runs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sinoru_brief.errors import Problem
from sinoru_brief.xmlchars import strip_xml_illegal
from sinoru_brief.yamlio.marked import KeyPath, MarkedDocument, format_key_path


class _Invalid:
    """Marker for a value that failed validation."""

    def __repr__(self) -> str:
        return "INVALID"

    def __bool__(self) -> bool:
        return False


INVALID: Any = _Invalid()


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return a "did you mean ...?" hint for *word*, or an empty string."""
    match = closest(word, choices)
    return f"did you mean '{match}'?" if match else ""


def closest(word: str, choices: Iterable[str]) -> str:
    """Return the choice most like *word* (a likely typo of it), or an empty string."""
    if len(word) > 200:  # no typo of a short name is this long; spare difflib the work
        return ""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else ""


def shorten(text: str, limit: int = 40) -> str:
    """Return *text* cut to about *limit* characters, for quoting user input in a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class Checker:
    """Collect problems for one document while specs walk it."""

    doc: MarkedDocument
    problems: list[Problem] = field(default_factory=list)

    def report(self, key_path: KeyPath, message: str, hint: str = "") -> None:
        line, column = self.doc.position(key_path)
        self.problems.append(
            Problem(self.doc.path, message, line=line, column=column, key_path=format_key_path(key_path), hint=hint)
        )


class Spec:
    """A rule for one value: what it must be and what it becomes."""

    expected = "a value"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        raise NotImplementedError

    def _wrong_type(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if value is None:
            return _no_value(self.expected, path, checker)
        checker.report(path, f"expected {self.expected}, got {describe_value(value)}")
        return INVALID


def _no_value(expected: str, path: KeyPath, checker: Checker) -> Any:
    """Report a key or list item left empty, saying what belongs there."""
    checker.report(path, "has no value", hint=f"write {expected} here")
    return INVALID


def describe_value(value: Any) -> str:
    """Name what the user wrote, briefly, as a message quotes it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f"text '{shorten(value)}'"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, dt.date):
        return f"a date ({value.isoformat()})"
    return type(value).__name__


@dataclass
class Text(Spec):
    """Non-empty text up to *max_length* characters, stripped of XML-illegal characters."""

    max_length: int = 2000
    allow_empty: bool = False
    pattern: str | None = None
    pattern_help: str = ""

    @property
    def expected(self) -> str:  # type: ignore[override]
        return self.pattern_help or "text"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, int | float | dt.date) and tuple(path) in checker.doc.written:
            # A number, date or yes/no where text is expected: keep it as written.
            value = checker.doc.written[tuple(path)]
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self._wrong_type(value, path, checker)
        value = strip_xml_illegal(value)
        if not value.strip() and not self.allow_empty:
            checker.report(path, "must not be empty")
            return INVALID
        if len(value) > self.max_length:
            checker.report(
                path,
                f"is {len(value):,} characters long; the limit is {self.max_length:,}",
                hint="shorten it or split it",
            )
            return INVALID
        if self.pattern and not re.fullmatch(self.pattern, value):
            checker.report(path, f"expected {self.pattern_help}, got '{shorten(value)}'")
            return INVALID
        return value


@dataclass
class Integer(Spec):
    """A whole number within an inclusive range."""

    minimum: int | None = None
    maximum: int | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        if self.minimum is not None and self.maximum is not None:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return "a whole number"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return self._wrong_type(value, path, checker)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            checker.report(path, f"expected {self.expected}, got {value}")
            return INVALID
        return value


@dataclass
class Number(Spec):
    """A finite number (integer or decimal)."""

    expected = "a number"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self._wrong_type(value, path, checker)
        if not math.isfinite(value) or abs(value) > 1e15:
            checker.report(path, f"expected a finite number no larger than 10^15, got {value}")
            return INVALID
        return float(value)


@dataclass
class Choice(Spec):
    """One of a fixed set of words."""

    choices: tuple[str, ...] = ()

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.choices)

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if value is None:
            return _no_value(self.expected, path, checker)
        if not isinstance(value, str) or value not in self.choices:
            hint = did_you_mean(value, self.choices) if isinstance(value, str) else ""
            checker.report(path, f"expected {self.expected}, got {describe_value(value)}", hint=hint)
            return INVALID
        return value


class Date(Spec):
    """A calendar date written as YYYY-MM-DD."""

    expected = "a date written YYYY-MM-DD"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                checker.report(
                    path,
                    f"'{value.strip()}' is not a real date",
                    hint="the month must be 1 to 12 and the day must exist in that month",
                )
                return INVALID
        return self._wrong_type(value, path, checker)


@dataclass
class ListOf(Spec):
    """A list whose items all follow *item*."""

    item: Spec = field(default_factory=lambda: Text())
    min_items: int = 0
    max_items: int | None = None

    @property
    def expected(self) -> str:  # type: ignore[override]
        return "a list"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, list):
            return self._wrong_type(value, path, checker)
        if len(value) < self.min_items:
            checker.report(
                path, f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}, has {len(value)}"
            )
            return INVALID
        if self.max_items is not None and len(value) > self.max_items:
            checker.report(path, f"has {len(value)} items; at most {self.max_items} are allowed")
            return INVALID
        items = [self.item.check(v, (*path, i), checker) for i, v in enumerate(value)]
        return INVALID if any(i is INVALID for i in items) else items


@dataclass
class Key:
    """One key of a :class:`Record`: its spec, whether it is required, its default."""

    spec: Spec
    required: bool = True
    default: Any = None


@dataclass
class Record(Spec):
    """A mapping with known keys; unknown keys are errors with a "did you mean"."""

    keys: Mapping[str, Key] = field(default_factory=dict)
    build: Callable[[dict[str, Any]], Any] | None = None
    what: str = "mapping"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a {self.what} (key: value pairs)"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            return self._wrong_type(value, path, checker)
        return self.check_keys(value, path, checker, self.keys, self.build)

    def check_keys(
        self,
        value: dict[str, Any],
        path: KeyPath,
        checker: Checker,
        keys: Mapping[str, Key],
        build: Callable[[dict[str, Any]], Any] | None,
    ) -> Any:
        ok = True
        misspelt: set[str] = set()  # keys the user wrote under a wrong name
        for name in value:
            if name not in keys:
                match = closest(name, [k for k in keys if k not in value])
                misspelt.add(match)
                checker.report(
                    (*path, name),
                    f"unknown key '{shorten(name)}' in {self.what}",
                    hint=f"did you mean '{match}'?" if match else "allowed keys: " + ", ".join(keys),
                )
                ok = False
        out: dict[str, Any] = {}
        for name, key in keys.items():
            if name not in value:
                if not key.required:
                    out[name] = key.default
                elif name not in misspelt:  # "did you mean" above already covers it
                    checker.report(
                        path,
                        f"missing required key '{name}' in {self.what}",
                        hint=f"add '{name}:' with {key.spec.expected}",
                    )
                    ok = False
                continue
            if value[name] is None and not key.required:
                out[name] = key.default
                continue
            result = key.spec.check(value[name], (*path, name), checker)
            if result is INVALID:
                ok = False
            out[name] = result
        if not ok:
            return INVALID
        return build(out) if build else out


@dataclass
class Variant(Record):
    """A record whose allowed keys depend on the value of a tag key (e.g. ``kind``)."""

    tag: str = "kind"
    common: Mapping[str, Key] = field(default_factory=dict)
    variants: Mapping[str, Mapping[str, Key]] = field(default_factory=dict)
    builders: Mapping[str, Callable[[dict[str, Any]], Any]] = field(default_factory=dict)
    default_build: Callable[[dict[str, Any]], Any] | None = None

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            return self._wrong_type(value, path, checker)
        tag = value.get(self.tag)
        if not isinstance(tag, str) or tag not in self.variants:
            choices = ", ".join(self.variants)
            if self.tag not in value:
                checker.report(
                    path,
                    f"missing required key '{self.tag}' in {self.what}",
                    hint=f"add '{self.tag}:' with one of {choices}",
                )
            elif tag is None:
                _no_value(f"one of {choices}", (*path, self.tag), checker)
            else:
                shown = f"'{shorten(tag)}'" if isinstance(tag, str) else describe_value(tag)
                hint = (did_you_mean(tag, self.variants) if isinstance(tag, str) else "") or f"use one of {choices}"
                checker.report((*path, self.tag), f"unknown {self.tag} {shown} in {self.what}", hint=hint)
            return INVALID
        keys = {self.tag: Key(Choice(choices=tuple(self.variants))), **self.common, **self.variants[tag]}
        return self.check_keys(value, path, checker, keys, self.builders.get(tag, self.default_build))


@dataclass
class MappingOf(Spec):
    """A mapping whose keys the user chooses (ids, positions); every value follows *value*."""

    value: Spec = field(default_factory=lambda: Text())
    what: str = "mapping"

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"a {self.what} (key: value pairs)"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, dict):
            return self._wrong_type(value, path, checker)
        out = {str(k): self.value.check(v, (*path, k), checker) for k, v in value.items()}
        return INVALID if any(v is INVALID for v in out.values()) else out
