"""Write the entries of a Sources slide: one compact line per cited work, in the deck's citation numbering.

An executive brief closes with a Sources slide instead of the full
reference list. Each entry says who (the author or the institution), what
(the whole title, never cut), where (the container or publisher) and when,
in that order: ``Bermingham, “Title,” South China Morning Post, 15 Nov
2024.`` The full references, in the citation style, go into the slide's
speaker notes.

No two entries of a deck read alike: the title is whole and the date full,
so two works differ unless they share author, title, outlet and day; those
few are told apart by a letter after the date, as short forms are (see
:mod:`sinoru_brief.compose.short_forms`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sinoru_brief.citations.formatting import Reference
from sinoru_brief.compose.short_forms import full_date, letter, work_of
from sinoru_brief.content.models import Source

#: Marks that end a title on their own: no comma or period is added inside the quotes after them.
_CLOSING_MARKS = (".", "?", "!", "…")


@dataclass(frozen=True)
class SourceEntry:
    """One entry of a Sources slide: a cited work's number and its compact description."""

    number: int
    source_id: str
    who: str  # author(s) or institution; "" when the title stands alone
    title: str  # whole, as the source gives it
    where: str  # container or publisher; "" when unknown or already said by *who*
    date: str  # "15 Nov 2024", "May 2023", "2023", "" if undated; with a letter when needed to differ
    url: str = ""
    reference: str = ""  # the full reference as the citation style writes it

    @property
    def pieces(self) -> tuple[str, str, str, str]:
        """Return the entry's text in four pieces: before the title, the title, its closing marks, and after them.

        The title opens with "“"; the closing marks are the comma or period
        that ends it (none after a title that ends in "?" or "."), then "”".
        """
        rest = ", ".join(p for p in (self.where, self.date) if p)
        close = "" if self.title.endswith(_CLOSING_MARKS) else ("," if rest else ".")
        head = f"{self.who}, " if self.who else ""
        tail = f" {rest}." if rest else ""
        return f"{head}“", self.title, f"{close}”", tail

    @property
    def text(self) -> str:
        """Return the entry as one line of text, without its number."""
        return "".join(self.pieces)

    @property
    def notes_line(self) -> str:
        """Return the entry's full reference as the speaker notes give it: "[12] " and the styled reference."""
        return f"[{self.number}] {self.reference}"


def source_entries(sources: Sequence[Source], references: Sequence[Reference]) -> tuple[SourceEntry, ...]:
    """Return one entry per reference, in the deck's numbering, each describing the source it numbers.

    *references* are the deck's (numbered by first use); *sources* must hold
    every source they number. No two entries read alike once case and
    spacing are ignored.
    """
    by_id = {s.id: s for s in sources}
    entries = [_entry(by_id[ref.source_id], ref) for ref in references]
    # Same author, title, outlet and day: a letter after the date, in the order the deck cites them.
    # A letter makes a new clash only with an entry that already reads "... 2024a"; the loop settles it.
    for _ in range(len(entries)):
        groups: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(entries):
            groups[_reads_as(entry)].append(i)
        clashes = [indexes for indexes in groups.values() if len(indexes) > 1]
        if not clashes:
            break
        for indexes in clashes:
            for k, i in enumerate(indexes):
                date = entries[i].date
                entries[i] = replace(entries[i], date=f"{date}{letter(k)}" if date else f"n.d.-{letter(k)}")
    return tuple(entries)


def _entry(source: Source, reference: Reference) -> SourceEntry:
    csl = source.csl
    work = work_of(source)
    places = [" ".join(str(csl.get(key) or "").split()) for key in ("container-title", "publisher")]
    # A work without an author is named by its institution (the container or publisher short forms use);
    # the other one, if it says something new, is where it appeared.
    where = next((p for p in places if p and p != work.who), "")
    return SourceEntry(
        number=reference.number,
        source_id=source.id,
        who=work.who,
        title=work.title,
        where=where,
        date=full_date(work) if work.date else "",
        url=reference.url or str(csl.get("URL") or "").strip(),
        reference=" ".join(reference.text.split()),  # one line of the notes, whatever the style wrote
    )


def _reads_as(entry: SourceEntry) -> str:
    return " ".join(entry.text.casefold().split())
