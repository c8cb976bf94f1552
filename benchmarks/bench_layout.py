"""Time the layout stage alone, in fresh processes, optionally alternating with another checkout.

Run from the repository root::

    uv run python benchmarks/bench_layout.py [--sets library,1000] [--repeat 5] [--against DIR]

Each run is a fresh process that loads and composes a deck (untimed), lays
out a small warm-up deck of other text (so font files are open and the
regular expressions compiled, as in any process that has laid out before),
then times, in CPU seconds (``time.process_time``) and wall seconds, the two
stages every build runs: ``layout_deck`` (line breaking, pagination, the
deck's type scale, chrome) and ``check_pages`` (the layout invariants), then
one full garbage collection, and the total of the three. The
in-memory caches start empty, as in a new command; the disk width cache is
warm (one untimed run fills it first, in a temporary folder of its own per
checkout), as for a user's second export. The cyclic garbage collector runs
as in any process. Layout pauses it (see ``sinoru_brief.layout.collector``),
so the collections it would have run come due later, at the next
allocations of whatever runs next; the full collection timed after the check
stands for them (in code that does not pause, it walks the same objects
once more), so the total is the fair figure to compare.

Sets: ``library`` is the full built-in library at depth ``full`` (82 slides);
``1000`` is the synthetic deck of ``bench_export.py`` with 1,000 bullet
slides (1,015 with title, agenda, sections, references and closing).

With ``--against DIR`` (another checkout of this project with its own
``.venv``, e.g. a worktree of an older commit), every round runs this
checkout and that one in turn, so a shared machine's drifting load touches
both alike; the report gives each one's medians and the median over rounds
of this ÷ that. The load average is printed at the start and the end.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STAGES = ("layout", "check", "collect", "total")


def _deck(which: str, seed: int = 0, slides: int = 1000):  # type: ignore[no-untyped-def]
    """Return (deck, theme) for a set: the full library or a synthetic deck of *slides* slides."""
    sys.path.insert(0, str(HERE))
    import bench_export

    from sinoru_brief.brief import Brief
    from sinoru_brief.compose import compose
    from sinoru_brief.content import load_library
    from sinoru_brief.theme import load_theme

    if which == "library":
        library = load_library()
        brief = Brief(
            title="Bench", author="bench", topics=library.topic_ids(), depth="full", date=bench_export.DECK_DATE
        )
    else:
        library = bench_export.synthetic_library(slides, seed=seed, source_prefix=f"s{seed}")
        brief = bench_export.synthetic_brief(library)
    theme = load_theme(brief.template)
    return compose(library, brief, theme.snippets, theme.structure), theme


def child(which: str) -> dict[str, float]:
    """Lay out one set in this process after a warm-up deck; return each stage's CPU and wall seconds."""
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.layout.invariants import check_pages

    deck, theme = _deck("library" if which == "library" else "1000", slides=int(which) if which != "library" else 0)
    warm_deck, warm_theme = _deck("synthetic", seed=1, slides=10)
    layout_deck(warm_deck, warm_theme)
    out: dict[str, float] = {}
    cpu, wall = time.process_time(), time.perf_counter()
    pages = layout_deck(deck, theme)
    out["layout_cpu"], out["layout_wall"] = time.process_time() - cpu, time.perf_counter() - wall
    cpu, wall = time.process_time(), time.perf_counter()
    check_pages(pages)
    out["check_cpu"], out["check_wall"] = time.process_time() - cpu, time.perf_counter() - wall
    cpu, wall = time.process_time(), time.perf_counter()
    gc.collect()
    out["collect_cpu"], out["collect_wall"] = time.process_time() - cpu, time.perf_counter() - wall
    out["total_cpu"] = out["layout_cpu"] + out["check_cpu"] + out["collect_cpu"]
    out["total_wall"] = out["layout_wall"] + out["check_wall"] + out["collect_wall"]
    out["pages"] = len(pages)
    return out


def _run(checkout: Path, which: str, cache: Path) -> dict[str, float]:
    python = checkout / ".venv" / "bin" / "python"
    env = {**os.environ, "SINORU_BRIEF_CACHE_DIR": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python keeps its bytecode caches
    done = subprocess.run(
        [str(python), str(Path(__file__).resolve()), "--child", which],
        cwd=checkout,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="library,1000", help="comma-separated: library, or a slide count")
    parser.add_argument("--repeat", type=int, default=5, help="rounds per set")
    parser.add_argument("--against", type=Path, help="another checkout to alternate with")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    checkouts = {"this": ROOT}
    if args.against:
        checkouts["that"] = args.against.resolve()
    print(f"load average at start: {_load()}")
    with tempfile.TemporaryDirectory(prefix="sinoru-bench-layout-") as tmp:
        caches = {name: Path(tmp) / name for name in checkouts}
        for which in args.sets.split(","):
            runs: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
            for name, checkout in checkouts.items():  # untimed: fills each checkout's disk width cache
                _run(checkout, which, caches[name])
            for _ in range(args.repeat):
                for name, checkout in checkouts.items():
                    runs[name].append(_run(checkout, which, caches[name]))
            print(f"\nset {which} ({int(runs['this'][0]['pages'])} pages), {args.repeat} rounds, medians:")
            for name in checkouts:
                cells = ", ".join(
                    f"{stage} CPU {statistics.median(r[stage + '_cpu'] for r in runs[name]):.3f} s"
                    f" (wall {statistics.median(r[stage + '_wall'] for r in runs[name]):.3f} s)"
                    for stage in STAGES
                )
                print(f"  {name} ({checkouts[name]}): {cells}")
            if "that" in runs:
                for stage in STAGES:
                    ratios = [
                        a[stage + "_cpu"] / b[stage + "_cpu"] for a, b in zip(runs["this"], runs["that"], strict=True)
                    ]
                    print(f"  {stage} CPU this ÷ that, per round: median {statistics.median(ratios):.2f}x")
    print(f"\nload average at end: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
