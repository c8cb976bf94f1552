"""Lay out the text kinds: bullets, key judgments, quotes and two-column comparisons."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.kinds.common import add_source_line, bullet_group, new_page
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, PageDraft, Shape, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, paginate
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, inches, points


def layout_bullets(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    return _bullet_pages(ctx, slide)


def layout_key_judgments(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    return _bullet_pages(ctx, slide)


def natural_text_scale(ctx: LayoutContext, slide: DeckSlide) -> float:
    """Return the scale at which *slide*'s bullets would fit on as few pages as they can, on their own."""
    groups, inner = _bullet_groups(ctx, slide)
    fitted = paginate(groups, inner.w, inner.h, ctx.theme.line_spacing)
    return fitted[0].scale if fitted else 1.0


def _bullet_groups(ctx: LayoutContext, slide: DeckSlide) -> tuple[list[list[ParaSpec]], Box]:
    """Return the paragraph specs of *slide*'s bullets, one group per bullet, and the body's inner box."""
    assert slide.slide is not None
    bullets = slide.slide.bullets
    numbered = slide.kind == "key_judgments"

    def specs() -> list[list[ParaSpec]]:
        return [bullet_group(ctx, b, numbered=i + 1 if numbered else 0) for i, b in enumerate(bullets)]

    # Built once for both the natural scale and the pages: paginate never changes the lists it is given.
    return ctx.kept("bullet groups", slide, specs), _inner(ctx.regions.body)


def _bullet_pages(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    body = ctx.regions.body
    groups, inner = _bullet_groups(ctx, slide)
    if not groups:
        # A title-only slide ("Questions", "Discussion") is one page with no body frame, not no page at all.
        page = new_page(ctx, slide)
        add_source_line(ctx, page, list(slide.citations))
        return [page]
    fitted_pages = paginate(groups, inner.w, inner.h, ctx.theme.line_spacing, scale=ctx.text_scale)
    pages: list[PageDraft] = []
    for index, fitted in enumerate(fitted_pages):
        page = new_page(ctx, slide, index)
        page.boxes.append(
            TextFrame(
                x=body.x,
                y=body.y,
                w=body.w,
                h=body.h,
                paragraphs=fitted.paragraphs,
                insets=TEXT_INSETS,
                role="body",
                name="body",
            )
        )
        add_source_line(ctx, page, fitted.citations or list(slide.citations))
        pages.append(page)
    return pages


def _inner(box: Box) -> Box:
    return Box(box.x, box.y, TEXT_INSETS.inner_width(box.w), TEXT_INSETS.inner_height(box.h))


def layout_quote(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    assert slide.slide is not None
    s = slide.slide
    t = ctx.theme
    page = new_page(ctx, slide)
    body = ctx.regions.body
    bar = Shape(
        x=body.x,
        y=Emu(body.y + inches(0.1)),
        w=inches(0.08),
        h=Emu(body.h - inches(0.2)),
        geometry="rect",
        fill=t.colors.accent,
        name="quote bar",
    )
    page.boxes.append(bar)
    box = Box(Emu(body.x + inches(0.35)), body.y, Emu(body.w - inches(0.35)), body.h)
    quote_spans = [ctx.span(f"“{normalise_space(s.quote)}”", t.sizes.quote.size, heading=True, italic=True)]
    marker = ctx.marker(ctx.deck.markers(s.cite), t.sizes.quote.size)
    if marker:
        quote_spans.append(marker)
    attribution = SizeRange(t.sizes.body.size, t.sizes.body.minimum)
    specs = [
        ParaSpec(spans=tuple(quote_spans), size=t.sizes.quote),
        ParaSpec(
            spans=(ctx.span(f"— {normalise_space(s.attribution)}", attribution.size, bold=True),),
            size=attribution,
            space_before=1.0,
        ),
    ]
    if s.context:
        specs.append(
            ParaSpec(
                spans=(ctx.span(normalise_space(s.context), t.sizes.sub.size, color=t.colors.muted),),
                size=t.sizes.sub,
                space_before=0.3,
            )
        )
    page.boxes.append(ctx.text_frame(box, specs, role="quote", anchor="middle"))
    add_source_line(ctx, page, list(slide.citations))
    return [page]


def layout_comparison(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    assert slide.slide is not None
    t = ctx.theme
    body = ctx.regions.body
    gap = inches(0.3)
    col_w = Emu((body.w - gap) // 2)
    heading_h = TEXT_INSETS.outer_height(points(t.sizes.sub.size * t.line_spacing * 2))
    columns = []
    for i, side in enumerate(slide.slide.sides):
        x = Emu(body.x + i * (col_w + gap))
        heading = ctx.text_frame(
            Box(x, body.y, col_w, heading_h),
            [ctx.plain(side.heading, t.sizes.sub, heading=True, bold=True, color=t.colors.accent)],
            role="heading",
            anchor="bottom",
        )
        box = Box(x, Emu(body.y + heading_h + inches(0.08)), col_w, Emu(body.h - heading_h - inches(0.08)))
        groups = [
            bullet_group(ctx, b, body=t.sizes.sub, sub=SizeRange(t.sizes.sub.minimum, t.sizes.sub.minimum))
            for b in side.bullets
        ]
        inner = _inner(box)
        columns.append((heading, box, paginate(groups, inner.w, inner.h, t.line_spacing)))
    # Both columns share one scale so the two sides read as equals.
    page_count = max(len(c[2]) for c in columns)
    pages = []
    for index in range(page_count):
        page = new_page(ctx, slide, index)
        numbers: list[int] = []
        for heading, box, fitted_pages in columns:
            page.boxes.append(heading)
            page.boxes.append(
                Shape(
                    x=box.x,
                    y=Emu(box.y - inches(0.04)),
                    w=box.w,
                    h=Emu(0),
                    geometry="line",
                    stroke=t.colors.rule,
                    stroke_width=Pt(1.0),
                    name="column rule",
                )
            )
            if index < len(fitted_pages):
                page.boxes.append(
                    TextFrame(
                        x=box.x,
                        y=box.y,
                        w=box.w,
                        h=box.h,
                        paragraphs=fitted_pages[index].paragraphs,
                        insets=TEXT_INSETS,
                        role="body",
                        name="column",
                    )
                )
                numbers.extend(fitted_pages[index].citations)
        add_source_line(ctx, page, numbers or list(slide.citations))
        pages.append(page)
    return pages
