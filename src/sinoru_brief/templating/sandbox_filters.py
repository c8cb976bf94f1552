"""Jinja2's filters, each charged to the rendering's budget and sized before it can build long text.

Every filter is wrapped: what it reads is charged, what it returns is charged
and a text longer than the limit is refused. Filters that turn a value into
text refuse to print Python objects. The few that can make a result far longer
than their input (``replace``, ``center``, ``indent``, ``join``, ``wordwrap``,
``format``, ``batch``, ``slice``) are replaced by versions that work out the
result's size first and refuse it before building it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any

from jinja2 import filters as jinja_filters
from jinja2 import pass_environment, pass_eval_context
from jinja2.exceptions import FilterArgumentError

from sinoru_brief.templating.limits import (
    CONTAINERS,
    MAX_RENDERED_CHARS,
    budget,
    check_text_length,
    measure,
    too_large,
    too_long,
)
from sinoru_brief.templating.sandbox import percent_format, replaced_size

#: Filters that turn their value (and arguments) into text, so must not be given Python objects.
TEXT_FILTERS = frozenset(
    {
        "capitalize",
        "center",
        "e",
        "escape",
        "forceescape",
        "format",
        "indent",
        "join",
        "longdate",
        "lower",
        "pprint",
        "replace",
        "safe",
        "string",
        "striptags",
        "title",
        "tojson",
        "trim",
        "truncate",
        "upper",
        "urlencode",
        "urlize",
        "wordcount",
        "wordwrap",
        "xmlattr",
    }
)


@pass_eval_context
def _replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: int | None = None) -> str:
    check_text_length(replaced_size(str(s), str(old), str(new), count))
    return jinja_filters.do_replace(eval_ctx, s, old, new, count)


def _center(value: Any, width: int = 80) -> str:
    text = str(value)
    check_text_length(max(len(text), width) if isinstance(width, int) else len(text))
    return jinja_filters.do_center(text, width)


def _indent(s: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    text = str(s)
    unit = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
    check_text_length(len(text) + (text.count("\n") + 1) * max(unit, 0))
    return jinja_filters.do_indent(text, width, first, blank)


@pass_eval_context
def _join(eval_ctx: Any, value: Iterable[Any], d: Any = "", attribute: str | int | None = None) -> str:
    items = list(value)
    budget().handle(len(items))
    if attribute is not None:
        items = list(map(jinja_filters.make_attrgetter(eval_ctx.environment, attribute), items))
    size = measure(d, printing=True) * max(len(items) - 1, 0)
    for item in items:
        if size > MAX_RENDERED_CHARS:
            break
        size += measure(item, printing=True)
    check_text_length(size)
    return jinja_filters.sync_do_join(eval_ctx, items, d)


@pass_environment
def _wordwrap(
    environment: Any,
    s: Any,
    width: int = 79,
    break_long_words: bool = True,
    wrapstring: str | None = None,
    break_on_hyphens: bool = True,
) -> str:
    text = str(s)
    wrap = wrapstring if isinstance(wrapstring, str) else environment.newline_sequence
    lines = len(text) // max(width, 1) + len(text.split()) + text.count("\n") if isinstance(width, int) else 0
    check_text_length(len(text) + min(lines, len(text)) * len(wrap))
    return jinja_filters.do_wordwrap(environment, text, width, break_long_words, wrapstring, break_on_hyphens)


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    if args and kwargs:
        raise FilterArgumentError("can't handle positional and keyword arguments at the same time")
    return percent_format(str(value), kwargs or args)


def _batch(value: Iterable[Any], linecount: int, fill_with: Any = None) -> Any:
    if fill_with is not None and isinstance(linecount, int) and linecount > MAX_RENDERED_CHARS:
        raise too_large()  # the last row is padded to linecount items
    return jinja_filters.do_batch(value, linecount, fill_with)


def _slice(value: Any, slices: int, fill_with: Any = None) -> Any:
    if isinstance(slices, int) and slices > MAX_RENDERED_CHARS:
        raise too_large()  # one list per slice, however short the value
    return jinja_filters.sync_do_slice(value, slices, fill_with)


_SIZED: dict[str, Callable[..., Any]] = {
    "replace": _replace,
    "center": _center,
    "indent": _indent,
    "join": _join,
    "wordwrap": _wordwrap,
    "format": _format,
    "batch": _batch,
    "slice": _slice,
}


def guarded_filters(filters: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Return *filters* with the growing ones replaced and every one charged to the budget."""
    return {name: _charged(name, _SIZED.get(name, function)) for name, function in filters.items()}


def guarded_tests(tests: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Return *tests* refusing values too large to compare (``eq``, ``in``, ``sameas`` ... walk all of them)."""
    return {name: _measured(function) for name, function in tests.items()}


def _measured(function: Callable[..., Any]) -> Callable[..., Any]:
    first = 1 if hasattr(function, "jinja_pass_arg") else 0

    @wraps(function)
    def measured(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[first:], *kwargs.values()):
            if isinstance(value, CONTAINERS) and measure(value) > MAX_RENDERED_CHARS:
                raise too_large()
        return function(*args, **kwargs)

    return measured


def _charged(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    # A filter marked pass_context/pass_eval_context/pass_environment gets that first.
    first = 1 if hasattr(function, "jinja_pass_arg") else 0
    prints = name in TEXT_FILTERS

    @wraps(function)
    def charged(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[first:], *kwargs.values()):
            if prints:
                if measure(value, printing=True) > MAX_RENDERED_CHARS:
                    raise too_long()
            elif isinstance(value, (str, *CONTAINERS)) and measure(value) > MAX_RENDERED_CHARS:
                raise too_large()
        result = function(*args, **kwargs)
        if isinstance(result, str):
            check_text_length(len(result))
        elif isinstance(result, list | tuple):
            budget().handle(len(result))
        return result

    return charged
