"""Load and check a template folder (``template.yaml`` and its assets) into a :class:`Theme`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sinoru_brief.errors import Problem, TemplateError
from sinoru_brief.paths import templates_dir
from sinoru_brief.theme.model import Banner, Colors, Fonts, Sizes, SizeRange, Snippets, Theme
from sinoru_brief.units import inches
from sinoru_brief.yamlio.marked import KeyPath, load_marked
from sinoru_brief.yamlio.schema import (
    INVALID, Checker, Choice, Key, ListOf, Number, Record, Spec, Text, did_you_mean,
)

TEMPLATE_FILE = "template.yaml"
#: Font names we can measure, each with metric-compatible files in assets/fonts.
MEASURABLE_FONTS = ("Calibri", "Arial", "Times New Roman")

_COLOR = Text(max_length=7, pattern=r"#?[0-9A-Fa-f]{6}", pattern_help="a colour written RRGGBB in hex, e.g. 1F3864")


class _SizePair(Spec):
    """``[size, minimum]`` in points, minimum no larger than size."""

    expected = "[size, minimum] in points, e.g. [22, 14]"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        if (not isinstance(value, list) or len(value) != 2
                or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
            return self._wrong_type(value, path, checker)
        size, minimum = float(value[0]), float(value[1])
        if not 6 <= minimum <= size <= 120:
            checker.report(path, f"expected 6 <= minimum <= size <= 120, got [{value[0]}, {value[1]}]",
                           hint="the second number is the smallest size text may shrink to")
            return INVALID
        return SizeRange(size, minimum)


class _Snippet(Spec):
    """A Jinja2 template string that must compile in the sandbox."""

    expected = "a Jinja2 template string"

    def check(self, value: Any, path: KeyPath, checker: Checker) -> Any:
        from sinoru_brief.compose.templating import compile_problem

        if not isinstance(value, str):
            return self._wrong_type(value, path, checker)
        problem = compile_problem(value)
        if problem:
            checker.report(path, f"template text does not compile: {problem}",
                           hint="check the {{ }} and {% %} pairs")
            return INVALID
        return value


_SIZE_KEYS = ("deck_title", "section_title", "title", "body", "sub", "quote", "table", "source", "reference")
_COLOR_KEYS = ("background", "title", "text", "accent", "muted", "rule", "panel")

TEMPLATE_SPEC = Record(
    what="template",
    keys={
        "name": Key(Text(max_length=80, pattern=r"[A-Za-z0-9][A-Za-z0-9 _.-]*",
                         pattern_help="a name of letters, digits, spaces, dots, dashes and underscores")),
        "label": Key(Text(max_length=120), required=False, default=""),
        "slide": Key(Record(what="slide size", keys={
            "width_in": Key(Number()), "height_in": Key(Number())})),
        "margins_in": Key(Record(what="margins", keys={
            side: Key(Number()) for side in ("left", "right", "top", "bottom")})),
        "fonts": Key(Record(what="fonts", keys={
            "heading": Key(Choice(choices=MEASURABLE_FONTS)),
            "body": Key(Choice(choices=MEASURABLE_FONTS)),
            "east_asian": Key(Text(max_length=80), required=False, default="Microsoft YaHei"),
        })),
        "colors": Key(Record(what="colours", keys={
            **{name: Key(_COLOR) for name in _COLOR_KEYS},
            "chart": Key(ListOf(item=_COLOR, min_items=1, max_items=12)),
        })),
        "sizes": Key(Record(what="sizes", keys={
            **{name: Key(_SizePair()) for name in _SIZE_KEYS},
            "footer": Key(Number()),
        })),
        "line_spacing": Key(Number(), required=False, default=1.15),
        "paragraph_space": Key(Number(), required=False, default=0.45),
        "banner": Key(Record(what="banner", keys={
            "text": Key(Text(max_length=120)),
            "color": Key(_COLOR),
            "text_color": Key(_COLOR, required=False, default="FFFFFF"),
        }), required=False),
        "logo": Key(Text(max_length=300), required=False),
        "snippets": Key(Record(what="snippets", keys={
            name: Key(_Snippet(), required=False) for name in Snippets.__dataclass_fields__
        }), required=False, default={}),
    },
)


def builtin_template_names() -> list[str]:
    """Return the names of the templates shipped with the program."""
    return sorted(p.parent.name for p in templates_dir().glob(f"*/{TEMPLATE_FILE}"))


def resolve_template(name_or_dir: str | Path) -> Path:
    """Return the folder of a template given its built-in name or a path to a folder."""
    candidate = Path(name_or_dir)
    if (candidate / TEMPLATE_FILE).is_file():
        return candidate
    builtin = templates_dir() / str(name_or_dir)
    if (builtin / TEMPLATE_FILE).is_file():
        return builtin
    names = builtin_template_names()
    hint = did_you_mean(str(name_or_dir), names) or f"built-in templates: {', '.join(names)}"
    raise TemplateError(Problem(candidate, "no such template (a built-in name or a folder with template.yaml)",
                                hint=hint))


def load_theme(name_or_dir: str | Path = "briefing") -> Theme:
    """Load the template named *name_or_dir* (built-in) or stored in that folder."""
    folder = resolve_template(name_or_dir).resolve()
    doc = load_marked(folder / TEMPLATE_FILE)
    if doc.problems:
        raise TemplateError(doc.problems)
    checker = Checker(doc)
    data = TEMPLATE_SPEC.check(doc.data, (), checker)
    if data is not INVALID:
        _check_geometry(data, checker)
        logo = _check_logo(folder, data.get("logo"), checker)
    if checker.problems:
        raise TemplateError(checker.problems)
    return _build(data, folder, logo)


def _check_geometry(data: dict, checker: Checker) -> None:
    width, height = data["slide"]["width_in"], data["slide"]["height_in"]
    if not (1 <= width <= 56 and 1 <= height <= 56):
        checker.report(("slide",), f"slide size {width} x {height} in is outside PowerPoint's 1-56 in range")
    margins = data["margins_in"]
    if any(v < 0 for v in margins.values()) or margins["left"] + margins["right"] > width / 2 or (
            margins["top"] + margins["bottom"] > height / 2):
        checker.report(("margins_in",), "margins must be positive and leave at least half the slide free")
    if not 1.0 <= data["line_spacing"] <= 2.0:
        checker.report(("line_spacing",), f"expected a line spacing from 1.0 to 2.0, got {data['line_spacing']}")


def _check_logo(folder: Path, logo: str | None, checker: Checker) -> Path | None:
    if not logo:
        return None
    path = (folder / logo).resolve()
    if not path.is_relative_to(folder):
        checker.report(("logo",), f"the logo path '{logo}' leads outside the template folder",
                       hint="put the logo file inside the template folder")
        return None
    if not path.is_file():
        checker.report(("logo",), f"the logo file '{logo}' does not exist", hint="check the file name")
        return None
    return path


def _build(data: dict, folder: Path, logo: Path | None) -> Theme:
    c = data["colors"]
    s = data["sizes"]
    banner = data.get("banner")

    def hex6(value: str) -> str:
        return value.lstrip("#").upper()

    return Theme(
        name=data["name"],
        label=data["label"] or data["name"],
        width=inches(data["slide"]["width_in"]),
        height=inches(data["slide"]["height_in"]),
        colors=Colors(**{k: hex6(c[k]) for k in _COLOR_KEYS}, chart=tuple(hex6(x) for x in c["chart"])),
        fonts=Fonts(**data["fonts"]),
        sizes=Sizes(**{k: s[k] for k in _SIZE_KEYS}, footer=s["footer"]),
        margin_left=inches(data["margins_in"]["left"]),
        margin_right=inches(data["margins_in"]["right"]),
        margin_top=inches(data["margins_in"]["top"]),
        margin_bottom=inches(data["margins_in"]["bottom"]),
        line_spacing=data["line_spacing"],
        paragraph_space=data["paragraph_space"],
        banner=Banner(banner["text"], hex6(banner["color"]), hex6(banner["text_color"])) if banner else None,
        logo=logo,
        snippets=Snippets(**{k: v for k, v in (data["snippets"] or {}).items() if v is not None}),
        folder=folder,
    )
