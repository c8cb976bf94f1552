"""Place the brief's own slides among the library's and check what they cite and follow.

A custom slide follows the slide named by its ``after`` (a library slide, or
another custom slide), or opens a topic (``after: start:<topic>``). It is
placed among *all* of a topic's slides before depth and exclusions filter
them, so a slide that follows one left out at this depth still sits where
that slide would have been.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sinoru_brief.brief.model import START_PREFIX, Brief, BriefBullet, CustomSlide
from sinoru_brief.brief.order import order_slides
from sinoru_brief.content.models import Bullet, KeyFigure, Library, Slide, Topic
from sinoru_brief.errors import BriefFileError, Problem
from sinoru_brief.yamlio.schema import did_you_mean

#: Priority given to a user's own slide: the user chose it, so every depth shows it.
CUSTOM_PRIORITY = 1


def place(topic: Topic, ordered: Sequence[Slide], brief: Brief) -> list[Slide | CustomSlide]:
    """Return *ordered* (all of *topic*'s slides, in the brief's order) with the brief's own slides placed."""
    followers: dict[str, list[CustomSlide]] = {}
    for custom in brief.custom_slides:
        followers.setdefault(custom.after, []).append(custom)
    out: list[Slide | CustomSlide] = []
    seen: set[str] = set()

    def emit_after(anchor: str) -> None:
        for custom in followers.get(anchor, ()):
            if custom.id not in seen:  # a loop of 'after's places each slide once
                seen.add(custom.id)
                out.append(custom)
                emit_after(custom.id)

    emit_after(f"{START_PREFIX}{topic.id}")
    for slide in ordered:
        out.append(slide)
        emit_after(slide.id)
    return out


def check_custom(library: Library, brief: Brief) -> None:
    """Raise :class:`BriefFileError` listing every unknown citation, anchor or clashing id the brief's slides have."""
    problems: list[Problem] = []
    custom_ids = [s.id for s in brief.custom_slides]
    anchors = set(custom_ids) | {s.id for t in library.topics for s in t.slides}
    starts = {f"{START_PREFIX}{t}" for t in library.topic_ids()}

    def report(key_path: str, text: str, message: str, hint: str) -> None:
        file, line = brief.origin_of(key_path, text)
        problems.append(Problem(file or brief.source_path, message, line=line, key_path=key_path, hint=hint))

    def check_cites(key_path: str, cite: Sequence[str]) -> None:
        for j, source_id in enumerate(cite):
            if source_id not in library.sources:
                report(
                    f"{key_path}[{j}]",
                    source_id,
                    f"unknown source '{source_id}'",
                    did_you_mean(source_id, library.sources)
                    or "run 'sinoru-brief sources' to list them, or cite a source id from sources.yaml",
                )

    def check_bullets(key_path: str, bullets: Sequence[BriefBullet]) -> None:
        for i, bullet in enumerate(bullets):
            check_cites(f"{key_path}[{i}].cite", bullet.cite)
            check_bullets(f"{key_path}[{i}].sub", bullet.sub)

    for i, custom in enumerate(brief.custom_slides):
        path = f"custom_slides[{i}]"
        if library.has_slide(custom.id):
            report(
                f"{path}.id",
                custom.id,
                f"slide id '{custom.id}' is already a library slide's",
                "give your slide an id of its own, e.g. 'our-" + custom.id + "'",
            )
        if custom.after not in anchors and custom.after not in starts:
            report(
                f"{path}.after",
                custom.after,
                f"slide '{custom.id}' follows '{custom.after}', which is not a slide",
                did_you_mean(custom.after, anchors | starts)
                or "name a slide id, or write 'start:<topic>' to open a topic with it",
            )
        check_cites(f"{path}.cite", custom.cite)
        check_bullets(f"{path}.bullets", custom.bullets)
        for j, figure in enumerate(custom.figures):
            check_cites(f"{path}.figures[{j}].cite", figure.cite)
    for slide_id, override in brief.overrides.items():
        if override.bullet_list is not None:
            check_bullets(f"overrides.{slide_id}.bullets", override.bullet_list)
    if problems:
        raise BriefFileError(problems)


def to_bullets(bullets: Sequence[BriefBullet], render: Callable[[str, str], str], key_path: str) -> tuple[Bullet, ...]:
    """Return the brief's *bullets* as slide bullets, each text rendered by *render(text, its key path)*."""
    return tuple(
        Bullet(
            text=render(b.text, f"{key_path}[{i}].text"),
            cite=tuple(b.cite),
            sub=to_bullets(b.sub, render, f"{key_path}[{i}].sub"),
        )
        for i, b in enumerate(bullets)
    )


def to_slide(custom: CustomSlide, topic: Topic, render: Callable[[str, str], str], key_path: str) -> Slide:
    """Return *custom* as a slide of *topic*, its text rendered by *render(text, its key path)*."""
    return Slide(
        id=custom.id,
        kind=custom.kind,
        title=render(custom.title, f"{key_path}.title"),
        priority=CUSTOM_PRIORITY,
        notes=render(custom.notes, f"{key_path}.notes"),
        topic_id=topic.id,
        bullets=to_bullets(custom.bullets, render, f"{key_path}.bullets"),
        quote=render(custom.quote, f"{key_path}.quote"),
        attribution=render(custom.attribution, f"{key_path}.attribution"),
        cite=tuple(custom.cite),
        briefer=render(custom.briefer, f"{key_path}.briefer"),
        figures=tuple(
            KeyFigure(
                value=render(f.value, f"{key_path}.figures[{i}].value"),
                label=render(f.label, f"{key_path}.figures[{i}].label"),
                cite=tuple(f.cite),
            )
            for i, f in enumerate(custom.figures)
        ),
    )


def placed_slides(topic: Topic, brief: Brief) -> list[Slide | CustomSlide]:
    """Return every slide of *topic* where the deck places it: in the brief's order, with the user's own slides.

    All depths and removed slides included: the composer filters these, and
    the app's moves reason about the same order.
    """
    return place(topic, order_slides(topic.slides, brief.slide_order), brief)
