"""The main window: library, deck, preview with notes, inspector; files, undo, one-click export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QStackedWidget, QToolBar, QWidget

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
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.app.window_actions import make_action
from sinoru_brief.app.window_export import DeckExporter
from sinoru_brief.app.window_files import BriefFiles, documents
from sinoru_brief.app.window_layout import Panel, PanelKeeper
from sinoru_brief.app.window_problems import BriefProblems
from sinoru_brief.app.window_templates import LookTemplates
from sinoru_brief.app.window_undo import UndoActions


class MainWindow(QMainWindow):
    """The one window of the app: docks for the library, deck and inspector around the preview and notes.

    The window makes the widgets and docks and wires them together; the File,
    export, template and undo actions belong to parts it makes and hands what
    they need: :attr:`files` (:class:`~sinoru_brief.app.window_files.BriefFiles`),
    :attr:`exporter` (:class:`~sinoru_brief.app.window_export.DeckExporter`),
    :attr:`looks` (:class:`~sinoru_brief.app.window_templates.LookTemplates`),
    :attr:`problems` (:class:`~sinoru_brief.app.window_problems.BriefProblems`) and
    :attr:`undo` (:class:`~sinoru_brief.app.window_undo.UndoActions`).
    """

    def __init__(
        self, controller: DeckController, autosaver: Autosaver | None = None, settings: QSettings | None = None
    ):
        super().__init__()
        self.controller = controller
        self.settings = settings or QSettings()
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
        self.theme_editor = ThemeEditor(controller, self)
        # The side docks run the full height; the deck is a film strip under the preview.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.library_dock = self._dock("Library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea, "library")
        self.deck_dock = self._dock("Deck", self.deck_panel, Qt.DockWidgetArea.BottomDockWidgetArea, "deck")
        self.inspector_dock = self._dock(
            "Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea, "inspector"
        )
        self.theme_dock = self._dock("Theme", self.theme_editor, Qt.DockWidgetArea.RightDockWidgetArea, "theme")
        self.tabifyDockWidget(self.inspector_dock, self.theme_dock)
        self.theme_dock.hide()  # opened from Format > Theme Editor
        self.inspector_dock.raise_()
        self.deck_dock.dockLocationChanged.connect(self._deck_dock_moved)
        self.panels = PanelKeeper(
            self,
            [
                Panel(self.library_dock, 340, 220),
                Panel(self.deck_dock, 260, 200),
                Panel(self.inspector_dock, 360, 220, may_hide=True),
            ],
        )

        # The parts, each given what it works on; the menus and toolbar below are made of their actions.
        status = self.statusBar()
        self.exporter = DeckExporter(controller, self, status)
        self.slide_label = QLabel(self)
        status.addPermanentWidget(self.slide_label)
        self.files = BriefFiles(controller, self.settings, autosaver, self, status.showMessage)
        self.files.documentReplaced.connect(self.exporter.forget_export_path)
        self.recent_menu = self.files.recent_menu  # the library and import actions go after it
        self.looks = LookTemplates(
            controller, self.theme_editor, self.theme_dock, self.inspector.template, self, status.showMessage
        )
        self.theme_action = self.looks.theme_action
        self.problems = BriefProblems(controller, self)
        self.undo = UndoActions(controller.undo_stack, self)
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
        self.problems.report()

    # ------------------------------------------------------------ building

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _deck_dock_moved(self, area: Qt.DockWidgetArea) -> None:
        vertical = area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        self.deck_panel.set_orientation(Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal)

    def _make_actions(self) -> None:
        """Make the window's own actions: quitting, moving through and removing slides, the views, About."""
        k = QKeySequence.StandardKey
        self.quit_action = make_action(self, "&Quit", self.close, k.Quit, fallback="Ctrl+Q")
        self.remove_action = make_action(self, "&Remove Slide", self._remove_slides, "Ctrl+Backspace")
        self.next_action = make_action(self, "&Next Slide", lambda: self.step(1), "Ctrl+Down")
        self.previous_action = make_action(self, "&Previous Slide", lambda: self.step(-1), "Ctrl+Up")
        self.find_action = make_action(self, "&Find in Library", self._focus_search, k.Find)
        self.fit_action = make_action(self, "&Zoom to Fit", self.preview.update, "Ctrl+0")
        self.sorter_action = QAction("Slide &Sorter", self, checkable=True)
        self.sorter_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.sorter_action.setStatusTip("Show the whole deck as a grid, to reorder and remove slides")
        self.sorter_action.toggled.connect(self._show_sorter)  # toggled: Escape and Enter in the sorter uncheck it
        self.addAction(self.sorter_action)
        self.about_action = make_action(self, "&About sinoru-brief", self._about, "F1")
        self.reset_layout_action = make_action(
            self,
            "Reset &Layout",
            lambda: self.panels.reset(),
            "Ctrl+Alt+0",
            "Put the panels back where and as large as a new window has them",
        )

    def _make_menus(self) -> None:
        files, exporter, looks, undo = self.files, self.exporter, self.looks, self.undo
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([files.new_action, files.open_action])
        file_menu.addMenu(files.recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([files.save_action, files.save_as_action])
        file_menu.addSeparator()
        file_menu.addActions([exporter.export_action, exporter.export_as_action, *exporter.pdf_actions])
        file_menu.addSeparator()
        file_menu.addAction(looks.master_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addActions([undo.undo_action, undo.redo_action])
        edit.addSeparator()
        edit.addActions([self.remove_action, self.find_action])
        bar.addMenu("&Slide").addActions(self.deck_panel.move_actions.actions)
        bar.addMenu(looks.menu)
        view = bar.addMenu("&View")
        view.addActions([self.previous_action, self.next_action, self.fit_action, self.sorter_action])
        view.addSeparator()
        for number, dock in enumerate((self.library_dock, self.deck_dock, self.inspector_dock), start=1):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(f"Ctrl+{number}"))
            toggle.setStatusTip(f"Show or hide the {dock.windowTitle().lower()} panel")
            view.addAction(toggle)
        view.addAction(self.reset_layout_action)
        bar.addMenu("&Help").addAction(self.about_action)

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("toolbar-main")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([files.new_action, files.open_action, files.save_action])
        toolbar.addSeparator()
        toolbar.addActions([undo.toolbar_undo, undo.toolbar_redo])
        toolbar.addSeparator()
        toolbar.addWidget(exporter.export_button)
        self.addToolBar(toolbar)

    # -------------------------------------------------------------- state

    def _update_title(self, *_args) -> None:
        session = self.controller.session
        name = session.path.name if session.path else "Untitled brief"
        self.setWindowFilePath(str(session.path) if session.path else "")
        self.setWindowTitle(f"{name}[*] — sinoru-brief")
        self.setWindowModified(session.dirty)

    def _brief_changed(self) -> None:
        has_deck = bool(self.controller.view().pages)
        if has_deck and self.deck_panel.current_page() < 0:
            self.deck_panel.select_page(0)
        self._page_selected(self.deck_panel.current_page())

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Close once unsaved work is saved or let go, and the export and builds running have finished."""
        if not self.files.maybe_save():
            event.ignore()
            return
        self.exporter.wait_for_export()
        self.controller.builder.wait()
        self.images.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.files.discard_autosave()
        event.accept()

    # ------------------------------------------------- for the parts around

    # The library folders, the sources importer, the reopen offer and the launcher open briefs and
    # start dialogs through the window; these hand them to the part that does it.

    def maybe_save(self) -> bool:
        """Ask before losing unsaved changes (see :meth:`BriefFiles.maybe_save`); False if the user cancelled."""
        return self.files.maybe_save()

    def open_path(self, path: Path) -> bool:
        """Open the brief at *path* in this window (see :meth:`BriefFiles.open_path`); return whether it opened."""
        return self.files.open_path(path)

    @staticmethod
    def documents() -> str:
        """Return the user's Documents folder, where dialogs start (the home folder if there is none)."""
        return documents()
