"""Pieces most slide kinds share: the title, the accent rule, bullets and the source line."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.content.models import Bullet
from sinoru_brief.layout.context import LayoutContext
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, PageDraft, Shape, TextFrame
from sinoru_brief.layout.textfit import ParaSpec
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, emu_to_pt, points

CONTINUED = " (cont.)"
BULLET_CHARS = ("•", "–")


def continued_suffix(continued: int) -> str:
    """Return what a continuation page adds to its slide's title: " (cont.)", then " (cont. 2)" ...

    Every page's title stays unique, so a screen reader's list of slides, and
    PowerPoint's outline, tell the pages apart.
    """
    if not continued:
        return ""
    return CONTINUED if continued == 1 else f" (cont. {continued})"


def add_title(ctx: LayoutContext, page: PageDraft, title: str, continued: int = 0) -> None:
    """Put the slide title and the accent rule under it on *page*."""
    r = ctx.regions
    text = title + continued_suffix(continued)
    spec = ctx.plain(text, ctx.theme.sizes.title, heading=True, bold=True)
    page.boxes.append(ctx.text_frame(r.title, [spec], role="title", anchor="bottom"))
    if ctx.theme.master is not None:
        return  # an organisation's master carries its own look: our accent rule is not added to it
    page.boxes.append(
        Shape(
            x=r.title.x,
            y=r.rule_y,
            w=points(72),
            h=Emu(0),
            geometry="line",
            stroke=ctx.theme.colors.accent,
            stroke_width=Pt(2.5),
            name="title rule",
        )
    )


def bullet_group(
    ctx: LayoutContext,
    bullet: Bullet,
    *,
    numbered: int = 0,
    body: SizeRange | None = None,
    sub: SizeRange | None = None,
) -> list[ParaSpec]:
    """Return the paragraph specs of a bullet and its sub-bullets, each claim with its marker."""
    t = ctx.theme
    body = body or t.sizes.body
    sub = sub or t.sizes.sub
    specs = [_claim(ctx, bullet, 0, body, numbered)]
    specs.extend(_claim(ctx, child, 1, sub, 0) for child in bullet.sub)
    return specs


def _claim(ctx: LayoutContext, bullet: Bullet, level: int, size: SizeRange, numbered: int) -> ParaSpec:
    t = ctx.theme
    spans = [ctx.span(normalise_space(bullet.text), size.size)]
    numbers = ctx.deck.markers(bullet.cite)
    marker = ctx.marker(numbers, size.size)
    if marker:
        spans.append(marker)
    indent = size.size * (1.1 if level == 0 else 1.0)
    offset = 0.0 if level == 0 else t.sizes.body.size * 1.1
    return ParaSpec(
        spans=tuple(spans),
        size=size,
        level=level,
        bullet=f"{numbered}." if numbered else BULLET_CHARS[min(level, 1)],
        bullet_color=t.colors.accent,
        space_before=t.paragraph_space if level == 0 else 0.2,
        indent=Pt(offset + (indent * 1.3 if numbered else indent)),
        bullet_indent=Pt(offset),
        citations=tuple(numbers),
    )


def add_source_line(ctx: LayoutContext, page: PageDraft, numbers: list[int]) -> None:
    """Put the short source line for *numbers* at the foot of *page*."""
    if not numbers:
        return
    t = ctx.theme
    r = ctx.regions
    refs = [ctx.deck.reference(n) for n in sorted(set(numbers))]
    full = "Sources: " + "; ".join(f"{ref.number} {ref.short}" for ref in refs)
    frame = ctx.text_frame(
        r.source,
        [ctx.plain(full, t.sizes.source, color=t.colors.muted)],
        role="source",
        anchor="bottom",
        truncate=False,
    )
    if _overflows(frame, r.source):
        short = (
            "Sources: " + ", ".join(str(ref.number) for ref in refs) + " (full references in the notes and at the end)"
        )
        frame = ctx.text_frame(
            r.source, [ctx.plain(short, t.sizes.source, color=t.colors.muted)], role="source", anchor="bottom"
        )
    page.boxes.append(frame)


def _overflows(frame: TextFrame, box: Box) -> bool:
    inner = emu_to_pt(frame.insets.inner_height(box.h))
    return frame.text_height() > inner + 1e-6


def new_page(ctx: LayoutContext, slide: DeckSlide, continued: int = 0) -> PageDraft:
    page = ctx.page(slide, continued)
    add_title(ctx, page, slide.title, continued)
    return page
