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
* ``numbers``: every numeric token of the article body ("47", "15.5",
  "4,800", "1985", "11,000"). A test then checks that every number on a
  slide is one the article states.

The body is everything above the line ``Notes``: title, summary, text and the
contributor's note, with the note markers (``[12]``) taken out. The word
normalisation (see :func:`words`) is shared with the tests, which import this
module, so both sides split and clean words the same way.

Regenerate after the article changes (the article is not in the repository)::

    uv run python tools/fingerprint_article.py /path/to/sino-russian-partnership.txt

An optional second argument names the output file (default:
``tests/data/article-fingerprint.json``). The output is deterministic (sorted
lists), so regenerating from an unchanged article leaves the file unchanged.

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


def words(text: str) -> list[str]:
    """Return *text* as normalised words: lower-case, straight quotes, no punctuation, dashes split."""
    text = text.translate(_QUOTE_MARKS)
    text = _DASHES.sub(" ", text)
    text = _PUNCTUATION.sub("", text)
    return text.lower().split()


def digest(run: Iterable[str]) -> str:
    """Return the truncated SHA-256 of a run of normalised words joined by single spaces."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:HASH_CHARS]


def runs(word_list: list[str], length: int) -> Iterator[list[str]]:
    """Yield every run of *length* consecutive words of *word_list*."""
    for start in range(len(word_list) - length + 1):
        yield word_list[start:start + length]


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


def fingerprint(article: str) -> dict[str, object]:
    """Return the fingerprint of the article text *article* (notes and all; only the body counts)."""
    # Note markers ("countries.[1]") would fuse with the word before them.
    text = _NOTE_MARKER.sub(" ", body(article))
    shingles = {digest(run) for line in text.splitlines() for run in runs(words(line), SHINGLE_WORDS)}
    quoted = {
        digest(run)
        for quotation in _QUOTATION.findall(text)
        for length in range(1, SHINGLE_WORDS)
        for run in runs(words(quotation), length)
    }
    return {
        "about": "Hashes and numbers of the article body; regenerate with tools/fingerprint_article.py.",
        "shingle_words": SHINGLE_WORDS,
        "hash": f"sha256[:{HASH_CHARS}]",
        "numbers": sorted(numbers(text), key=lambda n: (float(n.replace(",", "")), n)),
        "shingles": sorted(shingles),
        "quotations": sorted(quoted),
    }


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print(f"usage: {Path(__file__).name} ARTICLE.txt [OUTPUT.json]", file=sys.stderr)
        return 2
    article = Path(argv[0]).read_text(encoding="utf-8")
    output = Path(argv[1]) if len(argv) == 2 else DEFAULT_OUTPUT
    data = fingerprint(article)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {output}: {len(data['shingles'])} shingles, {len(data['quotations'])} quotation runs, "
          f"{len(data['numbers'])} numbers.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
