"""Time the desktop app: start-up to a usable window, and selecting a slide to its preview.

Run from the repository root::

    uv run python benchmarks/bench_app.py [--repeat 5] [--width 1440 --height 900]

Qt draws offscreen. Every measurement runs in a fresh child process with fresh
settings and an empty autosave folder, as a first start would.

**Start-up** is timed by the parent from just before it starts the child
(``python -c ...``, interpreter start included) to the moment the child
reports its window shown, painted and its deck composed and laid out, with
the full library loaded in the library panel. Two cases: a new, empty brief
(what ``uv run sinoru-brief`` opens), and a brief naming three topics at
standard depth given on the command line (what opening a saved brief
costs: compose and layout of 21 slides, most of it citeproc formatting the
references the first time). The child also reports its own stages: imports,
``create_window``, ``show`` and the first paint.

**Preview latency** is timed in the child, on the three-topic deck: for
every page, from ``select_page`` to the preview's image available and
painted (``preview.repaint()`` returns). Four passes: *cold*, jumping to a
slide with no image at the preview's size yet (the cache is emptied before
each selection, so the slide is drawn on selection); *stepping*, selecting
the slides in order 250 ms apart, as the arrow keys at a human pace, while
the app draws the neighbours of the shown slide in the background; *warm*,
every slide drawn before, back to back; and warm again 250 ms apart (idle
pauses make the next call a little slower, so compare stepping with this).

The figures exclude the ``uv run`` launcher, which adds about 0.1 s on the
machine below; ``--python`` picks the interpreter to start.

Measured on 29 Nov 2026 (Linux, AMD EPYC, 2 CPUs, Python 3.11.7, other work
on the machine: load average about 2)::

    Start-up, new brief (0 pages, 12 topics in the library): best 0.70 s, median 0.73 s
      child stages (best run): imports 0.49 s, create_window 0.18 s, show+paint 0.02 s
    Start-up, three-topic brief (21 pages, 12 topics in the library): best 1.21 s, median 1.23 s
      child stages (best run): imports 0.45 s, create_window 0.71 s, show+paint 0.04 s

    Preview latency, select_page to painted preview, 21 pages:
      cold: jump to a slide not yet drawn          median   11.8 ms   p95   27.6 ms   max   27.9 ms
      stepping with the arrow keys, 250 ms apart   median   10.4 ms   p95   14.8 ms   max   16.5 ms
      warm: every slide drawn before               median    6.1 ms   p95    7.3 ms   max    7.3 ms
      warm, 250 ms apart                           median    6.6 ms   p95   10.8 ms   max   14.2 ms
      (stepping found 20 of 21 slides drawn in advance)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ["summits", "gray-zone", "north-korea"]

CHILD = r"""
import json, os, sys, time
t0 = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sinoru_brief.app.autosave import Autosaver
from sinoru_brief.app.main import create_window
from sinoru_brief.app.images import page_signature
t_import = time.perf_counter()
temp, brief, width, height, preview = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
app = QApplication(["sinoru-brief"])
settings = QSettings(str(temp / "settings.ini"), QSettings.Format.IniFormat)
window = create_window([brief] if brief else [], autosaver=Autosaver(folder=temp / "autosave"), settings=settings)
t_create = time.perf_counter()
window.resize(width, height)
window.show()
app.processEvents()
window.repaint()
window.controller.view()  # the deck is composed and laid out
t_ready = time.perf_counter()
result = {"import": t_import - t0, "create": t_create - t_import, "show": t_ready - t_create,
          "pages": len(window.controller.view().pages), "library_rows": window.library_panel.model.rowCount()}
print("READY " + json.dumps(result), flush=True)
if preview == "1":
    def idle(seconds):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        window.images.wait()
        app.processEvents()

    def select(row):
        start = time.perf_counter()
        window.deck_panel.select_page(row)
        window.preview.repaint()
        elapsed = time.perf_counter() - start
        assert window.preview.current_image(render=False) is not None
        return elapsed

    idle(0.3)
    rows = range(len(window.controller.view().pages))
    passes = {"jump": [], "step": [], "warm": []}
    for row in rows:  # nothing cached at the preview's size: the render happens on selection
        idle(0.02)  # (let queued renders land first, or they would refill the cache)
        window.images.clear()
        passes["jump"].append(select(row))
    idle(0.02)
    window.images.clear()
    hits = 0
    for row in rows:  # arrow keys at a human pace: the neighbours render in the background meanwhile
        page = window.controller.view().pages[row]
        hits += (page_signature(page), window.preview.image_width(page)) in window.images
        passes["step"].append(select(row))
        idle(0.25)
    passes["step_hits"] = hits
    passes["warm_paused"] = []
    for row in rows:
        passes["warm"].append(select(row))
    for row in rows:
        passes["warm_paused"].append(select(row))
        idle(0.25)
    print("PREVIEW " + json.dumps(passes), flush=True)
window.controller.session.saved_brief = window.controller.session.snapshot()
window.close()
"""


def run_child(python: list[str], brief: str, size: tuple[int, int], preview: bool) -> tuple[float, dict, dict]:
    """Start one child; return (seconds to READY as the parent saw it, its READY report, its PREVIEW report)."""
    with tempfile.TemporaryDirectory(prefix="sinoru-bench-app-") as temp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        start = time.perf_counter()
        child = subprocess.Popen(
            [*python, "-c", CHILD, temp, brief, str(size[0]), str(size[1]), "1" if preview else "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        ready, report, passes = None, {}, {}
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("READY ") and ready is None:
                ready = time.perf_counter() - start
                report = json.loads(line[6:])
            elif line.startswith("PREVIEW "):
                passes = json.loads(line[8:])
        _, errors = child.communicate()
        if child.returncode != 0 or ready is None:
            raise SystemExit(f"the app child failed (exit {child.returncode}):\n{errors}")
        return ready, report, passes


def ms(seconds: list[float]) -> str:
    values = sorted(s * 1000 for s in seconds)
    p95 = values[min(len(values) - 1, round(0.95 * len(values)) - 1)]
    return f"median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   max {values[-1]:6.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="start-ups per case (default 5)")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--python", default=sys.executable, help="the interpreter to start (default: this one)")
    args = parser.parse_args(argv)
    size = (args.width, args.height)

    with tempfile.TemporaryDirectory(prefix="sinoru-bench-brief-") as temp:
        sys.path.insert(0, str(ROOT / "src"))
        from sinoru_brief.brief import Brief, save_brief

        brief_path = Path(temp) / "three-topics.brief.yaml"
        save_brief(Brief(title="Benchmark", topics=TOPICS, depth="standard"), brief_path)
        print(
            f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        print(
            f"Window {size[0]}x{size[1]}, offscreen; best and median of {args.repeat} start-ups, each a fresh process."
        )
        print()
        for label, brief in (("new brief", ""), ("three-topic brief", str(brief_path))):
            runs = [run_child([args.python], brief, size, preview=False) for _ in range(args.repeat)]
            walls = [r[0] for r in runs]
            best = min(runs, key=lambda r: r[0])[1]
            print(
                f"Start-up, {label} ({best['pages']} pages, {best['library_rows']} topics in the library): "
                f"best {min(walls):.2f} s, median {statistics.median(walls):.2f} s"
            )
            print(
                f"  child stages (best run): imports {best['import']:.2f} s, create_window {best['create']:.2f} s, "
                f"show+paint {best['show']:.2f} s; the rest is interpreter start"
            )
        _, report, passes = run_child([args.python], str(brief_path), size, preview=True)
        print()
        print(f"Preview latency, select_page to painted preview, {report['pages']} pages:")
        for name, label in (
            ("jump", "cold: jump to a slide not yet drawn"),
            ("step", "stepping with the arrow keys, 250 ms apart"),
            ("warm", "warm: every slide drawn before"),
            ("warm_paused", "warm, 250 ms apart"),
        ):
            print(f"  {label:<44} {ms(passes[name])}")
        print(f"  (stepping found {passes['step_hits']} of {report['pages']} slides drawn in advance)")
        print(f"load average at end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
