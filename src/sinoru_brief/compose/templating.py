"""Render the Jinja2 text of content and templates in a sandbox.

Content and templates are user input: they may come from a colleague or the
internet. The sandbox blocks attribute access to Python internals, and
``StrictUndefined`` turns a misspelt variable into an error instead of
silently printing nothing.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

_MARKERS = ("{{", "{%", "{#")


@cache
def environment() -> ImmutableSandboxedEnvironment:
    """Return the one sandboxed environment all text is rendered in."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = long_date
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
    """Render *text* with *variables*; raise :class:`jinja2.TemplateError` on any problem."""
    if not is_template(text):
        return text
    return _compiled(text).render(**variables)


def compile_problem(text: str) -> str:
    """Return why *text* does not compile as a template, or an empty string if it does."""
    if not is_template(text):
        return ""
    try:
        environment().parse(text)
    except JinjaTemplateError as exc:
        return str(exc)
    return ""
