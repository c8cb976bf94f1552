"""Slides written as text are the slides python-pptx's tree would hold, part for part.

The writer writes most slides' XML as text (``SlideXmlPart``) and later notes
pages by splicing their paragraphs into the first page's XML; a slide with a
chart stays a python-pptx slide. Forcing every slide through python-pptx's
tree (the path taken when slide ids run out) must give the same package, in
canonical XML, for every look, a master, a banner and logo, and any text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation
from render.pptx.test_xml_golden import GOLDEN, _from_plain, _options

from sinoru_brief.layout.pages import Page, Span, TextFrame
from sinoru_brief.render.pptx import notes as notes_module
from sinoru_brief.render.pptx.package import package_bytes, rels_xml
from sinoru_brief.render.pptx.slides import SlideAdder
from sinoru_brief.render.pptx.writer import build_presentation, pptx_bytes

CASES = ["briefing", "academic", "plain", "briefing-banner-logo", "briefing-on-master"]
STAMP = dt.datetime(2025, 2, 1)


def canonical_parts(data: bytes) -> dict[str, bytes]:
    """Return every member of the package *data*: XML in exclusive C14N, anything else as it is."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    parts = {}
    for name in archive.namelist():
        blob = archive.read(name)
        if name.endswith((".xml", ".rels")):
            blob = etree.tostring(etree.fromstring(blob), method="c14n", exclusive=True)
        parts[name] = blob
    return parts


def as_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the writer give every page a python-pptx slide, as it does when slide ids run out."""
    monkeypatch.setattr(SlideAdder, "add_xml", lambda self, layout: None)


def golden_pages(case: str) -> list[Page]:
    return list(_from_plain(json.loads((GOLDEN / f"{case}.pages.json").read_text(encoding="utf-8"))))


@pytest.mark.parametrize("case", CASES)
def test_text_slides_equal_python_pptx_slides_in_every_look(case, monkeypatch):
    pages = golden_pages(case)
    as_text = canonical_parts(pptx_bytes(pages, **_options(case)))
    with monkeypatch.context() as patch:
        as_trees(patch)
        as_python_pptx = canonical_parts(pptx_bytes(pages, **_options(case)))
    assert as_text.keys() == as_python_pptx.keys()
    for name in as_text:
        assert as_text[name] == as_python_pptx[name], name


def _retitled(pages: list[Page], title: str, notes: str) -> list[Page]:
    """Return *pages* with every title frame's text and every page's notes replaced."""
    out = []
    for page in pages:
        boxes = []
        for box in page.boxes:
            if isinstance(box, TextFrame) and box.role == "title" and box.paragraphs:
                first = box.paragraphs[0]
                span: Span = dataclasses.replace(first.spans[0], text=title)
                line = dataclasses.replace(first.lines[0], spans=(span,))
                box = dataclasses.replace(box, paragraphs=(dataclasses.replace(first, spans=(span,), lines=(line,)),))
            boxes.append(box)
        out.append(dataclasses.replace(page, boxes=boxes, notes=notes if page.notes else ""))
    return out


# Text a briefer may type: markup characters, quotes, CJK and Cyrillic, control characters, soft breaks.
_TEXT = st.lists(
    st.sampled_from(list("aZ &<>\"'\t\n\v\x07") + ["习近平", "Путин", "—", "\u00a0", "é"]), max_size=20
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT.filter(lambda t: "\n" not in t and "\v" not in t), notes=_TEXT)
def test_any_title_and_notes_text_is_written_the_same_both_ways(title, notes, monkeypatch):
    pages = _retitled(golden_pages("briefing")[:4], title or "x", notes or "n")
    write = dict(title="T", author="A", east_asian_font="Microsoft YaHei", stamp=STAMP, link_color="0B3D91")
    as_text = canonical_parts(package_bytes(build_presentation(pages, **write)))
    with monkeypatch.context() as patch:
        as_trees(patch)
        as_python_pptx = canonical_parts(package_bytes(build_presentation(pages, **write)))
    assert as_text == as_python_pptx


def test_rels_are_written_byte_for_byte_as_python_pptx_writes_them():
    pages = golden_pages("briefing-banner-logo")
    prs = build_presentation(pages, title="T", author="A", east_asian_font="SimSun", stamp=STAMP)
    parts = [part for part in prs.part.package.iter_parts() if part._rels]
    assert any(rel.is_external for part in parts for rel in part.rels.values()), "the deck has hyperlinks"
    for part in parts:
        assert rels_xml(part.rels, part.partname.baseURI) == part.rels.xml, part.partname


def test_a_notes_master_binding_drawingml_to_another_prefix_still_gets_each_pages_notes(monkeypatch):
    # If the first notes page's XML cannot be split around its text, later pages are made as trees.
    original = notes_module.paragraphs

    def spaced(text: str) -> str:  # the marker's paragraph as the XML will not hold it
        return original(text).replace("<a:p>", "<a:p >") if "\ue000" in text else original(text)

    monkeypatch.setattr(notes_module, "paragraphs", spaced)
    pages = golden_pages("plain")
    data = package_bytes(build_presentation(pages, title="T", author="A", east_asian_font="SimSun", stamp=STAMP))
    slides = list(Presentation(io.BytesIO(data)).slides)
    written = [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide]
    assert written == [page.notes for page in pages if page.notes]


def test_golden_cases_cover_text_slides_and_a_chart_slide():
    pages = [page for case in CASES for page in golden_pages(case)]
    kinds = {type(box).__name__ for page in pages for box in page.boxes}
    assert "ChartFrame" in kinds and "Picture" in kinds and "TableFrame" in kinds
    assert Path(GOLDEN).is_dir()
