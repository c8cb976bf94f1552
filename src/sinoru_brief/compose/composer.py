"""Turn a library and a brief into a deck: choose, order, render text, number citations."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from jinja2 import TemplateError as JinjaTemplateError

from sinoru_brief.brief.model import Brief, CustomSlide, SlideOverride
from sinoru_brief.brief.positions import bullet_position
from sinoru_brief.citations.formatting import Reference, ReferenceFormatter
from sinoru_brief.citations.numbering import Numbering
from sinoru_brief.compose.custom import CUSTOM_PRIORITY, check_custom, placed_slides, to_bullets, to_slide
from sinoru_brief.compose.deck import Deck, DeckSlide, TitleLines, section_key
from sinoru_brief.compose.outline import outline
from sinoru_brief.compose.short_forms import distinct_short_forms
from sinoru_brief.compose.source_entries import source_entries
from sinoru_brief.compose.speaker_notes import join_notes, split_guidance
from sinoru_brief.content.models import (
    BRIEFER_LABEL,
    Bullet,
    Column,
    Library,
    Slide,
    Source,
    TableRow,
    TimelineEvent,
    Topic,
)
from sinoru_brief.errors import BriefFileError, ContentError, Problem, TemplateError
from sinoru_brief.templating import explain_failure, long_date, render_text
from sinoru_brief.theme.loader import SourcedSnippets
from sinoru_brief.theme.model import SOURCES_SLIDE, Snippets, Structure
from sinoru_brief.yamlio.schema import did_you_mean


def compose(
    library: Library, brief: Brief, snippets: Snippets | None = None, structure: Structure | None = None
) -> Deck:
    """Build the deck *brief* asks for from *library*.

    *snippets* word the generated slides and *structure* decides where
    section dividers go and whether the deck closes with its full
    references or a Sources slide (both the template's; defaults
    otherwise). Raises
    :class:`BriefFileError` when the brief names no topic or an unknown one,
    :class:`ContentError` when a slide's template text fails, and
    :class:`TemplateError` when a template snippet fails.
    """
    snippets = snippets or Snippets()
    topics = _chosen_topics(library, brief)
    check_custom(library, brief)
    variables = _brief_variables(brief)
    content = [
        (
            topic,
            [
                _render_custom(s, topic, brief, variables)
                if isinstance(s, CustomSlide)
                else _render_slide(s, topic, brief, variables)
                for s in _topic_slides(topic, brief)
            ],
        )
        for topic in topics
    ]
    plan = outline(content, brief.depth, structure or Structure())
    as_of = max((s.as_of for part in plan.parts for s in part.slides if s.as_of), default=None)
    variables = {**variables, "as_of": long_date(as_of) if as_of else ""}

    numbering = Numbering()
    # The title slide's notes say what the deck rests on (the article, its author and her affiliation).
    title_notes = _snippet(snippets, "notes", {**variables, "notes": "\n\n".join(library.about), "references": ""})
    deck_slides: list[DeckSlide] = [replace(_title_slide(brief, snippets, variables, as_of), notes=title_notes)]
    if plan.agenda:
        deck_slides.append(
            DeckSlide(
                kind="agenda",
                key="agenda",
                title=_snippet(snippets, "agenda_heading", variables),
                items=tuple(t.title for t in plan.topics()),
            )
        )
    body: list[tuple[DeckSlide, Slide | None]] = []
    for part in plan.parts:
        topic = part.topic
        if part.divider:
            body.append(
                (
                    DeckSlide(
                        kind="section",
                        key=section_key(topic.id),
                        title=topic.title,
                        topic=topic,
                        section_number=part.number,
                        items=(topic.summary,),
                        as_of=topic.as_of,
                    ),
                    None,
                )
            )
        for slide in part.slides:
            numbers = tuple(dict.fromkeys(numbering.cite(slide.citations())))
            body.append(
                (
                    DeckSlide(
                        kind=slide.kind,
                        key=slide.id,
                        title=slide.title,
                        topic=topic,
                        slide=slide,
                        citations=numbers,
                        as_of=slide.as_of,
                    ),
                    slide,
                )
            )

    cited = [library.sources[i] for i in numbering.ordered_ids()]
    short = distinct_short_forms(cited)
    references = [replace(r, short=short[r.source_id]) for r in ReferenceFormatter(brief.style).format(cited)]
    for deck_slide, library_slide in body:
        notes = (
            join_notes(library_slide.notes, library_slide.briefer)
            if library_slide
            else deck_slide.items[0]
            if deck_slide.items
            else ""
        )
        refs = "\n".join(f"[{n}] {references[n - 1].text}" for n in deck_slide.citations)
        deck_slides.append(
            replace(deck_slide, notes=_snippet(snippets, "notes", {**variables, "notes": notes, "references": refs}))
        )
    if references:
        deck_slides.append(
            _sources_slide(cited, references, snippets, variables)
            if (structure or Structure()).reference_form(brief.depth) == SOURCES_SLIDE
            else DeckSlide(
                kind="references", key="references", title=_snippet(snippets, "references_heading", variables)
            )
        )
    if plan.closing:
        deck_slides.append(
            DeckSlide(
                kind="closing",
                key="closing",
                title=_snippet(snippets, "closing_title", variables),
                items=(_snippet(snippets, "closing_text", variables),),
            )
        )
    return Deck(
        brief=brief,
        slides=deck_slides,
        references=references,
        numbers={sid: numbering.number(sid) for sid in numbering.ordered_ids()},
        footer=_snippet(snippets, "footer", variables),
        as_of=as_of,
    )


def _sources_slide(
    cited: list[Source], references: list[Reference], snippets: Snippets, variables: dict[str, Any]
) -> DeckSlide:
    """Return the Sources slide: a compact entry per cited work, the full references in its speaker notes.

    The notes are written as every slide's are (the ``notes`` snippet), with
    all the deck's references in the citation style, one per line, numbered
    as on the slides.
    """
    entries = source_entries(cited, references)
    refs = "\n".join(e.notes_line for e in entries)
    return DeckSlide(
        kind="sources",
        key="sources",
        title=_snippet(snippets, "sources_heading", variables),
        notes=_snippet(snippets, "notes", {**variables, "notes": "", "references": refs}),
        # It cites every work: the app's notes panel lists their full references beside it.
        citations=tuple(e.number for e in entries),
        entries=entries,
    )


def _title_slide(brief: Brief, snippets: Snippets, variables: dict[str, Any], as_of: dt.date | None) -> DeckSlide:
    """Return the title slide: title, subtitle, byline and date, and the organisation, presenter and marking."""
    return DeckSlide(
        kind="title",
        key="title",
        title=brief.title,
        subtitle=_snippet(snippets, "title_subtitle", variables),
        items=(_snippet(snippets, "title_byline", variables), _snippet(snippets, "as_of", variables) if as_of else ""),
        as_of=as_of,
        title_lines=TitleLines(
            organisation=_snippet(snippets, "title_organisation", variables),
            presenter=_snippet(snippets, "title_presenter", variables),
            classification=_snippet(snippets, "title_classification", variables),
        ),
    )


def _chosen_topics(library: Library, brief: Brief) -> list[Topic]:
    if not brief.topics:
        raise BriefFileError(
            Problem(
                None,
                "the brief names no topics",
                key_path="topics",
                hint="choose at least one topic, e.g. --topics summits",
            )
        )
    known = {t.id: t for t in library.topics}
    problems = [
        Problem(
            None,
            f"unknown topic '{t}'",
            key_path="topics",
            hint=did_you_mean(t, known) or "run 'sinoru-brief topics' to list them",
        )
        for t in brief.topics
        if t not in known
    ]
    if problems:
        raise BriefFileError(problems)
    return [known[t] for t in dict.fromkeys(brief.topics)]


def _topic_slides(topic: Topic, brief: Brief) -> list[Slide | CustomSlide]:
    """Return the topic's slides at the brief's depth, without exclusions, in the brief's order, with the user's own.

    The user's slides are placed among all of the topic's slides before the
    depth filters them, so one that follows a slide left out at this depth
    stays where that slide would have been.
    """
    excluded = set(brief.exclude)
    shown = {s.id for s in topic.slides_at(brief.depth)}
    placed = placed_slides(topic, brief)
    return [s for s in placed if s.id not in excluded and (isinstance(s, CustomSlide) or s.id in shown)]


def _brief_variables(brief: Brief) -> dict[str, Any]:
    return {
        "brief": {
            "title": brief.title,
            "subtitle": brief.subtitle,
            "author": brief.author,
            "organisation": brief.organisation,
            "presenter": brief.presenter,
            "classification": brief.classification,
            "date": long_date(brief.deck_date()),
            "depth": brief.depth,
        }
    }


def _snippet(snippets: Snippets, name: str, variables: dict[str, Any]) -> str:
    """Render the snippet *name*; an error names the template file and line it was written on, if known."""
    try:
        return render_text(getattr(snippets, name), variables).strip()
    except JinjaTemplateError as exc:
        reason, hint = explain_failure(exc, tuple(variables))
        file, line = snippets.origin(name) if isinstance(snippets, SourcedSnippets) else (None, None)
        raise TemplateError(
            Problem(
                file,
                f"the template text '{name}' cannot be rendered: {reason}",
                line=line,
                key_path=f"snippets.{name}",
                hint=hint,
            )
        ) from exc


class _SlideRenderer:
    """Render every text field of one slide, naming the field (and the file it came from) in any error."""

    def __init__(self, slide: Slide, brief: Brief, variables: dict[str, Any]):
        self.slide = slide
        self.brief = brief
        self.variables = variables

    def text(self, value: str, field: str, override: str = "") -> str:
        """Render *value*, the slide's *field*; *override* is its key path in the brief if the brief wrote it."""
        try:
            return render_text(value, self.variables)
        except JinjaTemplateError as exc:
            reason, hint = explain_failure(exc, ("brief", "topic", "slide", "as_of"))
            if override:
                file, line = self.brief.origin_of(override, value)
                raise BriefFileError(
                    Problem(
                        file,
                        f"the changed text of slide '{self.slide.id}' cannot be rendered: {reason}",
                        line=line,
                        key_path=override,
                        hint=hint,
                    )
                ) from exc
            origin = self.slide.origin
            key_path = f"{origin.key_path}.{field}" if origin and origin.key_path else field
            raise ContentError(
                Problem(
                    origin.file if origin else None,
                    f"slide '{self.slide.id}': the text cannot be rendered: {reason}",
                    line=origin.line if origin else None,
                    key_path=key_path,
                    hint=hint,
                )
            ) from exc

    def bullets(
        self, bullets: tuple[Bullet, ...], field: str, overrides: dict[str, str], parent: int | None = None
    ) -> tuple[Bullet, ...]:
        out = []
        for i, bullet in enumerate(bullets):
            key = bullet_position(i) if parent is None else bullet_position(parent, i)
            # Overrides name bullets and sub-bullets only: anything nested deeper keeps its own words.
            nested = overrides if parent is None else {}
            sub = self.bullets(bullet.sub, f"{field}[{i}].sub", nested, parent=i) if bullet.sub else ()
            if key in overrides:
                text = self.text(
                    overrides[key], f"{field}[{i}].text", override=f"overrides.{self.slide.id}.bullets.{key}"
                )
            else:
                text = self.text(bullet.text, f"{field}[{i}].text")
            out.append(replace(bullet, text=text, sub=sub))
        return tuple(out)


def _render_slide(slide: Slide, topic: Topic, brief: Brief, variables: dict[str, Any]) -> Slide:
    override = brief.overrides.get(slide.id) or SlideOverride()
    scope = {
        **variables,
        "topic": {"id": topic.id, "title": topic.title, "summary": topic.summary},
        "slide": {"id": slide.id, "title": slide.title, "kind": slide.kind, "priority": slide.priority},
        "as_of": long_date(slide.as_of) if slide.as_of else "",
    }
    r = _SlideRenderer(slide, brief, scope)
    if override.notes is not None and BRIEFER_LABEL in override.notes:
        # A brief saved before guidance had its own field holds it in its notes: read it as the guidance.
        notes, guidance = split_guidance(override.notes)
        override = replace(
            override, notes=notes, briefer=override.briefer if override.briefer is not None else guidance
        )
    return replace(
        slide,
        title=(
            r.text(override.title, "title", override=f"overrides.{slide.id}.title")
            if override.title is not None
            else r.text(slide.title, "title")
        ),
        notes=(
            r.text(override.notes, "notes", override=f"overrides.{slide.id}.notes")
            if override.notes is not None
            else r.text(slide.notes, "notes")
        ),
        briefer=(
            r.text(override.briefer, "briefer", override=f"overrides.{slide.id}.briefer")
            if override.briefer is not None
            else r.text(slide.briefer, "briefer")
        ),
        bullets=(
            to_bullets(
                override.bullet_list,
                lambda text, path: r.text(text, path, override=path),
                f"overrides.{slide.id}.bullets",
            )
            if override.bullet_list is not None
            else r.bullets(slide.bullets, "bullets", override.bullets)
        ),
        quote=r.text(slide.quote, "quote"),
        attribution=r.text(slide.attribution, "attribution"),
        context=r.text(slide.context, "context"),
        columns=tuple(r.text(c, f"columns[{i}]") for i, c in enumerate(slide.columns)),
        rows=tuple(
            TableRow(cells=tuple(r.text(c, f"rows[{i}].cells[{j}]") for j, c in enumerate(row.cells)), cite=row.cite)
            for i, row in enumerate(slide.rows)
        ),
        events=tuple(
            TimelineEvent(date=e.date, label=r.text(e.label, f"events[{i}].label"), cite=e.cite)
            for i, e in enumerate(slide.events)
        ),
        sides=tuple(
            Column(
                heading=r.text(c.heading, f"columns[{i}].heading"),
                bullets=r.bullets(c.bullets, f"columns[{i}].bullets", {}),
            )
            for i, c in enumerate(slide.sides)
        ),
    )


def _render_custom(custom: CustomSlide, topic: Topic, brief: Brief, variables: dict[str, Any]) -> Slide:
    """Return the user's slide *custom* as a slide of *topic*, its text rendered like a library slide's."""
    index = next(i for i, s in enumerate(brief.custom_slides) if s is custom)
    unrendered = Slide(
        id=custom.id,
        kind=custom.kind,
        title=custom.title,
        priority=CUSTOM_PRIORITY,
        notes=custom.notes,
        topic_id=topic.id,
    )
    scope = {
        **variables,
        "topic": {"id": topic.id, "title": topic.title, "summary": topic.summary},
        "slide": {"id": custom.id, "title": custom.title, "kind": custom.kind, "priority": CUSTOM_PRIORITY},
        "as_of": "",
    }
    r = _SlideRenderer(unrendered, brief, scope)
    return to_slide(custom, topic, lambda text, path: r.text(text, path, override=path), f"custom_slides[{index}]")
