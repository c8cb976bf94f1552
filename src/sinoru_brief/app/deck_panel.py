"""The deck panel: every slide of the deck as a thumbnail; drag to reorder, Delete to remove."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QToolButton, QVBoxLayout, QWidget

from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.images import PageImageCache, page_signature
from sinoru_brief.compose.deck import GENERATED_KINDS
from sinoru_brief.layout.pages import Page

THUMB_WIDTH = 192
MIME = "application/x-sinoru-slide"
PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 10


class DeckModel(QAbstractListModel):
    """Adapt the deck's pages to a list: a thumbnail and a caption per page."""

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.images = images
        self.pages: list[Page] = []
        self._signatures: list[tuple] = []
        self._row_by_signature: dict[tuple, int] = {}
        images.imageReady.connect(self._image_ready)
        controller.briefChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.pages = list(self.controller.view().pages)
        self._signatures = [page_signature(p) for p in self.pages]
        self._row_by_signature = {s: i for i, s in enumerate(self._signatures)}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = self.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {page.title}" + (" (cont.)" if page.continued else "")
        if role == Qt.ItemDataRole.DecorationRole:
            image = self.images.image(page, THUMB_WIDTH, self._signatures[index.row()])
            if image is None:
                placeholder = QPixmap(THUMB_WIDTH, THUMB_WIDTH * page.height // page.width)
                placeholder.fill(Qt.GlobalColor.lightGray)
                return QIcon(placeholder)
            return QIcon(QPixmap.fromImage(image))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{page.title}\n{page.key}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Slide {index.row() + 1}: {page.title}"
        if role == PAGE_KEY_ROLE:
            return page.key
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        page = self.pages[index.row()]
        if page.kind not in GENERATED_KINDS or page.kind == "section":
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

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        key = bytes(data.data(MIME).data()).decode()
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.pages))
        return self.move(key, target)

    def move(self, key: str, target_row: int) -> bool:
        """Move the slide (or, for a section slide, the topic) *key* to before page *target_row*."""
        library = self.controller.session.library
        after = self.pages[target_row:] if target_row < len(self.pages) else []
        if key.startswith("section:"):
            topic_id = key.split(":", 1)[1]
            before = next((p.key.split(":", 1)[1] for p in after if p.key.startswith("section:")
                           and p.key != key), None)
            self.controller.move_topic(topic_id, before)
            return True
        if not library.has_slide(key):
            return False
        topic_id = library.slide(key).topic_id
        same_topic = [p.key for p in after if library.has_slide(p.key) and library.slide(p.key).topic_id == topic_id]
        before = next((k for k in same_topic if k != key), None)
        self.controller.move_slide(key, before)
        return True

    def _image_ready(self, signature: tuple, width: int) -> None:
        row = self._row_by_signature.get(signature)
        if row is not None and width == THUMB_WIDTH:
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class DeckPanel(QWidget):
    """Thumbnails of the deck; the selection drives the preview."""

    pageSelected = Signal(int)  # noqa: N815 - page index

    def __init__(self, controller: DeckController, images: PageImageCache, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.model = DeckModel(controller, images, self)
        self.view = QListView(self)
        self.view.setAccessibleName("Deck slides")
        self.view.setModel(self.model)
        # Thumbnails in one column, each with its caption underneath.
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.TopToBottom)
        self.view.setWrapping(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Snap)
        self.view.setIconSize(QSize(THUMB_WIDTH, THUMB_WIDTH * 9 // 16))
        self.view.setGridSize(QSize(THUMB_WIDTH + 24, THUMB_WIDTH * 9 // 16 + 44))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumWidth(THUMB_WIDTH + 48)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.selectionModel().currentChanged.connect(lambda cur, _: self.pageSelected.emit(cur.row()))

        self.remove_action = QAction("&Remove slide", self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.addAction(self.remove_action)

        self.restore_button = QToolButton(self)
        self.restore_button.setText("Removed slides")
        self.restore_button.setAccessibleName("Bring back removed slides")
        self.restore_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.restore_menu = QMenu(self)
        self.restore_button.setMenu(self.restore_menu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.restore_button)
        self.model.modelReset.connect(self._after_reset)
        self._wanted_key: str | None = None
        self._after_reset()

    def current_page(self) -> int:
        return self.view.currentIndex().row()

    def select_page(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))

    def select_key(self, key: str) -> None:
        for row, page in enumerate(self.model.pages):
            if page.key == key:
                self.select_page(row)
                return

    def remove_current(self) -> None:
        row = self.current_page()
        if row < 0:
            return
        key = self.model.pages[row].key
        if self.controller.session.library.has_slide(key):
            self._wanted_key = self.model.pages[min(row + 1, len(self.model.pages) - 1)].key
            self.controller.exclude_slide(key)

    def _after_reset(self) -> None:
        self.restore_menu.clear()
        library = self.controller.session.library
        excluded = [s for s in self.controller.brief.exclude if library.has_slide(s)]
        for slide_id in excluded:
            action = self.restore_menu.addAction(f"{library.slide(slide_id).title}  ({slide_id})")
            action.triggered.connect(lambda _=False, s=slide_id: self.controller.restore_slide(s))
        self.restore_button.setEnabled(bool(excluded))
        self.restore_button.setText(f"Removed slides ({len(excluded)})" if excluded else "No removed slides")
        if self._wanted_key:
            self.select_key(self._wanted_key)
            self._wanted_key = None
