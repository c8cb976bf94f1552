"""Fit paragraphs into a frame: break lines, shrink within the theme's floor, or split.

Text is laid out at the theme's preferred sizes first. If it is too tall, all
sizes shrink together, a point at a time, down to each role's minimum. If it
still does not fit, :func:`paginate` spreads the content over continuation
frames at paragraph-group boundaries (a bullet and its sub-bullets stay
together); a group too tall for a frame of its own is split between its
paragraphs, and a single paragraph too tall for a frame is split at a line
break, its remainder continuing without a bullet in the next frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from sinoru_brief.hashing import hash_once
from sinoru_brief.layout.linebreak import break_lines, span_with_size
from sinoru_brief.layout.pages import Paragraph, Span
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, emu_to_pt, points

#: A height no text reaches: what text is laid out in to find the height it needs.
UNBOUNDED = Pt(1e9)


@hash_once
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
    indent: Pt = Pt(0.0)  # from the frame's left to the text
    bullet_indent: Pt = Pt(0.0)  # from the frame's left to the bullet
    #: The deck's citation numbers of the claim this paragraph states, for the source line of its page.
    citations: tuple[int, ...] = ()


@dataclass(frozen=True)
class Fitted:
    """Paragraphs laid out at one scale, and whether they fit the height they were given."""

    paragraphs: tuple[Paragraph, ...]
    height: Pt
    fits: bool
    scale: float
    #: The specs laid out, one per paragraph (after any split), so callers can tell what each page holds.
    specs: tuple[ParaSpec, ...] = ()

    @property
    def citations(self) -> list[int]:
        """Return the citation numbers of every paragraph in this frame, in order of appearance."""
        return [n for spec in self.specs for n in spec.citations]


def _sized(spec: ParaSpec, scale: float) -> tuple[float, float]:
    """Return (size, factor) for *spec* at *scale*: sizes on half points, never below the floor."""
    size = max(spec.size.minimum, round(spec.size.size * scale * 2) / 2)
    return size, size / spec.size.size


@lru_cache(maxsize=50_000)
def layout_paragraph(spec: ParaSpec, width: Pt, scale: float, line_spacing: float, first: bool = False) -> Paragraph:
    """Break one paragraph at *scale* into lines no wider than *width* points."""
    size, factor = _sized(spec, scale)
    spans = tuple(span_with_size(s, Pt(round(s.size * factor * 2) / 2)) for s in spec.spans)
    indent = spec.indent * factor
    lines = break_lines(spans, max(width - indent, 1.0))
    return Paragraph(
        spans=spans,
        lines=lines,
        line_height=Pt(round(size * line_spacing, 2)),
        space_before=Pt(0.0 if first else round(spec.space_before * size, 2)),
        align=spec.align,
        level=spec.level,
        bullet=spec.bullet,
        bullet_color=spec.bullet_color,
        indent=points(indent),
        bullet_indent=points(spec.bullet_indent * factor),
    )


def layout_at(
    specs: list[ParaSpec], width: Pt, height: Pt, scale: float, line_spacing: float, max_lines: int = 0
) -> Fitted:
    """Lay out *specs* at *scale*; they fit if they are no taller than *height* (and no longer than *max_lines*)."""
    paragraphs = tuple(layout_paragraph(s, width, scale, line_spacing, first=i == 0) for i, s in enumerate(specs))
    return _fitted(paragraphs, specs, height, scale, max_lines)


def _fitted(
    paragraphs: tuple[Paragraph, ...], specs: list[ParaSpec], height: Pt, scale: float, max_lines: int = 0
) -> Fitted:
    """Return *paragraphs*, laid out from *specs* at *scale*, with whether they fit *height* points."""
    total = sum(p.height for p in paragraphs)
    fits = total <= height + 1e-6 and (not max_lines or sum(len(p.lines) for p in paragraphs) <= max_lines)
    return Fitted(paragraphs, Pt(total), fits, scale, tuple(specs))


def scales(specs: list[ParaSpec]) -> list[float]:
    """Return the scales to try, largest first: one per point of the largest size down to its floor."""
    if not specs:
        return [1.0]
    lead = max(specs, key=lambda s: s.size.size).size
    steps = []
    size: float = lead.size
    while size >= lead.minimum - 1e-9:
        steps.append(size / lead.size)
        size -= 1.0
    floor = max(s.size.minimum / s.size.size for s in specs)
    floor = min(floor, lead.minimum / lead.size)
    if steps[-1] > floor + 1e-9:
        steps.append(floor)
    return steps


def fit(specs: list[ParaSpec], width_emu: Emu, height_emu: Emu, line_spacing: float, max_lines: int = 0) -> Fitted:
    """Lay out *specs* at the largest scale that fits, or at the smallest if none does."""
    width, height = emu_to_pt(width_emu), emu_to_pt(height_emu)
    # The preferred sizes (scale 1.0, always the first of scales()) fit nearly every frame: try
    # them before working out the smaller ones.
    result = layout_at(specs, width, height, 1.0, line_spacing, max_lines)
    if result.fits:
        return result
    for scale in scales(specs)[1:]:
        result = layout_at(specs, width, height, scale, line_spacing, max_lines)
        if result.fits:
            return result
    return result


def paginate(
    groups: list[list[ParaSpec]],
    width_emu: Emu,
    height_emu: Emu,
    line_spacing: float,
    first_height_emu: Emu | None = None,
    scale: float | None = None,
) -> list[Fitted]:
    """Spread paragraph groups over as few frames as possible, at one common scale.

    The scale is the largest at which the content needs no more frames than
    it needs at the smallest sizes. Groups are never split across frames
    unless a group alone is too tall for an empty frame, in which case it is
    split between its paragraphs, and a paragraph too tall for the room left
    is split at a line break (see :func:`split_paragraph`). Every returned
    :class:`Fitted` fits its frame, as long as one line fits an empty frame.
    With *scale*, the content is laid out at that scale only (sizes still
    never below their floors), on as many frames as it needs.
    """
    if not groups:
        return []
    if scale is not None:  # the deck's one scale: continue rather than shrink below it
        return _greedy(groups, width_emu, height_emu, line_spacing, scale, first_height_emu)
    steps = scales([s for g in groups for s in g])
    floor_pages: list[Fitted] | None = None
    for scale in steps[:-1]:
        pages = _greedy(groups, width_emu, height_emu, line_spacing, scale, first_height_emu)
        # The floor needs at least one frame, so content on one frame needs no comparison: most
        # slides fit at their preferred sizes, and are then never laid out at the floor at all.
        if len(pages) == 1:
            return pages
        if floor_pages is None:
            floor_pages = _greedy(groups, width_emu, height_emu, line_spacing, steps[-1], first_height_emu)
        if len(pages) <= len(floor_pages):
            return pages
    if floor_pages is None:
        floor_pages = _greedy(groups, width_emu, height_emu, line_spacing, steps[-1], first_height_emu)
    return floor_pages


def split_paragraph(
    spec: ParaSpec, width: Pt, scale: float, line_spacing: float, room: Pt, first: bool
) -> tuple[ParaSpec | None, ParaSpec]:
    """Split *spec* after the last line that fits in *room* points; return (head, remainder).

    The head is None when not even one line fits. The remainder carries no
    bullet and no space before, so it reads as the same paragraph going on;
    it keeps the claim's citations, as its marker ends the remainder. Line
    breaking is greedy, so the head and the remainder, laid out on their own,
    break exactly where the whole paragraph broke.
    """
    laid = layout_paragraph(spec, width, scale, line_spacing, first)
    space = 0.0 if first else laid.space_before
    count = int((room - space + 1e-6) // laid.line_height) if laid.line_height > 0 else 0
    count = min(count, len(laid.lines) - 1)
    rest = replace(spec, bullet="", space_before=0.0)
    if count <= 0:
        return None, spec
    offset = sum(len(span.text) for line in laid.lines[:count] for span in line.spans)
    head_spans, tail_spans = _cut_spans(spec.spans, offset)
    return replace(spec, spans=head_spans), replace(rest, spans=tail_spans)


def _cut_spans(spans: tuple[Span, ...], offset: int) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Return *spans* cut at character *offset* of their joined text."""
    head: list[Span] = []
    tail: list[Span] = []
    pos = 0
    for span in spans:
        end = pos + len(span.text)
        if end <= offset:
            head.append(span)
        elif pos >= offset:
            tail.append(span)
        else:
            head.append(replace(span, text=span.text[: offset - pos]))
            tail.append(replace(span, text=span.text[offset - pos :]))
        pos = end
    return tuple(head), tuple(tail)


def _greedy(
    groups: list[list[ParaSpec]],
    width_emu: Emu,
    height_emu: Emu,
    line_spacing: float,
    scale: float,
    first_height_emu: Emu | None,
) -> list[Fitted]:
    width = emu_to_pt(width_emu)
    heights = [emu_to_pt(first_height_emu or height_emu), emu_to_pt(height_emu)]
    pages: list[list[ParaSpec]] = [[]]
    laid: list[list[Paragraph]] = [[]]  # each page's paragraphs, laid out as they joined it
    # The height of the page being filled, kept as paragraphs join it: trying the next group adds
    # only its own paragraphs, rather than laying the whole page out again (summed in the same
    # order as layout_at sums, so the totals are the same floats).
    total = 0.0
    # What the last fits() found for the page as it is now: add() of the same specs takes it
    # rather than looking each paragraph up again.
    tried: tuple[list[ParaSpec], float, list[Paragraph]] | None = None

    def limit() -> Pt:
        return heights[0] if len(pages) == 1 else heights[1]

    def with_added(specs: list[ParaSpec]) -> tuple[float, list[Paragraph]]:
        height, count = total, len(pages[-1])
        paragraphs = []
        for i, spec in enumerate(specs):
            paragraph = layout_paragraph(spec, width, scale, line_spacing, first=count + i == 0)
            paragraphs.append(paragraph)
            height += paragraph.height
        return height, paragraphs

    def fits(specs: list[ParaSpec]) -> bool:
        nonlocal tried
        height, paragraphs = with_added(specs)
        tried = (specs, height, paragraphs)
        return height <= limit() + 1e-6

    def add(specs: list[ParaSpec]) -> None:
        nonlocal total, tried
        height, paragraphs = tried[1:] if tried is not None and tried[0] is specs else with_added(specs)
        tried = None
        total = height
        pages[-1] = pages[-1] + specs
        laid[-1] = laid[-1] + paragraphs

    def new_page() -> None:
        nonlocal total, tried
        pages.append([])
        laid.append([])
        total = 0.0
        tried = None

    for group in groups:
        if fits(group):
            add(group)
            continue
        if pages[-1]:
            new_page()
        if fits(group):
            add(group)
            continue
        for spec in group:  # a group too tall for a frame of its own: split it
            pending: ParaSpec | None = spec
            while pending is not None:
                alone = [pending]
                if fits(alone):
                    add(alone)
                    break
                used = total if pages[-1] else 0.0
                room = Pt(limit() - used)
                head, rest = split_paragraph(pending, width, scale, line_spacing, room, first=not pages[-1])
                if head is None and not pages[-1]:
                    # Not one line fits an empty frame: place it anyway; the frame's
                    # fitting reports it, and layout's invariant check names the slide.
                    add(alone)
                    pending = None
                    break
                if head is not None:
                    add([head])
                new_page()
                pending = rest
    if not pages[-1] and len(pages) > 1:
        pages.pop()
        laid.pop()
    # Each page as layout_at would lay it out, from the paragraphs already laid out for it.
    return [
        _fitted(tuple(paragraphs), specs, limit_h, scale)
        for specs, paragraphs, limit_h in zip(pages, laid, [heights[0]] + [heights[1]] * (len(pages) - 1), strict=True)
    ]
