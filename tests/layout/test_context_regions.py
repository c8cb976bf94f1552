"""A layout context works its regions out once per theme, and again when its theme changes."""

from __future__ import annotations

from dataclasses import replace

from sinoru_brief.layout.context import LayoutContext


def test_regions_are_kept_and_follow_the_theme(fixture_library, fixture_brief, theme):
    from sinoru_brief.compose import compose

    deck = compose(fixture_library, fixture_brief, theme.snippets)
    ctx = LayoutContext(theme=theme, deck=deck)
    first = ctx.regions
    assert ctx.regions is first  # kept, not worked out on every call

    # Every input of the regions, changed, changes them.
    wider = replace(theme, width=theme.width + 914_400)
    ctx.theme = wider
    assert ctx.regions.body.w == first.body.w + 914_400
    assert ctx.regions == LayoutContext.regions_of(wider)
    for changed in (
        replace(theme, margin_top=theme.margin_top + 12_700),
        replace(theme, height=theme.height + 914_400),
        replace(theme, line_spacing=theme.line_spacing + 0.2),
        replace(theme, sizes=replace(theme.sizes, title=replace(theme.sizes.title, size=theme.sizes.title.size + 4))),
    ):
        ctx.theme = changed
        assert ctx.regions != first
        assert ctx.regions == LayoutContext.regions_of(changed)
    ctx.theme = theme
    assert ctx.regions == first
    # A copy of the context (the natural-scale pass makes one) works them out for its own theme.
    assert replace(ctx, theme=wider).regions == LayoutContext.regions_of(wider)
