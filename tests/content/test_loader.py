"""Content loader: every kind of authoring mistake is reported with its file, line, column and key path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sinoru_brief.content import load_library
from sinoru_brief.errors import BriefError, ContentError, Problem

FIXTURE = Path(__file__).parents[1] / "data" / "library"


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture library."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of *old* in the file at *path*."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(library_dir: Path) -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    return caught.value.problems


def only_problem(library_dir: Path) -> Problem:
    problems = problems_of(library_dir)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_fixture_library_loads(fixture_library):
    assert [t.id for t in fixture_library.topics] == ["alpha", "beta"]
    assert len(fixture_library.sources) == 4
    slide = fixture_library.slide("beta-bullets")
    assert (slide.topic_id, slide.origin.line, slide.origin.key_path) == ("beta", 47, "slides[3]")


def test_unclosed_bracket_points_at_the_bracket(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "cite: [article-2025]", "cite: [article-2025")
    problem = only_problem(library_dir)
    assert problem.file == alpha
    assert (problem.line, problem.column) == (15, 15)
    assert problem.message == "invalid YAML: the '[' here is never closed"
    assert problem.hint == "add the missing ']'; YAML expected ',' or ']', but found ':' at line 16, column 12"
    assert problem.key_path == ""


def test_tab_used_for_indentation(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "    title: Alpha key judgments", "\ttitle: Alpha key judgments")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 9, 1)
    assert problem.message == "invalid YAML: a tab character where YAML expects spaces"
    assert problem.hint == "YAML indents with spaces, never tabs"


def test_wrong_type(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "priority: 1", 'priority: "high"')
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 10, 15)
    assert problem.key_path == "slides[0].priority"
    assert problem.message == "expected a whole number from 1 to 3, got text 'high'"
    assert str(problem) == (f"{alpha}:10:15: slides[0].priority: expected a whole number from 1 to 3, got text 'high'")


def test_unknown_key_says_did_you_mean_and_nothing_more(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "    title: Alpha key judgments", "    titel: Alpha key judgments")
    # One problem: "missing required key 'title'" would only repeat the typo.
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 9, 12)
    assert problem.key_path == "slides[0].titel"
    assert problem.message == "unknown key 'titel' in slide"
    assert problem.hint == "did you mean 'title'?"


def test_unknown_key_without_a_near_match_lists_the_allowed_keys(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "order: 10", "order: 10\ncolour: red")
    problem = only_problem(library_dir)
    assert (problem.line, problem.key_path, problem.message) == (6, "colour", "unknown key 'colour' in topic")
    assert problem.hint == "allowed keys: id, title, summary, as_of, order, slides"


def test_missing_required_key(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "    notes: Read the key judgments aloud.\n", "")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 7, 5)
    assert problem.key_path == "slides[0]"
    assert problem.message == "missing required key 'notes' in slide"
    assert problem.hint == "add 'notes:' with text"


def test_key_without_a_value(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "title: Alpha key judgments", "title:")
    problem = only_problem(library_dir)
    assert (problem.line, problem.key_path, problem.message, problem.hint) == (
        9,
        "slides[0].title",
        "has no value",
        "write text here",
    )


def test_empty_list_item(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "cite: [article-2025]", "cite:\n          -")
    problem = only_problem(library_dir)
    assert (problem.line, problem.key_path, problem.message, problem.hint) == (
        16,
        "slides[0].bullets[1].cite[0]",
        "has no value",
        "write text here",
    )


def test_dangling_citation_with_did_you_mean(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "cite: [news-2024-10-03-report]\n    notes: Read", "cite: [news-2024-10-03-reprt]\n    notes: Read")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 18, 20)
    assert problem.key_path == "slides[0].bullets[1].sub[0].cite[0]"
    assert problem.message == "unknown source 'news-2024-10-03-reprt'"
    assert problem.hint == "did you mean 'news-2024-10-03-report'?"


def test_dangling_citation_without_a_near_match(library_dir):
    edit(
        library_dir / "topics" / "beta.yaml",
        "cite: [ru-2024-statement]\n    notes: Two",
        "cite: [zz-nothing-like-it]\n    notes: Two",
    )
    problem = only_problem(library_dir)
    assert (problem.message, problem.hint) == ("unknown source 'zz-nothing-like-it'", "add it to sources.yaml")


def test_duplicate_source_id(library_dir):
    sources = library_dir / "sources.yaml"
    with sources.open("a", encoding="utf-8") as stream:
        stream.write("- id: article-2025\n  type: book\n  title: Another Book\n")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (sources, 31, 7)
    assert problem.key_path == "[4].id"
    assert problem.message == "duplicate source id 'article-2025'"
    assert problem.hint == "it is already used at line 2; give one of them another id"


def test_duplicate_slide_id_across_two_topic_files(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    beta = library_dir / "topics" / "beta.yaml"
    edit(beta, "id: beta-table", "id: alpha-quote")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (beta, 7, 9)
    assert problem.key_path == "slides[0].id"
    assert problem.message == "duplicate slide id 'alpha-quote'"
    assert problem.hint == f"it is already used at {alpha}:20; slide ids must be unique across all topics"


def test_duplicate_slide_id_in_one_file(library_dir):
    edit(library_dir / "topics" / "beta.yaml", "id: beta-compare", "id: beta-table")
    problem = only_problem(library_dir)
    assert (problem.line, problem.key_path) == (33, "slides[2].id")
    assert problem.hint == "it is already used at line 7; slide ids must be unique across all topics"


def test_duplicate_mapping_key(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "    priority: 1\n", "    priority: 1\n    priority: 2\n")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 11, 5)
    assert problem.key_path == "slides[0].priority"
    assert problem.message == "duplicate key 'priority'"
    assert problem.hint == "'priority' is already set at line 10; remove one of the two"


def test_duplicate_key_does_not_hide_other_problems_in_the_file(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "    priority: 1\n", "    priority: 1\n    priority: 2\n")
    edit(library_dir / "topics" / "alpha.yaml", "priority: 3", "priority: 4")
    assert [p.message for p in problems_of(library_dir)] == [
        "duplicate key 'priority'",
        "expected a whole number from 1 to 3, got 4",
    ]


def test_unknown_slide_kind_with_suggestion(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    edit(beta, "kind: bullets", "kind: bulets")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (beta, 48, 11)
    assert problem.key_path == "slides[3].kind"
    assert problem.message == "unknown kind 'bulets' in slide"
    assert problem.hint == "did you mean 'bullets'?"


def test_slide_kind_that_is_not_text(library_dir):
    edit(library_dir / "topics" / "beta.yaml", "kind: bullets", "kind: [bullets]")
    problem = only_problem(library_dir)
    assert problem.message == "unknown kind a list in slide"
    assert problem.hint == "use one of bullets, key_judgments, quote, chart, table, timeline, comparison"


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_topic_file(library_dir, text):
    beta = library_dir / "topics" / "beta.yaml"
    beta.write_text(text, encoding="utf-8")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column, problem.key_path) == (beta, None, None, "")
    assert problem.message == "the topic file is empty"
    assert problem.hint == "give it id, title, summary, as_of and slides"


def test_topic_id_differs_from_file_name(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    edit(beta, "id: beta\n", "id: gamma\n")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column, problem.key_path) == (beta, 1, 5, "id")
    assert problem.message == "topic id 'gamma' differs from the file name 'beta'"
    assert problem.hint == "rename the file to gamma.yaml or set id: beta"


def test_file_that_is_not_utf8(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    beta.write_bytes(beta.read_bytes().replace(b"A table of events", b"A t\xe9ble of events"))
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (beta, 9, 15)
    assert problem.message == "the file is not valid UTF-8 (byte 0xe9)"
    assert problem.hint == "save the file with UTF-8 encoding"


def test_byte_order_mark_is_accepted(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    beta.write_bytes(b"\xef\xbb\xbf" + beta.read_bytes())
    assert load_library(library_dir).topic("beta").title == "Beta topic"


def test_over_long_bullet_is_a_clear_error_and_fast(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    edit(alpha, "The first judgment rests on the statement.", "x" * 1_000_000)
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (alpha, 12, 15)
    assert problem.key_path == "slides[0].bullets[0].text"
    assert problem.message == "is 1,000,000 characters long; the limit is 600"
    assert problem.hint == "shorten it or split it"


def test_over_long_unknown_key_is_shortened_in_the_message(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "order: 10", "order: 10\n" + "k" * 300 + ": 1")
    problem = only_problem(library_dir)
    assert problem.message == "unknown key '" + "k" * 37 + "...' in topic"


def test_file_over_the_size_limit(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    beta.write_bytes(b"# " + b"x" * (8 * 1024 * 1024) + b"\n")
    problem = only_problem(library_dir)
    assert problem.message == "the file is 8,388,611 bytes; YAML files are limited to 8,388,608"


def test_xml_illegal_control_characters_are_stripped_not_errors(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    # Raw in the file (PyYAML alone refuses them) and escaped in a quoted string.
    edit(alpha, "The first judgment rests on the statement.", "The first\x07 judgment\x0b rests\x1f on it.")
    edit(alpha, "title: A quotation", 'title: "A quo\\x08tation\\x00"')
    library = load_library(library_dir)
    assert library.slide("alpha-key").bullets[0].text == "The first judgment rests on it."
    assert library.slide("alpha-quote").title == "A quotation"


def test_impossible_date_parts_in_a_source(library_dir):
    sources = library_dir / "sources.yaml"
    edit(sources, "[[2024, 10, 3]]", "[[2024, 13, 1]]")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (sources, 21, 24)
    assert problem.key_path == "[2].issued.date-parts"
    assert problem.message == "[2024, 13, 1] is not a real date"
    assert (
        problem.hint
        == "date-parts are [year, month, day]; the month must be 1 to 12 and the day must exist in that month"
    )


@pytest.mark.parametrize("written", ['"2024-02-30"', "2024-02-30", "2024-13", "'2023-00'"])
def test_impossible_timeline_date(library_dir, written):
    beta = library_dir / "topics" / "beta.yaml"
    edit(beta, "date: 2024-05-16", f"date: {written}")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (beta, 26, 15)
    assert problem.key_path == "slides[1].events[1].date"
    assert problem.message == f"'{written.strip(chr(34) + chr(39))}' is not a real date"
    assert problem.hint == "the month must be 1 to 12 and the day must exist in that month"


@pytest.mark.parametrize(
    ("written", "described"),
    [("soon", "text 'soon'"), ("0", "a number (0)"), ("true", "true (a yes/no value)"), ("[2024]", "a list")],
)
def test_timeline_date_that_is_no_date(library_dir, written, described):
    edit(library_dir / "topics" / "beta.yaml", "date: 2024-05-16", f"date: {written}")
    problem = only_problem(library_dir)
    assert problem.key_path == "slides[1].events[1].date"
    assert problem.message == f"expected a date written YYYY, YYYY-MM or YYYY-MM-DD, got {described}"


def test_impossible_topic_as_of_date(library_dir):
    edit(library_dir / "topics" / "alpha.yaml", "as_of: 2025-01-26", "as_of: 2025-02-29")
    problem = only_problem(library_dir)
    assert (problem.line, problem.key_path, problem.message) == (4, "as_of", "'2025-02-29' is not a real date")


def test_all_errors_of_a_run_are_raised_together(library_dir):
    alpha = library_dir / "topics" / "alpha.yaml"
    beta = library_dir / "topics" / "beta.yaml"
    sources = library_dir / "sources.yaml"
    edit(alpha, "priority: 2", "priority: high")
    edit(beta, "kind: bullets", "kind: bulets")
    edit(sources, "type: webpage\n  title: Statement in Russian", "type: web-page\n  title: Statement in Russian")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    error = caught.value
    assert isinstance(error, BriefError)
    assert [(p.file, p.line, p.key_path) for p in error.problems] == [
        (sources, 25, "[3].type"),
        (alpha, 23, "slides[1].priority"),
        (beta, 48, "slides[3].kind"),
    ]
    assert str(error) == "\n".join(
        [
            "3 problems found:",
            f"  {sources}:25:9: [3].type: expected one of {', '.join(_csl_types())}, got text 'web-page' "
            "(did you mean 'webpage'?)",
            f"  {alpha}:23:15: slides[1].priority: expected a whole number from 1 to 3, got text 'high'",
            f"  {beta}:48:11: slides[3].kind: unknown kind 'bulets' in slide (did you mean 'bullets'?)",
        ]
    )


def _csl_types() -> tuple[str, ...]:
    from sinoru_brief.content.schema import CSL_TYPES

    return CSL_TYPES


def test_broken_yaml_in_several_files_is_one_error(library_dir):
    for name in ("alpha", "beta"):
        (library_dir / "topics" / f"{name}.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (library_dir / "sources.yaml").write_text("- id: x\n\t- y\n", encoding="utf-8")
    problems = problems_of(library_dir)
    assert [(p.file.name, p.message) for p in problems] == [
        ("sources.yaml", "invalid YAML: a tab character where YAML expects spaces"),
        ("alpha.yaml", "invalid YAML: the '[' here is never closed"),
        ("beta.yaml", "invalid YAML: the '[' here is never closed"),
    ]


def test_missing_content_folder(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_library(tmp_path / "nowhere")
    assert str(caught.value) == (
        f"{tmp_path / 'nowhere'}: the content folder does not exist "
        "(pass --content with a folder holding sources.yaml and topics/)"
    )


def test_missing_sources_file_and_topics_folder(tmp_path):
    problems = problems_of(tmp_path)
    assert [(p.file, p.message) for p in problems] == [
        (tmp_path / "sources.yaml", "the sources file is missing"),
        (tmp_path / "topics", "the topics folder is missing"),
    ]


def test_broken_sources_file_does_not_flood_with_unknown_source_errors(library_dir):
    (library_dir / "sources.yaml").write_text("- id: [\n", encoding="utf-8")
    problems = problems_of(library_dir)
    assert len(problems) == 1
    assert problems[0].file == library_dir / "sources.yaml"


def test_recursive_alias_is_an_error_not_a_crash(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    edit(beta, "columns: [Name, When, Where]", "columns: &c [Name, *c]")
    problem = only_problem(library_dir)
    assert (problem.file, problem.line, problem.column) == (beta, 11, 14)
    assert problem.message == "invalid YAML: an alias refers to the value that contains it"


def test_alias_bomb_is_refused_quickly(library_dir):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    beta = library_dir / "topics" / "beta.yaml"
    beta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem = only_problem(library_dir)
    assert problem.message == "the file holds more than 200,000 values once its aliases are expanded"


def test_topic_saved_as_yml_is_reported_not_skipped(library_dir):
    beta = library_dir / "topics" / "beta.yaml"
    beta.rename(beta.with_suffix(".yml"))
    problem = only_problem(library_dir)
    assert (problem.file, problem.message, problem.hint) == (
        beta.with_suffix(".yml"),
        "topic files must end in .yaml",
        "rename it to beta.yaml",
    )


def test_empty_topics_folder(library_dir):
    for path in (library_dir / "topics").iterdir():
        path.unlink()
    problem = only_problem(library_dir)
    assert (problem.file, problem.message) == (library_dir / "topics", "the topics folder has no .yaml files")


def test_unquoted_numbers_times_and_words_in_text_keep_their_spelling(library_dir):
    edit(
        library_dir / "topics" / "beta.yaml",
        "cells: [First event, June 2023, Sea of Examples]",
        "cells: [Yes, '12:30', 12:30, 1.50, 010, 2024-05-16]",
    )
    row = load_library(library_dir).slide("beta-table").rows[0]
    assert row.cells == ("Yes", "12:30", "12:30", "1.50", "010", "2024-05-16")


def test_a_yes_no_value_in_a_cite_list_is_checked_as_the_source_id_it_reads_as(tmp_path):
    """``cite: [true]`` reads as the text 'true' (kept as written), so it must be an unknown source, not a crash."""
    import shutil
    from pathlib import Path

    from sinoru_brief.content import load_library
    from sinoru_brief.errors import ContentError

    library = tmp_path / "library"
    shutil.copytree(Path(__file__).parents[1] / "data" / "library", library)
    alpha = library / "topics" / "alpha.yaml"
    alpha.write_text(
        alpha.read_text(encoding="utf-8").replace("cite: [agency-2024-05-16-statement]", "cite: [true]", 1),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="unknown source 'true'"):
        load_library(library)
