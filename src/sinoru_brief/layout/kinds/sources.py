"""Lay out the Sources slide: one numbered, compact entry per cited work, in two columns where they read better.

The entries are set at the reference size (never below its floor) and
continue on "(cont.)" slides like any other list. On a wide slide a line
across the whole body runs to well over a hundred characters, too long to
read; two columns of half the width read easily, so they are used whenever
they take no more slides than one column does. The last slide's entries are
shared between its columns so neither stands nearly empty beside the other.

Each slide's speaker notes hold the full references of the entries it shows,
so a presenter (and the handout) finds every full reference once.
"""

from __future__ import annotations

import math

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.compose.short_forms import WORD
from sinoru_brief.compose.source_entries import SourceEntry
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.fonts import text_width
from sinoru_brief.layout.kinds.common import new_page
from sinoru_brief.layout.linebreak import collapse_space
from sinoru_brief.layout.pages import Box, PageDraft, Span, TextFrame
from sinoru_brief.layout.textfit import Fitted, ParaSpec, layout_at, paginate, scales
from sinoru_brief.units import Emu, Pt, emu_to_pt, inches

#: The space between the two columns.
COLUMN_GAP = inches(0.4)
#: The space before each entry, in lines, widest first: the first that needs no extra slide is used.
ENTRY_SPACES = (0.35, 0.2, 0.1, 0.0)
#: Two columns are used only if each holds at least this many characters of average width a line.
MIN_COLUMN_CHARACTERS = 40
#: Text whose average character width stands for an entry's.
_SAMPLE = "Bermingham, “China and Russia Hold Joint Naval Drills,” South China Morning Post, 15 Nov 2024."


def layout_sources(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    """Lay out the Sources slide: its entries in one or two columns, on as few slides as they need."""
    body = ctx.regions.body
    # No source line on this slide: the entries may use its room, as the reference slides do.
    area = Box(body.x, body.y, body.w, Emu(ctx.regions.source.bottom - body.y))
    # The space between entries gives way before a slide is added: the hanging numbers still set
    # each entry apart without it. The widest space that needs no more slides than none is used.
    fewest = len(_arrange(ctx, slide, area, ENTRY_SPACES[-1]))
    arranged = next(
        columns
        for space in ENTRY_SPACES
        if len(columns := _arrange(ctx, slide, area, space)) <= fewest or space == ENTRY_SPACES[-1]
    )
    pages = []
    for index, page_frames in enumerate(arranged):
        page = new_page(ctx, slide, index)
        for i, (x, w, fitted) in enumerate(page_frames):
            page.boxes.append(
                TextFrame(
                    x=x,
                    y=area.y,
                    w=w,
                    h=area.h,
                    paragraphs=fitted.paragraphs,
                    insets=TEXT_INSETS,
                    role="body",
                    name="body" if w == area.w else f"body {i + 1}",
                )
            )
        if len(arranged) > 1:
            shown = {n for _, _, fitted in page_frames for n in fitted.citations}
            page.notes = _notes_for(slide, shown)
        pages.append(page)
    return pages


#: One page's frames: (left edge, width, the entries laid out in it), a column each.
_PageFrames = list[tuple[Emu, Emu, Fitted]]


def _arrange(ctx: LayoutContext, slide: DeckSlide, area: Box, space: float) -> list[_PageFrames]:
    """Return the entries, *space* lines apart, on pages of two columns if they read better there, else of one."""
    size = ctx.theme.sizes.reference.size
    # The hanging indent clears the widest number ("33.") plus a gap, as the agenda's does.
    widest = max((text_width(f"{e.number}.", ctx.theme.fonts.body, size) for e in slide.entries), default=0.0)
    indent = Pt(widest + size * 0.6)
    groups = [[_entry_spec(ctx, entry, indent, space)] for entry in slide.entries]
    inner_h = TEXT_INSETS.inner_height(area.h)
    one_column = paginate(groups, TEXT_INSETS.inner_width(area.w), inner_h, ctx.theme.line_spacing)
    column_w = Emu((area.w - COLUMN_GAP) // 2)
    if _reads_in_columns(ctx, column_w):
        columns = _two_columns(ctx, groups, column_w, inner_h, len(one_column))
        if columns is not None:
            return [
                [(Emu(area.x + i * (column_w + COLUMN_GAP)), column_w, fitted) for i, fitted in enumerate(pair)]
                for pair in columns
            ]
    return [[(area.x, area.w, fitted)] for fitted in one_column]


def _entry_spec(ctx: LayoutContext, entry: SourceEntry, indent: Pt, space: float) -> ParaSpec:
    """Return the paragraph of one entry: its number hanging *indent* points, the title on a link when it has a URL."""
    t = ctx.theme
    size = t.sizes.reference
    head, title, close, tail = (collapse_space(p) for p in entry.pieces)
    if entry.url:
        # From the title's opening quote (the last mark of *head*) to the entry's end: the title,
        # where and when it appeared.
        spans = [ctx.span(head[:-1], size.size), *_linked(ctx, head[-1] + title + close + tail, entry.url, size.size)]
    else:
        spans = [ctx.span(head + title + close + tail, size.size)]
    return ParaSpec(
        spans=tuple(s for s in spans if s.text),
        size=size,
        bullet=f"{entry.number}.",
        bullet_color=t.colors.accent,
        space_before=space,
        indent=indent,
        citations=(entry.number,),
    )


def _linked(ctx: LayoutContext, text: str, url: str, size: Pt) -> list[Span]:
    """Return *text* as links to *url*, a word (with the spaces after it) a link, in the accent.

    A link is one unbreakable field in LibreOffice, so text linked whole
    could not wrap there; a word a link, it wraps where our layout breaks
    it, in every client. The spaces go with the word before them, so a line
    never starts with one, and the links run to the end of the paragraph:
    LibreOffice draws a link followed by plain text in that text's colour,
    which made a title a patchwork of link and text colours. The accent is
    the colour the deck gives its links (the .pptx's link colour).
    """
    words = list(WORD.finditer(text))
    starts = [0, *(m.start() for m in words[1:])]
    ends = [*starts[1:], len(text)]
    color = ctx.theme.colors.accent
    return [ctx.span(text[a:b], size, color=color, link=url) for a, b in zip(starts, ends, strict=True) if a < b]


def _reads_in_columns(ctx: LayoutContext, column_w: Emu) -> bool:
    """Return whether a column of *column_w* holds a comfortable line of entries at the reference size."""
    t = ctx.theme
    size = t.sizes.reference.size
    average = text_width(_SAMPLE, t.fonts.body, size) / len(_SAMPLE)
    return emu_to_pt(TEXT_INSETS.inner_width(column_w)) >= MIN_COLUMN_CHARACTERS * average


def _two_columns(
    ctx: LayoutContext, groups: list[list[ParaSpec]], column_w: Emu, inner_h: Emu, most_pages: int
) -> list[list[Fitted]] | None:
    """Return the entries flowed into two columns a page, at one size, or None if that takes more pages.

    The size is the largest at which two columns need no more pages than at
    the floor; the last page's entries are then shared evenly between its
    two columns.
    """
    width = TEXT_INSETS.inner_width(column_w)
    spacing = ctx.theme.line_spacing
    steps = scales([spec for group in groups for spec in group])
    least = math.ceil(len(paginate(groups, width, inner_h, spacing, scale=steps[-1])) / 2)
    if least > most_pages:
        return None
    for scale in steps:
        frames = paginate(groups, width, inner_h, spacing, scale=scale)
        if math.ceil(len(frames) / 2) <= least:
            pages = [frames[i : i + 2] for i in range(0, len(frames), 2)]
            pages[-1] = _balanced(pages[-1], width, emu_to_pt(inner_h), scale, spacing)
            return pages
    return None  # not reached: the floor scale is among the steps


def _balanced(frames: list[Fitted], width: Emu, height: Pt, scale: float, spacing: float) -> list[Fitted]:
    """Return the entries of the last page's *frames* split between two columns as evenly as they go."""
    specs = [spec for frame in frames for spec in frame.specs]
    if len(specs) < 2 or any(len(spec.citations) != 1 for spec in specs):
        return frames  # an entry split over two columns is left as the flow placed it
    w = emu_to_pt(width)
    best: list[Fitted] = frames
    best_height = max(f.height for f in frames)
    for cut in range(1, len(specs)):
        left = layout_at(specs[:cut], w, height, scale, spacing)
        right = layout_at(specs[cut:], w, height, scale, spacing)
        if left.fits and right.fits and max(left.height, right.height) < best_height - 1e-6:
            best, best_height = [left, right], max(left.height, right.height)
    return best


def _notes_for(slide: DeckSlide, shown: set[int]) -> str:
    """Return the slide's notes without the full references of entries shown on its other pages.

    The composer wrote each full reference on a line of its own; a notes
    template that rewrites them leaves nothing to match, and then every page
    keeps the whole list rather than lose a reference.
    """
    elsewhere = {e.notes_line for e in slide.entries if e.number not in shown}
    return "\n".join(line for line in slide.notes.split("\n") if line not in elsewhere)
