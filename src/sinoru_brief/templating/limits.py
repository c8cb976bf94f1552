"""Count what one rendering of a template may do, and measure values before they are built or printed.

A template is user input, so a few characters of it must not take minutes or
gigabytes. Three budgets, set afresh for each rendering by
:func:`rendering_budget`, bound the work: *steps* (loop iterations and calls),
*numbers* (what ``range()`` produces) and *work* (characters and items read or
built by filters, operators and output). :func:`measure` sizes a value before
it is turned into text or compared, stopping as soon as the size passes the
limit, so a list that refers to itself many times over costs no more to
measure than a small one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import Undefined
from jinja2.exceptions import SecurityError

#: Longest text one template may produce; far above any slide's or notes' text.
MAX_RENDERED_CHARS = 100_000
#: Most numbers all the ``range()`` calls of one rendering may produce, so nested loops end quickly.
MAX_RANGE_ITEMS = 100_000
#: Most loop iterations and calls one rendering may make.
MAX_STEPS = 100_000
#: Most characters and list items one rendering may read or build in all (a few tens of milliseconds' work).
MAX_WORK = 5_000_000
#: Largest number a template may compute with ``*`` or ``**`` (a googol).
MAX_DIGITS = 100
#: Deepest nesting of lists and mappings a template may print.
MAX_DEPTH = 50

PRINT_ONLY = "a template may print text, numbers and dates only"

_VIEWS: tuple[type[Any], ...] = (type({}.keys()), type({}.values()), type({}.items()))
#: What :func:`measure` walks into: a template may print the first three, and compare all of them.
CONTAINERS: tuple[type[Any], ...] = (list, tuple, dict, *_VIEWS)


@dataclass
class Budget:
    """What is left of one rendering's steps, range numbers and work."""

    steps: int = MAX_STEPS
    numbers: int = MAX_RANGE_ITEMS
    work: int = MAX_WORK

    def step(self, count: int = 1) -> None:
        """Charge *count* loop iterations or calls."""
        self.steps -= count
        if self.steps < 0:
            raise SecurityError(f"the loops and calls of one text may take {MAX_STEPS:,} steps in all")

    def count(self, numbers: int) -> None:
        """Charge *numbers* produced by ``range()``."""
        self.numbers -= numbers
        if self.numbers < 0:
            raise SecurityError(f"the loops of one text may count to {MAX_RANGE_ITEMS:,} in all")

    def handle(self, size: int) -> None:
        """Charge *size* characters or items read or built."""
        self.work -= size
        if self.work < 0:
            raise SecurityError(f"one text may build and read {MAX_WORK:,} characters and list items in all")


_BUDGET: ContextVar[Budget | None] = ContextVar("template_budget", default=None)


def budget() -> Budget:
    """Return the current rendering's budget (a fresh one outside :func:`rendering_budget`)."""
    current = _BUDGET.get()
    return current if current is not None else Budget()


@contextmanager
def rendering_budget() -> Iterator[Budget]:
    """Give the rendering inside the ``with`` block one fresh budget."""
    fresh = Budget()
    token = _BUDGET.set(fresh)
    try:
        yield fresh
    finally:
        _BUDGET.reset(token)


def too_long() -> SecurityError:
    """Return the error for text that would pass the length limit."""
    return SecurityError(f"the text would be longer than {MAX_RENDERED_CHARS:,} characters")


def too_large() -> SecurityError:
    """Return the error for a list or mapping that would pass the size limit."""
    return SecurityError(f"a list or mapping would hold more than {MAX_RENDERED_CHARS:,} characters and items")


def check_text_length(size: int) -> None:
    """Refuse a text of *size* characters if it passes the limit; charge it to the budget otherwise."""
    if size > MAX_RENDERED_CHARS:
        raise too_long()
    budget().handle(size)


def measure(value: Any, *, printing: bool = False, limit: int = MAX_RENDERED_CHARS) -> int:
    """Return about how many characters and items *value* holds, or a number above *limit* once it passes it.

    With *printing*, also refuse what a template may not print (functions,
    classes, other objects) and nesting deeper than :data:`MAX_DEPTH`; the
    size then is about the length of ``str(value)``. An undefined value raises
    its own error either way. The size walked is charged to the budget.
    """
    total = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack and total <= limit:
        item, depth = stack.pop()
        quotes = 2 if depth else 0
        if isinstance(item, str):
            total += len(item) + quotes
        elif item is None or isinstance(item, bool | float):
            total += 24 if isinstance(item, float) else 5
        elif isinstance(item, int):
            total += item.bit_length() * 30103 // 100_000 + 2
        elif isinstance(item, dt.date):
            total += 32 if depth else 26
        elif isinstance(item, CONTAINERS):
            if printing and isinstance(item, _VIEWS):
                raise SecurityError(PRINT_ONLY)
            if printing and depth >= MAX_DEPTH:
                raise SecurityError(f"lists and mappings nested more than {MAX_DEPTH} deep cannot be printed")
            # Every item costs at least its separator, so the stack stays small.
            total += 2 + 2 * len(item)
            if total <= limit:
                children = (x for pair in item.items() for x in pair) if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, Undefined):
            item._fail_with_undefined_error()
        elif printing:
            raise SecurityError(PRINT_ONLY)
        else:
            total += 1
    budget().handle(min(total, limit + 1))
    return total
