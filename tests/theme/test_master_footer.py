"""A master's own footer wording is kept: the organisation's footer stays on every slide unless the brief sets one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation

from sinoru_brief import pipeline
from sinoru_brief.brief.look import apply_look
from sinoru_brief.brief.model import Brief
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.master import load_master

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "pptx-templates"
WITH_FOOTER = TEMPLATES / "pandoc__footer-basic-reference.pptx"  # "this is the footer" on every layout
PROMPT_ONLY = TEMPLATES / "automizer__SlideDimensions1.pptx"  # "<footer>" in the master's placeholder only
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


def _footer_on(master: Path, real_library, brief: Brief | None = None) -> tuple[str, list[str]]:
    """Return the deck's footer and the text of each exported slide's footer placeholder."""
    brief = brief or Brief(topics=["summits"], title="Our deck")
    theme = apply_look(load_theme("briefing", master=master), brief.look)  # as the app and export --brief do
    result = pipeline.build(brief, library=real_library, theme=theme)
    deck = Presentation(io.BytesIO(pipeline.render_pptx(result)))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.placeholders
        if shape.placeholder_format.type is not None and "FOOTER" in str(shape.placeholder_format.type)
    ]
    return result.deck.footer, texts


def test_the_masters_footer_wording_is_on_every_numbered_slide(real_library):
    footer, placed = _footer_on(WITH_FOOTER, real_library)
    assert footer == "this is the footer"
    assert placed and set(placed) == {"this is the footer"}


def test_a_prompt_in_the_masters_own_placeholder_is_not_taken_for_wording(real_library):
    assert load_master(PROMPT_ONLY).masters[0].footer_text() == ""
    footer, _ = _footer_on(PROMPT_ONLY, real_library)
    assert footer == "Our deck"


def test_the_briefs_own_footer_wins_over_the_masters(real_library):
    brief = Brief(topics=["summits"], title="Our deck", look={"footer": "Ours · {{ brief.title }}"})
    footer, placed = _footer_on(WITH_FOOTER, real_library, brief)
    assert footer == "Ours · Our deck"
    assert set(placed) == {"Ours · Our deck"}


@pytest.mark.parametrize("wording", ["Q{{ 1 }} {% if %} – RESTRICTED", "Office of Net Assessment {# not a comment #}"])
def test_the_masters_wording_is_text_not_a_template(real_library, tmp_path, wording):
    deck = Presentation(str(WITH_FOOTER))
    for layout in deck.slide_masters[0].slide_layouts:
        for sp in layout._element.iterfind("p:cSld/p:spTree/p:sp", NS):
            ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
            if ph is not None and ph.get("type") == "ftr":
                runs = sp.findall(".//a:t", NS)
                runs[0].text = wording
                for extra in runs[1:]:
                    extra.text = ""
    master = tmp_path / "braces.pptx"
    deck.save(str(master))
    footer, _ = _footer_on(master, real_library)
    assert footer == wording


def test_layouts_that_disagree_give_no_wording(tmp_path):
    deck = Presentation(str(WITH_FOOTER))
    layout = deck.slide_masters[0].slide_layouts[1]
    for sp in layout._element.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is not None and ph.get("type") == "ftr":
            sp.findall(".//a:t", NS)[0].text = "something else"
    master = tmp_path / "mixed.pptx"
    deck.save(str(master))
    assert load_master(master).masters[0].footer_text() == ""
