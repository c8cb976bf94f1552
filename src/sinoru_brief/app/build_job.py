"""One build of a session's deck that may run on another thread, and the locks its cache is used under.

Plain Python (threads, no Qt), so the session stays testable without a
display; :mod:`sinoru_brief.app.background_build` runs jobs off the GUI thread.

The pipeline's :class:`~sinoru_brief.pipeline.BuildCache` is not thread-safe.
Two locks keep one thread at a time in each part of it: *themes* guards the
loaded templates (held for a few milliseconds: the GUI thread takes it to show
the theme editor while a build runs), *layout* the laid-out slides (held for a
whole build, by whoever builds).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from sinoru_brief.brief import Brief
from sinoru_brief.pipeline import Build, BuildCache


class BuildCancelled(Exception):
    """Raised inside a build whose state is no longer wanted, at the next slide: the build stops there."""


@dataclass(frozen=True)
class CacheLocks:
    """The locks a :class:`BuildCache` is used under (see the module's notes)."""

    themes: threading.RLock = field(default_factory=threading.RLock)
    layout: threading.RLock = field(default_factory=threading.RLock)


_locks: weakref.WeakKeyDictionary[BuildCache, CacheLocks] = weakref.WeakKeyDictionary()
_locks_guard = threading.Lock()


def cache_locks(cache: BuildCache) -> CacheLocks:
    """Return the locks of *cache*: the same for every session sharing it."""
    with _locks_guard:
        locks = _locks.get(cache)
        if locks is None:
            locks = _locks[cache] = CacheLocks()
        return locks


@dataclass
class Outcome:
    """A built deck and what the session says about it: why the template, style or layout could not be used."""

    build: Build
    theme_problem: str = ""
    style_problem: str = ""
    layout_problem: str = ""


class BuildJob:
    """The build of one state of a session (a copy of its brief, and which templates its cache held).

    Made on the GUI thread, run on a worker (:meth:`DeckSession.run_job`),
    waited for by :meth:`DeckSession.view` when the state is still current.
    """

    def __init__(self, brief: Brief, epoch: int):
        self.brief = brief
        self.epoch = epoch
        self.outcome: Outcome | None = None
        self.error: BaseException | None = None
        self._cancelled = threading.Event()
        self._done = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def cancel(self) -> None:
        """Stop the build at its next slide: its state is no longer the session's."""
        self._cancelled.set()

    def check(self, _stage: str = "", _done: int = 0, _total: int = 0) -> None:
        """Raise :class:`BuildCancelled` if the job was cancelled (the pipeline's progress callback)."""
        if self._cancelled.is_set():
            raise BuildCancelled

    def finish(self, outcome: Outcome | None = None, error: BaseException | None = None) -> None:
        self.outcome = outcome
        self.error = error
        self._done.set()

    def wait(self) -> None:
        """Block until the job has run (or stopped)."""
        self._done.wait()
