"""Files a template names (its logo, its PowerPoint master) cannot lie outside the template folder.

A template folder may come from anyone. If it could name ``../../secret`` or
``/etc/passwd`` as its logo, or hold a symlink to a file elsewhere, exporting
a deck would copy that file into a .pptx the user then sends on. Every such
path must be refused with a message naming the key, without reading the file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sinoru_brief.errors import TemplateError
from sinoru_brief.theme import load_theme

HINTS = {
    "logo": "put the logo file inside the template folder",
    "master": "put the .pptx file inside the template folder",
}


def name_template(workspace, key: str, value: str) -> None:
    path = workspace.template / "template.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: {value!r}\n", encoding="utf-8")


def escapes(workspace) -> list[str]:
    """Return paths that all lead from the template folder to the canary file outside it."""
    root = workspace.root
    return [
        "../secret.txt",
        f"../../{root.name}/secret.txt",
        "assets/../../secret.txt",
        "./.././secret.txt",
        str(workspace.secret_file),
        "/etc/passwd",
    ]


@pytest.mark.parametrize("key", list(HINTS))
def test_paths_leading_out_of_the_folder_are_refused(workspace, key):
    for value in escapes(workspace):
        path = workspace.template / "template.yaml"
        original = path.read_text(encoding="utf-8")
        name_template(workspace, key, value)
        with pytest.raises(TemplateError) as caught:
            load_theme(workspace.template)
        [problem] = caught.value.problems
        assert (problem.key_path, problem.message, problem.hint) == (
            key,
            f"the {key} path '{value}' leads outside the template folder",
            HINTS[key],
        ), value
        workspace.assert_nothing_leaked(str(caught.value))
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("key", list(HINTS))
def test_symlink_inside_the_folder_pointing_outside_is_refused(workspace, key):
    link = workspace.template / "logo.png"
    os.symlink(workspace.secret_file, link)
    name_template(workspace, key, "logo.png")
    with pytest.raises(TemplateError) as caught:
        load_theme(workspace.template)
    [problem] = caught.value.problems
    assert (problem.key_path, problem.message) == (key, f"the {key} path 'logo.png' leads outside the template folder")
    workspace.assert_nothing_leaked(str(caught.value))


def test_symlinked_subfolder_pointing_outside_is_refused(workspace):
    os.symlink(workspace.root, workspace.template / "assets", target_is_directory=True)
    name_template(workspace, "logo", "assets/secret.txt")
    with pytest.raises(TemplateError) as caught:
        load_theme(workspace.template)
    [problem] = caught.value.problems
    assert problem.message == "the logo path 'assets/secret.txt' leads outside the template folder"
    workspace.assert_nothing_leaked(str(caught.value))


def test_symlink_that_stays_inside_and_a_symlinked_template_folder_are_fine(workspace, tmp_path):
    """The check is on where a path ends up, so ordinary links keep working."""
    from PIL import Image

    (workspace.template / "art").mkdir()
    Image.new("RGB", (8, 4), "navy").save(workspace.template / "art" / "logo.png")
    os.symlink(Path("art") / "logo.png", workspace.template / "logo.png")
    name_template(workspace, "logo", "logo.png")
    linked_folder = tmp_path / "linked-template"
    os.symlink(workspace.template, linked_folder, target_is_directory=True)
    theme = load_theme(linked_folder)
    assert theme.logo == (workspace.template / "art" / "logo.png").resolve()


def test_exported_deck_never_holds_a_file_from_outside(workspace, capsys):
    """End to end: the CLI refuses the template and writes no deck, so no outside file can travel in one."""
    os.symlink(workspace.secret_file, workspace.template / "logo.png")
    name_template(workspace, "logo", "logo.png")
    code, out, err = workspace.export(capsys)
    assert code == 1
    assert err.splitlines() == [
        f"sinoru-brief: template error: {(workspace.template / 'template.yaml').resolve()}:"
        f"{len((workspace.template / 'template.yaml').read_text(encoding='utf-8').splitlines())}:7: logo: "
        "the logo path 'logo.png' leads outside the template folder (put the logo file inside the template folder)"
    ]
    assert not workspace.out.exists()
    workspace.assert_nothing_leaked(out, err)
