"""Import a Zotero .bib, cite one of its works from a slide of the user's own, export: the deck cites it."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from sinoru_brief.brief import load_brief
from sinoru_brief.cli import EXIT_OK, main
from sinoru_brief.compose import compose
from sinoru_brief.content import load_libraries

DATA = Path(__file__).parent / "data"
IMPORTED = "lukin-2023-rossiysko-kitayskie-otnosheniya"
BRIEF = f"""title: Imported sources
topics: [summits]
depth: key
custom_slides:
  - id: our-reading
    after: start:summits
    title: Our reading of the Russian debate
    bullets:
      - text: Moscow's commentators call the relationship a new era
        cite: [{IMPORTED}]
    notes: From the desk's own Zotero library.
"""


def slide_texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_an_imported_source_is_numbered_cited_and_listed(tmp_path: Path, capsys):
    library = tmp_path / "desk-library"
    assert main(["sources", "import", str(DATA / "zotero.bib"), "-o", str(library / "sources.yaml")]) == EXIT_OK
    assert IMPORTED in capsys.readouterr().out
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF, encoding="utf-8")

    assert main(["export", "--content", str(library), "--brief", str(brief), "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().err == ""

    deck = compose(load_libraries([library]), load_brief(brief))
    number = deck.numbers[IMPORTED]
    reference = deck.reference(number).text
    assert "Российско-китайские отношения в новую эпоху" in reference and "Лукин" in reference
    slides = list(Presentation(str(out)).slides)
    [own] = [s for s in slides if "Our reading of the Russian debate" in slide_texts(s)]
    marker_runs = [
        run
        for shape in own.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
        if run.text == str(number)
    ]
    assert marker_runs and all(int(run.font._rPr.get("baseline", "0")) > 0 for run in marker_runs)
    assert f"[{number}] {reference}" in own.notes_slide.notes_text_frame.text
    # This key-depth deck closes with a Sources slide: a short entry on the slide, the full reference in its notes.
    [sources] = [s for s in slides[slides.index(own) + 1 :] if slide_texts(s).startswith("Sources\n")]
    assert "Lukin" in slide_texts(sources) or "Лукин" in slide_texts(sources)
    assert f"[{number}] {reference}" in sources.notes_slide.notes_text_frame.text
