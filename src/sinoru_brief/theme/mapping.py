"""Choose a master layout for each slide kind by its placeholder types, never by its name.

Layout names are whatever language and whim the template's author used
("Titelfolie", "Diapositive de titre", "Abschnitts-\\nüberschrift"); the
placeholder types are fixed by the file format. Each slide kind has a *need*:

- ``title-slide`` (title, closing): a centred title and a subtitle (``ctrTitle`` + ``subTitle``);
- ``section``: a title and one text placeholder, other than the layouts chosen for
  the title slide and for content (PowerPoint's "Section Header");
- ``content`` (bullets, agenda, key judgments, references): a title and one body
  or content placeholder; the largest body wins ("Title and Content");
- ``title-only`` (quote, comparison, chart, key figures, table, timeline, which we draw
  ourselves): a title and nothing else.

Layouts are ranked for each need; rank 0 is an exact fit. When no layout fits
exactly, the best-ranked one is used and the gap is reported in
:attr:`LayoutMapping.missing`. Vertical placeholders never count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from sinoru_brief.geometry import Rect
from sinoru_brief.theme.master import LayoutInfo, MasterInfo, MasterTemplate, PlaceholderInfo
from sinoru_brief.units import Emu

TITLE_TYPES = ("title", "ctrTitle")
BODY_TYPES = ("body", "obj")
CONTENT_TYPES = ("body", "obj", "subTitle", "pic", "chart", "tbl", "clipArt", "dgm", "media")
CHROME_TYPES = ("ftr", "dt", "sldNum")

NEEDS = ("title-slide", "section", "content", "title-only")
NEED_LABELS = {
    "title-slide": "a title slide (ctrTitle + subTitle)",
    "section": "a section header (title + one text placeholder, not the title or content layout)",
    "content": "a content layout (title + one body)",
    "title-only": "a title-only layout (title, no body)",
}
#: Slide kind -> the layout it needs. A kind not listed needs a content layout.
KIND_NEEDS = {
    "title": "title-slide",
    "agenda": "content",
    "section": "section",
    "bullets": "content",
    "key_judgments": "content",
    "quote": "title-only",
    "comparison": "title-only",
    "chart": "title-only",
    "key_figures": "title-only",
    "table": "title-only",
    "timeline": "title-only",
    "references": "content",
    "sources": "content",
    "closing": "title-slide",
}
#: Text frame role -> placeholder types that may hold it, best first. Bulleted body text is not
#: among them: list indents and bullets inherit from the master's outline styles, which clients
#: apply differently (LibreOffice set numbered text half a slide to the right on one master), so
#: body text is drawn as a text box, exactly as laid out.
ROLE_PLACEHOLDERS = {
    "title": ("ctrTitle", "title"),
    "subtitle": ("subTitle", "body"),
    "summary": ("body", "subTitle"),
    "footer": ("ftr",),
    "as-of": ("dt",),
    "number": ("sldNum",),
}
#: A layout whose own shapes cover more than this share of the content area is "obstructed".
OBSTRUCTION_LIMIT = 0.25


@dataclass(frozen=True)
class LayoutChoice:
    """The layout chosen for one need, and whether it fits the need exactly."""

    need: str
    layout: LayoutInfo
    exact: bool
    #: The layout's own shapes would lie under our text: slides on it hide them ("Hide Background Graphics").
    hide_shapes: bool = False


@dataclass(frozen=True)
class LayoutMapping:
    """The layout for each need within one master, and what the master lacks."""

    master: int
    choices: tuple[LayoutChoice, ...]
    missing: tuple[str, ...]

    def for_need(self, need: str) -> LayoutChoice:
        return next(c for c in self.choices if c.need == need)

    def for_kind(self, kind: str) -> LayoutChoice:
        return self.for_need(KIND_NEEDS.get(kind, "content"))


@dataclass(frozen=True)
class _Parts:
    """A layout's placeholders sorted by what they can hold."""

    titles: list[PlaceholderInfo]
    bodies: list[PlaceholderInfo]
    subtitles: list[PlaceholderInfo]
    other: list[PlaceholderInfo]  # pictures, charts, vertical text ...

    @property
    def content(self) -> int:
        return len(self.bodies) + len(self.subtitles) + len(self.other)


def _parts(layout: LayoutInfo) -> _Parts:
    usable = [p for p in layout.placeholders if not p.vertical]
    return _Parts(
        titles=[p for p in usable if p.type in TITLE_TYPES],
        bodies=[p for p in usable if p.type in BODY_TYPES],
        subtitles=[p for p in usable if p.type == "subTitle"],
        other=[
            p
            for p in layout.placeholders
            if p.type in CONTENT_TYPES + TITLE_TYPES
            and (p.vertical or p.type not in BODY_TYPES + TITLE_TYPES + ("subTitle",))
        ],
    )


def _is_content(p: _Parts) -> bool:
    return len(p.titles) == 1 and len(p.bodies) == 1 and not p.subtitles and not p.other


#: How well a layout suits a need, best lowest: (rank, then fewest parts or largest body, then file order).
_Rank = tuple[int, float, int]


def _is_title_only(p: _Parts) -> bool:
    return len(p.titles) == 1 and p.content == 0


def _rank_title_slide(layout: LayoutInfo, _: dict[str, LayoutInfo]) -> _Rank:
    p = _parts(layout)
    if len(p.titles) == 1 and p.titles[0].type == "ctrTitle" and len(p.subtitles) == 1 and not p.bodies and not p.other:
        rank = 0
    elif len(p.titles) == 1 and len(p.subtitles) + len(p.bodies) == 1 and not p.other:
        rank = 1
    elif _is_title_only(p):
        rank = 2
    else:
        rank = 3 if p.titles else 4
    return (rank, p.content, layout.index)


def _rank_content(layout: LayoutInfo, _: dict[str, LayoutInfo]) -> _Rank:
    p = _parts(layout)
    if _is_content(p):
        body = p.bodies[0].rect
        return (0, -(body.area if body else 0), layout.index)
    rank = 1 if _is_title_only(p) else 2 if p.titles else 3
    return (rank, p.content, layout.index)


def _rank_title_only(layout: LayoutInfo, _: dict[str, LayoutInfo]) -> _Rank:
    p = _parts(layout)
    rank = 0 if _is_title_only(p) else 1 if _is_content(p) else 2 if p.titles else 3
    return (rank, p.content, layout.index)


def _rank_section(layout: LayoutInfo, chosen: dict[str, LayoutInfo]) -> _Rank:
    p = _parts(layout)
    taken = {(chosen[n].master, chosen[n].index) for n in ("title-slide", "content") if n in chosen}
    header = (
        len(p.titles) == 1
        and len([b for b in p.bodies if b.type == "body"]) + len(p.subtitles) == 1
        and not [b for b in p.bodies if b.type == "obj"]
        and not p.other
    )
    if header and (layout.master, layout.index) not in taken:
        rank = 0
    elif _is_title_only(p):
        rank = 1
    elif header:
        rank = 2
    else:
        rank = 3 if p.titles else 4
    return (rank, p.content, layout.index)


_RANKERS: dict[str, Callable[[LayoutInfo, dict[str, LayoutInfo]], _Rank]] = {
    "title-slide": _rank_title_slide,
    "content": _rank_content,
    "title-only": _rank_title_only,
    "section": _rank_section,  # ranked last: it avoids the layouts the others chose
}


def obstruction(template: MasterTemplate, layout: LayoutInfo) -> float:
    """Return the share of the content area that the layout's own shapes (and its master's) cover.

    The content area is the slide less a tenth at each side, the top fifth and
    the bottom tenth. A shape covering nearly the whole slide is a background
    picture meant to carry text, and does not count.
    """
    width, height = template.width, template.height
    band = Rect(Emu(width // 10), Emu(height // 5), Emu(width * 8 // 10), Emu(height * 7 // 10))
    master = template.masters[layout.master]
    rects = list(layout.shapes) + (list(master.shapes) if layout.shows_master_shapes else [])
    covered = 0
    for rect in rects:
        if rect.area >= 0.9 * width * height:
            continue
        w = min(rect.right, band.right) - max(rect.x, band.x)
        h = min(rect.bottom, band.bottom) - max(rect.y, band.y)
        covered += max(w, 0) * max(h, 0)
    return min(1.0, covered / band.area) if band.area else 0.0


def _choose(template: MasterTemplate, master: MasterInfo) -> tuple[dict[str, LayoutInfo], dict[str, int]]:
    chosen: dict[str, LayoutInfo] = {}
    ranks: dict[str, int] = {}
    blocked = {layout.index for layout in master.layouts if obstruction(template, layout) > OBSTRUCTION_LIMIT}
    for need, ranker in _RANKERS.items():

        def key(layout: LayoutInfo) -> tuple[int, bool, float, int]:
            rank, size, index = ranker(layout, chosen)
            return (rank, layout.index in blocked, size, index)

        best = min(master.layouts, key=key)
        chosen[need] = best
        ranks[need] = ranker(best, chosen)[0]
    return chosen, ranks


@lru_cache(maxsize=32)
def mapping(master: MasterTemplate) -> LayoutMapping:
    """Return the layout for each need in the master that fits best, and the gaps.

    With several slide masters, the one whose layouts fit the needs best is
    used (the first on a tie); the deck never mixes layouts of two masters.
    """
    candidates = [m for m in master.masters if m.layouts]
    scored = [(sum(_choose(master, m)[1].values()), i, m) for i, m in enumerate(candidates)]
    _, _, best = min(scored, key=lambda item: item[:2])
    chosen, ranks = _choose(master, best)
    choices = tuple(
        LayoutChoice(need, chosen[need], ranks[need] == 0, obstruction(master, chosen[need]) > OBSTRUCTION_LIMIT)
        for need in NEEDS
    )
    return LayoutMapping(master=best.index, choices=choices, missing=tuple(_gaps(master, best, choices)))


#: The text frame roles each need's slides put into placeholders, for the gap report.
NEED_ROLES = {
    "title-slide": ("title", "subtitle"),
    "section": ("title", "summary"),
    "content": ("title",),
    "title-only": ("title",),
}
_CHROME_NAMES = {"ftr": "footer", "dt": "date", "sldNum": "slide number"}


def join_words(words: list[str], last: str = "and") -> str:
    """Return "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _gaps(template: MasterTemplate, master: MasterInfo, choices: tuple[LayoutChoice, ...]) -> list[str]:
    notes = []
    for choice in choices:
        if choice.exact:
            continue
        kinds = ", ".join(k for k, n in KIND_NEEDS.items() if n == choice.need)
        used: set[int] = set()
        placed = [
            (role, p)
            for role in NEED_ROLES[choice.need]
            if (p := placeholder_for(choice.layout, role, used)) is not None
        ]
        if placed:
            plural = len(placed) > 1
            outcome = (
                f"the {join_words([r for r, _ in placed])} {'go' if plural else 'goes'} into its "
                f"{join_words([p.describe() for _, p in placed])} placeholder{'s' if plural else ''}; "
                f"the rest is drawn as text boxes and shapes"
            )
        else:
            outcome = "no placeholder fits, so everything is drawn as text boxes and shapes"
        notes.append(f"no layout is {NEED_LABELS[choice.need]}: {kinds} slides use {choice.layout.label} ({outcome})")
    lacking: dict[str, list[str]] = {}
    for choice in choices:
        if choice.need == "title-slide":
            continue  # the title slide carries no footer, date or number
        absent = lacking.setdefault(choice.layout.label, [])
        absent.extend(t for t in CHROME_TYPES if not choice.layout.of_type(t) and t not in absent)
    for label, absent in lacking.items():
        if absent:
            names = [_CHROME_NAMES[t] for t in absent]
            notes.append(
                f"layout {label} has no {join_words(names, 'or')} placeholder: the "
                f"{join_words(names)} {'is' if len(names) == 1 else 'are'} drawn as text boxes instead"
            )
    for choice in choices:
        if choice.hide_shapes:
            share = obstruction(template, choice.layout)
            notes.append(
                f"layout {choice.layout.label} draws shapes over {share:.0%} of the content area: "
                f"slides on it hide the layout's own graphics so the text stays readable"
            )
            continue
        texts = [s.text for s in choice.layout.static_text]
        if choice.layout.shows_master_shapes:
            texts += [s.text for s in master.static_text]
        if texts:
            sample = "; ".join(t.replace("\n", " ")[:30] for t in texts[:3])
            notes.append(f"layout {choice.layout.label} shows text of its own on every slide on it ({sample})")
    if len(template.masters) > 1:
        notes.append(
            f"the file has {len(template.masters)} slide masters; only '{master.name}' "
            f"(master {master.index + 1}) is used"
        )
    return list(dict.fromkeys(notes))


def placeholder_for(layout: LayoutInfo, role: str, used: set[int]) -> PlaceholderInfo | None:
    """Return the layout placeholder that should hold a text frame of *role*, or None to draw a text box.

    *used* holds the positions (in ``layout.placeholders``) already filled on this slide.
    """
    types = ROLE_PLACEHOLDERS.get(role)
    if not types:
        return None
    for wanted in types:
        for position, placeholder in enumerate(layout.placeholders):
            if position not in used and placeholder.type == wanted and not placeholder.vertical:
                used.add(position)
                return placeholder
    return None
