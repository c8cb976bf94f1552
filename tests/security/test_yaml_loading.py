"""YAML is loaded safely: Python tags in content, brief and template files run nothing and are errors.

PyYAML's unsafe loaders build Python objects from tags such as
``!!python/object/apply:os.system``; sinoru-brief composes nodes with the
safe loader and builds values itself, so no tag can call anything. Each test
puts a tag into one kind of file, loads it the way the program does, and
checks the message, that the canary command did not run and that no process
was started.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.brief import load_brief
from sinoru_brief.cli import EXIT_ERROR
from sinoru_brief.content import load_library
from sinoru_brief.errors import BriefError, BriefFileError, ContentError, TemplateError
from sinoru_brief.theme import load_theme

SCALAR_TAGS = [
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object/apply:os.system 'touch {canary}'",
    "!!python/object/new:os.system 'touch {canary}'",
    "!!python/object:os.system 'x'",
    "!python/name:os.system",
    "!<tag:yaml.org,2002:python/name:os.system>",
]


def tag_name(tag: str) -> str:
    """Return the full tag name PyYAML reports for *tag* as written."""
    written = tag.split(" ")[0]
    if written.startswith("!<"):
        return written[2:-1]
    if written.startswith("!!"):
        return "tag:yaml.org,2002:" + written[2:]
    return written


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace *old* in the file at *path*; return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def load(kind: str, workspace) -> None:
    """Load the file of *kind* from the workspace the way the program does."""
    if kind == "brief":
        load_brief(workspace.root / "deck.brief.yaml")
    elif kind == "template":
        load_theme(workspace.template)
    else:
        load_library(workspace.library)


def plant(kind: str, workspace, value: str) -> tuple[Path, int, int]:
    """Write *value* as a text field of a file of *kind*; return the file, and the line and column of the value."""
    if kind == "topic":
        path = workspace.library / "topics" / "alpha.yaml"
        return path, replace_once(path, "title: Alpha topic", f"title: {value}"), 8
    if kind == "sources":
        path = workspace.library / "sources.yaml"
        return path, replace_once(path, "title: A Fixture Article on Partnerships", f"title: {value}"), 10
    if kind == "brief":
        path = workspace.root / "deck.brief.yaml"
        path.write_text(f"title: {value}\ntopics: [alpha]\n", encoding="utf-8")
        return path, 1, 8
    path = workspace.template / "template.yaml"
    return path.resolve(), replace_once(path, "label: Briefing (dark, 16:9)", f"label: {value}"), 8


ERRORS = {"topic": ContentError, "sources": ContentError, "brief": BriefFileError, "template": TemplateError}


@pytest.mark.parametrize("kind", list(ERRORS))
@pytest.mark.parametrize("tag", SCALAR_TAGS)
def test_python_tag_on_a_value_is_an_error_and_runs_nothing(workspace, kind, tag):
    tag = tag.format(canary=workspace.canary_command)
    path, line, column = plant(kind, workspace, tag)
    with pytest.raises(ERRORS[kind]) as caught:
        load(kind, workspace)
    assert str(caught.value) == (
        f"{path}:{line}:{column}: invalid YAML value: could not determine a constructor for the tag '{tag_name(tag)}'"
    )
    workspace.assert_nothing_leaked(str(caught.value))


@pytest.mark.parametrize("kind", list(ERRORS))
def test_python_tag_on_a_list_runs_nothing(workspace, kind):
    """A tag on a list must never call os.system, whatever the loader then makes of the list."""
    command = f'!!python/object/apply:os.system ["touch {workspace.canary_command}"]'
    plant(kind, workspace, command)
    # A list where text belongs; test_python_tag_on_a_list_or_mapping_is_an_error checks the message.
    with pytest.raises(BriefError):
        load(kind, workspace)
    workspace.assert_nothing_leaked()


def test_unsafe_yaml_through_the_cli_is_one_line(workspace, capsys):
    path, line, column = plant("topic", workspace, "!!python/name:os.system")
    code, out, err = workspace.export(capsys)
    assert (code, out) == (EXIT_ERROR, "")
    assert err.splitlines() == [
        f"sinoru-brief: content error: {path}:{line}:{column}: invalid YAML value: could "
        "not determine a constructor for the tag 'tag:yaml.org,2002:python/name:os.system'"
    ]
    workspace.assert_nothing_leaked(out, err)


def test_python_tag_on_a_key_runs_nothing(workspace):
    path = workspace.library / "topics" / "alpha.yaml"
    replace_once(
        path, "order: 10\n", f'order: 10\n? !!python/object/apply:os.system ["touch {workspace.canary_command}"]\n: 1\n'
    )
    with pytest.raises(ContentError) as caught:
        load_library(workspace.library)
    assert "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'" in str(
        caught.value
    )
    workspace.assert_nothing_leaked(str(caught.value))


# A tag on a list or mapping where a list or mapping is expected: the one place a dropped tag would go unnoticed.
TAGGED_COLLECTIONS = [
    (
        "topic",
        "alpha.yaml",
        "        cite: [news-2024-10-03-report]",
        "        cite: !!python/object/apply:os.system [news-2024-10-03-report]",
    ),
    ("brief", None, None, None),
    ("template", None, '  chart: ["E0A526"', '  chart: !!python/object/apply:os.system ["E0A526"'),
    ("template-map", None, "margins_in: {", "margins_in: !!python/object/new:dict {"),
]


@pytest.mark.parametrize(("kind", "file", "old", "new"), TAGGED_COLLECTIONS, ids=[t[0] for t in TAGGED_COLLECTIONS])
def test_python_tag_on_a_list_or_mapping_is_an_error(workspace, kind, file, old, new):
    if kind == "brief":
        (workspace.root / "deck.brief.yaml").write_text(
            "title: Deck\ntopics: !!python/object/apply:os.system [alpha]\n", encoding="utf-8"
        )
    elif kind == "topic":
        replace_once(workspace.library / "topics" / file, old, new)
    else:
        replace_once(workspace.template / "template.yaml", old, new)
    with pytest.raises(BriefError) as caught:
        load("template" if kind.startswith("template") else kind, workspace)
    [problem] = caught.value.problems
    assert problem.message.startswith(
        "invalid YAML value: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/"
    )
    workspace.assert_nothing_leaked(str(caught.value))
