"""Read a library's ``about.yaml``: what the library's slides summarise and who wrote it, for the title slide.

A deck's title slide carries, in its speaker notes, what the deck rests on
(the article, its author and her affiliation), so a briefer can introduce the
source before the first judgment. That is a fact about the library, not about
any topic a user may leave out, so it lives beside ``sources.yaml``. The file
is optional: a library without one adds nothing to the title slide.
"""

from __future__ import annotations

from pathlib import Path

from sinoru_brief.errors import Problem
from sinoru_brief.yamlio.marked import load_marked
from sinoru_brief.yamlio.schema import INVALID, Checker, Key, Record, Text

ABOUT_FILE = "about.yaml"
#: Longest "about" text: a paragraph or two read at the title slide.
MAX_ABOUT_CHARS = 2000

ABOUT_SPEC = Record(what="library description", keys={"about": Key(Text(max_length=MAX_ABOUT_CHARS))})


def load_about(root: Path, problems: list[Problem]) -> str:
    """Return the ``about:`` text of the library folder *root*, or "" without the file; record any problem."""
    path = root / ABOUT_FILE
    if not path.is_file():
        return ""
    doc = load_marked(path)
    problems.extend(doc.problems)
    if doc.data is None:
        if not doc.problems:
            problems.append(
                Problem(
                    path,
                    "the file is empty",
                    hint="give it about: with what the library summarises, or delete the file",
                )
            )
        return ""
    checker = Checker(doc)
    data = ABOUT_SPEC.check(doc.data, (), checker)
    problems.extend(checker.problems)
    if data is INVALID:
        return ""
    return str(data["about"]).strip()
