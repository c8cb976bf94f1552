"""Read a user's .pptx/.potx as a zip without trusting it: limits against zip bombs and huge images.

A PowerPoint file is a zip, and a zip can claim small sizes while holding
gigabytes (a "zip bomb"), or hold a picture of a billion pixels that every
program decoding it runs out of memory on. :func:`read_package` reads every
entry once, counting the bytes actually decompressed, and stops at the first
limit crossed, so nothing later (python-pptx, LibreOffice, PowerPoint) sees a
file we could not read safely. It also rewrites a template (.potx), show
(.ppsx) or macro-enabled file's main content type to a plain presentation's,
because that is what we export and what python-pptx opens.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.theme.drawingml import SAFE_PARSER

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """How much a master file may hold; the defaults are far above any real template."""

    max_file: int = 200 * MB  # the .pptx itself
    max_entries: int = 2_000
    max_total: int = 200 * MB  # all entries decompressed
    max_part: int = 64 * MB  # one entry decompressed
    max_ratio: int = 200  # decompressed / compressed, for entries over ratio_floor
    ratio_floor: int = 1 * MB
    max_image_pixels: int = 60_000_000  # e.g. 10,000 x 6,000
    max_image_side: int = 20_000


LIMITS = ZipLimits()

NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION_MAIN = _PML + "presentation.main+xml"
#: Main-part content types of files PowerPoint can save a master in, all exported as a presentation.
CONVERTIBLE_MAIN = {
    PRESENTATION_MAIN: ".pptx",
    _PML + "template.main+xml": ".potx",
    _PML + "slideshow.main+xml": ".ppsx",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": ".pptm",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": ".potm",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": ".ppsm",
}
#: Main parts of other Office files, to say what the user picked instead.
OTHER_OFFICE = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "a Word document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "an Excel workbook",
}
SAVE_AS_HINT = "open it in PowerPoint and save it as a PowerPoint presentation (.pptx) or template (.potx)"
_IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")


def fail(path: Path, message: str, hint: str) -> TemplateError:
    """Return the error for a master file that cannot be used."""
    return TemplateError(Problem(path, message, hint=hint))


def read_package(path: Path, limits: ZipLimits = LIMITS) -> tuple[bytes, dict[str, bytes]]:
    """Return the file's bytes (main part retyped as a presentation) and its entries by name.

    Raises :class:`TemplateError` naming the file, the limit or defect, and a fix.
    """
    try:
        size = path.stat().st_size
        if size > limits.max_file:
            raise fail(
                path,
                f"the file is {_size(size)}; masters may be at most {_size(limits.max_file)}",
                "remove sample slides and compress pictures (File > Compress Pictures), then save again",
            )
        data = path.read_bytes()
    except (OSError, ValueError) as exc:  # a folder, no permission, a name too long, a NUL in the name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise fail(path, f"cannot read the file: {reason}", "check the path; choose a .pptx or .potx file") from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        old = data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the OLE2 header of .ppt/.pot
        raise fail(
            path,
            "is an old binary PowerPoint file (.ppt/.pot), not a .pptx"
            if old
            else "is not a PowerPoint file (it is not a zip package)",
            SAVE_AS_HINT,
        )
    try:
        entries = _read_entries(path, data, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise fail(path, f"the zip package is damaged or uses an unsupported format ({exc})", SAVE_AS_HINT) from None
    _check_images(path, entries, limits)
    content_types = _content_types(path, entries)
    main = _main_part(path, entries)
    main_type = content_types.get(main.lower()) or content_types.get(posixpath.splitext(main)[1].lower().lstrip("."))
    if main_type in OTHER_OFFICE:
        raise fail(
            path,
            f"is {OTHER_OFFICE[main_type]}, not a PowerPoint presentation",
            "choose a .pptx or .potx file saved from PowerPoint",
        )
    if main_type not in CONVERTIBLE_MAIN:
        raise fail(
            path, f"is not a PowerPoint presentation (its main part is '{main_type or 'untyped'}')", SAVE_AS_HINT
        )
    if main_type != PRESENTATION_MAIN:
        entries["[Content_Types].xml"] = _retyped(entries["[Content_Types].xml"], main, main_type)
        data = _rezip(entries)
    return data, entries


def _read_entries(path: Path, data: bytes, limits: ZipLimits) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise fail(
            path,
            f"the package has {len(infos):,} entries; a master may have at most "
            f"{limits.max_entries:,} (this looks like a zip bomb)",
            _BOMB_HINT,
        )
    entries: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        if info.filename in entries:
            raise fail(path, f"the package holds '{info.filename}' twice", SAVE_AS_HINT)
        if info.file_size > limits.max_part:
            raise fail(
                path,
                f"the part '{info.filename}' unpacks to {_size(info.file_size)}; a part may be "
                f"at most {_size(limits.max_part)}",
                _BOMB_HINT,
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise fail(
                path,
                f"the part '{info.filename}' unpacks {info.file_size // max(info.compress_size, 1):,} "
                f"times larger than it is stored (this looks like a zip bomb)",
                _BOMB_HINT,
            )
        # Count what really comes out, not what the header claims: zipfile stops at the declared
        # size and fails the CRC check if there is more, so a lying header ends as BadZipFile.
        chunks = []
        with archive.open(info) as stream:
            while chunk := stream.read(1 * MB):
                total += len(chunk)
                if total > limits.max_total:
                    raise fail(
                        path,
                        f"the package unpacks to more than {_size(limits.max_total)} (this looks like a zip bomb)",
                        _BOMB_HINT,
                    )
                chunks.append(chunk)
        entries[info.filename] = b"".join(chunks)
    return entries


def _size(count: int) -> str:
    return f"{count / MB:,.0f} MB" if count >= MB else f"{count / 1024:,.0f} KB"


_BOMB_HINT = (
    "use the master as PowerPoint saved it; if it is yours, remove sample slides and large media and save again"
)


def _check_images(path: Path, entries: dict[str, bytes], limits: ZipLimits) -> None:
    """Refuse pictures too large to decode safely, judged from their headers only."""
    import warnings

    from PIL import Image, UnidentifiedImageError

    for name, blob in entries.items():
        if not name.lower().endswith(_IMAGE_EXTENSIONS):
            continue
        try:
            with warnings.catch_warnings():
                # We judge the size ourselves below; Pillow's own warning would only repeat it.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(blob)) as image:
                    width, height = image.size
            size = f"{width:,} x {height:,} pixels"
        except Image.DecompressionBombError:
            # Pillow refuses to even open it (over twice its own limit): certainly too large.
            width = height = limits.max_image_side + 1
            size = f"over {2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000:,} million pixels"
        except (OSError, UnidentifiedImageError, ValueError):
            continue  # not decodable here; PowerPoint decides what to do with it
        if width * height > limits.max_image_pixels or max(width, height) > limits.max_image_side:
            raise fail(
                path,
                f"the picture '{name}' is {size}; pictures in a master may have at most "
                f"{limits.max_image_pixels // 1_000_000} million pixels and "
                f"{limits.max_image_side:,} pixels a side",
                "select the picture in PowerPoint and use Picture Format > Compress Pictures, "
                "or replace it with a smaller image",
            )


def _content_types(path: Path, entries: dict[str, bytes]) -> dict[str, str]:
    """Return content types by lower-case part name (no leading slash) and by extension."""
    try:
        root = etree.fromstring(entries["[Content_Types].xml"], SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        raise fail(
            path, "is not a PowerPoint presentation (it has no readable [Content_Types].xml)", SAVE_AS_HINT
        ) from None
    types: dict[str, str] = {}
    for default in root.iter(f"{{{NS_CT}}}Default"):
        types[default.get("Extension", "").lower()] = default.get("ContentType", "")
    for override in root.iter(f"{{{NS_CT}}}Override"):
        types[override.get("PartName", "").lstrip("/").lower()] = override.get("ContentType", "")
    return types


def _main_part(path: Path, entries: dict[str, bytes]) -> str:
    """Return the package's main part name (no leading slash), from the package relationships."""
    try:
        root = etree.fromstring(entries["_rels/.rels"], SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        raise fail(path, "is not a PowerPoint presentation (it has no package relationships)", SAVE_AS_HINT) from None
    for rel in root.iter(f"{{{NS_RELS}}}Relationship"):
        if rel.get("Type") == RT_OFFICE_DOCUMENT:
            return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    raise fail(path, "is not a PowerPoint presentation (it names no main document)", SAVE_AS_HINT)


def _retyped(content_types: bytes, main: str, old_type: str) -> bytes:
    """Return ``[Content_Types].xml`` with the main part typed as a plain presentation."""
    root = etree.fromstring(content_types, SAFE_PARSER)
    for override in root.iter(f"{{{NS_CT}}}Override"):
        if override.get("PartName", "").lstrip("/").lower() == main.lower():
            override.set("ContentType", PRESENTATION_MAIN)
            break
    else:
        etree.SubElement(root, f"{{{NS_CT}}}Override", PartName="/" + main, ContentType=PRESENTATION_MAIN)
    written: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return written


def _rezip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, blob in entries.items():
            archive.writestr(name, blob)
    return out.getvalue()
