"""Take a deck's look from a master: slide size, fonts, colours and margins.

The layout engine measures text with metric-compatible fonts for Calibri,
Arial and Times New Roman only, so the master's theme fonts are mapped to the
closest of the three by family (a serif to Times New Roman, a wide grotesque to
Arial, anything else, like Office's Calibri, Aptos or Corbel, to Calibri) and
that font is written into the deck: line breaks stay exact and nothing
overflows. Colours come from the master's theme and text styles through its
colour map; a text colour that would be hard to read on the master's
background is replaced by the theme's dark or light colour, whichever reads
better, and :func:`look_notes` says so. Margins follow the master's title and
footer placeholders so titles sit where the master puts them. Font sizes and
their minimums stay the template's.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from sinoru_brief.font_files import DEFAULT_EAST_ASIAN_FONT, DEFAULT_FONT, LATIN_FONTS
from sinoru_brief.geometry import Rect
from sinoru_brief.templating import is_template
from sinoru_brief.theme.drawingml import contrast, mix
from sinoru_brief.theme.mapping import mapping
from sinoru_brief.theme.master import LayoutInfo, MasterInfo, MasterTemplate
from sinoru_brief.theme.model import Colors, Fonts, SizeRange, Sizes, Snippets, Theme
from sinoru_brief.units import Emu, Pt, inches

_SERIF = (
    "times",
    "roman",
    "serif",
    "georgia",
    "garamond",
    "cambria",
    "constantia",
    "palatino",
    "book antiqua",
    "bookman",
    "baskerville",
    "century",
    "caslon",
    "minion",
    "didot",
    "bodoni",
    "rockwell",
    "mincho",
    "song",
    "ming",
    "batang",
    "tinos",
    "charter",
    "lora",
    "merriweather",
    "playfair",
)
_WIDE_SANS = (
    "arial",
    "helvetica",
    "liberation sans",
    "arimo",
    "verdana",
    "tahoma",
    "dejavu sans",
    "roboto",
    "franklin gothic",
    "trebuchet",
    "lucida sans",
    "open sans",
    "noto sans",
    "source sans",
    "univers",
    "frutiger",
    "futura",
    "century gothic",
    "microsoft sans serif",
    "segoe ui",
)
_CJK_FONTS = (
    "yahei",
    "simsun",
    "simhei",
    "nsimsun",
    "dengxian",
    "kaiti",
    "fangsong",
    "mingliu",
    "jhenghei",
    "mincho",
    "ms gothic",
    "ms pgothic",
    "yu gothic",
    "meiryo",
    "malgun",
    "batang",
    "gulim",
    "dotum",
    "pingfang",
    "hiragino",
    "songti",
    "heiti",
    "source han",
    "noto sans cjk",
    "noto serif cjk",
)
_INSET_GAP = inches(0.05)
#: Contrast ratios (WCAG): large text such as titles, and body text.
TITLE_CONTRAST, TEXT_CONTRAST = 3.0, 4.5


def measurable_font(name: str) -> str:
    """Return the measurable font (Calibri, Arial or Times New Roman) closest to the font *name*."""
    key = name.strip().lower()
    for font in LATIN_FONTS:  # a font we measure, or the shipped family that stands in for it
        if key.startswith(tuple(n.lower() for n in (*font.stands_for, font.family))):
            return font.stands_for[0]
    if any(word in key for word in _WIDE_SANS):
        return "Arial"
    if any(word in key for word in _SERIF) and "sans" not in key:
        return "Times New Roman"
    return DEFAULT_FONT  # Office's default family, and the narrowest: the usual choice of a modern template


@dataclass(frozen=True)
class MasterLook:
    """What a master decides about the look, and the notes on what had to be adjusted."""

    fonts: Fonts
    colors: Colors
    notes: tuple[str, ...]


def master_look(master: MasterTemplate, east_asian_fallback: str = DEFAULT_EAST_ASIAN_FONT) -> MasterLook:
    """Return the fonts and colours the deck takes from *master* (from the master the mapping uses)."""
    chosen = mapping(master)
    info = master.masters[chosen.master]
    notes: list[str] = []
    heading = measurable_font(info.major_font or info.minor_font or DEFAULT_FONT)
    body = measurable_font(info.minor_font or info.major_font or DEFAULT_FONT)
    for role, name, mapped in (("headings", info.major_font, heading), ("text", info.minor_font, body)):
        if name and name != mapped:
            notes.append(
                f"theme font '{name}' for {role} is written as {mapped}, the closest font whose widths we can measure"
            )
    east_asian = info.east_asian_font if is_cjk_font(info.east_asian_font) else east_asian_fallback
    fonts = Fonts(heading=heading, body=body, east_asian=east_asian)
    content = chosen.for_need("content").layout
    background = content.background or info.background
    palette = info.palette
    dark, light = palette.slot("dk1") or "000000", palette.slot("lt1") or "FFFFFF"
    title = _readable(info.title_color or dark, background, TITLE_CONTRAST, dark, light, "title", notes)
    text = _readable(info.text_color or dark, background, TEXT_CONTRAST, dark, light, "text", notes)
    slots = [palette.slot(f"accent{i}") for i in range(1, 7)]
    accents = [a for a in slots if a] or [text]
    accent = next((a for a in accents if contrast(a, background) >= TITLE_CONTRAST), None)
    if accent is None:
        accent = _deepened(accents[0], text, background, TEXT_CONTRAST)
        notes.append(
            f"no theme accent colour reads on the background {background}; the accent is "
            f"{accents[0]} deepened to {accent}"
        )
    elif contrast(accent, background) < TEXT_CONTRAST:
        # The accent sets small text too (citation markers, reference numbers, agenda numbers),
        # which needs 4.5:1; a large-text contrast is not enough. Deepen it, keeping its hue.
        deepened = _deepened(accent, text, background, TEXT_CONTRAST)
        notes.append(
            f"the theme accent {accent} has a contrast of {contrast(accent, background):.1f}:1 on "
            f"{background}, too little for small text; it is deepened to {deepened}"
        )
        accent = deepened
    muted = _muted(text, background)
    colors = Colors(
        background=background,
        title=title,
        text=text,
        accent=accent,
        muted=muted,
        rule=mix(text, background, 0.7),
        panel=mix(background, text, 0.07),
        chart=tuple(accents),
    )
    title_layout = chosen.for_need("title-slide").layout
    title_background = title_layout.background or info.background
    if contrast(title, title_background) < TITLE_CONTRAST:
        notes.append(
            f"the title slide's layout {title_layout.label} has its own background; the title colour "
            f"{title} chosen for content slides is hard to read on it"
        )
    return MasterLook(fonts=fonts, colors=colors, notes=tuple(notes))


def _readable(color: str, background: str, minimum: float, dark: str, light: str, role: str, notes: list[str]) -> str:
    if contrast(color, background) >= minimum:
        return color
    better = max((dark, light, "000000", "FFFFFF"), key=lambda c: contrast(c, background))
    notes.append(
        f"the master's {role} colour {color} has a contrast of {contrast(color, background):.1f}:1 on "
        f"its background {background}; {better} is used instead"
    )
    return better


def is_cjk_font(name: str) -> bool:
    """Return whether *name* is a Chinese, Japanese or Korean font (LibreOffice writes "DejaVu Sans" there)."""
    key = name.strip().lower()
    return bool(key) and (any(ord(c) > 0x2E80 for c in key) or any(word in key for word in _CJK_FONTS))


def _deepened(accent: str, text: str, background: str, minimum: float) -> str:
    """Return *accent* moved towards the text colour until it has *minimum* contrast on *background*."""
    for weight in (0.1, 0.2, 0.35, 0.5, 0.65, 0.8):
        candidate = mix(accent, text, weight)
        if contrast(candidate, background) >= minimum:
            return candidate
    return text


def _muted(text: str, background: str) -> str:
    """Return a quieter text colour that still reads as body text on *background*."""
    for weight in (0.45, 0.35, 0.25, 0.15):
        candidate = mix(text, background, weight)
        if contrast(candidate, background) >= TEXT_CONTRAST:
            return candidate
    return text


def theme_with_master(theme: Theme, master: MasterTemplate) -> Theme:
    """Return *theme* laid out for *master*: its slide size, fonts, colours and margins, and the master itself.

    Font sizes and their minimums scale with the slide: a template's sizes are
    chosen for its own slide size, and a master's smaller (or portrait) slide
    is projected just as large, so its text keeps the same share of the slide
    (see :func:`size_factor`). Spacing, banner, logo and snippets stay the theme's, except the
    footer: a master whose layouts all carry the same footer wording keeps it.
    """
    look = master_look(master, theme.fonts.east_asian)
    left, right, top, bottom = _margins(theme, master)
    sizes = scaled_sizes(theme.sizes, size_factor(theme.width, theme.height, master.width, master.height))
    return replace(
        theme,
        width=master.width,
        height=master.height,
        fonts=look.fonts,
        colors=look.colors,
        sizes=sizes,
        margin_left=left,
        margin_right=right,
        margin_top=top,
        margin_bottom=bottom,
        snippets=_master_footer(theme.snippets, master),
        master=master,
    )


def _master_footer(snippets: Snippets, master: MasterTemplate) -> Snippets:
    """Return *snippets* with the footer the master's organisation set, when it set one (a brief's look still wins)."""
    for info in master.masters:
        text = info.footer_text()
        if text:
            # The organisation's wording is text, not a template: plain wording is its own template
            # (and reads as itself in the theme editor); one with Jinja2 markup prints it as written.
            if is_template(text):
                text = "{% raw %}" + text.replace("{% endraw %}", "") + "{% endraw %}"
            return replace(snippets, footer=text)
    return snippets


#: Bounds of the size factor, and the smallest size any text may reach on any slide.
SIZE_FACTOR_RANGE = (0.7, 1.4)
ABSOLUTE_FLOOR_PT = 8.0


def size_factor(template_w: Emu, template_h: Emu, slide_w: Emu, slide_h: Emu) -> float:
    """Return how much to scale a template's type for a slide: the slide's side ratio that binds, bounded."""
    if template_w <= 0 or template_h <= 0:
        return 1.0
    factor = min(slide_w / template_w, slide_h / template_h)
    low, high = SIZE_FACTOR_RANGE
    return max(low, min(high, factor))


def scaled_sizes(sizes: Sizes, factor: float) -> Sizes:
    """Return *sizes* times *factor*, on half points, no floor below :data:`ABSOLUTE_FLOOR_PT`."""
    if abs(factor - 1.0) < 0.01:
        return sizes

    def half(value: Pt) -> Pt:
        return Pt(max(ABSOLUTE_FLOOR_PT, round(value * factor * 2) / 2))

    def scaled(r: SizeRange) -> SizeRange:
        size = half(r.size)
        return SizeRange(size, min(size, half(r.minimum)))

    # The footer is one size; every other field a size range.
    sized: dict[str, Any] = {
        f.name: half(getattr(sizes, f.name)) if f.name == "footer" else scaled(getattr(sizes, f.name))
        for f in fields(Sizes)
    }
    return Sizes(**sized)


def _margins(theme: Theme, master: MasterTemplate) -> tuple[Emu, Emu, Emu, Emu]:
    """Return left, right, top and bottom margins from the master's title and footer placeholders."""
    info = master.masters[mapping(master).master]
    width, height = master.width, master.height
    title = _title_rect(info, mapping(master).for_need("content").layout)
    left, right, top, bottom = theme.margin_left, theme.margin_right, theme.margin_top, theme.margin_bottom
    if title is not None:
        # A placeholder insets its text 0.1 in by default and our frames 0.05 in: shift by the difference
        # so our title's text starts where the master's would.
        left, right, top = Emu(title.x + _INSET_GAP), Emu(width - title.right + _INSET_GAP), title.y
    chrome = [p.rect for p in info.placeholders if p.type in ("ftr", "dt", "sldNum") and p.rect]
    if chrome:
        bottom = Emu(height - max(r.bottom for r in chrome))
    # Artwork along an edge of the slide (a coloured strip, a logo in a corner band) is chrome
    # our text must keep clear of: the margin on that side moves inside it.
    gap = inches(0.1)
    for side, rect in edge_artwork(master):
        if side == "left":
            left = max(left, Emu(rect.right + gap))
        elif side == "right":
            right = max(right, Emu(width - rect.x + gap))
        elif side == "top":
            top = max(top, Emu(rect.bottom + gap))
        else:
            bottom = max(bottom, Emu(height - rect.y + gap))
    # Keep every margin sensible whatever the master says: inside the slide, never more than a quarter of it.
    left = _clamp(left, inches(0.2), Emu(width // 5))
    right = _clamp(right, inches(0.2), Emu(width // 5))
    top = _clamp(top, inches(0.1), Emu(height // 6))
    bottom = _clamp(bottom, inches(0.1), Emu(height // 8))
    return left, right, top, bottom


def _title_rect(info: MasterInfo, content_layout: LayoutInfo) -> Rect | None:
    for placeholders in (content_layout.placeholders, info.placeholders):
        for p in placeholders:
            if p.type == "title" and p.rect and not p.vertical and p.rect.w > 0:
                return p.rect
    return None


def _clamp(value: Emu, low: Emu, high: Emu) -> Emu:
    return Emu(max(low, min(int(value), max(low, high))))


#: How close to an edge a shape must come, and how thin it must be (shares of the slide), to be edge artwork.
_EDGE_REACH, _EDGE_DEPTH = 0.02, 0.15


def edge_artwork(master: MasterTemplate) -> list[tuple[str, Rect]]:
    """Return the shapes the content layout (and its master) draws along an edge, with the edge they hug.

    A thin shape touching one edge (a strip, a corner logo band) is chrome to
    keep clear of; a background covering most of the slide, or artwork in its
    middle, is not: text is meant to sit on it, or there is no edge to move.
    """
    width, height = master.width, master.height
    layout = mapping(master).for_need("content").layout
    info = master.masters[layout.master]
    shapes = list(layout.shapes) + (list(info.shapes) if layout.shows_master_shapes else [])
    out: list[tuple[str, Rect]] = []
    for rect in shapes:
        if rect.area <= 0 or rect.area >= 0.5 * width * height:
            continue
        if rect.x <= width * _EDGE_REACH and rect.w <= width * _EDGE_DEPTH:
            out.append(("left", rect))
        elif rect.right >= width * (1 - _EDGE_REACH) and rect.w <= width * _EDGE_DEPTH:
            out.append(("right", rect))
        elif rect.y <= height * _EDGE_REACH and rect.h <= height * _EDGE_DEPTH:
            out.append(("top", rect))
        elif rect.bottom >= height * (1 - _EDGE_REACH) and rect.h <= height * _EDGE_DEPTH:
            out.append(("bottom", rect))
    return out
