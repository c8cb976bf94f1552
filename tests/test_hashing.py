"""A frozen value's kept hash: the same as computing it, never carried into a pickle or a copy."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, replace

import pytest

from sinoru_brief.hashing import hash_once


@hash_once
@dataclass(frozen=True)
class Key:
    name: str
    sizes: tuple[float, ...]


@dataclass(frozen=True)
class Plain:
    name: str
    sizes: tuple[float, ...]


def test_the_kept_hash_is_the_dataclass_hash_and_is_computed_once():
    key = Key("body", (20.0, 14.0))
    assert hash(key) == hash(Plain("body", (20.0, 14.0))) == hash(("body", (20.0, 14.0)))
    key.__dict__["_hash_kept"] = 12345  # what is kept is what is answered: computed once only
    assert hash(key) == 12345


def test_equal_values_hash_alike_and_work_as_keys():
    a, b = Key("title", (28.0,)), Key("title", (28.0,))
    assert a == b and a is not b and hash(a) == hash(b)
    assert {a: 1}[b] == 1
    assert replace(a, name="body") != a


def test_pickles_and_copies_work_their_hash_out_again():
    key = Key("source", (9.0,))
    hash(key)
    for other in (pickle.loads(pickle.dumps(key)), copy.copy(key), copy.deepcopy(key)):
        assert other == key
        assert "_hash_kept" not in other.__dict__
        assert hash(other) == hash(key)


def test_a_class_without_an_instance_dictionary_is_refused():
    with pytest.raises(TypeError, match="without __slots__"):

        @hash_once
        @dataclass(frozen=True, slots=True)
        class Slotted:
            name: str
