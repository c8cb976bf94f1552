"""``sinoru-brief export -o deck.pdf``: the suffix chooses PDF, ``--handout`` gives notes pages, Qt loads only then."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import FIXTURE_LIBRARY

from sinoru_brief.cli import main

pytestmark = [
    pytest.mark.usefixtures("qapp"),
    pytest.mark.skipif(not shutil.which("pdfinfo"), reason="needs poppler-utils (pdfinfo)"),
]
DECK = [
    "--content",
    str(FIXTURE_LIBRARY),
    "--topics",
    "alpha,beta",
    "--title",
    "Read-ahead",
    "--author",
    "Analyst",
    "--date",
    "2025-02-01",
]


def pdfinfo(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def test_a_pdf_suffix_writes_a_pdf_with_title_and_author(tmp_path, capsys):
    out = tmp_path / "deck.PDF"
    assert main(["export", *DECK, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    info = pdfinfo(out)
    assert "Read-ahead" in info and "Analyst" in info
    assert f"Wrote {out}:" in capsys.readouterr().out


def test_handout_writes_a4_pages(tmp_path):
    out = tmp_path / "handout.pdf"
    assert main(["export", *DECK, "--handout", "-o", str(out)]) == 0
    assert "A4" in pdfinfo(out)


def test_handout_to_a_pptx_is_a_one_line_error(tmp_path, capsys):
    assert main(["export", *DECK, "--handout", "-o", str(tmp_path / "deck.pptx")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "deck.pdf" in err
    assert list(tmp_path.iterdir()) == []


def test_pptx_export_does_not_load_qt(tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from sinoru_brief.cli import main
        code = main({["export", *DECK, "-o", str(tmp_path / "deck.pptx")]!r})
        assert code == 0, code
        assert not [m for m in sys.modules if m.startswith("PySide6")], "Qt was loaded"
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
