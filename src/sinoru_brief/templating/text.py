"""Render the Jinja2 text of content and templates in a sandbox.

Content and templates are user input: they may come from a colleague or the
internet. The sandbox (:mod:`.sandbox`) blocks attribute access to Python
internals, refuses to print Python objects or read files, and bounds the time
and memory one text may take; ``StrictUndefined`` turns a misspelt variable
into an error instead of silently printing nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, UndefinedError
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.exceptions import SecurityError, TemplateRuntimeError

from sinoru_brief.templating.limits import MAX_RANGE_ITEMS, MAX_RENDERED_CHARS, budget, rendering_budget
from sinoru_brief.templating.sandbox import LimitedSandbox
from sinoru_brief.templating.sandbox_filters import guarded_filters, guarded_tests

# Text from YAML has them stripped already; a template can still write them ({{ '\\uffff' }}).
from sinoru_brief.xmlchars import strip_xml_illegal
from sinoru_brief.yamlio.schema import did_you_mean

__all__ = [
    "MAX_RANGE_ITEMS",
    "MAX_RENDERED_CHARS",
    "compile_problem",
    "environment",
    "explain_failure",
    "is_template",
    "long_date",
    "render_text",
    "strip_xml_illegal",
]

_MARKERS = ("{{", "{%", "{#")


def _counted_range(*args: int) -> range:
    """Return ``range(*args)``, charged to the current rendering's budget."""
    numbers = range(*args)
    budget().count(len(numbers))
    return numbers


@cache
def environment() -> LimitedSandbox:
    """Return the one sandboxed environment all text is rendered in."""
    env = LimitedSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = long_date
    env.filters = guarded_filters(env.filters)
    # Jinja's test table is inferred from its defaults as dict[str, function], which no Callable matches.
    env.tests = guarded_tests(env.tests)  # type: ignore[arg-type, assignment]
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


@lru_cache(maxsize=4096)
def _compiled(text: str) -> Template:
    return environment().from_string(text)


def render_text(text: str, variables: dict[str, Any]) -> str:
    """Render *text* with *variables*; raise :class:`jinja2.TemplateError` on any problem.

    Python errors a template can provoke (a range too large, endless
    recursion, a division by zero, running out of memory) are raised as
    template errors too, so callers need to catch one kind. Characters a
    .pptx cannot hold are dropped from the result.
    """
    if not is_template(text):
        return strip_xml_illegal(text)
    try:
        with rendering_budget():
            result = _compiled(text).render(**variables)
    except JinjaTemplateError:
        raise
    except RecursionError:
        raise TemplateRuntimeError("the template calls itself without end") from None
    except MemoryError:
        raise TemplateRuntimeError("the text needs more memory than there is") from None
    except (ArithmeticError, ValueError, TypeError, LookupError) as exc:
        raise TemplateRuntimeError(str(exc)) from exc
    if len(result) > MAX_RENDERED_CHARS:
        raise SecurityError(
            f"the text is {len(result):,} characters long once rendered; the limit is {MAX_RENDERED_CHARS:,}"
        )
    return strip_xml_illegal(result)


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
        return (
            f"{reason} (line {exc.lineno} of the text)",
            "check that every {{ has its }} and every {% its %}; write {{ '{{' }} for a literal {{",
        )
    return reason, f"the variables are {listed}"
