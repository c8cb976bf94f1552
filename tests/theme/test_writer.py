"""Saving a theme as a template folder: what is written loads back as the same theme."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sinoru_brief.errors import TemplateError
from sinoru_brief.theme import builtin_template_names, load_theme
from sinoru_brief.theme.model import Banner, Fonts, Snippets, Theme
from sinoru_brief.theme.writer import MASTER_FILE, WORK_FOLDER, save_theme, theme_yaml
from sinoru_brief.units import inches

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"


def same_look(a: Theme, b: Theme) -> bool:
    """Return whether *a* and *b* look the same: equal but for their folders and file locations.

    A saved theme lives in another folder than the one it was edited from, so
    its logo and master have other paths; their contents must match.
    """

    def bytes_of(path: Path | None) -> bytes | None:
        return Path(path).read_bytes() if path else None

    def master_digest(theme: Theme) -> str | None:
        return theme.master.digest if theme.master else None

    if bytes_of(a.logo) != bytes_of(b.logo) or master_digest(a) != master_digest(b):
        return False
    plain: dict[str, Any] = {"folder": None, "logo": None, "master": None}
    return replace(a, **plain) == replace(b, **plain)


@pytest.mark.parametrize("name", builtin_template_names())
def test_a_builtin_template_round_trips(name, tmp_path):
    theme = load_theme(name)
    saved = save_theme(dataclasses.replace(theme, name="copy"), tmp_path / "copy")
    assert saved.folder == (tmp_path / "copy").resolve()
    assert same_look(saved, dataclasses.replace(theme, name="copy"))
    assert saved == dataclasses.replace(theme, name="copy", folder=saved.folder)


def make_logo(path: Path) -> Path:
    image = Image.new("RGB", (60, 30), (200, 30, 30))
    image.save(path)
    return path


def test_every_customised_value_round_trips(tmp_path):
    base = load_theme("briefing")
    sizes = dataclasses.replace(base.sizes, body=dataclasses.replace(base.sizes.body, size=19.5, minimum=13))
    tricky = 'Über "Partnerschaft": {{ brief.title }} # 中俄 — a\nb \u2028 c \\ d'
    theme = dataclasses.replace(
        base,
        name="Ministry look",
        label='Ministry: "quoted" # not a comment',
        width=inches(10),
        height=inches(6.25),
        margin_left=inches(0.55),
        colors=dataclasses.replace(base.colors, background="000000", title="1E5000", chart=("0E1000", "ABCDEF")),
        fonts=Fonts(heading="Times New Roman", body="Arial", east_asian="SimSun"),
        sizes=sizes,
        line_spacing=1.3,
        paragraph_space=0.2,
        banner=Banner("SECRET // 中文", "C00000", "FFFF00"),
        logo=make_logo(tmp_path / "brand.png"),
        snippets=dataclasses.replace(Snippets(), footer=tricky, agenda_heading="Plan: today"),
    )
    saved = save_theme(theme, tmp_path / "templates" / "Ministry look")
    assert same_look(saved, theme)
    assert saved.snippets.footer == tricky
    assert saved.colors.title == "1E5000"  # quoted: YAML does not read it as 1 x 10^5000
    assert saved.logo == (tmp_path / "templates" / "Ministry look" / "brand.png").resolve()
    assert saved.logo.read_bytes() == (tmp_path / "brand.png").read_bytes()
    assert sorted(p.name for p in saved.folder.iterdir()) == ["brand.png", "template.yaml"]
    assert not (tmp_path / "templates" / WORK_FOLDER).exists()


def test_the_yaml_is_readable_and_names_the_logo_and_master():
    theme = load_theme("plain")
    text = theme_yaml(theme, logo_name="logo.png", master_name=MASTER_FILE)
    assert "  width_in: 10\n  height_in: 7.5\n" in text
    assert '  background: "FFFFFF"\n' in text
    assert "  body: [24, 16]\n" in text
    assert 'logo: "logo.png"\n' in text
    assert text.count('master: "master.pptx"') == 1
    assert "banner: null\n" in text


def test_a_theme_on_a_master_round_trips(tmp_path):
    theme = load_theme("briefing", master=TEMPLATES / "officer__template.pptx")
    saved = save_theme(dataclasses.replace(theme, name="officer"), tmp_path / "officer")
    assert (saved.folder / MASTER_FILE).read_bytes() == theme.master.data
    assert saved.master.path == (saved.folder / MASTER_FILE).resolve()
    assert same_look(saved, dataclasses.replace(theme, name="officer"))
    assert (saved.width, saved.height) == (theme.master.width, theme.master.height)


def test_a_theme_that_does_not_load_leaves_nothing_behind(tmp_path):
    theme = dataclasses.replace(load_theme("briefing"), fonts=Fonts(heading="Comic Sans MS", body="Arial"))
    with pytest.raises(TemplateError) as caught:
        save_theme(theme, tmp_path / "bad")
    assert "cannot measure the font 'Comic Sans MS'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_template_is_replaced_only_when_asked(tmp_path):
    first = save_theme(load_theme("briefing"), tmp_path / "mine")
    plain = dataclasses.replace(load_theme("plain"), name="mine")
    with pytest.raises(TemplateError) as caught:
        save_theme(plain, tmp_path / "mine")
    assert caught.value.problems[0].message == "a template of this name already exists"
    assert load_theme(tmp_path / "mine") == first
    replaced = save_theme(plain, tmp_path / "mine", replace_existing=True)
    assert same_look(replaced, plain)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_a_broken_replacement_keeps_the_old_template(tmp_path):
    first = save_theme(load_theme("academic"), tmp_path / "mine")
    broken = dataclasses.replace(first, fonts=Fonts(heading="Papyrus", body="Arial"))
    with pytest.raises(TemplateError):
        save_theme(broken, tmp_path / "mine", replace_existing=True)
    assert load_theme(tmp_path / "mine") == first
