"""The Linux desktop entry: what it starts, the files it installs and removes, and its quoting."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sinoru_brief import desktop_entry
from sinoru_brief.errors import BriefError
from sinoru_brief.paths import icons_dir

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are for Linux")


def parse(text: str) -> dict[str, str]:
    config = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    config.optionxform = str  # keys are case-sensitive in desktop entries
    config.read_string(text)
    return dict(config["Desktop Entry"])


def test_the_entry_starts_the_given_command_on_a_file():
    entry = parse(desktop_entry.desktop_entry_text(["/home/ana/.local/bin/sinoru-brief"]))
    assert entry["Exec"] == "/home/ana/.local/bin/sinoru-brief %f"
    assert entry["TryExec"] == "/home/ana/.local/bin/sinoru-brief"
    assert entry["Icon"] == "sinoru-brief" and entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["MimeType"] == "application/x-sinoru-brief;"
    assert entry["StartupWMClass"] == "sinoru-brief"


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/sinoru-brief", "/usr/bin/sinoru-brief"),
        ("/home/a b/bin/python", '"/home/a b/bin/python"'),
        ('/odd"name', '"/odd\\\\"name"'),
        ("/cost$HOME", '"/cost\\\\$HOME"'),
        ("/100%", '"/100%%"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(argument, quoted):
    assert desktop_entry.exec_quote(argument) == quoted


def test_the_launch_command_is_the_running_console_script(tmp_path):
    script = tmp_path / "bin" / "sinoru-brief"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    assert desktop_entry.launch_command(str(script)) == [str(script)]


def test_without_a_console_script_the_interpreter_runs_the_module(tmp_path):
    assert desktop_entry.launch_command(str(tmp_path / "pytest")) == [
        str(Path(sys.executable).absolute()),
        "-m",
        "sinoru_brief",
    ]


def test_data_home_follows_xdg_and_ignores_a_relative_value():
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/srv/share"}) == Path("/srv/share")
    assert desktop_entry.data_home({"XDG_DATA_HOME": "share"}) == Path.home() / ".local" / "share"
    assert desktop_entry.data_home({}) == Path.home() / ".local" / "share"


@linux_only
def test_install_then_remove_leaves_nothing_behind(tmp_path):
    home = tmp_path / "share"
    written = desktop_entry.install(home, ["/opt/sb/bin/sinoru-brief"])
    assert home / "applications" / "sinoru-brief.desktop" in written
    for size in desktop_entry.ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "sinoru-brief.png"
        assert icon.read_bytes() == (icons_dir() / f"sinoru-brief-{size}.png").read_bytes()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "sinoru-brief.svg").is_file()
    mime = (home / "mime" / "packages" / "sinoru-brief.xml").read_text(encoding="utf-8")
    assert 'glob pattern="*.brief.yaml"' in mime
    if shutil.which("update-mime-database"):
        # The database was rebuilt, so file managers know the type at once.
        assert "application/x-sinoru-brief" in (home / "mime" / "globs2").read_text(encoding="utf-8")

    removed = desktop_entry.remove(home)
    assert sorted(removed) == sorted(written)
    assert not [p for p in home.rglob("*sinoru-brief*") if p.is_file()]
    assert desktop_entry.remove(home) == []


@linux_only
def test_the_installed_entry_is_valid(tmp_path):
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    desktop_entry.install(tmp_path, ["/opt/with space/sinoru-brief"])
    result = subprocess.run(
        [validate, str(tmp_path / "applications" / "sinoru-brief.desktop")], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_other_systems_are_told_where_to_look(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    with pytest.raises(BriefError, match="install-desktop-entry is for Linux desktops; on Windows and macOS"):
        desktop_entry.install(tmp_path)
