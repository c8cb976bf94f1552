"""The text a library problem is about: the lines around it, the line marked, a caret under the column."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sinoru_brief.app.library_problems import (
    MAX_LINE_CHARS,
    ExcerptLine,
    LibraryProblemsPanel,
    excerpt_for,
    format_excerpt,
    list_label,
    read_excerpt,
)
from sinoru_brief.errors import Problem

LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), max_size=40)


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINE_TEXT, min_size=1, max_size=30), data=st.data())
def test_the_excerpt_is_the_lines_around_the_problem_with_exactly_it_marked(tmp_path, lines, data):
    path = tmp_path / "topic.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = data.draw(st.integers(1, len(lines)))
    excerpt = read_excerpt(path, line, context=3)
    numbers = [e.number for e in excerpt]
    assert numbers == list(range(max(1, line - 3), min(len(lines), line + 3) + 1))
    assert [e.number for e in excerpt if e.marked] == [line]
    assert [e.text for e in excerpt] == lines[numbers[0] - 1 : numbers[-1]]


@given(text=st.text(st.sampled_from("ab \t:"), min_size=1, max_size=30), data=st.data())
def test_the_caret_sits_under_the_column(text, data):
    column = data.draw(st.integers(1, len(text)))
    marked, caret = format_excerpt([ExcerptLine(7, text, True)], column).splitlines()
    prefix = marked.index("│ ") + 2
    assert caret.index("^") == prefix + column - 1
    assert caret[:prefix].strip() == "│"
    # A tab above stays a tab below, so the caret lines up however wide tabs are drawn.
    assert [ch == "\t" for ch in caret[prefix : prefix + column - 1]] == [ch == "\t" for ch in text[: column - 1]]


def test_a_very_long_line_is_cut(tmp_path):
    path = tmp_path / "minified.yaml"
    path.write_text("x" * 5000 + "\n", encoding="utf-8")
    [line] = read_excerpt(path, 1)
    assert line.text == "x" * MAX_LINE_CHARS + " …"


def test_undecodable_bytes_are_shown_not_raised(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"title: caf\xe9\n")
    assert "title: caf\ufffd" in excerpt_for(Problem(path, "bad encoding", line=1, column=10))


def test_a_problem_without_a_line_or_a_file_says_so(tmp_path):
    assert excerpt_for(Problem(tmp_path, "the folder holds neither")) == (
        f"This problem is about the folder as a whole:\n{tmp_path}"
    )
    assert excerpt_for(Problem(None, "odd")) == "This problem is not about one file."
    assert excerpt_for(Problem(tmp_path / "gone.yaml", "x", line=3)).startswith("The file cannot be shown: ")
    (tmp_path / "short.yaml").write_text("a: 1\n", encoding="utf-8")
    assert excerpt_for(Problem(tmp_path / "short.yaml", "x", line=40)) == (
        "The file has no line 40 any more (it changed since it was loaded)."
    )


def test_labels_name_the_file_from_its_library_folder():
    root = Path("/teams/arctic")
    problem = Problem(root / "topics" / "ice.yaml", "unknown source 'x'", line=4, column=9)
    assert list_label(problem, [root]) == "arctic/topics/ice.yaml:4:9: unknown source 'x'"
    assert list_label(problem) == "/teams/arctic/topics/ice.yaml:4:9: unknown source 'x'"


def test_the_panel_lists_problems_and_says_when_there_are_none(qtbot):
    panel = LibraryProblemsPanel()
    qtbot.addWidget(panel)
    assert panel.summary.text() == "No problems: every library loaded." and panel.list.count() == 0
    root = Path("/teams/arctic")
    panel.set_problems(
        [
            Problem(
                root / "sources.yaml", "duplicate source id 'a'", line=5, column=7, key_path="[1].id", hint="rename one"
            )
        ],
        [root],
    )
    assert panel.summary.text() == (
        "1 problem; not used until fixed: arctic. Fix the files, then File > Reload Libraries (F5)."
    )
    assert panel.list.item(0).toolTip() == (
        "/teams/arctic/sources.yaml:5:7: [1].id: duplicate source id 'a' (rename one)"
    )
    assert panel.hint.text() == "[1].id: duplicate source id 'a' — rename one"
