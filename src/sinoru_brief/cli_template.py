"""The ``sinoru-brief template`` commands: inspect a PowerPoint master, copy a template, list templates.

``template inspect FILE.pptx`` shows what the program will do with a master:
its slide size, theme fonts and colours, every master and layout with its
placeholders (type and idx), the layout chosen for each slide kind, and what
is missing. ``template new NAME --from briefing`` copies a template into the
user's templates folder, optionally with a master, for the user to edit.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sinoru_brief.errors import Problem, TemplateError

if TYPE_CHECKING:
    from sinoru_brief.theme.master import MasterTemplate

# The theme package (and the citation styles it checks) loads only when a template command runs:
# building the CLI's parser must stay fast.
MASTER_FILE = "master.pptx"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}")


def add_template_parser(subparsers) -> argparse.ArgumentParser:
    """Add the ``template`` command and its subcommands to the CLI's *subparsers*."""
    template = subparsers.add_parser("template", help="inspect a PowerPoint master, copy or list templates",
                                     description="Work with templates and PowerPoint masters.")
    sub = template.add_subparsers(dest="template_command", metavar="SUBCOMMAND", required=True)
    inspect = sub.add_parser("inspect", help="show a master's layouts and how slide kinds map to them",
                             description="Print the masters, layouts and placeholders of a PowerPoint file, "
                                         "the layout chosen for each slide kind, and what is missing.")
    inspect.add_argument("file", type=Path, metavar="FILE.pptx", help="a .pptx or .potx file")
    new = sub.add_parser("new", help="copy a template into your templates folder",
                         description="Copy a template into your templates folder to edit it "
                                     "(it prints where the copy is; 'template list' lists your templates).")
    new.add_argument("name", metavar="NAME", help="the new template's name (letters, digits, spaces, . _ -)")
    new.add_argument("--from", dest="source", default="briefing", metavar="TEMPLATE",
                     help="the template to copy: a built-in or your own name, or a folder (default: briefing)")
    new.add_argument("--master", type=Path, metavar="FILE.pptx",
                     help=f"a PowerPoint master to build decks on (copied in as {MASTER_FILE})")
    sub.add_parser("list", help="list the built-in templates and your own")
    return template


def run_template(args: argparse.Namespace) -> int:
    """Run a ``template`` subcommand; return the exit code. User errors raise :class:`TemplateError`."""
    from sinoru_brief.theme.loader import (
        TEMPLATE_FILE,
        builtin_template_names,
        load_theme,
        user_template_names,
        user_templates_dir,
    )
    from sinoru_brief.theme.master import load_master

    if args.template_command == "inspect":
        print(describe_master(load_master(args.file)))
    elif args.template_command == "new":
        folder = new_template(args.name, args.source, args.master)
        print(f"Created template '{args.name}' in {folder}. Edit {folder / TEMPLATE_FILE}, "
              f"then export with --template \"{args.name}\".")
    else:
        for name in builtin_template_names():
            print(f"{name:<16} {load_theme(name).label}  (built-in)")
        for name in user_template_names():
            print(f"{name:<16} {user_templates_dir() / name}")
    return 0


def new_template(name: str, source: str, master: Path | None = None, folder: Path | None = None) -> Path:
    """Copy the template *source* to a new template *name* in *folder* (default: the user's templates folder).

    The copy's ``name:`` is set to *name*; with *master*, the file is checked,
    copied in as ``master.pptx`` and named in ``template.yaml``. Raises
    :class:`TemplateError` for a bad name, an existing template or a bad master.
    """
    import shutil

    from sinoru_brief.theme.loader import (
        TEMPLATE_FILE,
        builtin_template_names,
        load_theme,
        resolve_template,
        user_templates_dir,
    )
    from sinoru_brief.theme.master import load_master

    if not _NAME.fullmatch(name) or ".." in name:
        raise TemplateError(Problem(None, f"'{name}' cannot name a template",
                                    hint="use up to 80 letters, digits, spaces, dots, dashes and underscores, "
                                         "starting with a letter or digit"))
    if name in builtin_template_names():
        raise TemplateError(Problem(None, f"'{name}' is the name of a built-in template",
                                    hint="choose another name: built-in names always mean the built-in template"))
    origin = resolve_template(source).resolve()
    if master is not None:
        load_master(master)  # refuse a bad master before anything is written
    target = (folder or user_templates_dir()) / name
    if target.exists():
        raise TemplateError(Problem(target, "a template of this name already exists",
                                    hint="choose another name, or delete that folder first"))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(origin, target)
    try:
        text = (target / TEMPLATE_FILE).read_text(encoding="utf-8")
        text, count = re.subn(r"(?m)^name:.*$", f"name: {_yaml_text(name)}", text, count=1)
        if not count:
            text = f"name: {_yaml_text(name)}\n" + text
        if master is not None:
            shutil.copyfile(master, target / MASTER_FILE)
            text = re.sub(r"(?m)^master:.*\n", "", text) + f"master: {MASTER_FILE}\n"
        (target / TEMPLATE_FILE).write_text(text, encoding="utf-8")
        load_theme(target)  # the copy must load, or it is not left behind
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return target


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def describe_master(master: MasterTemplate) -> str:
    """Return the report ``template inspect`` prints for *master*."""
    from sinoru_brief.theme.mapping import KIND_NEEDS, NEED_LABELS, NEEDS, mapping
    from sinoru_brief.theme.master_look import master_look
    from sinoru_brief.units import EMU_PER_INCH

    chosen = mapping(master)
    look = master_look(master)
    width, height = master.width / EMU_PER_INCH, master.height / EMU_PER_INCH
    lines = [f"File: {master.path}",
             f"Slide size: {width:.3f} x {height:.3f} in ({_shape(master.width, master.height)})"]
    info = master.masters[chosen.master]
    lines.append(f"Theme fonts: headings '{info.major_font or '(none)'}' -> {look.fonts.heading}, "
                 f"text '{info.minor_font or '(none)'}' -> {look.fonts.body}")
    c = look.colors
    lines.append(f"Colours: background {c.background}, title {c.title}, text {c.text}, accent {c.accent}, "
                 f"muted {c.muted}; charts {' '.join(c.chart)}")
    lines.append("")
    lines.append("Masters and layouts (placeholders as type[idx]):")
    for m in master.masters:
        used = " (used)" if m.index == chosen.master else ""
        lines.append(f"  Master {m.index + 1} '{m.name}'{used}: {_placeholders(m.placeholders)}")
        for layout in m.layouts:
            lines.append(f"    Layout {layout.index + 1} {layout.label}: {_placeholders(layout.placeholders)}")
    lines.append("")
    lines.append("Slide kinds -> layouts:")
    for need in NEEDS:
        choice = chosen.for_need(need)
        kinds = ", ".join(k for k, n in KIND_NEEDS.items() if n == need)
        fit = "" if choice.exact else "  [closest: no exact fit]"
        lines.append(f"  {kinds}: layout {choice.layout.index + 1} {choice.layout.label}, "
                     f"as {NEED_LABELS[need]}{fit}")
    lines.append("")
    if chosen.missing:
        lines.append("Missing or adjusted:")
        lines.extend(f"  - {note}" for note in chosen.missing)
    else:
        lines.append("Missing: nothing; every slide kind has a layout that fits.")
    if look.notes:
        lines.append("Look:")
        lines.extend(f"  - {note}" for note in look.notes)
    return "\n".join(lines)


def _placeholders(placeholders) -> str:
    return ", ".join(p.describe() for p in placeholders) or "no placeholders"


def _shape(width: int, height: int) -> str:
    """Name the slide's proportions, e.g. 16:9 or portrait."""
    if height > width:
        return "portrait"
    ratio = width / height
    for name, value in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3), ("A4", 297 / 210)):
        if abs(ratio - value) < 0.01:
            return name
    return f"{ratio:.2f}:1"
