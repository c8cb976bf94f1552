"""Decks built on users' masters read well: every run of text has the contrast the accessibility check asks for."""

from __future__ import annotations

import pytest
from render.pptx.test_master_export import NAMES, TEMPLATES, export_on_master

from sinoru_brief.brief.model import Brief
from sinoru_brief.check import check_bytes


@pytest.mark.parametrize("name", NAMES)
def test_no_text_on_a_master_deck_is_too_faint_to_read(real_library, name):
    # Key depth on every topic: citation markers, reference numbers and agenda numbers all in the accent.
    brief = Brief(title="Deck on a master", topics=[t.id for t in real_library.topics], depth="key")
    _, data = export_on_master(real_library, brief, TEMPLATES / name)
    faint = [str(f) for f in check_bytes(data, schemas=False).findings if f.rule == "contrast"]
    assert not faint, faint
