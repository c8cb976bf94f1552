"""First-use citation numbering."""

from __future__ import annotations

import pytest

from sinoru_brief.citations import Numbering


def test_first_use_numbering_keeps_repeats():
    numbering = Numbering()
    assert numbering.cite(["b", "a", "b"]) == [1, 2, 1]
    assert numbering.cite(["c", "a"]) == [3, 2]
    assert numbering.ordered_ids() == ["b", "a", "c"]
    assert (numbering.number("c"), len(numbering)) == (3, 3)


def test_unknown_id_has_no_number():
    with pytest.raises(KeyError):
        Numbering().number("never-cited")
