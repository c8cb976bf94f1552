"""Units of length used across layout and rendering, and every conversion between them.

Geometry is in EMU (English Metric Units, as in OOXML): 914,400 to the inch
and 12,700 to the point. Font sizes are in points; DrawingML writes them, and
exact line spacing, in hundredths of a point ("centipoints", 127 EMU each).

``Emu`` and ``Pt`` are distinct types to the type checker, so a length in
points passed where EMU are wanted (or the reverse) is an error before it is
a misplaced shape. At run time they are plain ``int`` and ``float``: the sum
or difference of two ``Emu`` is an ``int`` again, and is made an ``Emu`` once,
where it is stored as a length.

Each conversion rounds in one stated way, and the program's output depends
on it (a deck's XML and layout are compared with golden files): where two
conversions differ only in rounding, both are here under their own names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NewType

EMU_PER_INCH = 914_400
EMU_PER_POINT = 12_700
#: A hundredth of a point, the unit of DrawingML's font sizes (``sz``) and spacing (``spcPts``).
EMU_PER_CENTIPOINT = EMU_PER_POINT // 100
#: Points to the inch (a PDF's unit of length is the point).
POINTS_PER_INCH = EMU_PER_INCH // EMU_PER_POINT

Emu = NewType("Emu", int)
Pt = NewType("Pt", float)


def inches(value: float) -> Emu:
    """Return *value* inches in EMU, to the nearest whole EMU."""
    return Emu(round(value * EMU_PER_INCH))


def points(value: float) -> Emu:
    """Return *value* points in EMU, to the nearest whole EMU."""
    return Emu(round(value * EMU_PER_POINT))


def points_truncated(value: float) -> Emu:
    """Return *value* points in whole EMU, the fraction dropped, as python-pptx's ``Pt`` converts."""
    return Emu(int(value * EMU_PER_POINT))


def emu_sum(lengths: Iterable[Emu]) -> Emu:
    """Return the total of the EMU *lengths*."""
    return Emu(sum(lengths))


def emu_to_pt(value: Emu) -> Pt:
    """Return the EMU length *value* in points."""
    return Pt(value / EMU_PER_POINT)


def emu_to_inches(value: Emu) -> float:
    """Return the EMU length *value* in inches."""
    return value / EMU_PER_INCH


def emu_to_stored_inches(value: Emu) -> float:
    """Return the EMU length *value* in inches to six decimals, as a look or template file stores it.

    Six decimals of an inch are within 0.46 EMU of the value, so :func:`inches`
    turns the stored number back into the same EMU, while a plain slide size
    (13.333333 in, 7.5 in) reads as a person would write it.
    """
    return round(value / EMU_PER_INCH, 6)


def pt_to_centipoints(value: float) -> int:
    """Return the point size *value* in hundredths of a point, to the nearest."""
    return round(value * 100)


def pt_to_centipoints_truncated(value: float) -> int:
    """Return *value* points in whole hundredths of a point, by way of whole EMU, as python-pptx converts.

    python-pptx makes a size whole EMU first, dropping the fraction
    (:func:`points_truncated`), then whole centipoints rounding down; the
    result can be one less than :func:`pt_to_centipoints` gives.
    """
    return points_truncated(value) // EMU_PER_CENTIPOINT


def centipoints_to_pt(value: int) -> Pt:
    """Return *value* hundredths of a point in points."""
    return Pt(value / 100)


def per_emu_to_per_pt(rate: float) -> float:
    """Return *rate*, an amount per EMU (device pixels per EMU, say), as the amount per point."""
    return rate * EMU_PER_POINT
