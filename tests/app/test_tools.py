"""The screenshot tool and the app benchmark still run (their output is checked, never their timings)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_tool_writes_the_four_images(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    names = ["main-window.png", "inspector-override.png", "export-done.png", "theme-editor.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    for name in names:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == (1440, 900), name
    assert QImage(str(tmp_path / "main-window.png")) != QImage(str(tmp_path / "inspector-override.png"))


def test_app_benchmark_child_reports_a_ready_window(real_library):
    spec = importlib.util.spec_from_file_location("bench_app", ROOT / "benchmarks" / "bench_app.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    seconds, report, passes = bench.run_child([sys.executable], "", (1000, 700), preview=False)
    assert seconds > 0 and passes == {}
    assert report["pages"] == 0 and report["library_rows"] == len(real_library.topics)
    assert set(report) == {"import", "create", "show", "pages", "library_rows"}
