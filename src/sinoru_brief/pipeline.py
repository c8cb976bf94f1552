"""One pipeline for the CLI and the app: load, compose, lay out, render.

Each stage is a named function so a caller can stop after any of them (the
app's preview stops at layout; the CLI's export goes on to the .pptx).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sinoru_brief.atomic import write_atomic
from sinoru_brief.brief.model import Brief
from sinoru_brief.compose import Deck, compose
from sinoru_brief.content import Library, load_library
from sinoru_brief.layout import Page, layout_deck
from sinoru_brief.layout.invariants import check_pages, layout_error, master_chrome
from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time
from sinoru_brief.theme import Theme, load_theme

Progress = Callable[[str, int, int], None]


@dataclass
class Build:
    """What one run of the pipeline produced."""

    library: Library
    theme: Theme
    deck: Deck
    pages: list[Page]


def build(brief: Brief, *, library: Library | None = None, content_dir: Path | None = None,
          theme: Theme | None = None, progress: Progress | None = None) -> Build:
    """Compose and lay out the deck *brief* describes.

    Raises :class:`LayoutError` naming the slide and why, rather than
    returning pages that break a layout invariant (see
    :mod:`sinoru_brief.layout.invariants`): such a deck is never exported.
    """
    library = library or load_library(content_dir)
    theme = theme or load_theme(brief.template)
    deck = compose(library, brief, theme.snippets, theme.structure)
    pages = layout_deck(deck, theme, progress=(lambda i, n: progress("layout", i, n)) if progress else None)
    violations = check_pages(pages, master_chrome(theme))
    if violations:
        raise layout_error(violations, theme)
    return Build(library=library, theme=theme, deck=deck, pages=pages)


def render_pptx(result: Build, progress: Progress | None = None) -> bytes:
    """Return the .pptx bytes for a build."""
    brief = result.deck.brief
    return pptx_bytes(result.pages, title=brief.title, author=brief.author,
                      east_asian_font=result.theme.fonts.east_asian, stamp=stamp_time(brief.deck_date()),
                      link_color=result.theme.colors.accent, master=result.theme.master,
                      progress=(lambda i, n: progress("write", i, n)) if progress else None)


def export(brief: Brief, out: Path, *, library: Library | None = None, content_dir: Path | None = None,
           theme: Theme | None = None, progress: Progress | None = None) -> Build:
    """Build the deck and write it to *out* atomically; return the build."""
    result = build(brief, library=library, content_dir=content_dir, theme=theme, progress=progress)
    write_atomic(Path(out), render_pptx(result, progress))
    return result
