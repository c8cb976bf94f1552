"""One rule names a template: the file's ``name:``, a new template's folder and a look-up by name agree."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sinoru_brief.theme.names import MAX_NAME_LENGTH, is_template_name


@given(st.text(alphabet="aZ09 _.-/\\:é中", max_size=90))
def test_a_name_is_plain_characters_that_make_a_safe_folder(name):
    ok = is_template_name(name)
    if ok:
        assert len(name) <= MAX_NAME_LENGTH and name[0].isascii() and name[0].isalnum()
        assert not any(c in name for c in "/\\:") and ".." not in name


def test_examples():
    assert is_template_name("briefing") and is_template_name("Ministry look 2.1")
    assert not is_template_name("../briefing") and not is_template_name(" leading space")
    assert not is_template_name("x" * (MAX_NAME_LENGTH + 1)) and is_template_name("x" * MAX_NAME_LENGTH)
