"""The CLI contract: exit 0 on success, 1 with one clear line on stderr for a user's mistake, 2 for bad usage.

Every case runs :func:`sinoru_brief.cli.main` in-process on a copy of the
fixture library and checks the exit code, the exact message, that no
traceback is printed, and that the file named by ``-o`` (written before the
run with known bytes) is byte-identical afterwards whenever the run fails.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import types
from pathlib import Path

import pytest
from support.cli_runs import run

from sinoru_brief import atomic
from sinoru_brief.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main

DATA = Path(__file__).parents[1] / "data"
FIXTURE = DATA / "library"
TEMPLATES = Path(__file__).parents[2] / "templates"
PREVIOUS = b"the previous deck, which a failed export must leave alone"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A writable copy of the fixture library."""
    target = tmp_path / "library"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output path that already holds a previous deck."""
    target = tmp_path / "out" / "deck.pptx"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def assert_one_error(code: int, out: str, err: str, expected: str) -> None:
    """Check a failed run: exit 1, nothing on stdout, exactly *expected* as the one line on stderr."""
    assert "Traceback" not in err
    assert (code, out) == (EXIT_ERROR, "")
    assert err.splitlines() == [expected]


def assert_untouched(target: Path) -> None:
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name], "a temporary file was left behind"


def export(library: Path, out: Path, *extra: str | Path) -> list[str | Path]:
    """Return the arguments of a small, fast export of the fixture library."""
    return ["export", "--content", library, "--topics", "alpha", "--depth", "key", "-o", out, *extra]


# ------------------------------------------------------------------ success


def test_export_succeeds_with_one_line_on_stdout_and_nothing_on_stderr(capsys, library, out):
    code, stdout, err = run(capsys, *export(library, out))
    assert (code, err) == (EXIT_OK, "")
    assert stdout == f"Wrote {out}: 3 slides, 3 references.\n"
    assert out.read_bytes().startswith(b"PK\x03\x04")
    assert sorted(p.name for p in out.parent.iterdir()) == [out.name]


# ------------------------------------------------------------------ content and topics


def test_malformed_yaml_in_the_content_library(capsys, library, out):
    alpha = library / "topics" / "alpha.yaml"
    edit(alpha, "        cite: [article-2025]\n", "        cite: [article-2025\n")
    code, stdout, err = run(capsys, *export(library, out))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: content error: {alpha}:15:15: invalid YAML: the '[' here is never closed "
            "(add the missing ']'; YAML expected ',' or ']', but found ':' at line 16, column 12)"
        ),
    )
    assert_untouched(out)


def test_missing_content_folder(capsys, tmp_path, out):
    missing = tmp_path / "no-such-library"
    code, stdout, err = run(capsys, *export(missing, out))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: content error: {missing}: the content folder does not exist "
            "(pass --content with a folder holding sources.yaml and topics/)"
        ),
    )
    assert_untouched(out)


def test_unknown_topic_suggests_the_nearest(capsys, library, out):
    code, stdout, err = run(capsys, "export", "--content", library, "--topics", "alpah", "-o", out)
    assert_one_error(
        code, stdout, err, "sinoru-brief: brief error: topics: unknown topic 'alpah' (did you mean 'alpha'?)"
    )
    assert_untouched(out)


def test_two_problems_are_one_message_with_one_line_each(capsys, library, out):
    code, stdout, err = run(capsys, "export", "--content", library, "--topics", "alpah,bet", "-o", out)
    assert "Traceback" not in err
    assert (code, stdout) == (EXIT_ERROR, "")
    assert err.splitlines() == [
        "sinoru-brief: brief error: 2 problems found:",
        "  topics: unknown topic 'alpah' (did you mean 'alpha'?)",
        "  topics: unknown topic 'bet' (did you mean 'beta'?)",
    ]
    assert_untouched(out)


# ------------------------------------------------------------------ usage errors exit 2


def test_bad_depth_is_a_usage_error(capsys, library, out):
    with pytest.raises(SystemExit) as caught:
        main(["export", "--content", str(library), "--depth", "deep", "-o", str(out)])
    err = capsys.readouterr().err
    assert caught.value.code == EXIT_USAGE
    last = err.splitlines()[-1]
    assert last.startswith("sinoru-brief export: error: argument --depth: invalid choice: ")
    assert "deep" in last and all(depth in last for depth in ("key", "standard", "full"))
    assert_untouched(out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export"], "sinoru-brief export: error: the following arguments are required: -o/--output"),
        # The list of commands that follows grows with the program; its start is what the user reads first.
        (["exprot"], "sinoru-brief: error: argument COMMAND: invalid choice: 'exprot' (choose from 'export', "),
        (
            ["preview", "-o", "x", "--width", "wide"],
            "sinoru-brief preview: error: argument --width: invalid int value: 'wide'",
        ),
    ],
)
def test_usage_errors_exit_2(capsys, argv, message):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    err = capsys.readouterr().err
    assert caught.value.code == EXIT_USAGE
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith(message)


def test_bad_date_is_one_clear_error(capsys, library, out):
    code, stdout, err = run(capsys, *export(library, out, "--date", "2025-13-01"))
    assert_one_error(
        code, stdout, err, "sinoru-brief: error: --date: expected a date written YYYY-MM-DD, got '2025-13-01'"
    )
    assert_untouched(out)


def test_preview_slide_out_of_range_fails_before_drawing(capsys, library, tmp_path):
    folder = tmp_path / "png"
    code, stdout, err = run(
        capsys, "preview", "--content", library, "--topics", "alpha", "--depth", "key", "--slides", "2,99", "-o", folder
    )
    assert_one_error(code, stdout, err, "sinoru-brief: error: --slides: the deck has slides 1 to 3; 99 is out of range")
    assert not folder.exists()


# ------------------------------------------------------------------ output


def test_missing_output_folder(capsys, library, tmp_path):
    target = tmp_path / "missing" / "deck.pptx"
    code, stdout, err = run(capsys, *export(library, target))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: export error: {target}: the folder {target.parent} does not exist "
            "(create it first or choose another folder)"
        ),
    )
    assert not target.parent.exists()


def test_output_path_that_is_a_folder(capsys, library, tmp_path):
    target = tmp_path / "deck.pptx"
    target.mkdir()
    (target / "inside.txt").write_bytes(b"keep")
    code, stdout, err = run(capsys, *export(library, target))
    assert_one_error(
        code, stdout, err, f"sinoru-brief: export error: {target}: is a folder, not a file (choose a file name)"
    )
    assert [p.name for p in target.iterdir()] == ["inside.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "library"]


def test_read_only_output_or_file_open_elsewhere(capsys, library, out, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    code, stdout, err = run(capsys, *export(library, out))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: export error: {out}: cannot write here: permission denied (the folder may be read-only, "
            "or the file may be open in another program (close it there); or choose another folder)"
        ),
    )
    assert_untouched(out)


def test_disk_full_leaves_the_previous_file_byte_identical(capsys, library, out, monkeypatch):
    real_fsync = os.fsync
    calls = []

    def disk_full(fd):
        calls.append(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    # The data is written, then flushed: a full disk shows up there at the latest.
    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    code, stdout, err = run(capsys, *export(library, out))
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert calls, "the export never flushed its data"
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: export error: {out}: the disk is full (free some space or save to another drive; "
            "the previous file was left as it was)"
        ),
    )
    assert_untouched(out)


def test_unexpected_os_error_still_says_the_previous_file_is_kept(capsys, library, out, monkeypatch):
    def broken(src, dst):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken)
    code, stdout, err = run(capsys, *export(library, out))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: export error: {out}: cannot write the file: Input/output error "
            "(check the path and try again; the previous file was left as it was)"
        ),
    )
    assert_untouched(out)


def test_interrupt_is_one_line_not_a_traceback(capsys, library, out, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    code, stdout, err = run(capsys, *export(library, out))
    assert_one_error(code, stdout, err, "sinoru-brief: interrupted")
    assert_untouched(out)


# ------------------------------------------------------------------ brief files


def write_brief(folder: Path, text: str | bytes) -> Path:
    path = folder / "deck.brief.yaml"
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def test_brief_naming_a_removed_topic_exports_the_rest_and_says_what_was_dropped(capsys, library, out, tmp_path):
    brief = write_brief(
        tmp_path, "title: Deck\ntopics: [alpha, gamma]\ndepth: key\noverrides:\n  gone-slide: {title: Old}\n"
    )
    code, stdout, err = run(capsys, "export", "--content", library, "--brief", brief, "-o", out)
    assert "Traceback" not in err
    assert code == EXIT_OK
    assert err.splitlines() == [
        f"sinoru-brief: {brief}: topic 'gamma' is no longer in the library and was dropped",
        f"sinoru-brief: {brief}: the text changes to slide 'gone-slide' were dropped: "
        "the slide is no longer in the library",
    ]
    assert stdout == f"Wrote {out}: 3 slides, 3 references.\n"
    assert out.read_bytes() != PREVIOUS


def test_brief_whose_topics_were_all_removed_exports_nothing(capsys, library, out, tmp_path):
    """Falling back to every topic would silently export the whole library instead of the brief's deck."""
    brief = write_brief(tmp_path, "title: Deck\ntopics: [gamma, delta, gamma]\ndepth: key\n")
    code, stdout, err = run(capsys, "export", "--content", library, "--brief", brief, "-o", out)
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: brief error: {brief}: topics: none of the brief's topics is in the library any more "
            "('gamma', 'delta') (choose topics with --topics, or edit the brief's topics; 'sinoru-brief topics' "
            "lists them)"
        ),
    )
    assert_untouched(out)


def test_brief_whose_topics_were_all_removed_exports_the_topics_given(capsys, library, out, tmp_path):
    brief = write_brief(tmp_path, "title: Deck\ntopics: [gamma]\ndepth: key\n")
    code, stdout, err = run(capsys, "export", "--content", library, "--brief", brief, "--topics", "alpha", "-o", out)
    assert (code, stdout) == (EXIT_OK, f"Wrote {out}: 3 slides, 3 references.\n")
    assert err.splitlines() == [f"sinoru-brief: {brief}: topic 'gamma' is no longer in the library and was dropped"]


def test_brief_that_is_not_utf8(capsys, library, out, tmp_path):
    brief = write_brief(tmp_path, "title: Déck\ntopics: [alpha]\n".encode("latin-1"))
    code, stdout, err = run(capsys, "export", "--content", library, "--brief", brief, "-o", out)
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: brief error: {brief}:1:9: the file is not valid UTF-8 (byte 0xe9) "
            "(save the file with UTF-8 encoding)"
        ),
    )
    assert_untouched(out)


def test_missing_brief_file(capsys, library, out, tmp_path):
    brief = tmp_path / "nowhere.brief.yaml"
    code, stdout, err = run(capsys, "export", "--content", library, "--brief", brief, "-o", out)
    assert_one_error(
        code, stdout, err, f"sinoru-brief: brief error: {brief}: cannot read the file: No such file or directory"
    )
    assert_untouched(out)


# ------------------------------------------------------------------ styles and templates


def test_unknown_style_suggests_the_nearest(capsys, library, out):
    code, stdout, err = run(capsys, *export(library, out, "--style", "chicago-notes-bibliografy"))
    assert_one_error(
        code,
        stdout,
        err,
        "sinoru-brief: template error: unknown citation style "
        "'chicago-notes-bibliografy' (did you mean 'chicago-notes-bibliography'?)",
    )
    assert_untouched(out)


def test_missing_style_file(capsys, library, out, tmp_path):
    style = tmp_path / "house.csl"
    code, stdout, err = run(capsys, *export(library, out, "--style", style))
    assert_one_error(
        code,
        stdout,
        err,
        f"sinoru-brief: template error: {style}: the citation style file does not "
        "exist (check the path to the .csl file)",
    )
    assert_untouched(out)


def test_unknown_template_suggests_the_nearest(capsys, library, out, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # so "briefng" is no folder here either
    code, stdout, err = run(capsys, *export(library, out, "--template", "briefng"))
    assert_one_error(
        code,
        stdout,
        err,
        "sinoru-brief: template error: briefng: no such template (a built-in name "
        "or a folder with template.yaml) (did you mean 'briefing'?)",
    )
    assert_untouched(out)


def test_broken_template_folder_names_file_line_and_key(capsys, library, out, tmp_path):
    folder = tmp_path / "house-look"
    shutil.copytree(TEMPLATES / "briefing", folder)
    template = folder / "template.yaml"
    edit(template, 'accent: "E0A526"', 'accent: "E0A52G"')
    line = template.read_text(encoding="utf-8").splitlines().index('  accent: "E0A52G"') + 1
    code, stdout, err = run(capsys, *export(library, out, "--template", folder))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: template error: {template.resolve()}:{line}:11: colors.accent: 'E0A52G' is not a colour "
            '(write six hex digits RRGGBB using 0-9 and A-F, e.g. "1F3864")'
        ),
    )
    assert_untouched(out)


def test_template_folder_given_as_dir_is_used(capsys, library, out, tmp_path):
    folder = tmp_path / "house-look"
    shutil.copytree(TEMPLATES / "briefing", folder)
    code, stdout, err = run(capsys, *export(library, out, "--template", folder))
    assert (code, err) == (EXIT_OK, "")
    assert out.read_bytes() != PREVIOUS


# ------------------------------------------------------------------ PowerPoint masters


def test_missing_master_file(capsys, library, out, tmp_path):
    master = tmp_path / "house.pptx"
    code, stdout, err = run(capsys, *export(library, out, "--master", master))
    assert_one_error(
        code,
        stdout,
        err,
        f"sinoru-brief: template error: {master}: cannot read the file: No such file "
        "or directory (check the path; choose a .pptx or .potx file)",
    )
    assert_untouched(out)


def test_master_that_is_not_a_zip(capsys, library, out, tmp_path):
    master = tmp_path / "house.pptx"
    master.write_text("not a presentation", encoding="utf-8")
    code, stdout, err = run(capsys, *export(library, out, "--master", master))
    assert_one_error(
        code,
        stdout,
        err,
        (
            f"sinoru-brief: template error: {master}: is not a PowerPoint file (it is not a zip package) (open it in "
            "PowerPoint and save it as a PowerPoint presentation (.pptx) or template (.potx))"
        ),
    )
    assert_untouched(out)


def test_master_that_is_a_folder(capsys, library, out, tmp_path):
    code, stdout, err = run(capsys, *export(library, out, "--master", tmp_path))
    assert_one_error(
        code,
        stdout,
        err,
        f"sinoru-brief: template error: {tmp_path}: cannot read the file: Is a "
        "directory (check the path; choose a .pptx or .potx file)",
    )
    assert_untouched(out)


# ------------------------------------------------------------------ the desktop app


@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"])
def test_no_command_without_a_display_says_what_to_do_instead_of_aborting(capsys, monkeypatch, variable):
    """Qt aborts the process (exit 134) when it finds no display; the CLI must say so first, on Linux."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, stdout, err = run(capsys)
    assert_one_error(
        code,
        stdout,
        err,
        "sinoru-brief: no display found: run the CLI commands (sinoru-brief --help), or set QT_QPA_PLATFORM=offscreen",
    )
    # Any one of the three means Qt has somewhere to draw: the app would start (stubbed here, so no Qt
    # loads; the check for Qt's system libraries is stubbed too, as this machine may lack some).
    monkeypatch.setenv(variable, "offscreen" if variable == "QT_QPA_PLATFORM" else ":0")
    monkeypatch.setattr("sinoru_brief.qt_libraries.check_qt_libraries", lambda: None)
    monkeypatch.setitem(sys.modules, "sinoru_brief.app.main", types.SimpleNamespace(run_app=lambda briefs: 42))
    assert main([]) == 42
