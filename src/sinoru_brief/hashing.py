"""Compute a frozen value's hash once and keep it, for values that serve as cache keys many times over.

A frozen dataclass hashes by hashing every field, recursively, each time it
is asked. Layout asks a lot: a paragraph's spec is the key of its laid-out
lines, and the theme and each deck slide are part of every slide's page
cache key. Laying out 1,000 slides hashed 160,000 nested values (the
theme's sizes alone 117,000 times), a fifth of the time of layout, to find
the same numbers again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_Class = TypeVar("_Class", bound=type)
#: Where the hash is kept, in the instance's own dictionary (a frozen dataclass forbids setattr, not this).
_KEPT = "_hash_kept"


def hash_once(cls: _Class) -> _Class:
    """Make the frozen dataclass *cls* compute its hash on first use and keep it with the instance.

    Apply it over ``@dataclass(frozen=True)``. The value cannot change, so
    neither can its hash. Equality is untouched, and the kept hash is left out
    of pickles and copies' state: string hashes differ from process to
    process, so an unpickled value works its hash out again.
    """
    compute: Callable[[Any], int] | None = cls.__dict__.get("__hash__")
    if compute is None or "__slots__" in cls.__dict__:
        raise TypeError(f"hash_once needs a hashable dataclass without __slots__, not {cls.__name__}")

    def __hash__(self: Any) -> int:
        kept: dict[str, Any] = self.__dict__
        found = kept.get(_KEPT)
        if found is None:
            found = kept[_KEPT] = compute(self)
        return found

    def __getstate__(self: Any) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != _KEPT}

    type.__setattr__(cls, "__hash__", __hash__)
    type.__setattr__(cls, "__getstate__", __getstate__)
    return cls
