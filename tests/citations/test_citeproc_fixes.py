"""Our workarounds for citeproc-py bugs (see docs/citations.md) do what they say, and only that."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sinoru_brief.citations import ReferenceFormatter
from sinoru_brief.citations.citeproc_fixes import drop_repeated_title, drop_second_copy
from sinoru_brief.content.models import Source

NEWS = Source(
    id="n",
    csl={
        "id": "n",
        "type": "article-newspaper",
        "title": "A Report on Exercises",
        "container-title": "Daily Example",
        "author": [{"family": "Reporter", "given": "Rita"}],
        "issued": {"date-parts": [[2024, 10, 3]]},
    },
)
NO_AUTHOR = Source(
    id="w",
    csl={
        "id": "w",
        "type": "webpage",
        "title": "Washington Summit Declaration",
        "container-title": "North Atlantic Treaty Organization",
        "issued": {"date-parts": [[2024, 7, 10]]},
    },
)


def test_no_stray_edition_label_in_chicago():
    text = ReferenceFormatter("chicago-notes-bibliography").format([NEWS])[0].text
    assert "Edition" not in text
    assert text == "Reporter, Rita. “A Report on Exercises”. Daily Example, October 3, 2024."


def test_full_given_names_in_chicago_bibliography():
    text = ReferenceFormatter("chicago-notes-bibliography").format([NEWS])[0].text
    assert text.startswith("Reporter, Rita.")


def test_apa_still_initialises_given_names():
    assert ReferenceFormatter("apa").format([NEWS])[0].text.startswith("Reporter, R. (2024, October 3).")


@pytest.mark.parametrize("style", ["apa", "chicago-notes-bibliography", "ieee"])
def test_title_substituted_for_author_appears_once(style):
    text = ReferenceFormatter(style).format([NO_AUTHOR])[0].text
    assert text.lower().count("washington summit declaration") == 1, text


def test_drop_repeated_title_keeps_the_first_copy_and_the_rest():
    markup = "<i>Washington Summit Declaration</i>. (2024, July 10). <i>Washington Summit Declaration</i>. NATO."
    assert drop_repeated_title(markup, "Washington Summit Declaration") == (
        "<i>Washington Summit Declaration</i>. (2024, July 10). NATO."
    )


def test_drop_repeated_title_handles_brackets_and_quotes():
    title = "中文标题 [A Statement (Full Text)]"
    markup = f"“{title}”. “{title}”. May 16, 2024."
    assert drop_repeated_title(markup, title) == f"“{title}”. May 16, 2024."


def test_drop_repeated_title_leaves_single_copies_alone():
    markup = "Reporter, Rita. “A Report on Exercises”. Daily Example."
    assert drop_repeated_title(markup, "A Report on Exercises") == markup


@pytest.mark.parametrize("csl_type", ["document", "manuscript"])
def test_types_citeproc_drops_are_still_formatted(csl_type):
    source = Source(
        id="d",
        csl={"id": "d", "type": csl_type, "title": "A Document Title", "author": [{"family": "Doe", "given": "Jane"}]},
    )
    text = ReferenceFormatter("chicago-notes-bibliography").format([source])[0].text
    assert text == "Doe, Jane. A Document Title. n.d."


_WORD = st.sampled_from(["Summit", "summit", "SUMMIT", "Declaration", "İstanbul", "istanbul", "Straße", "ß", "a", "Ok"])
_GLUE = st.sampled_from([" ", ". ", "<i>", "</i>", "“", "”", ", ", "_", ""])


@settings(max_examples=300, deadline=None)
@given(
    title=st.lists(_WORD, min_size=1, max_size=4).map(" ".join),
    pieces=st.lists(st.one_of(_WORD, _GLUE), max_size=14),
    copies=st.integers(0, 3),
)
def test_the_quick_count_never_changes_what_is_dropped(title, pieces, copies):
    markup = "".join(pieces)
    for _ in range(copies):
        markup += f" <i>{title}</i>. " + "".join(pieces[:3])
    # The whole-pattern search alone, as drop_repeated_title did before its quick count of one word.
    words = re.findall(r"\w+", title)
    whole = drop_second_copy(markup, words) if len(words) >= 2 else markup
    assert drop_repeated_title(markup, title) == whole
