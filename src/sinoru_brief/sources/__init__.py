"""Import a user's own sources from BibTeX, CSL-JSON and RIS into a CSL-YAML sources file.

Each reader turns one file into :class:`ImportedEntry` records (a CSL item
without an id, and where it was written); :func:`import_sources` converts,
validates with the content library's own schema, drops duplicates, gives each
new entry a readable id and appends them to the target ``sources.yaml``.
"""

from sinoru_brief.sources.entry import ImportedEntry, SourceImportError
from sinoru_brief.sources.merge import ImportReport, import_sources, plan_import
from sinoru_brief.sources.readers import READERS, read_references

__all__ = [
    "READERS",
    "ImportReport",
    "ImportedEntry",
    "SourceImportError",
    "import_sources",
    "plan_import",
    "read_references",
]
