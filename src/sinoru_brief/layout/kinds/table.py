"""Lay out a table slide: column widths from the text, rows split across slides with the header repeated."""

from __future__ import annotations

from sinoru_brief.compose.deck import DeckSlide
from sinoru_brief.layout.context import LayoutContext
from sinoru_brief.layout.fonts import text_width
from sinoru_brief.layout.kinds.common import add_source_line, new_page
from sinoru_brief.layout.linebreak import normalise_space
from sinoru_brief.layout.pages import Cell, Insets, PageDraft, TableFrame
from sinoru_brief.layout.textfit import UNBOUNDED, ParaSpec, layout_at, scales
from sinoru_brief.layout.truncate import truncate_to_height
from sinoru_brief.theme.model import SizeRange
from sinoru_brief.units import Emu, emu_sum, emu_to_pt, inches, points

CELL_INSETS = Insets(left=inches(0.08), top=inches(0.05), right=inches(0.08), bottom=inches(0.05))


def column_widths(columns: list[list[str]], total: Emu, font: str, size: float) -> list[Emu]:
    """Share *total* EMU between columns by how much text each holds, each at least a ninth."""
    weights = []
    for texts in columns:
        longest_word = max((text_width(w, font, size) for t in texts for w in t.split()), default=0.0)
        volume = sum(text_width(t, font, size) for t in texts) / max(len(texts), 1)
        weights.append(max(volume, longest_word * 1.5, 1.0) ** 0.7)
    floor = total / (len(columns) * 3 or 1)
    raw = [total * w / sum(weights) for w in weights]
    widened = [max(r, floor) for r in raw]
    scale = total / sum(widened)
    widths = [Emu(int(w * scale)) for w in widened]
    widths[-1] = Emu(widths[-1] + total - sum(widths))
    return widths


def layout_table(ctx: LayoutContext, slide: DeckSlide) -> list[PageDraft]:
    assert slide.slide is not None
    s = slide.slide
    t = ctx.theme
    body = ctx.regions.body
    size: SizeRange = t.sizes.table
    texts = [list(s.columns)] + [list(r.cells) for r in s.rows]
    ncols = max(len(r) for r in texts)
    widths = column_widths(
        [[r[c] if c < len(r) else "" for r in texts] for c in range(ncols)], body.w, t.fonts.body, size.size
    )

    def cell_specs(text: str, header: bool, numbers: list[int]) -> list[ParaSpec]:
        spans = [
            ctx.span(
                normalise_space(text),
                size.size,
                bold=header,
                color=t.colors.title if header else t.colors.text,
                heading=header,
            )
        ]
        marker = ctx.marker(numbers, size.size)
        if marker:
            spans.append(marker)
        return [ParaSpec(spans=tuple(spans), size=size)]

    header_specs = [cell_specs(c, True, []) for c in s.columns] + [[] for _ in range(ncols - len(s.columns))]
    row_specs = []
    for row in s.rows:
        cells = [cell_specs(c, False, []) for c in row.cells] + [[] for _ in range(ncols - len(row.cells))]
        # The marker follows the row's last cell: the claim is the whole row.
        last = len(row.cells) - 1
        cells[last] = cell_specs(row.cells[last], False, ctx.deck.markers(row.cite))
        row_specs.append((cells, ctx.deck.markers(row.cite)))

    all_specs = [p for cells in header_specs for p in cells] + [p for cells, _ in row_specs for c in cells for p in c]
    inner_w = [emu_to_pt(CELL_INSETS.inner_width(w)) for w in widths]  # points, as each row is laid out in them
    pad = emu_to_pt(Emu(CELL_INSETS.top + CELL_INSETS.bottom))
    limit = emu_to_pt(body.h)

    def lay_row(cells: list[list[ParaSpec]], scale: float) -> tuple[list[Cell], float]:
        laid, tallest = [], 0.0
        for specs, w in zip(cells, inner_w, strict=True):
            fitted = layout_at(specs, w, UNBOUNDED, scale, t.line_spacing) if specs else None
            paragraphs = fitted.paragraphs if fitted else ()
            tallest = max(tallest, fitted.height if fitted else 0.0)
            laid.append(Cell(paragraphs=paragraphs))
        return laid, tallest + pad

    def split(scale: float) -> list[list[int]]:
        _, head_h = lay_row(header_specs, scale)
        pages: list[list[int]] = [[]]
        used = head_h
        for i, (cells, _) in enumerate(row_specs):
            _, h = lay_row(cells, scale)
            if pages[-1] and used + h > limit:
                pages.append([])
                used = head_h
            pages[-1].append(i)
            used += h
        return pages

    steps = scales(all_specs)
    floor_count = len(split(steps[-1]))
    scale = next(sc for sc in steps if len(split(sc)) <= floor_count)
    pages: list[PageDraft] = []
    header_cells, header_h = lay_row(header_specs, scale)
    header_cells = [Cell(c.paragraphs, fill=t.colors.panel) for c in header_cells]
    for index, row_indices in enumerate(split(scale)):
        page = new_page(ctx, slide, index)
        rows, heights, numbers = [header_cells], [header_h], []
        for i in row_indices:
            laid, h = lay_row(row_specs[i][0], scale)
            room = limit - header_h
            if h > room:  # one row taller than a whole slide: cut its text to fit
                laid = [
                    Cell(truncate_to_height(c.paragraphs, room - pad, w)) for c, w in zip(laid, inner_w, strict=True)
                ]
                h = room
            rows.append(laid)
            heights.append(h)
            numbers.extend(row_specs[i][1])
        heights_emu = tuple(points(h) for h in heights)
        page.boxes.append(
            TableFrame(
                x=body.x,
                y=body.y,
                w=body.w,
                h=emu_sum(heights_emu),
                name="table",
                column_widths=tuple(widths),
                row_heights=heights_emu,
                rows=tuple(tuple(r) for r in rows),
                header_rows=1,
                cell_insets=CELL_INSETS,
                border_color=t.colors.rule,
                alt_text=table_alt_text(slide.title, s.columns, row_indices, len(s.rows)),
            )
        )
        add_source_line(ctx, page, numbers)
        pages.append(page)
    return pages


def table_alt_text(title: str, columns: tuple[str, ...], rows: list[int], total: int) -> str:
    """Summarise a table (or the part of it on one slide) for screen readers, which read its cells themselves."""
    shown = (
        f"rows {rows[0] + 1} to {rows[-1] + 1} of {total}"
        if rows and len(rows) < total
        else f"{total} row{'s' if total != 1 else ''}"
    )
    return f"Table, {title}: {shown}, with columns {', '.join(columns)}."
