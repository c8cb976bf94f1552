"""Say which CSL variables an imported source may carry: those our schema checks and citeproc-py formats."""

from __future__ import annotations

from sinoru_brief.content.schema import SOURCE_SPEC, CslDate
from sinoru_brief.yamlio.schema import ListOf, Text

# citeproc-py warns about (and pytest fails on) variables it has no field for; the rest are long text no
# citation style prints (an abstract can run to pages) or our own bookkeeping.
_LEFT_OUT = frozenset(
    {
        "id",
        "type",
        "note-number",
        "citation-key",
        "scale",
        "director",
        "reviewed-author",
        "abstract",
        "keyword",
        "annote",
    }
)

TEXT_VARIABLES = frozenset(
    name for name, key in SOURCE_SPEC.keys.items() if isinstance(key.spec, Text) and name not in _LEFT_OUT
)
NAME_VARIABLES = frozenset(
    name for name, key in SOURCE_SPEC.keys.items() if isinstance(key.spec, ListOf) and name not in _LEFT_OUT
)
DATE_VARIABLES = frozenset(
    name for name, key in SOURCE_SPEC.keys.items() if isinstance(key.spec, CslDate) and name not in _LEFT_OUT
)

#: The order keys are written in, as in ``content/sources.yaml``: what identifies a work first.
KEY_ORDER = (
    "id",
    "type",
    "title",
    "original-title",
    "title-short",
    "language",
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "container-title",
    "container-title-short",
    "collection-title",
    "publisher",
    "publisher-place",
    "genre",
    "event",
    "event-place",
    "edition",
    "volume",
    "issue",
    "number",
    "section",
    "page",
    "issued",
    "accessed",
    "original-date",
    "event-date",
    "DOI",
    "ISBN",
    "ISSN",
    "URL",
    "note",
)
