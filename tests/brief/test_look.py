"""A brief's look: the theme editor's changes kept in the brief, read back exactly, laid over the template."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from sinoru_brief.brief import Brief, load_brief, save_brief
from sinoru_brief.brief.look import (
    COLOR_ROLES,
    SIZE_ROLES,
    apply_look,
    look_between,
    missing_logo,
    missing_logo_problem,
)
from sinoru_brief.errors import BriefFileError
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.model import Banner, SizeRange
from sinoru_brief.units import inches

BASE = load_theme("briefing")
colors = st.text("0123456789ABCDEF", min_size=6, max_size=6)
points = st.integers(60, 1200).map(lambda tenths: tenths / 10)


@st.composite
def size_ranges(draw) -> SizeRange:
    size = draw(points)
    return SizeRange(size, draw(st.integers(60, int(size * 10)).map(lambda tenths: tenths / 10)))


@st.composite
def edited_themes(draw, logos: list[Path]):
    """Return the briefing look with any of the parts the theme editor changes changed."""
    theme = BASE
    if draw(st.booleans()):
        chosen = draw(st.dictionaries(st.sampled_from(COLOR_ROLES), colors))
        chart = draw(st.lists(colors, min_size=1, max_size=12).map(tuple) | st.just(theme.colors.chart))
        theme = replace(theme, colors=replace(theme.colors, **chosen, chart=chart))
    if draw(st.booleans()):
        fonts = st.sampled_from(("Calibri", "Arial", "Times New Roman"))
        theme = replace(theme, fonts=replace(theme.fonts, heading=draw(fonts), body=draw(fonts)))
    if draw(st.booleans()):
        sizes = draw(st.dictionaries(st.sampled_from(SIZE_ROLES), size_ranges()))
        theme = replace(theme, sizes=replace(theme.sizes, **sizes, footer=draw(st.integers(60, 400)) / 10))
    if draw(st.booleans()):
        theme = replace(
            theme, width=inches(draw(st.integers(400, 5600)) / 100), height=inches(draw(st.integers(300, 5600)) / 100)
        )
    banner = draw(
        st.none()
        | st.builds(Banner, st.text("ABCDEFGHIJ /", min_size=1, max_size=30).filter(str.strip), colors, colors)
    )
    footer = draw(st.sampled_from(("{{ brief.title }}", "{{ brief.title }} · {{ brief.date }}", "Ministry")))
    return replace(
        theme,
        banner=banner,
        logo=draw(st.sampled_from([None, *logos])),
        snippets=replace(theme.snippets, footer=footer),
    )


@pytest.fixture(scope="module")
def logo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("logo") / "ministry.png"
    Image.new("RGB", (40, 20), "red").save(path)
    return path


def test_a_theme_without_changes_has_no_look():
    assert look_between(BASE, BASE) == {}
    assert apply_look(BASE, {}) is BASE


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data())
def test_the_look_gives_back_every_edited_part(data, logo):
    edited = data.draw(edited_themes([logo]))
    look = look_between(BASE, edited)
    assert apply_look(BASE, look) == edited
    assert bool(look) == (edited != BASE)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data())
def test_a_saved_look_reads_back_the_same(data, logo, tmp_path_factory):
    edited = data.draw(edited_themes([logo]))
    brief = Brief(title="T", topics=["alpha"], look=look_between(BASE, edited))
    path = tmp_path_factory.mktemp("brief") / "deck.brief.yaml"
    save_brief(brief, path)
    again = load_brief(path)
    assert again.look == brief.look
    assert apply_look(BASE, again.look) == edited


def test_a_hand_written_look_changes_only_what_it_names(tmp_path, logo):
    path = tmp_path / "deck.brief.yaml"
    path.write_text(
        "title: T\nlook:\n  colors: {accent: '#c8102e'}\n  sizes: {body: [20, 14]}\n"
        "  banner: false\n  logo: ministry.png\n",
        encoding="utf-8",
    )
    (tmp_path / "ministry.png").write_bytes(logo.read_bytes())
    look = load_brief(path).look
    assert look == {
        "colors": {"accent": "C8102E"},
        "sizes": {"body": [20.0, 14.0]},
        "banner": False,
        "logo": str(tmp_path / "ministry.png"),
    }  # a logo beside the brief is found from anywhere
    theme = apply_look(replace(BASE, banner=Banner("SECRET", "C00000", "FFFFFF")), look)
    assert theme.colors.accent == "C8102E" and theme.colors.title == BASE.colors.title
    assert theme.sizes.body == SizeRange(20, 14) and theme.sizes.title == BASE.sizes.title
    assert theme.banner is None and theme.logo == tmp_path / "ministry.png"


def problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bad.brief.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefFileError) as caught:
        load_brief(path)
    return [str(p) for p in caught.value.problems]


def test_every_mistake_in_a_look_names_its_line_and_key(tmp_path):
    found = problems(
        tmp_path,
        "title: T\nlook:\n  colours: {accent: 'C8102E'}\n  sizes: {body: [12, 20]}\n"
        "  fonts: {heading: Comic Sans}\n  banner: true\n  footer: '{{ brief.title'\n",
    )
    assert len(found) == 5
    expected = {
        3: "look.colours: unknown key 'colours' in look (did you mean 'colors'?)",
        4: "look.sizes.body: the minimum 20 pt is larger than the size 12 pt",
        5: "look.fonts.heading: cannot measure the font 'Comic Sans'",
        6: "look.banner: 'true' is not a banner",
        7: "look.footer: template text does not compile",
    }
    for line, message in expected.items():
        assert any(f"bad.brief.yaml:{line}:" in problem and message in problem for problem in found), message


def test_a_logo_that_is_not_an_image_is_reported_where_it_is_named(tmp_path):
    (tmp_path / "notes.png").write_text("not an image", encoding="utf-8")
    found = problems(tmp_path, "title: T\nlook:\n  logo: notes.png\n")
    assert len(found) == 1 and "look.logo" in found[0] and "not an image PowerPoint can show" in found[0]


def test_a_brief_whose_logo_is_gone_loads_with_the_path_kept_and_the_logo_left_out(tmp_path, logo):
    path = tmp_path / "deck.brief.yaml"
    path.write_text("title: T\nlook:\n  banner: false\n  logo: gone.png\n", encoding="utf-8")
    brief = load_brief(path)
    gone = tmp_path / "gone.png"
    assert brief.look == {"banner": False, "logo": str(gone)}
    assert missing_logo(brief.look) == gone
    on_logo = replace(BASE, logo=logo)  # a template's own logo is left out too: the look replaced it
    assert apply_look(on_logo, brief.look).logo is None
    problem = missing_logo_problem(brief, hint="put it back")
    assert problem is not None
    assert (problem.file, problem.line, problem.key_path) == (path, 4, "look.logo")
    assert f"'{gone}' is missing" in problem.message and problem.hint == "put it back"
    save_brief(brief, path)
    assert load_brief(path).look == brief.look  # saving keeps the path
    gone.write_bytes(logo.read_bytes())
    assert missing_logo(brief.look) is None and missing_logo_problem(brief, "") is None
    assert apply_look(BASE, brief.look).logo == gone


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.data(), base_logo=st.booleans())
def test_editing_a_look_whose_logo_is_gone_keeps_it_until_another_is_chosen(data, base_logo, logo, tmp_path_factory):
    gone = tmp_path_factory.mktemp("gone") / "ministry.png"
    base = replace(BASE, logo=logo) if base_logo else BASE
    kept = {"logo": str(gone)}
    edited = replace(data.draw(edited_themes([logo])), master=base.master)
    look = look_between(base, edited, kept)
    if edited.logo is None:
        assert look["logo"] == str(gone)  # shown without a logo, but never dropped unasked
    else:
        assert look.get("logo", str(base.logo)) == str(edited.logo)
    assert apply_look(base, look) == edited


def test_on_a_master_the_masters_colours_fonts_and_size_win():
    from sinoru_brief.theme.master import MasterTemplate

    on_master = replace(BASE, master=object.__new__(MasterTemplate))
    look = {
        "colors": {"accent": "000000"},
        "fonts": {"body": "Arial"},
        "slide": {"width_in": 10, "height_in": 7.5},
        "sizes": {"footer": 12},
    }
    theme = apply_look(on_master, look)
    assert (theme.colors, theme.fonts, theme.width) == (BASE.colors, BASE.fonts, BASE.width)
    assert theme.sizes.footer == 12
