"""Units of length used across layout and rendering.

Geometry is in EMU (English Metric Units, as in OOXML): 914,400 to the inch
and 12,700 to the point. Font sizes are in points.

``Emu`` and ``Pt`` are distinct types to the type checker, so a length in
points passed where EMU are wanted (or the reverse) is an error before it is
a misplaced shape. At run time they are plain ``int`` and ``float``: the sum
or difference of two ``Emu`` is an ``int`` again, and is made an ``Emu`` once,
where it is stored as a length.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NewType

EMU_PER_INCH = 914_400
EMU_PER_POINT = 12_700

Emu = NewType("Emu", int)
Pt = NewType("Pt", float)


def inches(value: float) -> Emu:
    """Return *value* inches in EMU, to the nearest whole EMU."""
    return Emu(round(value * EMU_PER_INCH))


def points(value: float) -> Emu:
    """Return *value* points in EMU, to the nearest whole EMU."""
    return Emu(round(value * EMU_PER_POINT))


def emu_sum(lengths: Iterable[Emu]) -> Emu:
    """Return the total of the EMU *lengths*."""
    return Emu(sum(lengths))


def emu_to_pt(value: Emu) -> Pt:
    """Return the EMU length *value* in points."""
    return Pt(value / EMU_PER_POINT)
