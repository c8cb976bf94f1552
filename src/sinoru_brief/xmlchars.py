"""The characters a .pptx cannot hold, found in one place for every way text comes in.

XML 1.0, and so every part of a .pptx, has no place for most control
characters nor for U+FFFE and U+FFFF; a deck containing one does not open.
Lone surrogates cannot be encoded in UTF-8 at all (YAML, JSON and templates
can all spell one as an escape). Text from content files, a user's reference
files, templates and the command line is stripped of them on the way in.
"""

from __future__ import annotations

import re

#: Control characters other than tab, newline and carriage return; U+FFFE, U+FFFF; lone surrogates.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def strip_xml_illegal(text: str) -> str:
    """Return *text* without the characters a .pptx cannot hold (the same object if it has none)."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text
