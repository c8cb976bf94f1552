"""Time the preview path: layout of the full library at depth ``full``, then drawing each slide.

Run from the repository root::

    uv run python benchmarks/bench_preview.py [--width 1600] [--repeat 3]

Prints the layout time per slide (compose and layout of the whole deck, divided
by its slide count): the first build in the process, which loads fonts and fills
layout's caches, and the best of ``--repeat`` rebuilds, as the app's live preview
sees them;
and the render time of every slide to a ``QImage`` at ``--width`` pixels: mean,
95th percentile and worst, in milliseconds, first drawing (cold caches) and
again (warm caches), plus the PNG encoding time. Qt draws offscreen. The tests
never check timings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sinoru_brief.brief import Brief  # noqa: E402
from sinoru_brief.content import load_library  # noqa: E402
from sinoru_brief.pipeline import build  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    """Return the *share* quantile of *values* (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(name: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"{name:<22} mean {statistics.fmean(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms   "
        f"max {max(ms):7.1f} ms   ({len(ms)} slides)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=1600, help="image width in pixels (default 1600)")
    parser.add_argument("--repeat", type=int, default=3, help="layout builds to take the best of (default 3)")
    args = parser.parse_args(argv)

    library = load_library()
    brief = Brief(title="Benchmark deck", topics=library.topic_ids(), depth="full")
    start = time.perf_counter()
    first = build(brief, library=library)  # loads fonts and the theme, fills layout's caches
    cold = time.perf_counter() - start
    layout_times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = build(brief, library=library)
        layout_times.append(time.perf_counter() - start)
    pages = result.pages
    best = min(layout_times)
    print(f"deck: {len(pages)} slides from {len(library.topics)} topics at depth full")
    print(f"layout, first build (cold caches): {cold:.3f} s total, {cold / len(first.pages) * 1000:.1f} ms per slide")
    print(
        f"layout, rebuild (warm caches, best of {args.repeat}): {best:.3f} s total, "
        f"{best / len(pages) * 1000:.1f} ms per slide"
    )

    from sinoru_brief.render.qt.images import ensure_app, png_bytes
    from sinoru_brief.render.qt.painter import render_page

    ensure_app()
    for label in ("render, cold caches", "render, warm caches"):
        times = []
        for page in pages:
            start = time.perf_counter()
            image = render_page(page, args.width)
            times.append(time.perf_counter() - start)
        print(summary(f"{label}", times) + f" at {image.width()}x{image.height()} px")
    encode = []
    for page in pages[:20]:
        image = render_page(page, args.width)
        start = time.perf_counter()
        png_bytes(image)
        encode.append(time.perf_counter() - start)
    print(summary("PNG encoding", encode))
    return 0


if __name__ == "__main__":
    sys.exit(main())
