"""The ``sinoru-brief`` command: export decks, list topics, validate content, preview slides, open the app.

``sinoru-brief`` alone opens the desktop app, ``sinoru-brief FILE.brief.yaml``
opens that brief in it. Exit codes: 0 on success, 1 on a user-facing error
(one clear message on stderr, no traceback), 2 on a usage error.

Only what parsing the command line needs is imported up front: each command
imports its own part of the program, so ``--help``, ``--version`` and
``validate`` never load Jinja2, citeproc-py, python-pptx or Qt.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sinoru_brief import __version__
from sinoru_brief.cli_sources import add_sources_parser
from sinoru_brief.cli_template import add_template_parser
from sinoru_brief.errors import BriefError, BriefFileError, Problem

if TYPE_CHECKING:
    from sinoru_brief.brief import Brief
    from sinoru_brief.content import Library
    from sinoru_brief.pipeline import Build, BuildCache
    from sinoru_brief.theme import Theme

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
#: The depths a deck can have, as :data:`sinoru_brief.content.DEPTHS` names them (a test keeps them equal);
#: spelled out here so that parsing the command line does not load the content package.
DEPTH_NAMES = ("key", "standard", "full")
USAGE = "sinoru-brief [-h] [--version] [FILE.brief.yaml | COMMAND ...]"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sinoru-brief",
        usage=USAGE,
        description="Build cited PowerPoint briefing decks on the Sino-Russian partnership.",
        epilog="Run without a command to open the desktop app, or with a .brief.yaml file to open that brief "
        "in it. Example: sinoru-brief export --topics summits,north-korea --depth key -o brief.pptx",
    )
    parser.add_argument(
        "--version", action="version", version=f"sinoru-brief {__version__}", help="print the version and exit"
    )
    # prog is given because argparse would otherwise prefix every subcommand's messages with USAGE.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="sinoru-brief")

    export = sub.add_parser(
        "export",
        help="export a deck to .pptx or .pdf",
        description="Compose, lay out and write a deck as an editable .pptx, or as a PDF "
        "read-ahead when the output ends in .pdf.",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT.pptx|OUT.pdf",
        help="the file to write; its suffix chooses the format",
    )
    export.add_argument(
        "--handout",
        action="store_true",
        help="PDF only: A4 pages, each the slide above its speaker notes and full references",
    )
    _add_deck_options(export)

    check = sub.add_parser(
        "check",
        help="check a .pptx for validity and accessibility",
        description="Report package and schema validity and the accessibility rules that "
        "can be read from the file, each with its slide and shape. Exit 1 "
        "when an error is found, 2 when the file cannot be read.",
    )
    check.add_argument("deck", type=Path, metavar="DECK.pptx", help="the presentation to check (any .pptx)")

    preview = sub.add_parser(
        "preview",
        help="draw slides as PNG images",
        description="Draw the deck's slides as PNG files, exactly as they export.",
    )
    preview.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="folder for the PNGs")
    preview.add_argument("--slides", metavar="LIST", help="slide numbers, e.g. 1,3-5 (default: all)")
    preview.add_argument("--width", type=int, default=1600, metavar="PX", help="image width in pixels")
    _add_deck_options(preview)

    topics = sub.add_parser("topics", help="list topics and their slide counts per depth")
    _add_content_option(topics)

    validate = sub.add_parser("validate", help="check a content library and print every problem")
    _add_content_option(validate)

    styles = sub.add_parser("styles", help="list the citation styles that can be named with --style")
    styles.add_argument("filter", nargs="?", default="", help="show only styles whose name contains this")

    sub.add_parser("templates", help="list the built-in templates")
    add_template_parser(sub)
    add_sources_parser(sub)

    desktop = sub.add_parser(
        "install-desktop-entry",
        help="add sinoru-brief to the Linux applications menu",
        description="Install a desktop entry, the icon and the .brief.yaml file type "
        "for this user (under $XDG_DATA_HOME, usually ~/.local/share), so "
        "the desktop's menu and file manager start this sinoru-brief.",
    )
    desktop.add_argument("--remove", action="store_true", help="remove what an earlier run installed")
    desktop.add_argument(
        "--data-home", type=Path, metavar="DIR", help="install under DIR instead of $XDG_DATA_HOME or ~/.local/share"
    )
    return parser


def _add_content_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        action="append",
        default=[],
        help="a library folder to use besides the built-in one and your own; give it again for more",
    )


def _add_deck_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--topics", metavar="all|ID,ID,...", help="topics in order (default: all, or the brief's)")
    command.add_argument("--depth", choices=DEPTH_NAMES, help="key, standard or full (default: standard)")
    command.add_argument("--brief", type=Path, metavar="FILE", help="a .brief.yaml with the deck's choices")
    _add_content_option(command)
    command.add_argument("--template", metavar="NAME|DIR", help="template name or folder (default: briefing)")
    command.add_argument(
        "--master", type=Path, metavar="FILE.pptx", help="build the deck on this PowerPoint master (.pptx or .potx)"
    )
    command.add_argument(
        "--style", metavar="CSL-STYLE", help="citation style name or .csl file (default: chicago-notes-bibliography)"
    )
    command.add_argument("--title", help="deck title")
    command.add_argument("--subtitle", help="deck subtitle")
    command.add_argument("--author", help="author shown on the title slide")
    command.add_argument("--organisation", help="organisation shown on the title slide")
    command.add_argument("--presenter", help="presenter shown on the title slide")
    command.add_argument(
        "--classification", metavar="MARKING", help="marking shown on the title slide, e.g. UNCLASSIFIED"
    )
    command.add_argument("--date", metavar="YYYY-MM-DD", help="date shown on the title slide (default: today)")


def _brief_from_args(args: argparse.Namespace, library: Library) -> Brief:
    import datetime as dt

    from sinoru_brief.brief import Brief, load_brief, reconciled
    from sinoru_brief.templating import strip_xml_illegal

    if args.brief:
        loaded = load_brief(args.brief)
        brief, notes = reconciled(loaded, library)
        named = list(loaded.topics)
        if named and not brief.topics and not args.topics:
            # Falling back to "all topics" would silently export the whole library instead.
            dropped = ", ".join(f"'{t}'" for t in dict.fromkeys(named))
            raise BriefFileError(
                Problem(
                    args.brief,
                    f"none of the brief's topics is in the library any more ({dropped})",
                    key_path="topics",
                    hint="choose topics with --topics, or edit the brief's topics; 'sinoru-brief topics' lists them",
                )
            )
        for message in notes:
            print(f"sinoru-brief: {args.brief}: {message}", file=sys.stderr)
    else:
        brief = Brief()
    if args.topics:
        brief.topics = (
            library.topic_ids() if args.topics == "all" else [t.strip() for t in args.topics.split(",") if t.strip()]
        )
    elif not brief.topics:
        brief.topics = library.topic_ids()
    if args.template is not None and args.template != brief.template:
        brief.look = {}  # the look was edited on the brief's template; the app, too, drops it with the template
    _refuse_a_missing_logo(brief)
    for name in (
        "depth",
        "template",
        "style",
        "title",
        "subtitle",
        "author",
        "organisation",
        "presenter",
        "classification",
    ):
        value = getattr(args, name)
        if value is not None:
            # Undecodable bytes in argv arrive as lone surrogates, which no .pptx can hold.
            setattr(brief, name, value if name in ("template", "style") else strip_xml_illegal(value))
    if args.date:
        try:
            brief.date = dt.date.fromisoformat(args.date)
        except ValueError:
            raise BriefError(f"--date: expected a date written YYYY-MM-DD, got '{args.date}'") from None
    return brief


def _refuse_a_missing_logo(brief: Brief) -> None:
    """Raise :class:`BriefFileError` if the brief's look names a logo file that is gone.

    The app shows such a deck without the logo and says so; a deck written
    from the command line, perhaps by a script, would go out without the
    organisation's logo and nobody would notice.
    """
    from sinoru_brief.brief.look import missing_logo_problem

    problem = missing_logo_problem(
        brief,
        hint="put the image back at that path, or name another PNG, JPEG, GIF, BMP or TIFF file in the brief's look "
        "('logo: false' for a deck without a logo)",
    )
    if problem is not None:
        raise BriefFileError(problem)


def _theme_from_args(args: argparse.Namespace, brief: Brief, cache: BuildCache) -> Theme:
    """Return the brief's template (on --master, if given) with the brief's look laid over it.

    The look goes on through :func:`~sinoru_brief.brief.look.apply_look`, as
    in the app, so a banner or logo set in the app's look is on the deck
    whether or not the master is named here.
    """
    from sinoru_brief.brief.look import apply_look

    return apply_look(cache.theme(brief.template, master=args.master), brief.look)


def deck_from_args(args: argparse.Namespace) -> Build:
    """Compose and lay out the deck the parsed deck options (--brief, --topics, --master ...) describe."""
    from sinoru_brief.content import load_libraries
    from sinoru_brief.pipeline import BuildCache, build

    library = load_libraries(args.content)
    brief = _brief_from_args(args, library)
    cache = BuildCache(library)
    return build(brief, cache, theme=_theme_from_args(args, brief, cache))


def _cmd_export(args: argparse.Namespace) -> int:
    as_pdf = args.output.suffix.lower() == ".pdf"
    if args.handout and not as_pdf:
        raise BriefError(f"--handout: handouts are PDFs; name the output {args.output.with_suffix('.pdf')}")
    from sinoru_brief.layout.collector import collector_paused

    # One pause of the cyclic collector over loading, building and writing (see layout.collector):
    # each stage keeps what it makes, and a collection between two stages would walk it all to free nothing.
    with collector_paused():
        result = deck_from_args(args)
        if as_pdf:
            from sinoru_brief.render.qt.pdf import write_pdf  # Qt loads only here

            deck_brief = result.deck.brief
            write_pdf(result.pages, args.output, title=deck_brief.title, author=deck_brief.author, handout=args.handout)
        else:
            from sinoru_brief.atomic import write_atomic
            from sinoru_brief.pipeline import render_pptx

            write_atomic(args.output, render_pptx(result))
    print(f"Wrote {args.output}: {len(result.pages)} slides, {len(result.deck.references)} references.")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from sinoru_brief.check.cli import run_check

    return run_check(args.deck)


def _cmd_preview(args: argparse.Namespace) -> int:
    from sinoru_brief.layout.collector import collector_paused

    with collector_paused():  # as in _cmd_export
        result = deck_from_args(args)
        numbers = parse_slide_list(args.slides, len(result.pages)) if args.slides else range(1, len(result.pages) + 1)
        from sinoru_brief.render.qt.images import write_pngs  # Qt loads only for this command

        written = write_pngs(result.pages, args.output, numbers, args.width)
    print(f"Wrote {len(written)} PNG files to {args.output}.")
    return EXIT_OK


def parse_slide_list(text: str, count: int) -> list[int]:
    """Parse ``1,3-5`` into slide numbers, each checked against *count*."""
    numbers: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            if "-" in part:
                lo, hi = (int(x) for x in part.split("-", 1))
                numbers.extend(range(lo, hi + 1))
            else:
                numbers.append(int(part))
        except ValueError:
            raise BriefError(f"--slides: '{part}' is not a slide number or range like 3-5") from None
    bad = [n for n in numbers if not 1 <= n <= count]
    if bad:
        raise BriefError(f"--slides: the deck has slides 1 to {count}; {bad[0]} is out of range")
    return list(dict.fromkeys(numbers))


def _cmd_topics(args: argparse.Namespace) -> int:
    from sinoru_brief.content import DEPTHS, load_libraries

    library = load_libraries(args.content)
    rows = [("ID", "TITLE", *(d.upper() for d in DEPTHS))]
    for topic in library.topics:
        rows.append((topic.id, topic.title, *(str(len(topic.slides_at(d))) for d in DEPTHS)))
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    for row in rows:
        print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  " + "  ".join(f"{c:>8}" for c in row[2:]))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from sinoru_brief.content import load_libraries
    from sinoru_brief.content.libraries import library_folders

    library = load_libraries(args.content)
    slides = sum(len(t.slides) for t in library.topics)
    print(f"OK: {len(library.sources)} sources, {len(library.topics)} topics, {slides} slides.")
    folders = library_folders(args.content)
    if len(folders) > 1:  # say which libraries were checked together, so none is thought checked on its own
        print(f"From {len(folders)} libraries: " + ", ".join(str(folder) for folder, _ in folders))
    return EXIT_OK


def _cmd_styles(args: argparse.Namespace) -> int:
    from sinoru_brief.citations.formatting import available_styles

    for name in available_styles():
        if args.filter in name:
            print(name)
    return EXIT_OK


def _cmd_templates(args: argparse.Namespace) -> int:
    from sinoru_brief.theme import builtin_template_names, load_theme

    for name in builtin_template_names():
        print(f"{name:<16} {load_theme(name).label}")
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from sinoru_brief.cli_template import run_template

    return run_template(args)


def _cmd_sources(args: argparse.Namespace) -> int:
    from sinoru_brief.cli_sources import run_sources

    return run_sources(args)


def _cmd_install_desktop_entry(args: argparse.Namespace) -> int:
    from sinoru_brief import desktop_entry

    if args.remove:
        removed = desktop_entry.remove(args.data_home)
        print(
            f"Removed {len(removed)} files of sinoru-brief's desktop entry."
            if removed
            else "Nothing to remove: no desktop entry of sinoru-brief was installed there."
        )
        return EXIT_OK
    written = desktop_entry.install(args.data_home)
    print(
        f"Installed sinoru-brief's desktop entry ({written[0]}), its icon and the .brief.yaml file type: "
        f"it appears in your applications menu and opens briefs from the file manager. Starts: "
        f"{' '.join(desktop_entry.launch_command())}"
    )
    return EXIT_OK


COMMANDS = {
    "export": _cmd_export,
    "check": _cmd_check,
    "preview": _cmd_preview,
    "topics": _cmd_topics,
    "validate": _cmd_validate,
    "styles": _cmd_styles,
    "templates": _cmd_templates,
    "template": _cmd_template,
    "sources": _cmd_sources,
    "install-desktop-entry": _cmd_install_desktop_entry,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and _names_a_brief(argv[0]):
            return (
                _open_app(argv[:1])
                if len(argv) == 1
                else _usage_error(f"open one brief at a time; got {len(argv)} arguments after the file name")
            )
        parser = _parser()
        args = parser.parse_args(argv)
        if args.command is None:
            return _open_app([])
        return COMMANDS[args.command](args)
    except BriefError as exc:
        print(f"sinoru-brief: {exc.kind}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ModuleNotFoundError as exc:
        # A dependency of the installation itself is gone (a half-removed environment).
        print(
            f"sinoru-brief: broken installation: the Python module '{exc.name}' is missing; reinstall sinoru-brief",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("sinoru-brief: interrupted", file=sys.stderr)
        return EXIT_ERROR


def _names_a_brief(first: str) -> bool:
    """Return whether the first argument is a brief to open rather than a command or an option."""
    return not first.startswith("-") and first not in COMMANDS and (first.endswith(".yaml") or Path(first).is_file())


def _usage_error(message: str) -> int:
    print(f"usage: {USAGE}\nsinoru-brief: error: {message}", file=sys.stderr)
    return EXIT_USAGE


NO_DISPLAY = (
    "sinoru-brief: no display found: run the CLI commands (sinoru-brief --help), or set QT_QPA_PLATFORM=offscreen"
)


def _open_app(briefs: list[str]) -> int:
    """Start the desktop app, on the brief in *briefs* if one is named; first check that it can start."""
    from sinoru_brief.paths import data_root

    if briefs and not Path(briefs[0]).is_file():
        raise BriefFileError(
            Problem(
                Path(briefs[0]),
                "no such brief file",
                hint="check the path; 'sinoru-brief' alone opens the app on a new brief",
            )
        )
    data_root()  # a broken installation is one line here, not a dialog after Qt has started
    if _no_display():
        # Qt would abort the process (exit 134) when it finds no display to open a window on.
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_ERROR
    from sinoru_brief import qt_libraries

    # Qt's own message for a missing system library names the wrong one, and then it aborts.
    missing = qt_libraries.check_qt_libraries()
    if missing:
        print(f"sinoru-brief: {missing.message()}", file=sys.stderr)
        return EXIT_ERROR
    try:
        from sinoru_brief.app.main import run_app
    except ImportError as exc:
        library = qt_libraries.library_in_error(exc)
        if library:
            print(f"sinoru-brief: {library.message()}", file=sys.stderr)
        else:
            print(
                f"sinoru-brief: broken installation: the desktop app cannot load ({exc}); reinstall "
                "sinoru-brief, or use the CLI commands (sinoru-brief --help)",
                file=sys.stderr,
            )
        return EXIT_ERROR
    return run_app([str(Path(b).absolute()) for b in briefs])


def _no_display() -> bool:
    """Return whether this is Linux without a display Qt could use (X11, Wayland or a chosen platform)."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def run() -> NoReturn:
    """Run the command line as a process (the ``sinoru-brief`` command) and exit with its code.

    Before the interpreter shuts down, everything the command made is moved
    out of the cyclic collector's reach (:func:`gc.freeze`): shutting down
    runs full collections over every object still alive, which after an
    export of 1,000 slides took 0.6 s (a quarter of the command) to find
    nothing that exiting does not free anyway. Objects are still freed and
    files still closed as usual. :func:`main` leaves the collector alone, so
    tests and other callers keep their process as it was.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
