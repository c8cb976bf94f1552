"""The ``sinoru-brief sources import`` command: bring a user's references from Zotero and other managers.

``sources import FILE [FILE...] [-o DIR/sources.yaml]`` reads BibTeX (.bib),
CSL-JSON (.json) and RIS (.ris) files, checks every entry with the content
library's schema, skips works already in the target (or twice in the input)
and appends the rest to the target, keeping what it already holds. Without
``-o`` the target is the user's own library, which every deck loads. It can
check only the libraries it knows (the built-in one and the user's own), and
it says which it checked.
"""

from __future__ import annotations

import argparse
from pathlib import Path

# The sources package (and bibtexparser, rispy) loads only when the command runs: parsing stays fast.


def add_sources_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Add the ``sources`` command and its subcommands to the CLI's *subparsers*."""
    sources = subparsers.add_parser(
        "sources",
        help="import your own sources from Zotero and other managers",
        description="Work with your own sources.",
    )
    sub = sources.add_subparsers(dest="sources_command", metavar="SUBCOMMAND", required=True)
    imports = sub.add_parser(
        "import",
        help="add references from .bib, CSL-JSON or .ris files to a sources.yaml",
        description="Read BibTeX (.bib), CSL-JSON (.json) and RIS (.ris) files, as Zotero, EndNote and "
        "Mendeley export them, and add their entries to a sources.yaml in CSL-YAML. Each entry is "
        "checked as the library's own sources are; works already there (same DOI, or same title and "
        "year) are skipped and listed; an existing file keeps its entries and comments.",
        epilog="Example: sinoru-brief sources import My-Library.bib   (then cite its ids in a brief's own slides)",
    )
    imports.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a .bib, .json or .ris file")
    imports.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="DIR/sources.yaml",
        help="the sources file to add to, created if missing (default: your own library's, "
        "which every deck loads; give another library's folder to decks with --content)",
    )
    imports.add_argument("--dry-run", action="store_true", help="report what would be imported; write nothing")
    return sources


def run_sources(args: argparse.Namespace) -> int:
    """Run a ``sources`` subcommand; return the exit code. Bad input raises a :class:`BriefError`."""
    from sinoru_brief.paths import user_library_dir
    from sinoru_brief.sources import import_sources

    target = args.output or user_library_dir() / "sources.yaml"
    report = import_sources(args.files, target, dry_run=args.dry_run)
    print("\n".join(report.lines()))
    print(
        "Other libraries were not checked (a deck's --content folders, those opened in the app): run "
        "'sinoru-brief validate --content DIR' with a deck's libraries to find ids they share."
    )
    return 0
