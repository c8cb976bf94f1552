"""A template cannot take unbounded time or memory: a few characters asking for hours or gigabytes are refused.

The sandbox keeps Python internals out of reach, but a few characters of
template can still ask for gigabytes or hours. Each test here renders one
such text in a slide of the fixture library under a time limit (SIGALRM) and,
for memory, with ``tracemalloc`` watching the peak. The second group are the
gaps a security pass found (loops over long texts, calls that double, powers
of powers, padding and replacing before the size check): the sandbox now
counts every loop iteration and call and sizes every growing operation first.
"""

from __future__ import annotations

import shutil
import signal
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sinoru_brief.brief import Brief
from sinoru_brief.compose import compose
from sinoru_brief.content import load_library
from sinoru_brief.errors import ContentError

FIXTURE = Path(__file__).parents[1] / "data" / "library"
BRIEF = Brief(title="Deck", topics=["beta"], depth="full")
SECONDS = 2.0  # far above what a refusal takes (milliseconds), far below what the payloads would run
PEAK_BYTES = 16 * 1024 * 1024  # the fixture deck composes in about 1 MiB

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM (POSIX)")


class TookTooLong(Exception):
    """Rendering was still running when the time limit struck."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def stop(signum, frame):
        raise TookTooLong(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def library_with_bullet(tmp_path):
    """Return a function loading a copy of the fixture library whose beta-bullets bullet is *text*."""

    def make(text: str):
        root = tmp_path / "library"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(FIXTURE, root)
        beta = root / "topics" / "beta.yaml"
        old = '- text: A bullet in the deck "{{ brief.title }}".'
        source = beta.read_text(encoding="utf-8")
        assert source.count(old) == 1
        beta.write_text(source.replace(old, "- text: '" + text.replace("'", "''") + "'"), encoding="utf-8")
        return load_library(root)

    return make


def refused(library) -> tuple[ContentError, float, int]:
    """Compose *library*; return the ContentError, the seconds it took and the peak of traced memory."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with time_limit(SECONDS), pytest.raises(ContentError) as caught:
            compose(library, BRIEF)
        return caught.value, time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# ------------------------------------------------------------------ refused quickly today


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{{ 'a' * 10**9 }}", "repeating a text or list 1,000,000,000 times makes it longer than 100,000"),
        ("{{ 2 ** (10**8) }}", "the power 100000000 is too large"),
        (
            "{% for a in range(10**5) %}{% for b in range(10**5) %}{% endfor %}{% endfor %}",
            "the loops of one text may count to 100,000 in all",
        ),
        ("{{ range(10**12)|list|length }}", "the loops of one text may count to 100,000 in all"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "the template calls itself without end"),
        ("{{ ''.ljust(10**100) }}", "the text would be longer than 100,000 characters"),
    ],
)
def test_runaway_text_is_refused_quickly_with_little_memory(library_with_bullet, text, reason):
    error, seconds, peak = refused(library_with_bullet(text))
    assert error.problems[0].message == "slide 'beta-bullets': the text cannot be rendered: " + (
        reason if reason.startswith("the template") else f"not allowed: {reason}"
    )
    assert seconds < SECONDS and peak < PEAK_BYTES, (seconds, peak)


# ------------------------------------------------------------------ counted and sized before they run


@pytest.mark.parametrize(
    "text",
    [
        "{% for a in 'x' * 100000 %}{% for b in 'x' * 100000 %}{% endfor %}{% endfor %}",
        "{% for a in 'x'|center(100000) %}{% for b in [0] * 100000 %}{% endfor %}{% endfor %}",
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% endif %}{% endmacro %}{{ m(60) }}",
        "{{ ((9 ** 999) ** 999) ** 99 > 1 }}",
    ],
)
def test_cpu_bomb_is_refused_quickly(library_with_bullet, text):
    _, seconds, _ = refused(library_with_bullet(text))
    assert seconds < SECONDS


@pytest.mark.parametrize(
    "text",
    [
        "{{ ('x' * 6000)|replace('x', 'y' * 6000) }}",
        "{{ 'a'.ljust(20000000) }}",
        "{{ 'x'|center(20000000) }}",
        "{{ 'a\\nb'|indent(10000000) }}",
        "{{ '%020000000d' % 1 }}",
        "{{ '{:>20000000}'.format('x') }}",
        "{{ ['x' * 100000] * 300 }}",
        "{{ ('ab' * 50000)|join('x' * 300) }}",
    ],
)
def test_memory_bomb_is_refused_before_it_is_built(library_with_bullet, text):
    _, seconds, peak = refused(library_with_bullet(text))
    assert peak < PEAK_BYTES, f"peak {peak / 2**20:.0f} MiB"


def test_text_asking_for_more_memory_than_exists_is_a_content_error(library_with_bullet):
    refused(library_with_bullet("{{ 'a'.ljust(2**62) }}"))
