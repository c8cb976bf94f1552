"""Units of length used across layout and rendering.

Geometry is in EMU (English Metric Units, as in OOXML): 914,400 to the inch
and 12,700 to the point. Font sizes are in points.
"""

from __future__ import annotations

EMU_PER_INCH = 914_400
EMU_PER_POINT = 12_700

Emu = int
Pt = float


def inches(value: float) -> Emu:
    return round(value * EMU_PER_INCH)


def points(value: float) -> Emu:
    return round(value * EMU_PER_POINT)


def emu_to_pt(value: Emu) -> Pt:
    return value / EMU_PER_POINT
