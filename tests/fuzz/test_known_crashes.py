"""The crashes the fuzz tests found, each reduced to its smallest input: each is now a clear BriefError.

Each test states what the program should do (a BriefError with a clear
message). A crash found later is added here marked ``xfail(strict=True,
raises=...)`` with an entry in known_crashes.py; when its fix lands, the test
passes, strict xfail fails the run, and the marker and the entry go.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
from pathlib import Path

import pytest
from fuzz.known_crashes import known_crash

from sinoru_brief.brief import Brief
from sinoru_brief.citations.formatting import resolve_style
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import ContentError, TemplateError
from sinoru_brief.theme import load_theme

ROOT = Path(__file__).parents[2]
FIXTURE = ROOT / "tests" / "data" / "library"
BRIEFING = ROOT / "templates" / "briefing"


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def template_dir(tmp_path: Path) -> Path:
    target = tmp_path / "template"
    shutil.copytree(BRIEFING, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def export_library(root: Path) -> None:
    """Load the library and compose every topic at full depth, as an export would."""
    library = load_library(root)
    compose(library, Brief(title="Deck", topics=library.topic_ids(), depth="full", date=dt.date(2025, 2, 1)))


def test_every_reported_crash_is_fixed_so_none_is_skipped():
    assert known_crash(RecursionError()) is None
    assert known_crash(OSError(errno.ENAMETOOLONG, "File name too long")) is None
    assert known_crash(ValueError("embedded null byte")) is None
    assert known_crash(KeyError("x")) is None


@pytest.mark.parametrize(
    "text",
    ["[" * 1000 + "]" * 1000, "".join(" " * i + "a:\n" for i in range(1000)) + " " * 1000 + "b", "- " * 1000 + "x"],
)
def test_deeply_nested_yaml_is_an_error(library_dir, text):
    (library_dir / "topics" / "alpha.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    [problem] = caught.value.problems
    assert (problem.file, problem.message) == (
        library_dir / "topics" / "alpha.yaml",
        "the file nests lists or mappings more than 100 levels deep",
    )
    assert problem.line is not None


def test_numeric_cite_id_is_an_error(library_dir):
    edit(
        library_dir / "topics" / "alpha.yaml",
        "cite: [news-2024-10-03-report]\n    notes: The chart",
        "cite: [2024]\n    notes: The chart",
    )
    with pytest.raises(ContentError) as caught:
        export_library(library_dir)
    assert "unknown source '2024'" in str(caught.value)


def test_note_number_that_is_not_a_list_is_an_error(library_dir):
    edit(library_dir / "sources.yaml", "note-number: [2]", "note-number: 2")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    assert "note-number" in str(caught.value)


def test_huge_year_in_a_csl_date_is_an_error(library_dir):
    edit(library_dir / "sources.yaml", "[[2024, 10, 3]]", "[[100000000000000000000, 10, 3]]")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    assert "is not a real date" in str(caught.value)


LONG = "x" * 300


@pytest.mark.parametrize("what", ["template", "style", "style-file", "logo", "master"])
def test_over_long_file_name_is_an_error(template_dir, what):
    expected = {
        "template": "no such template (a built-in name or a folder with template.yaml)",
        "style": f"unknown citation style '{LONG}'",
        "style-file": "the citation style file cannot be read: File name too long",
        "logo": f"the logo file '{LONG}' cannot be read: File name too long",
        "master": f"the master file '{LONG}' cannot be read: File name too long",
    }[what]
    with pytest.raises(TemplateError) as caught:
        if what == "template":
            load_theme(LONG)
        elif what == "style":
            resolve_style(LONG)
        elif what == "style-file":
            resolve_style(LONG + ".csl")
        else:
            path = template_dir / "template.yaml"
            path.write_text(path.read_text(encoding="utf-8") + f"{what}: {LONG}\n", encoding="utf-8")
            load_theme(template_dir)
    [problem] = caught.value.problems
    assert problem.message == expected


@pytest.mark.parametrize("key", ["logo", "master"])
def test_nul_in_a_template_path_is_an_error(template_dir, key):
    path = template_dir / "template.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f'{key}: "a\\0b.png"\n', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_theme(template_dir)
    [problem] = caught.value.problems
    assert (problem.key_path, problem.message) == (key, f"the {key} file 'ab.png' does not exist")


@pytest.mark.parametrize("where", ["bullet-escape-uffff", "bullet-escape-surrogate", "snippet-literal-ufffe"])
def test_text_rendered_with_xml_illegal_characters_exports(library_dir, template_dir, where):
    from sinoru_brief.check.package import check_package
    from sinoru_brief.pipeline import build, render_pptx

    theme = None
    if where.startswith("bullet"):
        escape = "\\\\uffff" if where.endswith("uffff") else "\\\\ud800"
        edit(
            library_dir / "topics" / "alpha.yaml",
            "- text: The first judgment rests on the statement.",
            f"- text: \"A {{{{ '{escape}' }}}} b\"",
        )
    else:
        edit(template_dir / "template.yaml", 'title_subtitle: "{{ brief.subtitle }}"', 'title_subtitle: "\\ufffe"')
        theme = load_theme(template_dir)
    library = load_library(library_dir)
    brief = Brief(title="Deck", topics=["alpha"], depth="full", date=dt.date(2025, 2, 1))
    assert check_package(render_pptx(build(brief, library=library, theme=theme))) == []
