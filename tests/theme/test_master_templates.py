"""Templates may name a master.pptx; user templates live in the user's folder; `template new` and `inspect` work."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest
import yaml

from sinoru_brief.cli_template import add_template_parser, describe_master, run_template
from sinoru_brief.errors import TemplateError
from sinoru_brief.paths import templates_dir
from sinoru_brief.theme import builtin_template_names, load_theme
from sinoru_brief.theme.copying import new_template
from sinoru_brief.theme.loader import resolve_template, user_template_names, user_templates_dir
from sinoru_brief.theme.master import load_master

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"
ROOT = TEMPLATES / "automizer__RootTemplate.pptx"


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    """Point the user's data folder at a temporary one."""
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user-data"))
    return tmp_path / "user-data" / "templates"


def plain_with(tmp_path: Path, replace: dict[str, str]) -> Path:
    """Copy the built-in plain template to *tmp_path* with lines of template.yaml replaced."""
    folder = tmp_path / "look"
    shutil.copytree(templates_dir() / "plain", folder)
    text = (folder / "template.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    (folder / "template.yaml").write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- master: in template.yaml


def test_a_template_naming_a_master_lays_out_at_its_size(tmp_path):
    folder = plain_with(tmp_path, {"slide:\n  width_in: 10\n  height_in: 7.5\n": "master: brand/master.pptx\n"})
    (folder / "brand").mkdir()
    shutil.copyfile(ROOT, folder / "brand" / "master.pptx")
    theme = load_theme(folder)
    assert (theme.width, theme.height) == (12_192_000, 6_858_000)
    assert theme.master.digest == load_master(ROOT).digest
    assert theme.master.path == (folder / "brand" / "master.pptx").resolve()
    assert theme.sizes == load_theme("plain").sizes


def test_the_masters_size_wins_over_the_templates(tmp_path):
    folder = plain_with(tmp_path, {"margins_in:": "master: master.pptx\nmargins_in:"})
    shutil.copyfile(ROOT, folder / "master.pptx")
    assert load_theme(folder).width == 12_192_000


def test_load_theme_with_a_master_file(tmp_path):
    theme = load_theme("briefing", master=TEMPLATES / "officer__no_master.pptx")
    assert (theme.width, theme.height) == (7_772_400, 10_058_400)
    assert theme.name == "briefing" and theme.master.path.name == "officer__no_master.pptx"


@pytest.mark.parametrize(
    ("line", "message", "hint"),
    [
        ("master: missing.pptx", "the master file 'missing.pptx' does not exist", "check the file name"),
        (
            "master: ../outside.pptx",
            "the master path '../outside.pptx' leads outside the template folder",
            "put the .pptx file inside the template folder",
        ),
        (
            "master: notes.txt",
            "the master file 'notes.txt' cannot be used: is not a PowerPoint file (it is not a zip package)",
            "open it in PowerPoint and save it as a PowerPoint presentation (.pptx) or template (.potx)",
        ),
    ],
)
def test_a_bad_master_is_one_problem_at_its_line(tmp_path, line, message, hint):
    folder = plain_with(tmp_path, {"margins_in:": f"{line}\nmargins_in:"})
    (folder / "notes.txt").write_text("not a presentation", encoding="utf-8")
    (tmp_path / "outside.pptx").write_bytes(ROOT.read_bytes())
    with pytest.raises(TemplateError) as caught:
        load_theme(folder)
    [problem] = caught.value.problems
    lines = (folder / "template.yaml").read_text(encoding="utf-8").splitlines()
    assert (problem.file, problem.line, problem.key_path, problem.message, problem.hint) == (
        folder / "template.yaml",
        lines.index(line) + 1,
        "master",
        message,
        hint,
    )


def test_neither_slide_size_nor_master(tmp_path):
    folder = plain_with(tmp_path, {"slide:\n  width_in: 10\n  height_in: 7.5\n": ""})
    with pytest.raises(TemplateError) as caught:
        load_theme(folder)
    [problem] = caught.value.problems
    assert (problem.message, problem.hint) == (
        "missing required key 'slide' in template",
        "add 'slide:' with width_in and height_in, or name a PowerPoint file with 'master:' to take its slide size",
    )


# ---------------------------------------------------------------- user templates


def test_user_templates_are_found_by_name_after_the_built_ins(user_dir):
    assert user_template_names() == []
    folder = new_template("Ministry look", "academic")
    assert folder == user_dir / "Ministry look"
    assert user_template_names() == ["Ministry look"]
    assert "Ministry look" not in builtin_template_names()
    theme = load_theme("Ministry look")
    assert theme.name == "Ministry look" and theme.sizes == load_theme("academic").sizes
    # A user folder with a built-in's name never hides the built-in.
    shutil.copytree(folder, user_dir / "plain")
    assert resolve_template("plain") == templates_dir() / "plain"
    assert user_template_names() == ["Ministry look", "plain"]


def test_new_template_with_a_master(user_dir):
    folder = new_template("corp", "briefing", master=ROOT)
    data = yaml.safe_load((folder / "template.yaml").read_text(encoding="utf-8"))
    assert (data["name"], data["master"]) == ("corp", "master.pptx")
    assert (folder / "master.pptx").read_bytes() == ROOT.read_bytes()
    assert load_theme("corp").width == 12_192_000


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../escape", "'../escape' cannot name a template"),
        ("", "'' cannot name a template"),
        ("briefing", "'briefing' is the name of a built-in template"),
    ],
)
def test_new_template_refuses_bad_names(user_dir, name, message):
    with pytest.raises(TemplateError) as caught:
        new_template(name, "briefing")
    assert caught.value.problems[0].message == message
    assert not user_dir.exists() or not any(user_dir.iterdir())


def test_new_template_refuses_to_overwrite_and_a_bad_master(user_dir, tmp_path):
    new_template("mine", "plain")
    with pytest.raises(TemplateError) as caught:
        new_template("mine", "briefing")
    assert (caught.value.problems[0].file, caught.value.problems[0].message) == (
        user_dir / "mine",
        "a template of this name already exists",
    )
    bad = tmp_path / "bad.pptx"
    bad.write_text("nope", encoding="utf-8")
    with pytest.raises(TemplateError):
        new_template("other", "plain", master=bad)
    assert user_template_names() == ["mine"]


# ---------------------------------------------------------------- the CLI


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sinoru-brief")
    add_template_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_template_inspect_prints_layouts_mapping_and_gaps(capsys):
    assert run_template(parse("template", "inspect", str(TEMPLATES / "officer__template.pptx"))) == 0
    out = capsys.readouterr().out
    assert out == describe_master(load_master(TEMPLATES / "officer__template.pptx")) + "\n"
    lines = out.splitlines()
    assert lines[1] == "Slide size: 10.000 x 7.500 in (4:3)"
    assert "    Layout 1 'Title Slide': ctrTitle[0], subTitle[1], dt[10], ftr[11], sldNum[12]" in lines
    assert (
        "  quote, comparison, chart, key_figures, table, timeline: layout 6 'Title Only', as a title-only layout "
        "(title, no body)"
    ) in lines
    assert "Missing: nothing; every slide kind has a layout that fits." in lines


def test_template_inspect_shows_a_portrait_masters_gaps(capsys):
    run_template(parse("template", "inspect", str(TEMPLATES / "officer__no_master.pptx")))
    out = capsys.readouterr().out
    assert "Slide size: 8.500 x 11.000 in (portrait)" in out
    assert "Missing or adjusted:\n  - no layout is a title slide (ctrTitle + subTitle)" in out
    assert "[closest: no exact fit]" in out


def test_template_inspect_of_a_bad_file_raises_the_template_error(tmp_path):
    path = tmp_path / "x.pptx"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(TemplateError, match="is not a PowerPoint file"):
        run_template(parse("template", "inspect", str(path)))


def test_template_new_and_list(user_dir, capsys):
    assert run_template(parse("template", "new", "field", "--from", "plain")) == 0
    assert capsys.readouterr().out == (
        f"Created template 'field' in {user_dir / 'field'}. Edit "
        f"{user_dir / 'field' / 'template.yaml'}, then export with --template "
        f'"field".\n'
    )
    run_template(parse("template", "list"))
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == [*builtin_template_names(), "field"]
    assert out[-1] == f"field            {user_dir / 'field'}"


def test_user_templates_dir_is_in_the_user_data_folder(user_dir):
    assert user_templates_dir() == user_dir


def test_an_empty_slide_size_without_a_master(tmp_path):
    folder = plain_with(tmp_path, {"slide:\n  width_in: 10\n  height_in: 7.5\n": "slide:\n"})
    with pytest.raises(TemplateError) as caught:
        load_theme(folder)
    [problem] = caught.value.problems
    assert (problem.key_path, problem.message, problem.hint) == (
        "slide",
        "has no value",
        "write width_in and height_in here, or name a PowerPoint file with 'master:' to take its slide size",
    )
