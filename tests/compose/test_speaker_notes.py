"""Speaker notes: the guidance for the briefer is a labelled paragraph after the notes read aloud."""

from __future__ import annotations

from sinoru_brief.compose.speaker_notes import join_notes


def test_no_guidance_leaves_the_notes_as_written_but_for_the_final_line_break():
    assert join_notes("Read this.\n", "") == "Read this."
    assert join_notes("One.\n\nTwo.", "  \n") == "One.\n\nTwo."


def test_guidance_is_its_own_labelled_paragraph_after_the_notes():
    assert join_notes("Read this.", "say both figures.") == "Read this.\n\nFor the briefer: say both figures."


def test_a_block_scalars_final_line_break_does_not_open_an_empty_paragraph():
    # A topic file's notes written with | end in a line break; the sources that follow must be
    # one blank line away, not two.
    assert join_notes("One.\n\nTwo.\n", "if asked, say so.\n") == "One.\n\nTwo.\n\nFor the briefer: if asked, say so."


def test_guidance_wrapped_over_lines_is_one_paragraph():
    assert join_notes("Notes.", "first half\nsecond half") == "Notes.\n\nFor the briefer: first half second half"


def test_guidance_without_notes_is_the_only_paragraph():
    assert join_notes("", "only guidance") == "For the briefer: only guidance"


def test_guidance_written_in_old_notes_is_split_out():
    from sinoru_brief.compose.speaker_notes import split_guidance

    notes = "Read this.\n\nFor the briefer: if asked, say so.\n\nOur analysis: ours.\n"
    assert split_guidance(notes) == ("Read this.\n\nOur analysis: ours.", "if asked, say so.")
    assert split_guidance("Nothing for the briefer here.") == ("Nothing for the briefer here.", "")
