"""Read CSL-JSON (Zotero's "CSL JSON" export, pandoc's and citeproc's format) into CSL items."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sinoru_brief.content.schema import CSL_TYPES
from sinoru_brief.errors import Problem
from sinoru_brief.sources.dates import csl_date
from sinoru_brief.sources.entry import ImportedEntry, clean_text, language_tag
from sinoru_brief.sources.names import clean_csl_name
from sinoru_brief.sources.variables import DATE_VARIABLES, NAME_VARIABLES, TEXT_VARIABLES

# Older names of CSL types some exporters still write.
_OLD_TYPES = {
    "web": "webpage",
    "article-blog": "post-weblog",
    "paper": "paper-conference",
    "book-chapter": "chapter",
    "newspaper": "article-newspaper",
    "magazine": "article-magazine",
    "journal-article": "article-journal",
    "proceedings-article": "paper-conference",
}


def read_csl_json(path: Path, text: str, problems: list[Problem]) -> list[ImportedEntry]:
    """Return the items of the CSL-JSON file *path* (its *text*); report what cannot be read in *problems*."""
    items = _items_with_lines(path, text, problems)
    entries = []
    for index, (item, line) in enumerate(items):
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    path,
                    f"item {index + 1} is not a JSON object",
                    line=line,
                    hint='a CSL-JSON file is a list of objects such as {"type": "book", "title": "..."}',
                )
            )
            continue
        entries.append(_convert(path, item, line))
    return entries


def _items_with_lines(path: Path, text: str, problems: list[Problem]) -> list[tuple[object, int]]:
    """Decode the top-level list item by item, so each item keeps the line it starts on."""
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        try:  # a single item or an object wrapping the list ({"items": [...]}) is still readable
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problems.append(_syntax_problem(path, exc))
            return []
        except RecursionError:
            problems.append(_too_deep(path))
            return []
        if isinstance(data, dict) and isinstance(data.get("items"), list):
            return [(item, 1) for item in data["items"]]
        if isinstance(data, dict) and ("title" in data or "type" in data):
            return [(data, 1)]
        problems.append(
            Problem(
                path,
                "expected a CSL-JSON list of items",
                line=1,
                hint="export the items from your reference manager as 'CSL JSON'",
            )
        )
        return []
    items: list[tuple[object, int]] = []
    try:
        position = _skip_space(text, position + 1)
        if text[position : position + 1] == "]":
            end = position + 1
        else:
            while True:
                item, end = decoder.raw_decode(text, position)
                items.append((item, text.count("\n", 0, position) + 1))
                position = _skip_space(text, end)
                if text[position : position + 1] == "]":
                    end = position + 1
                    break
                if text[position : position + 1] != ",":
                    raise json.JSONDecodeError("Expecting ',' or ']' after an item", text, position)
                position = _skip_space(text, position + 1)
        if _skip_space(text, end) < len(text):
            raise json.JSONDecodeError("Extra data after the list", text, _skip_space(text, end))
    except json.JSONDecodeError as exc:
        problems.append(_syntax_problem(path, exc))
        return []
    except RecursionError:
        problems.append(_too_deep(path))
        return []
    return items


def _too_deep(path: Path) -> Problem:
    return Problem(path, "the JSON nests too deeply to be a CSL-JSON file", hint="export the items again as 'CSL JSON'")


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n\ufeff":
        position += 1
    return position


def _syntax_problem(path: Path, exc: json.JSONDecodeError) -> Problem:
    return Problem(
        path,
        f"not valid JSON: {exc.msg}",
        line=exc.lineno,
        column=exc.colno,
        hint="the file was cut short or edited by hand; export it again as 'CSL JSON'",
    )


def _convert(path: Path, item: dict[str, Any], line: int) -> ImportedEntry:
    key = item.get("citation-key") or item.get("id")
    entry = ImportedEntry(csl={}, file=path, key=clean_text(key) if isinstance(key, str | int) else "", line=line)
    csl_type = clean_text(item.get("type", ""))
    csl_type = _OLD_TYPES.get(csl_type, csl_type)
    if csl_type not in CSL_TYPES:
        entry.notes.append(
            f"type '{csl_type or '(none)'}' is not a CSL type sinoru-brief knows; imported as a document"
        )
        csl_type = "document"
    entry.csl["type"] = csl_type
    dropped = []
    for variable, value in item.items():
        if variable in ("id", "type", "citation-key"):
            continue
        if variable in TEXT_VARIABLES and isinstance(value, str | int | float) and not isinstance(value, bool):
            text = clean_text(value)
            if text:
                entry.csl[variable] = language_tag(text) if variable == "language" else text
        elif variable in NAME_VARIABLES and isinstance(value, list):
            names = [n for n in (clean_csl_name(v) for v in value) if n]
            if names:
                entry.csl[variable] = names
        elif variable in DATE_VARIABLES:
            date = _date(value)
            if date:
                entry.csl[variable] = date
        else:
            dropped.append(variable)
    entry.dropped = sorted(dropped)
    return entry


def _date(value: object) -> dict[str, Any] | None:
    """Return a CSL date from CSL-JSON's forms: date-parts (numbers or numeric text), raw, literal or text."""
    if isinstance(value, str | int):
        return csl_date(value)
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts:
        numbers = [[_number(n) for n in p] for p in parts if isinstance(p, list) and p]
        if numbers and all(n is not None for p in numbers for n in p):
            return {"date-parts": numbers}
    for name in ("raw", "literal"):
        if isinstance(value.get(name), str) and clean_text(value[name]):
            return csl_date(value[name]) if name == "raw" else {"literal": clean_text(value[name])}
    return None


def _number(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None
