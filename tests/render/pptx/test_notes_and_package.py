"""Notes pages copied from the first one, and the package written in one pass."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from pptx import Presentation

from sinoru_brief.layout.pages import Page
from sinoru_brief.render.pptx.package import normalised_zip, package_bytes
from sinoru_brief.render.pptx.writer import build_presentation

STAMP = dt.datetime(2025, 2, 1)


def pages(notes: list[str]) -> list[Page]:
    return [Page(width=12_192_000, height=6_858_000, kind="bullets", key=f"s{i}", title=f"S{i}",
                 background="FFFFFF", notes=text) for i, text in enumerate(notes)]


def test_every_slide_gets_its_own_notes_page_with_its_own_text():
    prs = build_presentation(pages(["First & <one>", "", "Third\nin two paragraphs", "Fourth"]), title="T",
                             author="A", east_asian_font="Microsoft YaHei", stamp=STAMP)

    slides = list(Presentation(io.BytesIO(package_bytes(prs))).slides)
    assert [s.has_notes_slide for s in slides] == [True, False, True, True]
    assert [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide] == [
        "First & <one>", "Third\nin two paragraphs", "Fourth"]
    parts = {s.notes_slide.part.partname for s in slides if s.has_notes_slide}
    assert len(parts) == 3
    # Each notes page points back at its own slide.
    for slide in slides:
        if slide.has_notes_slide:
            assert slide.notes_slide.part.part_related_by(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide") is slide.part


def test_the_package_is_what_saving_and_normalising_give():
    def build():
        return build_presentation(pages(["a", "b"]), title="T", author="A", east_asian_font="SimSun", stamp=STAMP)

    saved = io.BytesIO()
    build().save(saved)

    direct = package_bytes(build())
    assert direct == normalised_zip(saved.getvalue())
    names = zipfile.ZipFile(io.BytesIO(direct)).namelist()
    assert names[0] == "[Content_Types].xml" and names == sorted(names)
