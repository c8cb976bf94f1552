"""Peak memory (and wall time) of each thing a user does, each in a fresh process.

Run from the repository root::

    uv run python benchmarks/bench_memory.py [--repeat 1] [--only export-library,app-preview,...]

Every case is one child process, started by a bare launcher process that
reads the child's peak resident set size (``ru_maxrss``) and CPU time with
``os.wait4``, so the figures are the whole program's footprint (interpreter,
Qt, fonts, caches), not a difference, and not inflated by the benchmark's own
memory (see ``LAUNCHER``). Cases:

``export-library``
    ``sinoru-brief export`` of the full built-in library at depth full.
``export-1000``
    ``sinoru-brief export`` of the synthetic 1,000-slide library of
    ``bench_export.py``, written as YAML to a temporary content folder.
``preview-library``
    ``sinoru-brief preview`` of the full library: every slide drawn to a
    1,600 px PNG.
``app-start``
    the desktop app with a new brief, up to a usable window (``bench_app.py``'s
    child, offscreen).
``app-preview``
    the app with the three-topic brief of ``bench_app.py``, every slide
    selected and its preview drawn, cold and warm.

Only the figures are printed; the tests never run this file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_export  # noqa: E402


@dataclass
class Peak:
    wall: float
    cpu: float
    peak_mib: float


# Linux keeps the largest resident size a process ever had across exec, and a
# child forked (or vforked) from this process starts out with this process's
# pages: its ru_maxrss would never be below our own. So every measured command
# is started by this small launcher (a bare interpreter, about 10 MiB), which
# reports the command's own rusage.
LAUNCHER = r"""
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss": usage.ru_maxrss, "code": os.waitstatus_to_exitcode(status),
                  "errors": errors.decode(errors="replace")[-4000:]}))
"""


def run_child(command: list[str], env: dict[str, str] | None = None) -> Peak:
    """Run *command* through the launcher; return its wall and CPU seconds and its peak RSS in MiB."""
    out = subprocess.run(
        [sys.executable, "-S", "-c", LAUNCHER, *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"the launcher failed:\n{out.stderr}")
    report = json.loads(out.stdout)
    if report["code"] != 0:
        raise RuntimeError(f"{' '.join(command[:4])} ... failed (exit {report['code']}):\n{report['errors']}")
    per_mib = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Peak(wall=report["wall"], cpu=report["cpu"], peak_mib=report["maxrss"] / per_mib)


CLI = [sys.executable, "-m", "sinoru_brief.cli"]
FULL = ["--topics", "all", "--depth", "full", "--date", "2025-03-01"]


def export_library(work: Path) -> list[str]:
    return [*CLI, "export", *FULL, "-o", str(work / "library.pptx")]


def export_1000(work: Path) -> list[str]:
    from bench_vs_pandoc import library_to_yaml

    content = work / "content-1000"
    library = bench_export.synthetic_library(1000)
    if not content.exists():
        library_to_yaml(library, content)
    # --content adds a library to the built-in one: name the synthetic topics, or the deck gets both.
    topics = ["--topics", ",".join(library.topic_ids()), *FULL[2:]]
    return [*CLI, "export", *topics, "--content", str(content), "-o", str(work / "synthetic.pptx")]


def preview_library(work: Path) -> list[str]:
    return [*CLI, "preview", *FULL, "--width", "1600", "-o", str(work / "png")]


def _app(work: Path, brief: str, preview: bool) -> list[str]:
    from bench_app import CHILD

    folder = Path(tempfile.mkdtemp(prefix="app-", dir=work))
    return [sys.executable, "-c", CHILD, str(folder), brief, "1440", "900", "1" if preview else "0"]


def app_start(work: Path) -> list[str]:
    return _app(work, "", preview=False)


def app_preview(work: Path) -> list[str]:
    from bench_app import TOPICS

    from sinoru_brief.brief import Brief, save_brief

    brief = work / "three-topics.brief.yaml"
    save_brief(Brief(title="Benchmark", topics=TOPICS, depth="standard"), brief)
    return _app(work, str(brief), preview=True)


CASES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "export-library": ("export, full library (CLI)", export_library),
    "export-1000": ("export, 1,000 synthetic slides (CLI)", export_1000),
    "preview-library": ("preview, full library to 1600 px PNGs (CLI)", preview_library),
    "app-start": ("app start, new brief, to a usable window", app_start),
    "app-preview": ("app, three-topic brief, every slide previewed", app_preview),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the largest peak and best time count")
    parser.add_argument("--only", default=",".join(CASES), help="cases to run, comma-separated")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown case(s) {', '.join(unknown)}; choose from {', '.join(CASES)}")

    print("Machine: " + ", ".join(f"{k} {v}" for k, v in bench_export.machine().items()))
    print(f"One fresh process per run, {args.repeat} run(s) per case: peak = largest ru_maxrss, wall and CPU = best.")
    print()
    header = f"{'case':<48} {'peak MiB':>8} {'wall s':>7} {'CPU s':>7}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory(prefix="sinoru-bench-memory-") as temp:
        work = Path(temp)
        for name in names:
            label, command_for = CASES[name]
            runs = [run_child(command_for(work)) for _ in range(args.repeat)]
            print(
                f"{label:<48} {max(r.peak_mib for r in runs):8.1f} {min(r.wall for r in runs):7.2f} "
                f"{min(r.cpu for r in runs):7.2f}",
                flush=True,
            )
    print()
    print(f"load average at end {bench_export._load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
