"""The main window's templates: the Format menu, saving and deleting the user's templates, and
"Use my PowerPoint template…"."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QMessageBox, QWidget

from sinoru_brief.app import dialogs
from sinoru_brief.app.controller import DeckController
from sinoru_brief.app.template_box import TemplateBox
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.app.user_templates import (
    delete_template,
    name_problem,
    save_look,
    template_from_master,
    unique_name,
)
from sinoru_brief.app.window_actions import ShowStatus, make_action
from sinoru_brief.app.window_files import documents
from sinoru_brief.brief import edits as brief_edits
from sinoru_brief.brief.model import DEFAULT_TEMPLATE
from sinoru_brief.errors import BriefError
from sinoru_brief.theme import MasterTemplate, load_master, mapping, user_template_names, user_templates_dir
from sinoru_brief.theme.master_look import master_look

MASTER_FILTER = "PowerPoint templates (*.pptx *.potx)"


class LookTemplates(QObject):
    """Own the Format menu and "Use My PowerPoint Template…" for one window.

    It works through the theme *editor* and the *dock* that shows it, and the
    inspector's *templates* list, which must list a template saved or deleted
    here; dialogs open over *parent*, and messages go to *show_status*.
    """

    def __init__(
        self,
        controller: DeckController,
        editor: ThemeEditor,
        dock: QDockWidget,
        templates: TemplateBox,
        parent: QWidget,
        show_status: ShowStatus,
    ):
        super().__init__(parent)
        self.controller = controller
        self.editor = editor
        self.dock = dock
        self.templates = templates
        self.parent_widget = parent
        self.show_status = show_status
        self.master_report: QMessageBox | None = None
        editor.save_button.clicked.connect(self.save_as_template)
        editor.delete_button.clicked.connect(self.delete_template)

        self.theme_action = dock.toggleViewAction()
        self.theme_action.setText("&Theme Editor")
        self.theme_action.setShortcut(QKeySequence("Ctrl+T"))
        self.theme_action.setStatusTip("Show or hide the theme editor: colours, fonts, sizes, logo, footer, banner")
        self.theme_action.triggered.connect(self._theme_toggled)
        parent.addAction(self.theme_action)
        self.save_template_action = make_action(
            parent,
            "&Save Look as Template…",
            self.save_as_template,
            "Ctrl+Shift+T",
            tip="Keep the deck's look as a template of your own",
        )
        self.revert_look_action = make_action(
            parent, "&Revert Look", editor.revert, "Ctrl+Shift+R", tip="Drop the changes made in the theme editor"
        )
        self.delete_template_action = make_action(
            parent,
            "&Delete Template…",
            self.delete_template,
            "Ctrl+Shift+Del",
            tip="Delete the template the deck uses, if it is yours",
        )
        self.master_action = make_action(
            parent,
            "Use My &PowerPoint Template…",
            self.use_master,
            "Ctrl+Shift+P",
            tip="Build the deck on your organisation's .pptx or .potx master",
        )
        self.menu = QMenu("F&ormat", parent)
        self.menu.addAction(self.theme_action)
        self.menu.addSeparator()
        self.menu.addActions([self.save_template_action, self.revert_look_action, self.delete_template_action])
        self.menu.aboutToShow.connect(self._update_actions)

    def _update_actions(self) -> None:
        session = self.controller.session
        self.revert_look_action.setEnabled(session.theme_override is not None)
        self.delete_template_action.setEnabled(session.brief.template in user_template_names())

    def _theme_toggled(self, shown: bool) -> None:
        if shown:
            self.dock.raise_()  # it shares a tab with the inspector
            self.editor.setFocus()

    # ------------------------------------------------------------ saving

    def save_as_template(self) -> bool:
        """Ask for a name and save the deck's look as the user's template; the deck then uses it."""
        self.editor.apply_now()  # a change still waiting for its timer is part of the look
        session = self.controller.session
        own = session.brief.template if session.brief.template in user_template_names() else ""
        name = dialogs.ask_template_name(self.parent_widget, own or unique_name(f"My {session.theme().name}"))
        if not name:
            return False
        problem = name_problem(name)
        if problem:
            dialogs.show_error(
                self.parent_widget, "Cannot save the template", f"“{name}” cannot name a template. {problem}"
            )
            return False
        exists = name in user_template_names()
        if exists and not dialogs.ask_replace_template(self.parent_widget, name):
            return False
        try:
            saved = save_look(session.theme(), name, replace_existing=exists)
        except BriefError as exc:
            dialogs.show_error(self.parent_widget, "Cannot save the template", dialogs.describe(exc))
            return False
        self._use_template(name, f"Save look as template “{name}”")
        self.show_status(f"Saved template “{name}” in {saved.folder}", 8000)
        return True

    def _use_template(self, name: str, text: str) -> None:
        """List the user's templates again and switch the deck to *name* (its look as saved), undoably."""
        self.templates.reload()
        self.controller.refresh_templates(name)
        self.controller.edit(text, lambda b: brief_edits.set_field(b, "template", name), theme=None)

    def delete_template(self) -> None:
        """Delete the user's template the deck uses, after asking; the deck goes back to the default look."""
        name = self.controller.brief.template
        if name not in user_template_names():
            dialogs.show_error(
                self.parent_widget,
                "Cannot delete the template",
                f"“{name}” is a built-in template; only templates of your own can be deleted.",
            )
            return
        if not dialogs.ask_delete_template(self.parent_widget, name):
            return
        try:
            delete_template(name)
        except (BriefError, OSError) as exc:
            dialogs.show_error(self.parent_widget, "Cannot delete the template", dialogs.describe(exc))
            return
        self.templates.reload()
        self.controller.refresh_templates(name)
        self.controller.edit(
            f"Use template “{DEFAULT_TEMPLATE}”",
            lambda b: brief_edits.set_field(b, "template", DEFAULT_TEMPLATE),
            theme=None,
        )
        self.show_status(f"Deleted template “{name}” from {user_templates_dir()}", 8000)

    # ------------------------------------------------------------ masters

    def use_master(self) -> None:
        """Pick a .pptx/.potx master and build the deck on it, as a new template of the user's."""
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, "Use my PowerPoint template", documents(), MASTER_FILTER
        )
        if not path:
            return
        self.editor.apply_now()
        session = self.controller.session
        set_aside = session.theme_override is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            master = load_master(path)
            # A master starts from a clean look: the deck's banner, logo and other changes are not carried
            # onto it unasked (Undo brings them back). The default look shown for a missing template is kept,
            # as it is the template the user sees.
            name = template_from_master(
                master, session.brief.template, session.template_theme() if session.theme_problem else None
            )
        except BriefError as exc:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(self.parent_widget, "Cannot use this PowerPoint file", dialogs.describe(exc))
            return
        try:
            self._use_template(name, f"Use PowerPoint template “{name}”")
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_master_report(name, master, set_aside)

    def _show_master_report(self, name: str, master: MasterTemplate, set_aside: bool = False) -> None:
        """Say what the master could not provide, without stopping the user (a box that does not block)."""
        missing = mapping(master).missing
        aside = " — the look's changes were set aside (Undo brings them back)" if set_aside else ""
        self.show_status(f"The deck is built on {master.path.name} (your template “{name}”){aside}", 12000)
        if not missing:
            return
        if self.master_report is not None:
            self.master_report.close()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "PowerPoint template in use",
            f"The deck is now built on <b>{html.escape(master.path.name)}</b>, saved as your "
            f"template “{html.escape(name)}”. What the master does not cover, and what the "
            "deck does instead:",
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        box.setInformativeText("<ul>" + "".join(f"<li>{html.escape(note)}</li>" for note in missing) + "</ul>")
        notes = master_look(master).notes
        if notes:
            box.setDetailedText("\n".join(f"- {note}" for note in notes))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._master_report_closed)
        self.master_report = box
        box.show()

    def _master_report_closed(self, _result: int = 0) -> None:
        self.master_report = None
