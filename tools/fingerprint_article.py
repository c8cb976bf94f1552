"""Write a fingerprint of the source article so tests can check the content library against it.

The content library is a summary of one article, but the repository must not
carry the article's text, and CI may not have it. This script reads the article
once and writes ``tests/data/article-fingerprint.json`` with:

* ``shingles``: SHA-256 hashes, truncated to 16 hex characters, of every
  normalised run of 8 consecutive words of the article body. A test can then
  tell whether 8 words of a slide match the article (copied text) and whether a
  long quotation is verbatim (every 8 words of it match).
* ``quotations``: the same kind of hash for every normalised run of 1 to 7
  words inside one quotation of the article (text between “ and ”). Short
  quoted phrases on slides are checked against these.
* ``stem_shingles``: hashes of every run of 8 *stemmed* words (see
  :func:`stems`: UK and US spellings, -ise/-ize, plurals and verb endings fold
  together), so "signalling" for "signaling" or "ties" for "tie" does not
  hide a copied sentence.
* ``content_shingles``: hashes of every run of :data:`CONTENT_RUN` stemmed
  *content* words (function words such as "the", "of", "has" dropped, see
  :func:`content_stems`). A bullet that keeps the article's content words in
  the article's order and swaps only the small words is caught by these.
* ``segments``: the article cut into sentences, and each sentence cut after
  every note marker, so a segment is the text a note follows (or a sentence's
  text after its last marker, which no note supports). Each segment has an
  ``id`` (``"<line>.<sentence>"`` plus a letter when a sentence has several
  segments, e.g. ``"4.4a"``), the ``notes`` that close it (``[]`` for none), a
  ``digest`` of its words and ``pairs``: hashes of its consecutive pairs of
  content stems. The tests use these to check that each claim cites the notes
  of the sentences it summarises, and that a bullet does not restate its
  sentence in the same structure.
* ``numbers``: every numeric token of the article body ("47", "15.5",
  "4,800", "1985", "11,000"). A test then checks that every number on a
  slide is one the article states.

The body is everything above the line ``Notes``: title, summary, text and the
contributor's note, with the note markers (``[12]``) taken out. The word
normalisation (see :func:`words`, :func:`stems`) is shared with the tests,
which import this module, so both sides split and clean words the same way.

Regenerate after the article changes (the article is not in the repository)::

    uv run python tools/fingerprint_article.py /path/to/sino-russian-partnership.txt

An optional second argument names the output file (default:
``tests/data/article-fingerprint.json``). The output is deterministic (sorted
lists), so regenerating from an unchanged article leaves the file unchanged.

To see the segment ids while writing the claim map
(``tests/content/claim_segments.yaml``), print them from your local copy of
the article; nothing is written::

    uv run python tools/fingerprint_article.py --segments /path/to/sino-russian-partnership.txt

Caveat: a membership test for 8-word runs lets someone who already knows the
opening words and the vocabulary rebuild the text word by word; the file keeps
the text out of the repository, it does not make it secret.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Words per shingle: long enough that a match means copied text, not a shared phrase.
SHINGLE_WORDS = 8
#: Content words per content shingle: five content words in the article's order is a copied clause.
CONTENT_RUN = 5
#: Hex digits kept of each SHA-256 hash (64 bits: no accidental collisions at this size).
HASH_CHARS = 16
#: The line that ends the article body and starts the notes.
NOTES_HEADING = "Notes"

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "article-fingerprint.json"

# Hyphens and dashes join words ("4,800-nautical", "else—Xi", "6–7"); they
# separate words here so "China-Russia" and "China–Russia" normalise alike.
_DASHES = re.compile(r"[-‐‑‒–—―]")
_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})
_PUNCTUATION = re.compile(r"[^\w\s]")
_NOTE_MARKER = re.compile(r"\[\d+\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTATION = re.compile(r"“([^”]*)”")

#: Function words: dropped for content shingles and pairs, so swapping them does not disguise a copy.
STOPWORDS = frozenset(
    """
a an the and or but nor of to in on at by for with from as into onto over under than then that this these
those it its their them they there here he she his her him we our us you your i is are was were be been
being has have had do does did so such not no also very more most much many some any all both each either
neither other another own same which who whom whose what when where while whether if though although even
yet still just only about after before between through during since until up down out off again further
once can could may might must shall should will would
""".split()
)

# UK and US spellings fold together before suffixes are cut.
_SPELLING = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"is(e|es|ed|ing)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"(.{3,})our(s|ed|ing|ite|ites)?$"), r"\1or\2"),
    (re.compile(r"(cen|li|fi|thea|me)tre(s)?$"), r"\1ter\2"),
    (re.compile(r"(defen|offen|licen|preten)ce$"), r"\1se"),
    (re.compile(r"ogue$"), "og"),
    (re.compile(r"amme(s)?$"), r"am\1"),
)
_SUFFIXES = (
    "izations",
    "ization",
    "izing",
    "ized",
    "izes",
    "ize",
    "ations",
    "ation",
    "ings",
    "ing",
    "edly",
    "ed",
    "ies",
    "es",
    "s",
    "ly",
)


#: Names and fixed terms that have no other wording. The copy checks cut them out of the
#: library's text (never out of the article's) before comparing, so naming the "South China
#: Sea" or the "Treaty on Comprehensive Strategic Partnership" is not copying.
FIXED_TERMS = (
    "Treaty on Comprehensive Strategic Partnership",
    "Northern Sea Route",
    "South China Sea",
    "Sea of Japan",
    "Sea of Okhotsk",
    "Bering Sea",
    "Gulf of Finland",
    "Taiwan Strait",
    "Xinjiang Uyghur Autonomous Region",
    "Heixiazi/Bolshoi Ussuriiskii Island",
    "Power of Siberia",
    "International Criminal Court",
    "Center for International and Security Studies",
    "U.S. Department of Defense",
    "U.S. Department of the Treasury",
    "Entity List",
    "Ministry of Natural Resources",
    "Ministry of Foreign Affairs",
    "Narendra Modi",
    "Wu Dahui",
    "Tsinghua University",
    "East China Normal University",
    "Fudan University",
    "Peking University",
    "Denis Manturov",
    "Vice Premier",
    "Kim Jong-un",
    "Xi Jinping",
    "Vladimir Putin",
    "Global Security",
    "Global Development",
    "Global Civilization",
    "Global South",
    "Friends for Peace",
    "Garpiya-3",
    "Yuan Peng 3",
    "NewNewPolarBear",
    "Balticconnector",
    "Navy Day",
    "Joint Sea 2024",
    "North-Joint 2024",
    "Northern Cooperation",
    "Okean",
    "Arctic Defender",
    "RIMPAC",
    "U.S.-Philippines",
    "S-400",
    "community of common destiny",
    "weapons of mass destruction",
    "nuclear power plants",
    "full-scale war",
    "gray-zone",
    "Indo-Pacific",
    "Sino-Russian",
    "North Korea",
    "South Korea",
    "U.S.-ROK",
    "Russian Far East",
    "Arctic LNG",
    "East Asia",
    "Northeast Asia",
    "Cold War",
    "Belt and Road",
    "exclusive economic zone",
    "Aleutian Islands",
    "China-flagged",
    "shadow fleet",
    "Yamal",
)
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Text the copy checks set aside: quotations (checked on their own), numbers and month names
# (facts, not wording) and the fixed terms, longest first so "Sea of Japan" beats "Japan".
_SET_ASIDE = re.compile(
    r"“[^”]*”|\"[^\"]*\"|\b(?:"
    + "|".join(_MONTH_NAMES)
    + r")\b|\d+(?:[.,–-]\d+)*%?|"
    + "|".join(re.escape(t) for t in sorted(FIXED_TERMS, key=len, reverse=True)),
    flags=re.IGNORECASE,
)


def own_pieces(text: str) -> list[str]:
    """Return the stretches of library text *text* between its quotations, numbers, months and fixed terms."""
    return [piece for piece in _SET_ASIDE.split(text) if piece.strip()]


def words(text: str) -> list[str]:
    """Return *text* as normalised words: lower-case, straight quotes, no punctuation, dashes split."""
    text = text.translate(_QUOTE_MARKS)
    text = _DASHES.sub(" ", text)
    text = _PUNCTUATION.sub("", text)
    return text.lower().split()


def stem(word: str) -> str:
    """Return a crude stem of one normalised word: spelling variants, plurals and verb endings folded.

    It only has to be consistent, not linguistic: the article and the library go
    through the same function, so "signalling", "signaling" and "signals" all
    become "signal", and "organise" and "organize" both "organ".
    """
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            return word[: -len(suffix)]
    return word


def stems(text: str) -> list[str]:
    """Return the stems of every word of *text*."""
    return [stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Return the stems of the content words of *text* (function words dropped)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def digest(run: Iterable[str]) -> str:
    """Return the truncated SHA-256 of a run of normalised words joined by single spaces."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:HASH_CHARS]


def runs(word_list: list[str], length: int) -> Iterator[list[str]]:
    """Yield every run of *length* consecutive words of *word_list*."""
    for start in range(len(word_list) - length + 1):
        yield word_list[start : start + length]


def pair_digests(text: str) -> set[str]:
    """Return the hashes of the consecutive pairs of content stems of *text*."""
    return {digest(run) for run in runs(content_stems(text), 2)}


def numbers(text: str) -> set[str]:
    """Return the numeric tokens of *text* as written ("4,800", "15.5"), ignoring note markers."""
    return set(_NUMBER.findall(_NOTE_MARKER.sub(" ", text)))


def body(article: str) -> str:
    """Return the article without its notes: every line above the ``Notes`` heading."""
    lines = article.splitlines()
    try:
        end = next(i for i, line in enumerate(lines) if line.strip() == NOTES_HEADING)
    except StopIteration:
        raise ValueError(f"the article has no line '{NOTES_HEADING}' before its notes") from None
    return "\n".join(lines[:end])


# ------------------------------------------------------------------ sentences and segments

#: Words ending in a full stop that do not end a sentence.
_ABBREVIATIONS = ("U.S.", "Dr.", "i.e.", "e.g.", "St.", "Mr.", "Ms.", "No.")
# A sentence ends at . ? ! or … (closing quotes may follow, then note markers),
# before white space and a capital letter or an opening quote.
_SENTENCE_END = re.compile(r"([.?!…][”’\")]*)((?:\s*\[\d+\])*)(\s+)(?=[A-Z“\"(])")
_MARKER_WITH_SPACE = re.compile(r"\s*\[(\d+)\]")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def sentences(line: str) -> list[str]:
    """Return the sentences of one paragraph, each with the note markers that follow it."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        if line[start : match.end(1)].endswith(_ABBREVIATIONS):
            continue
        found.append(line[start : match.end(2)].strip())
        start = match.end()
    if line[start:].strip():
        found.append(line[start:].strip())
    return found


def segments(article: str) -> list[tuple[str, str, list[int]]]:
    """Return ``(id, text, notes)`` for every segment of the article body.

    A segment is a sentence's text up to and including a run of note markers,
    or its text after the last marker. Lines are numbered from 1 (blank lines
    count), sentences within a line from 1.
    """
    out: list[tuple[str, str, list[int]]] = []
    for number, line in enumerate(body(article).splitlines(), 1):
        for index, sentence in enumerate(sentences(line), 1):
            parts: list[list] = []
            position = 0
            for match in _MARKER_WITH_SPACE.finditer(sentence):
                text = sentence[position : match.start()].strip()
                if parts and not text.strip(" ,;"):
                    parts[-1][1].append(int(match.group(1)))  # markers side by side close one segment
                else:
                    parts.append([text, [int(match.group(1))]])
                position = match.end()
            tail = sentence[position:].strip()
            if tail.strip(' .,;:…”"'):
                parts.append([tail, []])
            for k, (text, notes) in enumerate(parts):
                suffix = "" if len(parts) == 1 else _LETTERS[k]
                out.append((f"{number}.{index}{suffix}", text, notes))
    return out


def fingerprint(article: str) -> dict[str, object]:
    """Return the fingerprint of the article text *article* (notes and all; only the body counts)."""
    # Note markers ("countries.[1]") would fuse with the word before them.
    text = _NOTE_MARKER.sub(" ", body(article))
    lines = text.splitlines()
    shingles = {digest(run) for line in lines for run in runs(words(line), SHINGLE_WORDS)}
    stem_shingles = {digest(run) for line in lines for run in runs(stems(line), SHINGLE_WORDS)}
    content_shingles = {digest(run) for line in lines for run in runs(content_stems(line), CONTENT_RUN)}
    quoted = {
        digest(run)
        for quotation in _QUOTATION.findall(text)
        for length in range(1, SHINGLE_WORDS)
        for run in runs(words(quotation), length)
    }
    return {
        "about": "Hashes and numbers of the article body; regenerate with tools/fingerprint_article.py.",
        "shingle_words": SHINGLE_WORDS,
        "content_run": CONTENT_RUN,
        "hash": f"sha256[:{HASH_CHARS}]",
        "numbers": sorted(numbers(text), key=lambda n: (float(n.replace(",", "")), n)),
        "segments": [
            {"id": sid, "notes": notes, "digest": digest(words(seg)), "pairs": sorted(pair_digests(seg))}
            for sid, seg, notes in segments(article)
        ],
        "shingles": sorted(shingles),
        "stem_shingles": sorted(stem_shingles),
        "content_shingles": sorted(content_shingles),
        "quotations": sorted(quoted),
    }


def main(argv: list[str]) -> int:
    if argv[:1] == ["--segments"] and len(argv) == 2:
        article = Path(argv[1]).read_text(encoding="utf-8")
        for sid, text, notes in segments(article):
            print(f"{sid:7} {','.join(map(str, notes)) or '-':7} {text}")
        return 0
    if len(argv) not in (1, 2) or argv[0].startswith("-"):
        print(f"usage: {Path(__file__).name} [--segments] ARTICLE.txt [OUTPUT.json]", file=sys.stderr)
        return 2
    article = Path(argv[0]).read_text(encoding="utf-8")
    output = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUTPUT
    data = fingerprint(article)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"Wrote {output}: {len(data['shingles'])} shingles, {len(data['content_shingles'])} content runs, "
        f"{len(data['segments'])} segments, {len(data['quotations'])} quotation runs, "
        f"{len(data['numbers'])} numbers."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
