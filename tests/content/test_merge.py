"""Merging libraries: everything of every library together, cross-library citations, clashes named in both files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.own_library import write_library

from sinoru_brief.content.loader import load_part
from sinoru_brief.content.merge import merge_parts
from sinoru_brief.content.models import Origin, Source, Topic
from sinoru_brief.content.parts import IdSite, LibraryPart


def part(root: Path, *, complete: bool = False) -> LibraryPart:
    loaded = load_part(root, complete=complete)
    assert loaded.problems == (), [str(p) for p in loaded.problems]
    return loaded


def test_slides_topics_and_sources_of_all_libraries_are_merged_and_may_cite_across(tmp_path):
    team = write_library(tmp_path / "team", sources=["team-memo"], topics={"team": {"team-view": ["desk-note"]}})
    desk = write_library(tmp_path / "desk", sources=["desk-note"], topics={"desk": {"desk-view": ["team-memo"]}})
    merged = merge_parts([part(team), part(desk)])
    assert merged.problems == ()
    library = merged.library
    assert sorted(library.sources) == ["desk-note", "team-memo"]
    assert library.topic_ids() == ["desk", "team"]  # same order value: sorted by id
    assert library.slide("team-view").citations() == ["desk-note"]
    assert library.slide("desk-view").topic_id == "desk"
    assert library.root == team


def test_a_library_of_sources_only_serves_a_library_of_topics_only(tmp_path):
    sources = write_library(tmp_path / "sources", sources=["only-source"])
    topics = write_library(tmp_path / "topics", topics={"solo": {"solo-slide": ["only-source"]}})
    assert part(sources).topics == () and part(topics).sources == {}
    merged = merge_parts([part(topics), part(sources)])
    assert merged.problems == ()
    assert merged.library.slide("solo-slide").citations() == ["only-source"]


def test_a_citation_no_library_resolves_names_its_place_and_suggests(tmp_path):
    sources = write_library(tmp_path / "sources", sources=["memo-2024"])
    topics = write_library(tmp_path / "topics", topics={"solo": {"solo-slide": ["memo-2042"]}})
    [problem] = merge_parts([part(sources), part(topics)]).problems
    assert (problem.file, problem.line, problem.key_path) == (
        topics / "topics" / "solo.yaml",
        12,
        "slides[0].bullets[0].cite[0]",
    )
    assert (problem.message, problem.hint) == ("unknown source 'memo-2042'", "did you mean 'memo-2024'?")


def test_a_source_id_in_two_libraries_names_both_files_and_lines_and_the_fix(tmp_path):
    first = write_library(tmp_path / "first", sources=["alpha", "shared"])
    second = write_library(tmp_path / "second", sources=["beta", "shared"])
    merged = merge_parts([part(first), part(second)])
    [problem] = merged.problems
    assert str(problem) == (
        f"{second / 'sources.yaml'}:5:7: [1].id: duplicate source id 'shared' (it is already used at "
        f"{first / 'sources.yaml'}:5, in the library {first}; source ids must be unique across all libraries: "
        "rename one of them (and the slides that cite it), or delete this copy: a slide may cite a source "
        "of any library)"
    )
    # The first library keeps the id.
    assert merged.library.sources["shared"].origin.file == first / "sources.yaml"


def test_a_topic_id_in_two_libraries_is_one_error_not_one_per_slide(tmp_path):
    first = write_library(tmp_path / "first", sources=["s"], topics={"shared": {"one": ["s"], "two": ["s"]}})
    second = write_library(tmp_path / "second", topics={"shared": {"one": ["s"], "two": ["s"]}})
    merged = merge_parts([part(first), part(second)])
    [problem] = merged.problems
    assert (problem.file, problem.line, problem.column, problem.key_path) == (
        second / "topics" / "shared.yaml",
        1,
        5,
        "id",
    )
    assert problem.message == "duplicate topic id 'shared'"
    assert f"already used at {first / 'topics' / 'shared.yaml'}:1, in the library {first}" in problem.hint
    assert "rename one of the topic files and the id: in it" in problem.hint
    assert merged.library.topic("shared").origin.file == first / "topics" / "shared.yaml"


def test_a_slide_id_in_two_libraries_names_both_and_the_merged_library_keeps_the_first(tmp_path):
    first = write_library(tmp_path / "first", sources=["s"], topics={"red": {"keep": ["s"], "same": ["s"]}})
    second = write_library(tmp_path / "second", topics={"blue": {"own": ["s"], "same": ["s"]}})
    merged = merge_parts([part(first), part(second)])
    [problem] = merged.problems
    assert (problem.file, problem.line, problem.key_path) == (second / "topics" / "blue.yaml", 14, "slides[1].id")
    assert problem.message == "duplicate slide id 'same'"
    assert problem.hint == (
        f"it is already used at {first / 'topics' / 'red.yaml'}:14, in the library {first}; "
        "slide ids must be unique across all libraries: rename one of them"
    )
    assert merged.library.slide("same").topic_id == "red"
    assert [s.id for s in merged.library.topic("blue").slides] == ["own"]


def test_a_slide_id_twice_in_one_library_keeps_its_old_message(tmp_path):
    root = write_library(tmp_path / "lib", sources=["s"], topics={"red": {"x": ["s"]}, "blue": {"x": ["s"]}})
    [problem] = merge_parts([load_part(root, complete=False)]).problems
    assert problem.hint == (
        f"it is already used at {root / 'topics' / 'blue.yaml'}:7; slide ids must be unique across all topics"
    )


def test_a_broken_sources_file_in_any_library_silences_the_unknown_source_noise(tmp_path):
    good = write_library(tmp_path / "good", sources=["s"], topics={"red": {"x": ["s", "lost"]}})
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "sources.yaml").write_text("- id: [\n", encoding="utf-8")
    merged = merge_parts([part(good), load_part(broken, complete=False)])
    assert [p.file for p in merged.problems] == [broken / "sources.yaml"]


def test_partial_folders_need_one_of_the_two_files(tmp_path):
    (tmp_path / "empty").mkdir()
    [problem] = load_part(tmp_path / "empty", complete=False).problems
    assert problem.message == "the folder holds neither sources.yaml nor a topics folder"
    assert "sources.yaml, topics/<topic-id>.yaml files, or both" in problem.hint
    [missing] = load_part(tmp_path / "nowhere", complete=False).problems
    assert missing.message == "the content folder does not exist"


def test_no_parts_merge_into_an_empty_library():
    merged = merge_parts([])
    assert (merged.library.sources, merged.library.topics, merged.problems) == ({}, [], ())


# ------------------------------------------------------------------ the merge as a pure function

IDS = st.sampled_from(["a", "b", "c", "d", "e"])


def synthetic_part(index: int, source_ids: list[str], topic_ids: list[str]) -> LibraryPart:
    """Build a part in memory: sources and empty topics with the given ids, each at a line of its own file."""
    root = Path(f"/library-{index}")
    sources = {
        s: Source(id=s, csl={"id": s, "title": s}, origin=Origin(root / "sources.yaml", n + 1))
        for n, s in enumerate(dict.fromkeys(source_ids))
    }
    topics = tuple(
        Topic(
            id=t,
            title=t,
            summary="",
            as_of=dt.date(2025, 1, 1),
            order=1,
            slides=(),
            origin=Origin(root / "topics" / f"{t}.yaml", 1),
        )
        for t in dict.fromkeys(topic_ids)
    )
    ids = tuple(
        [IdSite("source", s, root / "sources.yaml", src.origin.line, 7) for s, src in sources.items()]
        + [IdSite("topic", t.id, root / "topics" / f"{t.id}.yaml", 1, 5) for t in topics]
    )
    return LibraryPart(root=root, sources=sources, topics=topics, ids=ids)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(IDS, max_size=4), st.lists(IDS, max_size=3)), max_size=4))
def test_every_id_is_kept_once_from_its_first_library_and_every_repeat_is_one_problem(libraries):
    parts = [synthetic_part(i, sources, topics) for i, (sources, topics) in enumerate(libraries)]
    merged = merge_parts(parts)
    source_ids = [s for p in parts for s in p.sources]
    topic_ids = [t.id for p in parts for t in p.topics]
    assert sorted(merged.library.sources) == sorted(set(source_ids))
    assert sorted(merged.library.topic_ids()) == sorted(set(topic_ids))
    for source_id, source in merged.library.sources.items():
        first = next(p for p in parts if source_id in p.sources)
        assert source.origin.file.parent == first.root
    repeats = len(source_ids) - len(set(source_ids)) + len(topic_ids) - len(set(topic_ids))
    assert len(merged.problems) == repeats
    for problem in merged.problems:
        # Reported in the later library, naming the earlier one that keeps the id.
        assert problem.message.startswith("duplicate ")
        earlier = problem.hint.split("in the library ")[1].split(";")[0]
        assert int(earlier.rsplit("-", 1)[1]) < int(problem.file.parts[1].rsplit("-", 1)[1])


@pytest.mark.parametrize("complete", [True, False])
def test_load_part_reads_the_fixture_library_as_load_library_does(complete, fixture_library):
    loaded = load_part(Path(__file__).parents[1] / "data" / "library", complete=complete)
    merged = merge_parts([loaded])
    assert merged.problems == ()
    assert merged.library.topic_ids() == fixture_library.topic_ids()
    assert merged.library.sources == fixture_library.sources
