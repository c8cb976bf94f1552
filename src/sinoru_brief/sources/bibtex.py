"""Read BibTeX and biblatex files (Zotero, Better BibTeX, JabRef exports) into CSL items."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sinoru_brief.content.schema import CSL_TYPES
from sinoru_brief.errors import Problem
from sinoru_brief.sources.dates import csl_date, year_month_day
from sinoru_brief.sources.entry import ImportedEntry, clean_text, language_tag

# BibTeX entry type -> CSL type; a journal/newspaper/magazine article is refined by entrysubtype.
TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "incollection": "chapter",
    "suppbook": "chapter",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "techreport": "report",
    "report": "report",
    "manual": "report",
    "booklet": "pamphlet",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "misc": "document",
    "unpublished": "manuscript",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
    "standard": "standard",
    "periodical": "article-journal",
    "legislation": "legislation",
    "jurisdiction": "legal_case",
    "letter": "personal_communication",
    "video": "motion_picture",
    "audio": "song",
    "movie": "motion_picture",
    "image": "graphic",
    "artwork": "graphic",
    "map": "map",
    "interview": "interview",
    "speech": "speech",
    "newsarticle": "article-newspaper",
}
_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}

# Fields copied as text: BibTeX name -> CSL variable.
TEXT_FIELDS = {
    "title": "title",
    "shorttitle": "title-short",
    "origtitle": "original-title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "maintitle": "container-title",
    "series": "collection-title",
    "publisher": "publisher",
    "institution": "publisher",
    "school": "publisher",
    "organization": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "edition": "edition",
    "volume": "volume",
    "pages": "page",
    "doi": "DOI",
    "url": "URL",
    "isbn": "ISBN",
    "issn": "ISSN",
    "note": "note",
    "type": "genre",
    "eventtitle": "event",
    "venue": "event-place",
    "version": "version",
    "chapter": "section",
    "pubstate": "status",
    "eprint": "number",
}
NAME_FIELDS = {"author": "author", "editor": "editor", "translator": "translator", "bookauthor": "container-author"}

# An entry's header: "@article{key," with the key; @string, @preamble and @comment are not entries.
_HEADER = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,?", re.MULTILINE)
_NOT_ENTRIES = {"string", "preamble", "comment"}
_READ = {
    *TEXT_FIELDS,
    *NAME_FIELDS,
    "number",
    "langid",
    "language",
    "date",
    "year",
    "month",
    "day",
    "urldate",
    "howpublished",
    "entrysubtype",
}


def read_bibtex(path: Path, text: str, problems: list[Problem]) -> list[ImportedEntry]:
    """Return the entries of the BibTeX file *path* (its *text*); report what cannot be read in *problems*."""
    import bibtexparser
    from bibtexparser.bparser import BibTexParser

    headers = [
        (m.group(1).lower(), m.group(2), text.count("\n", 0, m.start()) + 1)
        for m in _HEADER.finditer(text)
        if m.group(1).lower() not in _NOT_ENTRIES
    ]
    if not headers:
        problems.append(
            Problem(
                path,
                "no BibTeX entries found",
                hint="a .bib file holds entries such as @article{key, title = {...}, ...}; "
                "export it again from your reference manager as BibTeX",
            )
        )
        return []
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    try:
        database = bibtexparser.loads(text, parser=parser)
    except Exception as exc:  # bibtexparser raises pyparsing's and its own errors, untyped
        problems.append(
            Problem(
                path,
                f"the BibTeX cannot be read: {clean_text(exc)}",
                hint="check the braces and quotes around the entry it names",
            )
        )
        return []
    lines: dict[str, int] = {}
    for _, key, line in headers:
        lines.setdefault(key, line)
    parsed = {e.get("ID", "") for e in database.entries}
    for entry_type, key, line in headers:
        if key not in parsed:
            problems.append(
                Problem(
                    path,
                    f"entry '{key or '(no key)'}' (@{entry_type}) cannot be read",
                    line=line,
                    hint="check its braces, quotes and commas: every field is name = {value}, "
                    "separated by commas, and every { has its }",
                )
            )
    return [_convert(path, raw, lines.get(raw.get("ID", ""))) for raw in database.entries]


def _convert(path: Path, raw: dict[str, str], line: int | None) -> ImportedEntry:
    from bibtexparser.latexenc import latex_to_unicode

    fields = {name.lower(): value for name, value in raw.items() if name not in ("ENTRYTYPE", "ID")}
    entry = ImportedEntry(csl={}, file=path, key=raw.get("ID", ""), line=line)
    entry_type = raw.get("ENTRYTYPE", "misc").lower()
    csl_type = _SUBTYPES.get(fields.get("entrysubtype", "").lower()) or TYPES.get(entry_type)
    if csl_type not in CSL_TYPES:
        entry.notes.append(f"@{entry_type} is not a type sinoru-brief knows; imported as a document")
        csl_type = "document"
    entry.csl["type"] = csl_type
    for name, variable in NAME_FIELDS.items():
        if name in fields:
            names = [_name(part, latex_to_unicode) for part in _split_names(fields[name])]
            if [n for n in names if n]:
                entry.csl.setdefault(variable, [n for n in names if n])
    for name, variable in TEXT_FIELDS.items():
        if name in fields and variable not in entry.csl:
            value = clean_text(_unbrace(latex_to_unicode(fields[name]) if name not in ("url", "doi") else fields[name]))
            if value:
                entry.csl[variable] = re.sub(r"-+", "-", value) if variable == "page" else value
    if "number" in fields:  # an article's issue, a report's number
        variable = "issue" if csl_type.startswith("article") else "number"
        entry.csl.setdefault(variable, clean_text(fields["number"]))
    language = fields.get("langid") or fields.get("language")
    if language:
        entry.csl["language"] = language_tag(language)
    issued = (
        csl_date(fields["date"])
        if "date" in fields
        else year_month_day(fields.get("year"), fields.get("month"), fields.get("day"))
    )
    if issued:
        entry.csl["issued"] = issued
    accessed = csl_date(fields.get("urldate", ""))
    if accessed:
        entry.csl["accessed"] = accessed
    entry.dropped = sorted(set(fields) - _READ)
    if "howpublished" in fields and "URL" not in entry.csl:
        url = re.search(r"\\url\{([^}]*)\}|(https?://\S+)", fields["howpublished"])
        if url:
            entry.csl["URL"] = url.group(1) or url.group(2)
    return entry


def _split_names(value: str) -> list[str]:
    """Split a BibTeX name list on ``and`` outside braces: ``{Smith and Sons} and Doe, J.`` is two names."""
    names, depth, start = [], 0, 0
    for match in re.finditer(r"[{}]|\s+and\s+", value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return [n.strip() for n in names if n.strip() and n.strip().lower() != "others"]


def _name(text: str, to_unicode: Any) -> dict[str, Any] | None:
    """Return the CSL name for one BibTeX name; a name wholly in braces is an organisation's, taken whole."""
    from bibtexparser.customization import InvalidName, splitname

    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced(stripped[1:-1]):
        literal = clean_text(_unbrace(to_unicode(stripped[1:-1])))
        return {"literal": literal} if literal else None
    try:
        parts = splitname(stripped, strict_mode=False)
    except InvalidName:
        literal = clean_text(_unbrace(to_unicode(stripped)))
        return {"literal": literal} if literal else None

    def join(key: str) -> str:
        return clean_text(_unbrace(to_unicode(" ".join(parts.get(key, [])))))

    name = {"family": join("last"), "given": join("first"), "non-dropping-particle": join("von"), "suffix": join("jr")}
    return {k: v for k, v in name.items() if v} or None


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _unbrace(text: str) -> str:
    """Drop the braces BibTeX uses to protect capitals (``{NATO}``); an escaped ``\\{`` stays a brace."""
    return re.sub(r"(?<!\\)[{}]", "", text).replace("\\{", "{").replace("\\}", "}").replace("\\&", "&")
