"""The sandbox's budgets and size checks: runaway templates are refused early, ordinary ones render as before."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from jinja2 import TemplateError as JinjaTemplateError
from jinja2 import UndefinedError
from jinja2.sandbox import SecurityError

from sinoru_brief.templating import render_text, strip_xml_illegal
from sinoru_brief.templating.limits import MAX_WORK, Budget, measure, rendering_budget

VARIABLES = {"brief": {"title": "Deck", "items": ["a", "b"]}, "d": dt.date(2025, 5, 1)}

TOO_LONG = "the text would be longer than 100,000 characters"
TOO_LARGE = "a list or mapping would hold more than 100,000 characters and items"
STEPS = "the loops and calls of one text may take 100,000 steps in all"
WORK = f"one text may build and read {MAX_WORK:,} characters and list items in all"
PRINT_ONLY = "a template may print text, numbers and dates only"


#: Not a speed check (speed lives in benchmarks/): the texts below would take years of work if the
#: budget did not stop them, so a refusal that took more than this much CPU time means the budget
#: did not do its job. CPU time, not wall time, so a loaded machine does not fail the test.
HANG_GUARD_S = 15.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "{% for k, v in brief|dictsort %}{{ k }}={{ v|join(',') if v is not string else v }};{% endfor %}",
            "items=a,b;title=Deck;",
        ),
        (
            "{% for i in brief['items'] %}{{ loop.index }}/{{ loop.length }}"
            "{% if not loop.last %} {% endif %}{% endfor %}",
            "1/2 2/2",
        ),
        (
            "{% for x in [[1, [2]], [3]] recursive %}{% if x is iterable %}{{ loop(x) }}{% else %}{{ x }}{% endif %}"
            "{% endfor %}",
            "123",
        ),
        ("{% for i in range(3) if i != 1 %}{{ i }}{% else %}none{% endfor %}", "02"),
        ("{{ '%s has %d items (%.1f%%)' % (brief.title, 2, 50) }}", "Deck has 2 items (50.0%)"),
        ("{{ '{:>6}|{:%Y}|{title}'.format('x', d, title=brief.title) }}", "     x|2025|Deck"),
        ("{{ '{title} {items[1]}'.format_map(brief) }}", "Deck b"),
        (
            "{{ brief.title.ljust(6, '.') }}{{ 'a-b'.replace('-', '+') }}{{ ', '.join(brief['items']) }}",
            "Deck..a+ba, b",
        ),
        ("{{ 'a b c'|replace(' ', '') }} {{ 'x'|center(3)|length }} {{ 'a\nb'|indent(2) }}", "abc 3 a\n  b"),
        ("{{ brief['items']|join('+') }} {{ [{'n': 'x'}, {'n': 'y'}]|join('/', attribute='n') }}", "a+b x/y"),
        ("{{ 'one two three'|wordwrap(7) }}", "one two\nthree"),
        ("{{ '%s-%s'|format('a', 'b') }} {{ brief.title ~ '!' }} {{ [1, 2] + [3] }}", "a-b Deck! [1, 2, 3]"),
        ("{{ 2 ** 10 }} {{ 10 ** 100 == 10 ** 100 }} {{ 3 * 'ab' }} {{ 7 % 4 }}", "1024 True ababab 3"),
        (
            "{{ d }} {{ d|longdate }} {{ {'a': [1, 2.5, none, true]} }}",
            "2025-05-01 1 May 2025 {'a': [1, 2.5, None, True]}",
        ),
        (
            "{% macro row(x) %}[{{ x }}{{ caller() }}]{% endmacro %}{% call row(1) %}in{% endcall %}"
            "{% macro plain(x) %}({{ x }}){% endmacro %}{{ plain(2) }}",
            "[1in](2)",
        ),
        ("{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}", "10"),
        ("{{ brief['items']|map('upper')|list }} {{ [3, 1, 2]|sort|first }} {{ 'ab'[::-1] }}", "['A', 'B'] 1 ba"),
    ],
)
def test_ordinary_templates_render_as_before(text, expected):
    assert render_text(text, VARIABLES) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # loops over anything, not only range(), count against one budget; so do calls
        ("{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}{% endfor %}{% endfor %}", STEPS),
        ("{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(60) }}", STEPS),
        ("{% for x in [0, 0] recursive %}{{ loop([0, 0]) }}{% endfor %}", "the template calls itself without end"),
        ("{% for a in range(3000) %}{% for b in brief.title * 40 %}{{ b.upper() }}{% endfor %}{% endfor %}", STEPS),
        # numbers stay below a googol
        ("{{ ((9 ** 999) ** 999) ** 99 }}", "the number would have more than 100 digits"),
        ("{{ (10 ** 60) * (10 ** 60) }}", "the number would have more than 100 digits"),
        # text and lists are sized before they are built
        ("{{ ('x' * 6000)|replace('x', 'y' * 6000) }}", TOO_LONG),
        ("{{ ('x' * 6000).replace('x', 'y' * 6000) }}", TOO_LONG),
        ("{{ 'a'.ljust(2**62) }}", TOO_LONG),
        ("{{ 'a'.zfill(10**6) }}", TOO_LONG),
        ("{{ ('\t' * 1000).expandtabs(1000) }}", TOO_LONG),
        ("{{ ('x' * 100000).translate({120: 'yy'}) }}", TOO_LONG),
        ("{{ ('x' * 1000).join(['a'] * 1000) }}", TOO_LONG),
        ("{{ 'x'|center(10**6) }}", TOO_LONG),
        ("{{ ('a\n' * 1000)|indent(1000) }}", TOO_LONG),
        ("{{ ('a ' * 50000)|wordwrap(1, wrapstring='-' * 10) }}", TOO_LONG),
        ("{{ '%0200000d' % 1 }}", TOO_LONG),
        ("{{ '%*d' % (200000, 1) }}", TOO_LONG),
        ("{{ '%(a)s%(a)s' % {'a': 'x' * 60000} }}", TOO_LONG),
        ("{{ '%0200000d'|format(1) }}", TOO_LONG),
        ("{{ '{:>200000}'.format('x') }}", TOO_LONG),
        ("{{ '{0}{0}'.format('x' * 60000) }}", TOO_LONG),
        ("{{ ('x' * 60000) ~ ('x' * 60000) }}", TOO_LONG),
        ("{{ ('x' * 60000) + ('x' * 60000) }}", TOO_LONG),
        ("{{ ['x' * 100000] * 300 }}", "repeating a text or list 300 times makes it longer than 100,000"),
        ("{{ [1]|slice(10**9)|list }}", TOO_LARGE),
        ("{{ [1]|batch(10**9, 0)|list }}", TOO_LARGE),
        # a list that holds itself twice over, sixty times, is never walked in full
        (
            "{% set ns = namespace(a=[1], b=[1]) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}"
            "{% set ns.b = [ns.b, ns.b] %}{% endfor %}{{ ns.a == ns.b }}",
            TOO_LARGE,
        ),
        (
            "{% set ns = namespace(a=[1]) %}{% for i in range(30) %}"
            "{% set ns.a = [ns.a, ns.a] %}{% endfor %}{{ ns.a }}",
            TOO_LONG,
        ),
        # work: many cheap-looking steps over long text
        ("{% set s = 'x' * 99999 %}{% for a in range(99999) %}{{ 'y' in s }}{% endfor %}", WORK),
        ("{% set s = 'x' * 99999 %}{% for a in range(99999) %}{{ s|upper|length }}{% endfor %}", WORK),
        (
            "{% set s = 'x' * 99999 %}{% macro m() %}{% for a in range(99999) %}{{ s }}{% endfor %}{% endmacro %}"
            "{{ m()|length }}",
            WORK,
        ),
        (
            "{% macro m() %}{% for a in range(99999) %}" + "y" * 1000 + "{% endfor %}{% endmacro %}{{ m()|length }}",
            WORK,
        ),
        ("{% set ns = namespace(s='') %}{% for i in range(99999) %}{% set ns.s = ns.s ~ 'x' * 10 %}{% endfor %}", WORK),
        # bytes have growing methods of their own and no slide can hold them
        ("{{ 'x'.encode() }}", "access to attribute 'encode' of 'str' object is unsafe"),
        ("{{ (5).to_bytes(10**9, 'big') }}", "access to attribute 'to_bytes' of 'int' object is unsafe"),
        # Python objects are never printed, however they are reached
        ("{{ cycler }}", PRINT_ONLY),
        ("{{ [joiner] }}", PRINT_ONLY),
        ("{{ '{0!s}'.format(namespace) }}", PRINT_ONLY),
        ("{{ '%r' % range }}", PRINT_ONLY),
        ("{{ 'x'|replace('x', cycler) }}", PRINT_ONLY),
        ("{{ range(3)|map('string')|string }}", PRINT_ONLY),
        ("{{ brief.items() }}", PRINT_ONLY),
        ("{{ self }}", PRINT_ONLY),
        (
            "{% set ns = namespace(a=[]) %}{% for i in range(60) %}{% set ns.a = [ns.a] %}{% endfor %}{{ ns.a }}",
            "lists and mappings nested more than 50 deep cannot be printed",
        ),
    ],
)
def test_runaway_or_revealing_text_is_refused_by_its_budget(text, message):
    start = time.process_time()
    with pytest.raises(JinjaTemplateError) as caught:
        render_text(text, VARIABLES)
    assert str(caught.value).rstrip(".") == message
    assert time.process_time() - start < HANG_GUARD_S


def test_undefined_values_still_say_so():
    for text in ("{{ nothing ~ 'x' }}", "{{ [nothing] }}", "{{ nothing|upper }}", "{{ '{0}'.format(nothing) }}"):
        with pytest.raises(UndefinedError, match="'nothing' is undefined"):
            render_text(text, {})


def test_each_rendering_has_its_own_budget():
    text = "{% for a in range(60000) %}{% endfor %}{% for c in 'x' * 30000 %}{% endfor %}ok"
    assert [render_text(text, {}) for _ in range(3)] == ["ok"] * 3
    with rendering_budget() as budget:
        budget.step(10)
        assert budget.steps == Budget().steps - 10


def test_measure_stops_at_the_limit_of_a_self_sharing_list():
    shared: list = ["x"]
    for _ in range(100):
        shared = [shared, shared]
    with rendering_budget():
        assert 100_000 < measure(shared) < 100_010
        with pytest.raises(SecurityError, match=PRINT_ONLY):
            measure([len], printing=True)
        assert measure([len]) == 5  # brackets, a separator, and the function counted as one item


def test_xml_illegal_characters_are_dropped_from_rendered_and_plain_text():
    assert render_text("a{{ '\\uffff' }}b{{ '\\ud800' }}c{{ '\\x01' }}", {}) == "abc"
    assert render_text("x\ufffey", {}) == "xy"
    plain = "tab\tand newline\nstay"
    assert strip_xml_illegal(plain) is plain


def test_including_a_file_says_templates_are_single_texts():
    for text in ("{% include 'x' %}", "{% import 'x' as x %}", "{% from 'x' import y %}", "{% extends 'x' %}"):
        with pytest.raises(JinjaTemplateError, match="^templates cannot include, import or extend other files$"):
            render_text(text, {})


SELF_SHARING = (
    "{% set ns = namespace(a=[1], b=[1], d={}) %}{% for i in range(60) %}{% set ns.a = [ns.a, ns.a] %}"
    "{% set ns.b = [ns.b, ns.b] %}{% endfor %}"
)


@pytest.mark.parametrize(
    "use",
    [
        "{{ ns.a is eq ns.b }}",
        "{{ ns.a is in [ns.b] }}",
        "{{ [ns.a]|unique|list }}",
        "{{ [ns.a, ns.b]|sort }}",
        "{{ [ns.a].count(ns.b) }}",
        "{{ {'k': ns.a}.items() == {'k': ns.b}.items() }}",
        "{{ {'k': 1}[(ns.a,)] }}",
        "{{ {(ns.a,): 1} }}",
        "{% for x in [ns.a, ns.b] %}{{ loop.changed(x) }}{% endfor %}",
    ],
)
def test_a_list_sharing_itself_is_never_compared_or_hashed_in_full(use):
    start = time.process_time()
    with pytest.raises(SecurityError, match=f"^{TOO_LARGE}$"):
        render_text(SELF_SHARING + use, {})
    assert time.process_time() - start < HANG_GUARD_S
