"""Menu actions for the main window's parts: one way to make an action whose shortcut works anywhere in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

#: A key as Qt takes it: a standard key (Save, Open…), a string such as "Ctrl+E", or a sequence.
Keys = QKeySequence | QKeySequence.StandardKey | str

#: Show a message in the window's status bar for so many milliseconds (0: until the next one).
ShowStatus = Callable[[str, int], None]


def make_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcut: Keys | None = None,
    tip: str = "",
    fallback: str = "",
) -> QAction:
    """Return an action that runs *slot*, added to *owner* so its shortcut works while *owner* has the focus.

    The status tip defaults to *text* without its mnemonic and ellipsis. *fallback* is the key used
    where the platform defines none for a standard key.
    """
    action = QAction(text, owner)
    if shortcut is not None:
        keys = QKeySequence(shortcut)
        # Some platforms define no key for a standard action (Quit on plain X11 and offscreen).
        action.setShortcut(keys if not keys.isEmpty() or not fallback else QKeySequence(fallback))
    action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
    action.triggered.connect(slot)
    owner.addAction(action)
    return action
