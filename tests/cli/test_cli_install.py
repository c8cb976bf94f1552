"""The CLI as an installed tool: --version, opening a brief in the app, the desktop entry, a broken
installation or a missing Qt library as one line, and a start that imports only what the command needs."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import types
from importlib import metadata

import pytest
from support.cli_runs import one_error, run
from support.installs import package_in_site_packages

from sinoru_brief import paths, qt_libraries
from sinoru_brief.cli import DEPTH_NAMES, EXIT_ERROR, EXIT_OK, EXIT_USAGE, main

HEAVY = ("jinja2", "citeproc", "PySide6", "shiboken6", "pptx", "PIL", "lxml")


@pytest.fixture
def app_started(monkeypatch) -> list[list[str]]:
    """Stand in for the desktop app (no Qt loads) and record the briefs it was started on."""
    started: list[list[str]] = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(qt_libraries, "check_qt_libraries", lambda: None)
    monkeypatch.setitem(
        sys.modules, "sinoru_brief.app.main", types.SimpleNamespace(run_app=lambda briefs: started.append(briefs) or 0)
    )
    return started


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == EXIT_OK
    assert capsys.readouterr().out == f"sinoru-brief {metadata.version('sinoru-brief')}\n"


def test_the_depth_choices_are_the_content_models_depths():
    from sinoru_brief.content import DEPTHS

    assert DEPTH_NAMES == tuple(DEPTHS)


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["validate"], ["export", "--help"]])
def test_fast_commands_import_no_heavy_library(argv):
    """``--help`` and ``validate`` must start fast: none of the big libraries may load for them."""
    script = textwrap.dedent(f"""
        import sys
        from sinoru_brief.cli import main
        try:
            code = main({argv!r})
        except SystemExit as exit:
            code = exit.code
        print(code, sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r})))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.splitlines()[-1] == "0 []", result.stderr


def test_a_brief_file_opens_in_the_app(capsys, app_started, tmp_path, monkeypatch):
    brief = tmp_path / "china.brief.yaml"
    brief.write_text("title: T\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "china.brief.yaml") == (EXIT_OK, "", "")
    assert app_started == [[str(brief)]]  # absolute: the app's recent files must not depend on the folder


def test_no_argument_opens_the_app_on_a_new_brief(capsys, app_started):
    assert run(capsys) == (EXIT_OK, "", "")
    assert app_started == [[]]


def test_a_missing_brief_file_is_one_line(capsys, app_started, tmp_path):
    missing = tmp_path / "gone.brief.yaml"
    line = one_error(*run(capsys, missing))
    assert line == (
        f"sinoru-brief: brief error: {missing}: no such brief file (check the path; 'sinoru-brief' "
        "alone opens the app on a new brief)"
    )
    assert app_started == []


def test_two_briefs_are_a_usage_error(capsys, app_started, tmp_path):
    code, out, err = run(capsys, tmp_path / "a.brief.yaml", tmp_path / "b.brief.yaml")
    assert (code, out) == (EXIT_USAGE, "")
    assert err.splitlines()[-1] == "sinoru-brief: error: open one brief at a time; got 2 arguments after the file name"


def test_a_command_name_is_never_taken_for_a_file(capsys, app_started, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "topics").write_text("not a brief")
    code, out, _ = run(capsys, "topics", "--content", tmp_path / "nowhere")
    assert code == EXIT_ERROR and app_started == []


def test_a_missing_qt_library_is_named_with_its_package_before_qt_starts(capsys, monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(
        qt_libraries, "check_qt_libraries", lambda: qt_libraries.MissingLibraries("xcb", ("libxcb-icccm.so.4",))
    )
    monkeypatch.setitem(sys.modules, "sinoru_brief.app.main", None)  # Qt must not even be imported
    line = one_error(*run(capsys))
    assert line == (
        "sinoru-brief: the desktop app cannot start: Qt's xcb platform needs system libraries that "
        "are missing: libxcb-icccm.so.4; on Debian or Ubuntu install them with: "
        "sudo apt install libxcb-icccm4"
    )


def test_an_app_that_cannot_be_imported_is_one_line(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(qt_libraries, "check_qt_libraries", lambda: None)
    monkeypatch.setitem(sys.modules, "sinoru_brief.app.main", None)
    line = one_error(*run(capsys))
    assert line.startswith("sinoru-brief: broken installation: the desktop app cannot load (")
    assert line.endswith("); reinstall sinoru-brief, or use the CLI commands (sinoru-brief --help)")


@pytest.fixture
def broken_install(tmp_path, monkeypatch):
    """Make sinoru-brief look installed in site-packages without its data folder."""
    yield from package_in_site_packages(tmp_path, monkeypatch)


@pytest.mark.parametrize("argv", [["validate"], ["topics"], ["export", "-o", "deck.pptx"], ["templates"], []])
def test_a_broken_installation_is_one_line_for_every_command(capsys, broken_install, monkeypatch, tmp_path, argv):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.chdir(tmp_path)
    line = one_error(*run(capsys, *argv))
    assert line == (
        f"sinoru-brief: broken installation: sinoru-brief's data folder {broken_install / '_data'} is "
        f"missing; {paths.REINSTALL_HINT}"
    )
    assert not (tmp_path / "deck.pptx").exists()


def test_a_missing_python_dependency_is_one_line(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "sinoru_brief.citations.formatting", None)
    monkeypatch.setitem(sys.modules, "citeproc", None)
    code, out, err = run(capsys, "styles")
    assert code == EXIT_ERROR and "Traceback" not in err
    assert err.startswith("sinoru-brief: broken installation: ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are for Linux")
def test_install_desktop_entry_and_remove_it(capsys, tmp_path):
    code, out, err = run(capsys, "install-desktop-entry", "--data-home", tmp_path)
    assert (code, err) == (EXIT_OK, "")
    entry = tmp_path / "applications" / "sinoru-brief.desktop"
    assert out.startswith(f"Installed sinoru-brief's desktop entry ({entry})")
    assert (tmp_path / "applications" / "sinoru-brief.desktop").is_file()
    code, out, err = run(capsys, "install-desktop-entry", "--remove", "--data-home", tmp_path)
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("Removed 11 files of sinoru-brief's desktop entry.")
    assert run(capsys, "install-desktop-entry", "--remove", "--data-home", tmp_path)[1].startswith("Nothing to remove")
