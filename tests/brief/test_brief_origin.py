"""Where a brief and a template wrote their texts, so an error in one names the file and line to fix."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief, SlideOverride, load_brief, save_brief
from sinoru_brief.compose import compose
from sinoru_brief.errors import BriefFileError, TemplateError
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import Snippets

BRIEF = """title: Deck
topics: [alpha]
overrides:
  alpha-key:
    title: "{{ nothing }}"
    bullets:
      "1": Fine
"""


def test_a_loaded_brief_knows_its_file_and_override_lines_without_saving_or_comparing_them(tmp_path):
    path = tmp_path / "deck.brief.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    brief = load_brief(path)
    assert brief.source_path == path
    assert brief.source_lines == {
        "overrides.alpha-key.title": (5, "{{ nothing }}"),
        "overrides.alpha-key.bullets.1": (7, "Fine"),
    }
    assert brief == Brief(
        title="Deck",
        subtitle="",
        topics=["alpha"],
        overrides={"alpha-key": SlideOverride(title="{{ nothing }}", bullets={"1": "Fine"})},
    )
    save_brief(brief, tmp_path / "again.brief.yaml")
    assert "source" not in (tmp_path / "again.brief.yaml").read_text(encoding="utf-8")


def test_an_override_error_names_the_line_only_while_the_text_is_as_written(tmp_path, fixture_library):
    path = tmp_path / "deck.brief.yaml"
    path.write_text(BRIEF, encoding="utf-8")
    brief = load_brief(path)
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, brief)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (path, 5, "overrides.alpha-key.title")
    # Changed in the app since: the file no longer holds that text, so no file is named.
    brief.overrides["alpha-key"].title = "{{ still_nothing }}"
    with pytest.raises(BriefFileError) as caught:
        compose(fixture_library, brief)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (None, None, "overrides.alpha-key.title")


def test_a_snippet_error_names_the_template_line_only_while_the_snippet_is_as_written(
    tmp_path, fixture_library, fixture_brief
):
    folder = tmp_path / "look"
    shutil.copytree(Path(__file__).parents[2] / "templates" / "briefing", folder)
    template = folder / "template.yaml"
    template.write_text(template.read_text(encoding="utf-8") + '  closing_text: "{{ nothing }}"\n', encoding="utf-8")
    theme = load_theme(folder)
    assert theme.snippets == Snippets(**{f.name: getattr(theme.snippets, f.name) for f in dataclasses.fields(Snippets)})
    with pytest.raises(TemplateError) as caught:
        compose(fixture_library, fixture_brief, theme.snippets)
    [problem] = caught.value.problems
    line = len(template.read_text(encoding="utf-8").splitlines())
    assert (problem.file, problem.line, problem.key_path) == (template.resolve(), line, "snippets.closing_text")
    edited = dataclasses.replace(theme.snippets, closing_text="{{ other }}")
    with pytest.raises(TemplateError) as caught:
        compose(fixture_library, fixture_brief, edited)
    assert (caught.value.problems[0].file, caught.value.problems[0].line) == (None, None)
