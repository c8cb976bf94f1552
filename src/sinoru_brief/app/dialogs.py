"""Message boxes the app shows, in one place so tests can replace them."""

from __future__ import annotations

import html
import platform

from PySide6.QtWidgets import QMessageBox, QWidget

from sinoru_brief.errors import BriefError


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Show an error the user can act on (the message says what to do)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(box.textInteractionFlags())
    box.exec()


def describe(error: BaseException) -> str:
    """Return the text to show for *error*: our own errors as written, others plainly."""
    if isinstance(error, BriefError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Ask whether to save *name* before it is closed; return Save, Discard or Cancel."""
    return QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing it?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def ask_recover(parent: QWidget | None, when: str) -> bool:
    """Ask whether to recover the brief autosaved before the app last closed unexpectedly."""
    answer = QMessageBox.question(
        parent,
        "Recover unsaved work",
        f"sinoru-brief closed unexpectedly with unsaved changes (autosaved {when}). Recover them?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_template_name(parent: QWidget | None, suggested: str) -> str:
    """Ask what to call a new template of the user's; return the name, or "" if the user cancelled."""
    from PySide6.QtWidgets import QInputDialog

    name, ok = QInputDialog.getText(
        parent, "Save as template", "Name of the template (letters, digits, spaces, . _ -):", text=suggested
    )
    return name.strip() if ok else ""


def ask_replace_template(parent: QWidget | None, name: str) -> bool:
    """Ask whether to replace the user's template *name* with the look being saved."""
    answer = QMessageBox.question(
        parent,
        "Replace template",
        f"You already have a template called “{name}”. Replace it with this look?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_delete_template(parent: QWidget | None, name: str) -> bool:
    """Ask whether to delete the user's template *name* (its folder, logo and master go too)."""
    answer = QMessageBox.warning(
        parent,
        "Delete template",
        f"Delete your template “{name}”? Its folder, with its logo and PowerPoint "
        "master, is removed; this cannot be undone.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def about_html(library) -> str:
    """Return the About box's text: version, how current the content is, and the bundled fonts' licences."""
    import PySide6

    from sinoru_brief.about import content_as_of, font_notice_files, version
    from sinoru_brief.font_files import SHIPPED_FONTS

    installed = version()
    as_of = content_as_of(library)
    as_of_text = f"{as_of.day} {as_of:%B %Y}" if as_of else "not dated"
    rows = []
    for font in SHIPPED_FONTS:
        try:
            notices = ", ".join(f'<a href="{p.as_uri()}">{html.escape(p.name)}</a>' for p in font_notice_files(font))
        except BriefError as exc:
            notices = html.escape(str(exc))
        rows.append(
            f"<tr><td>{html.escape(font.family)}</td><td>{html.escape(font.described_as)}</td>"
            f"<td>{html.escape(font.licence)}</td><td>{notices}</td></tr>"
        )
    return (
        f"<p><b>sinoru-brief {html.escape(installed)}</b></p>"
        "<p>Builds cited PowerPoint briefings on the Sino-Russian partnership.</p>"
        f"<p>Content library: {len(library.topics)} topics, {len(library.sources)} sources, information "
        f"as of <b>{as_of_text}</b>. It is our own summary of Elizabeth Wishnick, “The Sino-Russian "
        "Partnership: Cooperation without Coordination”, with every claim cited to the article’s "
        "notes.</p>"
        "<p>Bundled fonts (used to measure text and draw the preview; not covered by sinoru-brief’s "
        "MIT licence):</p>"
        "<table cellspacing='0' cellpadding='3'><tr><th align='left'>Font</th>"
        "<th align='left'>Measures as</th><th align='left'>Licence</th><th align='left'>Notice</th></tr>"
        + "".join(rows)
        + "</table>"
        f"<p>Python {html.escape(platform.python_version())}, Qt {html.escape(PySide6.__version__)} "
        "(PySide6, LGPL 3).</p>"
    )


def show_about(parent: QWidget | None, library) -> None:
    """Show the About box for the app running on *library*."""
    from PySide6.QtCore import Qt

    box = QMessageBox(parent)
    box.setWindowTitle("About sinoru-brief")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html(library))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    icon = parent.windowIcon() if parent is not None else None
    if icon is not None and not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.exec()
