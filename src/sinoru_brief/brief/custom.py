"""The brief's own slides and bullet lists: their schema, their plain-data form, and where each was written.

Custom slides (``custom_slides:``) and replacement bullet lists
(``overrides.<slide>.bullets:`` written as a list) share one bullet schema:
``text``, ``cite`` (library source ids) and, one level down, ``sub``.
"""

from __future__ import annotations

from typing import Any

from sinoru_brief.brief.model import CUSTOM_KINDS, MAX_KEY_FIGURES, BriefBullet, BriefFigure, CustomSlide
from sinoru_brief.content.schema import ID_HELP, ID_PATTERN, MAX_BRIEFER_CHARS, BrieferText
from sinoru_brief.yamlio.marked import KeyPath, MarkedDocument, format_key_path
from sinoru_brief.yamlio.schema import INVALID, Checker, Choice, Key, ListOf, MappingOf, Record, Spec, Text

_CITE = ListOf(item=Text(max_length=200))
_SUB_BULLET = Record(
    what="sub-bullet",
    keys={
        "text": Key(Text(max_length=2000)),
        "cite": Key(_CITE, required=False, default=[]),
    },
)
_BULLET = Record(
    what="bullet",
    keys={
        "text": Key(Text(max_length=2000)),
        "cite": Key(_CITE, required=False, default=[]),
        "sub": Key(ListOf(item=_SUB_BULLET, max_items=20), required=False, default=[]),
    },
)
BULLET_LIST = ListOf(item=_BULLET, max_items=40)
#: A key figure's value is a number as written ("78%", "$245 bn"); words go in its label.
MAX_FIGURE_VALUE_CHARS = 24
_FIGURE = Record(
    what="key figure",
    keys={
        "value": Key(Text(max_length=MAX_FIGURE_VALUE_CHARS)),
        "label": Key(Text(max_length=200)),
        "cite": Key(_CITE, required=False, default=[]),
    },
)
CUSTOM_SLIDE = Record(
    what="custom slide",
    keys={
        "id": Key(Text(max_length=120, pattern=ID_PATTERN, pattern_help=ID_HELP)),
        "after": Key(Text(max_length=200)),
        "kind": Key(Choice(choices=CUSTOM_KINDS), required=False, default="bullets"),
        "title": Key(Text(max_length=200)),
        "bullets": Key(BULLET_LIST, required=False, default=[]),
        "quote": Key(Text(max_length=2000), required=False, default=""),
        "attribution": Key(Text(max_length=300), required=False, default=""),
        "cite": Key(_CITE, required=False, default=[]),
        "notes": Key(Text(max_length=4000, allow_empty=True), required=False, default=""),
        "briefer": Key(BrieferText(max_length=MAX_BRIEFER_CHARS), required=False, default=""),
        "figures": Key(ListOf(item=_FIGURE, max_items=50), required=False, default=[]),
    },
)
CUSTOM_SLIDES = ListOf(item=CUSTOM_SLIDE, max_items=500)


class BulletEdits(Spec):
    """An override's ``bullets``: a mapping rewords bullets by position, a list replaces them all."""

    expected = "a list of bullets (text, cite, sub) or bullet positions mapped to new wording"
    _reworded = MappingOf(value=Text(max_length=2000, allow_empty=True), what="bullet overrides")

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, list):
            checked = BULLET_LIST.check(value, path, checker)
            return INVALID if checked is INVALID else bullets_from_data(checked)
        if isinstance(value, dict):
            return self._reworded.check(value, path, checker)
        return self._wrong_type(value, path, checker)


def bullets_from_data(items: list[dict[str, Any]]) -> list[BriefBullet]:
    """Return checked bullet mappings as :class:`BriefBullet` objects."""
    return [BriefBullet(text=b["text"], cite=list(b["cite"]), sub=bullets_from_data(b.get("sub") or [])) for b in items]


def bullets_to_data(bullets: list[BriefBullet]) -> list[dict[str, Any]]:
    """Return *bullets* as plain data, leaving out empty ``cite`` and ``sub`` lists."""
    out = []
    for bullet in bullets:
        item: dict[str, Any] = {"text": bullet.text}
        if bullet.cite:
            item["cite"] = list(bullet.cite)
        if bullet.sub:
            item["sub"] = bullets_to_data(bullet.sub)
        out.append(item)
    return out


def custom_slides_from_data(items: list[dict[str, Any]], checker: Checker) -> list[CustomSlide]:
    """Return checked ``custom_slides`` entries as slides, reporting repeated ids and misplaced keys."""
    slides: list[CustomSlide] = []
    seen: set[str] = set()
    for i, data in enumerate(items):
        path: KeyPath = ("custom_slides", i)
        if data["id"] in seen:
            checker.report(
                (*path, "id"),
                f"custom slide id '{data['id']}' is used twice",
                hint="give each of your slides its own id",
            )
            continue
        seen.add(data["id"])
        if data["kind"] == "bullets" and (data["quote"] or data["attribution"]):
            checker.report(path, "a bullets slide has no quote", hint="write 'kind: quote', or drop 'quote:'")
        if data["kind"] == "quote" and not data["quote"]:
            checker.report(
                path,
                "missing required key 'quote' in custom slide",
                hint="add 'quote:' with the quoted words, or write 'kind: bullets'",
            )
        if data["kind"] == "quote" and data["bullets"]:
            checker.report(
                (*path, "bullets"), "a quote slide has no bullets", hint="write 'kind: bullets', or drop 'bullets:'"
            )
        _check_figures(data, path, checker)
        if data["after"] == data["id"]:
            checker.report(
                (*path, "after"),
                f"slide '{data['id']}' cannot follow itself",
                hint="name the slide it should follow, or 'start:<topic>'",
            )
        slides.append(
            CustomSlide(
                id=data["id"],
                after=data["after"],
                kind=data["kind"],
                title=data["title"],
                bullets=bullets_from_data(data["bullets"]),
                quote=data["quote"],
                attribution=data["attribution"],
                cite=list(data["cite"]),
                notes=data["notes"],
                briefer=data["briefer"],
                figures=figures_from_data(data["figures"]),
            )
        )
    return slides


def _check_figures(data: dict[str, Any], path: KeyPath, checker: Checker) -> None:
    """Report a key-figures slide without one to three figures, or with a quote or bullets; figures elsewhere."""
    figures = data["figures"]
    if data["kind"] != "key_figures":
        if figures:
            checker.report(
                (*path, "figures"),
                f"a {data['kind']} slide has no figures",
                hint="write 'kind: key_figures', or drop 'figures:'",
            )
        return
    if not figures:
        checker.report(
            path,
            "a key-figures slide needs 'figures:', a list of one to three figures",
            hint="add 'figures:' with entries of 'value:', 'label:' and 'cite:', "
            "e.g. '- {value: \"78%\", label: what it measures, cite: [source-id]}'",
        )
    elif len(figures) > MAX_KEY_FIGURES:
        checker.report(
            (*path, "figures"),
            f"has {len(figures)} figures; a key-figures slide sets at most {MAX_KEY_FIGURES}",
            hint="keep the three that matter most, or put the others on a second key-figures slide",
        )
    for key, what in (("bullets", "bullets"), ("quote", "quote"), ("attribution", "attribution")):
        if data[key]:
            checker.report(
                (*path, key),
                f"a key-figures slide has no {what}",
                hint=f"drop '{key}:', or write 'kind: bullets' or 'kind: quote' and drop 'figures:'",
            )


def figures_from_data(items: list[dict[str, Any]]) -> list[BriefFigure]:
    """Return checked key-figure mappings as :class:`BriefFigure` objects."""
    return [BriefFigure(value=f["value"].strip(), label=f["label"].strip(), cite=list(f["cite"])) for f in items]


def custom_slide_to_data(slide: CustomSlide) -> dict[str, Any]:
    """Return *slide* as plain data in the order a person reads it."""
    data: dict[str, Any] = {"id": slide.id, "after": slide.after, "kind": slide.kind, "title": slide.title}
    if slide.bullets:
        data["bullets"] = bullets_to_data(slide.bullets)
    if slide.figures:
        data["figures"] = [
            {"value": f.value, "label": f.label, **({"cite": list(f.cite)} if f.cite else {})} for f in slide.figures
        ]
    if slide.quote:
        data["quote"] = slide.quote
    if slide.attribution:
        data["attribution"] = slide.attribution
    if slide.cite:
        data["cite"] = list(slide.cite)
    if slide.notes:
        data["notes"] = slide.notes
    if slide.briefer:
        data["briefer"] = slide.briefer
    return data


def written_texts(prefix: KeyPath, bullets: list[BriefBullet]) -> dict[KeyPath, str]:
    """Return the key path and text of every bullet text and cite id under *prefix*."""
    out: dict[KeyPath, str] = {}
    for i, bullet in enumerate(bullets):
        out[(*prefix, i, "text")] = bullet.text
        for j, source_id in enumerate(bullet.cite):
            out[(*prefix, i, "cite", j)] = source_id
        out.update(written_texts((*prefix, i, "sub"), bullet.sub))
    return out


def custom_slide_texts(slides: list[CustomSlide]) -> dict[KeyPath, str]:
    """Return the key path and text of everything written in the brief's own slides."""
    out: dict[KeyPath, str] = {}
    for i, slide in enumerate(slides):
        path: KeyPath = ("custom_slides", i)
        for name in ("after", "title", "quote", "attribution", "notes", "briefer"):
            if getattr(slide, name):
                out[(*path, name)] = getattr(slide, name)
        for j, source_id in enumerate(slide.cite):
            out[(*path, "cite", j)] = source_id
        out.update(written_texts((*path, "bullets"), slide.bullets))
        for j, figure in enumerate(slide.figures):
            out[(*path, "figures", j, "value")] = figure.value
            out[(*path, "figures", j, "label")] = figure.label
            for k, source_id in enumerate(figure.cite):
                out[(*path, "figures", j, "cite", k)] = source_id
    return out


def lines_of(texts: dict[KeyPath, str], doc: MarkedDocument) -> dict[str, tuple[int, str]]:
    """Return the line of each of *texts* in *doc*, keyed by its printed key path."""
    out = {}
    for path, text in texts.items():
        line = doc.position(path)[0]
        if line is not None:
            out[format_key_path(path)] = (line, text)
    return out
