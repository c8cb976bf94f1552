"""``export --brief`` lays the deck out in the brief's look, exactly as the app shows it."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import Brief, load_brief, save_brief
from sinoru_brief.cli import EXIT_OK, main
from sinoru_brief.pipeline import build

LOOK = {
    "colors": {"accent": "C8102E", "title": "FFD700"},
    "sizes": {"body": [19.0, 14.0], "footer": 11.0},
    "banner": {"text": "LOOK OF THIS DECK", "color": "C8102E", "text_color": "FFFFFF"},
    "footer": "Ministry · {{ brief.title }}",
}


def texts(path: Path) -> list[str]:
    return [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in Presentation(str(path)).slides
    ]


def saved_brief(tmp_path: Path) -> Path:
    path = tmp_path / "deck.brief.yaml"
    save_brief(Brief(title="Looked", topics=["summits"], look=LOOK), path)
    return path


def test_export_applies_the_brief_look(tmp_path, capsys):
    out = tmp_path / "deck.pptx"
    assert main(["export", "--brief", str(saved_brief(tmp_path)), "-o", str(out)]) == EXIT_OK
    slides = texts(out)
    assert all("LOOK OF THIS DECK" in text for text in slides)
    assert any("Ministry · Looked" in text for text in slides)


def test_the_cli_lays_out_the_same_pages_as_the_app(tmp_path, real_library):
    brief = load_brief(saved_brief(tmp_path))
    app = DeckSession(real_library, brief).view()
    cli = build(brief, library=real_library)
    assert app.theme == cli.theme and app.theme.sizes.footer == 11.0
    assert app.pages == cli.pages


def test_another_template_on_the_command_line_drops_the_look(tmp_path):
    out = tmp_path / "deck.pptx"
    assert main(["export", "--brief", str(saved_brief(tmp_path)), "--template", "academic", "-o", str(out)]) == EXIT_OK
    assert not any("LOOK OF THIS DECK" in text for text in texts(out))
