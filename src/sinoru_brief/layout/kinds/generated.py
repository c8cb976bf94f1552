"""Lay out the slides the composer generates: title, agenda, section, references, closing."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.kinds.common import new_page
from dataclasses import replace

from sinoru_brief.layout.fonts import text_width
from sinoru_brief.layout.linebreak import collapse_space, normalise_space
from sinoru_brief.layout.pages import Box, Page, Shape, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, paginate
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import inches


def layout_title(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    t = ctx.theme
    page = ctx.page(slide)
    left, width = t.margin_left + inches(0.3), t.width - t.margin_left - t.margin_right - inches(0.6)
    mid = t.height * 45 // 100
    page.boxes.append(ctx.text_frame(Box(left, t.height // 6, width, mid - t.height // 6),
                                     [ctx.plain(slide.title, t.sizes.deck_title, heading=True, bold=True)],
                                     role="title", anchor="bottom"))
    page.boxes.append(Shape(x=left, y=mid + inches(0.12), w=inches(1.6), h=0, geometry="line",
                            stroke=t.colors.accent, stroke_width=3.0, name="title rule"))
    specs = []
    if slide.subtitle:
        specs.append(ctx.plain(slide.subtitle, t.sizes.body, color=t.colors.text))
    for i, line in enumerate(x for x in slide.items if x):
        spec = ctx.plain(line, t.sizes.sub, color=t.colors.muted)
        specs.append(ParaSpec(spans=spec.spans, size=spec.size, space_before=0.8 if i == 0 else 0.2))
    if specs:
        page.boxes.append(ctx.text_frame(Box(left, mid + inches(0.35), width, t.height * 85 // 100 - mid),
                                         specs, role="subtitle"))
    return [page]


def layout_agenda(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    t = ctx.theme
    body = ctx.regions.body
    # The hanging indent must clear the widest number ("12.") plus a gap.
    widest = max((text_width(f"{i}.", t.fonts.body, t.sizes.body.size) for i in range(1, len(slide.items) + 1)),
                 default=0.0)
    indent = widest + t.sizes.body.size * 0.6
    groups = [[ParaSpec(spans=(ctx.span(normalise_space(item), t.sizes.body.size),), size=t.sizes.body,
                        bullet=f"{i}.", bullet_color=t.colors.accent, space_before=0.35,
                        indent=indent)] for i, item in enumerate(slide.items, start=1)]
    return _paged_list(ctx, slide, groups, body)


def _paged_list(ctx: LayoutContext, slide: DeckSlide, groups: list[list[ParaSpec]], body: Box) -> list[Page]:
    inner_w = body.w - TEXT_INSETS.left - TEXT_INSETS.right
    inner_h = body.h - TEXT_INSETS.top - TEXT_INSETS.bottom
    pages = []
    for index, fitted in enumerate(paginate(groups, inner_w, inner_h, ctx.theme.line_spacing)):
        page = new_page(ctx, slide, index)
        page.boxes.append(TextFrame(x=body.x, y=body.y, w=body.w, h=body.h, paragraphs=fitted.paragraphs,
                                    insets=TEXT_INSETS, role="body", name="body"))
        pages.append(page)
    return pages


def layout_section(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    t = ctx.theme
    page = ctx.page(slide)
    left, width = t.margin_left + inches(0.3), t.width - t.margin_left - t.margin_right - inches(0.6)
    page.boxes.append(Shape(x=0, y=0, w=inches(0.25), h=t.height, geometry="rect", fill=t.colors.accent,
                            name="section band"))
    top = t.height // 4
    number = SizeRange(t.sizes.section_title.size * 1.4, t.sizes.section_title.minimum)
    page.boxes.append(ctx.text_frame(Box(left, top - inches(1.3), width, inches(1.2)),
                                     [ctx.plain(f"{int(slide.subtitle):02d}", number, heading=True, bold=True,
                                                color=t.colors.accent)], role="section-number", anchor="bottom"))
    page.boxes.append(ctx.text_frame(Box(left, top, width, t.height * 30 // 100),
                                     [ctx.plain(slide.title, t.sizes.section_title, heading=True, bold=True)],
                                     role="title", anchor="top"))
    if slide.items:
        page.boxes.append(ctx.text_frame(Box(left, top + t.height * 30 // 100 + inches(0.2), width * 3 // 4,
                                             t.height * 25 // 100),
                                         [ctx.plain(slide.items[0], t.sizes.body, color=t.colors.muted)],
                                         role="summary"))
    return [page]


def layout_references(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    t = ctx.theme
    size = t.sizes.reference
    groups = []
    for ref in ctx.deck.references:
        spans = [ctx.span(f"{ref.number}.", size.size, bold=True, color=t.colors.accent)]
        spans.append(ctx.span(" ", size.size))
        text_spans = []
        for segment in ref.segments:
            text = collapse_space(segment.text)
            # Only the URL itself is a link: a link is one unbreakable field in
            # LibreOffice, so a whole linked sentence could not wrap.
            parts = text.split(ref.url) if ref.url and ref.url in text else [text]
            for i, part in enumerate(parts):
                if i:
                    text_spans.append(ctx.span(ref.url, size.size, italic=segment.italic, link=ref.url))
                text_spans.append(ctx.span(part, size.size, italic=segment.italic))
        if text_spans:
            first, last = text_spans[0], text_spans[-1]
            text_spans[0] = replace(first, text=first.text.lstrip())
            text_spans[-1] = replace(text_spans[-1], text=text_spans[-1].text.rstrip()) if last is not first else (
                replace(text_spans[0], text=text_spans[0].text.rstrip()))
        spans.extend(text_spans)
        groups.append([ParaSpec(spans=tuple(_merge_spaces(spans)), size=size, space_before=0.3,
                                indent=size.size * 2.0)])
    body = ctx.regions.body
    full = Box(body.x, body.y, body.w, ctx.regions.source.bottom - body.y)
    pages = _paged_list(ctx, slide, groups, full)
    return pages


def _merge_spaces(spans):
    """Drop empty spans left by normalising white space."""
    return [s for s in spans if s.text]


def layout_closing(ctx: LayoutContext, slide: DeckSlide) -> list[Page]:
    t = ctx.theme
    page = ctx.page(slide)
    left, width = t.margin_left + inches(0.3), t.width - t.margin_left - t.margin_right - inches(0.6)
    page.boxes.append(ctx.text_frame(Box(left, t.height // 3, width, t.height // 5),
                                     [ctx.plain(slide.title, t.sizes.deck_title, heading=True, bold=True,
                                                align="center")], role="title", anchor="bottom"))
    if slide.items and slide.items[0]:
        page.boxes.append(ctx.text_frame(Box(left, t.height // 3 + t.height // 5 + inches(0.3), width, t.height // 6),
                                         [ctx.plain(slide.items[0], t.sizes.body, color=t.colors.muted,
                                                    align="center")], role="subtitle"))
    return [page]
