"""Slides are written as PNG files, by ``write_pngs`` and by the ``preview`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from sinoru_brief.cli import main
from sinoru_brief.errors import ExportError
from sinoru_brief.pipeline import build
from sinoru_brief.render.qt.images import png_name, write_pngs

FIXTURE_LIBRARY = Path(__file__).parents[2] / "data" / "library"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# pytest-qt's QApplication first: write_pngs would otherwise start a plain
# QGuiApplication, and widget tests later in the session need the full one.
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def pages(fixture_brief, fixture_library):
    return build(fixture_brief, library=fixture_library).pages


def test_png_names_are_one_based_and_zero_padded():
    assert [png_name(n) for n in (1, 12, 123)] == ["slide-001.png", "slide-012.png", "slide-123.png"]


def test_write_pngs_creates_the_folder_and_writes_the_chosen_slides(pages, tmp_path):
    out = tmp_path / "new" / "folder"
    written = write_pngs(pages, out, [2, 5], 480)
    assert written == [out / "slide-002.png", out / "slide-005.png"]
    assert sorted(p.name for p in out.iterdir()) == ["slide-002.png", "slide-005.png"]  # no temporary files left
    for path, page in zip(written, (pages[1], pages[4]), strict=True):
        assert path.read_bytes().startswith(PNG_SIGNATURE)
        image = QImage(str(path))
        assert (image.width(), image.height()) == (480, round(480 * page.height / page.width))


def test_write_pngs_rejects_a_slide_the_deck_does_not_have(pages, tmp_path):
    with pytest.raises(ExportError, match=f"the deck has slides 1 to {len(pages)}; {len(pages) + 1} is out of range"):
        write_pngs(pages, tmp_path, [len(pages) + 1], 480)


def test_preview_command_writes_exactly_the_listed_slides(tmp_path, capsys):
    out = tmp_path / "previews"
    code = main(["preview", "--content", str(FIXTURE_LIBRARY), "-o", str(out), "--slides", "1,3-4", "--width", "800"])
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["slide-001.png", "slide-003.png", "slide-004.png"]
    assert capsys.readouterr().out == f"Wrote 3 PNG files to {out}.\n"
    assert QImage(str(out / "slide-003.png")).width() == 800


def test_preview_command_refuses_slides_out_of_range(tmp_path, capsys):
    out = tmp_path / "previews"
    code = main(["preview", "--content", str(FIXTURE_LIBRARY), "-o", str(out), "--slides", "2,999"])
    assert code == 1
    err = capsys.readouterr().err
    assert "--slides: the deck has slides 1 to " in err and "999 is out of range" in err
    assert not out.exists()
