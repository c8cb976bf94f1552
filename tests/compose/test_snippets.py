"""Template snippets in composition: a broken one is a template error naming its key; custom ones are used."""

from __future__ import annotations

import pytest

from sinoru_brief.compose import compose
from sinoru_brief.errors import TemplateError
from sinoru_brief.theme.model import Snippets


def test_broken_theme_snippet_is_a_template_error(fixture_library, fixture_brief):
    with pytest.raises(TemplateError) as caught:
        compose(fixture_library, fixture_brief, Snippets(footer="{{ brief.titel }}"))
    [problem] = caught.value.problems
    assert problem.key_path == "snippets.footer"
    assert problem.message == "the template text 'footer' cannot be rendered: 'dict object' has no attribute 'titel'"


def test_custom_snippets_are_used(fixture_library, fixture_brief):
    snippets = Snippets(
        agenda_heading="Contents of {{ brief.title }}", closing_title="End", notes="{{ notes }}|{{ references }}"
    )
    deck = compose(fixture_library, fixture_brief, snippets)
    assert deck.slides[1].title == "Contents of Fixture deck"
    assert deck.slides[-1].title == "End"
    chart = next(s for s in deck.slides if s.key == "alpha-chart")
    assert chart.notes == f"The chart shows three shares.|[3] {deck.reference(3).text}"
