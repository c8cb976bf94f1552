"""Check the files a template names (its logo and its PowerPoint master) before anything opens them.

A template may come from anyone, so each name is cleaned of control
characters, must lead to a file inside the template folder (after following
links), and must be a file the program can read safely: a logo is an image of
a format PowerPoint shows and of a pixel count the preview can decode, a
master a PowerPoint file within the zip limits of :mod:`.master_zip`. Every
failure is reported on the checker under the key that named the file.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from sinoru_brief.errors import TemplateError
from sinoru_brief.theme.master import MasterTemplate, load_master
from sinoru_brief.yamlio.schema import Checker

#: Image formats python-pptx can place on a slide (as Pillow names them), with their usual file suffixes.
LOGO_SUFFIXES = {"PNG": ("png",), "JPEG": ("jpg", "jpeg"), "GIF": ("gif",), "BMP": ("bmp",), "TIFF": ("tif", "tiff")}
LOGO_FORMATS = tuple(LOGO_SUFFIXES)
#: Most pixels a logo may have: the preview decodes it at 4 bytes a pixel (160 MB here).
MAX_LOGO_PIXELS = 40_000_000

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def file_name(value: Any) -> str | None:
    """Return the file name a template value gives, without control characters, or None if it gives none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)  # the schema accepts a bare number as a file name; so must we
    if not isinstance(value, str):
        return None  # absent, or a wrong type the schema has reported
    return _CONTROL.sub("", value) or None


def _reason(exc: OSError | ValueError) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def existing_file(folder: Path, name: str, key: str, checker: Checker) -> Path | None:
    """Return the file *name* inside *folder*; report under *key* why it cannot be used otherwise."""
    try:
        path = (folder / name).resolve()
        if not path.is_relative_to(folder):
            checker.report(
                (key,),
                f"the {key} path '{name}' leads outside the template folder",
                hint=f"put the {'logo' if key == 'logo' else '.pptx'} file inside the template folder",
            )
            return None
        if path.is_file():
            return path
    except (OSError, ValueError) as exc:  # a name too long for the file system
        checker.report((key,), f"the {key} file '{name}' cannot be read: {_reason(exc)}", hint="check the file name")
        return None
    checker.report((key,), f"the {key} file '{name}' does not exist", hint="check the file name")
    return None


def check_logo(folder: Path, value: Any, checker: Checker) -> Path | None:
    """Return the logo's path if it is an image file inside *folder* we can show; report why not otherwise."""
    logo = file_name(value)
    path = existing_file(folder, logo, "logo", checker) if logo else None
    if path is None:
        return None
    problem = logo_image_problem(path)
    if problem is not None:
        what, hint = problem
        checker.report(("logo",), f"the logo file '{logo}' {what}", hint=hint)
        return None
    return path


def logo_image_problem(path: Path) -> tuple[str, str] | None:
    """Return why the image file at *path* cannot be a logo and how to mend it, or None if it can be one.

    The template checker and the app's logo chooser both ask this, so they
    accept and refuse the same files.
    """
    try:
        image_format, (width, height) = _image_header(path)
    except _HugeImage:
        size = "an image of hundreds of millions of pixels"
    else:
        if image_format not in LOGO_FORMATS:
            found = f"a {image_format} file" if image_format else "not an image PowerPoint can show"
            return f"is {found}", f"use one of {', '.join(LOGO_FORMATS)}, e.g. export the logo as PNG"
        if width * height <= MAX_LOGO_PIXELS:
            return None
        size = f"{width:,} x {height:,} pixels"
    return (
        f"is {size}; a logo may have at most {MAX_LOGO_PIXELS // 1_000_000} million pixels",
        "scale it down: a logo 2,000 pixels wide is sharp on any slide",
    )


class _HugeImage(Exception):
    """Pillow refused to open an image for claiming far more pixels than it allows."""


def _image_header(path: Path) -> tuple[str, tuple[int, int]]:
    """Return Pillow's name for the image format of *path* ("" if it reads none) and the size its header claims.

    Raises :class:`_HugeImage` when Pillow will not even open it.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # We judge the size ourselves; Pillow's warning would only repeat it.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                return image.format or "", image.size
    except Image.DecompressionBombError:
        raise _HugeImage from None
    except (OSError, UnidentifiedImageError, ValueError):
        return "", (0, 0)


def check_master(folder: Path, raw: dict[str, Any], checker: Checker) -> MasterTemplate | None:
    """Return the master the template names, loaded; report why it cannot be used otherwise."""
    name = file_name(raw.get("master"))
    if not name:
        # Without a master, the slide size is required (the schema cannot say so: it depends on 'master').
        if "slide" not in raw:
            checker.report(
                (),
                "missing required key 'slide' in template",
                hint="add 'slide:' with width_in and height_in, or name a PowerPoint file "
                "with 'master:' to take its slide size",
            )
        elif raw["slide"] is None:
            checker.report(
                ("slide",),
                "has no value",
                hint="write width_in and height_in here, or name a PowerPoint file with 'master:' "
                "to take its slide size",
            )
        return None
    path = existing_file(folder, name, "master", checker)
    if path is None:
        return None
    try:
        return load_master(path)
    except TemplateError as exc:
        for problem in exc.problems:
            checker.report(
                ("master",), f"the master file '{name}' cannot be used: {problem.message}", hint=problem.hint
            )
        return None
