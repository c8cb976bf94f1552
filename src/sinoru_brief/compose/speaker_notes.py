"""Join a slide's read-aloud notes and its guidance for the briefer into the text of its speaker notes.

The guidance (the slide's ``briefer:`` field) is kept apart in the library so
the app can show it as its own block and a check can tell it from text meant
to be read out; in the exported notes it is a paragraph of its own, after the
read-aloud notes and before the references, opening with a label that says
it is not for the audience.
"""

from __future__ import annotations

import re

from sinoru_brief.content.models import BRIEFER_LABEL


def join_notes(notes: str, briefer: str) -> str:
    """Return *notes* followed by the labelled paragraph of *briefer* guidance, or *notes* alone if there is none.

    The line breaks a YAML block scalar leaves at the end of the notes are
    dropped, so whatever the template puts after them (the sources) is one
    blank line away, not two.
    """
    body = notes.strip()
    guidance = " ".join(briefer.split())
    if not guidance:
        return body
    return f"{body}\n\n{BRIEFER_LABEL} {guidance}" if body else f"{BRIEFER_LABEL} {guidance}"


def split_guidance(notes: str) -> tuple[str, str]:
    """Return *notes* without its paragraphs that open with the label, and the guidance they hold.

    Briefs saved before guidance had a field of its own copied it, label
    and all, into their notes overrides; read this way, such a brief keeps
    its wording and the guidance is neither lost nor given twice.
    """
    kept, guidance = [], []
    for paragraph in re.split(r"\n\s*\n", notes.strip()):
        if paragraph.lstrip().startswith(BRIEFER_LABEL):
            guidance.append(paragraph.lstrip()[len(BRIEFER_LABEL) :].strip())
        elif paragraph.strip():
            kept.append(paragraph)
    return "\n\n".join(kept), " ".join(guidance)
