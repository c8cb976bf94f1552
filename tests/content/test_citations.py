"""Each claim cites exactly the notes of the article sentences it summarises, and says them in its own words.

The article puts a note marker after the sentence (or clause) it supports, so
the right citation for a claim follows from *which* sentences the claim
summarises. ``tests/content/claim_segments.yaml`` records that, claim by claim,
as segment ids; ``tests/data/article-fingerprint.json`` records, for each
segment of the article, the notes that close it and hashes of its word pairs
(no article text). ``content/sources.yaml`` says which works each note cites.
From the three this module checks that

* the map covers every claim of the library, and only segments that exist;
* every claim's ``cite:`` list is the works of its segments' notes, plus the
  article for segments no note follows (or parts a note cannot support);
* no claim keeps most of its sentence's content words in the sentence's order;
* no cited work is dated before an event the claim dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from functools import cache
from pathlib import Path

import yaml
from support.article_fingerprint import fingerprint, fingerprint_tool
from support.content_walk import every_bullet, library_slides

from sinoru_brief.content.models import Library, Slide

CLAIM_MAP = Path(__file__).with_name("claim_segments.yaml")
ARTICLE = "wishnick-2025-cooperation-without-coordination"
NOTE_COUNT = 65

#: Notes whose works are further reading, not support for the sentence the note follows.
#: Note 4 names Xi's three initiatives itself (the article's own words) and then says
#: "On the response to Chinese and Russian efforts in the Global South, see" Parameswaren:
#: the work is about a response the article does not describe, so the sentence is the
#: article's own and no claim of the library rests on the work.
FURTHER_READING_NOTES = {4: ("parameswaran-2024-08-09-global-south-discontent",)}

#: A claim whose content-word pairs are mostly its sentence's pairs restates the sentence.
MAX_SHARED_PAIRS = 0.5
#: Claims with fewer content-word pairs than this are too short to judge.
MIN_PAIRS = 5

_MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
# A dated event: "October 2024" or "July 24, 2024". A bare year is left alone: "sales planned for
# 2025" in a December 2024 work is a plan, not an event after the work.
_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},\s+)?((?:19|20)\d\d)\b")


fp = fingerprint_tool()


@cache
def _segments() -> dict[str, dict]:
    return {s["id"]: s for s in fingerprint()["segments"]}


@cache
def _claim_map() -> dict[str, list[list[str]]]:
    # BaseLoader keeps every scalar a string, so the segment id 3.10 is not the float 3.1.
    return yaml.load(CLAIM_MAP.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _claims(slide: Slide) -> list[tuple[str, str, tuple[str, ...]]]:
    """Return (label, text, cite) for every claim of *slide*, in the claim map's order."""
    claims = [(f"bullet {i}", b.text, b.cite) for i, b in enumerate(every_bullet(slide.bullets))]
    claims += [
        (f"{side.heading}: bullet {i}", b.text, b.cite)
        for side in slide.sides
        for i, b in enumerate(every_bullet(side.bullets))
    ]
    claims += [(f"row {i}", " ".join(row.cells), row.cite) for i, row in enumerate(slide.rows)]
    claims += [(f"event {e.date.label()}", e.label, e.cite) for e in slide.events]
    if slide.kind in ("quote", "chart"):
        claims.append((slide.kind, slide.quote or slide.title, slide.cite))
    return claims


def _works_by_note(library: Library) -> dict[int, set[str]]:
    works: dict[int, set[str]] = {}
    for source in library.sources.values():
        for note in source.note_numbers:
            works.setdefault(note, set()).add(source.id)
    return works


def _expected_cites(entry: list[str], works: dict[int, set[str]]) -> set[str]:
    expected: set[str] = set()
    for token in entry:
        if token.startswith("~"):
            expected.add(ARTICLE)
            continue
        notes = _segments()[token]["notes"]
        if not notes:
            expected.add(ARTICLE)
        for note in notes:
            if note in FURTHER_READING_NOTES:
                expected.add(ARTICLE)
            else:
                expected |= works[note]
    return expected


# ------------------------------------------------------------------ the data files themselves


def test_segments_carry_each_note_once():
    notes = Counter(n for s in _segments().values() for n in s["notes"])
    assert sorted(notes) == list(range(1, NOTE_COUNT + 1))
    assert set(notes.values()) == {1}


def test_segment_ids_follow_the_tool():
    assert fp.segments("Title\n\nOne sentence.[1] Two, she said,[2] and three. Four (U.S. view).\nNotes\n") == [
        ("1.1", "Title", []),
        ("3.1", "One sentence.", [1]),
        ("3.2a", "Two, she said,", [2]),
        ("3.2b", "and three.", []),
        ("3.3", "Four (U.S. view).", []),
    ]


def test_claim_map_lists_every_slide_once(real_library):
    text = CLAIM_MAP.read_text(encoding="utf-8")
    keys = re.findall(r"^([a-z0-9-]+):", text, flags=re.MULTILINE)
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert sorted(_claim_map()) == sorted(s.id for s in library_slides(real_library))


def test_claim_map_has_one_entry_per_claim(real_library):
    wrong = [
        (s.id, len(_claims(s)), len(_claim_map()[s.id]))
        for s in library_slides(real_library)
        if len(_claims(s)) != len(_claim_map()[s.id])
    ]
    assert wrong == []


def test_claim_map_names_real_segments():
    unknown, tilde_without_note = [], []
    for slide_id, entries in _claim_map().items():
        for entry in entries:
            assert entry, f"{slide_id}: an empty entry"
            for token in entry:
                sid = token.removeprefix("~")
                if sid not in _segments():
                    unknown.append((slide_id, token))
                elif token.startswith("~") and not _segments()[sid]["notes"]:
                    tilde_without_note.append((slide_id, token))  # write the plain id instead
    assert unknown == []
    assert tilde_without_note == []


# ------------------------------------------------------------------ citations


def test_every_claim_cites_the_notes_of_its_sentences(real_library):
    works = _works_by_note(real_library)
    wrong = []
    for slide in library_slides(real_library):
        for (label, text, cite), entry in zip(_claims(slide), _claim_map()[slide.id], strict=False):
            expected = _expected_cites(entry, works)
            if set(cite) != expected:
                wrong.append(
                    (slide.id, label, f"cites {sorted(cite)}", f"its sentences {entry} need {sorted(expected)}")
                )
    assert wrong == []


def test_further_reading_supports_no_claim(real_library):
    cited = {c for slide in library_slides(real_library) for c in slide.citations()}
    further = {work for works in FURTHER_READING_NOTES.values() for work in works}
    assert further <= set(real_library.sources)
    assert sorted(further & cited) == []


def test_expected_cites_read_notes_tildes_and_further_reading():
    works = {2: {"nato"}, 4: {"parameswaran"}, 44: {"kremlin"}, 45: {"webster"}}
    assert _expected_cites(["4.4a"], works) == {"nato"}
    assert _expected_cites(["4.4b"], works) == {ARTICLE}
    assert _expected_cites(["35.3", "~35.3"], works) == {"webster", ARTICLE}
    assert _expected_cites(["5.4a"], works) == {ARTICLE}


# ------------------------------------------------------------------ own words


def _pairs_outside_terms(text: str) -> set[str]:
    """Return the content-stem pair hashes of *text*, quotations, numbers and fixed terms set aside."""
    return {pair for piece in fp.own_pieces(text) for pair in fp.pair_digests(piece)}


def test_no_claim_restates_its_sentence_in_the_same_order(real_library):
    copies = []
    for slide in library_slides(real_library):
        for (label, text, _), entry in zip(_claims(slide), _claim_map()[slide.id], strict=False):
            if slide.kind == "quote":
                continue
            pairs = _pairs_outside_terms(text)
            if len(pairs) < MIN_PAIRS:
                continue
            for token in entry:
                sid = token.removeprefix("~")
                shared = len(pairs & set(_segments()[sid]["pairs"])) / len(pairs)
                if shared > MAX_SHARED_PAIRS:
                    copies.append((slide.id, label, sid, f"{shared:.0%} of its word pairs", text))
    assert copies == []


def test_structure_check_catches_a_reworded_sentence():
    article = (
        "Title\n\nNevertheless, Russian Vice Premier Denis Manturov has claimed that the heavy-lift "
        "helicopter project is moving forward after years of preliminary talks.[27]\nNotes\n"
    )
    ((_, sentence, _),) = fp.segments(article)[1:]
    reworded = "Russian Vice Premier Denis Manturov says the heavy-lift helicopter project is advancing after years of preliminary talks."
    own = "Heavy-lift helicopter: Manturov claims the project is under way after long preliminary discussions."
    segment_pairs = fp.pair_digests(sentence)
    assert len(fp.pair_digests(reworded) & segment_pairs) / len(fp.pair_digests(reworded)) > MAX_SHARED_PAIRS
    assert len(_pairs_outside_terms(own) & segment_pairs) / len(_pairs_outside_terms(own)) <= MAX_SHARED_PAIRS


# ------------------------------------------------------------------ dates


def _latest_day(date_parts: list[int]) -> dt.date:
    year = date_parts[0]
    month = date_parts[1] if len(date_parts) > 1 else 12
    day = date_parts[2] if len(date_parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def _dates_in(text: str) -> list[dt.date]:
    """Return the first day of every month *text* names with its year ("October 2024", "July 24, 2024")."""
    return [dt.date(int(year), _MONTHS[month], 1) for month, year in _DATE.findall(text)]


def test_dates_are_read_from_claims():
    assert _dates_in("In October 2024 the U.S. acted; sales planned for 2025; on July 24, 2024.") == [
        dt.date(2024, 10, 1),
        dt.date(2024, 7, 1),
    ]


def test_no_claim_rests_only_on_works_older_than_the_events_it_dates(real_library):
    early = []
    for slide in library_slides(real_library):
        for label, text, cite in _claims(slide):
            if ARTICLE in cite or not cite:
                continue
            dated = [
                _latest_day(real_library.sources[c].csl["issued"]["date-parts"][0])
                for c in cite
                if "issued" in real_library.sources[c].csl
            ]
            if not dated:
                continue
            newest = max(dated)
            later = [d for d in _dates_in(text) if d > newest]
            if later:
                early.append((slide.id, label, f"names {later[0]:%B %Y}", f"newest work {newest}"))
    assert early == []
