"""One pipeline for the CLI and the app: load, compose, lay out, render.

Each stage is a named function so a caller can stop after any of them (the
app's preview stops at layout; the CLI's export goes on to the .pptx). Every
front end gets its pages from :func:`build`, handing it a :class:`BuildCache`
that keeps what the next build can reuse, so the app's preview and its export
are the same pages, and an edit lays out only the slides it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sinoru_brief.atomic import write_atomic
from sinoru_brief.brief.look import apply_look
from sinoru_brief.brief.model import Brief
from sinoru_brief.compose import Deck, compose
from sinoru_brief.content import Library, load_library
from sinoru_brief.errors import LayoutError
from sinoru_brief.layout import LayoutCache, Page, layout_deck
from sinoru_brief.layout.collector import collector_paused
from sinoru_brief.layout.invariants import Violation, check_pages, layout_error, master_chrome
from sinoru_brief.theme import Theme, load_theme

#: Told the stage ("layout" or "write"), how many slides are done, and how many there are.
Progress = Callable[[str, int, int], None]


@dataclass
class Build:
    """What one run of the pipeline produced."""

    library: Library
    theme: Theme
    deck: Deck
    pages: list[Page]
    #: The layout promises the pages break (empty for any deck :func:`build` returns).
    violations: list[Violation] = field(default_factory=list)


class DeckDoesNotFit(LayoutError):
    """The pages break a layout promise; :attr:`build` holds them, for a preview that shows what went wrong.

    Raised by :func:`build` instead of returning such pages, so no front end
    can export them by mistake.
    """

    def __init__(self, error: LayoutError, result: Build):
        super().__init__(error.problems)
        self.build = result


class BuildCache:
    """What builds from one library keep between runs: the themes loaded, and every slide's laid-out pages.

    A front end keeps one for as long as its library: the CLI for one command,
    the app for a window. The layout cache keys each slide's pages by the
    slide, the theme and the citations it shows, so a build after an edit
    lays out only the slides the edit changed.
    """

    def __init__(self, library: Library, layout: LayoutCache | None = None):
        self.library = library
        self.layout = layout or LayoutCache()
        self._themes: dict[tuple[str, Path | None], Theme] = {}

    def theme(self, template: str, master: Path | None = None) -> Theme:
        """Return the template *template* (on the PowerPoint master *master*, if given), loaded once.

        Raises :class:`TemplateError` when it cannot be loaded; nothing is
        remembered then, so the next call tries again.
        """
        key = (template, Path(master) if master is not None else None)
        if key not in self._themes:
            self._themes[key] = load_theme(template, master=master)
        return self._themes[key]

    def forget_template(self, template: str) -> None:
        """Drop every theme loaded from *template*, after it was saved over or deleted."""
        for key in [k for k in self._themes if k[0] == template]:
            del self._themes[key]


def build(
    brief: Brief,
    cache: BuildCache | None = None,
    *,
    library: Library | None = None,
    content_dir: Path | None = None,
    theme: Theme | None = None,
    progress: Progress | None = None,
) -> Build:
    """Compose and lay out the deck *brief* describes, reusing what *cache* holds.

    Without *cache*, one is made for this build from *library* (or the
    library loaded from *content_dir*, the built-in one by default). *theme*
    is the look to lay out with; by default the brief's template with its look, from the
    cache. Raises :class:`DeckDoesNotFit` (a :class:`LayoutError`) naming the
    slide and why, rather than returning pages that break a layout invariant
    (see :mod:`sinoru_brief.layout.invariants`): such a deck is never exported.
    """
    if cache is None:
        cache = BuildCache(library if library is not None else load_library(content_dir))
    elif library is not None and library is not cache.library:
        raise ValueError("build() was given a library and a cache of another library")
    # The brief's look (the theme editor's changes) over its template, exactly as the app lays it out.
    theme = theme or apply_look(cache.theme(brief.template), brief.look)
    deck = compose(cache.library, brief, theme.snippets, theme.structure)
    # One pause of the cyclic collector for both stages (see layout.collector): the pages are
    # then walked by the collector once, after the check, rather than once at the end of each.
    with collector_paused():
        pages = layout_deck(
            deck, theme, progress=(lambda i, n: progress("layout", i, n)) if progress else None, cache=cache.layout
        )
        violations = check_pages(pages, master_chrome(theme))
    result = Build(library=cache.library, theme=theme, deck=deck, pages=pages, violations=violations)
    if result.violations:
        raise DeckDoesNotFit(layout_error(result.violations, theme), result)
    return result


def empty_build(brief: Brief, library: Library, theme: Theme) -> Build:
    """Return the deck of *brief* while it names no topic yet: no slides and no pages.

    :func:`build` refuses such a brief (the CLI has nothing to export); a
    front end showing a new document shows this instead.
    """
    return Build(library=library, theme=theme, deck=Deck(brief=brief, slides=[], references=[], numbers={}), pages=[])


def render_pptx(result: Build, progress: Progress | None = None) -> bytes:
    """Return the .pptx bytes for a build."""
    # python-pptx takes most of a second to import: the app pays it on its first export, not when it starts.
    from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time

    brief = result.deck.brief
    # Writing walks every page while building the package's objects; a collection would walk
    # the pages and caches again each time, to free nothing (see layout.collector).
    with collector_paused():
        return pptx_bytes(
            result.pages,
            title=brief.title,
            author=brief.author,
            east_asian_font=result.theme.fonts.east_asian,
            stamp=stamp_time(brief.deck_date()),
            link_color=result.theme.colors.accent,
            master=result.theme.master,
            progress=(lambda i, n: progress("write", i, n)) if progress else None,
        )


def export(
    brief: Brief,
    out: Path,
    cache: BuildCache | None = None,
    *,
    library: Library | None = None,
    content_dir: Path | None = None,
    theme: Theme | None = None,
    progress: Progress | None = None,
) -> Build:
    """Build the deck and write it to *out* atomically; return the build."""
    # One pause over building and writing: the collections the two would start when the pause
    # between them ends each walk everything layout made, for nothing to free.
    with collector_paused():
        result = build(brief, cache, library=library, content_dir=content_dir, theme=theme, progress=progress)
        data = render_pptx(result, progress)
    write_atomic(Path(out), data)
    return result
