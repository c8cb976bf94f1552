"""Render the exported full library through LibreOffice, as a real client would, and check the text.

Every word LibreOffice draws must lie inside the slide and inside the frame
(text box, table or chart) that holds it, not merely inside some frame (see
:mod:`support.drawn_words`): the proof that our layout's line breaks and
sizes hold in a real client, with nothing overflowing.
"""

from __future__ import annotations

import pytest
from support.drawn_words import drawn_words, misplaced_words

from sinoru_brief.theme import builtin_template_names
from sinoru_brief.units import EMU_PER_POINT

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module", params=builtin_template_names())
def full_export(request, full_library_pdf, tmp_path_factory):
    result, pdf = full_library_pdf(request.param)
    return result, pdf, drawn_words(pdf, tmp_path_factory.mktemp("lo") / "full.html")


def test_every_page_converts(full_export):
    result, _, drawn = full_export
    assert len(drawn) == len(result.pages)


def test_every_word_lies_inside_the_slide_and_its_frame(full_export):
    result, _, drawn = full_export
    failures = []
    for page, (width, height, words) in zip(result.pages, drawn, strict=True):
        assert abs(width - page.width / EMU_PER_POINT) < 1 and abs(height - page.height / EMU_PER_POINT) < 1
        failures.extend(misplaced_words(page, words, width, height))
    assert not failures, "\n".join(map(str, failures[:20]))
