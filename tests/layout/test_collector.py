"""Layout pauses the cyclic garbage collector and always restores it, however the layout ends."""

from __future__ import annotations

import gc
import threading

import pytest

from sinoru_brief.layout import layout_deck
from sinoru_brief.layout.collector import collector_paused


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_back_on_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_an_error_inside_still_restores_the_collector(collector_on):
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("layout failed")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_overlapping_pauses_on_two_threads_restore_it_once_both_end(collector_on):
    inside, release = threading.Event(), threading.Event()

    def worker():
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the worker's layout is still running
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_layout_leaves_no_cycles_for_the_collector(fixture_library, fixture_brief, theme, collector_on):
    # The pause is sound only because what layout builds is freed by reference counting alone.
    from sinoru_brief.compose import compose

    deck = compose(fixture_library, fixture_brief, theme.snippets)
    gc.collect()
    gc.disable()
    try:
        layout_deck(deck, theme)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_layout_runs_with_the_collector_paused_and_restores_it(fixture_library, fixture_brief, theme, collector_on):
    from sinoru_brief.compose import compose

    seen = []
    deck = compose(fixture_library, fixture_brief, theme.snippets)
    layout_deck(deck, theme, progress=lambda i, n: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()


def test_an_export_writes_with_the_collector_paused_and_restores_it(
    fixture_library, fixture_brief, tmp_path, collector_on
):
    from sinoru_brief import pipeline

    seen: dict[str, list[bool]] = {}
    pipeline.export(
        fixture_brief,
        tmp_path / "deck.pptx",
        library=fixture_library,
        progress=lambda stage, i, n: seen.setdefault(stage, []).append(gc.isenabled()),
    )
    assert set(seen) == {"layout", "write"}
    assert not any(seen["layout"]) and not any(seen["write"])
    assert gc.isenabled()
    assert (tmp_path / "deck.pptx").stat().st_size > 0
