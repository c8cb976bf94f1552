"""Render the Jinja2 text of content and templates in a sandbox.

Content and templates are user input: they may come from a colleague or the
internet. The sandbox blocks attribute access to Python internals, and
``StrictUndefined`` turns a misspelt variable into an error instead of
silently printing nothing. Text that would grow without bound (``'a' * 10**9``)
is refused before it is built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from contextvars import ContextVar
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError as JinjaTemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from sinoru_brief.yamlio.schema import did_you_mean

_MARKERS = ("{{", "{%", "{#")

#: Longest text one template may produce; far above any slide's or notes' text.
MAX_RENDERED_CHARS = 100_000
#: Most numbers all the ``range()`` calls of one rendering may produce, so nested loops end quickly.
MAX_RANGE_ITEMS = 100_000
_MAX_EXPONENT = 1_000

_range_budget: ContextVar[list[int]] = ContextVar("range_budget")


def _counted_range(*args: int) -> range:
    """Return ``range(*args)``, charged to the current rendering's budget."""
    numbers = range(*args)
    budget = _range_budget.get([MAX_RANGE_ITEMS])
    budget[0] -= len(numbers)
    if budget[0] < 0:
        raise SecurityError(f"the loops of one text may count to {MAX_RANGE_ITEMS:,} in all")
    return numbers


class _LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with repetition and powers capped so one line cannot exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) \
                        and len(seq) * times > MAX_RENDERED_CHARS:
                    raise SecurityError(f"repeating a text or list {times:,} times makes it longer than "
                                        f"{MAX_RENDERED_CHARS:,}")
        elif operator == "**" and isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"the power {right} is too large")
        return super().call_binop(context, operator, left, right)


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """Return the one sandboxed environment all text is rendered in."""
    env = _LimitedSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = long_date
    env.globals["range"] = _counted_range
    del env.globals["lipsum"]  # lipsum(n=10**6) writes half a gigabyte of Latin; no slide needs it
    return env


def long_date(value: Any) -> str:
    """Format a date as ``29 November 2026``; leave anything else as it is."""
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def is_template(text: str) -> bool:
    """Return whether *text* has any Jinja2 markup (plain text renders to itself)."""
    return any(marker in text for marker in _MARKERS)


@cache
def _compiled(text: str):
    return environment().from_string(text)


def render_text(text: str, variables: dict[str, Any]) -> str:
    """Render *text* with *variables*; raise :class:`jinja2.TemplateError` on any problem.

    Python errors a template can provoke (a range too large, endless
    recursion, a division by zero) are raised as template errors too, so
    callers need to catch one kind.
    """
    if not is_template(text):
        return text
    token = _range_budget.set([MAX_RANGE_ITEMS])
    try:
        result = _compiled(text).render(**variables)
    except JinjaTemplateError:
        raise
    except RecursionError:
        raise TemplateRuntimeError("the template calls itself without end") from None
    except (ArithmeticError, ValueError, TypeError, LookupError) as exc:
        raise TemplateRuntimeError(str(exc)) from exc
    finally:
        _range_budget.reset(token)
    if len(result) > MAX_RENDERED_CHARS:
        raise SecurityError(f"the text is {len(result):,} characters long once rendered; "
                            f"the limit is {MAX_RENDERED_CHARS:,}")
    return result


def compile_problem(text: str) -> str:
    """Return why *text* does not compile as a template, or an empty string if it does."""
    if not is_template(text):
        return ""
    try:
        environment().parse(text)
    except JinjaTemplateError as exc:
        return str(exc)
    return ""


_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")


def explain_failure(exc: JinjaTemplateError, variables: Iterable[str]) -> tuple[str, str]:
    """Return why a template failed and how to fix it, as (reason, hint), for a user's message."""
    names = list(variables)
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    reason = str(exc.message or exc).rstrip(".")
    if isinstance(exc, UndefinedError):
        match = _UNDEFINED_NAME.match(reason)
        guess = did_you_mean(match.group(1), names) if match else ""
        return reason, f"{guess} The variables are {listed}" if guess else f"the variables are {listed}"
    if isinstance(exc, SecurityError):
        return f"not allowed: {reason}", f"templates may use only the variables {listed} and plain filters"
    if isinstance(exc, TemplateSyntaxError):
        return f"{reason} (line {exc.lineno} of the text)", \
            "check that every {{ has its }} and every {% its %}; write {{ '{{' }} for a literal {{"
    return reason, f"the variables are {listed}"
