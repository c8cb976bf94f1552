"""The title slide's organisation, presenter and marking come from the CLI's flags or the brief file."""

from __future__ import annotations

from conftest import FIXTURE_LIBRARY
from pptx import Presentation

from sinoru_brief.brief import Brief, save_brief
from sinoru_brief.cli import EXIT_OK, main


def title_slide_text(path) -> list[str]:
    slide = Presentation(str(path)).slides[0]
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def test_flags_put_the_lines_on_the_title_slide(tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    code = main(
        [
            "export",
            "--content",
            str(FIXTURE_LIBRARY),
            "--topics",
            "alpha",
            "--depth",
            "key",
            "--organisation",
            "Asia Desk",
            "--presenter",
            "J. Analyst",
            "--classification",
            "OFFICIAL",
            "-o",
            str(out),
        ]
    )
    assert code == EXIT_OK, capsys.readouterr().err
    texts = title_slide_text(out)
    assert "Asia Desk" in texts and "OFFICIAL" in texts
    assert any("Presented by J. Analyst" in t for t in texts)


def test_flags_override_the_brief_file_and_the_rest_is_kept(tmp_path, capsys):
    brief = tmp_path / "deck.brief.yaml"
    save_brief(
        Brief(title="T", topics=["alpha"], depth="key", organisation="From the file", classification="SECRET"), brief
    )
    out = tmp_path / "deck.pptx"
    code = main(
        [
            "export",
            "--content",
            str(FIXTURE_LIBRARY),
            "--brief",
            str(brief),
            "--classification",
            "UNCLASSIFIED",
            "-o",
            str(out),
        ]
    )
    assert code == EXIT_OK, capsys.readouterr().err
    texts = title_slide_text(out)
    assert "From the file" in texts and "UNCLASSIFIED" in texts and "SECRET" not in texts
