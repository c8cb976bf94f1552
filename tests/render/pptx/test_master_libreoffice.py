"""Decks built on every sample master render in LibreOffice at the master's size with all text inside its boxes.

The same check as tests/render/test_libreoffice.py, on masters: every word
LibreOffice draws lies inside the slide and inside the frame (text box,
placeholder, table or chart) that holds it, so titles and footers put into the
master's placeholders keep our positions, sizes and line breaks. Words the
layout itself draws (its own text boxes) are allowed where the layout puts them.
"""

from __future__ import annotations

import subprocess

import pytest

from render.pptx.test_master_export import NAMES, TEMPLATES, export_on_master, fixture_deck_brief
from render.test_libreoffice import _holds, _inside, _rect, _words
from sinoru_brief.layout.pages import ChartFrame, TableFrame, TextFrame
from sinoru_brief.theme.mapping import mapping
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
    subprocess.run([libreoffice, f"-env:UserInstallation=file://{out / 'lo-profile'}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(out), *(str(out / n) for n in NAMES)],
                   check=True, capture_output=True, timeout=600)
    pages = {}
    for name in NAMES:
        pdf = out / name.replace(".pptx", ".pdf")
        assert pdf.is_file(), f"LibreOffice wrote no PDF for {name}"
        bbox = out / name.replace(".pptx", ".html")
        subprocess.run(["pdftotext", "-bbox-layout", str(pdf), str(bbox)], check=True, timeout=120)
        pages[name] = _words(bbox)
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
    chosen = mapping(result.theme.master)
    failures = []
    for page, (width, height, words) in zip(result.pages, pages[name], strict=True):
        frames = [b for b in page.boxes if isinstance(b, TextFrame | TableFrame | ChartFrame)]
        drawn_by_layout = _layout_text(result.theme.master, chosen.for_kind(page.kind))
        for word in words:
            if not _inside(word, (0, 0, width, height), slack=0):
                failures.append((page.number, page.key, word, "outside the slide"))
            elif not any(_inside(word, _rect(f)) and _holds(f, word[0]) for f in frames) and not any(
                    word[0] in text and _inside(word, rect) for text, rect in drawn_by_layout):
                failures.append((page.number, page.key, word, "outside its frame"))
    assert not failures, "\n".join(map(str, failures[:20]))


def _layout_text(master, choice) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Return the text the slide's layout (and its master, if shown) draws by itself, with its box in points."""
    if choice.hide_shapes:
        return []
    layout = choice.layout
    texts = list(layout.static_text)
    if layout.shows_master_shapes:
        texts += list(master.masters[layout.master].static_text)
    return [(t.text, _rect(t.rect)) for t in texts if t.rect is not None]
