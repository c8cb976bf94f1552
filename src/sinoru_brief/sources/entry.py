"""One reference read from a user's file, before it has an id, and the error raised for bad input."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sinoru_brief.errors import BriefError
from sinoru_brief.xmlchars import strip_xml_illegal

_SPACES = re.compile(r"\s+")


class SourceImportError(BriefError):
    """A reference file cannot be imported: unreadable, malformed, or an entry our schema refuses."""

    kind = "import error"


@dataclass
class ImportedEntry:
    """A CSL item read from *file* (no ``id`` yet), with the key and line it was written under."""

    csl: dict[str, Any]
    file: Path
    key: str = ""  # the entry's own key in the file (BibTeX key, CSL-JSON id, RIS ID), if it has one
    line: int | None = None
    notes: list[str] = field(default_factory=list)  # what the conversion changed, for the report
    dropped: list[str] = field(default_factory=list)  # the file's fields our sources have no place for

    def label(self) -> str:
        """Name the entry for a message: its title, then where it was written."""
        title = str(self.csl.get("title") or "(no title)")
        if len(title) > 70:
            title = title[:69].rstrip() + "…"
        return f"“{title}” ({self.where()})"

    def where(self) -> str:
        """Return ``file:line, key`` as far as they are known."""
        place = f"{self.file.name}:{self.line}" if self.line else self.file.name
        return f"{place}, {self.key}" if self.key else place


def clean_text(value: object) -> str:
    """Return *value* as one line of text: NFC, unwritable characters gone, runs of whitespace one space.

    Reference managers keep line breaks from pasted abstracts and titles; a
    slide's source line and the YAML file both want a single line.
    """
    text = unicodedata.normalize("NFC", str(value))
    return _SPACES.sub(" ", strip_xml_illegal(text)).strip()


#: Language names reference managers write, as the tags our sources use.
LANGUAGE_TAGS = {
    "english": "en",
    "en": "en",
    "russian": "ru",
    "ru": "ru",
    "русский": "ru",
    "rus": "ru",
    "chinese": "zh-CN",
    "zh": "zh-CN",
    "zh-cn": "zh-CN",
    "zh-hans": "zh-CN",
    "simplified chinese": "zh-CN",
    "中文": "zh-CN",
    "chi": "zh-CN",
    "zho": "zh-CN",
    "traditional chinese": "zh-TW",
    "zh-tw": "zh-TW",
    "zh-hant": "zh-TW",
    "french": "fr",
    "german": "de",
    "japanese": "ja",
    "korean": "ko",
    "spanish": "es",
    "ukrainian": "uk",
    "ngerman": "de",
    "american": "en-US",
    "british": "en-GB",
    "usenglish": "en-US",
    "ukenglish": "en-GB",
}


def language_tag(value: object) -> str:
    """Return the language tag for a language as a reference manager writes it (a name or a tag)."""
    text = clean_text(value)
    return LANGUAGE_TAGS.get(text.casefold(), text)


def script_language(text: str) -> str:
    """Return the language tag the script of *text* implies (ru, uk, zh-CN, ja, ko), or "" for Latin or mixed.

    Citation styles title-case every title they believe English, and a title
    without a language counts as English: "Путин и Си" would become
    "Путин И Си". The script is a safe guess; the user can correct it.
    """
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in text)
    han = sum("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)
    kana = sum("\u3040" <= c <= "\u30ff" for c in text)
    hangul = sum("\uac00" <= c <= "\ud7af" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    counts = {"cyrillic": cyrillic, "cjk": han + kana + hangul}
    script = max(counts, key=lambda k: counts[k])
    if counts[script] <= latin:
        return ""
    if script == "cyrillic":
        return "uk" if any(c in "іїєґІЇЄҐ" for c in text) else "ru"
    return "ko" if hangul else "ja" if kana else "zh-CN"
