"""Small editors the theme editor is built from: a colour, a palette, a size and its minimum, a logo, a slide size.

Each shows a value set with ``set_...`` (silently) and emits ``changed`` when
the user changes it; none knows about themes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sinoru_brief.theme.assets import LOGO_SUFFIXES, logo_image_problem
from sinoru_brief.theme.master import SLIDE_SIDE_IN
from sinoru_brief.units import Emu, Pt, emu_to_inches, inches

#: Named slide sizes in inches (PowerPoint's own for 16:9 and 4:3; 16:10 at the same height).
SLIDE_SIZES = {"16:9": (13.333333, 7.5), "4:3": (10.0, 7.5), "16:10": (12.0, 7.5)}
CUSTOM = "Custom"
#: The file dialog offers every format the core accepts (theme.assets checks the file itself).
LOGO_FILTER = "Images (" + " ".join(f"*.{s}" for suffixes in LOGO_SUFFIXES.values() for s in suffixes) + ")"
MAX_PALETTE = 12


def _swatch(color: str, size: int = 16) -> QIcon:
    """Return a square of *color* with a grey edge, so white and the button's own colour still show."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(f"#{color}"))
    painter = QPainter(pixmap)
    painter.setPen(QColor(128, 128, 128))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class ColorButton(QPushButton):
    """A colour shown as a swatch and its hex value; a click opens the colour dialog."""

    changed = Signal(str)  # RRGGBB

    def __init__(self, name: str, color: str = "000000", parent=None):
        super().__init__(parent)
        self.name = name
        self.setAccessibleName(f"{name} colour")
        self.setIconSize(QSize(18, 18))
        self.clicked.connect(self.choose)
        self.set_color(color)

    def color(self) -> str:
        return self._color

    def set_color(self, color: str) -> None:
        self._color = color.upper()
        self.setIcon(_swatch(self._color, 18))
        self.setText(f"#{self._color}")
        self.setToolTip(f"{self.name}: #{self._color} — click to change")

    def choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(f"#{self._color}"), self, f"{self.name} colour")
        if chosen.isValid():
            color = chosen.name()[1:].upper()
            if color != self._color:
                self.set_color(color)
                self.changed.emit(color)


class PaletteEditor(QWidget):
    """The chart colours in order: a swatch each (click to change), with buttons to add and drop the last."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Chart colours")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.buttons: list[QToolButton] = []
        self._colors: list[str] = []
        self.add = QToolButton(self)
        self.add.setText("+")
        self.add.setAccessibleName("Add a chart colour")
        self.add.setToolTip("Add a chart colour")
        self.add.clicked.connect(self._add)
        self.drop = QToolButton(self)
        self.drop.setText("−")
        self.drop.setAccessibleName("Remove the last chart colour")
        self.drop.setToolTip("Remove the last chart colour")
        self.drop.clicked.connect(self._drop)
        self.row.addStretch(1)
        self.row.addWidget(self.add)
        self.row.addWidget(self.drop)

    def colors(self) -> tuple[str, ...]:
        return tuple(self._colors)

    def set_colors(self, colors: tuple[str, ...]) -> None:
        self._colors = list(colors)
        while len(self.buttons) > len(colors):
            button = self.buttons.pop()
            self.row.removeWidget(button)
            button.deleteLater()
        while len(self.buttons) < len(colors):
            index = len(self.buttons)
            button = QToolButton(self)
            button.setIconSize(QSize(16, 16))
            button.clicked.connect(lambda _=False, i=index: self.choose(i))
            self.row.insertWidget(index, button)
            self.buttons.append(button)
        for index, (button, color) in enumerate(zip(self.buttons, colors, strict=True)):
            button.setIcon(_swatch(color))
            button.setToolTip(f"Chart colour {index + 1}: #{color} — click to change")
            button.setAccessibleName(f"Chart colour {index + 1}")
        self.add.setEnabled(len(colors) < MAX_PALETTE)
        self.drop.setEnabled(len(colors) > 1)

    def choose(self, index: int) -> None:
        chosen = QColorDialog.getColor(QColor(f"#{self._colors[index]}"), self, f"Chart colour {index + 1}")
        if chosen.isValid() and chosen.name()[1:].upper() != self._colors[index]:
            self._colors[index] = chosen.name()[1:].upper()
            self.set_colors(tuple(self._colors))
            self.changed.emit()

    def _add(self) -> None:
        # A new colour starts as a copy of the first, for the user to change.
        self.set_colors((*self._colors, self._colors[0]))
        self.changed.emit()

    def _drop(self) -> None:
        self.set_colors(tuple(self._colors[:-1]))
        self.changed.emit()


def points_box(parent, accessible: str, low: float = 6.0, high: float = 120.0) -> QDoubleSpinBox:
    """Return a spin box for a font size in points, from *low* to *high*, that reports only finished values."""
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(1.0)
    box.setAccessibleName(accessible + " in points")
    box.setKeyboardTracking(False)  # "1" on the way to "14" is no size to lay a deck out at
    return box


class SizeRangeEditor(QWidget):
    """A font size and the smallest it may shrink to; the minimum is never larger than the size.

    Lowering the size below the minimum takes the minimum down with it; the
    minimum cannot be raised above the size.
    """

    changed = Signal()

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.size_box = points_box(self, f"{name} size")
        self.minimum_box = points_box(self, f"{name} minimum size")
        self.size_box.setToolTip(f"{name}: the preferred size")
        self.minimum_box.setToolTip(
            f"{name}: the smallest size the layout may shrink text to before continuing it on another slide"
        )
        row.addWidget(self.size_box)
        row.addWidget(QLabel("min", self))
        row.addWidget(self.minimum_box)
        row.addStretch(1)
        self.size_box.valueChanged.connect(self._size_changed)
        self.minimum_box.valueChanged.connect(lambda _: self.changed.emit())

    def values(self) -> tuple[Pt, Pt]:
        return Pt(self.size_box.value()), Pt(self.minimum_box.value())

    def set_values(self, size: float, minimum: float) -> None:
        with QSignalBlocker(self.size_box), QSignalBlocker(self.minimum_box):
            self.size_box.setValue(size)
            self.minimum_box.setMaximum(size)
            self.minimum_box.setValue(minimum)

    def _size_changed(self, size: float) -> None:
        with QSignalBlocker(self.minimum_box):
            self.minimum_box.setMaximum(size)  # clamps the minimum's value too
        self.changed.emit()


class LogoPicker(QWidget):
    """The logo: a small preview, a button to choose a PNG or JPEG file and one to clear it."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setFixedSize(96, 40)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName("Logo preview")
        self.preview.setStyleSheet("QLabel { border: 1px solid palette(mid); }")
        self.choose_button = QPushButton("Choose…", self)
        self.choose_button.setAccessibleName("Choose a logo file")
        self.choose_button.clicked.connect(self.choose)
        self.clear_button = QPushButton("Clear", self)
        self.clear_button.setAccessibleName("Remove the logo")
        self.clear_button.clicked.connect(self.clear)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)

    def set_path(self, path: Path | None) -> None:
        self.path = Path(path) if path else None
        pixmap = QPixmap(str(self.path)) if self.path else QPixmap()
        if pixmap.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText("no logo")
        else:
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.size() - QSize(4, 4),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.preview.setToolTip(str(self.path) if self.path else "No logo")
        self.clear_button.setEnabled(self.path is not None)

    def choose(self) -> None:
        from sinoru_brief.app import dialogs

        start = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Choose a logo", start, LOGO_FILTER)
        if not name:
            return
        problem = logo_problem(Path(name))
        if problem:
            dialogs.show_error(self, "Cannot use this logo", problem)
            return
        self.set_path(Path(name).resolve())
        self.changed.emit()

    def clear(self) -> None:
        self.set_path(None)
        self.changed.emit()


def logo_problem(path: Path) -> str:
    """Return why the file at *path* cannot be a logo, or "" if it can (the template checker's own rule)."""
    problem = logo_image_problem(path)
    if problem is None:
        return ""
    what, hint = problem
    return f"{path} {what}. {hint[0].upper()}{hint[1:]}."


class SlideSizePicker(QWidget):
    """The slide size: 16:9, 4:3, 16:10, or a custom width and height in inches."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.shape = QComboBox(self)
        self.shape.setAccessibleName("Slide size")
        for name, (w, h) in SLIDE_SIZES.items():
            self.shape.addItem(f"{name} ({w:.2f} × {h:g} in)".replace(".00 ", " "), name)
        self.shape.addItem("Custom…", CUSTOM)
        self.width_box = self._inches("Slide width")
        self.height_box = self._inches("Slide height")
        column.addWidget(self.shape)
        custom = QHBoxLayout()
        custom.addWidget(self.width_box)
        custom.addWidget(QLabel("×", self))
        custom.addWidget(self.height_box)
        custom.addStretch(1)
        column.addLayout(custom)
        self.shape.activated.connect(self._shape_chosen)

    def _inches(self, accessible: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        # The range a template and a brief's look accept: a smaller bound here would show a
        # template's small slide at the wrong size. A slide too small for its text is then
        # refused by layout with a message that says why, as a template's would be.
        box.setRange(*SLIDE_SIDE_IN)
        box.setDecimals(2)
        box.setSingleStep(0.25)
        box.setSuffix(" in")
        box.setAccessibleName(accessible)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(lambda _: self.changed.emit())
        return box

    def size_emu(self) -> tuple[Emu, Emu]:
        name = self.shape.currentData()
        if name in SLIDE_SIZES:
            w, h = SLIDE_SIZES[name]
            return inches(w), inches(h)
        return inches(self.width_box.value()), inches(self.height_box.value())

    def set_size_emu(self, width: Emu, height: Emu) -> None:
        name = next((n for n, (w, h) in SLIDE_SIZES.items() if (inches(w), inches(h)) == (width, height)), CUSTOM)
        with QSignalBlocker(self.shape), QSignalBlocker(self.width_box), QSignalBlocker(self.height_box):
            self.shape.setCurrentIndex(self.shape.findData(name))
            self.width_box.setValue(emu_to_inches(width))
            self.height_box.setValue(emu_to_inches(height))
        self._enable_custom()

    def _shape_chosen(self, _row: int) -> None:
        name = self.shape.currentData()
        if name in SLIDE_SIZES:
            with QSignalBlocker(self.width_box), QSignalBlocker(self.height_box):
                self.width_box.setValue(SLIDE_SIZES[name][0])
                self.height_box.setValue(SLIDE_SIZES[name][1])
        self._enable_custom()
        self.changed.emit()

    def _enable_custom(self) -> None:
        custom = self.shape.currentData() == CUSTOM
        self.width_box.setVisible(custom)
        self.height_box.setVisible(custom)
        for label in self.findChildren(QLabel):
            label.setVisible(custom)
