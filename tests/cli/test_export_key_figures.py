"""``sinoru-brief export --brief`` with a key-figures slide of the user's own: values, markers, notes and check."""

from __future__ import annotations

from pptx import Presentation
from support.decks import FIXTURE_LIBRARY

from sinoru_brief.brief import load_brief
from sinoru_brief.cli import EXIT_ERROR, EXIT_OK, main
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library

BRIEF = """title: Fixture deck
topics: [alpha, beta]
depth: key
custom_slides:
  - id: our-figures
    after: alpha-key
    kind: key_figures
    title: Three numbers that matter
    figures:
      - value: "78%"
        label: of the trade is settled in roubles and yuan
        cite: [ru-2024-statement]
      - value: $245 bn
        label: bilateral trade in 2024, 中俄贸易额
        cite: [article-2025, ru-2024-statement]
      - value: 96%
        label: товарооборот в национальных валютах
    notes: Say these slowly.
    briefer: Round the numbers if asked.
"""


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_export_sets_the_figures_with_markers_and_their_references_in_the_notes(tmp_path, capsys):
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF, encoding="utf-8")
    assert main(["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().err == ""
    [own] = [s for s in Presentation(str(out)).slides if "Three numbers that matter" in _texts(s)]
    deck = compose(load_library(FIXTURE_LIBRARY), load_brief(brief))
    statement, article = deck.numbers["ru-2024-statement"], deck.numbers["article-2025"]
    texts = _texts(own)
    # Each value carries its own marker as a superscript run; the labels are there whole.
    assert f"78%{statement}" in texts and f"$245 bn{article},{statement}" in texts and "96%" in texts
    superscripts = [
        run.text
        for shape in own.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
        if run.font._rPr.get("baseline")
    ]
    assert superscripts == [str(statement), f"{article},{statement}"]
    assert "bilateral trade in 2024, 中俄贸易额" in texts and "товарооборот в национальных валютах" in texts
    assert any(t.startswith("Sources: ") and "Statement in Russian" in t for t in texts)
    notes = own.notes_slide.notes_text_frame.text
    assert notes.startswith("Say these slowly.") and "For the briefer: Round the numbers if asked." in notes
    for number in (statement, article):
        assert f"[{number}] {deck.reference(number).text}" in notes
    # The deck passes the validity and accessibility check.
    assert main(["check", str(out)]) == EXIT_OK
    assert "passes the check" in capsys.readouterr().out


def test_export_refuses_an_unknown_source_in_a_figure_naming_the_line(tmp_path, capsys):
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF.replace("cite: [article-2025, ru-2024-statement]", "cite: [article-2052]"), encoding="utf-8")
    assert main(["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert f"{brief}:15: custom_slides[0].figures[1].cite[0]: unknown source 'article-2052'" in err
    assert "did you mean 'article-2025'?" in err and "Traceback" not in err
    assert not out.exists()
