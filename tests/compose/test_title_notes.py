"""The title slide's speaker notes: what the library's slides summarise, from each library's about.yaml."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import ContentError

FIXTURE = Path(__file__).parents[1] / "data" / "library"


def _title(deck):
    return next(s for s in deck.slides if s.kind == "title")


def test_the_title_slide_introduces_the_article_and_its_author(real_library):
    deck = compose(real_library, Brief(title="Key judgments", topics=["summits"], depth="key"))
    notes = _title(deck).notes
    assert notes.startswith("The library slides in this deck are our summary of Elizabeth Wishnick’s article")
    assert "Center for Naval Analyses" in notes and "Weatherhead East Asian Institute at Columbia University" in notes
    assert "Sources:" not in notes


def test_a_library_without_about_gives_the_title_slide_no_notes(fixture_library, fixture_brief):
    assert fixture_library.about == ()
    assert _title(compose(fixture_library, fixture_brief)).notes == ""


def test_about_text_is_not_a_template(fixture_library, fixture_brief):
    # A library's description is shown as written: braces in it are not Jinja2.
    library = dataclasses.replace(fixture_library, about=("Written by {{ brief.title }}.",))
    assert _title(compose(library, fixture_brief)).notes == "Written by {{ brief.title }}."


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "library")
    return tmp_path / "library"


def test_about_yaml_is_read_with_the_library(library_dir):
    (library_dir / "about.yaml").write_text("about: |\n  A summary of the fixture article.\n", encoding="utf-8")
    assert load_library(library_dir).about == ("A summary of the fixture article.",)


def test_a_bad_about_yaml_names_the_file_line_and_key(library_dir):
    (library_dir / "about.yaml").write_text("about: A summary.\nabuot: typo\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library(library_dir)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (library_dir / "about.yaml", 2, "abuot")
