"""``export --brief`` lays the deck out in the brief's look, exactly as the app shows it."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from sinoru_brief.app.session import DeckSession
from sinoru_brief.brief import Brief, load_brief, save_brief
from sinoru_brief.cli import EXIT_ERROR, EXIT_OK, main
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


MASTER = Path(__file__).parents[1] / "data" / "pptx-templates" / "pandoc__default-reference.pptx"


def test_export_on_a_master_keeps_the_brief_look(tmp_path):
    out = tmp_path / "deck.pptx"
    assert main(["export", "--brief", str(saved_brief(tmp_path)), "--master", str(MASTER), "-o", str(out)]) == EXIT_OK
    slides = texts(out)
    assert all("LOOK OF THIS DECK" in text for text in slides)
    assert any("Ministry · Looked" in text for text in slides)


def test_on_a_master_the_cli_lays_out_the_same_pages_as_the_app(tmp_path, real_library):
    """The app builds on a master through a template of the user's that holds it ("Use my PowerPoint template")."""
    from sinoru_brief.cli import _parser, deck_from_args
    from sinoru_brief.theme.copying import new_template

    brief_path = saved_brief(tmp_path)
    cli = deck_from_args(
        _parser().parse_args(["export", "--brief", str(brief_path), "--master", str(MASTER), "-o", "x"])
    )
    on_master = load_brief(brief_path)
    on_master.template = str(new_template("ours", "briefing", master=MASTER, folder=tmp_path / "templates"))
    app = DeckSession(real_library, on_master).view()
    assert cli.theme.master is not None and cli.theme.banner is not None
    assert cli.theme.banner.text == "LOOK OF THIS DECK"
    assert cli.pages == app.pages


def test_export_refuses_a_brief_whose_logo_is_gone_naming_file_line_key_and_the_fix(tmp_path, capsys):
    path, out = tmp_path / "deck.brief.yaml", tmp_path / "deck.pptx"
    path.write_text(
        "title: Looked\ntopics: [summits]\nlook:\n  banner: {text: OFFICIAL, color: '1F3864'}\n  logo: ministry.png\n",
        encoding="utf-8",
    )
    for command in (["export", "-o", str(out)], ["export", "-o", str(out.with_suffix(".pdf"))]):
        assert main([*command, "--brief", str(path)]) == EXIT_ERROR
        err = capsys.readouterr().err
        assert f"{path}:5: look.logo: the look's logo file '{tmp_path / 'ministry.png'}' is missing" in err
        assert "put the image back at that path" in err and "'logo: false'" in err
    assert not out.exists() and not out.with_suffix(".pdf").exists()
    # Another template drops the brief's look, logo and all, as the app does: that deck exports.
    assert main(["export", "--brief", str(path), "--template", "academic", "-o", str(out)]) == EXIT_OK
