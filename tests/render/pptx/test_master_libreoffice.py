"""Decks built on every sample master render in LibreOffice at the master's size with all text inside its boxes.

The same check as tests/render/test_libreoffice.py, on masters: every word
LibreOffice draws lies inside the slide and inside the frame (text box,
placeholder, table or chart) that holds it, so titles and footers put into the
master's placeholders keep our positions, sizes and line breaks. Words the
layout itself draws (its own text boxes) are allowed where the layout puts them.
"""

from __future__ import annotations

import pytest
from render.pptx.test_master_export import NAMES, TEMPLATES, export_on_master, fixture_deck_brief
from support.drawn_words import drawn_words, misplaced_words, static_text
from support.libreoffice import run_libreoffice

from sinoru_brief.units import EMU_PER_POINT

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def rendered(fixture_library, libreoffice, tmp_path_factory):
    """Export the fixture deck on every master and convert them all in one LibreOffice run."""
    out = tmp_path_factory.mktemp("masters-lo")
    builds = {}
    for name in NAMES:
        result, data = export_on_master(fixture_library, fixture_deck_brief(["alpha", "beta"]), TEMPLATES / name)
        (out / name).write_bytes(data)
        builds[name] = result
    run_libreoffice(libreoffice, out, [out / n for n in NAMES])
    pages = {}
    for name in NAMES:
        pdf = out / name.replace(".pptx", ".pdf")
        assert pdf.is_file(), f"LibreOffice wrote no PDF for {name}"
        pages[name] = drawn_words(pdf, out / name.replace(".pptx", ".html"))
    return builds, pages


@pytest.mark.parametrize("name", NAMES)
def test_every_page_renders_at_the_masters_size(rendered, name):
    builds, pages = rendered
    result = builds[name]
    master = result.theme.master
    assert len(pages[name]) == len(result.pages)
    for width, height, _ in pages[name]:
        assert abs(width - master.width / EMU_PER_POINT) < 1 and abs(height - master.height / EMU_PER_POINT) < 1


@pytest.mark.parametrize("name", NAMES)
def test_every_word_lies_inside_the_slide_and_its_frame(rendered, name):
    builds, pages = rendered
    result = builds[name]
    failures = []
    for page, (width, height, words) in zip(result.pages, pages[name], strict=True):
        failures.extend(misplaced_words(page, words, width, height, static_text(result.theme.master, page.kind)))
    assert not failures, "\n".join(map(str, failures[:20]))
