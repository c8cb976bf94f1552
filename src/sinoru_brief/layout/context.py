"""Shared layout context: the theme, the deck, and the regions every slide kind uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sinoru_brief.compose.deck import Deck, DeckSlide
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Box, Insets, PageDraft, Span, TextFrame
from sinoru_brief.layout.textfit import ParaSpec, fit
from sinoru_brief.layout.truncate import truncate_to_height
from sinoru_brief.theme.model import SizeRange, Theme
from sinoru_brief.units import Emu, Pt, emu_to_pt, inches, points

#: The logo's box at the top right of every slide; titles keep clear of it.
LOGO_HEIGHT = inches(0.45)
LOGO_WIDTH = Emu(LOGO_HEIGHT * 2)
TEXT_INSETS = Insets(left=inches(0.05), top=inches(0.03), right=inches(0.05), bottom=inches(0.03))

_Kept = TypeVar("_Kept")


@dataclass(frozen=True)
class Regions:
    """The standard regions of a content slide, in EMU."""

    title: Box
    rule_y: Emu
    body: Box
    source: Box
    footer: Box
    #: The free area of a slide without a title bar (title, section and closing slides): below the
    #: banner and the logo, above the footer line.
    stage: Box


@dataclass
class LayoutContext:
    """What every kind's layout function needs."""

    theme: Theme
    deck: Deck
    #: The one scale of body text on every text slide of the deck (see layout.typescale), or None
    #: while each slide finds its own.
    text_scale: float | None = None
    #: What the steps of one slide's layout share (see kept): copies of this context share it too.
    _kept: dict[tuple[str, int], tuple[DeckSlide, Any]] = field(default_factory=dict, repr=False, compare=False)

    def kept(self, name: str, slide: DeckSlide, make: Callable[[], _Kept]) -> _Kept:
        """Return what *make* returns for *slide*, made once per slide for as long as this layout lasts.

        A text slide's paragraph specs are wanted twice, to find its natural
        scale and to lay it out at the deck's; they depend on the slide, the
        theme and the deck, which do not change during one layout.
        """
        found = self._kept.get((name, id(slide)))
        if found is None or found[0] is not slide:  # an id is reused only once its slide is gone
            found = self._kept[(name, id(slide))] = (slide, make())
        value: _Kept = found[1]
        return value

    @property
    def regions(self) -> Regions:
        """Return the regions of a content slide in this theme (worked out once per theme, asked for on every page)."""
        cached = self.__dict__.get("_regions_kept")
        if cached is None or cached[0] is not self.theme:
            cached = (self.theme, self.regions_of(self.theme))
            self.__dict__["_regions_kept"] = cached
        regions: Regions = cached[1]
        return regions

    @staticmethod
    def regions_of(t: Theme) -> Regions:
        """Return the regions of a content slide in theme *t*."""
        banner = inches(0.3) if t.banner else Emu(0)
        left, width = t.margin_left, Emu(t.width - t.margin_left - t.margin_right)
        top = Emu(t.margin_top + banner)
        title_h = TEXT_INSETS.outer_height(points(t.sizes.title.size * t.line_spacing * 2))
        footer_h = points(t.sizes.footer * 1.6)
        footer_y = Emu(t.height - t.margin_bottom - banner - footer_h)
        source_h = TEXT_INSETS.outer_height(points(t.sizes.source.size * t.line_spacing * 2))
        source_y = Emu(footer_y - inches(0.08) - source_h)
        rule_y = Emu(top + title_h + inches(0.06))
        body_y = Emu(rule_y + inches(0.18))
        title_w = Emu(width - (LOGO_WIDTH + inches(0.2) if t.logo else 0))
        stage_y = Emu(top + (LOGO_HEIGHT + inches(0.1) if t.logo else 0))
        return Regions(
            title=Box(left, top, title_w, title_h),
            rule_y=rule_y,
            body=Box(left, body_y, width, Emu(source_y - inches(0.1) - body_y)),
            source=Box(left, source_y, width, source_h),
            footer=Box(left, footer_y, width, footer_h),
            stage=Box(left, stage_y, width, Emu(footer_y - inches(0.08) - stage_y)),
        )

    def page(self, slide: DeckSlide, continued: int = 0) -> PageDraft:
        return PageDraft(
            width=self.theme.width,
            height=self.theme.height,
            kind=slide.kind,
            key=slide.key,
            title=slide.title,
            background=self.theme.colors.background,
            notes=slide.notes,
            continued=continued,
        )

    def span(
        self,
        text: str,
        size: Pt,
        *,
        color: str | None = None,
        heading: bool = False,
        bold: bool = False,
        italic: bool = False,
        superscript: bool = False,
        link: str = "",
    ) -> Span:
        t = self.theme
        return Span(
            text=text,
            size=size,
            font=t.fonts.heading if heading else t.fonts.body,
            color=color or (t.colors.title if heading else t.colors.text),
            bold=bold,
            italic=italic,
            superscript=superscript,
            link=link,
        )

    def marker(self, numbers: list[int], size: Pt) -> Span | None:
        """Return the superscript citation marker for *numbers*, or None."""
        if not numbers:
            return None
        return self.span(",".join(str(n) for n in numbers), size, color=self.theme.colors.accent, superscript=True)

    def text_frame(
        self,
        box: Box,
        specs: list[ParaSpec],
        *,
        role: str,
        anchor: str = "top",
        fill: str = "",
        truncate: bool = True,
        max_lines: int = 0,
    ) -> TextFrame:
        """Fit *specs* into *box* (shrinking as allowed) and return the frame.

        If the text cannot fit even at the smallest sizes, the last line that
        fits ends with an ellipsis: text must never spill out of its frame.
        With *max_lines*, the text is shrunk to fit that many lines first
        (a footer or a banner reads as one line, never two squeezed ones).
        """
        inner_w = TEXT_INSETS.inner_width(box.w)
        inner_h = TEXT_INSETS.inner_height(box.h)
        fitted = fit(specs, inner_w, inner_h, self.theme.line_spacing, max_lines=max_lines)
        paragraphs = fitted.paragraphs
        if not fitted.fits and truncate:
            height = emu_to_pt(inner_h)
            if max_lines and paragraphs:
                height = Pt(min(height, paragraphs[0].line_height * max_lines + 1e-3))
            paragraphs = truncate_to_height(paragraphs, height, emu_to_pt(inner_w))
        return TextFrame(
            x=box.x,
            y=box.y,
            w=box.w,
            h=box.h,
            paragraphs=paragraphs,
            insets=TEXT_INSETS,
            anchor=anchor,
            fill=fill,
            role=role,
            name=role,
        )

    def plain(
        self,
        text: str,
        size: SizeRange,
        *,
        heading: bool = False,
        color: str | None = None,
        bold: bool = False,
        italic: bool = False,
        align: str = "left",
    ) -> ParaSpec:
        """Return a one-span paragraph spec of *text*."""
        return ParaSpec(
            spans=(
                self.span(normalise_space(text), size.size, heading=heading, color=color, bold=bold, italic=italic),
            ),
            size=size,
            align=align,
        )
