"""How long a change of the look blocks the window: the longest the GUI event loop waits, and when the new deck shows.

Run from the repository root::

    uv run python benchmarks/bench_theme_switch.py [--repeat 3]

Qt draws offscreen. The main window is made on the full library, every
topic at full depth (82 pages). A QTimer ticks every 10 ms on the GUI
thread; each change of the look is made from the event loop (as a click or
the theme editor's timer makes it), and the largest gap between two ticks
until the new deck is on show is how long input waited. Also reported: the
time from the change to the new deck in the panels.

Two ways of building, in the same process: *on the GUI thread* (as before
issue 13: the change emits ``briefChanged`` and every panel's ``view()``
lays the deck out there and then), and *off the GUI thread* (the app now:
the :class:`~sinoru_brief.app.background_build.BackgroundBuilder` builds on
a worker and the panels refresh when it arrives). The changes: the accent
colour (every slide laid out again), the body size, a template not used
before, and back to a template used before.

Measured on 2 Dec 2026 (Linux, AMD EPYC, 2 CPUs, Python 3.11.7, other work
on the machine: load average about 2)::

    on the GUI thread (before), 82 pages, 3 changes of each kind:
      accent colour                   input waits: median   351 ms (max 364 ms); deck shown after   336 ms
      body size                       input waits: median   321 ms (max 380 ms); deck shown after   297 ms
      template not used before        input waits: median   947 ms (max 947 ms); deck shown after   939 ms
      back to a template used before  input waits: median   120 ms (max 120 ms); deck shown after   119 ms
    off the GUI thread (now), 82 pages, 3 changes of each kind:
      accent colour                   input waits: median    37 ms (max 51 ms); deck shown after   245 ms
      body size                       input waits: median    33 ms (max 36 ms); deck shown after   239 ms
      template not used before        input waits: median    35 ms (max 35 ms); deck shown after   228 ms
      back to a template used before  input waits: median    28 ms (max 28 ms); deck shown after    88 ms

What input still waits for is the panels taking the new deck (the strip's
thumbnails) and the worker's share of the GIL. The second way runs after the
first in the same process, so text widths measured for the new template are
already known: its "not used before" time is lower for that reason too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sinoru_brief.app import dialogs  # noqa: E402
from sinoru_brief.app.controller import DeckController  # noqa: E402
from sinoru_brief.app.main_window import MainWindow  # noqa: E402
from sinoru_brief.app.session import DeckSession  # noqa: E402
from sinoru_brief.brief import Brief  # noqa: E402
from sinoru_brief.content import load_library  # noqa: E402


class Ticker:
    """A 10 ms timer on the GUI thread, remembering when it last ticked and the largest gap seen."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.largest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.largest = max(self.largest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.largest = 0.0


def measure(app: QApplication, window: MainWindow, ticker: Ticker, change: Callable[[], None]) -> tuple[float, float]:
    """Make *change* from the event loop; return (largest tick gap, seconds to the new deck shown)."""
    controller = window.controller
    shown_before = window.deck_panel.model.pages
    done: list[float] = []

    def arrived() -> None:
        done.append(time.perf_counter())

    controller.briefChanged.connect(arrived)
    start: list[float] = []

    def go() -> None:
        start.append(time.perf_counter())
        change()

    ticker.reset()
    QTimer.singleShot(0, go)
    deadline = time.perf_counter() + 30
    while (not done or controller.builder.busy) and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    end = time.perf_counter() + 0.05  # a few ticks after, so a gap at the very end is seen too
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    controller.briefChanged.disconnect(arrived)
    assert window.deck_panel.model.pages is not shown_before
    return ticker.largest, done[-1] - start[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    dialogs.show_error = lambda parent, title, message: print(f"  (dialog: {title})")
    library = load_library(None)
    brief = Brief(topics=[t.id for t in library.topics], depth="full")
    with tempfile.TemporaryDirectory() as folder:
        for label, background in (("on the GUI thread (before)", False), ("off the GUI thread (now)", True)):
            # A new window and cache for each way, so the template is one its cache has not laid out before.
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            controller = DeckController(DeckSession(library, brief))
            if not background:
                # What _apply did before: briefChanged at once, every panel's view() building there and then.
                controller.builder.request = lambda session: controller.briefChanged.emit()  # type: ignore[method-assign]
            window = MainWindow(controller, None, settings)
            window.resize(1440, 900)
            window.show()
            app.processEvents()
            print(f"\n{label}, {len(controller.view().pages)} pages, {args.repeat} changes of each kind:")
            run_cases(app, window, args.repeat)
            controller.builder.wait()
            window.close()


def run_cases(app: QApplication, window: MainWindow, repeat: int) -> None:
    controller = window.controller
    ticker = Ticker()
    ticker.timer.start()
    counter = [0]

    def accent() -> None:
        counter[0] += 1
        theme = controller.session.theme()
        colour = f"{(counter[0] * 2654435761) % 0xFFFFFF:06X}"
        controller.set_theme(replace(theme, colors=replace(theme.colors, accent=colour)), "accent")

    def body_size() -> None:
        counter[0] += 1
        theme = controller.session.theme()
        size = float(18 + counter[0] % 5)
        if size == theme.sizes.body.size:
            size += 1
        body = replace(theme.sizes.body, size=size)
        controller.set_theme(replace(theme, sizes=replace(theme.sizes, body=body)), "body")

    def template(name: str) -> Callable[[], None]:
        return lambda: controller.set_field("template", name)

    cases: list[tuple[str, list[Callable[[], None]]]] = [
        ("accent colour", [accent] * repeat),
        ("body size", [body_size] * repeat),
        ("template not used before", [template("academic")]),
        ("back to a template used before", [template("briefing")]),
    ]
    for name, changes in cases:
        gaps, latencies = [], []
        for change in changes:
            gap, latency = measure(app, window, ticker, change)
            gaps.append(gap)
            latencies.append(latency)
        print(
            f"  {name:31s} input waits: median {statistics.median(gaps) * 1000:5.0f} ms "
            f"(max {max(gaps) * 1000:.0f} ms); deck shown after {statistics.median(latencies) * 1000:5.0f} ms"
        )
    ticker.timer.stop()


if __name__ == "__main__":
    main()
