"""The one rectangle type: a position and size in EMU, for a master's placeholders and a page's boxes alike."""

from __future__ import annotations

from dataclasses import dataclass

from sinoru_brief.units import Emu


@dataclass(frozen=True)
class Rect:
    """A rectangle in EMU, from the slide's top-left corner."""

    x: Emu
    y: Emu
    w: Emu
    h: Emu

    @property
    def area(self) -> int:
        """Return the area in square EMU; a rectangle with a negative side has none."""
        return max(self.w, 0) * max(self.h, 0)

    @property
    def right(self) -> Emu:
        return Emu(self.x + self.w)

    @property
    def bottom(self) -> Emu:
        return Emu(self.y + self.h)
