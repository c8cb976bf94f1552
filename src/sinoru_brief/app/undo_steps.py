"""Undo steps: one change to the brief and its look, and the history carried over to another library.

Each step holds the brief (and the theme editor's unsaved look) before and
after it, so undoing restores exactly what was there. When the libraries
change, every step is reconciled with the new library as a brief opened on
it is (:func:`~sinoru_brief.brief.reconciled`), and only the steps that then
change nothing are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from sinoru_brief.brief import Brief, reconciled
from sinoru_brief.content import Library
from sinoru_brief.theme import Theme

if TYPE_CHECKING:
    from sinoru_brief.app.controller import DeckController


class BriefCommand(QUndoCommand):
    """One undoable change: the brief, and the unsaved look (a Theme or None), before and after it.

    Consecutive edits of the same field (typing a title) merge into one step
    when they share a *merge_key*.
    """

    _merge_ids: dict[str, int] = {}

    def __init__(
        self,
        controller: DeckController,
        before: Brief,
        after: Brief,
        text: str,
        merge_key: str = "",
        theme_before: Theme | None = None,
        theme_after: Theme | None = None,
    ):
        super().__init__(text)
        self.controller = controller
        self.before = before
        self.after = after
        self.theme_before = theme_before
        self.theme_after = theme_after
        self.merge_key = merge_key

    def id(self) -> int:  # noqa: A003 - Qt's name
        if not self.merge_key:
            return -1
        return self._merge_ids.setdefault(self.merge_key, len(self._merge_ids) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if self.controller.restacking:
            return False  # steps put back on the stack stay the steps they were
        if not isinstance(other, BriefCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.theme_after = other.theme_after
        # Typed or turned back to where it started: the step changes nothing, so Qt drops it.
        self.setObsolete(self.after == self.before and self.theme_after == self.theme_before)
        return True

    def redo(self) -> None:
        if not self.controller.restacking:  # put back on the stack, not done again
            # A step of typing (it has a merge key) builds in the background; see DeckController._apply.
            self.controller._apply(self.after, self.theme_after, typed=bool(self.merge_key))

    def undo(self) -> None:
        if not self.controller.restacking:
            self.controller._apply(self.before, self.theme_before)

    def on_library(self, library: Library) -> BriefCommand | None:
        """Return this step with both briefs reconciled with *library*; None if it then changes nothing."""
        (before, _), (after, _) = reconciled(self.before, library), reconciled(self.after, library)
        if before == after and self.theme_before == self.theme_after:
            return None
        return BriefCommand(
            self.controller, before, after, self.text(), self.merge_key, self.theme_before, self.theme_after
        )


def carry_over(controller: DeckController, library: Library) -> list[str]:
    """Rebuild *controller*'s undo history for *library*; return the names of the steps dropped.

    Every step is kept with its briefs reconciled with *library*. A step
    that then changes nothing (it ticked a topic, reworded or removed a
    slide the library no longer has) is dropped, as undoing it would do
    nothing. The position in the history and the saved state are kept.
    """
    stack = controller.undo_stack
    index, clean = stack.index(), stack.cleanIndex()
    kept: list[BriefCommand] = []
    dropped: list[str] = []
    new_index = new_clean = 0
    for i in range(stack.count()):
        step = stack.command(i)
        moved = step.on_library(library) if isinstance(step, BriefCommand) else None
        if moved is None:
            dropped.append(step.text())
        else:
            kept.append(moved)
        new_index += i < index and moved is not None
        new_clean += i < clean and moved is not None
    controller.restacking = True
    try:
        stack.clear()
        for step in kept:
            stack.push(step)
        if clean >= 0:
            stack.setIndex(new_clean)
            stack.setClean()
        else:
            stack.resetClean()  # the saved state was undone and written over: no step leads back to it
        stack.setIndex(new_index)
    finally:
        controller.restacking = False
    return dropped
