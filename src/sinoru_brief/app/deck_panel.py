"""The deck panel: every slide of the deck as a thumbnail; drag to reorder, Delete to remove."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.edge_scroll import EdgeScroller
from sinoru_brief.app.images import PageImageCache, PageSignature, page_signature
from sinoru_brief.app.own_slide_actions import OwnSlideActions
from sinoru_brief.app.slide_move_actions import SlideMoveActions
from sinoru_brief.app.slide_moves import Change, SlideMoves
from sinoru_brief.compose.deck import GENERATED_KINDS
from sinoru_brief.layout.kinds.common import continued_suffix
from sinoru_brief.layout.pages import Page

THUMB_WIDTH = 176
THUMB_HEIGHT = THUMB_WIDTH * 9 // 16
#: Room for a thumbnail and two lines of caption under it.
CELL = QSize(THUMB_WIDTH + 14, THUMB_HEIGHT + 42)
MIME = "application/x-sinoru-slide"
PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 10


class DeckModel(QAbstractListModel):
    """Adapt the deck's pages to a list: a thumbnail and a caption per page.

    Reordering goes through :meth:`move` (drops land there via
    :meth:`dropMimeData`), which asks the controller for the change; the
    model then resets from the new deck.
    """

    aboutToMove = Signal(str)  # noqa: N815 - the key of the slide being moved
    refused = Signal(str)  # why a drop was not done, for the status bar

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.images = images
        self.moves = SlideMoves(controller)
        self.pages: list[Page] = []
        self._signatures: list[PageSignature] = []
        self._row_by_signature: dict[PageSignature, int] = {}
        images.imageReady.connect(self._image_ready)
        controller.briefChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.pages = list(self.controller.view().pages)
        self._signatures = [page_signature(p) for p in self.pages]
        self._row_by_signature = {s: i for i, s in enumerate(self._signatures)}
        self.endResetModel()

    def keys(self) -> list[str]:
        """Return the slide key of every page, in deck order."""
        return [p.key for p in self.pages]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = self.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {page.title}" + continued_suffix(page.continued)
        if role == Qt.ItemDataRole.DecorationRole:
            image = self.images.image(page, THUMB_WIDTH, self._signatures[index.row()])
            if image is None:
                placeholder = QPixmap(THUMB_WIDTH, THUMB_WIDTH * page.height // page.width)
                placeholder.fill(Qt.GlobalColor.lightGray)
                return QIcon(placeholder)
            return QIcon(QPixmap.fromImage(image))
        if role == Qt.ItemDataRole.ToolTipRole:
            how = "drag to move" if self._movable(page) else "made from the deck, cannot be moved"
            return f"{page.title}\n{page.key} ({how})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Slide {index.row() + 1}: {page.title}"
        if role == PAGE_KEY_ROLE:
            return page.key
        return None

    @staticmethod
    def _movable(page: Page) -> bool:
        # A section slide stands for its topic: dragging it moves the whole topic.
        return page.kind not in GENERATED_KINDS or page.kind == "section"

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        if self._movable(self.pages[index.row()]):
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        if indexes:
            data.setData(MIME, self.pages[indexes[0].row()].key.encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action, row: int, column: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        # One key from the strip; the sorter's drags carry every selected slide, a line each.
        keys = [k for k in bytes(data.data(MIME).data()).decode().splitlines() if k]
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.pages))
        return self.move_keys(keys, target)

    def move(self, key: str, target_row: int) -> bool:
        """Move the slide (or, for a section slide, the topic) *key* to before page *target_row*.

        A library slide moves within its topic; one of the user's own may
        land in another topic. A drop the brief cannot follow (a library slide
        into another topic, a slide before the title) is refused:
        :attr:`refused` says why and False is returned.
        """
        return self.move_keys([key], target_row)

    def move_keys(self, keys: list[str], target_row: int) -> bool:
        """Move the slides *keys* to before page *target_row*, as :meth:`move` moves one."""
        outcome = self.moves.drop(keys, self.pages, target_row)
        if isinstance(outcome, Change) and outcome.select:
            self.aboutToMove.emit(outcome.select)
        reason = self.moves.run(outcome)
        if reason:
            self.refused.emit(reason)
            return False
        return True

    def _image_ready(self, signature: PageSignature, width: int) -> None:
        row = self._row_by_signature.get(signature)
        if row is not None and width == THUMB_WIDTH:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class ThumbnailDelegate(QStyledItemDelegate):
    """Draw the thumbnail with its caption centred underneath, in a fixed cell."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.decorationAlignment = Qt.AlignmentFlag.AlignHCenter
        option.decorationSize = QSize(THUMB_WIDTH, THUMB_HEIGHT)
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return CELL


class StripView(QListView):
    """The list of thumbnails, scrolling while a dragged slide nears either end.

    A drop is read from where Qt draws the drop indicator and handed to the
    model, whichever view the drag came from (the strip, or the slide sorter
    with several slides), so the move is the one the user was shown.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edge_scroller = EdgeScroller(self)
        self.setAutoScroll(False)  # the edge scroller does it, further from the edge and faster nearer it

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.edge_scroller.moved(event.position().toPoint())
        super().dragMoveEvent(event)

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self.edge_scroller.stop()
        super().dragLeaveEvent(event)

    def drop_row(self, pos) -> int:
        """Return the page row a drop at *pos* (viewport coordinates) goes before."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        horizontal = self.flow() == QListView.Flow.LeftToRight
        past_middle = pos.x() > rect.center().x() if horizontal else pos.y() > rect.center().y()
        return index.row() + (1 if past_middle else 0)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.edge_scroller.stop()
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        row = self.drop_row(event.position().toPoint())
        self.model().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex())
        # Accepted either way: the brief did the move (or the status bar says why not); nothing to remove here.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()


class DeckPanel(QWidget):
    """Thumbnails of the deck; the selection drives the preview."""

    pageSelected = Signal(int)  # noqa: N815 - page index
    refused = Signal(str)  # why a move or delete was not done, for the status bar

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.model = DeckModel(controller, images, self)
        self.view = StripView(self)
        self.view.setAccessibleName("Deck slides")
        self.view.setModel(self.model)
        # List mode, not icon mode: icon mode lets a drop between items merely
        # reposition the picture, where every drop must reorder the deck.
        self.view.setViewMode(QListView.ViewMode.ListMode)
        self.view.setItemDelegate(ThumbnailDelegate(self.view))
        self.view.setWrapping(False)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(2)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Drag and drop, not internal move: the slide sorter's drags land here too (dropEvent does the move).
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.selectionModel().currentChanged.connect(lambda cur, _: self.pageSelected.emit(cur.row()))

        self.remove_action = QAction("&Remove slide", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.addAction(self.remove_action)
        self.own_slides = OwnSlideActions(self)
        self.move_actions = SlideMoveActions(self)
        self.model.refused.connect(self.refused)
        self.set_orientation(Qt.Orientation.Horizontal)

        self.restore_button = QToolButton(self)
        self.restore_button.setAccessibleName("Bring back removed slides")
        self.restore_button.setToolTip("Slides you removed from this deck; choose one to bring it back")
        self.restore_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.restore_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.restore_menu = QMenu(self)
        self.restore_button.setMenu(self.restore_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._wanted: tuple[str, int] | None = None
        self._row_before = -1
        self.model.aboutToMove.connect(lambda key: self.want(key, 0))
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Lay the thumbnails out in a row (a film strip under the preview) or a column (a side dock)."""
        horizontal = orientation == Qt.Orientation.Horizontal
        self.orientation = orientation
        self.move_actions.set_orientation(orientation)
        self.view.setFlow(QListView.Flow.LeftToRight if horizontal else QListView.Flow.TopToBottom)
        scrollbar = self.view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        across = 2 * self.view.frameWidth() + scrollbar + 2 * self.view.spacing() + 2
        if horizontal:
            self.view.setMinimumSize(CELL.width(), CELL.height() + across)
            self.view.setMaximumSize(16777215, CELL.height() + across)
        else:
            self.view.setMinimumSize(CELL.width() + across, CELL.height() * 2)
            self.view.setMaximumSize(CELL.width() + across, 16777215)

    # ------------------------------------------------------------- selection

    def current_page(self) -> int:
        return self.view.currentIndex().row()

    def current_key(self) -> str | None:
        row = self.current_page()
        return self.model.pages[row].key if 0 <= row < len(self.model.pages) else None

    def select_page(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def select_key(self, key: str, part: int = 0) -> bool:
        """Select page *part* (0 = the first, 1 = its first "(cont.)" page) of slide *key*; False if absent."""
        rows = [row for row, page in enumerate(self.model.pages) if page.key == key]
        if not rows:
            return False
        self.select_page(rows[min(part, len(rows) - 1)])
        return True

    def want(self, key: str, part: int = 0) -> None:
        """Select page *part* of slide *key* once the deck is rebuilt (after a move or a removal)."""
        self._wanted = (key, part)

    # --------------------------------------------------------------- editing

    def remove_current(self) -> None:
        """Drop the selected slide from this deck (it stays in the library and in "Removed slides").

        The title, agenda, section and reference slides come from the deck
        itself: for those, :attr:`refused` says why they stay.
        """
        row = self.current_page()
        if row < 0:
            self.refused.emit("Select a slide in the deck to remove it.")
            return
        key = self.model.pages[row].key
        change, why = self.model.moves.delete([key])
        if why:
            self.refused.emit(why)
        if change is None:
            return
        following = next((p.key for p in self.model.pages[row + 1 :] if p.key != key), None)
        if following:
            self.want(following, 0)
        self.model.moves.run(change)

    def restore(self, slide_id: str) -> None:
        """Bring a removed slide back and select it."""
        self.want(slide_id, 0)
        self.controller.restore_slide(slide_id)

    # ---------------------------------------------------------------- resets

    def _before_reset(self) -> None:
        # A reset forgets the current row: remember which page it showed, to select it again.
        self._row_before = self.current_page()
        key = self.current_key()
        if self._wanted is None and key is not None:
            part = sum(1 for p in self.model.pages[: self._row_before] if p.key == key)
            self._wanted = (key, part)

    def _after_reset(self) -> None:
        self.restore_menu.clear()
        library = self.controller.session.library
        excluded = [s for s in self.controller.brief.exclude if library.has_slide(s)]
        for slide_id in excluded:
            action = self.restore_menu.addAction(f"{library.slide(slide_id).title}  ({slide_id})")
            action.triggered.connect(lambda _=False, s=slide_id: self.restore(s))
        self.restore_button.setEnabled(bool(excluded))
        self.restore_button.setText(f"Removed slides ({len(excluded)})" if excluded else "No removed slides")
        wanted, self._wanted = self._wanted, None
        if wanted and self.select_key(*wanted):
            return
        if self.model.rowCount():
            # The slide left the deck (say, its topic was unticked): stay near where the user was.
            self.select_page(min(max(self._row_before, 0), self.model.rowCount() - 1))
