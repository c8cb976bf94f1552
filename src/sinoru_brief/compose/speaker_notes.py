"""Join a slide's read-aloud notes and its guidance for the briefer into the text of its speaker notes.

The guidance (the slide's ``briefer:`` field) is kept apart in the library so
the app can show it as its own block and a check can tell it from text meant
to be read out; in the exported notes it is a paragraph of its own, after the
read-aloud notes and before the references, opening with a label that says
it is not for the audience.
"""

from __future__ import annotations

from sinoru_brief.content.models import BRIEFER_LABEL


def join_notes(notes: str, briefer: str) -> str:
    """Return *notes* followed by the labelled paragraph of *briefer* guidance, or *notes* alone if there is none.

    The notes keep their own trailing line breaks (a YAML block scalar ends
    in one), so a slide whose guidance moved out of its notes into the field
    exports the same text as before.
    """
    guidance = " ".join(briefer.split())
    if not guidance:
        return notes
    body = notes.rstrip()
    tail = notes[len(body):]
    opening = f"{body}\n\n" if body else ""
    return f"{opening}{BRIEFER_LABEL} {guidance}{tail}"
