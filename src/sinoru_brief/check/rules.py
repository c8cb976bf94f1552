"""The accessibility rules that can be read from a .pptx, as PowerPoint's checker and WCAG 2 state them.

Each rule takes the slides :func:`sinoru_brief.check.reader.read_deck` read and
returns findings naming the slide and the shape. docs/accessibility.md says
what each rule checks, why, and how to fix what it finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sinoru_brief.check.findings import ERROR, WARNING, Finding
from sinoru_brief.check.reader import TITLE_TYPES, Run, ShapeInfo, SlideInfo
from sinoru_brief.theme.drawingml import contrast as contrast_ratio  # 'contrast' is this module's rule

#: WCAG 2 level AA: 4.5:1 for text, 3:1 for large text (18 pt, or 14 pt bold).
MIN_CONTRAST, MIN_CONTRAST_LARGE = 4.5, 3.0
LARGE_SIZE, LARGE_BOLD_SIZE = 18.0, 14.0
#: Shapes that overlap vertically by more than this share of the smaller one's height are in one row.
ROW_TOLERANCE = 0.5
NEEDS_ALT_TEXT = frozenset({"pic", "graphicFrame", "grpSp", "contentPart"})
GRAPHIC_NAMES = {
    "chart": "chart",
    "table": "table",
    "diagram": "SmartArt graphic",
    "ole": "embedded object",
    "other": "graphic frame",
}


def alt_text(slides: list[SlideInfo]) -> list[Finding]:
    """Pictures, charts, tables, groups and other graphic frames need alternative text unless decorative.

    A shape inside a group that has alternative text (or is decorative) is
    covered by it: a screen reader reads the group's description, not its
    parts. Inside a group without one, each part is read and needs its own.
    """
    findings = []
    for slide in slides:
        for shape in slide.shapes:
            if shape.kind in NEEDS_ALT_TEXT and not shape.covered and not shape.decorative and not shape.alt_text:
                what = GRAPHIC_NAMES.get(shape.graphic, "picture") if shape.kind != "grpSp" else "group"
                if shape.kind == "pic":
                    what = "picture"
                findings.append(
                    Finding(
                        ERROR,
                        "alt-text",
                        f"this {what} has no alternative text; add a "
                        "description (or mark it decorative if it carries no information)",
                        slide.number,
                        shape.name,
                    )
                )
    return findings


def slide_titles(slides: list[SlideInfo]) -> list[Finding]:
    """Every slide needs a title placeholder with text, and no two slides the same title."""
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for slide in slides:
        titles = [s for s in slide.shapes if s.placeholder in TITLE_TYPES]
        text = next((s.text for s in titles if s.text), "")
        if not text:
            message = (
                "the title placeholder is empty; type a title (it may be hidden off the slide)"
                if titles
                else "the slide has no title; add a title placeholder (screen readers navigate by titles)"
            )
            findings.append(Finding(ERROR, "slide-title", message, slide.number, titles[0].name if titles else ""))
            continue
        for extra in titles:
            if not extra.text:  # PowerPoint shows its prompt there, and a screen reader meets two titles
                findings.append(
                    Finding(
                        WARNING,
                        "extra-title",
                        "this title placeholder is empty beside the slide's title; PowerPoint shows "
                        "'Click to add title' in it: delete it",
                        slide.number,
                        extra.name,
                    )
                )
        key = re.sub(r"\s+", " ", text).casefold()
        if key in seen:
            findings.append(
                Finding(
                    WARNING,
                    "duplicate-title",
                    f"the title '{text}' is also slide {seen[key]}'s; make each title unique, e.g. '(cont. 2)'",
                    slide.number,
                    next(s.name for s in titles if s.text),
                )
            )
        else:
            seen[key] = slide.number
    return findings


def reading_order(slides: list[SlideInfo]) -> list[Finding]:
    """Shapes are read in the order they are listed: the title first, nothing read before what is above it.

    A shape is out of order when one listed after it sits wholly above it in
    the same column (they overlap left to right), or wholly to its left in the
    same row. Column by column is a fine order, so a second column's heading
    may follow the first column's text. A group with alternative text is one
    item (its parts are not read); a group without is read part by part, in
    its place.
    """
    findings = []
    for slide in slides:
        shapes = [
            s
            for s in slide.shapes
            if not s.covered
            and s.has_box
            and not s.decorative
            and not (s.kind == "grpSp" and not s.alt_text)
            and (s.text or s.kind in NEEDS_ALT_TEXT)
        ]
        title = next((s for s in shapes if s.placeholder in TITLE_TYPES), None)
        if title is not None and shapes[0] is not title:
            findings.append(
                Finding(
                    WARNING,
                    "reading-order",
                    f"the title is read after '{shapes[0].name}'; move "
                    "the title to the top of the reading order in the Selection Pane",
                    slide.number,
                    title.name,
                )
            )
            continue
        # The title, read first as it must be, is not out of order for what is drawn above it
        # (a section number over the section's title).
        rest = [s for s in shapes if s is not title]
        pair = next(((a, b) for i, a in enumerate(rest) for b in rest[i + 1 :] if read_too_late(a, b)), None)
        if pair:
            first, later = pair
            findings.append(
                Finding(
                    WARNING,
                    "reading-order",
                    f"read before '{later.name}', which is above or to "
                    "the left of it; reorder the shapes in the Selection Pane",
                    slide.number,
                    first.name,
                )
            )
    return findings


def read_too_late(first: ShapeInfo, later: ShapeInfo) -> bool:
    """Return whether *later*, listed after *first*, is wholly above it in its column or left of it in its row."""
    if first.rect is None or later.rect is None:
        return False  # a shape the file gives no position has no place to be out of
    f, lt = first.rect, later.rect
    overlap_x = min(f.right, lt.right) - max(f.x, lt.x)
    overlap_y = min(f.bottom, lt.bottom) - max(f.y, lt.y)
    if lt.bottom <= f.y and overlap_x > 0:
        return True
    same_row = overlap_y > ROW_TOLERANCE * min(f.h, lt.h)
    return same_row and lt.right <= f.x


def contrast(slides: list[SlideInfo]) -> list[Finding]:
    """Text must contrast with what is behind it: 4.5:1, or 3:1 for large text (WCAG 2 AA)."""
    findings = []
    for slide in slides:
        for index, shape in enumerate(slide.shapes):
            background = _background_of(slide, index)
            if shape.runs and background:
                finding = _worst_run(shape.runs, background, slide, shape)
                if finding:
                    findings.append(finding)
            for fill, known, runs in shape.table_cells:
                cell_background = fill if fill else (background if known else None)
                finding = _worst_run(runs, cell_background, slide, shape) if cell_background else None
                if finding:
                    findings.append(finding)
                    break  # one finding per table
    return findings


def _background_of(slide: SlideInfo, index: int) -> str | None:
    """Return the colour behind shape *index*: its own fill, a filled shape under it, or the slide's."""
    shape = slide.shapes[index]
    if shape.fill or shape.fill_unknown:
        return shape.fill
    if shape.rect is not None:
        box = shape.rect
        cx, cy = box.x + box.w / 2, box.y + box.h / 2
        for below in reversed(slide.shapes[:index]):
            under = below.rect
            if under is None or not (below.fill or below.fill_unknown):
                continue
            if under.x <= cx <= under.right and under.y <= cy <= under.bottom:
                return below.fill
    return slide.background


def _worst_run(runs: list[Run], background: str, slide: SlideInfo, shape: ShapeInfo) -> Finding | None:
    worst = None
    for run in runs:
        if not run.text.strip() or run.color is None:
            continue
        large = run.size >= LARGE_SIZE or (run.bold and run.size >= LARGE_BOLD_SIZE)
        needed = MIN_CONTRAST_LARGE if large else MIN_CONTRAST
        ratio = contrast_ratio(run.color, background)
        if ratio < needed and (worst is None or ratio < worst[0]):
            worst = (ratio, needed, run)
    if worst is None:
        return None
    ratio, needed, run = worst
    sample = run.text.strip()[:30]
    return Finding(
        ERROR,
        "contrast",
        f"text '{sample}' is #{run.color} on #{background}: contrast {ratio:.2f}:1, "
        f"needs {needed:g}:1 at {run.size:g} pt{' bold' if run.bold else ''}; darken or lighten it",
        slide.number,
        shape.name,
    )


def table_headers(slides: list[SlideInfo]) -> list[Finding]:
    """A table needs a header row (Table Design > Header Row), so screen readers announce its columns."""
    return [
        Finding(
            ERROR,
            "table-header",
            "the table has no header row; tick Header Row in Table Design",
            slide.number,
            shape.name,
        )
        for slide in slides
        for shape in slide.shapes
        if shape.graphic == "table" and not shape.table_header
    ]


#: Every rule, in the order its findings are reported.
RULES: tuple[Callable[[list[SlideInfo]], list[Finding]], ...] = (
    slide_titles,
    alt_text,
    table_headers,
    contrast,
    reading_order,
)
