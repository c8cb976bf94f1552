"""The article's hashed fingerprint and the tool that makes it, shared by the content tests.

The repository never holds the article's text: ``tools/fingerprint_article.py``
turns it into hashes (``tests/data/article-fingerprint.json``), and the tests
compare the library against those with the tool's own normalising functions.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
FINGERPRINT = ROOT / "tests" / "data" / "article-fingerprint.json"


@cache
def fingerprint_tool() -> ModuleType:
    """Return ``tools/fingerprint_article.py`` as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("fingerprint_article", ROOT / "tools" / "fingerprint_article.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def fingerprint() -> dict:
    """Return the parsed fingerprint of the article, read once per test session."""
    return json.loads(FINGERPRINT.read_text(encoding="utf-8"))
