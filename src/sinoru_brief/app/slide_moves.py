"""Decide what a move or a delete in the deck strip or the slide sorter does, or why it cannot be done.

Both views hand the user's gesture (a drop before a page, a step earlier or
later, a step to another topic, Delete) to :class:`SlideMoves`, which works
out the change of the brief in plain Python and runs it as one undoable step
through the controller, or returns the reason it is refused, in words for
the status bar. The rules are the brief's: a library slide belongs to its
topic and moves only within it; a slide of the user's own may go to any
topic; a section slide stands for its topic, so moving it moves the topic;
the title, agenda, reference and closing slides are made from the deck.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sinoru_brief.app.titles import SHORT, UNDO, quoted
from sinoru_brief.brief import Brief
from sinoru_brief.brief import edits as brief_edits
from sinoru_brief.compose.custom import placed_slides
from sinoru_brief.compose.deck import Deck, DeckSlide, section_key, section_topic
from sinoru_brief.layout.pages import Page

if TYPE_CHECKING:
    from sinoru_brief.app.controller import DeckController


#: Why each kind of generated slide cannot be moved or deleted, and what to do instead.
_GENERATED_WHY = {
    "title": "the title slide is made from the deck's title and always opens it; edit it in the inspector",
    "agenda": "the agenda is made from the topics chosen; untick a topic in the library to take it off",
    "references": "the reference slides list what the deck cites and always close it",
    "sources": "the sources slide lists what the deck cites and always closes it",
    "closing": "the closing slide is made from the template and always ends the deck",
}


@dataclass(frozen=True)
class Change:
    """A change of the brief to run as one undoable step, and the slide to select after it."""

    text: str
    apply: Callable[[Brief], Brief]  # an edit: the brief after the change (see sinoru_brief.brief.edits)
    select: str | None = None
    keys: tuple[str, ...] = ()  # the slides it moves or removes


@dataclass(frozen=True)
class Refusal:
    """Why a move or delete is not done, in words for the status bar."""

    reason: str


Outcome = Change | Refusal | None  # None: the gesture changes nothing (a slide dropped where it is)


class SlideMoves:
    """Plan moves and deletes of the deck's slides for the controller *controller* and run them."""

    def __init__(self, controller: DeckController):
        self.controller = controller

    # ------------------------------------------------------------------ running

    def run(self, outcome: Outcome) -> str:
        """Run *outcome*; return the reason it was refused, or "" if it was done (or there was nothing to do)."""
        if isinstance(outcome, Refusal):
            return outcome.reason
        if isinstance(outcome, Change):
            self.controller.edit(outcome.text, outcome.apply)
        return ""

    # ----------------------------------------------------------------- the deck

    @property
    def _deck(self) -> Deck:
        return self.controller.view().deck

    def _slide(self, key: str) -> DeckSlide | None:
        return next((s for s in self._deck.slides if s.key == key), None)

    def _name(self, key: str, limit: int = SHORT) -> str:
        """Name slide *key* in quotes: short for the status bar, or as long as the undo menu names it."""
        slide = self._slide(key)
        return quoted(slide.title, limit) if slide else self.controller.slide_name(key, limit)

    def _is_own(self, key: str) -> bool:
        return self.controller.brief.custom_slide(key) is not None

    def _topic_of(self, key: str) -> str | None:
        """Return the topic *key* (a content or section slide) belongs to in this deck, or None."""
        slide = self._slide(key)
        return slide.topic.id if slide is not None and slide.topic is not None else None

    def _topics_shown(self) -> list[str]:
        """Return the topics the deck shows, in the brief's order."""
        shown = {s.topic.id for s in self._deck.slides if s.topic is not None}
        return [t for t in dict.fromkeys(self.controller.brief.topics) if t in shown]

    def _content_keys(self, topic_id: str) -> list[str]:
        """Return the keys of the topic's slides the deck shows, in the topic's order."""
        visible = {
            s.key for s in self._deck.slides if s.slide is not None and s.topic is not None and s.topic.id == topic_id
        }
        return [k for k in self._placed(topic_id) if k in visible]

    def _placed(self, topic_id: str) -> list[str]:
        """Return every slide of the topic where the composer places it (all depths, removed ones too)."""
        library, brief = self.controller.session.library, self.controller.brief
        return [s.id for s in placed_slides(library.topic(topic_id), brief)]

    def _refuse_generated(self, key: str, verb: str) -> Refusal | None:
        slide = self._slide(key)
        if slide is None:
            return Refusal(f"There is no slide '{key}' in this deck to {verb}.")
        if slide.kind in _GENERATED_WHY:
            return Refusal(f"{self._name(key)} cannot be {verb}d: {_GENERATED_WHY[slide.kind]}.")
        return None

    # -------------------------------------------------------------- one step

    def step(self, key: str, delta: int) -> Outcome:
        """Move slide *key* one place earlier (*delta* -1) or later (+1) within its topic."""
        refused = self._refuse_generated(key, "move")
        if refused:
            return refused
        section = section_topic(key)
        if section is not None:
            return self._step_topic(section, delta)
        topic_id = self._topic_of(key)
        assert topic_id is not None  # a content slide always has its topic
        # The neighbour is the next slide of the same topic in the deck as shown (an executive brief
        # shows a topic's key judgments apart from its evidence; each run keeps to itself).
        run = _run_of(self._deck.slides, key)
        at = run.index(key)
        other = at + delta
        if not 0 <= other < len(run):
            edge = "first" if delta < 0 else "last"
            hint = (
                "Move to Previous or Next Topic takes it further"
                if self._is_own(key)
                else "a library slide stays in its topic"
            )
            topic = self.controller.topic_name(topic_id, SHORT)
            return Refusal(f"{self._name(key)} is already the {edge} slide of {topic}: {hint}.")
        order = self._content_keys(topic_id)
        i, j = order.index(key), order.index(run[other])
        order[i], order[j] = order[j], order[i]
        return self._arrange(
            f"Move {self._name(key, UNDO)} {'earlier' if delta < 0 else 'later'}", {topic_id: order}, key
        )

    def _step_topic(self, topic_id: str, delta: int) -> Outcome:
        topics = self._topics_shown()
        at = topics.index(topic_id)
        other = at + delta
        if not 0 <= other < len(topics):
            edge = "first" if delta < 0 else "last"
            return Refusal(f"{self.controller.topic_name(topic_id, SHORT)} is already the {edge} topic of the deck.")
        wanted = list(topics)
        wanted[at], wanted[other] = wanted[other], wanted[at]
        return self._topics_change(topic_id, wanted)

    def to_topic(self, key: str, delta: int) -> Outcome:
        """Move slide *key* to the end of the previous topic (*delta* -1) or the start of the next (+1)."""
        refused = self._refuse_generated(key, "move")
        if refused:
            return refused
        section = section_topic(key)
        if section is not None:
            return self._step_topic(section, delta)
        topic_id = self._topic_of(key)
        assert topic_id is not None
        if not self._is_own(key):
            return Refusal(
                f"{self._name(key)} is a library slide and stays in its topic, "
                f"{self.controller.topic_name(topic_id, SHORT)}; only slides of your own change topic."
            )
        topics = self._topics_shown()
        other = topics.index(topic_id) + delta
        if not 0 <= other < len(topics):
            return Refusal(f"{self._name(key)} is already in the {'first' if delta < 0 else 'last'} topic of the deck.")
        target = topics[other]
        order = self._content_keys(target)
        order = [*order, key] if delta < 0 else [key, *order]
        source = [k for k in self._content_keys(topic_id) if k != key]
        return self._arrange(
            f"Move {self._name(key, UNDO)} to {self.controller.topic_name(target, UNDO)}",
            {topic_id: source, target: order},
            key,
        )

    # ------------------------------------------------------------------ drops

    def drop(self, keys: Sequence[str], pages: Sequence[Page], row: int) -> Outcome:
        """Move the slides *keys* (in deck order) to before page *row* of *pages* (past the end: ``len(pages)``)."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return None
        for key in keys:
            refused = self._refuse_generated(key, "move")
            if refused:
                return refused
        sections = [t for t in map(section_topic, keys) if t is not None]
        if sections and len(sections) != len(keys):
            return Refusal("A section slide moves its whole topic: move topics and slides one kind at a time.")
        if sections:
            return self._drop_topics(sections, pages, row)
        target = self._landing_topic(pages, row)
        if isinstance(target, Refusal):
            return target
        for key in keys:
            home = self._topic_of(key)
            if home != target and not self._is_own(key):
                assert home is not None
                return Refusal(
                    f"{self._name(key)} belongs to {self.controller.topic_name(home, SHORT)} and stays in its topic; "
                    f"it cannot go into {self.controller.topic_name(target, SHORT)}."
                )
        moving = set(keys)
        later = [p.key for p in pages[row:] if p.key not in moving]
        order = [k for k in self._content_keys(target) if k not in moving]
        # Before the first slide of the topic that follows the drop point in the deck, else at the topic's end.
        before = next((k for k in later if k in order), None)
        at = order.index(before) if before is not None else len(order)
        orders = {
            topic: [k for k in self._content_keys(topic) if k not in moving]
            for topic in {self._topic_of(k) for k in keys}
            if topic is not None
        }
        orders[target] = [*order[:at], *keys, *order[at:]]
        if all(orders[t] == self._content_keys(t) for t in orders):
            return None  # dropped where they already are
        what = self._name(keys[0], UNDO) if len(keys) == 1 else f"{len(keys)} slides"
        into = (
            f" to {self.controller.topic_name(target, UNDO)}" if any(self._topic_of(k) != target for k in keys) else ""
        )
        return self._arrange(f"Move {what}{into}", orders, keys[0])

    def _landing_topic(self, pages: Sequence[Page], row: int) -> str | Refusal:
        """Return the topic a drop before page *row* lands in: the topic of the page it follows, or opens."""
        before = pages[row - 1] if 0 < row <= len(pages) else None
        after = pages[row] if 0 <= row < len(pages) else None
        for page in (before, after):
            if page is None:
                continue
            topic = self._topic_of(page.key)
            if topic is not None:
                return topic
            if page is before and page.kind in ("references", "closing"):
                break
        return Refusal("Slides go between the agenda and the references: drop it among the slides of a topic.")

    def _drop_topics(self, topics: list[str], pages: Sequence[Page], row: int) -> Outcome:
        moving = set(topics)
        later = [t for t in (section_topic(p.key) for p in pages[row:]) if t is not None]
        order = [t for t in self._topics_shown() if t not in moving]
        before = next((t for t in later if t in order), None)
        at = order.index(before) if before is not None else len(order)
        return self._topics_change(topics[0] if len(topics) == 1 else "", [*order[:at], *topics, *order[at:]])

    def _topics_change(self, topic_id: str, shown: list[str]) -> Outcome:
        """Give the deck's shown topics the order *shown*; topics chosen but not shown keep their places."""
        brief = self.controller.brief
        if brief_edits.arrange_topics(brief, shown).topics == brief.topics:
            return None
        name = self.controller.topic_name(topic_id, UNDO) if topic_id else f"{len(shown)} topics"
        return Change(
            f"Move {name}",
            lambda b: brief_edits.arrange_topics(b, shown),
            section_key(topic_id) if topic_id else None,
        )

    def _arrange(self, text: str, orders: dict[str, list[str]], select: str) -> Change:
        library = self.controller.session.library
        # Every topic's current places are taken before any changes: the edit runs on a copy of this brief.
        placed = {topic: self._placed(topic) for topic in orders}

        def apply(brief: Brief) -> Brief:
            for topic, order in orders.items():
                brief = brief_edits.arrange_topic(brief, library, topic, placed[topic], order)
            return brief

        return Change(text, apply, select)

    # ----------------------------------------------------------------- delete

    def delete(self, keys: Sequence[str]) -> tuple[Outcome, str]:
        """Plan removing the slides *keys*; return the change and why any of them stays ("" if none does).

        A library slide leaves this deck (it stays in the library and in
        "Removed slides"); a slide of the user's own is deleted (undo brings it
        back); a slide made from the deck stays, and the second value says why.
        """
        keys = list(dict.fromkeys(keys))
        removable, kept = [], []
        for key in keys:
            slide = self._slide(key)
            if slide is not None and slide.kind == "section":
                kept.append(f"{self._name(key)} stands for its topic: untick the topic in the library to take it out")
            elif slide is not None and slide.slide is not None:
                removable.append(key)
            else:
                refused = self._refuse_generated(key, "delete")
                kept.append(refused.reason.rstrip(".") if refused else f"'{key}' is not in this deck")
        why = "; ".join(kept) + "." if kept else ""
        if not removable:
            return None, why
        library = self.controller.session.library
        what = self._name(removable[0], UNDO) if len(removable) == 1 else f"{len(removable)} slides"
        return Change(
            f"Remove {what}", lambda b: brief_edits.remove_slides(b, library, removable), keys=tuple(removable)
        ), why


def _run_of(slides: Sequence[DeckSlide], key: str) -> list[str]:
    """Return the run of consecutive content slides of one topic that holds *key*, in deck order."""
    runs: list[list[str]] = []
    previous: str | None = None
    for slide in slides:
        topic = slide.topic.id if slide.topic is not None and slide.slide is not None else None
        if topic is None:
            previous = None
            continue
        if topic != previous:
            runs.append([])
        runs[-1].append(slide.key)
        previous = topic
    return next(run for run in runs if key in run)
