"""The template's ``structure.references`` key: per depth, full reference slides or one Sources slide."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.content.models import DEPTHS
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.loader import builtin_template_names
from sinoru_brief.theme.model import FULL_REFERENCES, REFERENCE_FORMS, SOURCES_SLIDE, Structure
from sinoru_brief.theme.writer import save_theme
from tests.theme.test_template_errors import VALID, line_of, only_problem, write_template


def test_without_the_key_key_depth_gets_a_sources_slide_and_the_others_full_references(tmp_path):
    structure = load_theme(write_template(tmp_path / "t", VALID)).structure
    assert [structure.reference_form(d) for d in DEPTHS] == [SOURCES_SLIDE, FULL_REFERENCES, FULL_REFERENCES]


@settings(max_examples=25, deadline=None)
@given(chosen=st.dictionaries(st.sampled_from(list(DEPTHS)), st.sampled_from(REFERENCE_FORMS)))
def test_each_depth_named_is_read_and_the_others_keep_their_default(tmp_path_factory, chosen):
    written = ", ".join(f"{depth}: {form}" for depth, form in chosen.items())
    folder = write_template(tmp_path_factory.mktemp("t"), VALID + f"structure:\n  references: {{{written}}}\n")
    structure = load_theme(folder).structure
    for depth in DEPTHS:
        assert structure.reference_form(depth) == chosen.get(depth, Structure().reference_form(depth))


def test_an_unknown_form_names_file_line_key_and_both_choices(tmp_path):
    text = VALID + "structure:\n  references:\n    standard: sourcs\n"
    folder = write_template(tmp_path / "t", text)
    problem = only_problem(folder)
    assert problem.file is not None and problem.file.name == "template.yaml"
    assert (problem.line, problem.key_path) == (line_of(text, "standard: sourcs"), "structure.references.standard")
    assert problem.message == "expected one of full, sources, got text 'sourcs'"
    assert problem.hint.startswith("did you mean 'sources'?")
    assert "'full' ends the deck with reference slides" in problem.hint
    assert "'sources' ends it with one Sources slide" in problem.hint


def test_an_unknown_depth_is_named_with_the_depths_there_are(tmp_path):
    text = VALID + "structure:\n  references:\n    executive: sources\n"
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "executive"), "structure.references.executive")
    assert problem.message == "unknown key 'executive' in references by depth"


def test_a_list_where_a_mapping_belongs_is_named(tmp_path):
    text = VALID + "structure:\n  references: [key]\n"
    problem = only_problem(write_template(tmp_path / "t", text))
    assert problem.key_path == "structure.references"
    assert "expected a references by depth (key: value pairs)" in problem.message


@pytest.mark.parametrize("name", builtin_template_names())
def test_built_in_looks_use_a_sources_slide_at_key_depth_only_and_keep_it_through_saving(tmp_path, name):
    theme = load_theme(name)
    assert theme.structure == Structure()
    assert [theme.structure.reference_form(d) for d in DEPTHS] == [SOURCES_SLIDE, FULL_REFERENCES, FULL_REFERENCES]
    changed = Structure(references=(("key", FULL_REFERENCES), ("standard", SOURCES_SLIDE), ("full", SOURCES_SLIDE)))
    saved = save_theme(dataclasses.replace(theme, structure=changed), tmp_path / name)
    assert saved.structure == changed


def test_a_depth_the_structure_does_not_name_gets_full_references():
    assert Structure(references=()).reference_form("key") == FULL_REFERENCES
