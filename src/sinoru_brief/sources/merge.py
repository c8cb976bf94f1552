"""Import reference files into a sources.yaml: validate, drop duplicates, give ids, append, write atomically."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinoru_brief.atomic import write_atomic
from sinoru_brief.content.schema import SOURCES_SPEC
from sinoru_brief.errors import Problem
from sinoru_brief.sources.dedupe import DuplicateIndex
from sinoru_brief.sources.emit import entries_yaml, entry_yaml
from sinoru_brief.sources.entry import ImportedEntry, SourceImportError
from sinoru_brief.sources.ids import make_id
from sinoru_brief.sources.known import KnownSource, library_sources
from sinoru_brief.sources.readers import read_references
from sinoru_brief.yamlio.marked import load_marked
from sinoru_brief.yamlio.schema import INVALID, Checker

NEW_FILE_HEADER = (
    "# Your own sources, in CSL-YAML: one entry per work, cited from slides by id.\n"
    "# Written by 'sinoru-brief sources import'; edit it freely, later imports add to it.\n"
)
_FIX_HINT = "correct the entry in your reference manager and export it again, or leave it out of the import"


@dataclass
class ImportReport:
    """What an import did: the entries added (with their new ids), those skipped and why, what was left out."""

    target: Path
    imported: list[tuple[str, ImportedEntry]] = field(default_factory=list)
    skipped: list[tuple[ImportedEntry, str]] = field(default_factory=list)
    rewritten: bool = False  # the existing file could not be appended to and was written anew
    written: bool = False
    #: The files and libraries looked in for duplicates and ids in use: the target first, then the others.
    checked: list[str] = field(default_factory=list)

    def left_out(self) -> Counter[str]:
        """Count, per field, the imported entries whose field has no place in our sources."""
        return Counter(name for _, entry in self.imported for name in entry.dropped)

    def lines(self) -> list[str]:
        """Return the report as lines of text, for the terminal and the app's message box."""
        verb = "Imported" if self.written else "Would import"
        lines = [
            f"{verb} {_count(len(self.imported), 'source')} into {self.target}:"
            if self.imported
            else f"Nothing new to import into {self.target}."
        ]
        lines.extend(f"  {source_id}  {entry.label()}" for source_id, entry in self.imported)
        if self.skipped:
            lines.append(f"Skipped {_count(len(self.skipped), 'duplicate')}:")
            lines.extend(f"  {entry.label()}: {reason}" for entry, reason in self.skipped)
        if self.checked:
            # Only these: a library opened later (--content, File > Open Library) may use an id given here.
            lines.append("Checked for duplicates and ids in use: " + "; ".join(self.checked))
        notes = [f"  {entry.where()}: {note}" for _, entry in self.imported for note in entry.notes]
        if notes:
            lines.append("Converted:")
            lines.extend(notes)
        left_out = self.left_out()
        if left_out:
            lines.append(
                "Left out (fields no citation on a slide uses): "
                + ", ".join(f"{name} ({count})" for name, count in sorted(left_out.items()))
            )
        if self.rewritten:
            lines.append(
                f"{self.target.name} was not a plain list of entries, so it was written anew: its "
                "entries are kept, its comments and layout are not."
            )
        return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def import_sources(
    files: Sequence[Path], target: Path, *, dry_run: bool = False, known: Sequence[KnownSource] | None = None
) -> ImportReport:
    """Import the reference *files* into the sources file *target* and return what was done.

    New ids are unique, and duplicates are looked for, in *target* and in
    *known* (by default the built-in library and the user's own). Raises
    :class:`SourceImportError` listing every problem (in the input files or in
    *target*) before anything is written; *target* is written atomically,
    keeping its own entries, comments and layout.
    """
    report, text = plan_import(files, target, library_sources(target) if known is None else known)
    if text is not None and not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
        report.written = True
    return report


def plan_import(
    files: Sequence[Path], target: Path, known: Sequence[KnownSource] = ()
) -> tuple[ImportReport, str | None]:
    """Return the report of importing *files* into *target* and the file's new text (None if nothing is new)."""
    target = Path(target)
    problems: list[Problem] = []
    entries = [entry for path in files for entry in read_references(Path(path), problems)]
    for entry in entries:
        problems.extend(_check_entry(entry))
    existing, existing_text = _read_target(target)
    if problems:
        raise SourceImportError(problems)
    report = ImportReport(target=target, checked=[str(target), *dict.fromkeys(s.library_label() for s in known)])
    index = DuplicateIndex()
    taken = set()
    for item in existing:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            index.add(item, f"'{item['id']}' (already in {target.name})")
            taken.add(item["id"])
    for source in known:
        index.add(source.csl, f"'{source.id}' (already in {source.library})")
        taken.add(source.id)
    new_items: list[dict[str, Any]] = []
    for entry in entries:
        reason = index.find(entry.csl)
        if reason:
            report.skipped.append((entry, reason))
            continue
        source_id = make_id(entry.csl, taken, entry.key)
        taken.add(source_id)
        index.add(entry.csl, f"'{source_id}' ({entry.where()})")
        new_items.append({"id": source_id, **entry.csl})
        report.imported.append((source_id, entry))
    if not new_items:
        return report, None
    text = _appended(existing_text, existing, new_items, [p.name for p in files])
    if text is None:
        text = NEW_FILE_HEADER + "\n" + entries_yaml([*existing, *new_items])
        report.rewritten = True
    _check_result(target, text)
    return report, text


def _check_entry(entry: ImportedEntry) -> list[Problem]:
    """Check *entry* with the library's own schema, as it will be written; name the input file and entry."""
    # A placeholder id: the real one is made after duplicates are dropped, and always fits the schema.
    doc = load_marked(entry.file, entry_yaml({"id": "imported", **entry.csl}))
    checker = Checker(doc)
    SOURCES_SPEC.check(doc.data, (), checker)
    found = []
    for problem in [*doc.problems, *checker.problems]:
        place = problem.key_path.split(".", 1)[1] if "." in problem.key_path else ""
        key_path = ".".join(p for p in (entry.key, place) if p)
        missing = re.match(r"missing required key '([^']+)'", problem.message)
        # The schema's hint for a missing key speaks YAML ("add 'title:'"); the user fixes it elsewhere.
        hint = f"give the entry a {missing.group(1)}" if missing else problem.hint
        found.append(
            Problem(
                entry.file,
                problem.message,
                line=entry.line,
                key_path=key_path,
                hint="; ".join(h for h in (hint, _FIX_HINT) if h),
            )
        )
    return found


def _read_target(target: Path) -> tuple[list[Any], str]:
    """Return the entries and text of the sources file to import into ([] and "" if there is none yet).

    A broken target is refused, not repaired: writing into it would bury the
    user's own mistake under imported entries.
    """
    if not target.exists():
        return [], ""
    if target.is_dir():
        raise SourceImportError(
            Problem(
                target,
                "is a folder, not a sources file",
                hint="name the sources.yaml file inside it, e.g. -o DIR/sources.yaml",
            )
        )
    doc = load_marked(target)
    problems = list(doc.problems)
    if doc.data is not None and doc.data != []:
        checker = Checker(doc)
        if SOURCES_SPEC.check(doc.data, (), checker) is INVALID or checker.problems:
            problems.extend(checker.problems)
    if problems:
        head = Problem(
            target,
            "the sources file to import into has problems; nothing was imported",
            hint="fix them first (sinoru-brief validate checks a library)",
        )
        raise SourceImportError([head, *problems])
    try:
        text = target.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceImportError(Problem(target, f"cannot read the file: {exc.strerror or exc}")) from exc
    return list(doc.data or []), text


def _appended(text: str, existing: list[Any], new_items: list[dict[str, Any]], names: list[str]) -> str | None:
    """Return *text* with *new_items* appended as a block of entries, or None if the file's shape forbids it.

    Appending keeps every byte the user wrote. It works when the file is a
    block list (or only comments); a flow list ``[...]`` cannot be added to.
    """
    header = f"# Imported from {', '.join(dict.fromkeys(names))}\n"
    if not text.strip() or all(line.lstrip().startswith("#") for line in text.splitlines() if line.strip()):
        lead = text if text.strip() else NEW_FILE_HEADER
        candidate = lead.rstrip("\n") + "\n\n" + header + entries_yaml(new_items)
    else:
        candidate = text.rstrip("\n") + "\n\n" + header + entries_yaml(new_items)
    doc = load_marked(Path("sources.yaml"), candidate)
    if doc.problems or not isinstance(doc.data, list) or len(doc.data) != len(existing) + len(new_items):
        return None
    if doc.data[len(existing) :] != new_items:
        return None
    return candidate


def _check_result(target: Path, text: str) -> None:
    """Check the file about to be written as the loader will: every entry valid, every id unique."""
    doc = load_marked(target, text)
    checker = Checker(doc)
    SOURCES_SPEC.check(doc.data, (), checker)
    problems = [*doc.problems, *checker.problems]
    ids = [item.get("id") for item in doc.data or [] if isinstance(item, dict)]
    problems.extend(
        Problem(target, f"duplicate source id '{i}'", hint="give one of them another id")
        for i, n in Counter(ids).items()
        if n > 1
    )
    if problems:
        raise SourceImportError(
            [
                Problem(
                    target,
                    "the merged sources file would not load; nothing was written",
                    hint="report this as a bug, with the files you imported",
                ),
                *problems,
            ]
        )
