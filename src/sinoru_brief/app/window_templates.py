"""Templates for the main window: the theme editor dock, saving and deleting the user's templates, and
"Use my PowerPoint template…"."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sinoru_brief.app import dialogs
from sinoru_brief.app.theme_editor import ThemeEditor
from sinoru_brief.app.user_templates import (
    delete_template,
    name_problem,
    save_look,
    template_from_master,
    unique_name,
)
from sinoru_brief.brief.model import DEFAULT_TEMPLATE
from sinoru_brief.errors import BriefError
from sinoru_brief.theme import load_master, mapping, user_template_names, user_templates_dir
from sinoru_brief.theme.master_look import master_look

MASTER_FILTER = "PowerPoint templates (*.pptx *.potx)"


class TemplatesMixin:
    """The Format menu's look and template actions; mixed into :class:`~sinoru_brief.app.main_window.MainWindow`,
    whose controller, inspector, docks and status bar they use."""

    def _make_theme_dock(self) -> None:
        self.theme_editor = ThemeEditor(self.controller, self)
        self.theme_dock = self._dock("Theme", self.theme_editor, Qt.DockWidgetArea.RightDockWidgetArea, "theme")
        self.tabifyDockWidget(self.inspector_dock, self.theme_dock)
        self.theme_dock.hide()  # opened from Format > Theme Editor
        self.inspector_dock.raise_()
        self.theme_editor.save_button.clicked.connect(self.save_as_template)
        self.theme_editor.delete_button.clicked.connect(self.delete_template)
        self.master_report: QMessageBox | None = None
        self._shown_problems: tuple[str, str, str] = ("", "", "")
        self.controller.briefChanged.connect(self._report_problems)

    def _make_template_actions(self) -> None:
        self.theme_action = self.theme_dock.toggleViewAction()
        self.theme_action.setText("&Theme Editor")
        self.theme_action.setShortcut(QKeySequence("Ctrl+T"))
        self.theme_action.setStatusTip("Show or hide the theme editor: colours, fonts, sizes, logo, footer, banner")
        self.theme_action.triggered.connect(self._theme_toggled)
        self.addAction(self.theme_action)
        self.save_template_action = self._action(
            "&Save Look as Template…",
            self.save_as_template,
            "Ctrl+Shift+T",
            tip="Keep the deck's look as a template of your own",
        )
        self.revert_look_action = self._action(
            "&Revert Look", self.theme_editor.revert, "Ctrl+Shift+R", tip="Drop the changes made in the theme editor"
        )
        self.delete_template_action = self._action(
            "&Delete Template…",
            self.delete_template,
            "Ctrl+Shift+Del",
            tip="Delete the template the deck uses, if it is yours",
        )
        self.master_action = self._action(
            "Use My &PowerPoint Template…",
            self.use_master,
            "Ctrl+Shift+P",
            tip="Build the deck on your organisation's .pptx or .potx master",
        )

    def _add_template_menus(self, bar, file_menu, before) -> None:
        file_menu.insertAction(before, self.master_action)
        file_menu.insertSeparator(before)
        menu = bar.addMenu("F&ormat")
        menu.addAction(self.theme_action)
        menu.addSeparator()
        menu.addActions([self.save_template_action, self.revert_look_action, self.delete_template_action])
        menu.aboutToShow.connect(self._update_template_actions)
        self.format_menu = menu

    def _update_template_actions(self) -> None:
        session = self.controller.session
        self.revert_look_action.setEnabled(session.theme_override is not None)
        self.delete_template_action.setEnabled(session.brief.template in user_template_names())

    def _theme_toggled(self, shown: bool) -> None:
        if shown:
            self.theme_dock.raise_()  # it shares a tab with the inspector
            self.theme_editor.setFocus()

    # ------------------------------------------------------------ saving

    def save_as_template(self) -> bool:
        """Ask for a name and save the deck's look as the user's template; the deck then uses it."""
        self.theme_editor.apply_now()  # a change still waiting for its timer is part of the look
        session = self.controller.session
        own = session.brief.template if session.brief.template in user_template_names() else ""
        name = dialogs.ask_template_name(self, own or unique_name(f"My {session.theme().name}"))
        if not name:
            return False
        problem = name_problem(name)
        if problem:
            dialogs.show_error(self, "Cannot save the template", f"“{name}” cannot name a template. {problem}")
            return False
        exists = name in user_template_names()
        if exists and not dialogs.ask_replace_template(self, name):
            return False
        try:
            saved = save_look(session.theme(), name, replace_existing=exists)
        except BriefError as exc:
            dialogs.show_error(self, "Cannot save the template", dialogs.describe(exc))
            return False
        self._use_template(name, f"Save look as template “{name}”")
        self.statusBar().showMessage(f"Saved template “{name}” in {saved.folder}", 8000)
        return True

    def _use_template(self, name: str, text: str) -> None:
        """List the user's templates again and switch the deck to *name* (its look as saved), undoably."""
        self.inspector.template.reload()
        self.controller.refresh_templates(name)
        self.controller.edit(text, lambda b: setattr(b, "template", name), theme=None)

    def delete_template(self) -> None:
        """Delete the user's template the deck uses, after asking; the deck goes back to the default look."""
        name = self.controller.brief.template
        if name not in user_template_names():
            dialogs.show_error(
                self,
                "Cannot delete the template",
                f"“{name}” is a built-in template; only templates of your own can be deleted.",
            )
            return
        if not dialogs.ask_delete_template(self, name):
            return
        try:
            delete_template(name)
        except (BriefError, OSError) as exc:
            dialogs.show_error(self, "Cannot delete the template", dialogs.describe(exc))
            return
        self.inspector.template.reload()
        self.controller.refresh_templates(name)
        self.controller.edit(
            f"Use template “{DEFAULT_TEMPLATE}”", lambda b: setattr(b, "template", DEFAULT_TEMPLATE), theme=None
        )
        self.statusBar().showMessage(f"Deleted template “{name}” from {user_templates_dir()}", 8000)

    # ------------------------------------------------------------ masters

    def use_master(self) -> None:
        """Pick a .pptx/.potx master and build the deck on it, as a new template of the user's."""
        path, _ = QFileDialog.getOpenFileName(self, "Use my PowerPoint template", self.documents(), MASTER_FILTER)
        if not path:
            return
        self.theme_editor.apply_now()
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
            dialogs.show_error(self, "Cannot use this PowerPoint file", dialogs.describe(exc))
            return
        try:
            self._use_template(name, f"Use PowerPoint template “{name}”")
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_master_report(name, master, set_aside)

    def _show_master_report(self, name, master, set_aside: bool = False) -> None:
        """Say what the master could not provide, without stopping the user (a box that does not block)."""
        missing = mapping(master).missing
        aside = " — the look's changes were set aside (Undo brings them back)" if set_aside else ""
        self.statusBar().showMessage(f"The deck is built on {master.path.name} (your template “{name}”){aside}", 12000)
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
            self,
        )
        box.setInformativeText("<ul>" + "".join(f"<li>{html.escape(note)}</li>" for note in missing) + "</ul>")
        notes = master_look(master).notes
        if notes:
            box.setDetailedText("\n".join(f"- {note}" for note in notes))
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: setattr(self, "master_report", None))
        self.master_report = box
        box.show()

    # ----------------------------------------------------------- problems

    def _report_problems(self) -> None:
        """Tell the user once when the brief's template, citation style or look cannot be used as it is."""
        session = self.controller.session
        self.controller.view()  # the problems are found while the deck is built
        problems = (session.theme_problem, session.style_problem, session.layout_problem)
        shown = self._shown_problems
        self._shown_problems = problems
        theme_problem, style_problem, layout_problem = problems
        if theme_problem and theme_problem != shown[0]:
            dialogs.show_error(
                self,
                "The template cannot be used",
                f"{theme_problem}\n\nThe deck is shown in the “{DEFAULT_TEMPLATE}” look; "
                "choose another template in the inspector.",
            )
        if style_problem and style_problem != shown[1]:
            dialogs.show_error(
                self,
                "The citation style cannot be used",
                f"{style_problem}\n\nThe references are shown in the default style; "
                "choose another style in the inspector.",
            )
        if layout_problem and layout_problem != shown[2]:
            dialogs.show_error(
                self,
                "Some slides do not fit this look",
                f"{layout_problem}\n\nThe deck cannot be exported until they fit.",
            )
