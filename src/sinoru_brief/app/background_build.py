"""Build a new look's deck off the GUI thread, so a theme change or template switch never blocks the window.

A change of the look misses the per-slide layout cache for every slide
(a colour is in every span): a full deck takes a few hundred milliseconds
to lay out again, a template not used before over a second. The
:class:`BackgroundBuilder` runs that build on a worker thread; until it
arrives the session's previous deck stays on show (the preview, the deck
strip and the sorter keep their pages), and when it does (on the GUI
thread) it becomes the session's view and :attr:`BackgroundBuilder.built`
tells the panels to refresh, once.

Changes in quick succession coalesce: at most one build runs; a request
while one runs stops the running one at its next slide (its state is stale)
and only the newest state is built after it. A result whose state is no
longer the session's is dropped. Anyone needing the deck meanwhile calls
:meth:`DeckSession.view`, which waits for a build of the current state or
builds it itself.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from sinoru_brief.app.build_job import BuildJob
from sinoru_brief.app.session import DeckSession


class BackgroundBuilder(QObject):
    """Build a session's deck on one worker thread, the newest state only."""

    built = Signal()  # the newest build arrived and is the session's view: refresh what shows the deck
    _finished = Signal(object, object)  # (session, job), from the worker, delivered on the GUI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: tuple[DeckSession, BuildJob] | None = None
        self._again: DeckSession | None = None  # a newer state asked for while a build ran
        self._forgotten: BuildJob | None = None  # running, but of a document no longer shown: dropped
        #: How many builds were started (for tests and measurements: coalesced requests start none).
        self.started = 0
        self._finished.connect(self._arrived)

    @property
    def busy(self) -> bool:
        """Whether a build is running or waiting to be started."""
        return self._running is not None or self._again is not None

    def request(self, session: DeckSession) -> None:
        """Build *session*'s current state in the background; returns at once."""
        if self._running is not None:
            running_session, job = self._running
            if running_session is not session or not session.is_current(job):
                job.cancel()  # stale: it stops at its next slide, and the newest state is built after it
                self._again = session
            else:
                self._again = None
            return
        self._start(session)

    def _start(self, session: DeckSession) -> None:
        job = session.start_job()
        self._running = (session, job)
        self.started += 1
        self.pool.start(lambda: self._work(session, job))

    def _work(self, session: DeckSession, job: BuildJob) -> None:
        session.run_job(job)  # never raises
        try:
            self._finished.emit(session, job)
        except RuntimeError:
            pass  # the window closed while this build ran: its pool waits for it, and no one wants its deck

    def forget(self) -> None:
        """Drop what runs or waits: the window moved to another document (New, Open)."""
        self._again = None
        if self._running is not None:
            job = self._running[1]
            job.cancel()  # it stops at its next slide; until it arrives, a new request waits behind it
            self._forgotten = job

    def _arrived(self, session: DeckSession, job: BuildJob) -> None:
        self._running = None
        again, self._again = self._again, None
        if job is self._forgotten:
            self._forgotten = None
            if again is not None:
                self._start(again)
            return
        if session.finish_job(job):
            self.built.emit()
        elif again is not None:
            self._start(again)

    def wait(self) -> None:
        """Block until no build runs (the window closing), then deliver what arrived."""
        self.pool.waitForDone()
        self._again = None
