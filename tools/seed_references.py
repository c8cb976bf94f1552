"""Write the formatted references the program ships for the built-in library, in ``assets/references/``.

A first export on a new machine would otherwise spend half a second in
citeproc-py formatting the built-in library's references (see
``sinoru_brief.citations.reference_cache``). Each file holds, for one style of
``SEEDED_STYLES``, exactly what the user's reference cache would hold after
formatting every built-in source, under the digest of the style file and the
citation code; a file whose digest no longer matches is ignored by the program.

Regenerate after editing a built-in source, the citation modules, the
version, or upgrading citeproc-py (``tests/citations/test_reference_seed.py``
fails until then)::

    uv run python tools/seed_references.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from sinoru_brief.atomic import write_atomic
from sinoru_brief.citations.formatting import _load_style, csl_item, format_entry, resolve_style
from sinoru_brief.citations.reference_cache import SEEDED_STYLES, seed_bytes
from sinoru_brief.content import load_library
from sinoru_brief.paths import data_root


def seed_files() -> dict[Path, bytes]:
    """Return each shipped file's path and the bytes it should hold, formatted now with citeproc-py."""
    items = sorted({csl_item(source) for source in load_library().sources.values()})
    files: dict[Path, bytes] = {}
    for style in SEEDED_STYLES:
        path = resolve_style(style)
        parsed = _load_style(path)
        entries = {item: format_entry(parsed, item) for item in items}
        files[data_root() / "assets" / "references" / f"{style}.json"] = seed_bytes(path, entries)
    return files


def main() -> int:
    for path, data in seed_files().items():
        write_atomic(path, data)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
