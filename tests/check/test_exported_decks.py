"""Every deck the pipeline exports, in each built-in look, passes ``check`` but for the writer's known gaps.

The one known gap is listed with its reason, and a finding outside it fails
the test: a timeline is read in date order, which the visual-order rule
warns about. The fixture deck must pass with no finding at all.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.check import check_bytes
from sinoru_brief.pipeline import build, render_pptx
from sinoru_brief.theme import builtin_template_names, load_theme

KNOWN_GAPS = {
    "reading-order": "a timeline is read event by event in date order, its labels alternating above and below "
                     "the axis, and its years last (a reading order a screen reader can follow, not the visual one)",
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


def test_exported_decks_pass_the_check_completely(report):
    assert [str(f) for f in report.findings] == []


@pytest.mark.parametrize("look", ["briefing", "plain"])
def test_the_full_library_has_only_the_timelines_reading_order(real_library, look):
    brief = Brief(title="Full deck", date=dt.date(2025, 2, 1), topics=real_library.topic_ids(), depth="full",
                  template=look)
    result = build(brief, library=real_library, theme=load_theme(look))
    findings = check_bytes(render_pptx(result)).findings
    timelines = {i for i, page in enumerate(result.pages, start=1) if page.kind == "timeline"}
    assert [str(f) for f in findings if f.rule != "reading-order" or f.slide not in timelines] == []
