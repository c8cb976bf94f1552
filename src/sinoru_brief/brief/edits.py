"""Every edit the app makes to a brief: topics, depth and fields, slides and their order, reworded text,
own slides, bullets and notes.

Each edit is a pure function: it returns a new :class:`Brief` and never
changes the one it is given, so an undo step keeps the brief before it as
it was, and several edits chain into one step
(``exclude_slide(move_topic(brief, ...), ...)``). The app's undo commands
only call these; none touches the library, and none needs Qt, so each is
tested on its own.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from sinoru_brief.brief.model import START_PREFIX, Brief, BriefBullet, BriefFigure, CustomSlide, SlideOverride
from sinoru_brief.brief.order import order_slides
from sinoru_brief.content.models import DEPTHS, Bullet, Library, Source


def _copy(brief: Brief) -> Brief:
    """Return a copy of *brief* for an edit to change: the brief an edit is given stays as it was."""
    return copy.deepcopy(brief)


# ---------------------------------------------------------------- the user's own slides


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
) -> tuple[Brief, str]:
    """Return the brief with a slide of the user's own after the slide *after*, and the new slide's id.

    A ``bullets`` slide keeps *bullets*, a ``quote`` slide *quote*, *attribution* and *cite*, a
    ``key_figures`` slide *figures*; what belongs to another kind is left out.
    """
    edited = _copy(brief)
    slide = CustomSlide(
        id=new_slide_id(edited, library, title),
        after=after,
        title=title,
        kind=kind,
        bullets=copy.deepcopy(bullets) if kind == "bullets" else [],
        notes=notes,
        briefer=briefer,
        figures=copy.deepcopy(figures or []) if kind == "key_figures" else [],
        quote=quote if kind == "quote" else "",
        attribution=attribution if kind == "quote" else "",
        cite=list(cite or []) if kind == "quote" else [],
    )
    # Placed before any slide already following the same anchor, so it lands right after the selected slide.
    own = edited.custom_slides
    position = next((i for i, s in enumerate(own) if s.after == after), len(own))
    own.insert(position, slide)
    return edited, slide.id


def remove_custom_slide(brief: Brief, slide_id: str) -> Brief:
    """Return the brief without the user's slide *slide_id*; slides that followed it follow what it followed."""
    edited = _copy(brief)
    _drop_own(edited, slide_id)
    return edited


def remove_slides(brief: Brief, library: Library, slide_ids: Iterable[str]) -> Brief:
    """Return the brief with the slides *slide_ids* gone from the deck.

    A library slide is left out (it stays in the library, and
    :func:`restore_slide` brings it back); a slide of the user's own is
    deleted. An id that is neither is ignored.
    """
    edited = _copy(brief)  # one copy for them all, however many slides go
    for slide_id in dict.fromkeys(slide_ids):
        if not _drop_own(edited, slide_id) and library.has_slide(slide_id) and slide_id not in edited.exclude:
            edited.exclude.append(slide_id)
    return edited


def _drop_own(edited: Brief, slide_id: str) -> bool:
    """Delete the user's slide *slide_id* from *edited* (an edit's own copy); return whether there was one.

    The slides that followed it follow what it followed.
    """
    slide = edited.custom_slide(slide_id)
    if slide is None:
        return False
    for other in edited.custom_slides:
        if other.after == slide_id:
            other.after = slide.after
    edited.custom_slides.remove(slide)
    return True


def set_own_figures(brief: Brief, slide_id: str, figures: list[BriefFigure]) -> Brief:
    """Return the brief with the user's key-figures slide *slide_id* showing *figures* (unchanged if none)."""
    edited = _copy(brief)
    own = edited.custom_slide(slide_id)
    if own is not None:
        own.figures = copy.deepcopy(figures)
    return edited


def set_own_quote(brief: Brief, slide_id: str, quote: str, attribution: str, cite: list[str]) -> Brief:
    """Return the brief with the user's quote slide *slide_id* given its words, attribution and sources."""
    edited = _copy(brief)
    own = edited.custom_slide(slide_id)
    if own is not None:
        own.quote, own.attribution, own.cite = quote, attribution, list(cite)
    return edited


def set_own_title(brief: Brief, slide_id: str, title: str) -> Brief:
    """Return the brief with the user's slide *slide_id* retitled *title* (unchanged if there is none)."""
    edited = _copy(brief)
    own = edited.custom_slide(slide_id)
    if own is not None:
        own.title = title
    return edited


# ---------------------------------------------------------------- bullets, notes and guidance


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
    """Return (a copy of) the bullets slide *slide_id* has in this deck, with the brief's changes applied."""
    custom = brief.custom_slide(slide_id)
    if custom is not None:
        return copy.deepcopy(custom.bullets)
    override = brief.overrides.get(slide_id) or SlideOverride()
    if override.bullet_list is not None:
        return copy.deepcopy(override.bullet_list)
    return _from_library(library.slide(slide_id).bullets, override.bullets)


def set_bullets(brief: Brief, library: Library, slide_id: str, bullets: list[BriefBullet]) -> Brief:
    """Return the brief with slide *slide_id* showing *bullets*; the library's own bullets drop the change."""
    edited = _copy(brief)
    custom = edited.custom_slide(slide_id)
    if custom is not None:
        custom.bullets = copy.deepcopy(bullets)
        return edited
    override = edited.overrides.setdefault(slide_id, SlideOverride())
    override.bullets = {}
    unchanged = bullets == _from_library(library.slide(slide_id).bullets, {})
    override.bullet_list = None if unchanged else copy.deepcopy(bullets)
    _drop_if_empty(edited, slide_id)
    return edited


def set_notes(brief: Brief, library: Library, slide_id: str, notes: str) -> Brief:
    """Return the brief with slide *slide_id* given *notes*; the library's own notes drop the change."""
    return _set_text(brief, library, slide_id, "notes", notes)


def briefer_of(brief: Brief, library: Library, slide_id: str) -> str:
    """Return the guidance for the briefer that slide *slide_id* has in this deck."""
    own = brief.custom_slide(slide_id)
    if own is not None:
        return own.briefer
    override = brief.overrides.get(slide_id)
    if override is not None and override.briefer is not None:
        return override.briefer
    return library.slide(slide_id).briefer


def set_briefer(brief: Brief, library: Library, slide_id: str, briefer: str) -> Brief:
    """Return the brief with slide *slide_id* given the guidance *briefer*; the library's own drops the change."""
    return _set_text(brief, library, slide_id, "briefer", briefer)


def _set_text(brief: Brief, library: Library, slide_id: str, name: Literal["notes", "briefer"], value: str) -> Brief:
    """Return the brief with the text field *name* (notes, briefer) of slide *slide_id* set to *value*.

    An own slide holds it; a library slide gets an override, which the
    library's own text clears again (so the brief records only real changes).
    """
    edited = _copy(brief)
    custom = edited.custom_slide(slide_id)
    if custom is not None:
        setattr(custom, name, value)
        return edited
    override = edited.overrides.setdefault(slide_id, SlideOverride())
    # The dialogs strip what they give; the library's text may end in a newline (a YAML block scalar).
    own = getattr(library.slide(slide_id), name)
    setattr(override, name, None if value.strip() == own.strip() else value)
    _drop_if_empty(edited, slide_id)
    return edited


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


# ---------------------------------------------------------------- topics, slides and their order


def set_topics(brief: Brief, topics: list[str]) -> Brief:
    """Return the brief with *topics* as the deck's topics, in that order."""
    edited = _copy(brief)
    edited.topics = list(topics)
    return edited


def arrange_topics(brief: Brief, shown: list[str]) -> Brief:
    """Return the brief with the topics the deck shows in the order *shown*.

    A chosen topic with no slide at this depth is not in *shown*: it keeps
    its place among the chosen topics, so it is where it was when the depth
    changes back. Raises :class:`ValueError` if *shown* is not an order of
    chosen topics, each once.
    """
    current = list(dict.fromkeys(brief.topics))
    if len(set(shown)) != len(shown) or not set(shown) <= set(current):
        raise ValueError(f"{shown} is not an order of the brief's chosen topics ({', '.join(current)}), each once")
    in_order, shown_ids = iter(shown), set(shown)
    # Each shown topic's place takes the next topic of *shown*.
    return set_topics(brief, [next(in_order) if t in shown_ids else t for t in current])


def set_depth(brief: Brief, depth: str) -> Brief:
    """Return the brief built at *depth* (key, standard or full); raise :class:`ValueError` for any other."""
    if depth not in DEPTHS:
        raise ValueError(f"unknown depth '{depth}': use one of {', '.join(DEPTHS)}")
    edited = _copy(brief)
    edited.depth = depth
    return edited


#: The brief's fields a single value is set on (the deck's title and byline, its look and its style).
FIELDS = ("title", "subtitle", "author", "organisation", "presenter", "classification", "date", "template", "style")


def set_field(brief: Brief, name: str, value: object) -> Brief:
    """Return the brief with its field *name* (one of :data:`FIELDS`) set to *value*; raise :class:`ValueError`
    for another."""
    if name not in FIELDS:
        raise ValueError(f"'{name}' is not a field of the brief that can be set: use one of {', '.join(FIELDS)}")
    edited = _copy(brief)
    setattr(edited, name, value)
    return edited


def set_look(brief: Brief, look: Mapping[str, Any]) -> Brief:
    """Return the brief with the look edited over its template set to *look* (empty: the template's own)."""
    edited = _copy(brief)
    edited.look = copy.deepcopy(dict(look))
    return edited


def toggle_topic(brief: Brief, library: Library, topic_id: str, on: bool) -> Brief:
    """Return the brief with topic *topic_id* chosen (*on*) or left out; a newly chosen topic goes where the
    library puts it."""
    if on and topic_id not in brief.topics:
        chosen = set(brief.topics) | {topic_id}
        return set_topics(brief, _merge_order(brief.topics, [t for t in library.topic_ids() if t in chosen]))
    if not on:
        return set_topics(brief, [t for t in brief.topics if t != topic_id])
    return _copy(brief)


def move_topic(brief: Brief, topic_id: str, before_topic_id: str | None) -> Brief:
    """Return the brief with topic *topic_id* before *before_topic_id* (None, or a topic not chosen: at the end)."""
    order = [t for t in brief.topics if t != topic_id]
    index = order.index(before_topic_id) if before_topic_id in order else len(order)
    order.insert(index, topic_id)
    return set_topics(brief, order)


def exclude_slide(brief: Brief, slide_id: str) -> Brief:
    """Return the brief with slide *slide_id* left out of the deck (it stays in the library)."""
    edited = _copy(brief)
    if slide_id not in edited.exclude:
        edited.exclude.append(slide_id)
    return edited


def restore_slide(brief: Brief, slide_id: str) -> Brief:
    """Return the brief with slide *slide_id*, left out before, back in the deck."""
    edited = _copy(brief)
    edited.exclude = [s for s in edited.exclude if s != slide_id]
    return edited


def set_slide_included(brief: Brief, library: Library, slide_id: str, included: bool) -> Brief:
    """Return the brief with the library slide *slide_id* in the deck (its topic chosen if need be), or left out."""
    if not included:
        return exclude_slide(brief, slide_id)
    return toggle_topic(restore_slide(brief, slide_id), library, library.slide(slide_id).topic_id, True)


def topic_order(brief: Brief, library: Library, topic_id: str) -> list[str]:
    """Return the ids of topic *topic_id*'s library slides (all depths) in the order the deck is built in."""
    return [s.id for s in order_slides(library.topic(topic_id).slides, brief.slide_order)]


def move_slide(brief: Brief, library: Library, slide_id: str, before_slide_id: str | None) -> Brief:
    """Return the brief with the library slide *slide_id* before *before_slide_id* within its topic (None: at the
    topic's end).

    A library slide belongs to its topic: a *before_slide_id* of another
    topic also moves it to its own topic's end.
    """
    topic_id = library.slide(slide_id).topic_id
    order = [s for s in topic_order(brief, library, topic_id) if s != slide_id]
    index = order.index(before_slide_id) if before_slide_id in order else len(order)
    order.insert(index, slide_id)
    edited = _copy(brief)
    # Ids of slides the library no longer has stay as they are: reconciling the brief is not this edit's job.
    edited.slide_order = _other_topics_order(edited, library, topic_id) + order
    return edited


def arrange_topic(brief: Brief, library: Library, topic_id: str, placed: list[str], shown: list[str]) -> Brief:
    """Return the brief with topic *topic_id*'s slides shown in the order *shown*.

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
    edited = _copy(brief)
    edited.slide_order = _other_topics_order(edited, library, topic_id) + [k for k in full if library.has_slide(k)]
    anchor = f"{START_PREFIX}{topic_id}"
    for key in full:
        own = edited.custom_slide(key)
        if own is not None:
            own.after = anchor
        anchor = key
    return edited


def _other_topics_order(brief: Brief, library: Library, topic_id: str) -> list[str]:
    """Return the brief's ``slide_order`` without the library slides of topic *topic_id*."""
    return [s for s in brief.slide_order if not (library.has_slide(s) and library.slide(s).topic_id == topic_id)]


# ---------------------------------------------------------------- reworded text


def override_title(brief: Brief, slide_id: str, title: str | None) -> Brief:
    """Return the brief with the library slide *slide_id* titled *title* in this deck (None: its own title)."""
    edited = _copy(brief)
    edited.overrides.setdefault(slide_id, SlideOverride()).title = title
    _drop_if_empty(edited, slide_id)
    return edited


def override_bullet(brief: Brief, slide_id: str, position: str, text: str | None) -> Brief:
    """Return the brief with the bullet at *position* ("0", "0.1" for a sub-bullet) of slide *slide_id* reworded
    to *text* (None: its own words)."""
    edited = _copy(brief)
    override = edited.overrides.setdefault(slide_id, SlideOverride())
    if text is None:
        override.bullets.pop(position, None)
    else:
        override.bullets[position] = text
    _drop_if_empty(edited, slide_id)
    return edited


def restore_wording(brief: Brief, slide_id: str) -> Brief:
    """Return the brief with every change to the library slide *slide_id*'s text undone: title, bullets, notes."""
    edited = _copy(brief)
    edited.overrides.pop(slide_id, None)
    return edited


def _drop_if_empty(edited: Brief, slide_id: str) -> None:
    """Forget slide *slide_id*'s override in *edited* (an edit's own copy) if it changes nothing.

    A slide edited back is then the library's slide again, and the brief records only real changes.
    """
    if edited.overrides[slide_id].is_empty():
        del edited.overrides[slide_id]


def _merge_order(current: list[str], wanted: list[str]) -> list[str]:
    """Keep *current*'s order and slot the new ids of *wanted* in after their predecessor in *wanted*."""
    result = list(current)
    for i, item in enumerate(wanted):
        if item in result:
            continue
        before = [w for w in wanted[:i] if w in result]
        result.insert(result.index(before[-1]) + 1 if before else 0, item)
    return result
