"""The Jinja2 sandbox: plain text passes through, internals and runaway text are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2 import TemplateError as JinjaTemplateError
from jinja2.sandbox import SecurityError

from sinoru_brief.templating import (
    MAX_RENDERED_CHARS,
    compile_problem,
    explain_failure,
    is_template,
    long_date,
    render_text,
)

VARIABLES = {"brief": {"title": "Deck"}, "as_of": "1 May 2025"}


def test_plain_text_is_returned_as_it_is():
    text = "Braces } and { alone, 50% and {x} are not templates"
    assert not is_template(text)
    assert render_text(text, {}) is text


def test_variables_filters_and_loops():
    assert render_text("{{ brief.title }} as of {{ as_of }}", VARIABLES) == "Deck as of 1 May 2025"
    assert render_text("{{ d|longdate }}", {"d": dt.date(2026, 11, 29)}) == "29 November 2026"
    assert render_text("{% for i in range(3) %}{{ i }}{% endfor %}", {}) == "012"
    assert long_date("not a date") == "not a date"


def test_undefined_variable_is_an_error():
    with pytest.raises(JinjaTemplateError, match="'nothing' is undefined"):
        render_text("{{ nothing }}", {})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "{{ 'a' * 10**9 }}",
            f"repeating a text or list 1,000,000,000 times makes it longer than {MAX_RENDERED_CHARS:,}",
        ),
        (
            "{{ [1] * 10**9 }}",
            f"repeating a text or list 1,000,000,000 times makes it longer than {MAX_RENDERED_CHARS:,}",
        ),
        ("{{ 2 ** 100000000 }}", "the power 100000000 is too large"),
        (
            "{% for a in range(99999) %}{% for b in range(9999) %}{% endfor %}{% endfor %}",
            "the loops of one text may count to 100,000 in all",
        ),
        (
            "{% for a in range(2000) %}{{ brief.title * 50 }}{% endfor %}",
            "the text is 1,100,000 characters long once rendered; the limit is 100,000",
        ),
    ],
)
def test_runaway_text_is_refused_quickly(text, message):
    with pytest.raises(SecurityError) as caught:
        render_text(text, {"brief": {"title": "Deck + Deck"}})
    assert str(caught.value) == message


def test_range_budget_is_per_rendering():
    text = "{% for a in range(60000) %}{% endfor %}ok"
    assert render_text(text, {}) == "ok"
    assert render_text(text, {}) == "ok"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ 1 / 0 }}", "division by zero"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "the template calls itself without end"),
        ("{{ lipsum(5) }}", "'lipsum' is undefined"),
    ],
)
def test_python_errors_become_template_errors(text, message):
    with pytest.raises(JinjaTemplateError) as caught:
        render_text(text, {})
    assert str(caught.value) == message


def test_compile_problem():
    assert compile_problem("{{ fine }}") == ""
    assert compile_problem("no template") == ""
    assert compile_problem("{% if x %}").startswith("Unexpected end of template.")


def test_explain_failure():
    try:
        render_text("{{ as_f }}", VARIABLES)
    except JinjaTemplateError as exc:
        assert explain_failure(exc, ["brief", "as_of"]) == (
            "'as_f' is undefined",
            "did you mean 'as_of'? The variables are brief and as_of",
        )
