"""Profile one export of the full built-in library in this process, stage by stage, with cProfile.

Run from the repository root::

    uv run python benchmarks/profile_export.py [--template briefing] [--top 25] [--cold] [--warm]

It times the stages of ``sinoru_brief.pipeline.export`` the CLI runs (load
the library, compose, lay out, write the .pptx) and prints, for the whole
run, the functions with the most cumulative and internal time. Imports are
timed separately (``import sinoru_brief.pipeline`` and friends), because a
command pays them on every run.

``--cold`` points the reference cache at an empty temporary folder, so the
run formats every reference as a first export does; without it the run uses
the user's cache as the CLI does (a second export of the same deck formats
nothing). ``--warm`` first runs the whole export once unprofiled, so the
profile shows a second export in a running app (every in-memory cache
filled).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", default="briefing", help="built-in template name")
    parser.add_argument("--top", type=int, default=25, help="rows of each profile table")
    parser.add_argument("--cold", action="store_true", help="start with an empty reference cache")
    parser.add_argument("--warm", action="store_true", help="export once before profiling")
    args = parser.parse_args(argv)
    if args.cold:
        os.environ["SINORU_BRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="sinoru-profile-cache-")

    start = time.perf_counter()
    from sinoru_brief.brief import Brief
    from sinoru_brief.compose import compose
    from sinoru_brief.content import load_library
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time
    from sinoru_brief.theme import load_theme

    imports = time.perf_counter() - start

    def export() -> dict[str, float]:
        times: dict[str, float] = {}
        clock = time.perf_counter()

        def lap(name: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            times[name] = now - clock
            clock = now

        library = load_library()
        brief = Brief(
            title="The Sino-Russian Partnership",
            author="profile",
            topics=library.topic_ids(),
            depth="full",
            template=args.template,
        )
        theme = load_theme(brief.template)
        lap("load")
        deck = compose(library, brief, theme.snippets)
        lap("compose")
        pages = layout_deck(deck, theme)
        lap("layout")
        pptx_bytes(
            pages,
            title=brief.title,
            author=brief.author,
            east_asian_font=theme.fonts.east_asian,
            stamp=stamp_time(brief.deck_date()),
            link_color=theme.colors.accent,
            master=theme.master,
        )
        lap("write")
        times["slides"] = len(pages)
        return times

    if args.warm:
        export()
    profiler = cProfile.Profile()
    profiler.enable()
    times = export()
    profiler.disable()
    unprofiled = export() if not args.cold else None

    print(f"imports {imports:.2f} s")
    print(
        "stages under the profiler: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in times.items() if k != "slides")
        + f" ({int(times['slides'])} slides)"
    )
    if unprofiled:
        print(
            "the same stages again without the profiler (caches now warm): "
            + ", ".join(f"{k} {v:.3f} s" for k, v in unprofiled.items() if k != "slides")
        )
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        print(f"\n--- top {args.top} by {order} ---")
        print(out.getvalue().split("\n\n", 2)[-1].rstrip())
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
