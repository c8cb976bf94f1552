"""Every deck the pipeline exports, in each built-in look, passes ``check`` but for the writer's known gaps.

The gaps are findings about the .pptx writer (not this package); each is
listed with its reason, and a finding outside them fails the test. The second
test asks for a clean pass and is expected to fail until the writer closes
the gaps; when it starts passing, empty :data:`KNOWN_GAPS`.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.check import check_bytes
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import builtin_template_names, load_theme

KNOWN_GAPS = {
    "slide-title": "the writer draws titles as text boxes, not title placeholders",
    "reading-order": "a timeline lists each year before the label drawn above it",
}


@pytest.fixture(scope="module", params=builtin_template_names())
def report(request, fixture_library):
    brief = Brief(title="Fixture deck", author="Tester", date=dt.date(2025, 2, 1), topics=["alpha", "beta"],
                  depth="full", template=request.param)
    return check_bytes(render_pptx(build(brief, library=fixture_library, theme=load_theme(request.param))))


def test_the_three_looks_are_checked():
    assert set(builtin_template_names()) >= {"briefing", "academic", "plain"}


def test_exported_decks_have_no_findings_beyond_the_known_gaps(report):
    unexpected = [str(f) for f in report.findings if f.rule not in KNOWN_GAPS]
    assert unexpected == []
    assert report.notes == []  # the schema check ran


@pytest.mark.xfail(reason="the writer's known gaps: " + "; ".join(KNOWN_GAPS.values()), strict=False)
def test_exported_decks_pass_the_check_completely(report):
    assert [str(f) for f in report.findings] == []
