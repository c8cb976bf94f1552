"""Slide and topic titles in words for the user: quoted, and cut with an ellipsis only when too long."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.app.titles import SHORT, UNDO, quoted


@given(st.text(alphabet="ab Жд中 ,–", max_size=80), st.sampled_from([SHORT, UNDO]))
def test_a_title_is_quoted_whole_or_cut_to_the_limit_with_an_ellipsis(title, limit):
    shown = quoted(title, limit)
    assert shown.startswith("“") and shown.endswith("”")
    inner = shown[1:-1]
    if len(title) <= limit:
        assert inner == title
    else:
        assert inner.endswith("…") and len(inner) <= limit and title.startswith(inner[:-1])
