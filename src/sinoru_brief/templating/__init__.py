"""Render user-written Jinja2 text (content, template snippets) in a bounded sandbox.

Below both the theme, which checks that a template's snippets compile, and
compose, which renders them with the deck's variables: a package of its own so
neither has to import the other for it.
"""

from sinoru_brief.templating.text import (
    MAX_RANGE_ITEMS,
    MAX_RENDERED_CHARS,
    compile_problem,
    environment,
    explain_failure,
    is_template,
    long_date,
    render_text,
    strip_xml_illegal,
)

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
