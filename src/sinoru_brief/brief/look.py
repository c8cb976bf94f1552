"""A deck's own look: the theme editor's changes to its template, kept in the brief as ``look:``.

A look holds only what differs from the template, as plain data::

    look:
      colors: {accent: "C8102E", chart: ["C8102E", "1F3864"]}
      fonts: {heading: Arial, body: Arial}
      sizes: {body: [20, 14], footer: 10}     # points: [size, minimum]; the footer's one size
      slide: {width_in: 10, height_in: 7.5}
      banner: {text: SECRET, color: "C8102E", text_color: "FFFFFF"}   # or false: no banner
      logo: /home/ann/ministry.png                                 # or false: no logo
      footer: "{{ brief.title }} · {{ brief.date }}"

The app and the command line lay a deck out with :func:`apply_look` over
the brief's template, so a saved brief exports exactly as the app showed it.
On a template built on a PowerPoint master, the master's colours, fonts and
slide size win, as they do in the theme editor. A logo file deleted since
the look was saved is left out of the deck but kept in the brief: the app
says so and keeps the path when it saves; the command line refuses to
export a deck without the organisation's logo (:func:`missing_logo_problem`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sinoru_brief.errors import Problem
from sinoru_brief.theme.assets import check_logo
from sinoru_brief.theme.loader import SIZE_RANGE_PT
from sinoru_brief.theme.loader import _Color as Color
from sinoru_brief.theme.loader import _Font as Font
from sinoru_brief.theme.loader import _SizePair as SizePair
from sinoru_brief.theme.loader import _Snippet as Snippet
from sinoru_brief.theme.master import SLIDE_SIDE_IN
from sinoru_brief.theme.model import Banner, SizeRange, Theme
from sinoru_brief.units import Pt, emu_to_stored_inches, inches
from sinoru_brief.yamlio.marked import KeyPath
from sinoru_brief.yamlio.schema import INVALID, Checker, Key, ListOf, Number, Record, Spec, Text

if TYPE_CHECKING:
    from sinoru_brief.brief.model import Brief

COLOR_ROLES = ("background", "title", "text", "accent", "muted", "rule", "panel")
SIZE_ROLES = ("deck_title", "section_title", "title", "body", "sub", "quote", "table", "source", "reference")
FOOTER_RANGE_PT = (SIZE_RANGE_PT[0], 40.0)


@dataclass
class _OrOff(Spec):
    """*inner*, or ``false`` for "none" (no banner, no logo), where the template's own would otherwise show."""

    inner: Spec
    what: str

    @property
    def expected(self) -> str:  # type: ignore[override]
        return f"{self.inner.expected}, or false for no {self.what}"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if value is False:
            return False
        if value is True:
            checker.report(path, f"'true' is not {self.expected}", hint="write false to leave it out")
            return INVALID
        return self.inner.check(value, path, checker)


@dataclass
class _Range(Number):
    """A number from *low* to *high*, in *unit*, for the message."""

    low: float = 0.0
    high: float = 0.0
    unit: str = ""
    hint: str = ""

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        number = super().check(value, path, checker)
        if number is INVALID:
            return INVALID
        if not self.low <= number <= self.high:
            checker.report(path, f"expected {self.low:g} to {self.high:g} {self.unit}, got {number:g}", hint=self.hint)
            return INVALID
        return float(number)


_SLIDE_SIDE = _Range(*SLIDE_SIDE_IN, "in", hint="16:9 slides are 13.333 x 7.5 in, 4:3 slides 10 x 7.5 in")
LOOK_SPEC = Record(
    what="look",
    keys={
        "colors": Key(
            Record(
                what="colours",
                keys={
                    **{role: Key(Color(), required=False) for role in COLOR_ROLES},
                    "chart": Key(ListOf(item=Color(), min_items=1, max_items=12), required=False),
                },
            ),
            required=False,
        ),
        "fonts": Key(
            Record(what="fonts", keys={"heading": Key(Font(), required=False), "body": Key(Font(), required=False)}),
            required=False,
        ),
        "sizes": Key(
            Record(
                what="sizes",
                keys={
                    **{role: Key(SizePair(), required=False) for role in SIZE_ROLES},
                    "footer": Key(_Range(*FOOTER_RANGE_PT, "pt"), required=False),
                },
            ),
            required=False,
        ),
        "slide": Key(
            Record(what="slide size", keys={"width_in": Key(_SLIDE_SIDE), "height_in": Key(_SLIDE_SIDE)}),
            required=False,
        ),
        "banner": Key(
            _OrOff(
                Record(
                    what="banner",
                    keys={
                        "text": Key(Text(max_length=120)),
                        "color": Key(Color()),
                        "text_color": Key(Color(), required=False, default="FFFFFF"),
                    },
                ),
                "banner",
            ),
            required=False,
        ),
        "logo": Key(_OrOff(Text(max_length=1000), "logo"), required=False),
        "footer": Key(Snippet(), required=False),
    },
)


def checked_look(data: Mapping[str, Any] | None, folder: Path, checker: Checker) -> dict[str, Any]:
    """Return the look *LOOK_SPEC* checked as plain data, with a logo found relative to *folder*, the brief's.

    Keys left empty are dropped; a logo that is not an image PowerPoint can
    show is reported under ``look.logo``.
    """
    if not data:
        return {}
    look: dict[str, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, dict):
            value = {
                k: [v.size, v.minimum] if isinstance(v, SizeRange) else v for k, v in value.items() if v is not None
            }
            if not value:
                continue
        look[name] = value
    if isinstance(look.get("logo"), str):
        look["logo"] = _logo(look["logo"], folder, checker)
        if look["logo"] is None:
            del look["logo"]
    return look


def _logo(name: str, folder: Path, checker: Checker) -> str | None:
    """Return the logo *name* as an absolute path if it is an image we can show, or no file at all.

    A logo deleted or moved since the brief was saved is kept (see
    :func:`missing_logo`): the brief must still open, and saving it must not
    lose the path. A file that is there but is not an image PowerPoint can
    show is reported.
    """
    path = (folder / Path(name).expanduser()).absolute()
    if _is_missing(path):
        return str(path)
    found = Checker(checker.doc)  # check_logo reports under 'logo'; the brief's key is 'look.logo'
    logo = check_logo(path.parent, path.name, found)
    for problem in found.problems:
        checker.report(
            ("look", "logo"),
            problem.message.replace("logo file", "look's logo file"),
            hint="put the image back where the brief names it, or name another PNG, JPEG, GIF, BMP or TIFF "
            "file (or write false for no logo) in the brief's look",
        )
    return str(logo) if logo else None


def _is_missing(path: Path) -> bool:
    """Return whether nothing is at *path* (a name the file system refuses is left to the logo check)."""
    try:
        return not path.exists()
    except (OSError, ValueError):
        return False


def missing_logo(look: Mapping[str, Any] | None) -> Path | None:
    """Return the logo file *look* names if it is no longer there (the deck is then shown without it), else None."""
    logo = (look or {}).get("logo")
    if not isinstance(logo, str):
        return None
    path = Path(logo)
    return path if _is_missing(path) else None


def missing_logo_problem(brief: Brief, hint: str) -> Problem | None:
    """Return the problem of *brief*'s look naming a logo file that is gone, with *hint* saying how to fix it."""
    path = missing_logo(brief.look)
    if path is None:
        return None
    file, line = brief.origin_of("look.logo", brief.look["logo"])
    return Problem(
        file or brief.source_path,
        f"the look's logo file '{path}' is missing",
        line=line,
        key_path="look.logo",
        hint=hint,
    )


def apply_look(theme: Theme, look: Mapping[str, Any] | None) -> Theme:
    """Return *theme* with *look*'s changes laid over it (the theme itself when the look is empty)."""
    if not look:
        return theme
    on_master = theme.master is not None  # the master's colours, fonts and size are the organisation's
    changes: dict[str, Any] = {}
    colors = dict(look.get("colors") or {})
    if colors and not on_master:
        if "chart" in colors:
            colors["chart"] = tuple(colors["chart"])
        changes["colors"] = replace(theme.colors, **colors)
    if look.get("fonts") and not on_master:
        changes["fonts"] = replace(theme.fonts, **look["fonts"])
    sizes = dict(look.get("sizes") or {})
    if sizes:
        footer = Pt(float(sizes.pop("footer", theme.sizes.footer)))
        ranges = {role: SizeRange(*value) for role, value in sizes.items()}
        changes["sizes"] = replace(theme.sizes, footer=footer, **ranges)
    if look.get("slide") and not on_master:
        changes["width"] = inches(look["slide"]["width_in"])
        changes["height"] = inches(look["slide"]["height_in"])
    if "banner" in look:
        changes["banner"] = Banner(**look["banner"]) if look["banner"] else None
    if "logo" in look:
        # A logo file gone since the look was saved is left out, not drawn from a file that is not there.
        changes["logo"] = Path(look["logo"]) if look["logo"] and missing_logo(look) is None else None
    if "footer" in look:
        changes["snippets"] = replace(theme.snippets, footer=look["footer"])
    return replace(theme, **changes)


def look_between(base: Theme, edited: Theme, kept: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return what the theme editor changed in *edited* from *base*, as a brief keeps it ({} for nothing).

    ``apply_look(base, look_between(base, edited))`` gives back every part
    of *edited* the theme editor can change. *kept* is the look *edited*
    was made from: a logo it names whose file is missing (so *edited* shows
    none) stays in the look until another logo is chosen, so that editing
    the look never drops the organisation's logo without the user asking.
    """
    look: dict[str, Any] = {}
    colors = {
        role: getattr(edited.colors, role)
        for role in COLOR_ROLES
        if getattr(edited.colors, role) != getattr(base.colors, role)
    }
    if edited.colors.chart != base.colors.chart:
        colors["chart"] = list(edited.colors.chart)
    fonts = {
        role: getattr(edited.fonts, role)
        for role in ("heading", "body")
        if getattr(edited.fonts, role) != getattr(base.fonts, role)
    }
    sizes: dict[str, Any] = {
        role: [getattr(edited.sizes, role).size, getattr(edited.sizes, role).minimum]
        for role in SIZE_ROLES
        if getattr(edited.sizes, role) != getattr(base.sizes, role)
    }
    if edited.sizes.footer != base.sizes.footer:
        sizes["footer"] = edited.sizes.footer
    for name, part in (("colors", colors), ("fonts", fonts), ("sizes", sizes)):
        if part:
            look[name] = part
    if (edited.width, edited.height) != (base.width, base.height):
        look["slide"] = {
            "width_in": emu_to_stored_inches(edited.width),
            "height_in": emu_to_stored_inches(edited.height),
        }
    if edited.banner != base.banner:
        banner = edited.banner
        look["banner"] = (
            {"text": banner.text, "color": banner.color, "text_color": banner.text_color} if banner else False
        )
    if edited.logo is None and missing_logo(kept) is not None:
        look["logo"] = str(missing_logo(kept))
    elif edited.logo != base.logo:
        look["logo"] = str(edited.logo) if edited.logo else False
    if edited.snippets.footer != base.snippets.footer:
        look["footer"] = edited.snippets.footer
    return look
