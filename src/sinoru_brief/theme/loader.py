"""Load and check a template folder (``template.yaml`` and its assets) into a :class:`Theme`.

Every problem in the file is collected before anything is raised, so one run
shows them all: the schema checks types and keys, then the geometry, the
font sizes and the logo are checked on whatever parts of the file are usable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.font_files import DEFAULT_EAST_ASIAN_FONT, MEASURABLE_FONTS
from sinoru_brief.paths import templates_dir
from sinoru_brief.templating import compile_problem, strip_xml_illegal
from sinoru_brief.theme.assets import check_logo, check_master
from sinoru_brief.theme.master import SLIDE_SIDE_IN, MasterTemplate, load_master
from sinoru_brief.theme.master_look import theme_with_master
from sinoru_brief.theme.model import Banner, Colors, Fonts, SizeRange, Sizes, Snippets, Theme
from sinoru_brief.theme.names import MAX_NAME_LENGTH, NAME_PATTERN, is_template_name
from sinoru_brief.theme.structure_spec import DEFAULT_STRUCTURE, STRUCTURE_SPEC
from sinoru_brief.units import Pt, inches
from sinoru_brief.yamlio.marked import KeyPath, MarkedDocument, load_marked
from sinoru_brief.yamlio.schema import (
    INVALID,
    Checker,
    Key,
    ListOf,
    Number,
    Record,
    Spec,
    Text,
    did_you_mean,
)

TEMPLATE_FILE = "template.yaml"
SIZE_RANGE_PT = (6.0, 120.0)

_SIZE_KEYS = ("deck_title", "section_title", "title", "body", "sub", "quote", "table", "source", "reference")
_COLOR_KEYS = ("background", "title", "text", "accent", "muted", "rule", "panel")


class _Color(Spec):
    """A colour written ``RRGGBB`` (six hex digits, an optional leading ``#``)."""

    expected = 'a colour written RRGGBB in hex, e.g. "1F3864"'

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            # YAML reads 000000 as the number 0 and 1E5000 as infinity: the
            # digits the user wrote are lost, so only quoting can fix it.
            checker.report(
                path,
                f"expected {self.expected}, got the number {value}",
                hint='put the colour in quotes, e.g. "000000", so YAML keeps it as text',
            )
            return INVALID
        if not isinstance(value, str):
            return self._wrong_type(value, path, checker)
        if not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value.strip()):
            checker.report(
                path, f"'{value}' is not a colour", hint='write six hex digits RRGGBB using 0-9 and A-F, e.g. "1F3864"'
            )
            return INVALID
        return value.strip().lstrip("#").upper()


class _Font(Spec):
    """A font name we have metric-compatible files for, so layout can measure its text."""

    expected = "one of " + ", ".join(MEASURABLE_FONTS)

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, str):
            return self._wrong_type(value, path, checker)
        if value in MEASURABLE_FONTS:
            return value
        choices = ", ".join(MEASURABLE_FONTS)
        close = did_you_mean(value, MEASURABLE_FONTS)
        checker.report(
            path,
            f"cannot measure the font '{value}'; use one of {choices}",
            hint=(close + " " if close else "") + "line breaks are computed with metric-compatible "
            "font files, which exist only for these fonts",
        )
        return INVALID


class _SizePair(Spec):
    """``[size, minimum]`` in points, minimum no larger than size."""

    expected = "[size, minimum] in points, e.g. [22, 14]"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
        ):
            return self._wrong_type(value, path, checker)
        size, minimum = float(value[0]), float(value[1])
        low, high = SIZE_RANGE_PT
        if minimum > size:
            checker.report(
                path,
                f"the minimum {value[1]:g} pt is larger than the size {value[0]:g} pt",
                hint="write [size, minimum]: the second number is the smallest size text may "
                "shrink to, so it cannot exceed the first",
            )
            return INVALID
        if not low <= minimum <= size <= high:
            checker.report(
                path,
                f"expected sizes from {low:g} to {high:g} pt, got [{value[0]:g}, {value[1]:g}]",
                hint="text below 6 pt cannot be read; above 120 pt nothing fits on a slide",
            )
            return INVALID
        return SizeRange(Pt(size), Pt(minimum))


class _Snippet(Spec):
    """A Jinja2 template string that must compile in the sandbox."""

    expected = "a Jinja2 template string"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if not isinstance(value, str):
            return self._wrong_type(value, path, checker)
        value = strip_xml_illegal(value)  # as the Text spec does: a .pptx cannot hold them
        problem = compile_problem(value)
        if problem:
            checker.report(path, f"template text does not compile: {problem}", hint="check the {{ }} and {% %} pairs")
            return INVALID
        return value


@dataclass(frozen=True, eq=False)
class SourcedSnippets(Snippets):
    """Snippets read from a template file, knowing the line each was written on, for error messages.

    Equal to plain :class:`Snippets` with the same texts: where they came
    from is no part of the look.
    """

    file: Path | None = None
    written: tuple[tuple[str, int, str], ...] = ()  # (snippet name, line, text as read)

    def origin(self, name: str) -> tuple[Path | None, int | None]:
        """Return the file and line where snippet *name* was written, or (None, None) if it was changed since."""
        for key, line, text in self.written:
            if key == name and getattr(self, name) == text:
                return self.file, line
        return None, None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Snippets):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(Snippets))

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(Snippets)))


TEMPLATE_SPEC = Record(
    what="template",
    keys={
        "name": Key(
            Text(
                max_length=MAX_NAME_LENGTH,
                pattern=NAME_PATTERN,
                pattern_help="a name of letters, digits, spaces, dots, dashes and underscores",
            )
        ),
        "label": Key(Text(max_length=120), required=False, default=""),
        # Optional only when a master names the size; _check_master reports it missing otherwise.
        "slide": Key(
            Record(what="slide size", keys={"width_in": Key(Number()), "height_in": Key(Number())}), required=False
        ),
        "master": Key(Text(max_length=300), required=False),
        "margins_in": Key(
            Record(what="margins", keys={side: Key(Number()) for side in ("left", "right", "top", "bottom")})
        ),
        "fonts": Key(
            Record(
                what="fonts",
                keys={
                    "heading": Key(_Font()),
                    "body": Key(_Font()),
                    "east_asian": Key(Text(max_length=80), required=False, default=DEFAULT_EAST_ASIAN_FONT),
                },
            )
        ),
        "colors": Key(
            Record(
                what="colours",
                keys={
                    **{name: Key(_Color()) for name in _COLOR_KEYS},
                    "chart": Key(ListOf(item=_Color(), min_items=1, max_items=12)),
                },
            )
        ),
        "sizes": Key(
            Record(
                what="sizes",
                keys={
                    **{name: Key(_SizePair()) for name in _SIZE_KEYS},
                    "footer": Key(Number()),
                },
            )
        ),
        "line_spacing": Key(Number(), required=False, default=1.15),
        "paragraph_space": Key(Number(), required=False, default=0.45),
        "banner": Key(
            Record(
                what="banner",
                keys={
                    "text": Key(Text(max_length=120)),
                    "color": Key(_Color()),
                    "text_color": Key(_Color(), required=False, default="FFFFFF"),
                },
            ),
            required=False,
        ),
        "logo": Key(Text(max_length=300), required=False),
        "structure": Key(STRUCTURE_SPEC, required=False, default=DEFAULT_STRUCTURE),
        "snippets": Key(
            Record(
                what="snippets", keys={name: Key(_Snippet(), required=False) for name in Snippets.__dataclass_fields__}
            ),
            required=False,
            default={},
        ),
    },
)


def builtin_template_names() -> list[str]:
    """Return the names of the templates shipped with the program."""
    return sorted(p.parent.name for p in templates_dir().glob(f"*/{TEMPLATE_FILE}"))


def user_templates_dir() -> Path:
    """Return the folder holding the user's own templates (it may not exist yet)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("sinoru-brief", appauthor=False)) / "templates"


def user_template_names() -> list[str]:
    """Return the names of the user's own templates (folders with a template.yaml in the user folder)."""
    folder = user_templates_dir()
    if not folder.is_dir():
        return []
    return sorted(p.parent.name for p in folder.glob(f"*/{TEMPLATE_FILE}"))


def resolve_template(name_or_dir: str | Path) -> Path:
    """Return the folder of a template given a folder, a built-in name or a user template's name.

    Built-in names come first, so a user template cannot hide a built-in one.
    """
    candidate = Path(name_or_dir)
    if _is_template(candidate):
        return candidate
    builtin = templates_dir() / str(name_or_dir)
    if _is_template(builtin):
        return builtin
    if is_template_name(str(name_or_dir)):  # a bare name, safe to join to the folder
        own = user_templates_dir() / str(name_or_dir)
        if _is_template(own):
            return own
    names = builtin_template_names() + user_template_names()
    listing = f"built-in templates: {', '.join(builtin_template_names())}"
    if user_template_names():
        listing += f"; your templates: {', '.join(user_template_names())}"
    if _exists(candidate.is_dir):
        raise TemplateError(
            Problem(
                candidate,
                f"the folder has no {TEMPLATE_FILE}",
                hint=f"a template folder holds {TEMPLATE_FILE}; {listing}",
            )
        )
    hint = did_you_mean(str(name_or_dir), names) or listing
    raise TemplateError(
        Problem(candidate, f"no such template (a built-in name or a folder with {TEMPLATE_FILE})", hint=hint)
    )


def _is_template(folder: Path) -> bool:
    return _exists((folder / TEMPLATE_FILE).is_file)


def _exists(check: Callable[[], bool]) -> bool:
    """Return what the file-system *check* says, False for a name no file can have (too long, with a NUL)."""
    try:
        return check()
    except (OSError, ValueError):
        return False


def load_theme(name_or_dir: str | Path = "briefing", master: str | Path | None = None) -> Theme:
    """Load the template named *name_or_dir* (built-in or the user's) or stored in that folder.

    With *master* (a .pptx/.potx file), the deck is built on that PowerPoint
    master instead of any the template names: see :func:`theme_with_master`.
    Raises :class:`TemplateError` listing every problem in the file.
    """
    folder = resolve_template(name_or_dir).resolve()
    doc = load_marked(folder / TEMPLATE_FILE)
    if doc.problems:
        raise TemplateError(doc.problems)
    checker = Checker(doc)
    data = TEMPLATE_SPEC.check(doc.data, (), checker)
    raw = doc.data if isinstance(doc.data, dict) else {}
    # Range checks read the raw values, so they run even when another part of
    # the file is invalid and the user sees every problem at once.
    _check_geometry(raw, checker)
    logo = check_logo(folder, raw.get("logo"), checker)
    own_master = check_master(folder, raw, checker) if master is None else None
    if checker.problems:
        raise TemplateError(checker.problems)
    chosen = load_master(master) if master is not None else own_master
    theme = _build(data, folder, logo, _snippets(data, doc), chosen)
    return theme_with_master(theme, chosen) if chosen else theme


def _number(raw: dict[str, Any], *keys: str) -> float | None:
    """Return the number at *keys* in the raw document, or None where there is none."""
    value: Any = raw
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    return float(value)


def _check_geometry(raw: dict[str, Any], checker: Checker) -> None:
    """Check slide size, margins, spacing and footer size against what a slide can hold."""
    low, high = SLIDE_SIDE_IN
    sides: dict[str, float | None] = {}
    for key, what in (("width_in", "width"), ("height_in", "height")):
        value = _number(raw, "slide", key)
        # A side out of range is reported once, not again as "margins too wide".
        sides[key] = value if value is not None and low <= value <= high else None
        if value is not None and sides[key] is None:
            checker.report(
                ("slide", key),
                f"slide {what} {value:g} in is outside PowerPoint's range of {low:g} to {high:g} in",
                hint="16:9 slides are 13.333 x 7.5 in, 4:3 slides 10 x 7.5 in",
            )
    margins = {side: _number(raw, "margins_in", side) for side in ("left", "right", "top", "bottom")}
    for side, value in margins.items():
        if value is not None and value < 0:
            checker.report(("margins_in", side), f"a margin cannot be negative, got {value:g}")
    for (a, b), extent, what in (
        (("left", "right"), sides["width_in"], "width"),
        (("top", "bottom"), sides["height_in"], "height"),
    ):
        ma, mb = margins[a], margins[b]
        if ma is not None and mb is not None and extent is not None and ma >= 0 and mb >= 0 and ma + mb > extent / 2:
            checker.report(
                ("margins_in",),
                f"the {a} and {b} margins take {ma + mb:g} of the slide's "
                f"{extent:g} in {what}; at most half is allowed",
                hint="make the margins smaller",
            )
    spacing = _number(raw, "line_spacing")
    if spacing is not None and not 1.0 <= spacing <= 2.0:
        checker.report(
            ("line_spacing",),
            f"expected a line spacing from 1 to 2, got {spacing:g}",
            hint="1.15 is single spacing with a little air",
        )
    space = _number(raw, "paragraph_space")
    if space is not None and not 0.0 <= space <= 3.0:
        checker.report(("paragraph_space",), f"expected a space before paragraphs of 0 to 3 lines, got {space:g}")
    footer = _number(raw, "sizes", "footer")
    if footer is not None and not SIZE_RANGE_PT[0] <= footer <= 40:
        checker.report(("sizes", "footer"), f"expected a footer size from 6 to 40 pt, got {footer:g}")


def _snippets(data: dict[str, Any], doc: MarkedDocument) -> SourcedSnippets:
    """Return the template's snippets, with the file and line each was written on."""
    texts = {k: v for k, v in (data["snippets"] or {}).items() if v is not None}
    written = tuple(
        (name, line, text) for name, text in texts.items() if (line := doc.position(("snippets", name))[0]) is not None
    )
    return SourcedSnippets(**texts, file=doc.path, written=written)


def _build(
    data: dict[str, Any], folder: Path, logo: Path | None, snippets: Snippets, master: MasterTemplate | None = None
) -> Theme:
    c = data["colors"]
    s = data["sizes"]
    banner = data.get("banner")
    slide = data.get("slide")
    if slide:
        width, height = inches(slide["width_in"]), inches(slide["height_in"])
    else:
        assert master is not None  # without a slide size, _check_master has made sure a master gives it
        width, height = master.width, master.height
    return Theme(
        name=data["name"],
        label=data["label"] or data["name"],
        width=width,
        height=height,
        colors=Colors(**{k: c[k] for k in _COLOR_KEYS}, chart=tuple(c["chart"])),
        fonts=Fonts(**data["fonts"]),
        sizes=Sizes(**{k: s[k] for k in _SIZE_KEYS}, footer=s["footer"]),
        margin_left=inches(data["margins_in"]["left"]),
        margin_right=inches(data["margins_in"]["right"]),
        margin_top=inches(data["margins_in"]["top"]),
        margin_bottom=inches(data["margins_in"]["bottom"]),
        line_spacing=data["line_spacing"],
        paragraph_space=data["paragraph_space"],
        banner=Banner(banner["text"], banner["color"], banner["text_color"]) if banner else None,
        logo=logo,
        snippets=snippets,
        structure=data["structure"],
        folder=folder,
    )
