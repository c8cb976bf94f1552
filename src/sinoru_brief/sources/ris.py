"""Read RIS files (EndNote, Zotero, Mendeley, publishers' "download citation") into CSL items."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sinoru_brief.errors import Problem
from sinoru_brief.sources.dates import csl_date
from sinoru_brief.sources.entry import ImportedEntry, clean_text, language_tag
from sinoru_brief.sources.names import name_from_text

# RIS reference type -> CSL type; anything else becomes a document.
TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "EJOUR": "article-journal",
    "INPR": "article-journal",
    "ABST": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "RPRT": "report",
    "GOVDOC": "report",
    "THES": "thesis",
    "ELEC": "webpage",
    "WEB": "webpage",
    "ICOMM": "webpage",
    "BLOG": "post-weblog",
    "DATA": "dataset",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "BILL": "bill",
    "STAT": "legislation",
    "LEGAL": "legislation",
    "CASE": "legal_case",
    "PAMP": "pamphlet",
    "MAP": "map",
    "PCOMM": "personal_communication",
    "SOUND": "song",
    "MUSIC": "song",
    "VIDEO": "motion_picture",
    "MPCT": "motion_picture",
    "STAND": "standard",
    "PAT": "patent",
    "DICT": "entry-dictionary",
    "ENCYC": "entry-encyclopedia",
    "HEAR": "speech",
    "ART": "graphic",
    "GEN": "document",
    "CTLG": "document",
}
# The tag line: two characters, two spaces, a dash ("TY  - JOUR"); some exporters drop the trailing space.
_READ = {
    "type_of_reference",
    "id",
    "translated_title",
    "title",
    "primary_title",
    "authors",
    "first_authors",
    "secondary_authors",
    "secondary_title",
    "journal_name",
    "alternate_title1",
    "alternate_title2",
    "alternate_title3",
    "tertiary_title",
    "short_title",
    "publisher",
    "place_published",
    "volume",
    "edition",
    "type_of_work",
    "section",
    "doi",
    "number",
    "start_page",
    "end_page",
    "urls",
    "issn",
    "language",
    "date",
    "year",
    "publication_year",
    "access_date",
    "end_of_reference",
}
_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def read_ris(path: Path, text: str, problems: list[Problem]) -> list[ImportedEntry]:
    """Return the records of the RIS file *path* (its *text*); report what cannot be read in *problems*."""
    import rispy

    entries = []
    for start, lines in _records(path, text, problems):
        try:
            parsed = rispy.loads("\n".join(lines) + "\n")
        except Exception as exc:  # rispy raises plain IOError/ParseError with free-form messages
            problems.append(
                Problem(
                    path,
                    f"the record cannot be read: {clean_text(exc)}",
                    line=start,
                    hint="each line is 'XX  - value' with a two-letter tag",
                )
            )
            continue
        if len(parsed) != 1:
            problems.append(
                Problem(
                    path, "the record cannot be read", line=start, hint="each record runs from 'TY  - TYPE' to 'ER  - '"
                )
            )
            continue
        entries.append(_convert(path, parsed[0], start))
    return entries


def _records(path: Path, text: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """Split *text* into records, each with the line its ``TY`` tag is on.

    rispy silently drops a record with no ``ER`` and text outside records, so
    the file is walked here first to name the line of each.
    """
    records: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        match = _TAG.match(line.rstrip())
        tag = match.group(1) if match else None
        if current is None:
            if tag == "TY":
                current, start = [line.rstrip()], number
            elif line.strip():
                problems.append(
                    Problem(
                        path,
                        f"line {number} is outside any record: '{clean_text(line)[:60]}'",
                        line=number,
                        hint="a record starts with 'TY  - TYPE' and ends with 'ER  - '; is this a RIS file?",
                    )
                )
                return []
            continue
        if tag == "TY":
            problems.append(
                Problem(
                    path,
                    "this record has no end ('ER  - ') before the next one starts",
                    line=start,
                    hint=f"add a line 'ER  - ' before line {number}",
                )
            )
            current, start = [line.rstrip()], number
            continue
        current.append(line.rstrip())
        if tag == "ER":
            records.append((start, current))
            current = None
    if current is not None:
        problems.append(
            Problem(
                path,
                "the last record has no end ('ER  - ')",
                line=start,
                hint="add a line 'ER  - ' after it; the file may have been cut short",
            )
        )
    if not records and not problems:
        problems.append(
            Problem(
                path,
                "no RIS records found",
                hint="a .ris file holds records from 'TY  - TYPE' to 'ER  - '; "
                "export it again from your reference manager as RIS",
            )
        )
    return records


def _convert(path: Path, raw: dict[str, Any], line: int) -> ImportedEntry:
    entry = ImportedEntry(csl={}, file=path, key=clean_text(raw.get("id", "")), line=line)
    code = clean_text(raw.get("type_of_reference", "")).upper()
    csl_type = TYPES.get(code)
    if csl_type is None:
        entry.notes.append(f"RIS type '{code}' is not one sinoru-brief knows; imported as a document")
        csl_type = "document"
    entry.dropped = sorted(set(raw) - _READ)
    csl = entry.csl
    csl["type"] = csl_type
    translated = _first(raw, "translated_title")
    title = _first(raw, "title", "primary_title")
    if translated and title:  # our sources keep the English title and the original one beside it
        csl["title"], csl["original-title"] = translated, title
    elif title or translated:
        csl["title"] = title or translated
    authors = [n for n in (name_from_text(a) for a in [*_list(raw, "authors"), *_list(raw, "first_authors")]) if n]
    if authors:
        csl["author"] = authors
    editors = [n for n in (name_from_text(a) for a in _list(raw, "secondary_authors")) if n]
    if editors and csl_type in ("chapter", "paper-conference", "book", "entry-encyclopedia"):
        csl["editor"] = editors
    container = _first(raw, "secondary_title", "journal_name", "alternate_title3", "alternate_title1")
    if container:
        csl["container-title"] = container
    _set(csl, "container-title-short", _first(raw, "alternate_title2", "alternate_title1"))
    _set(csl, "collection-title", _first(raw, "tertiary_title"))
    _set(csl, "title-short", _first(raw, "short_title"))
    for variable, key in (
        ("publisher", "publisher"),
        ("publisher-place", "place_published"),
        ("volume", "volume"),
        ("edition", "edition"),
        ("genre", "type_of_work"),
        ("section", "section"),
        ("DOI", "doi"),
    ):
        _set(csl, variable, _first(raw, key))
    _set(csl, "issue" if csl_type.startswith("article") else "number", _first(raw, "number"))
    pages = "-".join(p for p in (_first(raw, "start_page"), _first(raw, "end_page")) if p)
    _set(csl, "page", pages)
    urls = _list(raw, "urls")
    _set(csl, "URL", clean_text(urls[0]) if urls else "")
    issn = _first(raw, "issn")
    if issn:
        csl["ISBN" if csl_type in ("book", "chapter") else "ISSN"] = issn
    language = _first(raw, "language")
    if language:
        csl["language"] = language_tag(language)
    issued = csl_date(_first(raw, "date", "year", "publication_year"))
    if issued:
        csl["issued"] = issued
    accessed = csl_date(_first(raw, "access_date"))
    if accessed:
        csl["accessed"] = accessed
    return entry


def _first(raw: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = raw.get(key)
        if isinstance(value, list):
            value = value[0] if value else ""
        text = clean_text(value) if value is not None else ""
        if text:
            return text
    return ""


def _list(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key)
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def _set(csl: dict[str, Any], variable: str, value: str) -> None:
    if value and variable not in csl:
        csl[variable] = value
