"""Which libraries load, in which order; strict loading for the CLI, lenient loading for the app."""

from __future__ import annotations

import pytest
from support.own_library import write_library

from sinoru_brief.content import load_libraries, load_libraries_leniently
from sinoru_brief.content.libraries import library_folders
from sinoru_brief.errors import ContentError
from sinoru_brief.paths import default_content_dir, user_library_dir

BUILTIN_SOURCE = "wishnick-2025-cooperation-without-coordination"


def test_the_tests_never_see_the_real_user_library(tmp_path_factory):
    assert str(user_library_dir()).startswith(str(tmp_path_factory.getbasetemp()))


def test_without_a_user_library_only_the_builtin_one_loads(real_library):
    assert library_folders() == [(default_content_dir(), True)]
    assert load_libraries().topic_ids() == real_library.topic_ids()


def test_the_user_library_loads_after_the_builtin_one_and_may_hold_sources_only(real_library):
    write_library(user_library_dir(), sources=["team-memo-2025"])
    assert library_folders() == [(default_content_dir(), True), (user_library_dir(), False)]
    library = load_libraries()
    assert set(library.sources) == set(real_library.sources) | {"team-memo-2025"}
    assert library.topic_ids() == real_library.topic_ids()


def test_a_user_topic_cites_a_builtin_source_and_extra_folders_come_last(tmp_path):
    write_library(user_library_dir(), topics={"team": {"team-view": [BUILTIN_SOURCE, "desk-memo"]}})
    desk = write_library(tmp_path / "desk", sources=["desk-memo"])
    assert [folder for folder, _ in library_folders([desk])][1:] == [user_library_dir(), desk]
    library = load_libraries([desk])
    assert library.slide("team-view").citations() == [BUILTIN_SOURCE, "desk-memo"]


def test_an_empty_user_library_folder_is_skipped():
    user_library_dir().mkdir(parents=True)
    assert library_folders() == [(default_content_dir(), True)]


def test_a_folder_named_twice_loads_once(tmp_path):
    desk = write_library(tmp_path / "desk", sources=["desk-memo"])
    assert library_folders([desk, tmp_path / "." / "desk"], builtin=False) == [(desk, False)]


def test_strict_loading_raises_one_error_with_every_problem(tmp_path):
    desk = write_library(tmp_path / "desk", sources=[BUILTIN_SOURCE], topics={"summits": {"x": ["nowhere"]}})
    with pytest.raises(ContentError) as caught:
        load_libraries([desk])
    messages = [p.message for p in caught.value.problems]
    assert messages == [
        f"duplicate source id '{BUILTIN_SOURCE}'",
        "duplicate topic id 'summits'",
        "unknown source 'nowhere'",
    ]
    assert all(p.file.is_relative_to(desk) for p in caught.value.problems)


def test_lenient_loading_keeps_the_sound_libraries_and_reports_the_others(tmp_path, real_library):
    good = write_library(tmp_path / "good", sources=["good-memo"], topics={"good": {"good-view": ["good-memo"]}})
    clash = write_library(tmp_path / "clash", topics={"summits": {"mine": [BUILTIN_SOURCE]}})
    broken = write_library(tmp_path / "broken", sources=["x"])
    (broken / "sources.yaml").write_text("- id: [\n", encoding="utf-8")
    loaded = load_libraries_leniently([clash, good, broken])
    assert loaded.loaded == (default_content_dir(), good)
    assert loaded.left_out == (clash, broken)
    assert [(p.file, p.message) for p in loaded.problems] == [
        (clash / "topics" / "summits.yaml", "duplicate topic id 'summits'"),
        (broken / "sources.yaml", "invalid YAML: expected the node content, but found the end of the file"),
    ]
    assert loaded.library.topic_ids() == [*real_library.topic_ids(), "good"]
    assert loaded.library.topic("summits").origin.file.is_relative_to(default_content_dir())


def test_lenient_loading_lets_a_library_join_once_the_later_one_it_cites_has(tmp_path):
    # The user library cites a source that only a folder opened later has: both load.
    write_library(user_library_dir(), topics={"team": {"team-view": ["desk-memo"]}})
    desk = write_library(tmp_path / "desk", sources=["desk-memo"])
    loaded = load_libraries_leniently([desk])
    assert (loaded.left_out, loaded.problems) == ((), ())
    assert loaded.loaded == (default_content_dir(), user_library_dir(), desk)
    assert loaded.library.slide("team-view").citations() == ["desk-memo"]


def test_lenient_loading_reports_a_citation_nothing_resolves_where_it_is_written(tmp_path):
    write_library(user_library_dir(), topics={"team": {"team-view": ["desk-memo"]}})
    loaded = load_libraries_leniently()
    assert loaded.left_out == (user_library_dir(),)
    [problem] = loaded.problems
    assert (problem.file, problem.line, problem.message) == (
        user_library_dir() / "topics" / "team.yaml",
        12,
        "unknown source 'desk-memo'",
    )
