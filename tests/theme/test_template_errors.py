"""A template file with a mistake gives one clear problem per mistake: file, line, key path, message and hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.theme import load_theme
from sinoru_brief.theme.loader import MEASURABLE_FONTS, resolve_template

VALID = """\
name: test look
label: A look for tests
slide:
  width_in: 10
  height_in: 7.5
margins_in: {left: 0.5, right: 0.5, top: 0.4, bottom: 0.3}
fonts:
  heading: Arial
  body: Arial
colors:
  background: "FFFFFF"
  title: "000000"
  text: "111111"
  accent: "0B3D91"
  muted: "333333"
  rule: "595959"
  panel: "E6E6E6"
  chart: ["0B3D91", "D55E00"]
sizes:
  deck_title: [40, 30]
  section_title: [36, 28]
  title: [30, 24]
  body: [24, 16]
  sub: [20, 14]
  quote: [28, 20]
  table: [16, 12]
  source: [12, 10]
  reference: [14, 11]
  footer: 11
snippets:
  footer: "{{ brief.title }}"
"""


def write_template(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.yaml").write_text(text, encoding="utf-8")
    return folder


def edited(old: str, new: str) -> str:
    """Return VALID with the one line *old* replaced by *new* (or removed when *new* is None)."""
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    """Return the 1-based line of *text* holding *fragment*."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(TemplateError) as caught:
        load_theme(folder)
    return caught.value.problems


def only_problem(folder: Path) -> Problem:
    problems = problems_of(folder)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_valid_template_loads_with_every_value(tmp_path):
    theme = load_theme(write_template(tmp_path / "t", VALID))
    assert (theme.name, theme.label) == ("test look", "A look for tests")
    assert (theme.width, theme.height) == (9_144_000, 6_858_000)
    assert theme.margin_left == 457_200 and theme.margin_top == 365_760
    assert theme.colors.text == "111111" and theme.colors.chart == ("0B3D91", "D55E00")
    assert theme.sizes.body.size == 24 and theme.sizes.body.minimum == 16 and theme.sizes.footer == 11
    assert theme.fonts.east_asian == "Microsoft YaHei"  # the default
    assert theme.banner is None and theme.logo is None
    assert theme.folder == (tmp_path / "t").resolve()


def test_colours_are_normalised_to_upper_case_without_hash(tmp_path):
    theme = load_theme(write_template(tmp_path / "t", edited('accent: "0B3D91"', 'accent: "#0b3d91"')))
    assert theme.colors.accent == "0B3D91"


def test_bad_colour(tmp_path):
    text = edited('accent: "0B3D91"', 'accent: "12345G"')
    folder = write_template(tmp_path / "t", text)
    problem = only_problem(folder)
    line = line_of(text, "accent:")
    assert str(problem) == (
        f"{folder.resolve() / 'template.yaml'}:{line}:11: colors.accent: '12345G' is not a colour "
        '(write six hex digits RRGGBB using 0-9 and A-F, e.g. "1F3864")'
    )


def test_colour_yaml_reads_as_a_number_says_to_quote_it(tmp_path):
    text = edited('background: "FFFFFF"', "background: 000000")
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "background:"), "colors.background")
    assert problem.message == 'expected a colour written RRGGBB in hex, e.g. "1F3864", got the number 0'
    assert problem.hint == 'put the colour in quotes, e.g. "000000", so YAML keeps it as text'


def test_size_pair_with_minimum_above_size(tmp_path):
    text = edited("body: [24, 16]", "body: [14, 16]")
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "body: [14"), "sizes.body")
    assert problem.message == "the minimum 16 pt is larger than the size 14 pt"
    assert problem.hint == (
        "write [size, minimum]: the second number is the smallest size text may shrink to, "
        "so it cannot exceed the first"
    )


def test_size_pair_outside_readable_range(tmp_path):
    problem = only_problem(write_template(tmp_path / "t", edited("source: [12, 10]", "source: [12, 4]")))
    assert (problem.key_path, problem.message) == ("sizes.source", "expected sizes from 6 to 120 pt, got [12, 4]")


def test_unknown_key_suggests_the_right_one(tmp_path):
    text = edited("colors:", "colours:")
    problem = only_problem(write_template(tmp_path / "t", text))  # no second "missing colors" problem
    assert (problem.line, problem.key_path) == (line_of(text, "colours:") + 1, "colours")
    assert problem.message == "unknown key 'colours' in template"
    assert problem.hint == "did you mean 'colors'?"


def test_missing_required_key(tmp_path):
    text = edited('  muted: "333333"\n', "")
    problem = only_problem(write_template(tmp_path / "t", text))
    # A block mapping starts at its first key: that is the line the colours section is reported at.
    assert (problem.line, problem.key_path) == (line_of(text, "background:"), "colors")
    assert problem.message == "missing required key 'muted' in colours"
    assert problem.hint == "add 'muted:' with a colour written RRGGBB in hex, e.g. \"1F3864\""


def test_snippet_that_does_not_compile(tmp_path):
    text = edited('footer: "{{ brief.title }}"', 'footer: "{{ brief.title "')
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "{{ brief.title"), "snippets.footer")
    assert problem.message == (
        "template text does not compile: unexpected end of template, expected 'end of print statement'."
    )
    assert problem.hint == "check the {{ }} and {% %} pairs"


def test_logo_path_escaping_the_folder_is_refused_even_if_the_file_exists(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"not for templates")
    text = VALID + "logo: ../secret.png\n"
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "logo:"), "logo")
    assert problem.message == "the logo path '../secret.png' leads outside the template folder"
    assert problem.hint == "put the logo file inside the template folder"


def test_missing_logo_file(tmp_path):
    text = VALID + "logo: assets/logo.png\n"
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "logo:"), "logo")
    assert problem.message == "the logo file 'assets/logo.png' does not exist"
    assert problem.hint == "check the file name"


def test_logo_that_is_not_an_image(tmp_path):
    folder = write_template(tmp_path / "t", VALID + "logo: logo.png\n")
    (folder / "logo.png").write_text("<svg/>", encoding="utf-8")
    problem = only_problem(folder)
    assert problem.message == "the logo file 'logo.png' is not an image PowerPoint can show"
    assert problem.hint == "use one of PNG, JPEG, GIF, BMP, TIFF, e.g. export the logo as PNG"


def test_logo_in_a_subfolder_loads(tmp_path):
    from PIL import Image

    folder = write_template(tmp_path / "t", VALID + "logo: assets/logo.png\n")
    (folder / "assets").mkdir()
    Image.new("RGB", (8, 4), "navy").save(folder / "assets" / "logo.png")
    assert load_theme(folder).logo == (folder / "assets" / "logo.png").resolve()


def test_slide_size_out_of_range(tmp_path):
    text = edited("width_in: 10", "width_in: 60")
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "width_in"), "slide.width_in")
    assert problem.message == "slide width 60 in is outside PowerPoint's range of 1 to 56 in"
    assert problem.hint == "16:9 slides are 13.333 x 7.5 in, 4:3 slides 10 x 7.5 in"


def test_margins_that_leave_too_little_room(tmp_path):
    text = edited(
        "margins_in: {left: 0.5, right: 0.5, top: 0.4, bottom: 0.3}",
        "margins_in: {left: 3, right: 2.5, top: 0.4, bottom: -0.3}",
    )
    problems = problems_of(write_template(tmp_path / "t", text))
    assert [(p.key_path, p.message) for p in problems] == [
        ("margins_in.bottom", "a margin cannot be negative, got -0.3"),
        ("margins_in", "the left and right margins take 5.5 of the slide's 10 in width; at most half is allowed"),
    ]


def test_font_we_cannot_measure_lists_the_choices(tmp_path):
    text = edited("heading: Arial", "heading: Comic Sans")
    problem = only_problem(write_template(tmp_path / "t", text))
    assert (problem.line, problem.key_path) == (line_of(text, "heading:"), "fonts.heading")
    assert problem.message == "cannot measure the font 'Comic Sans'; use one of Calibri, Arial, Times New Roman"
    assert problem.hint == (
        "line breaks are computed with metric-compatible font files, which exist only for these fonts"
    )


def test_misspelt_font_gets_a_suggestion(tmp_path):
    problem = only_problem(write_template(tmp_path / "t", edited("body: Arial", "body: Arail")))
    assert problem.hint.startswith("did you mean 'Arial'? ")


def test_every_measurable_font_has_files_for_every_style():
    from sinoru_brief.layout.fonts import font_file, text_width

    for family in MEASURABLE_FONTS:
        for bold in (False, True):
            for italic in (False, True):
                assert font_file(family, bold, italic).is_file(), (family, bold, italic)
        assert text_width("Briefing", family, 20) > 0


def test_every_problem_in_the_file_is_reported_at_once(tmp_path):
    text = edited('accent: "0B3D91"', 'accent: "12345G"').replace("width_in: 10", "width_in: 0.5")
    problems = problems_of(write_template(tmp_path / "t", text + "logo: missing.png\n"))
    assert [p.key_path for p in problems] == ["colors.accent", "slide.width_in", "logo"]


def test_unknown_template_name_suggests_a_built_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # so "acadmic" is no folder here either
    with pytest.raises(TemplateError) as caught:
        load_theme("acadmic")
    assert str(caught.value) == (
        "acadmic: no such template (a built-in name or a folder with template.yaml) (did you mean 'academic'?)"
    )


def test_unknown_template_name_lists_the_built_ins(tmp_path, monkeypatch):
    from sinoru_brief.theme import builtin_template_names

    monkeypatch.chdir(tmp_path)
    with pytest.raises(TemplateError) as caught:
        load_theme("corporate-blue")
    assert caught.value.problems[0].hint == "built-in templates: " + ", ".join(builtin_template_names())


def test_folder_without_template_file(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(TemplateError) as caught:
        resolve_template(tmp_path / "empty")
    problem = caught.value.problems[0]
    assert problem.message == "the folder has no template.yaml"
    assert problem.hint.startswith("a template folder holds template.yaml; built-in templates: ")


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = edited("  body: Arial", "  body: [Arial")
    problem = only_problem(write_template(tmp_path / "t", text))
    assert problem.line == line_of(text, "[Arial")
    assert problem.message == "invalid YAML: the '[' here is never closed"
