"""Choose the reader for a reference file by its suffix and read it, never raising for bad content."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sinoru_brief.errors import Problem
from sinoru_brief.sources.bibtex import read_bibtex
from sinoru_brief.sources.csljson import read_csl_json
from sinoru_brief.sources.entry import ImportedEntry, script_language
from sinoru_brief.sources.ris import read_ris

Reader = Callable[[Path, str, list[Problem]], list[ImportedEntry]]

#: Suffix -> reader. CSL-JSON is what Zotero calls "CSL JSON"; .bib covers BibTeX and biblatex.
READERS: dict[str, Reader] = {".bib": read_bibtex, ".bibtex": read_bibtex, ".json": read_csl_json, ".ris": read_ris}
SUFFIX_HELP = "BibTeX (.bib), CSL-JSON (.json) or RIS (.ris)"

# A reference export of 100,000 items is about 100 MB; anything larger is not one.
MAX_BYTES = 200 * 1024 * 1024


def read_references(path: Path, problems: list[Problem]) -> list[ImportedEntry]:
    """Return the entries of the reference file *path*; add what is wrong with it to *problems*."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        problems.append(
            Problem(
                path,
                f"cannot import '{path.suffix or 'files without a suffix'}'",
                hint=f"export your references as {SUFFIX_HELP} and import that file",
            )
        )
        return []
    try:
        if path.stat().st_size > MAX_BYTES:
            problems.append(
                Problem(
                    path,
                    "the file is too large to be a reference export",
                    hint="export the collection you need rather than the whole database",
                )
            )
            return []
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(path, "no such file", hint="check the path"))
        return []
    except IsADirectoryError:
        problems.append(Problem(path, "is a folder, not a file", hint=f"name a {SUFFIX_HELP} file"))
        return []
    except OSError as exc:
        problems.append(
            Problem(
                path,
                f"cannot read the file: {exc.strerror or exc}",
                hint="check that it exists and that you may read it",
            )
        )
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            Problem(
                path,
                "the file is not UTF-8 text",
                line=line,
                hint="export it again as UTF-8 (in Zotero: Export Format > Character Encoding: Unicode (UTF-8))",
            )
        )
        return []
    entries = reader(path, text.replace("\r\n", "\n").replace("\r", "\n"), problems)
    for entry in entries:
        _add_language(entry)
    return entries


def _add_language(entry: ImportedEntry) -> None:
    """Give a Russian or Chinese work without a language one, from its (original) title's script."""
    if entry.csl.get("language"):
        return
    title = str(entry.csl.get("original-title") or entry.csl.get("title") or "")
    language = script_language(title)
    if language:
        entry.csl["language"] = language
        entry.notes.append(f"language set to {language} from the title's script (so styles do not title-case it)")
