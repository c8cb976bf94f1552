"""Crashes the fuzz tests found and reported, recognised by their exception, so the fuzzers look for new ones.

Each entry has a deterministic reproduction marked ``xfail(strict=True)`` in
``test_known_crashes.py``. When a fix lands, that test passes, strict xfail
turns it into a failure, and both the marker and the entry here go.
"""

from __future__ import annotations

import errno
import traceback


def known_crash(exc: BaseException) -> str | None:
    """Return the name of the reported crash *exc* is, or None if it is new."""
    if isinstance(exc, RecursionError):
        return "deeply nested YAML overflows the parser (test_deeply_nested_yaml_is_an_error)"
    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        return "a path component over 255 bytes (test_over_long_file_name_is_an_error)"
    if isinstance(exc, ValueError) and "All strings must be XML compatible" in str(exc) \
            or isinstance(exc, UnicodeEncodeError) and "surrogates not allowed" in str(exc):
        return "rendered text with U+FFFE/U+FFFF or a lone surrogate reaches the writer " \
               "(test_text_rendered_with_xml_illegal_characters_exports)"
    if isinstance(exc, ValueError) and "embedded null byte" in str(exc):
        return "NUL in a logo or master path (test_nul_in_a_template_path_is_an_error)"
    if isinstance(exc, KeyError) and _raised_in(exc, "compose/composer.py"):
        return "a cite id YAML reads as a number escapes the citation check (test_numeric_cite_id_is_an_error)"
    if isinstance(exc, TypeError) and _raised_in(exc, "content/loader.py"):
        return "a note-number that is not a list in a broken sources file (test_note_number_that_is_not_a_list_is_an_error)"
    if isinstance(exc, OverflowError) and _raised_in(exc, "content/schema.py"):
        return "a CSL date year beyond datetime's range (test_huge_year_in_a_csl_date_is_an_error)"
    return None


def _raised_in(exc: BaseException, file_suffix: str) -> bool:
    return any(frame.filename.endswith(file_suffix) for frame in traceback.extract_tb(exc.__traceback__))
