"""A slide of the user's own with a title and no bullets ("Questions", "Discussion") stays in the deck.

It is one page with its title, its notes and no body frame, in every look,
wherever it is placed, and the .pptx has it too; a kind that cannot be empty
(key figures without figures) is refused when the brief is read.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from support.decks import FIXTURE_LIBRARY

from sinoru_brief.brief import Brief, CustomSlide, load_brief
from sinoru_brief.brief.model import SlideOverride
from sinoru_brief.cli import EXIT_ERROR, EXIT_OK, main
from sinoru_brief.content import load_library
from sinoru_brief.pipeline import BuildCache, build
from sinoru_brief.theme import builtin_template_names

LIBRARY = load_library(FIXTURE_LIBRARY)
CACHE = BuildCache(LIBRARY)
ANCHORS = ["start:alpha", "start:beta", *(s.id for t in LIBRARY.topics for s in t.slides)]
WORDS = st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), min_size=1, max_size=80).filter(str.strip)


def own_pages(brief: Brief, slide_id: str):
    result = build(brief, CACHE)  # raises if a page breaks a layout invariant
    return result, [p for p in result.pages if p.key == slide_id]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=WORDS,
    notes=st.text(alphabet=st.characters(categories=("L", "N", "Zs", "P")), max_size=300),
    after=st.sampled_from(ANCHORS),
    template=st.sampled_from(builtin_template_names()),
    depth=st.sampled_from(["key", "standard", "full"]),
)
def test_a_title_only_slide_is_one_page_with_its_title_and_notes_and_no_body(title, notes, after, template, depth):
    own = CustomSlide(id="questions", after=after, title=title.strip(), notes=notes)
    brief = Brief(topics=["alpha", "beta"], depth=depth, template=template, custom_slides=[own])
    result, [page] = own_pages(brief, "questions")
    assert [s.key for s in result.deck.slides].count("questions") == 1
    roles = [frame.role for frame in page.text_frames()]
    assert "body" not in roles and "source" not in roles  # no empty bullet frame, nothing cited
    [heading] = [frame for frame in page.text_frames() if frame.role == "title"]
    assert " ".join(heading.text.split()) == " ".join(own.title.split())
    if notes.strip():
        assert " ".join(notes.split())[:20] in " ".join(page.notes.split())


def test_a_title_only_slide_citing_a_source_keeps_its_source_line():
    own = CustomSlide(id="discussion", after="alpha-key", title="Discussion", cite=["ru-2024-statement"])
    result, [page] = own_pages(Brief(topics=["alpha"], depth="full", custom_slides=[own]), "discussion")
    number = result.deck.numbers["ru-2024-statement"]
    [source] = [frame for frame in page.text_frames() if frame.role == "source"]
    assert source.text.startswith(f"Sources: {number} ")
    assert not [frame for frame in page.text_frames() if frame.role == "body"]


def test_a_library_slide_whose_bullets_were_all_removed_keeps_its_title():
    brief = Brief(topics=["beta"], depth="full", overrides={"beta-bullets": SlideOverride(bullet_list=[])})
    _, [page] = own_pages(brief, "beta-bullets")
    assert page.title.startswith("Plain bullets as of")
    assert not [frame for frame in page.text_frames() if frame.role == "body"]


BRIEF = """title: Fixture deck
date: 2025-02-01
topics: [alpha, beta]
depth: key
custom_slides:
  - id: questions
    after: start:beta
    title: Questions
    notes: Take questions from the floor.
"""


@pytest.mark.parametrize("master", [None, "pandoc__default-reference.pptx"])
def test_the_cli_exports_a_title_only_slide_with_its_notes(tmp_path, capsys, master):
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF, encoding="utf-8")
    args = ["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(out)]
    if master:
        args += ["--master", str(FIXTURE_LIBRARY.parent / "pptx-templates" / master)]
    assert main(args) == EXIT_OK
    assert capsys.readouterr().err == ""
    slides = list(Presentation(str(out)).slides)
    [own] = [s for s in slides if s.shapes.title is not None and s.shapes.title.text_frame.text == "Questions"]
    assert own.notes_slide.notes_text_frame.text.startswith("Take questions from the floor.")
    framed = [shape for shape in own.shapes if shape.has_text_frame and shape != own.shapes.title]
    assert all(shape.text_frame.text.strip() for shape in framed)  # no empty frame left to fill in
    assert len(slides) == len(build(load_brief(brief), library=LIBRARY).pages)


def test_a_key_figures_slide_without_figures_is_refused_naming_file_line_and_key(tmp_path, capsys):
    brief = tmp_path / "deck.brief.yaml"
    brief.write_text(BRIEF.replace("    title: Questions\n", "    kind: key_figures\n    title: Questions\n"))
    args = ["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(tmp_path / "x.pptx")]
    assert main(args) == EXIT_ERROR
    err = capsys.readouterr().err
    assert f"{brief}:6:5: custom_slides[0]: a key-figures slide needs 'figures:'" in err
    assert not (tmp_path / "x.pptx").exists()
