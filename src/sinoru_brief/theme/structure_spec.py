"""The schema of a template's ``structure:`` key: section dividers, and how the deck closes at each depth.

Kept apart from the rest of the template schema because it is the one part
that speaks of the deck's shape rather than its look; the loader only plugs
:data:`STRUCTURE_SPEC` in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sinoru_brief.content.models import DEPTHS
from sinoru_brief.theme.model import FULL_REFERENCES, REFERENCE_FORMS, SOURCES_SLIDE, Structure
from sinoru_brief.yamlio.marked import KeyPath
from sinoru_brief.yamlio.schema import INVALID, Checker, Choice, Integer, Key, Record

#: A section divider may be asked for before a run of 1 (every topic) to 50 slides.
SECTION_MIN_RANGE = (1, 50)


class _SectionRun(Integer):
    """The fewest slides a topic needs in a deck to get a section divider."""

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        before = len(checker.problems)
        result = super().check(value, path, checker)
        if result is INVALID and len(checker.problems) > before:
            # The schema says what is wrong; say what the number means, so the fix is clear.
            problem = checker.problems[-1]
            checker.problems[-1] = replace(
                problem,
                hint=(
                    "a topic gets a section divider only when it has at least this many slides in the deck; "
                    f"write a whole number such as {Structure.section_min_slides} (1 gives every topic a divider)"
                ),
            )
        return result


class _ReferenceForm(Choice):
    """How a deck of one depth closes: its full references, or a Sources slide."""

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        before = len(checker.problems)
        result = super().check(value, path, checker)
        if result is INVALID and len(checker.problems) > before:
            problem = checker.problems[-1]
            close = problem.hint + " " if problem.hint else ""
            checker.problems[-1] = replace(
                problem,
                hint=(
                    f"{close}'{FULL_REFERENCES}' ends the deck with reference slides in the citation style; "
                    f"'{SOURCES_SLIDE}' ends it with one Sources slide of short entries, "
                    "the full references in its speaker notes"
                ),
            )
        return result


_DEFAULT_FORMS = dict(Structure().references)


def _structure(values: dict[str, Any]) -> Structure:
    """Return the :class:`Structure` the checked ``structure:`` mapping describes."""
    forms = _DEFAULT_FORMS | (values["references"] or {})
    return Structure(
        section_min_slides=values["section_min_slides"],
        references=tuple((depth, forms[depth]) for depth in DEPTHS),
    )


STRUCTURE_SPEC = Record(
    what="structure",
    keys={
        "section_min_slides": Key(
            _SectionRun(minimum=SECTION_MIN_RANGE[0], maximum=SECTION_MIN_RANGE[1]),
            required=False,
            default=Structure.section_min_slides,
        ),
        "references": Key(
            Record(
                what="references by depth",
                keys={
                    depth: Key(_ReferenceForm(choices=REFERENCE_FORMS), required=False, default=_DEFAULT_FORMS[depth])
                    for depth in DEPTHS
                },
            ),
            required=False,
            default={},
        ),
    },
    build=_structure,
)
#: What a template without ``structure:`` gets.
DEFAULT_STRUCTURE = Structure()
