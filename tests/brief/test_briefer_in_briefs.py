"""A brief may give guidance for the briefer: in place of a library slide's, and on the user's own slides."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinoru_brief.brief import load_brief, save_brief
from sinoru_brief.compose import compose
from sinoru_brief.errors import BriefFileError

BRIEF = """title: T
topics: [alpha, beta]
depth: full
overrides:
  beta-bullets:
    briefer: "if asked about {{ brief.title }}, say it is our deck."
custom_slides:
  - id: our-assessment
    after: alpha-key
    title: Our assessment
    bullets:
      - text: The partnership deepens
        cite: [article-2025]
    notes: Say this slowly.
    briefer: do not read the sub-bullets aloud.
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.brief.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _notes(deck, key: str) -> str:
    return next(s for s in deck.slides if s.key == key).notes


def test_guidance_in_a_brief_is_read_and_goes_into_the_speaker_notes(tmp_path, fixture_library):
    brief = load_brief(_write(tmp_path, BRIEF))
    assert brief.overrides["beta-bullets"].briefer == "if asked about {{ brief.title }}, say it is our deck."
    assert brief.custom_slides[0].briefer == "do not read the sub-bullets aloud."
    deck = compose(fixture_library, brief)
    assert "\n\nFor the briefer: if asked about T, say it is our deck.\n\nSources:" in _notes(deck, "beta-bullets")
    assert _notes(deck, "our-assessment").startswith(
        "Say this slowly.\n\nFor the briefer: do not read the sub-bullets aloud.\n\nSources:"
    )


def test_guidance_survives_saving_and_reopening(tmp_path):
    brief = load_brief(_write(tmp_path, BRIEF))
    again = tmp_path / "again.brief.yaml"
    save_brief(brief, again)
    reopened = load_brief(again)
    assert reopened.overrides["beta-bullets"].briefer == brief.overrides["beta-bullets"].briefer
    assert reopened.custom_slides[0].briefer == brief.custom_slides[0].briefer


def test_an_override_without_guidance_keeps_the_librarys(tmp_path, fixture_library):
    guidance = '    briefer: "if asked about {{ brief.title }}, say it is our deck."\n'
    text = BRIEF.replace(guidance, "    title: New title\n")
    deck = compose(fixture_library, load_brief(_write(tmp_path, text)))
    assert 'For the briefer: If asked, the bullet names the deck "T".' in _notes(deck, "beta-bullets")


def test_guidance_repeating_the_label_names_the_file_line_and_key(tmp_path):
    text = BRIEF.replace(
        "    briefer: do not read the sub-bullets aloud.",
        "    briefer: 'For the briefer: do not read the sub-bullets aloud.'",
    )
    path = _write(tmp_path, text)
    with pytest.raises(BriefFileError) as caught:
        load_brief(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.key_path) == (path, 15, "custom_slides[0].briefer")
    assert "which the export adds itself" in problem.message


def test_a_brief_saved_before_the_field_keeps_its_guidance_once(tmp_path, fixture_library):
    # The app copied the library's notes, guidance paragraph and all, into a notes override.
    old = """title: T
topics: [beta]
depth: full
overrides:
  beta-bullets:
    notes: |
      Our reworded notes.

      For the briefer: our own guidance from then.
"""
    notes = _notes(compose(fixture_library, load_brief(_write(tmp_path, old))), "beta-bullets")
    assert notes.startswith("Our reworded notes.\n\nFor the briefer: our own guidance from then.\n\nSources:")
    assert notes.count("For the briefer:") == 1
