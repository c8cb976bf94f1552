"""``sinoru-brief check``: findings with slide and shape, exit 1 on an error, 0 otherwise, 2 for unreadable input."""

from __future__ import annotations

import io
import zipfile

from check.decks import good_deck, picture, text_box, titled_slide

from sinoru_brief.check import check_bytes
from sinoru_brief.cli import main


def run(capsys, path) -> tuple[int, str, str]:
    code = main(["check", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_deck_passes_with_exit_0(tmp_path, capsys):
    path = tmp_path / "clean.pptx"
    path.write_bytes(good_deck())
    code, out, err = run(capsys, path)
    assert code == 0 and err == ""
    assert out.strip().endswith("2 slides; 0 errors, 0 warnings: passes the check.")


def test_an_error_names_slide_and_shape_and_exits_1(tmp_path, capsys):
    path = tmp_path / "faulty.pptx"
    path.write_bytes(good_deck(lambda deck: picture(titled_slide(deck, "Energy"), name="Pipeline map")))
    code, out, _ = run(capsys, path)
    assert code == 1
    assert f"{path}: error: slide 3, shape 'Pipeline map': [alt-text]" in out
    assert "1 error, 0 warnings: fails the check." in out


def test_warnings_alone_exit_0(tmp_path, capsys):
    path = tmp_path / "repeat.pptx"
    path.write_bytes(good_deck(lambda deck: text_box(titled_slide(deck, "Joint exercises"), "More", 2.0)))
    code, out, _ = run(capsys, path)
    assert code == 0 and "[duplicate-title]" in out and "0 errors, 1 warning: passes" in out


def test_a_missing_file_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "nope.pptx")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "nope.pptx: no such file" in err


def test_a_file_that_is_not_a_zip_is_exit_2(tmp_path, capsys):
    path = tmp_path / "notes.pptx"
    path.write_text("just text")
    code, _, err = run(capsys, path)
    assert code == 2 and err.count("\n") == 1 and "not a PowerPoint file" in err and "Traceback" not in err


def test_a_zip_that_is_no_presentation_is_exit_2(tmp_path, capsys):
    path = tmp_path / "archive.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    code, _, err = run(capsys, path)
    assert code == 2 and "names no main document" in err


def test_a_folder_is_exit_2(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "is a folder" in err


def with_broken_relationship(data: bytes) -> bytes:
    """Return *data* with slide 1 related to an image part that is not in the package."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "ppt/slides/_rels/slide1.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Type="http://schemas.'
                    b'openxmlformats.org/officeDocument/2006/relationships/image" '
                    b'Target="../media/missing.png"/></Relationships>',
                )
            target.writestr(info, content)
    return out.getvalue()


def test_a_package_fault_is_an_error_on_its_slide():
    report = check_bytes(with_broken_relationship(good_deck()))
    faults = [f for f in report.findings if f.rule == "package"]
    assert faults and faults[0].slide == 1 and "missing.png" in faults[0].message
    assert report.errors


def test_schema_faults_are_reported():
    source, out = zipfile.ZipFile(io.BytesIO(good_deck())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "ppt/slides/slide2.xml":
                content = content.replace(b"<p:cSld>", b'<p:cSld bogus="1">', 1)
            target.writestr(info, content)
    report = check_bytes(out.getvalue())
    assert [(f.rule, f.slide) for f in report.findings] == [("schema", 2)]
