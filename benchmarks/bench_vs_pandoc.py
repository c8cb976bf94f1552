"""Time our export against pandoc and a naive python-pptx script writing the same text, each as a command.

Run from the repository root::

    uv run python benchmarks/bench_vs_pandoc.py [--sets library,100,1000] [--repeat 5]

Three content sets: the full built-in library at depth ``full`` ("library"),
and the synthetic decks of ``bench_export.py`` with 100 and 1,000 bullet
slides. For each set the script composes our deck once (untimed) and turns
its text (every title, bullet and sub-bullet with its citation numbers, quote,
table, timeline, comparison, chart data as a table, section and reference
slides, and the speaker notes) into:

- a Markdown file for ``pandoc -o out.pptx in.md`` (``--slide-level=2``,
  notes in ``::: notes`` blocks, comparisons in ``:::: columns``);
- a JSON file for a naive python-pptx script: per slide a "Title Only"
  slide, one textbox with a paragraph per line, and the notes.

Then each tool runs as a fresh process, the way a user runs it, measured
with ``os.wait4`` by a small launcher (``bench_memory.run_child``): wall-clock
seconds from start to exit (interpreter or runtime start included), CPU
seconds (user + system) and peak resident memory (``ru_maxrss``) of that
process alone. The tools alternate: each round runs every tool once, so a
busy moment on a shared machine slows one round of every tool rather than all
runs of one; the report gives medians, and the ratio ours ÷ other taken per
round (the two runs moments apart) and then its median. Ours runs twice per
round: as a first export (an empty reference cache: the synthetic sets'
references are all formatted, the built-in library's come from the entries
the program ships, as on a new machine) and again (the cache a previous
export filled), each pointed at a
temporary cache folder with ``SINORU_BRIEF_CACHE_DIR`` so the user's own
cache is never touched. Ours is
``python -m sinoru_brief.cli export`` reading the YAML content (the synthetic
sets are written to a temporary content folder first), so it also pays for
loading and checking the library, laying every slide out with real font
metrics, and citation formatting, which neither other tool does.

pandoc is optional: if it is not on PATH its rows say so (Debian:
``apt-get install pandoc``). The tests never run it: timings depend on the
machine, and nothing here is needed for correctness.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_export  # noqa: E402  (the synthetic library and the machine description)

from sinoru_brief.brief import Brief  # noqa: E402
from sinoru_brief.compose import Deck, compose  # noqa: E402
from sinoru_brief.content import Library, load_library  # noqa: E402
from sinoru_brief.content.models import Bullet  # noqa: E402
from sinoru_brief.theme import load_theme  # noqa: E402

DECK_DATE = bench_export.DECK_DATE
REFERENCES_PER_SLIDE = 10  # about what fits; ours paginates by measured height


# --------------------------------------------------------------------------- the text of a deck


@dataclass
class TextSlide:
    """The words of one slide, with just enough structure for Markdown: what every tool gets to write."""

    title: str
    level: int = 2  # 1: a section header slide
    bullets: list[tuple[int, str]] = field(default_factory=list)  # (indent level, text)
    quote: tuple[str, str] | None = None  # (quotation, attribution)
    table: tuple[list[str], list[list[str]]] | None = None  # (header, rows)
    columns: list[tuple[str, list[tuple[int, str]]]] = field(default_factory=list)
    notes: str = ""

    def lines(self) -> list[tuple[int, str]]:
        """Return every line of body text, for the naive script's single textbox."""
        out = list(self.bullets)
        if self.quote:
            out += [(0, f"\u201c{self.quote[0]}\u201d"), (0, f"\u2014 {self.quote[1]}")]
        if self.table:
            out += [(0, "\t".join(row)) for row in [self.table[0], *self.table[1]]]
        for heading, bullets in self.columns:
            out += [(0, heading), *[(level + 1, text) for level, text in bullets]]
        return out


def _marked(text: str, numbers: list[int]) -> str:
    return f"{text} [{', '.join(map(str, numbers))}]" if numbers else text


def _bullet_lines(deck: Deck, bullets: tuple[Bullet, ...], level: int = 0) -> list[tuple[int, str]]:
    lines = []
    for bullet in bullets:
        lines.append((level, _marked(bullet.text, deck.markers(bullet.cite))))
        lines += _bullet_lines(deck, bullet.sub, level + 1)
    return lines


def text_slides(deck: Deck) -> list[TextSlide]:
    """Return the text of every slide of *deck*, in order, the references split over slides."""
    out: list[TextSlide] = []
    for spec in deck.slides:
        slide = spec.slide
        if spec.kind == "title":
            out.append(TextSlide(spec.title, bullets=[(0, t) for t in (spec.subtitle, *spec.items) if t]))
        elif spec.kind in ("agenda", "closing"):
            out.append(TextSlide(spec.title, bullets=[(0, t) for t in spec.items if t], notes=spec.notes))
        elif spec.kind == "section":
            out.append(TextSlide(spec.title, level=1, bullets=[(0, t) for t in spec.items if t], notes=spec.notes))
        elif spec.kind == "references":
            refs = [f"[{r.number}] {r.text}" for r in deck.references]
            for start in range(0, len(refs), REFERENCES_PER_SLIDE):
                out.append(TextSlide(spec.title, bullets=[(0, r) for r in refs[start : start + REFERENCES_PER_SLIDE]]))
        elif slide is None:
            continue
        elif slide.kind in ("bullets", "key_judgments"):
            out.append(TextSlide(slide.title, bullets=_bullet_lines(deck, slide.bullets), notes=spec.notes))
        elif slide.kind == "quote":
            out.append(
                TextSlide(
                    slide.title,
                    quote=(
                        _marked(slide.quote, deck.markers(slide.cite)),
                        ", ".join(t for t in (slide.attribution, slide.context) if t),
                    ),
                    notes=spec.notes,
                )
            )
        elif slide.kind == "table":
            rows = [[*row.cells[:-1], _marked(row.cells[-1], deck.markers(row.cite))] for row in slide.rows]
            out.append(TextSlide(slide.title, table=(list(slide.columns), rows), notes=spec.notes))
        elif slide.kind == "chart":
            chart = slide.chart
            header = ["", *(s.name for s in chart.series)]
            rows = [[c, *(f"{s.values[i]:g}" for s in chart.series)] for i, c in enumerate(chart.categories)]
            out.append(
                TextSlide(_marked(slide.title, deck.markers(slide.cite)), table=(header, rows), notes=spec.notes)
            )
        elif slide.kind == "timeline":
            out.append(
                TextSlide(
                    slide.title,
                    bullets=[(0, _marked(f"{e.date.label()}: {e.label}", deck.markers(e.cite))) for e in slide.events],
                    notes=spec.notes,
                )
            )
        elif slide.kind == "comparison":
            out.append(
                TextSlide(
                    slide.title,
                    columns=[(side.heading, _bullet_lines(deck, side.bullets)) for side in slide.sides],
                    notes=spec.notes,
                )
            )
        else:
            raise ValueError(f"no text rendering for slide kind {slide.kind!r}")
    return out


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|^~$\"'@:&=%])")


def _md(text: str) -> str:
    """Escape *text* so pandoc reads it as plain words (pandoc lets any ASCII punctuation be escaped)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_bullets(lines: list[tuple[int, str]]) -> list[str]:
    return [f"{'    ' * level}- {_md(text)}" for level, text in lines]


def to_markdown(deck: Deck, slides: list[TextSlide]) -> str:
    """Return the deck as pandoc Markdown: a title block, then one ``##`` slide (or ``#`` section) each."""
    brief = deck.brief
    out = [f"% {_md(brief.title)}", f"% {_md(brief.author)}", f"% {_md(str(brief.deck_date()))}", ""]
    for slide in slides[1:]:  # the title slide is the title block
        out += [f"{'#' * slide.level} {_md(slide.title)}", ""]
        if slide.level == 2:  # pandoc's section header slides hold only the title; the summary is in the notes
            out += _md_bullets(slide.bullets)
        if slide.quote:
            out += [f"> {_md(slide.quote[0])}", ">", f"> \u2014 {_md(slide.quote[1])}"]
        if slide.table:
            header, rows = slide.table
            out += ["| " + " | ".join(_md(c) or " " for c in header) + " |", "|" + "---|" * len(header)]
            out += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
        if slide.columns:
            out.append(":::: columns")
            for heading, bullets in slide.columns:
                out += ["::: column", _md(heading), "", *_md_bullets(bullets), ":::"]
            out.append("::::")
        if slide.notes:
            out += ["", "::: notes", _md(slide.notes), ":::"]
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- content sets


def library_to_yaml(library: Library, folder: Path) -> Path:
    """Write *library* as a content folder (sources.yaml, topics/*.yaml) that the CLI can load."""
    (folder / "topics").mkdir(parents=True)
    sources = [dict(source.csl) for source in library.sources.values()]
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for topic in library.topics:
        slides = [
            {
                "id": s.id,
                "kind": s.kind,
                "title": s.title,
                "priority": s.priority,
                "notes": s.notes,
                **({"as_of": s.as_of.isoformat()} if s.as_of else {}),
                "bullets": [{"text": b.text, "cite": list(b.cite)} for b in s.bullets],
            }
            for s in topic.slides
        ]
        data = {
            "id": topic.id,
            "title": topic.title,
            "summary": topic.summary,
            "as_of": topic.as_of.isoformat(),
            "order": topic.order,
            "slides": slides,
        }
        (folder / "topics" / f"{topic.id}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder


@dataclass
class ContentSet:
    """One deck's content, prepared for all three tools."""

    name: str
    deck: Deck
    brief: Brief
    content_dir: Path | None  # None: the built-in library
    markdown: Path
    slides_json: Path


def prepare(name: str, work: Path) -> ContentSet:
    """Compose the deck for content set *name* and write its Markdown, JSON and (synthetic) YAML."""
    if name == "library":
        library, content_dir = load_library(), None
        brief = Brief(
            title="The Sino-Russian Partnership",
            subtitle="Cooperation without coordination",
            author="bench",
            date=DECK_DATE,
            topics=library.topic_ids(),
            depth="full",
        )
    else:
        library = bench_export.synthetic_library(int(name))
        brief = bench_export.synthetic_brief(library)
        content_dir = library_to_yaml(library, work / f"content-{name}")
    deck = compose(library, brief, load_theme(brief.template).snippets)
    slides = text_slides(deck)
    markdown = work / f"{name}.md"
    markdown.write_text(to_markdown(deck, slides), encoding="utf-8")
    slides_json = work / f"{name}.json"
    slides_json.write_text(
        json.dumps([{"title": s.title, "lines": s.lines(), "notes": s.notes} for s in slides], ensure_ascii=False),
        encoding="utf-8",
    )
    return ContentSet(name, deck, brief, content_dir, markdown, slides_json)


# --------------------------------------------------------------------------- the three commands


def ours_command(content: ContentSet, out: Path) -> list[str]:
    brief = content.brief
    command = [
        sys.executable,
        "-m",
        "sinoru_brief.cli",
        "export",
        "--topics",
        # --content adds a library to the built-in one: name the synthetic topics, or the deck gets both.
        ",".join(brief.topics) if content.content_dir else "all",
        "--depth",
        brief.depth,
        "--title",
        brief.title,
        "--subtitle",
        brief.subtitle,
        "--author",
        brief.author,
        "--date",
        brief.deck_date().isoformat(),
        "-o",
        str(out),
    ]
    if content.content_dir:
        command += ["--content", str(content.content_dir)]
    return command


def naive_command(content: ContentSet, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--naive-child", str(content.slides_json), str(out)]


def pandoc_command(content: ContentSet, out: Path) -> list[str]:
    return ["pandoc", "-f", "markdown", "-t", "pptx", "--slide-level=2", "-o", str(out), str(content.markdown)]


COMMANDS = {"ours": ours_command, "naive python-pptx": naive_command, "pandoc": pandoc_command}


def naive_child(slides_json: Path, out: Path) -> None:
    """Write the slides in *slides_json* with plain python-pptx, as a typical script would."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    slides = json.loads(slides_json.read_text(encoding="utf-8"))
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    layout = prs.slide_layouts[5]  # "Title Only"
    for spec in slides:
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = spec["title"]
        body = slide.shapes.add_textbox(Inches(0.6), Inches(1.6), Inches(12.1), Inches(5.2)).text_frame
        body.word_wrap = True
        for i, (level, text) in enumerate(spec["lines"]):
            paragraph = body.paragraphs[0] if i == 0 else body.add_paragraph()
            paragraph.level = min(level, 8)
            run = paragraph.add_run()
            run.text = "\u2022 " + text
            run.font.size = Pt(20 - 2 * level)
        if spec["notes"]:
            slide.notes_slide.notes_text_frame.text = spec["notes"]
    prs.save(str(out))


@dataclass
class Measurement:
    wall: float
    cpu: float
    peak_mib: float
    slides: int
    file_kib: float


def run_measured(command: list[str], out: Path, env: dict[str, str] | None = None) -> Measurement:
    """Run *command* as a fresh process; return its wall, CPU and peak memory, and what it wrote."""
    from bench_memory import run_child  # started through a small launcher: see bench_memory.LAUNCHER

    out.unlink(missing_ok=True)
    peak = run_child(command, env=env)
    if not out.is_file():
        raise RuntimeError(f"{command[0]} exited without writing {out}")
    from pptx import Presentation

    slides = len(Presentation(str(out)).slides)
    return Measurement(
        wall=peak.wall, cpu=peak.cpu, peak_mib=peak.peak_mib, slides=slides, file_kib=out.stat().st_size / 1024
    )


@dataclass(frozen=True)
class Tool:
    """One command the benchmark times: its label, how to build its command line, and its cache."""

    label: str
    command_for: Callable[[ContentSet, Path], list[str]]
    #: "cold": a new, empty reference cache for every run (a first export);
    #: "warm": one cache for all runs, filled by an untimed run first (every later export);
    #: "": the tool has no cache.
    cache: str = ""


TOOLS = (
    Tool("ours, first export", ours_command, cache="cold"),
    Tool("ours, again", ours_command, cache="warm"),
    Tool("naive python-pptx", naive_command),
    Tool("pandoc", pandoc_command),
)


def median(values: list[float]) -> float:
    """Return the median of *values* (the mean of the middle two for an even count)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass
class Series:
    """Every run of one tool on one content set, in the order they ran."""

    tool: Tool
    runs: list[Measurement] = field(default_factory=list)

    def median(self, attribute: str = "wall") -> float:
        return median([getattr(m, attribute) for m in self.runs])


def paired_ratio(ours: Series, other: Series) -> float:
    """Return the median over rounds of ours ÷ other, each round's two runs taken moments apart.

    Pairing cancels most of the machine's drifting load: a busy moment slows
    both runs of a round, and their ratio hardly moves.
    """
    return median([a.wall / b.wall for a, b in zip(ours.runs, other.runs, strict=False)])


def pandoc_version() -> str | None:
    if not shutil.which("pandoc"):
        return None
    out = subprocess.run(["pandoc", "--version"], capture_output=True, text=True, check=False).stdout
    return out.splitlines()[0] if out else "pandoc (unknown version)"


def measure_set(content: ContentSet, tools: list[Tool], repeat: int, folder: Path) -> dict[str, Series]:
    """Run every tool *repeat* times on *content*, alternating: round 1 runs each tool once, then round 2 ..."""
    series = {tool.label: Series(tool) for tool in tools}
    warm_cache = Path(tempfile.mkdtemp(prefix="cache-warm-", dir=folder))
    outputs = {tool.label: folder / f"{content.name}-{tool.label.split()[0].strip(',')}.pptx" for tool in tools}
    # One untimed run of each tool first: it fills the reference cache the "again" runs use, and
    # the interpreter's bytecode caches and the system's file cache, as any earlier use would.
    for tool in tools:
        env = (
            {"SINORU_BRIEF_CACHE_DIR": str(warm_cache)}
            if tool.cache == "warm"
            else (
                {"SINORU_BRIEF_CACHE_DIR": tempfile.mkdtemp(prefix="cache-cold-", dir=folder)} if tool.cache else None
            )
        )
        run_measured(tool.command_for(content, outputs[tool.label]), outputs[tool.label], env)
    for attempt in range(repeat):
        for tool in tools:
            env = None
            if tool.cache == "cold":
                env = {"SINORU_BRIEF_CACHE_DIR": tempfile.mkdtemp(prefix="cache-cold-", dir=folder)}
            elif tool.cache == "warm":
                env = {"SINORU_BRIEF_CACHE_DIR": str(warm_cache)}
            out = outputs[tool.label]
            series[tool.label].runs.append(run_measured(tool.command_for(content, out), out, env))
            print(
                f"  {content.name} round {attempt + 1}/{repeat} {tool.label}: {series[tool.label].runs[-1].wall:.2f} s",
                file=sys.stderr,
                flush=True,
            )
    return series


def format_rows(name: str, series: dict[str, Series]) -> list[str]:
    """Return one report row per tool: medians, and ours ÷ this per paired round."""
    ours = [s for s in series.values() if s.tool.command_for is ours_command]
    rows = []
    for s in series.values():
        last = s.runs[-1]
        ratios = "" if s.tool.command_for is ours_command else "  ".join(f"{paired_ratio(o, s):6.2f}x" for o in ours)
        rows.append(
            f"{name:<8} {s.tool.label:<20} {last.slides:>6} {s.median():7.2f} "
            f"{min(m.wall for m in s.runs):7.2f} {s.median('cpu'):7.2f} "
            f"{max(m.peak_mib for m in s.runs):8.1f} {last.file_kib:7.0f}  {ratios}"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sets",
        default="library,100,1000",
        help="content sets, comma-separated: 'library' and/or synthetic slide counts",
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds per set; each round runs every tool once")
    parser.add_argument("--keep", type=Path, help="keep the inputs and decks in this folder")
    parser.add_argument("--naive-child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.naive_child:
        naive_child(*args.naive_child)
        return 0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    for name in names:
        if name != "library" and not (name.isdigit() and int(name) > 0):
            parser.error(f"--sets: '{name}' is neither 'library' nor a slide count")

    # A user's Python keeps compiled bytecode (__pycache__) between runs; an environment that
    # forbids it (PYTHONDONTWRITEBYTECODE) would make every Python command recompile its modules
    # on each run, about 0.8 s for ours, which no user pays after the first run.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    # prepare() composes in this process: keep its references out of the user's cache too.
    os.environ["SINORU_BRIEF_CACHE_DIR"] = tempfile.mkdtemp(prefix="sinoru-bench-cache-")
    pandoc = pandoc_version()
    tools = [tool for tool in TOOLS if tool.label != "pandoc" or pandoc]
    info = bench_export.machine()
    info["pandoc"] = pandoc.removeprefix("pandoc ") if pandoc else "not installed (its rows are skipped)"
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    print(
        f"Each tool runs {args.repeat} times per set as a fresh process, the tools alternating round by round. "
        "wall = median (and best) seconds; CPU = median user + system of that process; peak = its largest "
        "ru_maxrss; ours/this = median over rounds of the ratio of the two runs of a round "
        "(first export; again)."
    )
    print()
    header = (
        f"{'set':<8} {'tool':<20} {'slides':>6} {'wall s':>7} {'best s':>7} {'CPU s':>7} {'peak MiB':>8} "
        f"{'KiB':>7}  ours/this (first; again)"
    )
    print(header)
    print("-" * len(header))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sinoru-bench-pandoc-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for name in names:
            content = prepare(name, folder)
            for row in format_rows(name, measure_set(content, tools, args.repeat, folder)):
                print(row, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print()
    print(f"load average at end {bench_export._load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
