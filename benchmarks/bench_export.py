"""Time and size our .pptx export against naive python-pptx doing the same work.

Run from the repository root::

    uv run python benchmarks/bench_export.py [--sizes 100,1000] [--repeat 3] [--naive-max N]

For each deck size N the script builds a synthetic content library of N
bullet slides in memory (no YAML, no disk) and measures three variants:

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
``naive+fix``
    The same naive script plus one call to ``use_fast_partnames``: the
    difference from ``naive`` is what the partname counter alone buys.

Every measurement runs in its own child process, so each one starts from the
same state and its peak memory (the growth of ``ru_maxrss`` over the run,
after a small warm-up deck has loaded fonts, styles and templates) is its own.
Timings, in wall-clock and CPU seconds, are the best of ``--repeat`` runs;
memory is the largest peak seen. The tests never check timings:
tests/benchmarks/test_bench_smoke.py only checks that the variants still
produce the decks they should.
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
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata

from sinoru_brief.brief.model import Brief
from sinoru_brief.content.models import Bullet, Library, Slide, Source, Topic

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
    stages: dict[str, float]  # stage name -> wall seconds; "total" is their sum
    cpu: dict[str, float]  # stage name -> CPU seconds of this process
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

    def best(self, stage: str = "total", cpu: bool = False) -> float:
        """Return the fewest seconds *stage* took in any run, wall-clock or CPU."""
        return min((r.cpu if cpu else r.stages)[stage] for r in self.runs)

    def peak_rss_mib(self) -> float:
        return max(r.peak_rss_mib for r in self.runs)


# --- synthetic content -------------------------------------------------------------------------


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic_sources(count: int, prefix: str = "source") -> dict[str, Source]:
    """Return *count* CSL sources with authors, outlets and dates, keyed by ids that start with *prefix*."""
    sources = {}
    for i in range(1, count + 1):
        source_id = f"{prefix}-{i:03d}"
        csl = {
            "id": source_id,
            "type": "article-newspaper",
            "author": [{"family": f"Author{i}", "given": "Alex"}],
            "title": f"Synthetic report number {i} on regional cooperation",
            "container-title": f"Example Daily {i % 7}",
            "issued": {"date-parts": [[2020 + i % 5, 1 + i % 12, 1 + i % 28]]},
            "URL": f"https://example.org/report/{i}",
        }
        sources[source_id] = Source(id=source_id, csl=csl)
    return sources


def synthetic_library(
    slides: int,
    *,
    topics: int = 10,
    sources: int = 50,
    bullets: int = 4,
    words: int = 20,
    seed: int = 0,
    source_prefix: str = "source",
) -> Library:
    """Return a library of *slides* bullet slides spread over *topics* topics.

    Each slide has *bullets* bullets of *words* words, each citing one or two
    of *sources* sources, and a few sentences of speaker notes. The text is
    random but fixed by *seed*, so every run lays out the same deck.
    """
    rng = random.Random(seed)
    library_sources = synthetic_sources(sources, source_prefix)
    source_ids = list(library_sources)
    topic_count = max(1, min(topics, slides))
    topic_list = []
    for t in range(topic_count):
        # Spread the slides as evenly as possible: the first topics take the remainder.
        count = slides // topic_count + (1 if t < slides % topic_count else 0)
        topic_id = f"topic-{t + 1:02d}"
        topic_slides = tuple(
            Slide(
                id=f"{topic_id}-slide-{s + 1:04d}",
                kind="bullets",
                topic_id=topic_id,
                title=_sentence(rng, 5)[:-1],
                priority=1 + s % 3,
                as_of=dt.date(2025, 1, 1 + t % 28),
                notes=" ".join(_sentence(rng, 15) for _ in range(3)),
                bullets=tuple(
                    Bullet(text=_sentence(rng, words), cite=tuple(rng.sample(source_ids, 1 + b % 2)))
                    for b in range(bullets)
                ),
            )
            for s in range(count)
        )
        topic_list.append(
            Topic(
                id=topic_id,
                title=f"Synthetic topic {t + 1}",
                summary=_sentence(rng, 12),
                as_of=dt.date(2025, 1, 1 + t % 28),
                order=t,
                slides=topic_slides,
            )
        )
    return Library(sources=library_sources, topics=topic_list)


def synthetic_brief(library: Library) -> Brief:
    """Return a depth-``full`` brief over every topic of *library*, with a fixed date."""
    return Brief(
        title="Synthetic benchmark deck",
        subtitle="Export benchmark",
        author="bench",
        date=DECK_DATE,
        topics=library.topic_ids(),
        depth="full",
    )


# --- the variants ------------------------------------------------------------------------------


class Stopwatch:
    """Time named stages in wall-clock and CPU seconds.

    CPU seconds (``time.process_time``) hardly change when other work shares
    the machine; wall seconds are what a user waits. The report gives both.
    """

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[name] = time.perf_counter() - wall
        self.cpu[name] = time.process_time() - cpu

    def finish(self) -> None:
        """Add a ``total`` stage: the sum of the others."""
        self.wall["total"] = sum(self.wall.values())
        self.cpu["total"] = sum(self.cpu.values())


def build_ours(library: Library, watch: Stopwatch | None = None) -> bytes:
    """Export *library* through our pipeline, timing compose, layout and write; return the .pptx."""
    from sinoru_brief.compose import compose
    from sinoru_brief.layout import layout_deck
    from sinoru_brief.render.pptx.writer import pptx_bytes, stamp_time
    from sinoru_brief.theme import load_theme

    watch = watch or Stopwatch()
    brief = synthetic_brief(library)
    theme = load_theme(brief.template)
    with watch.stage("compose"):
        deck = compose(library, brief, theme.snippets)
    with watch.stage("layout"):
        pages = layout_deck(deck, theme)
    with watch.stage("write"):
        # The same call and options as sinoru_brief.pipeline.render_pptx.
        data = pptx_bytes(
            pages,
            title=brief.title,
            author=brief.author,
            east_asian_font=theme.fonts.east_asian,
            stamp=stamp_time(brief.deck_date()),
        )
    watch.finish()
    return data


def build_naive(library: Library, watch: Stopwatch | None = None, *, fast_partnames: bool = False) -> bytes:
    """Write the same slides with plain python-pptx, as a typical script would; return the .pptx.

    With *fast_partnames* the script is the same plus one call to our
    ``use_fast_partnames``, which isolates what the partname counter buys.
    """
    from pptx import Presentation
    from pptx.util import Inches, Pt

    watch = watch or Stopwatch()
    with watch.stage("write"):
        prs = Presentation()
        if fast_partnames:
            from sinoru_brief.render.pptx.package import use_fast_partnames

            use_fast_partnames(prs)
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
                    marker.text = (
                        " [" + ", ".join(str(numbers.setdefault(c, len(numbers) + 1)) for c in bullet.cite) + "]"
                    )
                    marker.font.size = Pt(12)
                slide.notes_slide.notes_text_frame.text = spec.notes
        buffer = io.BytesIO()
        prs.save(buffer)
    watch.finish()
    return buffer.getvalue()


def build_naive_fixed(library: Library, watch: Stopwatch | None = None) -> bytes:
    """Run the naive script with the partname counter switched on and nothing else changed."""
    return build_naive(library, watch, fast_partnames=True)


Builder = Callable[[Library, Stopwatch | None], bytes]

#: Variant name -> the function that builds its deck, in the order they run and print.
BUILDERS: dict[str, Builder] = {"ours": build_ours, "naive": build_naive, "naive+fix": build_naive_fixed}


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
    # Its sources are other ones: formatted references are cached per source,
    # and the measured run should format its own, as a first export does.
    builder(synthetic_library(WARM_UP_SLIDES, seed=1, source_prefix="warm-up"), None)
    library = synthetic_library(size)
    watch = Stopwatch()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = builder(library, watch)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    slides, notes = count_slides(data)
    return Run(
        variant=variant,
        size=size,
        stages=watch.wall,
        cpu=watch.cpu,
        slides=slides,
        notes=notes,
        file_bytes=len(data),
        peak_rss_mib=(after - before) / _maxrss_per_mib(),
    )


def _maxrss_per_mib() -> int:
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return 1024 * 1024 if sys.platform == "darwin" else 1024


def measure_in_child(variant: str, size: int) -> Run:
    """Run :func:`measure` in a fresh Python process so runs cannot share memory or caches."""
    # A new, empty reference cache for every run: each measures a first export, and the
    # user's own cache folder is never touched.
    with tempfile.TemporaryDirectory(prefix="sinoru-bench-cache-") as cache:
        out = subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--child", variant, str(size)],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "SINORU_BRIEF_CACHE_DIR": cache},
        )
    if out.returncode != 0:
        raise RuntimeError(f"measuring {variant} at N={size} failed (exit {out.returncode}):\n{out.stderr}")
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
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "python-pptx": metadata.version("python-pptx"),
        "sinoru-brief": metadata.version("sinoru-brief"),
        "load average at start": _load_average(),
    }


def _load_average() -> str:
    """Return the 1-minute load average: above the CPU count, other work competed for the CPUs."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:  # not available on this platform
        return "unknown"


def run_benchmark(
    sizes: Sequence[int],
    repeat: int,
    naive_max: int | None,
    runner: Callable[[str, int], Run] = measure_in_child,
    echo: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> dict[tuple[str, int], Result]:
    """Measure every variant at every size *repeat* times; skip plain naive above *naive_max* slides."""
    results: dict[tuple[str, int], Result] = {}
    for size in sizes:
        for variant in BUILDERS:
            if variant == "naive" and naive_max is not None and size > naive_max:
                echo(f"  {variant:9} N={size:<5} skipped (--naive-max {naive_max})")
                continue
            result = results.setdefault((variant, size), Result(variant, size))
            for attempt in range(repeat):
                run = runner(variant, size)
                echo(f"  {variant:9} N={size:<5} run {attempt + 1}/{repeat}: {run.total:7.2f} s")
                result.runs.append(run)
    return results


#: Rows of the growth section: label, variant, stage.
GROWTH_ROWS = (
    ("ours total", "ours", "total"),
    ("ours write", "ours", "write"),
    ("naive", "naive", "total"),
    ("naive+fix", "naive+fix", "total"),
)


def format_report(
    results: dict[tuple[str, int], Result], sizes: Sequence[int], repeat: int, info: dict[str, str]
) -> str:
    """Return the machine description, the results tables and the growth ratios as text."""
    lines = [
        "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()),
        (
            f"Seconds: best of {repeat} run(s), each in a fresh process. "
            "MiB: growth of peak RSS over the run (largest seen)."
        ),
        "",
    ]

    def cell(variant: str, size: int, width: int, stage: str = "total", cpu: bool = False) -> str:
        result = results.get((variant, size))
        return f"{result.best(stage, cpu):{width}.2f}" if result else f"{'skipped':>{width}}"

    def mib(variant: str, size: int) -> str:
        result = results.get((variant, size))
        return f"{result.peak_rss_mib():6.1f}" if result else f"{'-':>6}"

    header = (
        f"{'N':>6}  {'ours s':>7}  {'compose':>7}  {'layout':>7}  {'write':>7}  {'MiB':>6}  "
        f"{'naive s':>7}  {'MiB':>6}  {'naive+fix s':>11}  {'MiB':>6}  {'slides ours/naive':>17}"
    )
    lines += ["Wall-clock seconds", header, "-" * len(header)]
    for size in sizes:
        naive = results.get(("naive", size)) or results.get(("naive+fix", size))
        slides = f"{results[('ours', size)].runs[0].slides}/{naive.runs[0].slides if naive else '-'}"
        lines.append(
            f"{size:>6}  {cell('ours', size, 7)}  {cell('ours', size, 7, 'compose')}  "
            f"{cell('ours', size, 7, 'layout')}  {cell('ours', size, 7, 'write')}  {mib('ours', size)}  "
            f"{cell('naive', size, 7)}  {mib('naive', size)}  {cell('naive+fix', size, 11)}  "
            f"{mib('naive+fix', size)}  {slides:>17}"
        )
    header = (
        f"{'N':>6}  {'ours s':>7}  {'compose':>7}  {'layout':>7}  {'write':>7}  {'naive s':>7}  {'naive+fix s':>11}"
    )
    lines += ["", "CPU seconds (same runs)", header, "-" * len(header)]
    for size in sizes:
        lines.append(
            f"{size:>6}  {cell('ours', size, 7, cpu=True)}  {cell('ours', size, 7, 'compose', True)}  "
            f"{cell('ours', size, 7, 'layout', True)}  {cell('ours', size, 7, 'write', True)}  "
            f"{cell('naive', size, 7, cpu=True)}  {cell('naive+fix', size, 11, cpu=True)}"
        )
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        lines += [
            "",
            f"Growth from N={low} to N={high} ({high / low:g}x the slides):",
            f"  {'':<11} {'wall':>6}  {'CPU':>6}",
        ]
        for label, variant, stage in GROWTH_ROWS:
            if (variant, low) in results and (variant, high) in results:
                wall, cpu = (
                    results[(variant, high)].best(stage, c) / results[(variant, low)].best(stage, c)
                    for c in (False, True)
                )
                lines.append(f"  {label:<11} {wall:5.1f}x  {cpu:5.1f}x")
            else:
                lines.append(f"  {label:<11} {'n/a':>6}  {'n/a':>6}  (not measured at both sizes)")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        sizes = []
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(
            f"expected positive slide counts separated by commas, e.g. 100,1000; got '{text}'"
        )
    return sizes


def main(argv: Sequence[str] | None = None, runner: Callable[[str, int], Run] = measure_in_child) -> int:
    """Run the benchmark the command line asks for and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="deck sizes in content slides, comma-separated (default 100,1000)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per variant and size; the best counts")
    parser.add_argument(
        "--naive-max",
        type=int,
        default=None,
        help="skip the plain naive variant above this many slides (it grows quadratically)",
    )
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(asdict(measure(args.child[0], int(args.child[1])))))
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    info = machine()
    results = run_benchmark(args.sizes, args.repeat, args.naive_max, runner=runner)
    info["load average at end"] = _load_average()
    print(format_report(results, args.sizes, args.repeat, info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
