"""A combo box for the deck's template: the built-in looks, a separator, then the user's own templates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox

from sinoru_brief.theme import builtin_template_names, load_theme, user_template_names, user_templates_dir

#: Where :class:`TemplateBox` keeps whether a row is the user's own template.
USER_ROLE = Qt.ItemDataRole.UserRole + 1
#: Marks the rows added for a template the brief names but the box does not list.
EXTRA_ROLE = Qt.ItemDataRole.UserRole + 2


class TemplateBox(QComboBox):
    """Choose a template: built-ins by their label, the user's own by their name.

    The user's templates are read from their folder again by :meth:`reload`
    (after one is saved or deleted). A brief naming a template that is not
    listed (a folder, a deleted template) gets a row of its own, so the box
    always shows what the brief says. :attr:`templateChosen` gives the name.
    """

    templateChosen = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Template")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self._labels = {name: load_theme(name).label for name in builtin_template_names()}
        self.current = ""
        self.activated.connect(self._activated)
        self.reload()

    def reload(self) -> None:
        """List the built-in templates, then the user's own as they are on disk now."""
        with QSignalBlocker(self):
            self.clear()
            for name, label in self._labels.items():
                self.addItem(label, name)
                self.setItemData(self.count() - 1, f"Built-in template “{name}”", Qt.ItemDataRole.ToolTipRole)
            own = user_template_names()
            if own:
                self.insertSeparator(self.count())
            for name in own:
                self.addItem(name, name)
                row = self.count() - 1
                self.setItemData(row, True, USER_ROLE)
                self.setItemData(row, f"Your template, in {user_templates_dir() / name}", Qt.ItemDataRole.ToolTipRole)
        if self.current:
            self.show_template(self.current)

    def user_templates(self) -> list[str]:
        """Return the names of the user's templates the box lists, in order."""
        return [self.itemData(row) for row in range(self.count()) if self.itemData(row, USER_ROLE)]

    def show_template(self, name: str) -> None:
        """Select *name* without emitting :attr:`templateChosen`, adding a row for it if it is not listed."""
        self.current = name
        with QSignalBlocker(self):
            for row in reversed(range(self.count())):
                if self.itemData(row, EXTRA_ROLE) and self.itemData(row) != name:
                    self.removeItem(row)
            row = self.findData(name)
            if row < 0:
                self.insertSeparator(self.count())
                self.setItemData(self.count() - 1, True, EXTRA_ROLE)
                self.addItem(Path(name).name or name, name)
                row = self.count() - 1
                self.setItemData(row, True, EXTRA_ROLE)
                self.setItemData(row, f"Not among your templates: {name}", Qt.ItemDataRole.ToolTipRole)
            self.setCurrentIndex(row)

    def _activated(self, row: int) -> None:
        name = self.itemData(row)
        if isinstance(name, str) and name != self.current:
            self.current = name
            self.templateChosen.emit(name)
