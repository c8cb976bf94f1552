"""The main window's warnings about the brief: a template, citation style or look that cannot be used as it is."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from sinoru_brief.app import dialogs
from sinoru_brief.app.controller import DeckController
from sinoru_brief.brief.model import DEFAULT_TEMPLATE


class BriefProblems(QObject):
    """Tell the user once, over *parent*, about each new problem with the brief's template, style or look.

    A problem already told is not told again on every edit; it is told again
    if it goes away and comes back, or changes.
    """

    def __init__(self, controller: DeckController, parent: QWidget):
        super().__init__(parent)
        self.controller = controller
        self.parent_widget = parent
        self._shown: tuple[str, str, str] = ("", "", "")
        controller.briefChanged.connect(self.report)

    def report(self) -> None:
        """Show the problems of the brief as it is now that were not shown for it last time."""
        session = self.controller.session
        self.controller.view()  # the problems are found while the deck is built
        problems = (session.theme_problem, session.style_problem, session.layout_problem)
        shown, self._shown = self._shown, problems
        theme_problem, style_problem, layout_problem = problems
        if theme_problem and theme_problem != shown[0]:
            dialogs.show_error(
                self.parent_widget,
                "The template cannot be used",
                f"{theme_problem}\n\nThe deck is shown in the “{DEFAULT_TEMPLATE}” look; "
                "choose another template in the inspector.",
            )
        if style_problem and style_problem != shown[1]:
            dialogs.show_error(
                self.parent_widget,
                "The citation style cannot be used",
                f"{style_problem}\n\nThe references are shown in the default style; "
                "choose another style in the inspector.",
            )
        if layout_problem and layout_problem != shown[2]:
            dialogs.show_error(
                self.parent_widget,
                "Some slides do not fit this look",
                f"{layout_problem}\n\nThe deck cannot be exported until they fit.",
            )
