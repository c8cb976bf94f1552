"""Regenerate the README's screenshots of the desktop app in docs/img/.

Run from the repository root::

    uv run python tools/screenshots.py [--out docs/img]

Qt draws offscreen (no display needed). The script builds the main window at
1440x900 with fresh settings and no autosave, ticks "Summit diplomacy",
"Gray-zone operations" and "North Korea" in the library, selects a content
slide and saves ``main-window.png``; edits that slide's first bullet in the
inspector and saves ``inspector-override.png``; then exports the deck to a
temporary folder and saves ``export-done.png`` with the status message;
last, opens the theme editor (Ctrl+T), turns on a classification banner and
changes the accent colour, and saves ``theme-editor.png`` with the preview
restyled. Nothing is written to the user's templates folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ("summits", "gray-zone", "north-korea")
SIZE = (1440, 900)


def settle(app: QApplication, window, seconds: float = 0.3) -> None:
    """Let queued renders land and the window repaint."""
    window.images.wait()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)
    window.images.wait()
    app.processEvents()


def grab(window, path: Path) -> None:
    """Save the whole window, menus and status bar included, as a PNG."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNGs")
    args = parser.parse_args(argv)
    out = args.out.resolve()

    from sinoru_brief.app.autosave import Autosaver
    from sinoru_brief.app.main import create_window

    with tempfile.TemporaryDirectory(prefix="sinoru-shots-") as temp:
        temp_dir = Path(temp)
        QCoreApplication.setOrganizationName("sinoru-brief-screenshots")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp_dir / "settings"))
        app = QApplication.instance() or QApplication(["sinoru-brief"])
        settings = QSettings(str(temp_dir / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window([], autosaver=Autosaver(folder=temp_dir / "autosave"), settings=settings)
        if window is None:
            return 1
        window.resize(*SIZE)
        window.show()
        window.controller.set_field("title", "China and Russia: where they cooperate")
        window.controller.set_field("author", "J. Analyst")
        window.controller.set_field("date", dt.date(2025, 2, 3))
        for topic in TOPICS:
            window.library_panel.check_topic(topic)
        window.library_panel.expand_topic("gray-zone")
        window.deck_panel.select_key("gray-zone-baltic-cables")
        settle(app, window)
        grab(window, out / "main-window.png")

        editor = window.inspector.bullet_editors[0]
        editor.setFocus()
        editor.setPlainText("Cables cut in the Baltic: Chinese-flagged ships under suspicion, Russia's role unproven.")
        settle(app, window)
        grab(window, out / "inspector-override.png")

        window.preview.setFocus()
        window.exporter.export_path = temp_dir / "export" / "china-and-russia-2025-02-03.pptx"
        window.exporter.export_path.parent.mkdir()
        window.exporter.export()
        window.exporter.wait_for_export()
        settle(app, window)
        if not window.exporter.export_path.is_file():
            print("the export did not write a file", file=sys.stderr)
            return 1
        grab(window, out / "export-done.png")

        window.theme_action.trigger()
        editor = window.theme_editor
        editor.banner_on.setChecked(True)
        editor.banner_text.setText("UNCLASSIFIED // FOR TRAINING")
        editor.banner_text.textEdited.emit(editor.banner_text.text())
        editor.color_buttons["accent"].set_color("5FA8D3")
        editor.color_buttons["accent"].changed.emit("5FA8D3")
        editor.apply_now()
        window.statusBar().clearMessage()
        window.exporter.export_message.hide()
        settle(app, window)
        grab(window, out / "theme-editor.png")
        editor.revert()  # no prompt to save the look as a template
        window.controller.session.saved_brief = window.controller.session.snapshot()  # no save prompt
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
