"""Every edit the app makes to a brief: topics, depth and fields, slides and their order, reworded text,
own slides, bullets and notes.

Each function changes a :class:`Brief` in place, so the app can run it inside
one undoable step (its undo commands only call these); none touches the
library, and none needs Qt, so each is tested on its own.
"""

from __future__ import annotations

import re
from typing import Literal

from sinoru_brief.brief.model import START_PREFIX, Brief, BriefBullet, BriefFigure, CustomSlide, SlideOverride
from sinoru_brief.brief.order import order_slides
from sinoru_brief.content.models import DEPTHS, Bullet, Library, Source


def new_slide_id(brief: Brief, library: Library, title: str) -> str:
    """Return an id for a new slide titled *title*, unused by the brief's slides and the library's."""
    stem = "-".join(re.findall(r"[a-z0-9]+", title.lower())[:6]) or "slide"
    stem = f"own-{stem}"
    taken = {s.id for s in brief.custom_slides}
    for n in range(len(taken) + 2):
        candidate = f"{stem}-{n + 1}" if n else stem
        if candidate not in taken and not library.has_slide(candidate):
            return candidate
    raise AssertionError("unreachable: there are more candidates than taken ids")


def add_custom_slide(
    brief: Brief,
    library: Library,
    after: str,
    title: str,
    bullets: list[BriefBullet],
    notes: str = "",
    *,
    kind: str = "bullets",
    figures: list[BriefFigure] | None = None,
    quote: str = "",
    attribution: str = "",
    cite: list[str] | None = None,
    briefer: str = "",
) -> CustomSlide:
    """Add a slide of the user's own after the slide *after*; return it.

    A ``bullets`` slide keeps *bullets*, a ``quote`` slide *quote*, *attribution* and *cite*, a
    ``key_figures`` slide *figures*; what belongs to another kind is left out.
    """
    slide = CustomSlide(
        id=new_slide_id(brief, library, title),
        after=after,
        title=title,
        kind=kind,
        bullets=list(bullets) if kind == "bullets" else [],
        notes=notes,
        briefer=briefer,
        figures=list(figures or []) if kind == "key_figures" else [],
        quote=quote if kind == "quote" else "",
        attribution=attribution if kind == "quote" else "",
        cite=list(cite or []) if kind == "quote" else [],
    )
    # Placed before any slide already following the same anchor, so it lands right after the selected slide.
    position = next((i for i, s in enumerate(brief.custom_slides) if s.after == after), len(brief.custom_slides))
    brief.custom_slides.insert(position, slide)
    return slide


def remove_custom_slide(brief: Brief, slide_id: str) -> None:
    """Remove the user's slide *slide_id*; slides that followed it follow what it followed."""
    slide = brief.custom_slide(slide_id)
    if slide is None:
        return
    for other in brief.custom_slides:
        if other.after == slide_id:
            other.after = slide.after
    brief.custom_slides.remove(slide)


def _from_library(bullets: tuple[Bullet, ...], reworded: dict[str, str], prefix: str = "") -> list[BriefBullet]:
    return [
        BriefBullet(
            text=reworded.get(f"{prefix}{i}", b.text),
            cite=list(b.cite),
            sub=_from_library(b.sub, reworded, f"{prefix}{i}."),
        )
        for i, b in enumerate(bullets)
    ]


def bullets_of(brief: Brief, library: Library, slide_id: str) -> list[BriefBullet]:
    """Return the bullets slide *slide_id* has in this deck, with the brief's changes applied."""
    custom = brief.custom_slide(slide_id)
    if custom is not None:
        return [
            BriefBullet(b.text, list(b.cite), [BriefBullet(s.text, list(s.cite)) for s in b.sub])
            for b in custom.bullets
        ]
    override = brief.overrides.get(slide_id) or SlideOverride()
    if override.bullet_list is not None:
        return [
            BriefBullet(b.text, list(b.cite), [BriefBullet(s.text, list(s.cite)) for s in b.sub])
            for b in override.bullet_list
        ]
    return _from_library(library.slide(slide_id).bullets, override.bullets)


def set_bullets(brief: Brief, library: Library, slide_id: str, bullets: list[BriefBullet]) -> None:
    """Give slide *slide_id* *bullets* in this deck; a library slide set back to its own bullets loses the change."""
    custom = brief.custom_slide(slide_id)
    if custom is not None:
        custom.bullets = list(bullets)
        return
    override = brief.overrides.setdefault(slide_id, SlideOverride())
    override.bullets = {}
    unchanged = bullets == _from_library(library.slide(slide_id).bullets, {})
    override.bullet_list = None if unchanged else list(bullets)
    if override.is_empty():
        del brief.overrides[slide_id]


def add_bullet(
    brief: Brief,
    library: Library,
    slide_id: str,
    index: int,
    text: str,
    cite: list[str] | None = None,
    parent: int | None = None,
) -> None:
    """Insert a bullet at *index* (under bullet *parent* for a sub-bullet) on slide *slide_id*."""
    bullets = bullets_of(brief, library, slide_id)
    new = BriefBullet(text=text, cite=list(cite or []))
    siblings = bullets if parent is None else bullets[parent].sub
    siblings.insert(max(0, min(index, len(siblings))), new)
    set_bullets(brief, library, slide_id, bullets)


def remove_bullet(brief: Brief, library: Library, slide_id: str, index: int, parent: int | None = None) -> None:
    """Remove bullet *index* (of bullet *parent*'s sub-bullets, if given) from slide *slide_id*."""
    bullets = bullets_of(brief, library, slide_id)
    siblings = bullets if parent is None else bullets[parent].sub
    del siblings[index]
    set_bullets(brief, library, slide_id, bullets)


def move_bullet(brief: Brief, library: Library, slide_id: str, index: int, to: int, parent: int | None = None) -> None:
    """Move bullet *index* to position *to* among its siblings on slide *slide_id*."""
    bullets = bullets_of(brief, library, slide_id)
    siblings = bullets if parent is None else bullets[parent].sub
    siblings.insert(max(0, min(to, len(siblings) - 1)), siblings.pop(index))
    set_bullets(brief, library, slide_id, bullets)


def set_notes(brief: Brief, library: Library, slide_id: str, notes: str) -> None:
    """Give slide *slide_id* *notes* in this deck; the library's own notes clear the change."""
    _set_text(brief, library, slide_id, "notes", notes)


def _set_text(brief: Brief, library: Library, slide_id: str, name: Literal["notes", "briefer"], value: str) -> None:
    """Set the text field *name* (notes, briefer) of slide *slide_id* in this deck.

    An own slide holds it; a library slide gets an override, which the
    library's own text clears again (so the brief records only real changes).
    """
    custom = brief.custom_slide(slide_id)
    if custom is not None:
        setattr(custom, name, value)
        return
    override = brief.overrides.setdefault(slide_id, SlideOverride())
    # The dialogs strip what they give; the library's text may end in a newline (a YAML block scalar).
    own = getattr(library.slide(slide_id), name)
    setattr(override, name, None if value.strip() == own.strip() else value)
    if override.is_empty():
        del brief.overrides[slide_id]


def set_own_figures(brief: Brief, slide_id: str, figures: list[BriefFigure]) -> None:
    """Give the user's own key-figures slide *slide_id* *figures*; nothing happens if the brief has no such slide."""
    own = brief.custom_slide(slide_id)
    if own is not None:
        own.figures = [BriefFigure(f.value, f.label, list(f.cite)) for f in figures]


def set_own_quote(brief: Brief, slide_id: str, quote: str, attribution: str, cite: list[str]) -> None:
    """Give the user's own quote slide *slide_id* its words, attribution and sources; nothing if there is none."""
    own = brief.custom_slide(slide_id)
    if own is not None:
        own.quote, own.attribution, own.cite = quote, attribution, list(cite)


def briefer_of(brief: Brief, library: Library, slide_id: str) -> str:
    """Return the guidance for the briefer that slide *slide_id* has in this deck."""
    own = brief.custom_slide(slide_id)
    if own is not None:
        return own.briefer
    override = brief.overrides.get(slide_id)
    if override is not None and override.briefer is not None:
        return override.briefer
    return library.slide(slide_id).briefer


def set_briefer(brief: Brief, library: Library, slide_id: str, briefer: str) -> None:
    """Give slide *slide_id* the guidance *briefer* in this deck; the library's own guidance clears the change."""
    _set_text(brief, library, slide_id, "briefer", briefer)


#: Source ids at the end of an outline line: "A claim [article-2025, tass-2024]".
_CITES = re.compile(r"\s*\[([a-z0-9][a-z0-9, -]*)\]\s*$")


def parse_outline(text: str) -> list[BriefBullet]:
    """Return bullets from an outline typed one per line; an indented line is a sub-bullet of the one above.

    Source ids in square brackets at the end of a line are that bullet's citations.
    """
    bullets: list[BriefBullet] = []
    for line in text.splitlines():
        words = line.strip().lstrip("-•*").strip()
        cite: list[str] = []
        match = _CITES.search(words)
        if match:
            cite = [c.strip() for c in match.group(1).split(",") if c.strip()]
            words = words[: match.start()].rstrip()
        if not words:
            continue
        if line[:1] in (" ", "\t") and bullets:
            bullets[-1].sub.append(BriefBullet(words, cite))
        else:
            bullets.append(BriefBullet(words, cite))
    return bullets


def format_outline(bullets: list[BriefBullet]) -> str:
    """Return *bullets* as the outline text :func:`parse_outline` reads back."""

    def line(bullet: BriefBullet, indent: str) -> str:
        return f"{indent}{bullet.text}" + (f" [{', '.join(bullet.cite)}]" if bullet.cite else "")

    return "\n".join(line(b, "") + "".join(f"\n{line(s, '  ')}" for s in b.sub) for b in bullets)


def search_sources(library: Library, query: str, limit: int = 50) -> list[Source]:
    """Return the library's sources whose id, title, authors or year contain every word of *query*."""
    words = query.lower().split()

    def haystack(source: Source) -> str:
        csl = source.csl
        authors = " ".join(
            f"{a.get('family', '')} {a.get('given', '')} {a.get('literal', '')}"
            for a in csl.get("author", [])
            if isinstance(a, dict)
        )
        issued = (
            " ".join(str(p) for part in (csl.get("issued") or {}).get("date-parts", []) for p in part)
            if isinstance(csl.get("issued"), dict)
            else str(csl.get("issued", ""))
        )
        return " ".join([source.id, source.title, str(csl.get("container-title", "")), authors, issued]).lower()

    return [s for s in library.sources.values() if all(w in haystack(s) for w in words)][:limit]


def arrange_topic(brief: Brief, library: Library, topic_id: str, placed: list[str], shown: list[str]) -> None:
    """Make the deck show topic *topic_id*'s slides in the order *shown*.

    *placed* is every slide of the topic where the composer puts it now (all
    depths, excluded slides and the user's own among them); *shown* is the
    wanted order of the slides the deck shows. *shown* may hold one of the
    user's own slides from another topic (it moves here) and may lack one of
    the user's own slides of this topic (it moves away: the caller arranges
    its new topic too). Library slides not shown (at another depth, or
    removed) keep their places among the rest, so changing the depth later
    does not scramble the order.

    Library slides are ordered through ``slide_order``; each of the user's
    own follows the slide before it (``after:``). Raises :class:`ValueError`
    for an unknown slide or a library slide of another topic: only the
    user's own slides can change topic, a library slide belongs to its topic.
    """
    for key in shown:
        if library.has_slide(key):
            if library.slide(key).topic_id != topic_id:
                raise ValueError(
                    f"library slide '{key}' belongs to topic '{library.slide(key).topic_id}', not '{topic_id}'"
                )
        elif brief.custom_slide(key) is None:
            raise ValueError(f"'{key}' is neither a library slide nor one of the brief's own")
    wanted = set(shown)
    queue = list(shown)
    full: list[str] = []
    for key in placed:
        if library.has_slide(key) and key not in wanted:
            full.append(key)  # not shown: it keeps its slot
        elif queue:
            full.append(queue.pop(0))  # a shown slot (or one a slide moving away leaves) takes the next wanted
    full.extend(queue)
    others = [s for s in brief.slide_order if not (library.has_slide(s) and library.slide(s).topic_id == topic_id)]
    brief.slide_order = others + [k for k in full if library.has_slide(k)]
    anchor = f"{START_PREFIX}{topic_id}"
    for key in full:
        own = brief.custom_slide(key)
        if own is not None:
            own.after = anchor
        anchor = key


# ---------------------------------------------------------------- topics, slides and their order


def set_topics(brief: Brief, topics: list[str]) -> None:
    """Make *topics* the deck's topics, in that order."""
    brief.topics = list(topics)


def set_depth(brief: Brief, depth: str) -> None:
    """Build the deck at *depth* (key, standard or full); raise :class:`ValueError` for any other."""
    if depth not in DEPTHS:
        raise ValueError(f"unknown depth '{depth}': use one of {', '.join(DEPTHS)}")
    brief.depth = depth


#: The brief's fields a single value is set on (the deck's title and byline, its look and its style).
FIELDS = ("title", "subtitle", "author", "organisation", "presenter", "classification", "date", "template", "style")


def set_field(brief: Brief, name: str, value: object) -> None:
    """Set the brief's field *name* (one of :data:`FIELDS`) to *value*; raise :class:`ValueError` for another."""
    if name not in FIELDS:
        raise ValueError(f"'{name}' is not a field of the brief that can be set: use one of {', '.join(FIELDS)}")
    setattr(brief, name, value)


def toggle_topic(brief: Brief, library: Library, topic_id: str, on: bool) -> None:
    """Choose topic *topic_id* (*on*) or leave it out; a newly chosen topic goes where the library puts it."""
    if on and topic_id not in brief.topics:
        chosen = set(brief.topics) | {topic_id}
        brief.topics = _merge_order(brief.topics, [t for t in library.topic_ids() if t in chosen])
    elif not on:
        brief.topics = [t for t in brief.topics if t != topic_id]


def move_topic(brief: Brief, topic_id: str, before_topic_id: str | None) -> None:
    """Move topic *topic_id* before *before_topic_id* (None, or a topic not chosen: to the end)."""
    order = [t for t in brief.topics if t != topic_id]
    index = order.index(before_topic_id) if before_topic_id in order else len(order)
    order.insert(index, topic_id)
    brief.topics = order


def exclude_slide(brief: Brief, slide_id: str) -> None:
    """Leave slide *slide_id* out of this deck (it stays in the library)."""
    if slide_id not in brief.exclude:
        brief.exclude.append(slide_id)


def restore_slide(brief: Brief, slide_id: str) -> None:
    """Bring back slide *slide_id*, left out before."""
    brief.exclude = [s for s in brief.exclude if s != slide_id]


def set_slide_included(brief: Brief, library: Library, slide_id: str, included: bool) -> None:
    """Put the library slide *slide_id* in the deck, choosing its topic if need be, or leave it out."""
    if not included:
        exclude_slide(brief, slide_id)
        return
    restore_slide(brief, slide_id)
    toggle_topic(brief, library, library.slide(slide_id).topic_id, True)


def topic_order(brief: Brief, library: Library, topic_id: str) -> list[str]:
    """Return the ids of topic *topic_id*'s library slides (all depths) in the order the deck is built in."""
    return [s.id for s in order_slides(library.topic(topic_id).slides, brief.slide_order)]


def move_slide(brief: Brief, library: Library, slide_id: str, before_slide_id: str | None) -> None:
    """Move the library slide *slide_id* before *before_slide_id* within its topic (None: to the topic's end).

    A library slide belongs to its topic: a *before_slide_id* of another
    topic also moves it to its own topic's end.
    """
    topic_id = library.slide(slide_id).topic_id
    order = [s for s in topic_order(brief, library, topic_id) if s != slide_id]
    index = order.index(before_slide_id) if before_slide_id in order else len(order)
    order.insert(index, slide_id)
    # Ids of slides the library no longer has stay as they are: reconciling the brief is not this edit's job.
    others = [s for s in brief.slide_order if not (library.has_slide(s) and library.slide(s).topic_id == topic_id)]
    brief.slide_order = others + order


# ---------------------------------------------------------------- reworded text


def override_title(brief: Brief, slide_id: str, title: str | None) -> None:
    """Give the library slide *slide_id* the title *title* in this deck (None: its own title again)."""
    override = brief.overrides.setdefault(slide_id, SlideOverride())
    override.title = title
    _drop_if_empty(brief, slide_id)


def override_bullet(brief: Brief, slide_id: str, position: str, text: str | None) -> None:
    """Reword the bullet at *position* ("0", "0.1" for a sub-bullet) of slide *slide_id* (None: its own words)."""
    override = brief.overrides.setdefault(slide_id, SlideOverride())
    if text is None:
        override.bullets.pop(position, None)
    else:
        override.bullets[position] = text
    _drop_if_empty(brief, slide_id)


def set_own_title(brief: Brief, slide_id: str, title: str) -> None:
    """Retitle the user's own slide *slide_id*; nothing happens if the brief has no such slide."""
    own = brief.custom_slide(slide_id)
    if own is not None:
        own.title = title


def _drop_if_empty(brief: Brief, slide_id: str) -> None:
    # An override that changes nothing is not kept, so a slide edited back is the library's slide again.
    if brief.overrides[slide_id].is_empty():
        del brief.overrides[slide_id]


def _merge_order(current: list[str], wanted: list[str]) -> list[str]:
    """Keep *current*'s order and slot the new ids of *wanted* in after their predecessor in *wanted*."""
    result = list(current)
    for i, item in enumerate(wanted):
        if item in result:
            continue
        before = [w for w in wanted[:i] if w in result]
        result.insert(result.index(before[-1]) + 1 if before else 0, item)
    return result
