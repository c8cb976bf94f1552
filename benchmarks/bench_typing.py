"""How long typing into a long bullet blocks the window: each key's handling time and the longest GUI wait.

Run from the repository root::

    uv run python benchmarks/bench_typing.py [--keys 40] [--interval 0.12] [--profile FILE]

Qt draws offscreen. The main window is made on the full library, every topic
at full depth. The slide with the longest bullet is selected and that bullet's
editor focused, as a user clicks into it; then *--keys* characters are typed
one at a time from the event loop, *--interval* seconds apart (0.12 s is a
fast typist, about 100 words a minute). Each key changes the brief, so the
deck is laid out again (only the edited slide, unless the deck's type scale
moves) and the strip, preview and notes are redrawn before the next event
is handled.

Reported: the time each key's event took to handle (median, 90th percentile
and largest), and the largest gap of a 10 ms timer on the GUI thread while
typing, which is how long any input waited.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_theme_switch import Ticker  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sinoru_brief.app.controller import DeckController  # noqa: E402
from sinoru_brief.app.main_window import MainWindow  # noqa: E402
from sinoru_brief.app.session import DeckSession  # noqa: E402
from sinoru_brief.brief import Brief  # noqa: E402
from sinoru_brief.content import load_library  # noqa: E402
from sinoru_brief.content.models import Library, Slide  # noqa: E402


def longest_bullet(library: Library) -> tuple[Slide, int]:
    """Return the slide holding the library's longest top-level bullet, and that bullet's index."""
    candidates = [
        (len(bullet.text), slide.id, index, slide)
        for topic in library.topics
        for slide in topic.slides
        for index, bullet in enumerate(slide.bullets)
    ]
    _, _, index, slide = max(candidates, key=lambda c: (c[0], c[1]))
    return slide, index


def settle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=40, help="characters to type")
    parser.add_argument("--interval", type=float, default=0.12, help="seconds between keys")
    parser.add_argument("--profile", metavar="FILE", help="write a cProfile of the keys' handling to FILE")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    library = load_library(None)
    brief = Brief(topics=[t.id for t in library.topics], depth="full")
    slide, index = longest_bullet(library)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        controller = DeckController(DeckSession(library, brief))
        window = MainWindow(controller, None, settings)
        window.resize(1440, 900)
        window.show()
        settle(app, 0.5)
        window.deck_panel.select_key(slide.id)
        settle(app, 0.3)
        editor = window.inspector.bullet_editors[index]
        editor.setFocus()
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        settle(app, 0.3)
        pages = len(controller.view().pages)
        print(
            f"{pages} pages; typing {args.keys} characters, {args.interval * 1000:.0f} ms apart, at the end of "
            f"bullet {index + 1} of '{slide.id}' ({len(slide.bullets[index].text)} characters)"
        )

        handled: list[float] = []
        profiler = cProfile.Profile() if args.profile else None
        text = " and the ships' owners deny any part in it" * 3

        def press(i: int) -> None:
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            QTest.keyClick(editor, text[i % len(text)], Qt.KeyboardModifier.NoModifier)
            if profiler:
                profiler.disable()
            handled.append(time.perf_counter() - start)

        ticker = Ticker()
        ticker.timer.start()
        ticker.reset()
        for i in range(args.keys):
            QTimer.singleShot(round(i * args.interval * 1000), lambda i=i: press(i))
        settle(app, args.keys * args.interval + 0.5)
        ticker.timer.stop()
        assert len(handled) == args.keys, f"only {len(handled)} keys were handled"
        assert editor.toPlainText().endswith(text[: args.keys][-5:]), "the editor did not get the keys"
        ordered = sorted(handled)
        p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
        print(
            f"  each key handled in: median {statistics.median(handled) * 1000:.0f} ms, "
            f"90th percentile {p90 * 1000:.0f} ms, largest {max(handled) * 1000:.0f} ms"
        )
        print(f"  longest any input waited while typing: {ticker.largest * 1000:.0f} ms")
        if profiler:
            profiler.dump_stats(args.profile)
        controller.session.save(Path(folder) / "typed.brief.yaml")  # or closing asks whether to save
        window.close()


if __name__ == "__main__":
    main()
