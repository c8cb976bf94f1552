"""The library panel: topics and their slides with check boxes, a search box, and the depth selector."""

from __future__ import annotations

import html

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from sinoru_brief.app.controller import DeckController
from sinoru_brief.content.models import DEPTHS, Library

SLIDE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
PRIORITY_NAMES = {1: "key", 2: "supporting", 3: "detail"}


class LibraryModel(QStandardItemModel):
    """Adapt the library to a tree: a checkable row per topic, a child row per slide.

    Check states mirror the brief: a topic is checked when it is in the deck;
    a slide when its topic is in the deck, its priority is within the depth
    and it is not excluded.
    """

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.syncing = False
        self.setHorizontalHeaderLabels(["Library"])
        for topic in library.topics:
            item = QStandardItem(topic.title)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(topic.id, TOPIC_ID_ROLE)
            item.setData(" ".join([topic.title, topic.summary]).lower(), SEARCH_ROLE)
            # Tooltips carry the whole title: a narrow panel cuts long ones.
            item.setToolTip(f"<b>{html.escape(topic.title)}</b><br>{html.escape(topic.summary)}")
            for slide in topic.slides:
                child = QStandardItem(
                    f"{slide.title}  ·  {slide.kind.replace('_', ' ')}, {PRIORITY_NAMES[slide.priority]}"
                )
                child.setCheckable(True)
                child.setEditable(False)
                child.setData(slide.id, SLIDE_ID_ROLE)
                child.setData(topic.id, TOPIC_ID_ROLE)
                child.setData(" ".join(slide.text_fields()).lower(), SEARCH_ROLE)
                child.setToolTip(
                    f"<b>{html.escape(slide.title)}</b><br>{slide.kind.replace('_', ' ')}, "
                    f"{PRIORITY_NAMES[slide.priority]} (priority {slide.priority}) · {slide.id}"
                )
                item.appendRow(child)
            self.appendRow(item)

    def sync(self, topics: list[str], depth: str, excluded: list[str]) -> None:
        """Set every check box from the brief; ``syncing`` tells the panel these are not the user's edits.

        Signals stay on: the search filter and the tree must hear of every
        change (blocking them and announcing a layout change instead left the
        tree holding stale indexes, and a keyboard toggle then crashed it).
        """
        chosen, limit, out = set(topics), DEPTHS[depth], set(excluded)
        self.syncing = True
        try:
            for row in range(self.rowCount()):
                item = self.item(row)
                topic_id = item.data(TOPIC_ID_ROLE)
                _set_check(item, topic_id in chosen)
                for r in range(item.rowCount()):
                    child = item.child(r)
                    slide = self.library.slide(child.data(SLIDE_ID_ROLE))
                    _set_check(child, topic_id in chosen and slide.priority <= limit and slide.id not in out)
                    if child.isEnabled() != (slide.priority <= limit):
                        child.setEnabled(slide.priority <= limit)
        finally:
            self.syncing = False


def _set_check(item: QStandardItem, on: bool) -> None:
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    if item.checkState() != state:
        item.setCheckState(state)


class SearchFilter(QSortFilterProxyModel):
    """Show topics and slides whose text contains every word typed in the search box."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.setRecursiveFilteringEnabled(True)

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self.words = text.lower().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = text.lower().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row, parent) -> bool:  # noqa: N802 - Qt's name
        if not self.words:
            return True
        index = self.sourceModel().index(row, 0, parent)
        haystack = index.data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self.words)


class LibraryPanel(QWidget):
    """Let the user choose topics, slides and depth; edits go through the controller."""

    slideActivated = Signal(str)  # noqa: N815 - a slide id, when the user double-clicks it

    def __init__(self, controller: DeckController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.model = LibraryModel(controller.session.library, self)
        self.filter = SearchFilter(self)
        self.filter.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, bullets and notes")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.search.textChanged.connect(self._search)

        self.depth_box = QComboBox(self)
        self.depth_box.setAccessibleName("Depth")
        self.depth_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.depth_box.setMinimumContentsLength(12)
        for depth in DEPTHS:
            self.depth_box.addItem(depth, depth)
        self.depth_box.activated.connect(lambda _: self.controller.set_depth(self.depth_box.currentData()))

        self.tree = QTreeView(self)
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Library topics and slides")
        self.tree.setUniformRowHeights(True)
        self.tree.doubleClicked.connect(self._activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        depth_label = QLabel("&Depth:", self)
        depth_label.setBuddy(self.depth_box)
        layout.addWidget(depth_label)
        layout.addWidget(self.depth_box)
        layout.addWidget(self.tree, 1)
        hint = QLabel(
            "Tick topics to build the deck; untick a slide to leave it out. Greyed slides lie "
            "beyond the depth. Double-click a slide to show it.",
            self,
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(hint)

        self.model.itemChanged.connect(self._item_changed)
        controller.briefChanged.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        brief = self.controller.brief
        self.model.sync(brief.topics, brief.depth, brief.exclude)
        library = self.controller.session.library
        chosen = [library.topic(t) for t in brief.topics if t in library.topic_ids()] or library.topics
        for i, depth in enumerate(DEPTHS):
            count = sum(len(t.slides_at(depth)) for t in chosen)
            scope = "chosen topics" if brief.topics else "all topics"
            self.depth_box.setItemText(i, f"{depth.capitalize()}: {count} slides ({scope})")
        self.depth_box.setCurrentIndex(list(DEPTHS).index(brief.depth))

    def _search(self, text: str) -> None:
        self.filter.set_query(text)
        if text:
            self.tree.expandAll()

    def _item_changed(self, item: QStandardItem) -> None:
        if self.model.syncing or not item.isCheckable():
            return
        on = item.checkState() == Qt.CheckState.Checked
        slide_id = item.data(SLIDE_ID_ROLE)
        if slide_id:
            self.controller.set_slide_included(slide_id, on)
        else:
            self.controller.toggle_topic(item.data(TOPIC_ID_ROLE), on)

    def _activated(self, index) -> None:
        slide_id = index.data(SLIDE_ID_ROLE)
        if slide_id:
            self.slideActivated.emit(slide_id)

    def topic_item(self, topic_id: str) -> QStandardItem:
        """Return the tree row of *topic_id*."""
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(TOPIC_ID_ROLE) == topic_id:
                return item
        raise KeyError(topic_id)

    def check_topic(self, topic_id: str, on: bool = True) -> None:
        """Tick or untick a topic as a click on its check box does (the screenshot tool and the tests use it)."""
        self.topic_item(topic_id).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def expand_topic(self, topic_id: str) -> None:
        """Unfold *topic_id* in the tree, showing its slides."""
        index = self.filter.mapFromSource(self.topic_item(topic_id).index())
        self.tree.expand(index)
