"""The main window: library, deck, preview with notes, inspector; files, undo, one-click export."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QPushButton, QSplitter, QStackedWidget, QToolBar

from sinoru_brief.app import dialogs
from sinoru_brief.app.autosave import Autosaver
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.deck_panel import DeckPanel
from sinoru_brief.app.images import PageImageCache
from sinoru_brief.app.import_sources import SourcesImporter
from sinoru_brief.app.inspector import Inspector
from sinoru_brief.app.library_folders import LibraryFolders
from sinoru_brief.app.library_panel import LibraryPanel
from sinoru_brief.app.preview import NotesView, SlidePreview
from sinoru_brief.app.slide_sorter import SlideSorter
from sinoru_brief.app.window_export import ExportMixin
from sinoru_brief.app.window_files import FilesMixin
from sinoru_brief.app.window_layout import Panel, PanelKeeper
from sinoru_brief.app.window_templates import TemplatesMixin


class MainWindow(FilesMixin, ExportMixin, TemplatesMixin, QMainWindow):
    """The one window of the app: docks for the library, deck and inspector around the preview and notes.

    File handling lives in :class:`FilesMixin`, exporting in :class:`ExportMixin`, the theme editor and
    templates in :class:`TemplatesMixin`.
    """

    def __init__(
        self, controller: DeckController, autosaver: Autosaver | None = None, settings: QSettings | None = None
    ):
        super().__init__()
        self.controller = controller
        self.settings = settings or QSettings()
        self.autosaver = autosaver
        self.images = PageImageCache(self)
        self.setWindowTitle("sinoru-brief")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self.preview = SlidePreview(self.images, self)
        self.notes = NotesView(self)
        center = QSplitter(Qt.Orientation.Vertical, self)
        center.addWidget(self.preview)
        center.addWidget(self.notes)
        center.setStretchFactor(0, 3)
        center.setStretchFactor(1, 1)
        center.setSizes([600, 220])
        # The slide sorter takes the place of the preview and notes, as PowerPoint's does.
        self.sorter = SlideSorter(controller, self.images, self)
        self.center_stack = QStackedWidget(self)
        self.center_stack.addWidget(center)
        self.center_stack.addWidget(self.sorter)
        self.setCentralWidget(self.center_stack)

        self.library_panel = LibraryPanel(controller, self)
        self.deck_panel = DeckPanel(controller, self.images, self)
        self.inspector = Inspector(controller, self)
        # The side docks run the full height; the deck is a film strip under the preview.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.library_dock = self._dock("Library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "library")
        self.deck_dock = self._dock("Deck", self.deck_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "deck")
        self.inspector_dock = self._dock(
            "Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea, "inspector"
        )
        self._make_theme_dock()
        self.deck_dock.dockLocationChanged.connect(self._deck_dock_moved)
        self.panels = PanelKeeper(
            self,
            [
                Panel(self.library_dock, 340, 220),
                Panel(self.deck_dock, 260, 200),
                Panel(self.inspector_dock, 360, 220, may_hide=True),
            ],
        )

        self._make_export_status()
        self.slide_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.slide_label)

        self._make_actions()
        self._make_menus()
        self.library_folders = LibraryFolders(self)  # File > Open Library…, and the Library problems dock
        self.sources_importer = SourcesImporter(self)  # File > Import Sources…

        self.deck_panel.pageSelected.connect(self._page_selected)
        for refusing in (self.deck_panel, self.sorter, self.preview):
            refusing.refused.connect(self._explain_refusal)
        self.sorter.pageSelected.connect(self.deck_panel.select_page)
        self.sorter.pageActivated.connect(self._open_from_sorter)
        self.sorter.closeRequested.connect(lambda: self.sorter_action.setChecked(False))
        self.preview.stepRequested.connect(self.step)
        self.library_panel.slideActivated.connect(self._reveal_slide)
        controller.briefChanged.connect(self._brief_changed)
        controller.dirtyChanged.connect(self._update_title)
        controller.pathChanged.connect(self._update_title)
        controller.undo_stack.cleanChanged.connect(self._update_title)
        self._update_title()
        self._restore_window()
        self._brief_changed()
        self._report_problems()

    # ------------------------------------------------------------ building

    def _dock(self, title: str, widget, area, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _deck_dock_moved(self, area: Qt.DockWidgetArea) -> None:
        vertical = area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        self.deck_panel.set_orientation(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)

    def _action(self, text: str, slot, shortcut=None, tip: str = "", fallback: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = QKeySequence(shortcut)
            # Some platforms define no key for a standard action (Quit on plain X11 and offscreen).
            action.setShortcut(keys if not keys.isEmpty() or not fallback else QKeySequence(fallback))
        action.setStatusTip(tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        k = QKeySequence.StandardKey
        self.new_action = self._action("&New", self.new_brief, k.New)
        self.open_action = self._action("&Open…", self.open_dialog, k.Open)
        self.save_action = self._action("&Save", self.save, k.Save)
        self.save_as_action = self._action("Save &As…", self.save_as, k.SaveAs)
        self.export_action = self._action("&Export", self.export, "Ctrl+E", "Export the deck to PowerPoint")
        self.export_as_action = self._action("Export &As…", self.export_as, "Ctrl+Shift+E")
        self.export_pdf_action = self._action(
            "Export &PDF…", self.export_pdf, "Ctrl+Alt+P", "Export the deck as a PDF read-ahead, one page per slide"
        )
        self.export_handout_action = self._action(
            "Export PDF &Handout…",
            self.export_handout,
            "Ctrl+Alt+H",
            "Export a PDF handout: each slide above its notes and sources",
        )
        self.pdf_actions = [self.export_pdf_action, self.export_handout_action]
        self.quit_action = self._action("&Quit", self.close, k.Quit, fallback="Ctrl+Q")
        self.undo_action = self.controller.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(k.Undo))
        self.redo_action = self.controller.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(k.Redo))
        self.remove_action = self._action("&Remove Slide", self._remove_slides, "Ctrl+Backspace")
        self.next_action = self._action("&Next Slide", lambda: self.step(1), "Ctrl+Down")
        self.previous_action = self._action("&Previous Slide", lambda: self.step(-1), "Ctrl+Up")
        self.find_action = self._action("&Find in Library", self._focus_search, k.Find)
        self.fit_action = self._action("&Zoom to Fit", self.preview.update, "Ctrl+0")
        self.sorter_action = QAction("Slide &Sorter", self, checkable=True)
        self.sorter_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.sorter_action.setStatusTip("Show the whole deck as a grid, to reorder and remove slides")
        self.sorter_action.toggled.connect(self._show_sorter)  # toggled: Escape and Enter in the sorter uncheck it
        self.addAction(self.sorter_action)
        self.about_action = self._action("&About sinoru-brief", self._about, "F1")
        self._make_template_actions()

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.export_as_action, *self.pdf_actions])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.remove_action, self.find_action])
        bar.addMenu("&Slide").addActions(self.deck_panel.move_actions.actions)
        self._add_template_menus(bar, file_menu, self.quit_action)
        view = bar.addMenu("&View")
        view.addActions([self.previous_action, self.next_action, self.fit_action, self.sorter_action])
        view.addSeparator()
        for number, dock in enumerate((self.library_dock, self.deck_dock, self.inspector_dock), start=1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{number}"))
            toggle.setStatusTip(f"Show or hide the {dock.windowTitle().lower()} panel")
            view.addAction(toggle)
        view.addAction(
            self._action(
                "Reset &Layout",
                lambda: self.panels.reset(),
                "Ctrl+Alt+0",
                "Put the panels back where and as large as a new window has them",
            )
        )
        bar.addMenu("&Help").addAction(self.about_action)
        self._update_recent_menu()

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("toolbar-main")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        # Fixed labels on the toolbar, so it does not jump as the step's name changes; the menu and
        # the tooltip name the step.
        stack = self.controller.undo_stack
        self.toolbar_undo = self._action("Undo", stack.undo, tip="Undo the last change")
        self.toolbar_redo = self._action("Redo", stack.redo, tip="Redo the change undone last")
        self.removeAction(self.toolbar_undo)  # the menu's actions own the shortcuts
        self.removeAction(self.toolbar_redo)
        stack.canUndoChanged.connect(self.toolbar_undo.setEnabled)
        stack.canRedoChanged.connect(self.toolbar_redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.toolbar_undo.setEnabled(stack.canUndo())
        self.toolbar_redo.setEnabled(stack.canRedo())
        self._undo_text_changed(stack.undoText())
        self._redo_text_changed(stack.redoText())
        toolbar.addActions([self.toolbar_undo, self.toolbar_redo])
        toolbar.addSeparator()
        self.export_button = QPushButton("Export to PowerPoint", self)
        self.export_button.setAccessibleName("Export to PowerPoint")
        self.export_button.setToolTip("Export the deck (Ctrl+E)")
        self.export_button.clicked.connect(self.export)
        toolbar.addWidget(self.export_button)
        self.addToolBar(toolbar)

    # -------------------------------------------------------------- state

    def _undo_text_changed(self, text: str) -> None:
        self.toolbar_undo.setToolTip(
            f"Undo {text} ({self.undo_action.shortcut().toString()})" if text else "Nothing to undo"
        )

    def _redo_text_changed(self, text: str) -> None:
        self.toolbar_redo.setToolTip(
            f"Redo {text} ({self.redo_action.shortcut().toString()})" if text else "Nothing to redo"
        )

    def _update_title(self, *_args) -> None:
        session = self.controller.session
        name = session.path.name if session.path else "Untitled brief"
        self.setWindowFilePath(str(session.path) if session.path else "")
        self.setWindowTitle(f"{name}[*] — sinoru-brief")
        self.setWindowModified(session.dirty)

    def _brief_changed(self) -> None:
        view = self.controller.view()
        has_deck = bool(view.pages)
        self.export_action.setEnabled(has_deck)
        self.export_as_action.setEnabled(has_deck)
        self.export_button.setEnabled(has_deck)
        for action in self.pdf_actions:
            action.setEnabled(has_deck)
        row = self.deck_panel.current_page()
        if has_deck and row < 0:
            self.deck_panel.select_page(0)
        self._page_selected(self.deck_panel.current_page())
        if self.autosaver:
            if self.controller.session.dirty:
                self.autosaver.changed(self.controller.session.snapshot(), self.controller.session.path)
            else:
                self.autosaver.clear()  # back to what is saved (say, by undo): nothing to recover

    def _page_selected(self, row: int) -> None:
        view = self.controller.shown()  # the deck strip's deck, while a new look builds in the background
        page = view.pages[row] if 0 <= row < len(view.pages) else None
        self.preview.show_page(page)
        self.notes.show_page(page, view.deck if page else None)
        library = self.controller.session.library
        self.inspector.show_slide(library.slide(page.key) if page and library.has_slide(page.key) else None)
        self.slide_label.setText(f"Slide {row + 1} of {len(view.pages)}" if page else "")
        for neighbour in (row + 1, row - 1):  # the slides the arrow keys go to next
            if page and 0 <= neighbour < len(view.pages):
                self.preview.prefetch(view.pages[neighbour])

    def step(self, delta: int) -> None:
        self.deck_panel.select_page(self.deck_panel.current_page() + delta)

    def _remove_slides(self) -> None:
        """Remove the slides selected in the sorter when it is shown, else the deck strip's selected slide."""
        if self.center_stack.currentWidget() is self.sorter:
            self.sorter.delete_selected()
        else:
            self.deck_panel.remove_current()

    def _explain_refusal(self, reason: str) -> None:
        self.statusBar().showMessage(reason, 12000)  # long enough to read a sentence with a hint in it

    def _show_sorter(self, on: bool) -> None:
        """Show the slide sorter in place of the preview (*on*), or the preview again."""
        if on:  # selected first: the grid taking the focus would otherwise make the first slide current
            self.sorter.select_rows([self.deck_panel.current_page()])
        self.center_stack.setCurrentIndex(1 if on else 0)  # the sorter, or the preview and notes
        (self.sorter.view if on else self.preview).setFocus()

    def _open_from_sorter(self, row: int) -> None:
        self.deck_panel.select_page(row)
        self.sorter_action.setChecked(False)

    def _reveal_slide(self, slide_id: str) -> None:
        self.deck_panel.select_key(slide_id)

    def _focus_search(self) -> None:
        self.library_panel.search.setFocus()
        self.library_panel.search.selectAll()

    def _about(self) -> None:
        dialogs.show_about(self, self.controller.session.library)

    # ------------------------------------------------------- window state

    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        self.panels.restore(state)  # the default arrangement if the saved one leaves a panel unusable

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.maybe_save():
            event.ignore()
            return
        self.wait_for_export()
        self.controller.builder.wait()
        self.images.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self._discard_autosave()
        event.accept()
