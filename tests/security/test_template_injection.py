"""Known Jinja2 template-injection payloads, in slide text, template snippets and brief overrides, are refused.

Each payload is placed in one of the three places a user's text is rendered,
and the whole export runs through the CLI. Every run must end in one line on
stderr that names the kind of error, where the text was written (the file and
slide for content, the file, line and key path for snippets and overrides)
and why it was refused, and must not reveal Python objects, the canary
environment variable, the canary file or the output of a command; no process
may start and no deck may be written.
"""

from __future__ import annotations

import pytest

from sinoru_brief.cli import EXIT_ERROR, EXIT_OK

CONTENT_VARIABLES = "brief, topic, slide and as_of"
SNIPPET_VARIABLES = "brief and as_of"


def unsafe(attribute: str, owner: str) -> str:
    return f"not allowed: access to attribute '{attribute}' of '{owner}' object is unsafe"


def undefined(name: str) -> str:
    return f"'{name}' is undefined"


NO_FILES = "templates cannot include, import or extend other files"

# (payload, the reason in the message, what kind of hint follows it)
PAYLOADS = [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", unsafe("__class__", "str"), "security"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", unsafe("__init__", "type"), "security"),
    ("{{ joiner.__init__.__globals__.os.environ }}", unsafe("__init__", "type"), "security"),
    ("{{ lipsum.__globals__ }}", undefined("lipsum"), "undefined"),
    ("{{ self.__init__.__globals__ }}", unsafe("__init__", "TemplateReference"), "security"),
    (
        "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
        unsafe("_TemplateReference__context", "TemplateReference"),
        "security",
    ),
    ("{{ config }}", undefined("config"), "undefined"),
    ("{{ request }}", undefined("request"), "undefined"),
    ("{{ namespace.__init__.__globals__ }}", unsafe("__init__", "type"), "security"),
    (
        "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
        unsafe("__class__", "list"),
        "security",
    ),
    (
        "{{ ().__class__.__bases__[0].__subclasses__()[132].__init__.__globals__['popen']('id').read() }}",
        unsafe("__class__", "tuple"),
        "security",
    ),
    (
        "{{ ''.__class__.__mro__[1].__subclasses__()[40]('/etc/passwd').read() }}",
        unsafe("__class__", "str"),
        "security",
    ),
    ("{{ brief.__class__ }}", unsafe("__class__", "dict"), "security"),
    ("{{ brief['__class__'] }}", unsafe("__class__", "dict"), "security"),
    ("{{ ''|attr('__class__') }}", unsafe("__class__", "str"), "security"),
    ("{{ '{0.__class__}'.format(brief) }}", unsafe("__class__", "dict"), "security"),
    ("{{ '{0.__class__}'|attr('format')(brief) }}", unsafe("__class__", "dict"), "security"),
    ("{{ '{title.__class__}'.format_map(brief) }}", unsafe("__class__", "str"), "security"),
    ("{{ range.__globals__.os }}", unsafe("__globals__", "function"), "security"),
    ("{{ brief.pop('title') }}", unsafe("pop", "dict"), "security"),
    ("{% include '/etc/passwd' %}", NO_FILES, "other"),
    ("{% import 'os' as os %}{{ os.environ }}", NO_FILES, "other"),
    ("{% from 'os' import environ %}{{ environ }}", NO_FILES, "other"),
    ("{% extends '/etc/passwd' %}", NO_FILES, "other"),
]
IDS = [f"payload{i}" for i in range(len(PAYLOADS))]


def written_at(template, name: str) -> str:
    """Return ``file:line`` of the snippet *name* in the template file, as an error names it."""
    lines = template.read_text(encoding="utf-8").splitlines()
    start = lines.index("snippets:")
    line = next(i for i, text in enumerate(lines[start:], start + 1) if text.startswith(f"  {name}: "))
    return f"{template.resolve()}:{line}"


def hint(kind: str, variables: str) -> str:
    if kind == "security":
        return f"templates may use only the variables {variables} and plain filters"
    return f"the variables are {variables}"


def assert_refused(workspace, code: int, out: str, err: str, expected: str) -> None:
    assert "Traceback" not in err
    assert (code, out) == (EXIT_ERROR, "")
    assert err.splitlines() == [expected]
    assert not workspace.out.exists(), "a deck was written"
    workspace.assert_nothing_leaked(out, err)


@pytest.mark.parametrize(("payload", "reason", "kind"), PAYLOADS, ids=IDS)
def test_payload_in_slide_text_is_a_content_error_naming_file_slide_and_key(workspace, capsys, payload, reason, kind):
    topic, line = workspace.set_bullet(payload)
    code, out, err = workspace.export(capsys)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: content error: {topic}:{line}: slides[3].bullets[0].text: slide 'beta-bullets': "
            f"the text cannot be rendered: {reason} ({hint(kind, CONTENT_VARIABLES)})"
        ),
    )


@pytest.mark.parametrize(("payload", "reason", "kind"), PAYLOADS, ids=IDS)
def test_payload_in_a_template_snippet_is_a_template_error_naming_the_snippet(workspace, capsys, payload, reason, kind):
    template = workspace.set_snippet("footer", payload)
    code, out, err = workspace.export(capsys)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: template error: {written_at(template, 'footer')}: snippets.footer: "
            f"the template text 'footer' cannot be rendered: "
            f"{reason} ({hint(kind, SNIPPET_VARIABLES)})"
        ),
    )


@pytest.mark.parametrize(("payload", "reason", "kind"), PAYLOADS, ids=IDS)
def test_payload_in_a_brief_override_is_a_brief_error_naming_the_key(workspace, capsys, payload, reason, kind):
    brief = workspace.write_brief(
        {"title": "Deck", "topics": ["alpha"], "overrides": {"alpha-key": {"bullets": {"1.0": payload}}}}
    )
    code, out, err = workspace.export(capsys, "--brief", brief)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: brief error: {brief}:1: overrides.alpha-key.bullets.1.0: "
            f"the changed text of slide 'alpha-key' "
            f"cannot be rendered: {reason} ({hint(kind, CONTENT_VARIABLES)})"
        ),
    )


def test_payload_in_an_override_title_and_notes(workspace, capsys):
    brief = workspace.write_brief(
        {
            "title": "Deck",
            "topics": ["alpha"],
            "overrides": {
                "alpha-quote": {"title": "{{ cycler.__init__.__globals__.os.environ }}", "notes": "{{ ''.__class__ }}"}
            },
        }
    )
    code, out, err = workspace.export(capsys, "--brief", brief)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: brief error: {brief}:1: overrides.alpha-quote.title: the changed text of slide "
            f"'alpha-quote' cannot be rendered: {unsafe('__init__', 'type')} ({hint('security', CONTENT_VARIABLES)})"
        ),
    )


def test_including_the_canary_file_by_its_absolute_path_reads_nothing(workspace, capsys):
    topic, line = workspace.set_bullet(f"{{% include '{workspace.secret_file}' %}}")
    code, out, err = workspace.export(capsys)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: content error: {topic}:{line}: slides[3].bullets[0].text: slide 'beta-bullets': "
            f"the text cannot be rendered: {NO_FILES} ({hint('other', CONTENT_VARIABLES)})"
        ),
    )


def test_every_text_field_of_a_slide_is_sandboxed(workspace, capsys):
    """Titles, notes, quotes, table cells, timeline labels and comparison headings all go through the sandbox."""
    topics = workspace.library / "topics"
    edits = [
        ("alpha.yaml", "title: A quotation", "slides[1].title"),
        ("alpha.yaml", "quote: Partners of the same mind seek each other.", "slides[1].quote"),
        ("alpha.yaml", "attribution: An official", "slides[1].attribution"),
        ("alpha.yaml", "notes: The quotation is verbatim.", "slides[1].notes"),
        ("beta.yaml", "columns: [Name, When, Where]", "slides[0].columns[1]"),
        ("beta.yaml", "cells: [First event, June 2023, Sea of Examples]", "slides[0].rows[0].cells[2]"),
        ("beta.yaml", "label: Something happened", "slides[1].events[0].label"),
        ("beta.yaml", "heading: One side", "slides[2].columns[0].heading"),
    ]
    payload = '"{{ cycler.__init__.__globals__ }}"'
    originals = {name: (topics / name).read_text(encoding="utf-8") for name in ("alpha.yaml", "beta.yaml")}
    for name, line_text, key_path in edits:
        for other, text in originals.items():
            (topics / other).write_text(text, encoding="utf-8")
        key, _, value = line_text.partition(": ")
        if value.startswith("["):  # replace one item of a flow list
            items = value.strip("[]").split(", ")
            index = int(key_path.rsplit("[", 1)[1].rstrip("]"))
            items[index] = payload
            new = f"{key}: [{', '.join(items)}]"
        else:
            new = f"{key}: {payload}"
        (topics / name).write_text(originals[name].replace(line_text, new, 1), encoding="utf-8")
        code, out, err = workspace.export(capsys)
        assert "Traceback" not in err
        assert code == EXIT_ERROR, key_path
        assert f"{topics / name}:" in err and f": {key_path}: slide '" in err, err
        assert err.rstrip("\n").endswith(
            f"the text cannot be rendered: {unsafe('__init__', 'type')} ({hint('security', CONTENT_VARIABLES)})"
        )
        workspace.assert_nothing_leaked(out, err)


@pytest.mark.parametrize(
    "snippet",
    [
        "title_subtitle",
        "title_byline",
        "agenda_heading",
        "references_heading",
        "closing_title",
        "closing_text",
        "as_of",
        "notes",
    ],
)
def test_every_snippet_is_sandboxed(workspace, capsys, snippet):
    template = workspace.set_snippet(snippet, "{{ self.__init__.__globals__ }}")
    code, out, err = workspace.export(capsys)
    variables = "brief, as_of, notes and references" if snippet == "notes" else SNIPPET_VARIABLES
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: template error: {written_at(template, snippet)}: snippets.{snippet}: "
            f"the template text '{snippet}' cannot be rendered: "
            f"{unsafe('__init__', 'TemplateReference')} ({hint('security', variables)})"
        ),
    )


def test_harmless_templates_still_export_and_reveal_nothing(workspace, capsys):
    """What the sandbox allows (variables, filters, loops, format on our own values) reaches no secret."""
    workspace.set_bullet(
        "{{ brief|pprint }} {{ topic|dictsort }} {% for k, v in slide.items() %}{{ k }}={{ v }} "
        "{% endfor %}{{ '{0[title]}'.format(brief) }} {{ '%s'|format(slide) }}"
    )
    workspace.set_snippet("footer", "{{ brief.title|upper }} {{ namespace(a=1).a }} {{ as_of }}")
    code, out, err = workspace.export(capsys)
    assert (code, err) == (EXIT_OK, "")
    workspace.assert_nothing_leaked(out, err)


# ---------------------------------------------------------------- objects and where errors were written


PRINTS_OBJECTS = [
    "{{ brief.title.format_map }}",
    "{{ cycler }}",
    "{{ cycler ~ '' }}",
    "{{ cycler|string }}",
    "{{ [1, 2]|map('upper') }}",
    "{{ [brief.items] }}",
    "{{ 'x'.ljust }}",
    "{{ '{0!r}'.format(cycler) }}",
    "{{ '%s'|format(cycler) }}",
    "{{ brief.items }}",
    "{{ range }}",
    "{{ dict }}",
]


@pytest.mark.parametrize("payload", PRINTS_OBJECTS)
def test_printing_a_python_object_is_refused(workspace, capsys, payload):
    topic, line = workspace.set_bullet(payload)
    code, out, err = workspace.export(capsys)
    assert_refused(
        workspace,
        code,
        out,
        err,
        (
            f"sinoru-brief: content error: {topic}:{line}: slides[3].bullets[0].text: slide 'beta-bullets': "
            f"the text cannot be rendered: not allowed: a template may print text, numbers and dates only "
            f"({hint('security', CONTENT_VARIABLES)})"
        ),
    )


def test_snippet_error_names_the_template_file_and_line(workspace, capsys):
    template = workspace.set_snippet("footer", "{{ config }}")
    line = template.read_text(encoding="utf-8").splitlines().index('  footer: "{{ config }}"') + 1
    code, out, err = workspace.export(capsys)
    assert code == EXIT_ERROR
    assert err.startswith(f"sinoru-brief: template error: {template.resolve()}:{line}: snippets.footer: ")


def test_override_error_names_the_brief_file(workspace, capsys):
    brief = workspace.write_brief(
        {"title": "Deck", "topics": ["alpha"], "overrides": {"alpha-key": {"title": "{{ config }}"}}}
    )
    code, out, err = workspace.export(capsys, "--brief", brief)
    assert code == EXIT_ERROR
    assert err.startswith(f"sinoru-brief: brief error: {brief}:")
