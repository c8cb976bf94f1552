"""The app's document: one brief being edited, and the deck it makes, in plain Python.

Qt code adapts this object; it holds no Qt types, so it is tested without a
display. Every change goes through :meth:`DeckSession.replace_brief`, which
the undo stack calls with the before and after briefs, or
:meth:`DeckSession.set_theme_override`, for a look being edited in the theme
editor (kept in the brief as its ``look:``, so it is saved and autosaved with it).

A new look's deck may be built on another thread (:meth:`DeckSession.start_job`,
run by :mod:`sinoru_brief.app.background_build`); :meth:`DeckSession.view`
is the current deck all the same, waiting for such a build when it is of
the current state.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from sinoru_brief.app.build_job import BuildCancelled, BuildJob, Outcome, cache_locks
from sinoru_brief.brief import Brief, load_brief, reconciled, save_brief
from sinoru_brief.brief.look import apply_look, look_between, missing_logo_problem
from sinoru_brief.brief.model import DEFAULT_STYLE, DEFAULT_TEMPLATE
from sinoru_brief.content import Library
from sinoru_brief.errors import TemplateError
from sinoru_brief.pipeline import Build, BuildCache, DeckDoesNotFit, Progress, build, empty_build
from sinoru_brief.theme import Theme

#: How to fix a look whose logo file is gone, in the app's terms.
MISSING_LOGO_HINT = (
    "the deck is shown and exported without it, and saving keeps the path: put the image back there, "
    "or choose another logo in the theme editor"
)


class DeckSession:
    """A brief, where it is saved, whether it changed, and its deck (built lazily through the pipeline)."""

    def __init__(
        self, library: Library, brief: Brief | None = None, path: Path | None = None, cache: BuildCache | None = None
    ):
        #: What the builds of this document reuse: the loaded library, its themes, its laid-out slides.
        self.cache = cache if cache is not None else BuildCache(library)
        if self.cache.library is not library:
            raise ValueError("the session's cache holds another library")
        self.brief = brief or default_brief(library)
        self.path = path
        self.saved_brief = copy.deepcopy(self.brief)
        #: Why the brief's template could not be used (the default look is shown instead), or "".
        self.theme_problem = ""
        #: Why the brief's citation style could not be used (the default style is used instead), or "".
        self.style_problem = ""
        #: Which slides the look leaves no room for, and why (they are shown but cannot be exported), or "".
        self.layout_problem = ""
        self._view: Build | None = None
        self._locks = cache_locks(self.cache)
        self._epoch = 0  # counts the templates forgotten: a build from before is of another state
        self._job: BuildJob | None = None  # the latest build started off the GUI thread
        self._shown: Build | None = None  # the deck last built: what the panels show while a new one builds

    @property
    def library(self) -> Library:
        """The library the brief draws on."""
        return self.cache.library

    # ------------------------------------------------------------------ state

    @property
    def dirty(self) -> bool:
        """Whether the brief differs from what was last saved or opened."""
        return self.brief != self.saved_brief

    def snapshot(self) -> Brief:
        """Return a copy of the brief, for an undo command to restore."""
        return copy.deepcopy(self.brief)

    def replace_brief(self, brief: Brief) -> None:
        """Make *brief* (a copy is kept) the current brief; the deck is rebuilt on demand."""
        self.brief = copy.deepcopy(brief)
        self._view = None

    @property
    def theme_override(self) -> Theme | None:
        """The look edited in the theme editor for this deck: the brief's ``look:`` over its template, or None."""
        return apply_look(self.template_theme(), self.brief.look) if self.brief.look else None

    def set_theme_override(self, theme: Theme | None) -> None:
        """Lay the deck out with *theme* instead of the brief's template (None: the template again).

        The brief keeps what *theme* changes of the template as its look, so
        saving the brief (or the autosave) keeps the look too.
        """
        if theme != self.theme_override:
            self.brief.look = self.look_of(theme)
            self._view = None  # layout depends on every part of the theme

    def look_of(self, theme: Theme | None) -> dict[str, Any]:
        """Return what *theme* changes of the brief's template, as the brief keeps it ({} for None)."""
        # The brief's own look goes along: a logo it names whose file is gone stays until another is chosen.
        return look_between(self.template_theme(), theme, self.brief.look) if theme is not None else {}

    @property
    def look_problem(self) -> str:
        """Why the deck is shown without the look's logo (its file is gone), naming brief, key and path; or ""."""
        brief = copy.copy(self.brief)
        if self.path is not None and self.path != brief.source_path:
            # Read from elsewhere (work recovered from the autosave): name the user's file, not that one's lines.
            brief.source_path, brief.source_lines = self.path, {}
        problem = missing_logo_problem(brief, hint=MISSING_LOGO_HINT)
        return str(problem) if problem else ""

    def forget_template(self, name: str) -> None:
        """Drop the cached theme of the template *name*, after it was saved over or deleted."""
        with self._locks.themes:
            self.cache.forget_template(name)
        self._epoch += 1
        self._view = None

    # ------------------------------------------------------------------- deck

    def template_theme(self) -> Theme:
        """Return the brief's template as saved; the default template if it cannot be loaded.

        A brief outlives its template (a user template deleted, a folder
        moved): the deck is then shown in the default look and
        :attr:`theme_problem` says why, rather than the document failing to open.
        """
        theme, self.theme_problem = self._template_of(self.brief)
        return theme

    def _template_of(self, brief: Brief) -> tuple[Theme, str]:
        """Return *brief*'s template (the default one if it cannot be loaded) and why not, or ""; any thread."""
        with self._locks.themes:
            try:
                return self.cache.theme(brief.template), ""
            except TemplateError as exc:
                if brief.template == DEFAULT_TEMPLATE:
                    raise
                return self.cache.theme(DEFAULT_TEMPLATE), str(exc)

    def theme(self) -> Theme:
        """Return the theme the deck is laid out with: the editor's unsaved look, or the brief's template."""
        return self.theme_override or self.template_theme()

    def view(self) -> Build:
        """Return the deck and pages for the current brief (built once per change, through the pipeline).

        A build of the current state running off the GUI thread is waited
        for and used; one of an older state is stopped, and the deck built here.
        """
        if self._view is None:
            job = self._job
            if job is not None and self.is_current(job):
                job.wait()
                if job.outcome is not None:
                    self._adopt(job.outcome)
                    return self._adopt_job(job)
            if job is not None:
                job.cancel()
            self._adopt(self._outcome(self.brief))
        assert self._view is not None
        return self._view

    def shown(self) -> Build:
        """Return the deck the panels show: the current one, or the last one while the next builds elsewhere."""
        # A job of an older state (typing overtook it) is followed by one of this state: the panels
        # keep the last deck meanwhile, rather than building the current one here.
        if self._view is None and self._job is not None and self._shown is not None:
            return self._shown
        return self.view()

    # -------------------------------------------------- builds on other threads

    def start_job(self) -> BuildJob:
        """Return a job building the current state, to run with :meth:`run_job` on another thread."""
        if self._job is not None and not self.is_current(self._job):
            self._job.cancel()
        self._job = BuildJob(copy.deepcopy(self.brief), self._epoch)
        return self._job

    def run_job(self, job: BuildJob) -> None:
        """Build *job*'s state; on any thread (the cache is used under its locks), never raising."""
        try:
            job.finish(self._outcome(job.brief, job.check))
        except BuildCancelled:
            job.finish()
        except Exception as exc:  # given to the GUI thread, whose view() builds again and raises it there
            job.finish(error=exc)

    def is_current(self, job: BuildJob) -> bool:
        """Whether *job* builds the session's state as it is now (its brief and templates)."""
        return job.epoch == self._epoch and job.brief == self.brief

    def finish_job(self, job: BuildJob) -> bool:
        """Take the deck *job* built if its state is still current; return whether it is the session's deck now.

        A stale job's deck is dropped. A job that failed is current too: the
        next :meth:`view` builds again and raises what it raised.
        """
        if self._view is not None:
            # view() took this job's deck, or built the same state itself while the job ran (a typed
            # edit's deck asked for at once): either way the panels are yet to hear of it.
            return self.is_current(job)
        if not self.is_current(job) or not job.done:
            return False
        if job.outcome is not None:
            self._adopt(job.outcome)
            self._adopt_job(job)
        else:
            self._job = None
        return True

    def _adopt_job(self, job: BuildJob) -> Build:
        if self._job is job:
            self._job = None
        assert self._view is not None
        return self._view

    def _adopt(self, outcome: Outcome) -> None:
        self._view = self._shown = outcome.build
        self.theme_problem = outcome.theme_problem
        self.style_problem = outcome.style_problem
        self.layout_problem = outcome.layout_problem

    def _outcome(self, brief: Brief, progress: Progress | None = None) -> Outcome:
        """Build *brief* (the session's, or a copy on another thread) with its look; touch no session state."""
        template, theme_problem = self._template_of(brief)
        theme = apply_look(template, brief.look) if brief.look else template
        if not brief.topics:
            # No topics yet is a new document, not an error: an empty deck, which the pipeline would refuse.
            return Outcome(empty_build(brief, self.library, theme), theme_problem)
        with self._locks.layout:
            return self._build(brief, theme, theme_problem, progress)

    def _build(self, brief: Brief, theme: Theme, theme_problem: str, progress: Progress | None) -> Outcome:
        """Build *brief*; in the default citation style if the brief's cannot be used (a moved .csl file).

        Any other failure (a template's text) fails with the default style too
        and is raised as it was. A deck that does not fit is shown, never
        exported: the export refuses a deck with a layout problem.
        """
        try:
            return Outcome(build(brief, self.cache, theme=theme, progress=progress), theme_problem)
        except DeckDoesNotFit as exc:
            return Outcome(exc.build, theme_problem, layout_problem=str(exc))
        except TemplateError as exc:
            if brief.style == DEFAULT_STYLE:
                raise
            default = copy.copy(brief)
            default.style = DEFAULT_STYLE
            try:
                return Outcome(build(default, self.cache, theme=theme, progress=progress), theme_problem, str(exc))
            except DeckDoesNotFit as unfit:
                return Outcome(unfit.build, theme_problem, str(exc), str(unfit))
            except TemplateError:
                raise exc from None

    # ------------------------------------------------------------------ files

    def save(self, path: Path | None = None) -> Path:
        """Write the brief to *path* (or where it came from) atomically; return the path."""
        target = Path(path or self.path or "")
        if not target.name:
            raise ValueError("no path to save to")
        save_brief(self.brief, target)
        self.path = target
        self.saved_brief = copy.deepcopy(self.brief)
        return target

    def on_library(self, library: Library) -> tuple[DeckSession, list[str]]:
        """Return this document on *library* and what of the brief was dropped as not in it.

        The file, the saved state and the unsaved look stay as they are.
        """
        brief, dropped = reconciled(self.brief, library)
        session = DeckSession(library, brief, self.path)
        session.saved_brief = copy.deepcopy(self.saved_brief)
        session.set_theme_override(self.theme_override)
        return session, dropped

    @classmethod
    def open(cls, library: Library, path: Path) -> tuple[DeckSession, list[str]]:
        """Open the brief at *path*; return the session and what was dropped as no longer in the library."""
        brief, dropped = reconciled(load_brief(path), library)
        session = cls(library, brief, Path(path))
        if dropped:
            session.saved_brief = load_brief(path)  # unsaved: the drop is a change the user should save
        return session, dropped


def default_brief(library: Library) -> Brief:
    """Return the brief a new document starts with: no topics chosen yet, standard depth."""
    return Brief(topics=[], depth="standard")
