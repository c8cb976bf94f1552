"""``sinoru-brief sources import``: exit 0 with a report, 1 with every problem and nothing written, 2 on misuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.cli import EXIT_ERROR, EXIT_OK, EXIT_USAGE, main
from sinoru_brief.paths import default_content_dir

DATA = Path(__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main(["sources", "import", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_import_reports_what_it_added_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "library" / "sources.yaml"  # the folder is made
    code, out, err = run(capsys, DATA / "zotero.bib", DATA / "endnote.ris", "-o", target)
    assert (code, err) == (EXIT_OK, "")
    lines = out.splitlines()
    assert lines[0] == f"Imported 5 sources into {target}:"
    assert (
        "  lukin-2023-rossiysko-kitayskie-otnosheniya  “Российско-китайские отношения в новую эпоху” "
        "(zotero.bib:26, lukin2023)" in lines
    )
    assert lines[lines.index("Skipped 1 duplicate:") + 1].endswith(
        "same title as 'wishnick-2025-cooperation-without-coordination' (already in the built-in library)"
    )
    assert "Left out (fields no citation on a slide uses): notes (1)" in lines  # the skipped entry's don't count
    # It says which libraries it looked in, and that others were not.
    assert f"Checked for duplicates and ids in use: {target}; the built-in library ({default_content_dir()})" in lines
    assert lines[-1].startswith("Other libraries were not checked (a deck's --content folders")
    assert target.is_file()
    code, out, _ = run(capsys, DATA / "zotero.bib", "-o", target)
    assert code == EXIT_OK and out.startswith(f"Nothing new to import into {target}.")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    target = tmp_path / "sources.yaml"
    code, out, _ = run(capsys, DATA / "endnote.ris", "-o", target, "--dry-run")
    assert code == EXIT_OK and out.startswith(f"Would import 2 sources into {target}:")
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.bib", "malformed.bib:6: entry 'cut' (@misc) cannot be read"),
        ("malformed.json", "malformed.json:3:38: not valid JSON: Expecting property name enclosed in double quotes"),
        ("malformed.ris", "malformed.ris:1: this record has no end ('ER  - ') before the next one starts"),
    ],
)
def test_a_malformed_file_is_one_clear_error_and_the_target_is_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
):
    target = tmp_path / "sources.yaml"
    target.write_bytes(b"# mine\n- {id: mine, type: book, title: Mine}\n")
    code, out, err = run(capsys, DATA / "endnote.ris", DATA / name, "-o", target)
    assert (code, out) == (EXIT_ERROR, "")
    assert err.startswith(f"sinoru-brief: import error: {DATA / message.split(':')[0]}:")
    assert message.split(":", 1)[1] in err
    assert target.read_bytes() == b"# mine\n- {id: mine, type: book, title: Mine}\n"


def test_several_problems_are_all_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = run(
        capsys,
        DATA / "malformed.ris",
        tmp_path / "missing.bib",
        tmp_path / "refs.docx",
        "-o",
        tmp_path / "sources.yaml",
    )
    assert code == EXIT_ERROR
    assert err.splitlines() == [
        "sinoru-brief: import error: 3 problems found:",
        f"  {DATA / 'malformed.ris'}:1: this record has no end ('ER  - ') before the next one starts "
        "(add a line 'ER  - ' before line 3)",
        f"  {tmp_path / 'missing.bib'}: no such file (check the path)",
        f"  {tmp_path / 'refs.docx'}: cannot import '.docx' (export your references as BibTeX (.bib), "
        "CSL-JSON (.json) or RIS (.ris) and import that file)",
    ]


def test_writing_into_a_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = run(capsys, DATA / "endnote.ris", "-o", tmp_path)
    assert code == EXIT_ERROR
    assert (
        err == f"sinoru-brief: import error: {tmp_path}: is a folder, not a sources file (name the sources.yaml "
        "file inside it, e.g. -o DIR/sources.yaml)\n"
    )


def test_without_output_the_users_own_library_is_the_target(capsys: pytest.CaptureFixture[str]):
    from sinoru_brief.paths import user_library_dir  # the tests' own user folder (tests/conftest.py)

    target = user_library_dir() / "sources.yaml"
    code, out, _ = run(capsys, DATA / "endnote.ris")
    assert code == EXIT_OK and out.startswith(f"Imported 2 sources into {target}:")
    assert "gabuev-2024-putin-xi-asymmetric" in target.read_text(encoding="utf-8")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as caught:
        main(["sources", "import", "-o", "x.yaml"])
    assert caught.value.code == EXIT_USAGE
    assert "the following arguments are required: FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit) as caught:
        main(["sources"])
    assert caught.value.code == EXIT_USAGE


def test_the_report_names_every_library_looked_in_and_its_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from sinoru_brief.paths import user_library_dir

    own = user_library_dir() / "sources.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("- {id: mine-2024, type: book, title: Mine, issued: {date-parts: [[2024]]}}\n", encoding="utf-8")
    target = tmp_path / "team" / "sources.yaml"
    code, out, _ = run(capsys, DATA / "endnote.ris", "-o", target, "--dry-run")
    assert code == EXIT_OK
    [checked] = [line for line in out.splitlines() if line.startswith("Checked for duplicates")]
    assert checked == (
        f"Checked for duplicates and ids in use: {target}; the built-in library ({default_content_dir()}); "
        f"your library ({user_library_dir()})"
    )
