"""The sandboxed Jinja2 environment: Python internals out of reach, time and memory bounded.

Jinja2's :class:`ImmutableSandboxedEnvironment` keeps attributes such as
``__class__`` out of reach. This subclass adds what a user's template must not
do either: print Python objects, read files through ``{% include %}``, or ask
for hours or gigabytes with a few characters (``'x'.ljust(10**9)``, a loop in
a loop over long texts, ``(9**999)**999``). Every loop iteration and call is
charged to the rendering's budget (see :mod:`.limits`), and every operation
that can make a long text or list is sized before it runs.

Loops, ``~`` and comparisons cannot be hooked from outside, so the parsed tree
is rewritten before it is compiled: each ``for`` loop's iterable, each ``~``,
each compared value and each mapping key passes through a guard method.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sized
from functools import update_wrapper
from string import Formatter
from types import BuiltinMethodType, MethodType
from typing import Any, NoReturn, TypeGuard

from jinja2 import BaseLoader, Environment, nodes, pass_context
from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.runtime import LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from jinja2.visitor import NodeTransformer

from sinoru_brief.templating.limits import (
    CONTAINERS,
    MAX_DIGITS,
    MAX_RENDERED_CHARS,
    Budget,
    budget,
    check_text_length,
    measure,
    too_large,
    too_long,
)

NO_FILES = "templates cannot include, import or extend other files"

_MAX_EXPONENT = 1_000
#: A macro call or a recursive loop's call sets up a whole template body: it costs about fifty iterations.
_BODY_STEPS = 50
_MAX_NUMBER = 10**MAX_DIGITS
#: str methods whose result can be far longer than the text: each is sized before it is called.
_GROWING_STR_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs", "replace", "join", "translate"})
#: Attributes refused outright: they make bytes, which no slide can hold and which have growing methods of their own.
_REFUSED = {str: frozenset({"encode"}), int: frozenset({"to_bytes"})}
# A str.format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
_FORMAT_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d*))?[a-zA-Z%]?", re.DOTALL)
# A printf-style spec: %[(key)][flags][width][.precision][length]type.
_PERCENT_SPEC = re.compile(r"%(?:\(([^)]*)\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)", re.DOTALL)


class _NoFiles(BaseLoader):
    """A loader that refuses every file: templates are single texts."""

    def get_source(self, environment: Environment, template: str) -> NoReturn:
        raise TemplateRuntimeError(NO_FILES)


class _CountedLoop:
    """An iterable that charges one step of the budget per item, keeping the length of what it wraps."""

    def __init__(self, iterable: Iterable[Any], charged: Budget):
        self._source = iterable
        self._items = iter(iterable)
        self._budget = charged

    def __iter__(self) -> _CountedLoop:
        return self

    def __next__(self) -> Any:
        item = next(self._items)
        self._budget.step()
        return item

    def __len__(self) -> int:
        if not isinstance(self._source, Sized):  # a TypeError for generators makes Jinja count the items itself
            raise TypeError(f"object of type {type(self._source).__name__!r} has no len()")
        return len(self._source)


class _Guards(NodeTransformer):
    """Rewrite a parsed template so loops, ``~``, comparisons and printed text pass through the guards."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _guard("guard_loop", node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _guard("guard_concat", nodes.List(node.nodes, lineno=node.lineno))

    def visit_Compare(self, node: nodes.Compare) -> nodes.Node:
        self.generic_visit(node)
        node.expr = _guard("guard_operand", node.expr)
        for operand in node.ops:
            operand.expr = _guard("guard_operand", operand.expr)
        return node

    def visit_Pair(self, node: nodes.Pair) -> nodes.Node:
        self.generic_visit(node)
        node.key = _guard("guard_operand", node.key)  # hashing a key walks all of it
        return node

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        # Literal text is otherwise written without finalize; as a Const it is counted like any output.
        node.nodes = [
            nodes.Const(child.data, lineno=child.lineno) if isinstance(child, nodes.TemplateData) else child
            for child in node.nodes
        ]
        return node


def _guard(method: str, node: nodes.Node) -> nodes.Expr:
    return nodes.Call(
        nodes.EnvironmentAttribute(method, lineno=node.lineno), [node], [], None, None, lineno=node.lineno
    )


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with every loop, call and growing operation charged to one budget."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any):
        super().__init__(loader=_NoFiles(), finalize=_printable, **options)

    # ---------------------------------------------------------------- the parsed tree

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree: nodes.Template = _Guards().visit(super()._parse(source, name, filename))
        tree.set_environment(self)
        return tree

    def guard_loop(self, iterable: Iterable[Any]) -> _CountedLoop:
        """Return *iterable* counting one step per item."""
        return _CountedLoop(iterable, budget())

    def guard_concat(self, values: list[Any]) -> str:
        """Join *values* as ``~`` does, refusing objects and text longer than the limit."""
        size = 0
        for value in values:
            size += measure(value, printing=True)
            if size > MAX_RENDERED_CHARS:
                raise too_long()
        check_text_length(size)
        return "".join(map(str, values))

    def guard_operand(self, value: Any) -> Any:
        """Return *value* once its size is known to be bounded: comparing and hashing walk all of it."""
        if isinstance(value, str):
            budget().handle(len(value))
        elif isinstance(value, CONTAINERS) and measure(value) > MAX_RENDERED_CHARS:
            raise too_large()
        return value

    # ---------------------------------------------------------------- calls and attributes

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if getattr(obj, "__self__", None) is self:
            return context.call(obj, *args, **kwargs)  # our own guards cost nothing
        budget().step(_BODY_STEPS if isinstance(obj, Macro | LoopContext) else 1)
        if isinstance(obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (self.guard_loop(args[0]), *args[1:])
        # count, index, split ... read all of the object they belong to and compare what they are given.
        owner = obj.__self__ if isinstance(obj, BuiltinMethodType) else None
        for value in (owner, *args, *kwargs.values()):
            if isinstance(value, CONTAINERS) and measure(value) > MAX_RENDERED_CHARS:
                raise too_large()
        return super().call(context, obj, *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        refused = next((names for kind, names in _REFUSED.items() if isinstance(obj, kind)), frozenset())
        return attr not in refused and super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._sized(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, slice) and isinstance(obj, str | list | tuple):
            budget().handle(len(obj))
        self.guard_operand(argument)  # a key is hashed and compared
        value = super().getitem(obj, argument)
        return self._sized(obj, argument, value) if isinstance(argument, str) else value

    def _sized(self, obj: Any, name: str, value: Any) -> Any:
        if isinstance(obj, str) and name in _GROWING_STR_METHODS and isinstance(value, BuiltinMethodType | MethodType):
            return _sized_str_method(obj, name, value)
        return value

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Return str.format or str.format_map of a text, checking widths, values and the result's length."""
        if (
            not isinstance(value, MethodType | BuiltinMethodType)
            or value.__name__ not in ("format", "format_map")
            or not isinstance(value.__self__, str)
        ):
            return None
        text, is_map = str(value.__self__), value.__name__ == "format_map"
        env = self

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return _SizedFormatter(env, len(text)).vformat(text, (), args[0])
            return _SizedFormatter(env, len(text)).vformat(text, args, kwargs)

        return update_wrapper(wrapper, value)

    # ---------------------------------------------------------------- operators

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, str | list | tuple)
                    and isinstance(times, int)
                    and times > 0
                    and measure(seq) * times > MAX_RENDERED_CHARS
                ):
                    raise SecurityError(
                        f"repeating a text or list {times:,} times makes it longer than {MAX_RENDERED_CHARS:,}"
                    )
        elif operator == "**" and isinstance(right, int | float) and abs(right) > _MAX_EXPONENT:
            raise SecurityError(f"the power {right} is too large")
        elif (
            operator == "**"
            and _is_int(left)
            and _is_int(right)
            and abs(left) > 1
            and right * math.log10(abs(left)) > MAX_DIGITS
        ):
            raise _too_many_digits()
        elif (
            operator == "+"
            and isinstance(left, str | list | tuple)
            and type(left) is type(right)
            and measure(left) + measure(right) > MAX_RENDERED_CHARS
        ):
            raise too_long() if isinstance(left, str) else too_large()
        elif operator == "%" and isinstance(left, str):
            return percent_format(left, right)
        result = super().call_binop(context, operator, left, right)
        if _is_int(result) and abs(result) > _MAX_NUMBER:
            raise _too_many_digits()
        if isinstance(result, str | list | tuple):
            budget().handle(len(result))
        return result


@pass_context
def _printable(context: Any, value: Any) -> Any:
    """Let text, numbers, dates and lists and mappings of them be printed; refuse anything else."""
    if measure(value, printing=True) > MAX_RENDERED_CHARS:
        raise too_long()
    return value


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _too_many_digits() -> SecurityError:
    return SecurityError(f"the number would have more than {MAX_DIGITS} digits")


class _SizedFormatter(SandboxedFormatter):
    """The sandbox's str.format, refusing objects, huge widths and results longer than the limit."""

    def __init__(self, env: LimitedSandbox, literal: int):
        super().__init__(env)
        self.total = literal

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        measure(value, printing=True)  # !r and !s would print what the value is
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self.total += measure(value, printing=True)
        spec = _FORMAT_SPEC.fullmatch(format_spec)
        if spec:
            self.total += sum(_width(digits) for digits in spec.groups() if digits)
        if self.total > MAX_RENDERED_CHARS:
            raise too_long()
        result = Formatter.format_field(self, value, format_spec)
        check_text_length(len(result))
        return result


def _width(digits: str) -> int:
    return int(digits) if len(digits) <= 7 else MAX_RENDERED_CHARS + 1


def percent_format(text: str, values: Any) -> str:
    """Return ``text % values``, refusing objects and widths that make it longer than the limit."""
    positional = values if isinstance(values, tuple) else (values,)
    size, position = len(text), 0
    for match in _PERCENT_SPEC.finditer(text):
        key, width, precision, conversion = match.groups()
        if conversion == "%":
            continue
        for part in (width, precision):
            if part == "*":
                star = positional[position] if position < len(positional) else 0
                size += abs(star) if _is_int(star) else 0
                position += 1
            elif part:
                size += _width(part)
        if key is not None and isinstance(values, Mapping):
            size += measure(values.get(key), printing=True)
        else:
            if position < len(positional):
                size += measure(positional[position], printing=True)
            position += 1
        if size > MAX_RENDERED_CHARS:
            raise too_long()
    result: str = text % values
    check_text_length(len(result))
    return result


def _sized_str_method(text: str, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    """Return *method* of *text* checking, before it runs, how long its result would be."""

    def sized(*args: Any, **kwargs: Any) -> Any:
        if name == "join":
            items = list(args[0]) if args else []
            budget().handle(len(items))
            check_text_length(
                sum(len(i) if isinstance(i, str) else 0 for i in items) + len(text) * max(len(items) - 1, 0)
            )
            return method(items)
        check_text_length(_str_method_size(text, name, args, kwargs))
        return method(*args, **kwargs)

    return update_wrapper(sized, method)


def _str_method_size(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """Return (at most) how long ``text.name(*args, **kwargs)`` would be; wrong arguments fail in the call."""
    first = args[0] if args else next(iter(kwargs.values()), None)
    if name in ("ljust", "rjust", "center", "zfill"):
        return max(len(text), first) if _is_int(first) else len(text)
    if name == "expandtabs":
        tab = first if first is not None else 8
        return len(text) + text.count("\t") * max(tab, 0) if _is_int(tab) else len(text)
    if name == "replace":
        old, new = (list(args) + [None, None])[:2]
        count = args[2] if len(args) > 2 else kwargs.get("count", -1)
        return replaced_size(text, old, new, count)
    if name == "translate" and isinstance(first, Mapping):
        longest = max((len(v) for v in first.values() if isinstance(v, str)), default=1)
        return len(text) * max(longest, 1)
    return len(text)


def replaced_size(text: str, old: Any, new: Any, count: Any = None) -> int:
    """Return how long *text* is once *old* is replaced by *new* (at most *count* times)."""
    if not isinstance(old, str) or not isinstance(new, str):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    if _is_int(count) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))
