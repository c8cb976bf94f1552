"""Find works already in a sources file, or twice in an import: the same DOI, or the same title and year."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normal_doi(value: object) -> str:
    """Return a DOI as it compares: without ``https://doi.org/`` or ``doi:``, lower case (DOIs ignore case)."""
    return _DOI_PREFIX.sub("", str(value or "").strip()).strip().casefold()


def normal_title(value: object) -> str:
    """Return a title as it compares: case, accents, punctuation and spacing ignored, in any script."""
    text = unicodedata.normalize("NFKD", str(value or "").casefold())
    kept = "".join(c if c.isalnum() else " " for c in text if unicodedata.category(c) != "Mn")
    return " ".join(kept.split())


def _year(csl: dict[str, Any]) -> int | None:
    parts = (csl.get("issued") or {}).get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year = parts[0][0]
        return year if isinstance(year, int) else None
    return None


@dataclass
class DuplicateIndex:
    """The works seen so far, by DOI and by title, each with a name to report a duplicate against.

    A title alone matches only when the years agree or one is unknown: a
    yearly report keeps its title from one year to the next.
    """

    dois: dict[str, str] = field(default_factory=dict)
    titles: dict[str, list[tuple[int | None, str]]] = field(default_factory=dict)

    def add(self, csl: dict[str, Any], name: str) -> None:
        """Remember *csl* under *name* (an id, or where an imported entry was written)."""
        doi = normal_doi(csl.get("DOI"))
        if doi:
            self.dois.setdefault(doi, name)
        for variable in ("title", "original-title"):
            title = normal_title(csl.get(variable))
            if title:
                self.titles.setdefault(title, []).append((_year(csl), name))

    def find(self, csl: dict[str, Any]) -> str:
        """Return why *csl* is a duplicate ("same DOI as X"), or "" if it is new."""
        doi = normal_doi(csl.get("DOI"))
        if doi and doi in self.dois:
            return f"same DOI as {self.dois[doi]}"
        year = _year(csl)
        for variable in ("title", "original-title"):
            for seen_year, name in self.titles.get(normal_title(csl.get(variable)), []):
                if year is None or seen_year is None or year == seen_year:
                    return f"same title as {name}"
        return ""
