"""Smoke test for benchmarks/bench_export.py: it still runs and both variants still write real decks.

Timings are never asserted here; the benchmark itself reports them.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from importlib import metadata
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

BENCH_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_export.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_export", BENCH_FILE)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_export"] = module  # dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["bench_export"]


@pytest.fixture(scope="module")
def library(bench):
    return bench.synthetic_library(5)


def content_slides(library):
    return [s for t in library.topics for s in t.slides]


def test_synthetic_library_spreads_slides_over_topics_with_cited_bullets(bench):
    library = bench.synthetic_library(25, topics=10, sources=50)

    assert [len(t.slides) for t in library.topics] == [3, 3, 3, 3, 3, 2, 2, 2, 2, 2]
    assert sorted(library.sources) == [f"source-{i:03d}" for i in range(1, 51)]
    assert "warm-up-007" in bench.synthetic_library(1, source_prefix="warm-up").sources
    for slide in content_slides(library):
        assert [len(b.text.split()) for b in slide.bullets] == [20, 20, 20, 20]
        assert all(b.cite and set(b.cite) <= set(library.sources) for b in slide.bullets)
        assert slide.notes
    # Fixed by the seed: two builds give the same text.
    assert bench.synthetic_library(25) == bench.synthetic_library(25)


def test_ours_writes_every_content_slide_with_its_notes(bench, library):
    watch = bench.Stopwatch()
    prs = Presentation(io.BytesIO(bench.build_ours(library, watch)))

    by_name = {s.name: s for s in prs.slides}
    specs = content_slides(library)
    # Our writer names each slide after its library slide id (sections, title,
    # agenda, references and closing come around them).
    assert [s.name for s in prs.slides if s.name in {spec.id for spec in specs}] == [spec.id for spec in specs]
    for spec in specs:
        slide = by_name[spec.id]
        assert slide.has_notes_slide
        assert spec.notes in slide.notes_slide.notes_text_frame.text
        texts = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        assert spec.title in texts
    assert set(watch.wall) == set(watch.cpu) == {"compose", "layout", "write", "total"}
    assert watch.wall["total"] == pytest.approx(sum(v for k, v in watch.wall.items() if k != "total"))


@pytest.mark.parametrize("variant", ["naive", "naive+fix"])
def test_naive_variants_write_one_slide_with_notes_per_content_slide(bench, library, variant):
    prs = Presentation(io.BytesIO(bench.BUILDERS[variant](library, None)))

    specs = content_slides(library)
    assert len(prs.slides) == len(specs)
    for slide, spec in zip(prs.slides, specs, strict=True):
        assert slide.shapes.title.text == spec.title
        body = next(shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX).text_frame
        assert [p.runs[0].text for p in body.paragraphs] == ["\u2022 " + b.text for b in spec.bullets]
        assert slide.notes_slide.notes_text_frame.text == spec.notes


def test_partname_counter_names_parts_as_python_pptx_does(bench, library):
    import zipfile

    names = [
        sorted(zipfile.ZipFile(io.BytesIO(bench.BUILDERS[v](library, None))).namelist()) for v in ("naive", "naive+fix")
    ]

    assert names[0] == names[1]
    assert "ppt/notesSlides/notesSlide5.xml" in names[0]


def test_measure_in_child_returns_the_run_of_a_fresh_process(bench):
    run = bench.measure_in_child("naive", 5)

    assert (run.variant, run.size, run.slides, run.notes) == ("naive", 5, 5, 5)
    assert set(run.stages) == set(run.cpu) == {"write", "total"}
    assert run.file_bytes > 0


def test_main_prints_tables_and_growth_at_tiny_sizes(bench, capsys):
    assert bench.main(["--sizes", "10,5", "--naive-max", "5"], runner=bench.measure) == 0

    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].startswith("Machine: platform ")
    assert f"python-pptx {metadata.version('python-pptx')}," in lines[0]
    wall = lines[lines.index("Wall-clock seconds") + 3 :][:2]
    assert [line.split()[0] for line in wall] == ["5", "10"]
    # One slide per topic, so no section dividers (they come only before runs of slides):
    # + title, agenda, references (two slides at the 12 pt reference floor) and closing.
    assert wall[0].split()[-1] == "10/5"
    assert "skipped" in wall[1] and wall[1].split()[-1] == "15/10"
    growth = lines[lines.index("Growth from N=5 to N=10 (2x the slides):") + 2 :]
    assert [line.split()[0] for line in growth] == ["ours", "ours", "naive", "naive+fix"]
    assert growth[2] == "  naive          n/a     n/a  (not measured at both sizes)"
    assert "naive+fix N=10    run 1/1:" in out.err


def test_format_report_divides_the_best_runs(bench):
    def run(variant, size, seconds):
        stages = {"compose": seconds / 4, "layout": seconds / 4, "write": seconds / 2, "total": seconds}
        return bench.Run(
            variant=variant,
            size=size,
            stages=stages,
            cpu={k: v / 2 for k, v in stages.items()},
            slides=size,
            notes=size,
            file_bytes=1,
        )

    results = {}
    for variant in ("ours", "naive", "naive+fix"):
        for size, times in ((100, (2.0, 1.0)), (1000, (30.0, 12.0))):
            result = results.setdefault((variant, size), bench.Result(variant, size))
            result.runs += [run(variant, size, t) for t in times]

    report = bench.format_report(results, [100, 1000], 2, {"cpus": "2"}).splitlines()

    assert report[0] == "Machine: cpus 2"
    assert report[-4:] == [
        "  ours total   12.0x   12.0x",
        "  ours write   12.0x   12.0x",
        "  naive        12.0x   12.0x",
        "  naive+fix    12.0x   12.0x",
    ]


def test_sizes_must_be_positive_counts(bench, capsys):
    with pytest.raises(SystemExit):
        bench.main(["--sizes", "0,5"])

    assert (
        "argument --sizes: expected positive slide counts separated by commas, e.g. 100,1000; got '0,5'"
        in capsys.readouterr().err
    )
