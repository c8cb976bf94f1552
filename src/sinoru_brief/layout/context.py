"""Shared layout context: the theme, the deck, and the regions every slide kind uses."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sinoru_brief.compose.deck import Deck, DeckSlide
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, Insets, Page, Span, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, fit
from sinoru_brief.theme.model import SizeRange, Theme
from sinoru_brief.units import Emu, inches, points

#: The logo's box at the top right of every slide; titles keep clear of it.
LOGO_HEIGHT = inches(0.45)
LOGO_WIDTH = LOGO_HEIGHT * 2
TEXT_INSETS = Insets(left=inches(0.05), top=inches(0.03), right=inches(0.05), bottom=inches(0.03))
ELLIPSIS = "…"


@dataclass(frozen=True)
class Regions:
    """The standard regions of a content slide, in EMU."""

    title: Box
    rule_y: Emu
    body: Box
    source: Box
    footer: Box


@dataclass
class LayoutContext:
    """What every kind's layout function needs."""

    theme: Theme
    deck: Deck

    @property
    def regions(self) -> Regions:
        t = self.theme
        banner = inches(0.3) if t.banner else 0
        left, width = t.margin_left, t.width - t.margin_left - t.margin_right
        top = t.margin_top + banner
        title_h = points(t.sizes.title.size * t.line_spacing * 2) + TEXT_INSETS.top + TEXT_INSETS.bottom
        footer_h = points(t.sizes.footer * 1.6)
        footer_y = t.height - t.margin_bottom - banner - footer_h
        source_h = points(t.sizes.source.size * t.line_spacing * 2) + TEXT_INSETS.top + TEXT_INSETS.bottom
        source_y = footer_y - inches(0.08) - source_h
        rule_y = top + title_h + inches(0.06)
        body_y = rule_y + inches(0.18)
        title_w = width - (LOGO_WIDTH + inches(0.2) if t.logo else 0)
        return Regions(
            title=Box(left, top, title_w, title_h),
            rule_y=rule_y,
            body=Box(left, body_y, width, source_y - inches(0.1) - body_y),
            source=Box(left, source_y, width, source_h),
            footer=Box(left, footer_y, width, footer_h),
        )

    def page(self, slide: DeckSlide, continued: int = 0) -> Page:
        return Page(width=self.theme.width, height=self.theme.height, kind=slide.kind, key=slide.key,
                    title=slide.title, background=self.theme.colors.background, notes=slide.notes,
                    continued=continued)

    def span(self, text: str, size: float, *, color: str | None = None, heading: bool = False,
             bold: bool = False, italic: bool = False, superscript: bool = False, link: str = "") -> Span:
        t = self.theme
        return Span(text=text, size=size, font=t.fonts.heading if heading else t.fonts.body,
                    color=color or (t.colors.title if heading else t.colors.text),
                    bold=bold, italic=italic, superscript=superscript, link=link)

    def marker(self, numbers: list[int], size: float) -> Span | None:
        """Return the superscript citation marker for *numbers*, or None."""
        if not numbers:
            return None
        return self.span(",".join(str(n) for n in numbers), size, color=self.theme.colors.accent, superscript=True)

    def text_frame(self, box: Box, specs: list[ParaSpec], *, role: str, anchor: str = "top",
                   fill: str = "", truncate: bool = True) -> TextFrame:
        """Fit *specs* into *box* (shrinking as allowed) and return the frame.

        If the text cannot fit even at the smallest sizes, the last line that
        fits ends with an ellipsis: text must never spill out of its frame.
        """
        inner_w = box.w - TEXT_INSETS.left - TEXT_INSETS.right
        inner_h = box.h - TEXT_INSETS.top - TEXT_INSETS.bottom
        fitted = fit(specs, inner_w, inner_h, self.theme.line_spacing)
        paragraphs = fitted.paragraphs
        if not fitted.fits and truncate:
            paragraphs = truncate_to_height(paragraphs, inner_h / 12_700)
        return TextFrame(x=box.x, y=box.y, w=box.w, h=box.h, paragraphs=paragraphs, insets=TEXT_INSETS,
                         anchor=anchor, fill=fill, role=role, name=role)

    def plain(self, text: str, size: SizeRange, *, heading: bool = False, color: str | None = None,
              bold: bool = False, italic: bool = False, align: str = "left") -> ParaSpec:
        """Return a one-span paragraph spec of *text*."""
        return ParaSpec(spans=(self.span(normalise_space(text), size.size, heading=heading, color=color,
                                         bold=bold, italic=italic),), size=size, align=align)


def truncate_to_height(paragraphs: tuple, height: float) -> tuple:
    """Keep the lines that fit in *height* points; end the last kept line with an ellipsis."""
    kept = []
    used = 0.0
    for i, para in enumerate(paragraphs):
        space = 0.0 if i == 0 else para.space_before
        room = int((height - used - space + 1e-6) // para.line_height)
        if room <= 0:
            break
        if room >= len(para.lines):
            kept.append(para)
            used += space + para.height - para.space_before
            continue
        lines = list(para.lines[:room])
        last = lines[-1]
        if last.spans:
            tail = last.spans[-1]
            text = tail.text.rstrip()
            cut = text[:-2] if len(text) > 2 else text
            lines[-1] = replace(last, spans=(*last.spans[:-1], replace(tail, text=cut + ELLIPSIS)))
        kept.append(replace(para, lines=tuple(lines)))
        break
    return tuple(kept)
