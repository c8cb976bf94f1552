"""Time and size our .pptx export against naive python-pptx doing the same work.

Run from the repository root::

    uv run python benchmarks/bench_export.py [--sizes 100,1000] [--repeat 3] [--naive-max N]

For each deck size N the script builds a synthetic content library of N
bullet slides in memory (no YAML, no disk) and measures two variants:

``ours``
    The real pipeline on a depth-``full`` brief: compose, layout and
    ``pptx_bytes`` (python-pptx with ``use_fast_partnames`` and the
    normalised zip), each stage timed on its own.
``naive``
    A straightforward python-pptx script writing the same content the way a
    typical user would: per slide a title, a textbox of bullet runs with
    sizes and citation markers, and a notes slide; then ``save`` to a
    ``BytesIO``. Nothing is done about ``package.next_partname``, which walks
    every part of the package for each new notes slide.

Every measurement runs in its own child process, so each one starts from the
same state and its peak memory (the growth of ``ru_maxrss`` over the run,
after a small warm-up deck has loaded fonts, styles and templates) is its own.
Timings are the best of ``--repeat`` runs; memory is the largest peak seen.
The tests never check timings: tests/benchmarks/test_bench_smoke.py only
checks that both variants still produce the decks they should.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata

from sinoru_brief.brief.model import Brief
from sinoru_brief.content.models import Bullet, Library, Slide, Source, Topic

VARIANTS = ("ours", "naive")
DEFAULT_SIZES = (100, 1000)
DECK_DATE = dt.date(2025, 3, 1)
WARM_UP_SLIDES = 5

# Plain English words, so line breaking and text measurement behave as on real prose.
_WORDS = (
    "agreement alliance analysts annual bilateral border capacity ceremony coastal commitment "
    "cooperation coordination corridor currency defence delegation deliveries diplomatic drills "
    "economic energy exercise export financing foreign frontier gas industrial infrastructure "
    "joint leaders maritime military ministers naval neighbours observers official oil partnership "
    "patrol pipeline policy ports production projects regional relations reserves sanctions "
    "security settlement shipments statement strategic summit supply talks technology trade "
    "transit treaty visit volume western"
).split()


@dataclass
class Run:
    """One measured run of one variant at one deck size."""

    variant: str
    size: int
    stages: dict[str, float]  # stage name -> seconds; "total" is their sum
    slides: int  # slides in the written file
    notes: int  # slides with a notes slide
    file_bytes: int
    peak_rss_mib: float = 0.0  # growth of the child's peak RSS over the run

    @property
    def total(self) -> float:
        return self.stages["total"]


@dataclass
class Result:
    """Best timings and largest peak memory over the repeats of one variant and size."""

    variant: str
    size: int
    runs: list[Run] = field(default_factory=list)

    def best(self, stage: str = "total") -> float:
        return min(r.stages[stage] for r in self.runs)

    def peak_rss_mib(self) -> float:
        return max(r.peak_rss_mib for r in self.runs)


# --- synthetic content -------------------------------------------------------------------------


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_sources(count: int) -> dict[str, Source]:
    """Return *count* CSL sources with authors, outlets and dates, keyed by id."""
    sources = {}
    for i in range(1, count + 1):
        source_id = f"source-{i:03d}"
        csl = {"id": source_id, "type": "article-newspaper",
               "author": [{"family": f"Author{i}", "given": "Alex"}],
               "title": f"Synthetic report number {i} on regional cooperation",
               "container-title": f"Example Daily {i % 7}",
               "issued": {"date-parts": [[2020 + i % 5, 1 + i % 12, 1 + i % 28]]},
               "URL": f"https://example.org/report/{i}"}
        sources[source_id] = Source(id=source_id, csl=csl)
    return sources


def synthetic_library(slides: int, *, topics: int = 10, sources: int = 50, bullets: int = 4,
                      words: int = 20, seed: int = 0) -> Library:
    """Return a library of *slides* bullet slides spread over *topics* topics.

    Each slide has *bullets* bullets of *words* words, each citing one or two
    of *sources* sources, and a few sentences of speaker notes. The text is
    random but fixed by *seed*, so every run lays out the same deck.
    """
    rng = random.Random(seed)
    library_sources = synthetic_sources(sources)
    source_ids = list(library_sources)
    topic_count = max(1, min(topics, slides))
    topic_list = []
    for t in range(topic_count):
        # Spread the slides as evenly as possible: the first topics take the remainder.
        count = slides // topic_count + (1 if t < slides % topic_count else 0)
        topic_id = f"topic-{t + 1:02d}"
        topic_slides = tuple(
            Slide(id=f"{topic_id}-slide-{s + 1:04d}", kind="bullets", topic_id=topic_id,
                  title=_sentence(rng, 5)[:-1], priority=1 + s % 3, as_of=dt.date(2025, 1, 1 + t % 28),
                  notes=" ".join(_sentence(rng, 15) for _ in range(3)),
                  bullets=tuple(Bullet(text=_sentence(rng, words),
                                       cite=tuple(rng.sample(source_ids, 1 + b % 2)))
                                for b in range(bullets)))
            for s in range(count))
        topic_list.append(Topic(id=topic_id, title=f"Synthetic topic {t + 1}", summary=_sentence(rng, 12),
                                as_of=dt.date(2025, 1, 1 + t % 28), order=t, slides=topic_slides))
    return Library(sources=library_sources, topics=topic_list)


def synthetic_brief(library: Library) -> Brief:
    """Return a depth-``full`` brief over every topic of *library*, with a fixed date."""
    return Brief(title="Synthetic benchmark deck", subtitle="Export benchmark", author="bench",
                 date=DECK_DATE, topics=library.topic_ids(), depth="full")


# --- the two variants --------------------------------------------------------------------------


def build_ours(library: Library, clock: Callable[[], float] = time.perf_counter) -> tuple[bytes, dict[str, float]]:
    """Export *library* through our pipeline; return the .pptx bytes and seconds per stage."""
    from sinoru_brief.compose import compose
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time
    from sinoru_brief.theme import load_theme

    brief = synthetic_brief(library)
    theme = load_theme(brief.template)
    stages: dict[str, float] = {}
    start = clock()
    deck = compose(library, brief, theme.snippets)
    stages["compose"] = clock() - start
    start = clock()
    pages = layout_deck(deck, theme)
    stages["layout"] = clock() - start
    start = clock()
    data = pptx_bytes(pages, title=brief.title, author=brief.author, east_asian_font=theme.fonts.east_asian,
                      stamp=stamp_time(brief.deck_date()))
    stages["write"] = clock() - start
    stages["total"] = sum(stages.values())
    return data, stages


def build_naive(library: Library, clock: Callable[[], float] = time.perf_counter) -> tuple[bytes, dict[str, float]]:
    """Write the same slides with plain python-pptx, as a typical script would; return bytes and seconds."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    start = clock()
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts[5]  # "Title Only"
    numbers: dict[str, int] = {}  # citations numbered by first use, as ours does
    for topic in library.topics:
        for spec in topic.slides:
            slide = prs.slides.add_slide(layout)
            slide.shapes.title.text = spec.title
            body = slide.shapes.add_textbox(Inches(0.6), Inches(1.6), Inches(12.1), Inches(5.2)).text_frame
            body.word_wrap = True
            for i, bullet in enumerate(spec.bullets):
                paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
                paragraph.space_before = Pt(6)
                run = paragraph.add_run()
                run.text = "\u2022 " + bullet.text
                run.font.size = Pt(20)
                marker = paragraph.add_run()
                marker.text = " [" + ", ".join(str(numbers.setdefault(c, len(numbers) + 1))
                                               for c in bullet.cite) + "]"
                marker.font.size = Pt(12)
            slide.notes_slide.notes_text_frame.text = spec.notes
    buffer = io.BytesIO()
    prs.save(buffer)
    total = clock() - start
    return buffer.getvalue(), {"write": total, "total": total}


BUILDERS: dict[str, Callable[[Library], tuple[bytes, dict[str, float]]]] = {"ours": build_ours,
                                                                             "naive": build_naive}


def count_slides(data: bytes) -> tuple[int, int]:
    """Return how many slides the .pptx *data* holds and how many of them have notes."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    return len(prs.slides), sum(1 for s in prs.slides if s.has_notes_slide)


def measure(variant: str, size: int) -> Run:
    """Run *variant* once at *size* slides in this process, after a warm-up deck."""
    builder = BUILDERS[variant]
    # The warm-up loads fonts, the citation style, Jinja and python-pptx's
    # default template, so the measured run pays only for the deck itself.
    builder(synthetic_library(WARM_UP_SLIDES, seed=1))
    library = synthetic_library(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data, stages = builder(library)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    slides, notes = count_slides(data)
    return Run(variant=variant, size=size, stages=stages, slides=slides, notes=notes, file_bytes=len(data),
               peak_rss_mib=(after - before) / _maxrss_per_mib())


def _maxrss_per_mib() -> int:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return 1024 * 1024 if sys.platform == "darwin" else 1024


def measure_in_child(variant: str, size: int) -> Run:
    """Run :func:`measure` in a fresh Python process so runs cannot share memory or caches."""
    out = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", variant, str(size)],
                         check=True, capture_output=True, text=True)
    return Run(**json.loads(out.stdout.strip().splitlines()[-1]))


# --- the report --------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """Return the facts that make timings comparable: platform, CPUs, Python, python-pptx."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {"platform": platform.platform(), "cpu": cpu, "cpus": str(os.cpu_count()),
            "python": platform.python_version(), "python-pptx": metadata.version("python-pptx"),
            "sinoru-brief": metadata.version("sinoru-brief")}


def run_benchmark(sizes: Sequence[int], repeat: int, naive_max: int | None,
                  runner: Callable[[str, int], Run] = measure_in_child,
                  echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
                  ) -> dict[tuple[str, int], Result]:
    """Measure every variant at every size *repeat* times; skip naive above *naive_max* slides."""
    results: dict[tuple[str, int], Result] = {}
    for size in sizes:
        for variant in VARIANTS:
            if variant == "naive" and naive_max is not None and size > naive_max:
                continue
            result = results.setdefault((variant, size), Result(variant, size))
            for attempt in range(repeat):
                run = runner(variant, size)
                echo(f"  {variant:5} N={size:<5} run {attempt + 1}/{repeat}: {run.total:7.2f} s")
                result.runs.append(run)
    return results


def format_report(results: dict[tuple[str, int], Result], sizes: Sequence[int], repeat: int,
                  info: dict[str, str]) -> str:
    """Return the machine description, the results table and the growth ratios as text."""
    lines = ["Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
             f"Best of {repeat} run(s) per cell, each in a fresh process; peak = growth of max RSS over the run.",
             ""]
    header = (f"{'N':>6}  {'ours total s':>12}  {'compose':>8}  {'layout':>8}  {'write':>8}  {'ours MiB':>8}  "
              f"{'naive s':>8}  {'naive MiB':>9}  {'slides ours/naive':>17}")
    lines += [header, "-" * len(header)]
    for size in sizes:
        ours = results[("ours", size)]
        naive = results.get(("naive", size))
        naive_cells = (f"{naive.best():8.2f}  {naive.peak_rss_mib():9.1f}" if naive
                       else f"{'skipped':>8}  {'-':>9}")
        naive_slides = str(naive.runs[0].slides) if naive else "-"
        lines.append(f"{size:>6}  {ours.best():12.2f}  {ours.best('compose'):8.2f}  {ours.best('layout'):8.2f}  "
                     f"{ours.best('write'):8.2f}  {ours.peak_rss_mib():8.1f}  {naive_cells}  "
                     f"{str(ours.runs[0].slides) + '/' + naive_slides:>17}")
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        lines += ["", f"Growth from N={low} to N={high} ({high / low:g}x the slides):"]
        for label, variant, stage in (("ours total", "ours", "total"), ("ours write", "ours", "write"),
                                      ("naive", "naive", "total")):
            if (variant, low) in results and (variant, high) in results:
                ratio = results[(variant, high)].best(stage) / results[(variant, low)].best(stage)
                lines.append(f"  {label:<11} {ratio:6.1f}x")
            else:
                lines.append(f"  {label:<11} {'n/a':>6}  (not measured at both sizes)")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("expected positive slide counts separated by commas, e.g. 100,1000")
    return sizes


def main(argv: Sequence[str] | None = None,
         runner: Callable[[str, int], Run] = measure_in_child) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="deck sizes in content slides, comma-separated (default 100,1000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant and size; the best counts")
    parser.add_argument("--naive-max", type=int, default=None,
                        help="skip the naive variant above this many slides")
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(asdict(measure(args.child[0], int(args.child[1])))))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    info = machine()
    results = run_benchmark(args.sizes, args.repeat, args.naive_max, runner=runner)
    print(format_report(results, args.sizes, args.repeat, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
