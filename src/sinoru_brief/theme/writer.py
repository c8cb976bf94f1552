"""Write a :class:`Theme` back to a template folder that :func:`load_theme` reads as the same theme.

The app's theme editor changes a theme in memory; saving it as a template
writes ``template.yaml`` with every value spelt out (so the user can edit
the file later), copies the logo in beside it and, for a theme built on a
PowerPoint master, the master as ``master.pptx``. The folder is written
next to its final place and moved there only once it loads back, so a
failed save never leaves a half-written template behind.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import fields
from pathlib import Path

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.theme.loader import TEMPLATE_FILE, load_theme
from sinoru_brief.theme.model import Snippets, Theme
from sinoru_brief.units import Emu, emu_to_stored_inches

MASTER_FILE = "master.pptx"
#: Where a template is written before it is moved into place, inside the templates folder.
WORK_FOLDER = ".saving"
_COLOR_ROLES = ("background", "title", "text", "accent", "muted", "rule", "panel")
_SIZE_ROLES = ("deck_title", "section_title", "title", "body", "sub", "quote", "table", "source", "reference")
# YAML folds these inside double quotes as line breaks; JSON leaves them raw, so they are escaped by hand.
_YAML_BREAKS = {"\u0085": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def theme_yaml(theme: Theme, logo_name: str | None = None, master_name: str | None = None) -> str:
    """Return ``template.yaml`` text for *theme*, naming *logo_name* and *master_name* (files in its folder).

    Lengths are written in inches to six decimals, which round back to the
    same EMU; colours and text are quoted, so YAML never reads them as numbers.
    """
    c, s = theme.colors, theme.sizes
    lines = [
        "# Saved from the sinoru-brief theme editor; edit freely (see docs/templates.md).",
        f"name: {_text(theme.name)}",
        f"label: {_text(theme.label)}",
        "slide:",
        f"  width_in: {_inches(theme.width)}",
        f"  height_in: {_inches(theme.height)}",
    ]
    if master_name:
        lines.append(f"master: {_text(master_name)}        # its slide size, fonts, colours and margins win")
    lines += [
        "margins_in: {"
        + ", ".join(
            f"{side}: {_inches(getattr(theme, f'margin_{side}'))}" for side in ("left", "right", "top", "bottom")
        )
        + "}",
        "fonts:",
        f"  heading: {_text(theme.fonts.heading)}",
        f"  body: {_text(theme.fonts.body)}",
        f"  east_asian: {_text(theme.fonts.east_asian)}",
        "colors:",
        *(f"  {role}: {_text(getattr(c, role))}" for role in _COLOR_ROLES),
        "  chart: [" + ", ".join(_text(color) for color in c.chart) + "]",
        "sizes:            # points: preferred size and the floor the layout may shrink to",
        *(f"  {role}: [{_number(getattr(s, role).size)}, {_number(getattr(s, role).minimum)}]" for role in _SIZE_ROLES),
        f"  footer: {_number(s.footer)}",
        f"line_spacing: {_number(theme.line_spacing)}",
        f"paragraph_space: {_number(theme.paragraph_space)}",
    ]
    if theme.banner:
        lines += [
            "banner:",
            f"  text: {_text(theme.banner.text)}",
            f"  color: {_text(theme.banner.color)}",
            f"  text_color: {_text(theme.banner.text_color)}",
        ]
    else:
        lines.append("banner: null")
    if logo_name:
        lines.append(f"logo: {_text(logo_name)}")
    forms = ", ".join(f"{depth}: {form}" for depth, form in theme.structure.references)
    lines += ["structure:", f"  section_min_slides: {theme.structure.section_min_slides}", f"  references: {{{forms}}}"]
    lines.append("snippets:")
    lines += [f"  {f.name}: {_text(getattr(theme.snippets, f.name))}" for f in fields(Snippets)]
    return "\n".join(lines) + "\n"


def save_theme(theme: Theme, folder: Path, replace_existing: bool = False) -> Theme:
    """Write *theme* as the template folder *folder*; return the theme loaded back from it.

    The logo is copied in under its own file name, the master as
    ``master.pptx``. With *replace_existing*, an existing folder is replaced
    (only once the new one loads); otherwise an existing folder is an error.
    Raises :class:`TemplateError` if the folder exists, cannot be written,
    or what was written does not load.
    """
    folder = Path(folder)
    if folder.exists() and not replace_existing:
        raise TemplateError(
            Problem(
                folder,
                "a template of this name already exists",
                hint="choose another name, or delete that template first",
            )
        )
    # Staged one level down, so a listing of template folders never shows a half-written one.
    work = folder.parent / WORK_FOLDER
    work.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", dir=work))
    try:
        logo_name = _copy_logo(theme.logo, staging)
        master_name = None
        if theme.master is not None:
            (staging / MASTER_FILE).write_bytes(theme.master.data)
            master_name = MASTER_FILE
        (staging / TEMPLATE_FILE).write_text(theme_yaml(theme, logo_name, master_name), encoding="utf-8")
        load_theme(staging)  # what was written must load, or it is not kept
        _move_into_place(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise TemplateError(
            Problem(
                folder,
                f"the template cannot be written: {exc.strerror or exc}",
                hint="check that the templates folder is writable and the disk not full",
            )
        ) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        try:
            work.rmdir()  # only when empty: another save may be running
        except OSError:
            pass
    return load_theme(folder)


def _copy_logo(logo: Path | None, folder: Path) -> str | None:
    if logo is None:
        return None
    name = Path(logo).name
    if name in (TEMPLATE_FILE, MASTER_FILE) or name.startswith("."):
        name = "logo" + Path(logo).suffix.lower()
    shutil.copyfile(logo, folder / name)
    return name


def _move_into_place(staging: Path, folder: Path) -> None:
    """Rename *staging* to *folder*, swapping out an existing folder only after the rename worked."""
    if not folder.exists():
        staging.rename(folder)
        return
    old = staging.with_name(staging.name + ".old")
    folder.rename(old)
    try:
        staging.rename(folder)
    except BaseException:
        old.rename(folder)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _inches(emu: Emu) -> str:
    return _number(emu_to_stored_inches(emu))


def _number(value: float) -> str:
    """Return *value* as YAML: ``22`` for a whole number, ``1.15`` otherwise."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _text(value: str) -> str:
    """Return *value* as a double-quoted YAML scalar (JSON's escapes are YAML's)."""
    quoted = json.dumps(value, ensure_ascii=False)
    for char, escape in _YAML_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted
