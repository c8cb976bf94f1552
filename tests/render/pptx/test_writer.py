"""The exported .pptx: reopens, holds what the deck says, is deterministic and written atomically."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from sinoru_brief.errors import ExportError
from sinoru_brief.pipeline import build, export, render_pptx


@pytest.fixture(scope="module")
def fixture_build(fixture_library):
    from sinoru_brief.brief import Brief

    brief = Brief(
        title="Fixture deck",
        subtitle="For tests",
        author="Tester",
        date=dt.date(2025, 2, 1),
        topics=["alpha", "beta"],
        depth="full",
    )
    return build(brief, library=fixture_library)


@pytest.fixture(scope="module")
def fixture_pptx(fixture_build):
    return render_pptx(fixture_build)


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_deck_reopens_with_every_page(fixture_build, fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    assert len(prs.slides) == len(fixture_build.pages)
    assert prs.slide_width == fixture_build.theme.width
    assert [s.name for s in prs.slides] == [p.key for p in fixture_build.pages]


def test_title_agenda_sections_and_references(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    slides = list(prs.slides)
    assert "Fixture deck" in _texts(slides[0])
    agenda = "\n".join(_texts(slides[1]))
    assert "Alpha topic" in agenda and "Beta topic" in agenda
    assert slides[2].name == "section:alpha"
    assert any("Alpha topic" in t for t in _texts(slides[2]))
    refs = [s for s in slides if s.name == "references"]
    assert refs and "关于测试的联合声明 [Joint Statement on Fixtures]" in "\n".join(_texts(refs[0]))


def test_claims_carry_superscript_markers_and_source_lines(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    slide = next(s for s in prs.slides if s.name == "alpha-key")
    runs = [r for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for r in p.runs]
    markers = [r for r in runs if r._r.get_or_add_rPr().get("baseline") == "30000"]
    # First use across the deck: the statement is 1, the article 2, the report 3.
    assert [m.text for m in markers] == ["1", "2", "3"]
    assert any(t.startswith("Sources: 1 ") for t in _texts(slide))


def test_notes_hold_notes_then_full_references(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    slide = next(s for s in prs.slides if s.name == "alpha-key")
    notes = slide.notes_slide.notes_text_frame.text
    assert notes.startswith("Read the key judgments aloud.")
    assert "[1] " in notes and "Joint Statement on Fixtures" in notes
    assert "[3] Reporter, Rita" in notes or "[3] Reporter, R" in notes


def test_slide_numbers_on_every_slide_but_the_title(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    for index, slide in enumerate(prs.slides, start=1):
        fields = slide._element.findall(".//" + qn("a:fld"))
        numbers = [f for f in fields if f.get("type") == "slidenum"]
        if index == 1:
            assert not numbers
        else:
            assert len(numbers) == 1 and numbers[0].findtext(qn("a:t")) == str(index)


def test_text_is_sized_explicitly_with_autofit_off(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
            assert body_pr.find(qn("a:noAutofit")) is not None or body_pr.find(qn("a:normAutofit")) is None
            assert body_pr.find(qn("a:spAutoFit")) is None
            for p in shape.text_frame.paragraphs:
                for r in p.runs:
                    assert r.font.size is not None
                    assert r._r.get_or_add_rPr().find(qn("a:ea")).get("typeface") == "Microsoft YaHei"


def test_charts_and_tables_are_native(fixture_pptx):
    prs = Presentation(io.BytesIO(fixture_pptx))
    chart_slide = next(s for s in prs.slides if s.name == "alpha-chart")
    chart = next(sh for sh in chart_slide.shapes if sh.has_chart).chart
    assert list(chart.plots[0].categories) == ["Oil", "Coal", "Gas"]
    assert list(chart.series[0].values) == [47.0, 46.0, 27.0]
    # Data labels carry the values: no value axis, gridlines or axis title to repeat them.
    assert not chart.value_axis.visible and not chart.value_axis.has_major_gridlines
    assert not chart.value_axis.has_title
    descr = next(sh for sh in chart_slide.shapes if sh.has_chart)._element.nvGraphicFramePr.cNvPr.get("descr")
    assert "Oil 47%" in descr
    table_slide = next(s for s in prs.slides if s.name == "beta-table")
    table = next(sh for sh in table_slide.shapes if sh.has_table).table
    assert [c.text for c in table.rows[0].cells] == ["Name", "When", "Where"]
    assert table.cell(1, 0).text == "First event"


def test_same_inputs_give_identical_bytes(fixture_build, fixture_pptx):
    assert render_pptx(fixture_build) == fixture_pptx


def test_zip_entries_sorted_with_fixed_times(fixture_pptx):
    archive = zipfile.ZipFile(io.BytesIO(fixture_pptx))
    names = archive.namelist()
    assert names == sorted(names) and names[0] == "[Content_Types].xml"
    assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_core_properties(fixture_build, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    prs = Presentation(io.BytesIO(render_pptx(fixture_build)))
    assert prs.core_properties.modified == dt.datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    prs = Presentation(io.BytesIO(render_pptx(fixture_build)))
    assert prs.core_properties.modified == dt.datetime(2025, 2, 1)


def test_failed_export_keeps_the_old_file(fixture_library, fixture_brief, tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sinoru_brief.atomic.os.replace", broken)
    with pytest.raises(ExportError) as error:
        export(fixture_brief, target, library=fixture_library)
    assert "disk is full" in str(error.value)
    assert target.read_bytes() == b"previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_export_to_missing_folder_is_a_clear_error(fixture_library, fixture_brief, tmp_path):
    with pytest.raises(ExportError) as error:
        export(fixture_brief, tmp_path / "nope" / "deck.pptx", library=fixture_library)
    assert "does not exist" in str(error.value)
