"""Fit paragraphs into a frame: break lines, shrink within the theme's floor, or split.

Text is laid out at the theme's preferred sizes first. If it is too tall, all
sizes shrink together, a point at a time, down to each role's minimum. If it
still does not fit, the caller splits the content onto continuation slides at
paragraph-group boundaries (a bullet and its sub-bullets stay together).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from sinoru_brief.layout.linebreak import break_lines
from sinoru_brief.layout.pages import Paragraph, Span
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import EMU_PER_POINT, Emu


@dataclass(frozen=True)
class ParaSpec:
    """A paragraph before fitting: spans at the preferred size and how it may shrink.

    Indents and spacing are in points at the preferred size and scale with it.
    """

    spans: tuple[Span, ...]
    size: SizeRange
    level: int = 0
    bullet: str = ""
    bullet_color: str = ""
    align: str = "left"
    space_before: float = 0.0  # in lines of this paragraph's size
    indent: float = 0.0  # points from the frame's left to the text
    bullet_indent: float = 0.0  # points from the frame's left to the bullet


@dataclass(frozen=True)
class Fitted:
    """Paragraphs laid out at one scale, and whether they fit the height they were given."""

    paragraphs: tuple[Paragraph, ...]
    height: float  # points
    fits: bool
    scale: float


def _sized(spec: ParaSpec, scale: float) -> tuple[float, float]:
    """Return (size, factor) for *spec* at *scale*: sizes on half points, never below the floor."""
    size = max(spec.size.minimum, round(spec.size.size * scale * 2) / 2)
    return size, size / spec.size.size


@lru_cache(maxsize=50_000)
def layout_paragraph(spec: ParaSpec, width: float, scale: float, line_spacing: float,
                     first: bool = False) -> Paragraph:
    """Break one paragraph at *scale* into lines no wider than *width* points."""
    size, factor = _sized(spec, scale)
    spans = tuple(replace(s, size=round(s.size * factor * 2) / 2) for s in spec.spans)
    indent = spec.indent * factor
    lines = break_lines(spans, max(width - indent, 1.0))
    return Paragraph(
        spans=spans, lines=lines, line_height=round(size * line_spacing, 2),
        space_before=0.0 if first else round(spec.space_before * size, 2),
        align=spec.align, level=spec.level, bullet=spec.bullet, bullet_color=spec.bullet_color,
        indent=round(indent * EMU_PER_POINT), bullet_indent=round(spec.bullet_indent * factor * EMU_PER_POINT),
    )


def layout_at(specs: list[ParaSpec], width: float, height: float, scale: float, line_spacing: float) -> Fitted:
    paragraphs = tuple(layout_paragraph(s, width, scale, line_spacing, first=i == 0) for i, s in enumerate(specs))
    total = sum(p.height for p in paragraphs)
    return Fitted(paragraphs, total, total <= height + 1e-6, scale)


def scales(specs: list[ParaSpec]) -> list[float]:
    """Return the scales to try, largest first: one per point of the largest size down to its floor."""
    if not specs:
        return [1.0]
    lead = max(specs, key=lambda s: s.size.size).size
    steps = []
    size = lead.size
    while size >= lead.minimum - 1e-9:
        steps.append(size / lead.size)
        size -= 1.0
    floor = max(s.size.minimum / s.size.size for s in specs)
    floor = min(floor, lead.minimum / lead.size)
    if steps[-1] > floor + 1e-9:
        steps.append(floor)
    return steps


def fit(specs: list[ParaSpec], width_emu: Emu, height_emu: Emu, line_spacing: float) -> Fitted:
    """Lay out *specs* at the largest scale that fits, or at the smallest if none does."""
    width, height = width_emu / EMU_PER_POINT, height_emu / EMU_PER_POINT
    result = None
    for scale in scales(specs):
        result = layout_at(specs, width, height, scale, line_spacing)
        if result.fits:
            return result
    assert result is not None
    return result


def paginate(groups: list[list[ParaSpec]], width_emu: Emu, height_emu: Emu, line_spacing: float,
             first_height_emu: Emu | None = None) -> list[Fitted]:
    """Spread paragraph groups over as few frames as possible, at one common scale.

    Groups are never split across frames unless a group alone is too tall for
    an empty frame at the smallest size, in which case it is split between its
    paragraphs. Every returned :class:`Fitted` fits its frame, except a single
    paragraph taller than a whole frame, which the caller must truncate.
    """
    if not groups:
        return []
    steps = scales([s for g in groups for s in g])
    floor_pages = _greedy(groups, width_emu, height_emu, line_spacing, steps[-1], first_height_emu)
    for scale in steps:
        pages = _greedy(groups, width_emu, height_emu, line_spacing, scale, first_height_emu)
        if len(pages) <= len(floor_pages):
            return pages
    return floor_pages


def _greedy(groups: list[list[ParaSpec]], width_emu: Emu, height_emu: Emu, line_spacing: float,
            scale: float, first_height_emu: Emu | None) -> list[Fitted]:
    width = width_emu / EMU_PER_POINT
    heights = [(first_height_emu or height_emu) / EMU_PER_POINT, height_emu / EMU_PER_POINT]
    pages: list[list[ParaSpec]] = [[]]

    def limit() -> float:
        return heights[0] if len(pages) == 1 else heights[1]

    def height_of(specs: list[ParaSpec]) -> float:
        return layout_at(specs, width, 1e9, scale, line_spacing).height

    for group in groups:
        trial = pages[-1] + group
        if height_of(trial) <= limit() + 1e-6:
            pages[-1] = trial
            continue
        if pages[-1]:
            pages.append([])
        if height_of(group) <= limit() + 1e-6:
            pages[-1] = list(group)
            continue
        for spec in group:  # a group too tall for a frame of its own: split it
            trial = pages[-1] + [spec]
            if pages[-1] and height_of(trial) > limit() + 1e-6:
                pages.append([spec])
            else:
                pages[-1] = trial
    return [layout_at(p, width, limit_h, scale, line_spacing)
            for p, limit_h in zip(pages, [heights[0]] + [heights[1]] * (len(pages) - 1), strict=True)]
