"""Smoke test for benchmarks/bench_startup.py: it still runs every command and reports their imports.

Timings are never asserted here; the benchmark itself reports them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCH_FILE = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_startup.py"


def test_the_startup_benchmark_runs_and_reports_each_command():
    result = subprocess.run(
        [sys.executable, str(BENCH_FILE), "--repeat", "1"], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in ("python -c pass", "sinoru-brief --help", "sinoru-brief --version", "sinoru-brief validate"):
        assert re.search(rf"^{re.escape(label)} +\d+\.\d{{3}}s", out, re.MULTILINE), label
    assert "FAILED" not in out
    # The three commands load none of the heavy libraries, and the report says so.
    assert len(re.findall(r"heavy libraries loaded: none$", out, re.MULTILINE)) == 3
