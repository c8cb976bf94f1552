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
    return [
        Page(
            width=12_192_000,
            height=6_858_000,
            kind="bullets",
            key=f"s{i}",
            title=f"S{i}",
            background="FFFFFF",
            notes=text,
        )
        for i, text in enumerate(notes)
    ]


def test_every_slide_gets_its_own_notes_page_with_its_own_text():
    prs = build_presentation(
        pages(["First & <one>", "", "Third\nin two paragraphs", "Fourth"]),
        title="T",
        author="A",
        east_asian_font="Microsoft YaHei",
        stamp=STAMP,
    )

    slides = list(Presentation(io.BytesIO(package_bytes(prs))).slides)
    assert [s.has_notes_slide for s in slides] == [True, False, True, True]
    assert [s.notes_slide.notes_text_frame.text for s in slides if s.has_notes_slide] == [
        "First & <one>",
        "Third\nin two paragraphs",
        "Fourth",
    ]
    parts = {s.notes_slide.part.partname for s in slides if s.has_notes_slide}
    assert len(parts) == 3
    # Each notes page points back at its own slide.
    for slide in slides:
        if slide.has_notes_slide:
            assert (
                slide.notes_slide.part.part_related_by(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
                )
                is slide.part
            )


def test_the_package_is_what_saving_and_normalising_give():
    def build():
        return build_presentation(pages(["a", "b"]), title="T", author="A", east_asian_font="SimSun", stamp=STAMP)

    saved = io.BytesIO()
    build().save(saved)

    direct = package_bytes(build())
    assert direct == normalised_zip(saved.getvalue())
    names = zipfile.ZipFile(io.BytesIO(direct)).namelist()
    assert names[0] == "[Content_Types].xml" and names == sorted(names)


def test_notes_text_is_written_as_python_pptx_writes_it():
    from lxml import etree
    from pptx.oxml import parse_xml
    from pptx.text.text import TextFrame

    from sinoru_brief.render.pptx.notes import set_text
    from sinoru_brief.render.pptx.text import NSDECLS

    for notes in [
        "",
        "One line",
        "A & B < C",
        "Two\nparagraphs",
        "soft\vbreak\v",
        "\n\nblank lines\n",
        "bell\x07 and tab\t",
    ]:
        ours, theirs = (parse_xml(f"<p:txBody {NSDECLS}><a:bodyPr/><a:lstStyle/><a:p/></p:txBody>") for _ in range(2))
        set_text(ours, notes)
        TextFrame(theirs, None).text = notes
        assert etree.tostring(ours, method="c14n") == etree.tostring(theirs, method="c14n"), notes
