"""Give imported sources readable, unique ids in the library's style: ``author-year-title-words``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

# Russian in the BGN/PCGN style journalists use (Лавров -> lavrov), so Russian works get readable ids.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "i",
            "yi",
            "ye",
            "g",
            "w",
        ],
        strict=True,
    )
)
# Words that say nothing about a work; ids are built from the words that do.
_STOPWORDS = frozenset(
    """a an and the of on in for to from with by at as or about between into over under
vs versus its their his her our is are be was were how what why who new
l le la les de des du et un une und der die das den ein eine""".split()
)
MAX_ID_LENGTH = 80
TITLE_WORDS = 3


def slug_words(text: str) -> list[str]:
    """Return *text* as lower-case ASCII words: accents dropped, Cyrillic transliterated, other scripts left out."""
    letters = []
    # "U.S." is one word, us, not two letters.
    for char in unicodedata.normalize("NFC", text.casefold().replace(".", "")):
        if char in _CYRILLIC:
            letters.append(_CYRILLIC[char])
            continue
        # NFKD splits an é into e and its accent; the accent is dropped, other scripts become spaces.
        # Lower-cased after NFKD too: a mathematical capital (𝐴) has no lower case of its own but becomes A.
        plain = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii() and c.isalnum()).lower()
        letters.append(plain if plain or unicodedata.category(char) == "Mn" else " ")
    return "".join(letters).split()


def _who(csl: dict[str, Any]) -> str:
    for variable in ("author", "editor"):
        for name in csl.get(variable) or []:
            if name.get("family"):
                words = slug_words(str(name["family"]))
            else:  # an organisation: its significant words, "us-department" for "U.S. Department of Defense"
                words = [w for w in slug_words(str(name.get("literal", ""))) if w not in _STOPWORDS]
            if words:
                return "-".join(words[:2])
    for variable in ("container-title", "publisher"):
        words = [w for w in slug_words(str(csl.get(variable, ""))) if w not in _STOPWORDS]
        if words:
            return "-".join(words[:2])
    return ""


def _year(csl: dict[str, Any]) -> str:
    parts = (csl.get("issued") or {}).get("date-parts")
    if isinstance(parts, list) and parts and parts[0]:
        return str(parts[0][0])
    literal = re.search(r"\d{4}", str((csl.get("issued") or {}).get("literal", "")))
    return literal.group() if literal else "nd"


def _what(csl: dict[str, Any]) -> str:
    for text in (csl.get("title"), csl.get("title-short"), csl.get("original-title")):
        words = [w for w in slug_words(str(text or "")) if w not in _STOPWORDS and len(w) > 1]
        if words:
            return "-".join(words[:TITLE_WORDS])
    return ""


def _key_words(key: str) -> list[str]:
    """Return a citation key's words (``xinhua2024`` -> xinhua, 2024); none for a URL-like Zotero item key."""
    if not key or any(c in key for c in "/:"):
        return []
    return slug_words(re.sub(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])", " ", key))


def make_id(csl: dict[str, Any], taken: Collection[str], key: str = "") -> str:
    """Return an id for *csl* not in *taken*: who wrote it, the year, the first words of its title.

    A work whose author and title are in a script with no transliteration here
    (Chinese) falls back on the outlet, then the entry's own key; a clash gets
    ``-2``, ``-3`` ... appended.
    """
    who, what = _who(csl), _what(csl)
    key_words = _key_words(key)
    if (not who or not what) and key_words:
        base = "-".join(key_words)  # the user's own key says more than a guess from what is left
    else:
        kind = "-".join(slug_words(str(csl.get("type", "")))) or "source"  # legal_case -> legal-case
        base = "-".join((who or kind, _year(csl), what or "untitled"))
    base = base[:MAX_ID_LENGTH].strip("-")
    base = re.sub(r"-+", "-", base) or "source"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
