"""Loading a user's PowerPoint master: every sample template reads; every bad file gets one clear error."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pptx import Presentation

from sinoru_brief.errors import TemplateError
from sinoru_brief.theme.master import load_master
from sinoru_brief.theme.master_zip import PRESENTATION_MAIN, SAVE_AS_HINT, ZipLimits

TEMPLATES = Path(__file__).parents[1] / "data" / "pptx-templates"
DEFAULT = TEMPLATES / "pythonpptx__default.pptx"
BOMB_HINT = "use the master as PowerPoint saved it; if it is yours, remove sample slides and large media and save again"
MASTER_HINT = "open the file in PowerPoint, check View > Slide Master, and save it again"

#: file -> (width, height in EMU, layouts per master)
FACTS = {
    "automizer__RootTemplate.pptx": (12_192_000, 6_858_000, [11]),
    "automizer__SlideDimensions1.pptx": (10_080_625, 6_300_787, [12, 12]),
    "coreoz__demo-template.pptx": (9_144_000, 6_858_000, [11]),
    "officer__no_master.pptx": (7_772_400, 10_058_400, [1]),
    "officer__template.pptx": (9_144_000, 6_858_000, [7]),
    "officer__test-no-placeholders-in-layout.pptx": (9_144_000, 6_858_000, [1]),
    "pandoc__default-reference.pptx": (9_144_000, 5_143_500, [11]),
    "pandoc__footer-basic-reference.pptx": (12_192_000, 6_858_000, [17]),
    "pandoc__reference-moved-layouts.pptx": (12_192_000, 6_858_000, [17]),
    "pythonpptx__default.pptx": (9_144_000, 6_858_000, [11]),
}


def test_facts_cover_every_sample_template():
    assert sorted(FACTS) == sorted(p.name for p in TEMPLATES.glob("*.pptx"))


@pytest.mark.parametrize("name", sorted(FACTS))
def test_every_sample_template_loads(name):
    master = load_master(TEMPLATES / name)
    width, height, layouts = FACTS[name]
    assert (master.width, master.height) == (width, height)
    assert [len(m.layouts) for m in master.masters] == layouts
    assert master.path == (TEMPLATES / name).resolve()


def test_layout_placeholders_are_read_by_type_and_idx():
    master = load_master(TEMPLATES / "automizer__RootTemplate.pptx")
    layouts = {layout.name: layout for layout in master.masters[0].layouts}
    assert [p.describe() for p in layouts["Titelfolie"].placeholders] == [
        "ctrTitle[0]",
        "subTitle[1]",
        "dt[10]",
        "ftr[11]",
        "sldNum[12]",
    ]
    assert [p.describe() for p in layouts["Titel und vertikaler Text"].placeholders][:2] == [
        "title[0]",
        "body[1] (vertical)",
    ]
    assert "Abschnitts-\nüberschrift" in layouts
    # A layout placeholder without its own position takes the master's.
    title = layouts["Titel und Inhalt"].placeholders[0]
    assert title.rect is not None and title.rect.w > 0


def test_a_dark_master_reads_its_colour_map_and_picture_background():
    master = load_master(TEMPLATES / "pandoc__footer-basic-reference.pptx").masters[0]
    assert dict(master.clr_map)["bg1"] == "dk1" and dict(master.clr_map)["tx1"] == "lt1"
    # The background is a 16-bit grey gradient picture; its average is a mid grey, not white.
    assert master.background == "9F9F9F"
    assert (master.major_font, master.minor_font) == ("Corbel", "Corbel")


def test_the_bytes_are_not_part_of_equality_but_the_digest_is():
    a, b = load_master(DEFAULT), load_master(DEFAULT)
    assert a == b and hash(a) == hash(b) and a.digest == b.digest
    assert "data=" not in repr(a)
    assert a != load_master(TEMPLATES / "pandoc__default-reference.pptx")


# ---------------------------------------------------------------- files that are not masters


def rezip(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """Write *source* to *target* with entries replaced (bytes), added, or removed (None)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename in changes:
                continue
            zout.writestr(item, zin.read(item.filename))
        for name, data in changes.items():
            if data is not None:
                zout.writestr(name, data)
    return target


def entry(name: str, source: Path = DEFAULT) -> str:
    with zipfile.ZipFile(source) as z:
        return z.read(name).decode("utf-8")


def only_problem(excinfo) -> tuple[Path | None, str, str]:
    assert len(excinfo.value.problems) == 1
    problem = excinfo.value.problems[0]
    return problem.file, problem.message, problem.hint


def test_a_missing_file(tmp_path):
    with pytest.raises(TemplateError) as caught:
        load_master(tmp_path / "nowhere.pptx")
    assert only_problem(caught) == (
        tmp_path / "nowhere.pptx",
        "cannot read the file: No such file or directory",
        "check the path; choose a .pptx or .potx file",
    )


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.pptx"
    path.write_text("just some text", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (path, "is not a PowerPoint file (it is not a zip package)", SAVE_AS_HINT)
    assert str(caught.value).startswith(f"{path}: is not a PowerPoint file")


def test_an_old_binary_ppt(tmp_path):
    path = tmp_path / "old.ppt"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (path, "is an old binary PowerPoint file (.ppt/.pot), not a .pptx", SAVE_AS_HINT)


def test_a_word_document(tmp_path):
    types = entry("[Content_Types].xml").replace(
        PRESENTATION_MAIN, "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )
    path = rezip(DEFAULT, tmp_path / "letter.pptx", {"[Content_Types].xml": types.encode()})
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "is a Word document, not a PowerPoint presentation",
        "choose a .pptx or .potx file saved from PowerPoint",
    )


def test_a_zip_that_is_no_office_file(tmp_path):
    path = tmp_path / "photos.pptx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photo.txt", "not a picture")
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "is not a PowerPoint presentation (it has no readable [Content_Types].xml)",
        SAVE_AS_HINT,
    )


def test_no_slide_master(tmp_path):
    xml = entry("ppt/presentation.xml")
    start, end = xml.index("<p:sldMasterIdLst>"), xml.index("</p:sldMasterIdLst>") + len("</p:sldMasterIdLst>")
    path = rezip(DEFAULT, tmp_path / "bare.pptx", {"ppt/presentation.xml": (xml[:start] + xml[end:]).encode()})
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (path, "the presentation has no slide master", MASTER_HINT)


def test_no_layouts(tmp_path):
    xml = entry("ppt/slideMasters/slideMaster1.xml")
    start, end = xml.index("<p:sldLayoutIdLst>"), xml.index("</p:sldLayoutIdLst>") + len("</p:sldLayoutIdLst>")
    path = rezip(
        DEFAULT, tmp_path / "empty.pptx", {"ppt/slideMasters/slideMaster1.xml": (xml[:start] + xml[end:]).encode()}
    )
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "the slide master has no layouts",
        MASTER_HINT + "; a master needs at least one layout",
    )


def test_a_slide_size_powerpoint_would_refuse(tmp_path):
    xml = entry("ppt/presentation.xml").replace('cx="9144000" cy="6858000"', 'cx="91440" cy="6858000"')
    path = rezip(DEFAULT, tmp_path / "tiny.pptx", {"ppt/presentation.xml": xml.encode()})
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "the slide size 0.1 x 7.5 in is outside PowerPoint's range of 1 to 56 in",
        "set a normal size with Design > Slide Size",
    )


def test_a_template_file_potx_is_accepted_and_exported_as_a_presentation(tmp_path):
    template_type = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
    types = entry("[Content_Types].xml").replace(PRESENTATION_MAIN, template_type)
    path = rezip(DEFAULT, tmp_path / "corporate.potx", {"[Content_Types].xml": types.encode()})
    master = load_master(path)
    with zipfile.ZipFile(io.BytesIO(master.data)) as z:
        types_now = z.read("[Content_Types].xml").decode()
    assert PRESENTATION_MAIN in types_now and template_type not in types_now
    assert len(Presentation(io.BytesIO(master.data)).slide_layouts) == 11


# ---------------------------------------------------------------- zip bombs and huge pictures


def test_too_many_entries(tmp_path):
    path = rezip(DEFAULT, tmp_path / "many.pptx", {f"ppt/junk/{i}.xml": b"<a/>" for i in range(2_000)})
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "the package has 2,036 entries; a master may have at most 2,000 (this looks like a zip bomb)",
        BOMB_HINT,
    )


def test_an_entry_that_unpacks_far_larger_than_it_is_stored(tmp_path):
    path = rezip(DEFAULT, tmp_path / "bomb.pptx", {"ppt/media/zeros.bin": bytes(5 * 1024 * 1024)})
    stored = next(i for i in zipfile.ZipFile(path).infolist() if i.filename == "ppt/media/zeros.bin")
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    ratio = stored.file_size // stored.compress_size
    assert ratio > 200
    assert only_problem(caught) == (
        path,
        f"the part 'ppt/media/zeros.bin' unpacks {ratio:,} times larger than it is stored (this looks like a zip bomb)",
        BOMB_HINT,
    )


def test_the_total_unpacked_size_is_counted_from_real_bytes(tmp_path):
    noise = random.Random(0).randbytes(300_000)  # incompressible: passes the ratio check
    path = rezip(DEFAULT, tmp_path / "big.pptx", {f"ppt/media/part{i}.bin": noise for i in range(3)})
    with pytest.raises(TemplateError) as caught:
        load_master(path, ZipLimits(max_total=800_000))
    assert only_problem(caught) == (
        path,
        "the package unpacks to more than 781 KB (this looks like a zip bomb)",
        BOMB_HINT,
    )


def test_one_part_too_large(tmp_path):
    path = rezip(DEFAULT, tmp_path / "part.pptx", {"ppt/media/big.bin": bytes(300_000)})
    with pytest.raises(TemplateError) as caught:
        load_master(path, ZipLimits(max_part=100_000))
    assert only_problem(caught) == (
        path,
        "the part 'ppt/media/big.bin' unpacks to 293 KB; a part may be at most 98 KB",
        BOMB_HINT,
    )


def test_a_header_that_lies_about_a_size_is_a_damaged_file(tmp_path):
    source = rezip(DEFAULT, tmp_path / "honest.pptx", {"ppt/zzz.xml": b"<a>" + b"x" * 100_000 + b"</a>"})
    data = bytearray(source.read_bytes())
    # Claim 1,000 bytes in the central directory entry of the last file.
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 1_000)
    path = tmp_path / "liar.pptx"
    path.write_bytes(bytes(data))
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        "the zip package is damaged or uses an unsupported format (Bad CRC-32 for file 'ppt/zzz.xml')",
        SAVE_AS_HINT,
    )


def _png_header(width: int, height: int) -> bytes:
    """Return a PNG whose header claims *width* x *height* (no pixel data: only the header is read)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IEND", b"")
    )


def test_a_large_picture_within_the_limits_is_accepted(tmp_path):
    path = rezip(DEFAULT, tmp_path / "photo.pptx", {"ppt/media/photo.png": _png_header(6_000, 4_000)})
    assert load_master(path).width == 9_144_000


@pytest.mark.parametrize(
    ("width", "height", "size"),
    [
        (9_000, 9_000, "9,000 x 9,000 pixels"),  # 81 million pixels
        (30_000, 30_000, "over 178 million pixels"),  # so large that Pillow itself refuses it
        (25_000, 100, "25,000 x 100 pixels"),  # few pixels, but a side too long
    ],
)
def test_a_huge_picture(tmp_path, width, height, size):
    path = rezip(DEFAULT, tmp_path / "poster.pptx", {"ppt/media/poster.png": _png_header(width, height)})
    with pytest.raises(TemplateError) as caught:
        load_master(path)
    assert only_problem(caught) == (
        path,
        f"the picture 'ppt/media/poster.png' is {size}; pictures in a master may have at most "
        f"60 million pixels and 20,000 pixels a side",
        "select the picture in PowerPoint and use Picture Format > Compress Pictures, or replace it with a "
        "smaller image",
    )
