"""``sinoru-brief export --brief`` with the user's own slides: the .pptx has them, cited, and bad ones fail cleanly."""

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
  - id: our-assessment
    after: alpha-key
    title: Our assessment
    bullets:
      - text: The partnership deepens
        cite: [ru-2024-statement]
        sub:
          - text: but stays short of an alliance
      - text: Our own judgment
    notes: Say this slowly.
overrides:
  beta-table:
    notes: Our notes for the table.
"""


def slide_texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def test_export_writes_the_users_slide_with_its_citation_and_reference(tmp_path, capsys):
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF, encoding="utf-8")
    assert main(["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().err == ""
    slides = list(Presentation(str(out)).slides)
    [own] = [s for s in slides if "Our assessment" in slide_texts(s)]
    text = slide_texts(own)
    assert "The partnership deepens" in text and "but stays short of an alliance" in text
    assert "Our own judgment" in text
    notes = own.notes_slide.notes_text_frame.text
    assert notes.startswith("Say this slowly.")
    # The marker and the notes use the deck's number for the source, as compose gives it, and the
    # Sources slide that closes this key-depth deck holds its full reference in its notes.
    deck = compose(load_library(FIXTURE_LIBRARY), load_brief(brief))
    number = deck.numbers["ru-2024-statement"]
    reference = deck.reference(number).text
    assert number > 1  # alpha-key, before it, cites other sources first
    assert f"[{number}] {reference}" in notes
    assert str(number) in [
        run.text for shape in own.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs
    ]
    later = slides[slides.index(own) :]
    assert f"{number}" in text and any(f"[{number}] {reference}" in s.notes_slide.notes_text_frame.text for s in later)
    assert "Statement in Russian" in "\n".join(slide_texts(s) for s in later if slide_texts(s).startswith("Sources\n"))
    table_notes = [s.notes_slide.notes_text_frame.text for s in slides if "A table of events" in slide_texts(s)]
    assert table_notes and table_notes[0].startswith("Our notes for the table.")


def test_an_unknown_citation_in_the_brief_fails_with_file_line_and_key(tmp_path, capsys):
    brief, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    brief.write_text(BRIEF.replace("cite: [ru-2024-statement]", "cite: [ru-2024-statment]"), encoding="utf-8")
    assert main(["export", "--content", str(FIXTURE_LIBRARY), "--brief", str(brief), "-o", str(out)]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines() == [
        f"sinoru-brief: brief error: {brief}:10: custom_slides[0].bullets[0].cite[0]: unknown source "
        "'ru-2024-statment' (did you mean 'ru-2024-statement'?)"
    ]
    assert not out.exists()
