"""Colours as DrawingML writes them, resolved to RGB, and the WCAG contrast between two of them.

A colour element is ``a:srgbClr``, ``a:schemeClr`` (a theme slot, through the
master's colour map), ``a:sysClr`` or ``a:prstClr``, optionally with
``lumMod``/``lumOff``/``tint``/``shade`` children, which PowerPoint's own
templates use for lighter and darker variants of a theme colour.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree

from sinoru_brief.theme.drawingml import apply_modifiers

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
A = f"{{{NS_A}}}"
COLOR_TAGS = frozenset(A + t for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr"))
#: The preset colours a deck is likely to use; others are left unresolved rather than guessed.
PRESET = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "gray": "808080",
    "grey": "808080",
    "darkGray": "A9A9A9",
    "lightGray": "D3D3D3",
}
#: Without a colour map, the four mapped slots mean what the default map makes them.
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}

RGB = tuple[float, float, float]


def color_child(element: etree._Element | None) -> etree._Element | None:
    """Return the colour element directly inside *element* (a fill, a font reference), if any."""
    if element is None:
        return None
    for child in element:
        if child.tag in COLOR_TAGS:
            return child
    return None


def resolve(
    color: etree._Element | None,
    scheme: Mapping[str, str],
    color_map: Mapping[str, str],
    placeholder: str | None = None,
) -> str | None:
    """Return the ``RRGGBB`` of the colour element *color*, or None if it cannot be read from the file.

    *scheme* maps theme slots (``dk1``, ``accent1`` …) to RGB, *color_map*
    maps ``bg1``/``tx1``… to slots; *placeholder* is what ``phClr`` stands for.
    """
    if color is None:
        return None
    tag = etree.QName(color).localname
    value = None
    if tag == "srgbClr":
        value = color.get("val")
    elif tag == "sysClr":
        value = color.get("lastClr") or {"windowText": "000000", "window": "FFFFFF"}.get(color.get("val", ""))
    elif tag == "prstClr":
        value = PRESET.get(color.get("val", ""))
    elif tag == "schemeClr":
        slot = color.get("val", "")
        if slot == "phClr":
            value = placeholder
        else:
            slot = color_map.get(slot, DEFAULT_MAP.get(slot, slot))
            value = scheme.get(slot)
    if not value or len(value) != 6:
        return None
    return apply_modifiers(value.upper(), color)
