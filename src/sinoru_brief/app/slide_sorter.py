"""The slide sorter: the whole deck as a grid of thumbnails, to select several, drag them and delete them.

The thumbnails are the pages the preview draws, rendered by ``render.qt`` in
the background through the window's image cache, and only for the cells
that come into view, so a deck of eighty slides opens at once and fills in
as the renders arrive. Every change goes through :class:`SlideMoves`, the
same undoable steps as the deck strip.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QDrag, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.deck_panel import MIME, PAGE_KEY_ROLE, THUMB_WIDTH
from sinoru_brief.app.edge_scroll import EdgeScroller
from sinoru_brief.app.images import PageImageCache, page_signature
from sinoru_brief.app.slide_moves import Change, SlideMoves
from sinoru_brief.compose.deck import GENERATED_KINDS
from sinoru_brief.layout.kinds.common import continued_suffix
from sinoru_brief.layout.pages import Page

#: The strip's width: each page is rendered once for both, and three columns fit beside the side panels.
SORTER_THUMB_WIDTH = THUMB_WIDTH
#: The thumbnail, its caption line, and room for the selection frame around both.
SORTER_CELL = QSize(SORTER_THUMB_WIDTH + 24, SORTER_THUMB_WIDTH * 9 // 16 + 44)

Index = QModelIndex | QPersistentModelIndex
Signature = tuple[Any, ...]  # what page_signature returns: every drawn value of a page


class SorterModel(QAbstractListModel):
    """Adapt the deck's pages to the grid; keep each thumbnail as a pixmap once its render arrives."""

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.images = images
        self.pages: list[Page] = []
        self._signatures: list[Signature] = []
        self._rows: dict[Signature, list[int]] = {}
        # QImage to QPixmap costs a copy per paint: convert once per page and keep it while the page is shown.
        self._pixmaps: dict[Signature, QPixmap] = {}
        # Hidden, the grid skips the rebuild every edit would cost (as much again as the strip's) and
        # catches up once when shown.
        self.live = False
        self._stale = True
        images.imageReady.connect(self._image_ready)
        controller.briefChanged.connect(self._brief_changed)

    def set_live(self, live: bool) -> None:
        """Follow the deck as it changes (shown), or only note that it changed (hidden)."""
        self.live = live
        if live:
            self.catch_up()

    def catch_up(self) -> None:
        """Rebuild from the deck if it changed since the grid last showed it."""
        if self._stale:
            self.refresh()

    def _brief_changed(self) -> None:
        self._stale = True
        if self.live:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self.beginResetModel()
        self.pages = list(self.controller.view().pages)
        self._signatures = [page_signature(p) for p in self.pages]
        self._rows = {}
        for row, signature in enumerate(self._signatures):
            self._rows.setdefault(signature, []).append(row)
        self._pixmaps = {s: p for s, p in self._pixmaps.items() if s in self._rows}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        page = self.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {page.title}" + continued_suffix(page.continued)
        if role == Qt.ItemDataRole.ToolTipRole:
            return page.title + continued_suffix(page.continued)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Slide {index.row() + 1}: {page.title}"
        if role == PAGE_KEY_ROLE:
            return page.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            page = self.pages[index.row()]
            if page.kind not in GENERATED_KINDS or page.kind == "section":
                base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def pixmap(self, row: int, width: int) -> QPixmap | None:
        """Return the thumbnail of page *row*, or None while it renders (the render is queued now)."""
        signature = self._signatures[row]
        pixmap = self._pixmaps.get(signature)
        if pixmap is not None and pixmap.width() == width:
            return pixmap
        image = self.images.image(self.pages[row], width, signature)
        if image is None:
            return None
        pixmap = self._pixmaps[signature] = QPixmap.fromImage(image)
        return pixmap

    def keys(self, rows: list[int]) -> list[str]:
        """Return the slide keys of *rows*, in deck order, each once."""
        return list(dict.fromkeys(self.pages[r].key for r in sorted(rows)))

    def _image_ready(self, signature: Signature, width: int) -> None:
        if width != SORTER_THUMB_WIDTH:
            return
        for row in self._rows.get(signature, ()):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class SorterDelegate(QStyledItemDelegate):
    """Paint a thumbnail (a grey card until it is rendered) with its number and title beneath."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return SORTER_CELL

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        model = cast(SorterModel, index.model())
        page = model.pages[index.row()]
        cell = option.rect
        height = SORTER_THUMB_WIDTH * page.height // page.width
        thumb = QRect(
            cell.left() + (cell.width() - SORTER_THUMB_WIDTH) // 2, cell.top() + 8, SORTER_THUMB_WIDTH, height
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        if selected:
            painter.fillRect(cell.adjusted(2, 2, -2, -2), palette.highlight().color().lighter(170))
        pixmap = model.pixmap(index.row(), SORTER_THUMB_WIDTH)
        if pixmap is None:
            painter.fillRect(thumb, QColor(222, 222, 222))
        else:
            painter.drawPixmap(thumb, pixmap)
        frame = QPen(palette.highlight().color(), 3) if selected else QPen(QColor(0, 0, 0, 70), 1)
        painter.setPen(frame)
        painter.drawRect(thumb.adjusted(-1, -1, 0, 0))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.drawRect(cell.adjusted(3, 3, -4, -4))
        caption = QRect(cell.left() + 8, thumb.bottom() + 6, cell.width() - 16, option.fontMetrics.height())
        painter.setPen(palette.text().color())
        text = option.fontMetrics.elidedText(index.data(), Qt.TextElideMode.ElideRight, caption.width())
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)


class SorterView(QListView):
    """The grid: extended selection, drags of the selected slides, and drops that say where they land."""

    dropped = Signal(list, int)  # slide keys, the page row they go before

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)  # a wrapping flow: the grid reads like the deck
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAutoScroll(False)
        self.edge_scroller = EdgeScroller(self)
        self.drop_row = -1  # where the indicator is drawn during a drag

    def sorter_model(self) -> SorterModel:
        return cast(SorterModel, self.model())

    def gap_before(self, pos: QPoint) -> int:
        """Return the page row a drop at *pos* (viewport coordinates) goes before; past the end: the row count."""
        count = self.sorter_model().rowCount()
        line = [
            r
            for r in range(count)
            if self.visualRect(self.sorter_model().index(r)).top()
            <= pos.y()
            <= self.visualRect(self.sorter_model().index(r)).bottom() + self.spacing() * 2
        ]
        if not line:
            above = [r for r in range(count) if self.visualRect(self.sorter_model().index(r)).bottom() < pos.y()]
            return count if above or not count else 0
        for row in line:
            if pos.x() < self.visualRect(self.sorter_model().index(row)).center().x():
                return row
        return line[-1] + 1

    def drag_rows(self) -> list[int]:
        """Return the selected rows a drag takes: all of them, if any can move.

        A generated slide selected with others goes along, so the drop says
        why it cannot move rather than leaving it behind without a word.
        """
        indexes = self.selectedIndexes()
        if not any(self.sorter_model().flags(i) & Qt.ItemFlag.ItemIsDragEnabled for i in indexes):
            return []
        return sorted(i.row() for i in indexes)

    def drag_data(self, rows: list[int]) -> QMimeData:
        """Return the drag data for *rows*: their slide keys, a line each, as the deck strip reads them."""
        data = QMimeData()
        data.setData(MIME, "\n".join(self.sorter_model().keys(rows)).encode())
        return data

    def startDrag(self, actions) -> None:  # noqa: N802
        rows = self.drag_rows()
        if not rows:
            return
        drag = QDrag(self)
        drag.setMimeData(self.drag_data(rows))
        pixmap = self.sorter_model().pixmap(rows[0], SORTER_THUMB_WIDTH)
        if pixmap is not None:
            drag.setPixmap(pixmap.scaledToWidth(SORTER_THUMB_WIDTH // 2, Qt.TransformationMode.SmoothTransformation))
        # The move happens in dropEvent, through the brief; nothing is removed here when the drag ends.
        drag.exec(Qt.DropAction.MoveAction)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        # Qt's own auto-scroll is off (see __init__): selecting by dragging over the grid scrolls it here.
        if self.state() == QAbstractItemView.State.DragSelectingState:
            self.edge_scroller.moved(event.position().toPoint())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self.edge_scroller.stop()
        super().mouseReleaseEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        pos = event.position().toPoint()
        self.edge_scroller.moved(pos)
        self.drop_row = self.gap_before(pos)
        self.viewport().update()
        event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._end_drag()
        event.accept()

    def dropEvent(self, event) -> None:  # noqa: N802
        row = self.gap_before(event.position().toPoint())
        self._end_drag()
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        keys = [k for k in bytes(event.mimeData().data(MIME).data()).decode().splitlines() if k]
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.dropped.emit(keys, row)

    def _end_drag(self) -> None:
        self.edge_scroller.stop()
        self.drop_row = -1
        self.viewport().update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        count = self.sorter_model().rowCount() if self.sorter_model() else 0
        if self.drop_row < 0 or not count:
            return
        # A bar in the gap where the slides will land, as PowerPoint's sorter draws it.
        rect = self.visualRect(self.sorter_model().index(min(self.drop_row, count - 1)))
        x = rect.left() - self.spacing() // 2 if self.drop_row < count else rect.right() + self.spacing() // 2
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().highlight().color(), 4))
        painter.drawLine(x, rect.top() + 4, x, rect.bottom() - 4)


class SlideSorter(QWidget):
    """The sorter view of the deck; :attr:`pageActivated` opens a slide, :attr:`refused` explains a refusal."""

    pageSelected = Signal(int)  # noqa: N815 - the current page changed
    pageActivated = Signal(int)  # noqa: N815 - double-click or Enter: show this page in the normal view
    closeRequested = Signal()  # noqa: N815 - Escape
    refused = Signal(str)  # why a move or delete was not done, for the status bar

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.moves = SlideMoves(controller)
        self.model = SorterModel(controller, images, self)
        self.view = SorterView(self)
        self.view.setAccessibleName("Slide sorter")
        self.view.setModel(self.model)
        self.view.setItemDelegate(SorterDelegate(self.view))
        self.view.dropped.connect(self.drop)
        self.view.doubleClicked.connect(lambda index: self.pageActivated.emit(index.row()))
        self.view.activated.connect(lambda index: self.pageActivated.emit(index.row()))
        self.view.selectionModel().currentChanged.connect(lambda cur, _: self.pageSelected.emit(cur.row()))
        self.hint = QLabel(
            "Drag slides to reorder them · Ctrl-click or Shift-click to select several · "
            "Delete removes them · double-click or Enter opens a slide · Esc goes back",
            self,
        )
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)

        self.delete_action = QAction("&Remove Selected Slides", self)
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.back_action = QAction("Back to the Slide", self)
        self.back_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.back_action.triggered.connect(self.closeRequested)
        self.addActions([self.delete_action, self.back_action])
        self._wanted: list[str] = []
        self._current_key: str | None = None
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)

    def showEvent(self, event) -> None:  # noqa: N802
        self.model.set_live(True)
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802
        self.model.set_live(False)
        super().hideEvent(event)

    # ------------------------------------------------------------- selection

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedIndexes())

    def selected_keys(self) -> list[str]:
        return self.model.keys(self.selected_rows())

    def select_rows(self, rows: list[int], current: int | None = None) -> None:
        """Select *rows* (and make *current*, or the first of them, the current one)."""
        self.model.catch_up()  # selected before the grid is shown: its pages must be the deck's
        selection = self.view.selectionModel()
        selection.clearSelection()
        rows = [r for r in rows if 0 <= r < self.model.rowCount()]
        if not rows:
            return
        current = current if current in rows else rows[0]
        selection.setCurrentIndex(self.model.index(current), selection.SelectionFlag.NoUpdate)
        for row in rows:
            selection.select(self.model.index(row), selection.SelectionFlag.Select)
        self.view.scrollTo(self.model.index(current))

    def select_keys(self, keys: list[str]) -> None:
        """Select the first page of each slide of *keys*."""
        rows = [
            next(r for r, p in enumerate(self.model.pages) if p.key == k)
            for k in keys
            if any(p.key == k for p in self.model.pages)
        ]
        self.select_rows(rows)

    def _before_reset(self) -> None:
        if not self._wanted:
            self._wanted = self.selected_keys()
        current = self.view.currentIndex().row()
        self._current_key = self.model.pages[current].key if 0 <= current < len(self.model.pages) else None

    def _after_reset(self) -> None:
        wanted, self._wanted = self._wanted, []
        keys = [p.key for p in self.model.pages]
        if wanted and any(k in keys for k in wanted):
            self.select_keys(wanted)
            if self._current_key in wanted and self._current_key in keys:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(keys.index(self._current_key)), self.view.selectionModel().SelectionFlag.NoUpdate
                )

    # --------------------------------------------------------------- editing

    def drop(self, keys: list[str], row: int) -> None:
        """Move the slides *keys* to before page *row*, or say in :attr:`refused` why they stay."""
        outcome = self.moves.drop(keys, self.model.pages, row)
        if isinstance(outcome, Change):
            self._wanted = list(keys)
        reason = self.moves.run(outcome)
        if reason:
            self.refused.emit(reason)

    def delete_selected(self) -> None:
        """Remove the selected slides from the deck as one undoable step; say why any of them stays."""
        rows = self.selected_rows()
        if not rows:
            self.refused.emit("Select the slides to remove first.")
            return
        keys = self.model.keys(rows)
        change, why = self.moves.delete(keys)
        if isinstance(change, Change):
            removed = set(change.keys)
            following = next((p.key for p in self.model.pages[rows[-1] + 1 :] if p.key not in removed), None)
            self._wanted = [following] if following else []
            self.moves.run(change)
        if why:
            self.refused.emit(why)
