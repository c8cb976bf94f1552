"""Time how long the ``sinoru-brief`` command takes to start, and list what each command imports.

Run from the repository root::

    uv run python benchmarks/bench_startup.py [--repeat 15] [--command sinoru-brief]

Every run is a fresh process started the way a user starts the tool: the
console script next to the interpreter (``.venv/bin/sinoru-brief``), or
``--command`` if given, so interpreter start-up is included and the ``uv run``
launcher is not. Three commands are timed: ``--help``, ``--version`` and
``validate`` (load and cross-check the whole built-in content library). For
each the report gives the best and median wall-clock and CPU seconds
(user + system of the child, which hardly moves when other work shares the
machine) over ``--repeat`` runs, and, from one run under ``python -X importtime``, the
modules that took longest to import (cumulative, children included) and
which of the heavy libraries (Jinja2, citeproc-py, PySide6, python-pptx,
Pillow, lxml) the command loaded at all: none of them is needed by these
three commands.

The load average is printed before and after: above the CPU count, other
work competed for the CPUs and the wall-clock figures are inflated. Every
timed run finds its bytecode already written (an untimed first run writes
it), as a user's second start does.

Measured on 1 Dec 2026 (Linux, AMD EPYC, 2 CPUs, Python 3.11.7, other work on
the machine: load average about 4, so trust the CPU columns), 15 runs each.
Before: the code as of commit 2c1f026, where ``cli.py`` imported the brief,
compose and content packages and ``cli_template.py`` the theme package at
the top (so Jinja2, citeproc-py and lxml loaded for ``--help``)::

                                wall best   median   CPU best   median
    python -c pass                 0.025s   0.028s     0.024s   0.026s
    sinoru-brief --help            0.736s   1.030s     0.402s   0.512s
    sinoru-brief --version         (no such option then: a usage error after the same imports)
    sinoru-brief validate          0.703s   1.029s     0.476s   0.527s

After: each command imports what it uses; the version is a constant::

                                wall best   median   CPU best   median
    python -c pass                 0.017s   0.022s     0.016s   0.021s
    sinoru-brief --help            0.101s   0.115s     0.100s   0.111s
    sinoru-brief --version         0.107s   0.118s     0.106s   0.115s
    sinoru-brief validate          0.281s   0.329s     0.207s   0.286s

    heavy libraries loaded: none, for all three commands

Of ``validate``'s 0.21 s of CPU, about 0.08 s imports PyYAML and the
content schema and 0.08 s loads and cross-checks the 13 YAML files; the
command line itself costs about as much as ``--help``.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = (("--help",), ("--version",), ("validate",))
HEAVY = ("jinja2", "citeproc", "PySide6", "shiboken6", "pptx", "PIL", "lxml")


def console_script(explicit: str | None) -> list[str]:
    """Return the argv prefix that starts sinoru-brief: the console script beside this interpreter if any."""
    if explicit:
        return [explicit]
    beside = Path(sys.executable).with_name("sinoru-brief")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("sinoru-brief")
    return [found] if found else [sys.executable, "-m", "sinoru_brief"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_runs(argv: list[str], repeat: int) -> tuple[list[float], list[float], int]:
    """Run *argv* *repeat* times; return each run's wall-clock and CPU seconds, and the last exit code."""
    times, cpu, code = [], [], 0
    # Bytecode as a user has it from the second start on: written by an untimed first run, even when
    # this shell says PYTHONDONTWRITEBYTECODE (then every start would compile every module again).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _children_cpu()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
        times.append(time.perf_counter() - start)
        cpu.append(_children_cpu() - start_cpu)
        code = result.returncode
    return times, cpu, code


def import_profile(args: tuple[str, ...]) -> tuple[list[tuple[int, str]], list[str]]:
    """Run the CLI in-process under ``-X importtime``; return the slowest imports (µs, name) and heavy ones."""
    code = "import sys; from sinoru_brief.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, raw = line.removeprefix("import time:").split("|")
        # The tree is drawn by indenting the name two spaces a level after the one separating space.
        depth = (len(raw) - len(raw.lstrip()) - 1) // 2
        rows.append((int(cumulative), raw.strip(), depth))
    heavy = [h for h in HEAVY if any(name.split(".")[0] == h for _, name, _ in rows)]
    # The imports and their direct children only: deeper ones are counted in their parent's time.
    top = sorted(((us, name) for us, name, depth in rows if depth <= 1), reverse=True)
    return top[:6], heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (default 15)")
    parser.add_argument("--command", help="the sinoru-brief executable to time (default: the one beside python)")
    options = parser.parse_args()
    prefix = console_script(options.command)
    load_start = os.getloadavg()[0]
    print(
        f"Machine: {platform.platform()}, cpus {os.cpu_count()}, python {platform.python_version()}, "
        f"load average at start {load_start:.2f}"
    )
    print(f"Command: {' '.join(prefix)}; {options.repeat} fresh processes per command\n")
    print(f"{'':<26} {'wall best':>10} {'median':>8} {'CPU best':>10} {'median':>8}")
    runs = [("python -c pass", [sys.executable, "-c", "pass"])]
    runs += [(f"sinoru-brief {' '.join(args)}", [*prefix, *args]) for args in COMMANDS]
    for label, argv in runs:
        times, cpu, code = time_runs(argv, options.repeat)
        failed = f"   (FAILED: exit {code})" if code else ""
        print(
            f"{label:<26} {min(times):>9.3f}s {statistics.median(times):>7.3f}s "
            f"{min(cpu):>9.3f}s {statistics.median(cpu):>7.3f}s{failed}"
        )
    print(
        "\nImports (python -X importtime, one run each; cumulative ms of the slowest imports "
        "and their direct children):"
    )
    for args in COMMANDS:
        slowest, heavy = import_profile(args)
        listed = ", ".join(f"{name} {us / 1000:.0f}" for us, name in slowest)
        print(f"  {' '.join(args):<10} heavy libraries loaded: {', '.join(heavy) or 'none'}")
        print(f"  {'':<10} slowest: {listed}")
    print(f"\nLoad average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
