"""The ``sinoru-brief template`` commands: inspect a PowerPoint master, copy a template, list templates.

``template inspect FILE.pptx`` shows what the program will do with a master:
its slide size, theme fonts and colours, every master and layout with its
placeholders (type and idx), the layout chosen for each slide kind, and what
is missing. ``template new NAME --from briefing`` copies a template into the
user's templates folder, optionally with a master, for the user to edit.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sinoru_brief.theme.master import MasterTemplate, PlaceholderInfo

# The theme package (and the citation styles it checks) loads only when a template command runs:
# building the CLI's parser must stay fast.
MASTER_FILE = "master.pptx"


def add_template_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add the ``template`` command and its subcommands to the CLI's *subparsers*."""
    template = subparsers.add_parser(
        "template",
        help="inspect a PowerPoint master, copy or list templates",
        description="Work with templates and PowerPoint masters.",
    )
    sub = template.add_subparsers(dest="template_command", metavar="SUBCOMMAND", required=True)
    inspect = sub.add_parser(
        "inspect",
        help="show a master's layouts and how slide kinds map to them",
        description="Print the masters, layouts and placeholders of a PowerPoint file, "
        "the layout chosen for each slide kind, and what is missing.",
    )
    inspect.add_argument("file", type=Path, metavar="FILE.pptx", help="a .pptx or .potx file")
    new = sub.add_parser(
        "new",
        help="copy a template into your templates folder",
        description="Copy a template into your templates folder to edit it "
        "(it prints where the copy is; 'template list' lists your templates).",
    )
    new.add_argument("name", metavar="NAME", help="the new template's name (letters, digits, spaces, . _ -)")
    new.add_argument(
        "--from",
        dest="source",
        default="briefing",
        metavar="TEMPLATE",
        help="the template to copy: a built-in or your own name, or a folder (default: briefing)",
    )
    new.add_argument(
        "--master",
        type=Path,
        metavar="FILE.pptx",
        help=f"a PowerPoint master to build decks on (copied in as {MASTER_FILE})",
    )
    sub.add_parser("list", help="list the built-in templates and your own")
    return template


def run_template(args: argparse.Namespace) -> int:
    """Run a ``template`` subcommand; return the exit code. User errors raise :class:`TemplateError`."""
    from sinoru_brief.theme.copying import new_template
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
        print(
            f"Created template '{args.name}' in {folder}. Edit {folder / TEMPLATE_FILE}, "
            f'then export with --template "{args.name}".'
        )
    else:
        for name in builtin_template_names():
            print(f"{name:<16} {load_theme(name).label}  (built-in)")
        for name in user_template_names():
            print(f"{name:<16} {user_templates_dir() / name}")
    return 0


def describe_master(master: MasterTemplate) -> str:
    """Return the report ``template inspect`` prints for *master*."""
    from sinoru_brief.theme.mapping import KIND_NEEDS, NEED_LABELS, NEEDS, mapping
    from sinoru_brief.theme.master_look import master_look
    from sinoru_brief.units import emu_to_inches

    chosen = mapping(master)
    look = master_look(master)
    width, height = emu_to_inches(master.width), emu_to_inches(master.height)
    lines = [
        f"File: {master.path}",
        f"Slide size: {width:.3f} x {height:.3f} in ({_shape(master.width, master.height)})",
    ]
    info = master.masters[chosen.master]
    lines.append(
        f"Theme fonts: headings '{info.major_font or '(none)'}' -> {look.fonts.heading}, "
        f"text '{info.minor_font or '(none)'}' -> {look.fonts.body}"
    )
    c = look.colors
    lines.append(
        f"Colours: background {c.background}, title {c.title}, text {c.text}, accent {c.accent}, "
        f"muted {c.muted}; charts {' '.join(c.chart)}"
    )
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
        lines.append(f"  {kinds}: layout {choice.layout.index + 1} {choice.layout.label}, as {NEED_LABELS[need]}{fit}")
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


def _placeholders(placeholders: Iterable[PlaceholderInfo]) -> str:
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
