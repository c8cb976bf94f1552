"""Give every work cited in a deck a short form (for source lines) that no other work in the deck shares.

A short form starts as the author or institution and the year
("Bermingham 2024"). Where two works of one deck would read the same, each
is told apart by the least it takes, in this order: the authors' initials
(two different Fengs), the opening words of the title up to and past the
first word that differs, the full date, and at last a letter ("2024a").
Titles are only ever cut between words, and the words kept always run past
the point where two titles part, so a cut never leaves two works reading
alike ("Joint Statement of the People's…" and "Joint Statement of the
Russian…" become "…of the People's Republic…" and "…of the Russian
Federation…").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sinoru_brief.content.models import Source

ELLIPSIS = "…"
#: Words a cut title must not end on: "Joint Statement of the…" says less than "Joint Statement…".
_STOPWORDS = frozenset(
    "a an and as at by for from in into of on or the to with under over between about than via its their".split()
)
#: A title with no author or institution to stand for it keeps this many words before a difference is needed.
_HEAD_WORDS = 4
#: A title shown after its author keeps at least this many words: "“Regular Press Conference…”", not "“Regular…”".
_TITLE_WORDS = 3
#: A title is opened this many words at most to tell works apart; past that the date is clearer.
_MAX_TITLE_WORDS = 14
# A word is a run of non-space characters, except that each Chinese, Japanese or Korean character is a
# word of its own: those scripts put no spaces between words, and a cut must still fall between words.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


@dataclass(frozen=True)
class Work:
    """What a short form (or a Sources slide's entry) is made of, read once from a source's CSL data."""

    source_id: str
    who: str  # author(s) or institution; "" when only the title can stand for the work
    initials: str  # the first author's given-name initials, "" if unknown
    title: str
    date: tuple[int, ...]  # (year[, month[, day]]), () if undated


@dataclass(frozen=True)
class _Detail:
    """How much a work's short form says beyond author and year."""

    initials: bool = False
    title_words: int = 0  # words of the title shown after the author (0: none)
    full_date: bool = False
    letter: str = ""


def distinct_short_forms(sources: Sequence[Source]) -> dict[str, str]:
    """Return a short form for each of *sources* (by source id), no two of them alike.

    The works are considered together: a short form grows only as far as it
    must to differ from the others given.
    """
    works = [work_of(s) for s in dict((s.id, s) for s in sources).values()]
    details = {w.source_id: _Detail() for w in works}
    steps: list[Callable[[list[Work], dict[str, _Detail]], None]] = [
        _with_initials,
        _with_title(_HEAD_WORDS),
        _with_date,
        _with_title(_MAX_TITLE_WORDS),
    ]
    for step in steps:
        for group in _clashes(works, details):
            step(group, details)
    # Works that agree in everything are told apart by a letter. A letter cannot make a new clash with a
    # work outside the group unless that work already reads "... 2024a"; the loop settles that too.
    for _ in range(len(works)):
        groups = _clashes(works, details)
        if not groups:
            break
        for group in groups:
            for i, work in enumerate(group):
                old = details[work.source_id]
                details[work.source_id] = replace(old, letter=old.letter + letter(i))
    return {w.source_id: _render(w, details[w.source_id]) for w in works}


def _clashes(works: list[Work], details: dict[str, _Detail]) -> list[list[Work]]:
    """Return the groups of works whose short forms read alike (equal once case and spacing are ignored)."""
    groups: dict[str, list[Work]] = defaultdict(list)
    for work in works:
        groups[" ".join(_render(work, details[work.source_id]).casefold().split())].append(work)
    return [g for g in groups.values() if len(g) > 1]


def _render(work: Work, detail: _Detail) -> str:
    """Write the short form: who, a title in quotes (bare where it stands for who), then the date."""
    date = full_date(work) if detail.full_date else _year(work)
    if detail.letter:
        date = f"{date}{detail.letter}" if date else f"n.d.-{detail.letter}"
    who = f"{work.initials} {work.who}".strip() if detail.initials else work.who
    if not who:
        text = _cut(work.title, max(detail.title_words, _HEAD_WORDS))
    elif detail.title_words:
        text = f"{who}, “{_cut(work.title, detail.title_words)}”"
    else:
        text = who
    return f"{text} {date}".strip()


# ------------------------------------------------------------------ the steps


def _with_initials(group: list[Work], details: dict[str, _Detail]) -> None:
    """Put initials before the family name where the clashing authors' given names differ."""
    if len({w.initials for w in group}) > 1:
        for work in group:
            details[work.source_id] = replace(details[work.source_id], initials=bool(work.initials))


def _with_title(limit: int) -> Callable[[list[Work], dict[str, _Detail]], None]:
    """Return a step that adds as much of each title as tells it from the others, up to *limit* words."""

    def step(group: list[Work], details: dict[str, _Detail]) -> None:
        for work in group:
            needed = _words_to_differ(work.title, [w.title for w in group if w is not work])
            if needed is not None and needed <= limit:
                details[work.source_id] = replace(
                    details[work.source_id], title_words=max(needed, _TITLE_WORDS if work.who else _HEAD_WORDS)
                )

    return step


def _with_date(group: list[Work], details: dict[str, _Detail]) -> None:
    """Write the full date where the clashing works were issued on different days."""
    if len({w.date for w in group}) > 1:
        for work in group:
            details[work.source_id] = replace(details[work.source_id], full_date=True)


def letter(index: int) -> str:
    """Return a, b, ..., z, aa, ab, ... for 0, 1, ...: the letters that tell works alike apart."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


# ------------------------------------------------------------------ helpers


def _words_to_differ(title: str, others: list[str]) -> int | None:
    """Return how many words of *title* it takes to differ from each of *others*, or None if never.

    The word that differs is followed by one more content word, so that a
    modifier is not left hanging ("People's" becomes "People's Republic").
    """
    mine = [w.casefold() for w in _words(title)]
    need = 0
    for other in others:
        theirs = [w.casefold() for w in _words(other)]
        common = 0
        while common < min(len(mine), len(theirs)) and mine[common] == theirs[common]:
            common += 1
        if common == len(mine):
            if len(mine) == len(theirs):
                return None  # the same title: only the date or a letter tells them apart
            need = max(need, len(mine))  # the whole title differs from a longer one
            continue
        need = max(need, common + 1)
    return _past_modifier(_words(title), need)


def _past_modifier(words: list[str], count: int) -> int:
    """Extend a cut of *count* words by one content word, and past any stop word it would end on."""
    if count < len(words) and count > 1:
        count += 1
    while count < len(words) and words[count - 1].casefold().strip("’'\",:;") in _STOPWORDS:
        count += 1
    return min(count, len(words))


def _cut(title: str, count: int) -> str:
    """Return the first *count* words of *title* (never part of a word), marked with … when cut."""
    matches = list(WORD.finditer(title))
    if count >= len(matches):
        return title.strip()
    while count > 1 and matches[count - 1].group().casefold().strip("’'\",:;") in _STOPWORDS:
        count -= 1  # "Joint Statement…", not "Joint Statement of the…"
    return title[: matches[count - 1].end()].rstrip(" ,:;.-–—") + ELLIPSIS


def _words(title: str) -> list[str]:
    return WORD.findall(title)


def work_of(source: Source) -> Work:
    """Return what short forms are made of for *source*: its author(s) or institution, title and date."""
    csl = source.csl
    authors = [a for a in (csl.get("author") or csl.get("editor") or []) if isinstance(a, dict)]
    initials = ""
    if authors:
        first = authors[0]
        who = str(first.get("family") or first.get("literal") or "").strip()
        initials = "".join(f"{part[0]}." for part in str(first.get("given") or "").replace("-", " ").split())
        if len(authors) == 2:
            second = authors[1]
            who += f" and {second.get('family') or second.get('literal') or ''}".rstrip()
        elif len(authors) > 2:
            who += " et al."
    else:
        who = str(csl.get("container-title") or csl.get("publisher") or "").strip()
    return Work(
        source_id=source.id,
        who=" ".join(who.split()),
        initials=initials,
        title=" ".join(str(csl.get("title") or source.id).split()),
        date=_date_parts(csl),
    )


def _date_parts(csl: dict[str, Any]) -> tuple[int, ...]:
    issued = csl.get("issued")
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    if not parts or not isinstance(parts, list) or not parts[0]:
        return ()
    try:
        return tuple(int(p) for p in parts[0][:3])
    except (TypeError, ValueError):
        return ()


def _year(work: Work) -> str:
    return str(work.date[0]) if work.date else ""


def full_date(work: Work) -> str:
    """Return the date as a reader writes it: 2024, May 2024 or 16 May 2024."""
    if not work.date:
        return "n.d."
    year, month, day = (*work.date, None, None)[:3]
    if not month or not 1 <= month <= 12:
        return str(year)
    name = dt.date(2000, month, 1).strftime("%b")
    return f"{day} {name} {year}" if day else f"{name} {year}"
