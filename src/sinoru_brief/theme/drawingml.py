"""Resolve DrawingML colours and fills to plain ``RRGGBB`` values, as a reader of the file sees them.

A master names its colours indirectly: ``schemeClr tx1`` goes through the
master's colour map to ``dk1``, then to the theme's colour scheme, then gets
``lumMod``/``lumOff``/``tint``/``shade`` applied. Backgrounds may be solid,
gradients, pictures or references to the theme's background styles. Only one
colour per fill is needed here (to measure contrast and to paint the preview),
so gradients average their stops and pictures average their pixels.
"""

from __future__ import annotations

import colorsys
import io
from collections.abc import Callable, Mapping

from lxml import etree

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"a": NS_A, "p": NS_P, "r": NS_R}
#: Parser for XML from users' files: no entities expanded, nothing fetched from the network.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

SCHEME_SLOTS = (
    "dk1",
    "lt1",
    "dk2",
    "lt2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
)
#: The colour map PowerPoint assumes when a master has none.
DEFAULT_CLR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_PRESET = {
    "black": "000000",
    "white": "FFFFFF",
    "red": "FF0000",
    "green": "008000",
    "blue": "0000FF",
    "yellow": "FFFF00",
    "gray": "808080",
    "grey": "808080",
    "navy": "000080",
    "darkBlue": "00008B",
}
_COLOR_TAGS = {f"{{{NS_A}}}{t}" for t in ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")}

#: Returns the bytes of the picture a relationship id names, or None.
BlobLookup = Callable[[str], bytes | None]


class Palette:
    """A theme's colour scheme seen through one master's colour map."""

    def __init__(self, scheme: Mapping[str, str], clr_map: Mapping[str, str]):
        self.scheme = dict(scheme)
        self.clr_map = {**DEFAULT_CLR_MAP, **clr_map}

    def slot(self, name: str) -> str | None:
        """Return the RRGGBB of a scheme slot or mapped name (``tx1``, ``accent2`` ...)."""
        return self.scheme.get(self.clr_map.get(name, name))

    def color(self, element: etree._Element | None, placeholder: str | None = None) -> str | None:
        """Return the RRGGBB of a colour element (``a:srgbClr``, ``a:schemeClr`` ...) with its modifiers."""
        if element is None:
            return None
        tag = etree.QName(element).localname
        value = element.get("val", "")
        base: str | None
        if tag == "srgbClr":
            base = value.upper() if len(value) == 6 else None
        elif tag == "schemeClr":
            base = placeholder if value == "phClr" else self.slot(value)
        elif tag == "sysClr":
            base = (element.get("lastClr") or ("FFFFFF" if value == "window" else "000000")).upper()
        elif tag == "prstClr":
            base = _PRESET.get(value)
        elif tag == "scrgbClr":
            base = "".join(
                f"{round(_srgb_from_linear(int(element.get(k, '0')) / 100_000) * 255):02X}" for k in ("r", "g", "b")
            )
        elif tag == "hslClr":
            h, s, lum = (int(element.get(k, "0")) for k in ("hue", "sat", "lum"))
            r, g, b = colorsys.hls_to_rgb(h / 21_600_000, lum / 100_000, s / 100_000)
            base = to_hex((r * 255, g * 255, b * 255))
        else:
            return None
        return apply_modifiers(base, element) if base else None

    def first_color(self, parent: etree._Element | None, placeholder: str | None = None) -> str | None:
        """Return the colour of the first colour child of *parent*."""
        if parent is None:
            return None
        for child in parent:
            if child.tag in _COLOR_TAGS:
                return self.color(child, placeholder)
        return None

    def fill(
        self, parent: etree._Element | None, blob: BlobLookup | None = None, placeholder: str | None = None
    ) -> str | None:
        """Return one colour standing for the fill among *parent*'s children, or None if there is none."""
        if parent is None:
            return None
        solid = parent.find("a:solidFill", NS)
        if solid is not None:
            return self.first_color(solid, placeholder)
        gradient = parent.find("a:gradFill", NS)
        if gradient is not None:
            stops = [self.first_color(gs, placeholder) for gs in gradient.iterfind("a:gsLst/a:gs", NS)]
            return mix_all([s for s in stops if s])
        pattern = parent.find("a:pattFill", NS)
        if pattern is not None:
            return mix_all(
                [
                    c
                    for c in (
                        self.first_color(pattern.find("a:fgClr", NS), placeholder),
                        self.first_color(pattern.find("a:bgClr", NS), placeholder),
                    )
                    if c
                ]
            )
        picture = parent.find("a:blipFill/a:blip", NS)
        if picture is not None and blob is not None:
            data = blob(picture.get(f"{{{NS_R}}}embed", ""))
            return mean_image_color(data) if data else None
        return None


def apply_modifiers(rgb: str, element: etree._Element) -> str:
    """Apply DrawingML's lumMod, lumOff, tint and shade children of *element* to *rgb*."""
    r, g, b = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for child in element:
        name = etree.QName(child).localname
        try:
            amount = int(child.get("val", "0")) / 100_000
        except ValueError:
            continue
        if name in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * amount if name == "lumMod" else lum + amount
            r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), s)
        elif name == "tint":  # towards white: tint 100% is the colour itself
            r, g, b = (c + (1 - c) * (1 - amount) for c in (r, g, b))
        elif name == "shade":  # towards black
            r, g, b = (c * amount for c in (r, g, b))
    return to_hex((r * 255, g * 255, b * 255))


def _srgb_from_linear(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "".join(f"{min(255, max(0, round(c))):02X}" for c in rgb)


def channels(rgb: str) -> tuple[int, int, int]:
    return int(rgb[0:2], 16), int(rgb[2:4], 16), int(rgb[4:6], 16)


def mix(a: str, b: str, weight_b: float) -> str:
    """Return *a* moved ``weight_b`` of the way towards *b* (0 = a, 1 = b)."""
    (r1, g1, b1), (r2, g2, b2) = channels(a), channels(b)
    return to_hex((r1 + (r2 - r1) * weight_b, g1 + (g2 - g1) * weight_b, b1 + (b2 - b1) * weight_b))


def mix_all(colors: list[str]) -> str | None:
    if not colors:
        return None
    r, g, b = (sum(channels(c)[i] for c in colors) / len(colors) for i in range(3))
    return to_hex((r, g, b))


def mean_image_color(data: bytes) -> str | None:
    """Return the average colour of a picture, or None if Pillow cannot read it (e.g. EMF)."""
    from PIL import Image, ImageStat, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.draft("RGB", (64, 64))  # JPEGs decode at a fraction of their size
            image: Image.Image = opened
            if image.mode.startswith("I"):
                # 16-bit greys would clip to white if converted directly; scale them to 8 bits first.
                image = image.convert("I").point(lambda v: v * (1 / 256)).convert("L")
            small = image.convert("RGBA").resize((16, 16), Image.Resampling.BOX)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    opaque = small.getchannel("A").point(lambda a: 255 if a else 0)
    if not opaque.getbbox():
        return None
    r, g, b = ImageStat.Stat(small.convert("RGB"), opaque).mean
    return to_hex((r, g, b))


def luminance(rgb: str) -> float:
    """Return the WCAG relative luminance of *rgb*."""

    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(rgb))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def read_scheme(theme_xml: bytes) -> tuple[dict[str, str], str, str, str]:
    """Return a theme part's colour scheme, major and minor Latin fonts, and minor East Asian font."""
    root = etree.fromstring(theme_xml, SAFE_PARSER)
    scheme: dict[str, str] = {}
    clr_scheme = root.find(".//a:clrScheme", NS)
    if clr_scheme is not None:
        bare = Palette({}, {})
        for slot in SCHEME_SLOTS:
            color = bare.first_color(clr_scheme.find(f"a:{slot}", NS))
            if color:
                scheme[slot] = color

    def font(path: str) -> str:
        element = root.find(f".//a:fontScheme/{path}", NS)
        return (element.get("typeface") or "").strip() if element is not None else ""

    return scheme, font("a:majorFont/a:latin"), font("a:minorFont/a:latin"), font("a:minorFont/a:ea")
