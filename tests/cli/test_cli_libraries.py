"""Several libraries on the command line: --content given more than once, the user's own library, clashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from support.cli_runs import run
from support.own_library import write_library

from sinoru_brief.cli import EXIT_ERROR, EXIT_OK
from sinoru_brief.paths import default_content_dir, user_library_dir

BUILTIN_SOURCE = "wishnick-2025-cooperation-without-coordination"


@pytest.fixture
def two_libraries(tmp_path: Path) -> tuple[Path, Path]:
    """A team library whose slide cites a source of a desk library, and the desk library."""
    team = write_library(tmp_path / "team", topics={"team": {"team-view": ["desk-memo", BUILTIN_SOURCE]}})
    desk = write_library(tmp_path / "desk", sources=["desk-memo"], topics={"desk": {"desk-view": ["desk-memo"]}})
    return team, desk


def test_export_draws_on_two_content_folders_citing_across_them(capsys, two_libraries, tmp_path):
    team, desk = two_libraries
    out = tmp_path / "deck.pptx"
    code, stdout, err = run(
        capsys, "export", "--content", team, "--content", desk, "--topics", "team,desk", "--depth", "key", "-o", out
    )
    assert (code, err) == (EXIT_OK, "")
    assert stdout.startswith(f"Wrote {out}: ") and stdout.endswith(" 2 references.\n")
    texts = [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in Presentation(str(out)).slides
    ]
    assert any("A claim of team-view." in t for t in texts) and any("A claim of desk-view." in t for t in texts)
    assert any("Report desk-memo" in t for t in texts)  # the desk's source among the references


def test_one_content_folder_alone_cannot_resolve_the_others_source(capsys, two_libraries, tmp_path):
    team, _ = two_libraries
    code, stdout, err = run(capsys, "validate", "--content", team)
    assert (code, stdout) == (EXIT_ERROR, "")
    assert err.splitlines() == [
        f"sinoru-brief: content error: {team / 'topics' / 'team.yaml'}:12:46: slides[0].bullets[0].cite[0]: "
        "unknown source 'desk-memo' (add it to the sources.yaml of one of the libraries)"
    ]


def test_validate_and_topics_see_every_library(capsys, two_libraries, real_library):
    team, desk = two_libraries
    code, stdout, _ = run(capsys, "validate", "--content", team, "--content", desk)
    assert code == EXIT_OK
    sources, topics = len(real_library.sources) + 1, len(real_library.topics) + 2
    slides = sum(len(t.slides) for t in real_library.topics) + 2
    assert stdout.splitlines() == [
        f"OK: {sources} sources, {topics} topics, {slides} slides.",
        f"From 3 libraries: {default_content_dir()}, {team}, {desk}",
    ]
    code, stdout, _ = run(capsys, "topics", "--content", team, "--content", desk)
    assert code == EXIT_OK
    assert [line.split()[0] for line in stdout.splitlines()[1:]][-2:] == ["desk", "team"]


def test_a_clash_between_two_folders_names_both_files_and_fails(capsys, tmp_path):
    first = write_library(tmp_path / "first", sources=["memo"])
    second = write_library(tmp_path / "second", sources=["other", "memo"])
    code, stdout, err = run(capsys, "validate", "--content", first, "--content", second)
    assert (code, stdout) == (EXIT_ERROR, "")
    assert "Traceback" not in err
    assert err.splitlines() == [
        f"sinoru-brief: content error: {second / 'sources.yaml'}:5:7: [1].id: duplicate source id 'memo' (it is "
        f"already used at {first / 'sources.yaml'}:1, in the library {first}; source ids must be unique across "
        "all libraries: rename one of them (and the slides that cite it), or delete this copy: a slide may cite a "
        "source of any library)"
    ]


def test_the_users_own_library_is_used_without_being_named(capsys, tmp_path):
    write_library(user_library_dir(), topics={"mine": {"my-view": [BUILTIN_SOURCE]}})
    out = tmp_path / "deck.pptx"
    code, stdout, err = run(capsys, "export", "--topics", "mine", "--depth", "key", "-o", out)
    assert (code, err) == (EXIT_OK, "")
    texts = [s.text_frame.text for slide in Presentation(str(out)).slides for s in slide.shapes if s.has_text_frame]
    assert any("A claim of my-view." in t for t in texts)


def test_a_missing_content_folder_among_several_is_named(capsys, two_libraries, tmp_path):
    team, desk = two_libraries
    code, _, err = run(capsys, "topics", "--content", desk, "--content", tmp_path / "gone")
    assert code == EXIT_ERROR
    assert err.splitlines() == [
        f"sinoru-brief: content error: {tmp_path / 'gone'}: the content folder does not "
        "exist (pass --content with a folder holding sources.yaml and topics/)"
    ]
