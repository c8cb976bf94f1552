"""How the app names a slide or a topic in words for the user: in quotes, cut to fit where it is shown.

The undo menu ("Undo Move “Summit diplomacy, 2023–2025”") and the status
bar's refusals name slides and topics the same way; only the length differs.
"""

from __future__ import annotations

#: Title lengths in quotes: as the undo menu has them; short enough for a status-bar line.
UNDO, SHORT = 50, 34


def quoted(title: str, limit: int = UNDO) -> str:
    """Return *title* in quotes, cut at *limit* characters with an ellipsis."""
    return f"“{title if len(title) <= limit else title[: limit - 1].rstrip() + '…'}”"
