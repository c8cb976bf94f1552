"""Check the layout's promises on laid-out pages: nothing overflows, overlaps or leaves the slide.

The layout engine is built to keep these invariants for every input; this
module states them once, so the tests assert them over generated decks and
the pipeline refuses a deck that breaks one (naming the slide and why)
rather than exporting it. The invariants, for every page:

- every line of every text frame lies inside its frame: no line wider than
  the frame less its insets and indent, no frame's text taller than the frame;
- every table cell's text lies inside its cell;
- a paragraph's spans say what its lines say (the .pptx is written from
  spans, the preview drawn from lines: they must agree);
- no two content frames overlap, and none overlaps the chrome (banner,
  footer, slide number, date of information, source line, logo);
- nothing lies outside the slide.

Decorative shapes (rules, connectors, markers, bars, bands) are not frames:
they may cross or touch text by design.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sinoru_brief.errors import LayoutError, Problem
from sinoru_brief.layout.pages import Box, ChartFrame, Page, Paragraph, Picture, Shape, TableFrame, TextFrame
from sinoru_brief.theme.model import Theme
from sinoru_brief.units import Emu, emu_to_pt

#: Text frame roles that belong to the slide's chrome rather than its content.
CHROME_ROLES = frozenset({"banner", "footer", "number", "as-of", "source"})
#: Shape names that are chrome: content must keep clear of them.
CHROME_SHAPES = frozenset({"banner", "logo"})
#: Measurement tolerance in points (rounding of EMU and half-point sizes).
TOLERANCE_PT = 0.01
#: Overlap tolerance in EMU: frames that merely touch (rounding) do not overlap.
TOUCH_EMU = 2


@dataclass(frozen=True)
class Violation:
    """One broken invariant: which page (1-based position in the deck), which box, and what is wrong."""

    page: int
    slide: str
    box: str
    message: str

    def __str__(self) -> str:
        return f"slide {self.page} ('{self.slide}'), {self.box}: {self.message}"


def check_pages(pages: list[Page], keep_clear: tuple[Box, ...] = ()) -> list[Violation]:
    """Return every invariant *pages* break, in page order (empty when the deck is sound).

    *keep_clear* is chrome that is not on the pages themselves: artwork a
    user's master draws along an edge of every slide (see :func:`master_chrome`).
    """
    out: list[Violation] = []
    for index, page in enumerate(pages, start=1):
        out.extend(check_page(page, index, keep_clear))
    return out


def master_chrome(theme: Theme) -> tuple[Box, ...]:
    """Return the edge artwork of *theme*'s master as boxes content must keep clear of (none without one)."""
    if theme.master is None:
        return ()
    from sinoru_brief.theme.master_look import edge_artwork

    return tuple(Box(r.x, r.y, r.w, r.h, name="master artwork") for _, r in edge_artwork(theme.master))


def check_page(page: Page, index: int = 1, keep_clear: tuple[Box, ...] = ()) -> list[Violation]:
    """Return every invariant *page* breaks; *index* is its position in the deck, for messages."""
    problems: list[tuple[str, str]] = []
    for box in page.boxes:
        if box.x < 0 or box.y < 0 or box.right > page.width or box.bottom > page.height:
            problems.append((_label(box), "lies outside the slide"))
        if isinstance(box, TextFrame):
            problems.extend((_label(box), m) for m in _frame_problems(box))
        elif isinstance(box, TableFrame):
            problems.extend((_label(box), m) for m in _table_problems(box))
    frames = [b for b in page.boxes if _is_frame(b)]
    for art in keep_clear:
        problems.extend((_label(f), f"overlaps {_label(art)}") for f in frames if _overlap(f, art))
    for i, a in enumerate(frames):
        for b in frames[i + 1 :]:
            if _is_chrome(a) and _is_chrome(b):
                continue  # chrome pieces are placed side by side by one function
            if _overlap(a, b):
                problems.append((_label(a), f"overlaps {_label(b)}"))
    return [
        Violation(index, page.key + (f" (cont. {page.continued})" if page.continued else ""), box, message)
        for box, message in problems
    ]


def _frame_problems(frame: TextFrame) -> list[str]:
    out = []
    inner_w = emu_to_pt(frame.insets.inner_width(frame.w))
    inner_h = emu_to_pt(frame.insets.inner_height(frame.h))
    height = frame.text_height()
    if inner_h <= 0 or inner_w <= 0:
        return [f"has no room on the slide (its frame is {max(inner_w, 0):.0f} x {max(inner_h, 0):.0f} pt)"]
    if height > inner_h + TOLERANCE_PT:
        out.append(f"needs {height:.1f} pt of height and its frame has {inner_h:.1f} pt")
    for para in frame.paragraphs:
        out.extend(_paragraph_problems(para, inner_w))
    return out


def _paragraph_problems(para: Paragraph, inner_w: float) -> list[str]:
    out = []
    room = inner_w - emu_to_pt(para.indent)
    for line in para.lines:
        if line.width > room + TOLERANCE_PT:
            text = "".join(s.text for s in line.spans)
            out.append(f"has a line {line.width:.1f} pt wide in {room:.1f} pt ('{_short(text)}')")
    drawn = "".join(s.text for line in para.lines for s in line.spans)
    if drawn != para.text:
        out.append(f"draws '{_short(drawn)}' but would export '{_short(para.text)}'")
    return out


def _table_problems(table: TableFrame) -> list[str]:
    out = []
    if len(table.row_heights) != len(table.rows) or any(len(r) != len(table.column_widths) for r in table.rows):
        return ["rows or columns do not match their sizes"]
    if sum(table.row_heights) > table.h + TOUCH_EMU:
        out.append("rows are taller than the table")
    pad_h = emu_to_pt(Emu(table.cell_insets.top + table.cell_insets.bottom))
    pad_w = emu_to_pt(Emu(table.cell_insets.left + table.cell_insets.right))
    for r, (row, height) in enumerate(zip(table.rows, table.row_heights, strict=True)):
        for c, (cell, width) in enumerate(zip(row, table.column_widths, strict=True)):
            text_h = sum(p.height for p in cell.paragraphs) - (
                cell.paragraphs[0].space_before if cell.paragraphs else 0
            )
            if text_h > emu_to_pt(height) - pad_h + TOLERANCE_PT:
                out.append(f"cell ({r + 1}, {c + 1}) text is taller than its row")
            for para in cell.paragraphs:
                out.extend(f"cell ({r + 1}, {c + 1}): {m}" for m in _paragraph_problems(para, emu_to_pt(width) - pad_w))
    return out


def _is_frame(box: Box) -> bool:
    if isinstance(box, (TextFrame, ChartFrame, TableFrame, Picture)):
        return True
    return isinstance(box, Shape) and box.name in CHROME_SHAPES


def _is_chrome(box: Box) -> bool:
    if isinstance(box, TextFrame):
        return box.role in CHROME_ROLES
    return box.name in CHROME_SHAPES


def _overlap(a: Box, b: Box) -> bool:
    text, shape = (a, b) if isinstance(a, TextFrame) else (b, a)
    if isinstance(text, TextFrame) and isinstance(shape, Shape) and text.role == "banner" and shape.name == "banner":
        return False  # the banner's text sits on the banner's strip by design
    return (
        a.x < b.right - TOUCH_EMU
        and b.x < a.right - TOUCH_EMU
        and a.y < b.bottom - TOUCH_EMU
        and b.y < a.bottom - TOUCH_EMU
    )


def _label(box: Box) -> str:
    if isinstance(box, TextFrame):
        return f"the {box.role}" + (f" '{_short(box.text, 30)}'" if box.text else "")
    return f"the {box.name or type(box).__name__.lower()}"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layout_error(violations: list[Violation], theme: Theme) -> LayoutError:
    """Return the error that says which slides break the layout's promises with *theme*, and what to do.

    Layout is built never to produce such a slide; when one appears it is
    because the look leaves a kind no room (a master's margins, a banner and a
    logo on a small slide), so the message names the look and the master.
    """
    if theme.master is not None:
        where: Path | None = theme.master.path
        look = f"the master '{theme.master.path.name}'"
    else:
        where = theme.folder / "template.yaml" if theme.folder else None
        look = f"the template '{theme.name}'"
    slides: dict[str, list[Violation]] = {}
    for violation in violations:
        slides.setdefault(f"slide {violation.page} ('{violation.slide}')", []).append(violation)
    problems = [
        Problem(
            where,
            f"{slide} cannot be laid out on {look}: " + "; ".join(f"{v.box} {v.message}" for v in found[:3]),
            hint="give the slide more room: turn off the banner or the logo, use a larger slide "
            "size or a master with smaller margins, or shorten the slide's text",
        )
        for slide, found in slides.items()
    ]
    return LayoutError(problems)
