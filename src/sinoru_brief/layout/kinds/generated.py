"""Lay out the slides the composer generates: title, agenda, section, references, closing."""

from __future__ import annotations

import re
from dataclasses import replace

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.layout.context import TEXT_INSETS, LayoutContext
from sinoru_brief.layout.fonts import text_width
from sinoru_brief.layout.kinds.common import new_page
from sinoru_brief.layout.linebreak import collapse_space, normalise_space
from sinoru_brief.layout.pages import Box, PageDraft, Shape, Span, TextFrame
from sinoru_brief.layout.textfit import UNBOUNDED, ParaSpec, layout_at, paginate, scales
from sinoru_brief.layout.truncate import ELLIPSIS
from sinoru_brief.theme.model import SizeRange, Theme
from sinoru_brief.units import Emu, Pt, emu_to_pt, inches, points


def _text_column(t: Theme) -> tuple[Emu, Emu]:
    """Return the left edge and width of the text on a title, section or closing slide: 0.3 in inside the margins."""
    return Emu(t.margin_left + inches(0.3)), Emu(t.width - t.margin_left - t.margin_right - inches(0.6))


def layout_title(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    """Lay out the title slide: marking and organisation above the title, then subtitle, byline, presenter, date.

    The classification marking heads the slide, centred, as a marking is
    read first; the organisation stands over the title like a letterhead.
    Lines the brief leaves empty take no room.
    """
    t = ctx.theme
    page = ctx.page(slide)
    stage = ctx.regions.stage
    left, width = _text_column(t)
    lines = slide.title_lines
    y = stage.y
    for text, role, align, color in (
        (lines.classification, "classification", "center", t.colors.accent),
        (lines.organisation, "organisation", "left", t.colors.muted),
    ):
        if text:
            height = TEXT_INSETS.outer_height(points(t.sizes.sub.size * t.line_spacing))
            page.boxes.append(
                ctx.text_frame(
                    Box(left, y, width, height),
                    [ctx.plain(text, t.sizes.sub, bold=True, color=color, align=align)],
                    role=role,
                )
            )
            y = Emu(y + height + inches(0.15))
    top = max(Emu(t.height // 6), stage.y, y)  # clear of the banner, the logo and the lines above
    # The deck's title is never cut here (the footer shortens it; this is where it is read whole):
    # when it needs more lines at its floor than fit above the rule, the rule moves down for it,
    # up to two thirds of the way down the free stage.
    title_spec = ctx.plain(slide.title, t.sizes.deck_title, heading=True, bold=True)
    inner_w = TEXT_INSETS.inner_width(width)
    floor = scales([title_spec])[-1]
    needed = points(layout_at([title_spec], emu_to_pt(inner_w), UNBOUNDED, floor, t.line_spacing).height)
    least = TEXT_INSETS.outer_height(needed)
    mid = Emu(max(t.height * 45 // 100, min(top + least, stage.y + stage.h * 2 // 3)))
    page.boxes.append(
        ctx.text_frame(Box(left, top, width, Emu(mid - top)), [title_spec], role="title", anchor="bottom")
    )
    if t.master is None:  # a master's title slide has its own design: no accent rule of ours
        page.boxes.append(
            Shape(
                x=left,
                y=Emu(mid + inches(0.12)),
                w=inches(1.6),
                h=Emu(0),
                geometry="line",
                stroke=t.colors.accent,
                stroke_width=Pt(3.0),
                name="title rule",
            )
        )
    specs = []
    if slide.subtitle:
        specs.append(ctx.plain(slide.subtitle, t.sizes.body, color=t.colors.text))
    byline, as_of = (tuple(slide.items) + ("", ""))[:2]
    for i, line in enumerate(x for x in (byline, lines.presenter, as_of) if x):
        spec = ctx.plain(line, t.sizes.sub, color=t.colors.muted)
        specs.append(ParaSpec(spans=spec.spans, size=spec.size, space_before=0.8 if i == 0 else 0.2))
    below = Emu(mid + inches(0.35))
    bottom = min(Emu(t.height * 85 // 100), stage.bottom)
    if specs and bottom > below:
        page.boxes.append(ctx.text_frame(Box(left, below, width, Emu(bottom - below)), specs, role="subtitle"))
    return [page]


def layout_agenda(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    """Lay out the agenda: numbered entries on one slide, in two columns if one would run over.

    The numbers are the ones on the section dividers. A slide's worth of
    entries is worth keeping together: only when two columns cannot hold
    them either does the agenda continue on a second slide.
    """
    t = ctx.theme
    body = ctx.regions.body
    groups = _agenda_entries(ctx, slide.items, 1)
    inner_h = TEXT_INSETS.inner_height(body.h)
    if len(paginate(groups, TEXT_INSETS.inner_width(body.w), inner_h, t.line_spacing)) > 1:
        gap = inches(0.4)
        column_w = Emu((body.w - gap) // 2)
        half = (len(slide.items) + 1) // 2
        columns = [_agenda_entries(ctx, slide.items[:half], 1), _agenda_entries(ctx, slide.items[half:], half + 1)]
        inner_w = TEXT_INSETS.inner_width(column_w)
        fitted = [paginate(c, inner_w, inner_h, t.line_spacing) for c in columns]
        # One type size for both columns: the smaller of the two sizes each would take.
        if all(len(f) == 1 for f in fitted):
            scale = min(f[0].scale for f in fitted)  # one type size for both columns
            page = new_page(ctx, slide, 0)
            for i, column in enumerate(columns):
                frame = layout_at(
                    [spec for group in column for spec in group],
                    emu_to_pt(inner_w),
                    emu_to_pt(inner_h),
                    scale,
                    t.line_spacing,
                )
                page.boxes.append(
                    TextFrame(
                        x=Emu(body.x + i * (column_w + gap)),
                        y=body.y,
                        w=column_w,
                        h=body.h,
                        paragraphs=frame.paragraphs,
                        insets=TEXT_INSETS,
                        role="body",
                        name=f"body {i + 1}",
                    )
                )
            return [page]
    return _paged_list(ctx, slide, groups, body)


def _agenda_entries(ctx: LayoutContext, items: tuple[str, ...], first: int) -> list[list[ParaSpec]]:
    """Return one numbered paragraph per agenda entry, numbered from *first*."""
    t = ctx.theme
    last = first + len(items) - 1
    # The hanging indent must clear the widest number ("12.") plus a gap.
    widest = max((text_width(f"{i}.", t.fonts.body, t.sizes.body.size) for i in range(first, last + 1)), default=0.0)
    indent = Pt(widest + t.sizes.body.size * 0.6)
    return [
        [
            ParaSpec(
                spans=(ctx.span(normalise_space(item), t.sizes.body.size),),
                size=t.sizes.body,
                bullet=f"{i}.",
                bullet_color=t.colors.accent,
                space_before=0.35,
                indent=indent,
            )
        ]
        for i, item in enumerate(items, start=first)
    ]


def _paged_list(ctx: LayoutContext, slide: DeckSlide, groups: list[list[ParaSpec]], body: Box) -> list[PageDraft]:
    inner_w = TEXT_INSETS.inner_width(body.w)
    inner_h = TEXT_INSETS.inner_height(body.h)
    pages = []
    for index, fitted in enumerate(paginate(groups, inner_w, inner_h, ctx.theme.line_spacing)):
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
        pages.append(page)
    return pages


def layout_section(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    t = ctx.theme
    page = ctx.page(slide)
    stage = ctx.regions.stage
    left, width = _text_column(t)
    if t.master is None:  # the band would cover a master's own edge art
        page.boxes.append(
            Shape(
                x=Emu(0),
                y=Emu(0),
                w=inches(0.25),
                h=t.height,
                geometry="rect",
                fill=t.colors.accent,
                name="section band",
            )
        )
    # The number sits above the title at a quarter of the slide; on a short slide, or below a banner
    # and a logo, the stack moves down and shrinks so it stays on the free stage.
    number_h = min(inches(1.2), Emu(stage.h // 5))
    top = Emu(max(t.height // 4, stage.y + number_h + inches(0.1)))
    title_h = Emu(min(t.height * 30 // 100, (stage.bottom - top) * 55 // 100))
    number = SizeRange(Pt(t.sizes.section_title.size * 1.4), t.sizes.section_title.minimum)
    # The title comes first in reading order (a screen reader announces a slide by its title),
    # though the number is drawn above it.
    page.boxes.append(
        ctx.text_frame(
            Box(left, top, width, title_h),
            [ctx.plain(slide.title, t.sizes.section_title, heading=True, bold=True)],
            role="title",
            anchor="top",
        )
    )
    page.boxes.append(
        ctx.text_frame(
            Box(left, Emu(top - inches(0.1) - number_h), width, number_h),
            [ctx.plain(f"{slide.section_number:02d}", number, heading=True, bold=True, color=t.colors.accent)],
            role="section-number",
            anchor="bottom",
        )
    )
    if slide.items:
        summary_y = Emu(top + title_h + inches(0.2))
        page.boxes.append(
            ctx.text_frame(
                Box(left, summary_y, Emu(width * 3 // 4), Emu(min(t.height * 25 // 100, stage.bottom - summary_y))),
                [ctx.plain(slide.items[0], t.sizes.body, color=t.colors.muted)],
                role="summary",
            )
        )
    return [page]


def layout_references(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    """Lay out the reference list, paginated, each entry as the citation style formats it.

    On a slide a URL is read, not typed: it shows without its scheme and, when
    long, with its middle elided (the link itself and the speaker notes keep
    it whole); the word before it stays on its line, and a period after it is
    dropped, so neither dangles on a line of its own.
    """
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
                    text_spans.append(ctx.span(display_url(ref.url), size.size, italic=segment.italic, link=ref.url))
                text_spans.append(ctx.span(part, size.size, italic=segment.italic))
        text_spans = _bind_links(text_spans)
        if text_spans:
            first, last = text_spans[0], text_spans[-1]
            text_spans[0] = replace(first, text=first.text.lstrip())
            text_spans[-1] = (
                replace(text_spans[-1], text=text_spans[-1].text.rstrip())
                if last is not first
                else (replace(text_spans[0], text=text_spans[0].text.rstrip()))
            )
        spans.extend(text_spans)
        groups.append(
            [ParaSpec(spans=tuple(_merge_spaces(spans)), size=size, space_before=0.3, indent=Pt(size.size * 2.0))]
        )
    body = ctx.regions.body
    full = Box(body.x, body.y, body.w, Emu(ctx.regions.source.bottom - body.y))
    pages = _paged_list(ctx, slide, groups, full)
    return pages


#: The longest URL shown on a reference slide, in characters.
URL_DISPLAY_LIMIT = 56


def display_url(url: str, limit: int = URL_DISPLAY_LIMIT) -> str:
    """Return *url* as a slide shows it: no scheme or "www.", and the middle of a long path elided."""
    shown = re.sub(r"^[a-z][a-z0-9+.-]*://(www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
    if len(shown) <= limit:
        return shown
    host, _, path = shown.partition("/")
    tail = path.rsplit("/", 1)[-1] or path
    room = limit - len(host) - 3
    if room < 8:
        return shown[: limit - 1] + ELLIPSIS
    if len(tail) > room:
        tail = tail[: room - 1] + ELLIPSIS
    return f"{host}/{ELLIPSIS}/{tail}" if tail != path else f"{host}/{tail}"


def _bind_links(spans: list[Span]) -> list[Span]:
    """Keep the word before a link on the link's line, and drop a lone period after a link that ends the entry."""
    out = list(spans)
    for i, span in enumerate(out):
        if not span.link:
            continue
        if i > 0 and out[i - 1].text.endswith(" ") and out[i - 1].text.strip():
            out[i - 1] = replace(out[i - 1], text=out[i - 1].text[:-1] + "\u00a0")
        rest = "".join(s.text for s in out[i + 1 :])
        if rest.strip() == ".":
            out = [*out[: i + 1], *(replace(s, text="") for s in out[i + 1 :])]
            break
    return out


def _merge_spaces(spans: list[Span]) -> list[Span]:
    """Drop empty spans left by normalising white space."""
    return [s for s in spans if s.text]


def layout_closing(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    t = ctx.theme
    page = ctx.page(slide)
    left, width = _text_column(t)
    page.boxes.append(
        ctx.text_frame(
            Box(left, Emu(t.height // 3), width, Emu(t.height // 5)),
            [ctx.plain(slide.title, t.sizes.deck_title, heading=True, bold=True, align="center")],
            role="title",
            anchor="bottom",
        )
    )
    if slide.items and slide.items[0]:
        page.boxes.append(
            ctx.text_frame(
                Box(left, Emu(t.height // 3 + t.height // 5 + inches(0.3)), width, Emu(t.height // 6)),
                [ctx.plain(slide.items[0], t.sizes.body, color=t.colors.muted, align="center")],
                role="subtitle",
            )
        )
    return [page]
