"""Add what every slide but the title carries: footer, date of information, slide number, banner, logo."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.layout.context import LOGO_HEIGHT, LOGO_WIDTH, LayoutContext
from sinoru_brief.layout.pages import Box, PageDraft, Picture, Shape
from sinoru_brief.templating import long_date
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, Pt, inches

#: The smallest size the footer line shrinks to before it is shortened.
FOOTER_FLOOR = 7.0


def add_chrome(ctx: LayoutContext, page: PageDraft, slide: DeckSlide) -> None:
    """Decorate *page* with the banner (all slides) and the footer line (numbered slides)."""
    t = ctx.theme
    if t.banner:
        for y in (Emu(0), Emu(t.height - inches(0.3))):
            page.boxes.append(
                Shape(x=Emu(0), y=y, w=t.width, h=inches(0.3), geometry="rect", fill=t.banner.color, name="banner")
            )
            size = SizeRange(Pt(min(12.0, t.sizes.footer + 1)), Pt(8.0))
            page.boxes.append(
                ctx.text_frame(
                    Box(Emu(0), y, t.width, inches(0.3)),
                    [ctx.plain(t.banner.text, size, bold=True, color=t.banner.text_color, align="center")],
                    role="banner",
                    anchor="middle",
                    max_lines=1,
                )
            )
    if t.logo:
        page.boxes.append(
            Picture(
                x=Emu(t.width - t.margin_right - LOGO_WIDTH),
                y=Emu(t.margin_top + (inches(0.3) if t.banner else 0)),
                w=LOGO_WIDTH,
                h=LOGO_HEIGHT,
                path=str(t.logo),
                name="logo",
            )
        )
    if page.number is None:
        return
    r = ctx.regions.footer
    # The footer may shrink a little to stay on one line, then ends in an ellipsis;
    # the full deck title is on the title slide.
    size = SizeRange(t.sizes.footer, Pt(max(FOOTER_FLOOR, t.sizes.footer - 2)))
    third = Emu(r.w // 3)
    # The footer text takes two thirds of the line, less the gap before the date of information.
    footer_w = Emu(third * 2 - inches(0.2))
    muted = t.colors.muted
    page.boxes.append(
        ctx.text_frame(
            Box(r.x, r.y, footer_w, r.h),
            [ctx.plain(ctx.deck.footer, size, color=muted)],
            role="footer",
            anchor="middle",
            max_lines=1,
        )
    )
    if slide.as_of and slide.kind not in ("references", "closing", "agenda"):
        page.boxes.append(
            ctx.text_frame(
                Box(Emu(r.x + footer_w), r.y, Emu(third - inches(0.6)), r.h),
                [ctx.plain(f"As of {long_date(slide.as_of)}", size, color=muted, align="right")],
                role="as-of",
                anchor="middle",
                max_lines=1,
            )
        )
    page.boxes.append(
        ctx.text_frame(
            Box(Emu(r.right - inches(0.6)), r.y, inches(0.6), r.h),
            [ctx.plain(str(page.number), size, color=muted, bold=True, align="right")],
            role="number",
            anchor="middle",
            max_lines=1,
        )
    )
