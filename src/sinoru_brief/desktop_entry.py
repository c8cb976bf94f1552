"""Install sinoru-brief into a Linux desktop's application menu: a freedesktop entry, its icon and its file type.

``sinoru-brief install-desktop-entry`` writes, under the user's data folder
(``$XDG_DATA_HOME``, usually ``~/.local/share``):

- ``applications/sinoru-brief.desktop``, whose ``Exec`` is the very
  ``sinoru-brief`` command that ran (the one ``uv tool`` or ``pipx`` put on the
  ``PATH``), so the menu starts the same installation;
- the icon, in every size, under ``icons/hicolor/``;
- ``mime/packages/sinoru-brief.xml``, which makes ``*.brief.yaml`` files open in
  the app from a file manager.

It then refreshes the desktop's caches where their tools are installed.
``--remove`` deletes exactly these files again. No root access is needed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from string import Template

from sinoru_brief.atomic import write_atomic
from sinoru_brief.errors import BriefError
from sinoru_brief.paths import InstallationError, data_root, icons_dir

APP_ID = "sinoru-brief"
DESKTOP_FILE = f"{APP_ID}.desktop"
MIME_FILE = f"{APP_ID}.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_SAFE_ARGUMENT = re.compile(r"[A-Za-z0-9_./+:=@,-]+")


def data_home(environ: dict[str, str] | None = None) -> Path:
    """Return the user's data folder: ``$XDG_DATA_HOME`` if set (and absolute), else ``~/.local/share``."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    # The base-directory spec says a relative value is invalid and must be ignored.
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def launch_command(argv0: str | None = None) -> list[str]:
    """Return the command that starts this installation of sinoru-brief, with absolute paths.

    The console script that is running (``sinoru-brief`` on the ``PATH``)
    when there is one; otherwise this interpreter with ``-m sinoru_brief``.
    """
    script = Path(argv0 if argv0 is not None else sys.argv[0])
    if script.name == APP_ID and script.is_file():
        # Absolute, but symlinks kept: uv tool and pipx link ~/.local/bin/sinoru-brief into their own
        # environment, and the link survives an upgrade that replaces that environment.
        return [str(Path(os.path.abspath(script)))]
    return [str(Path(sys.executable).absolute()), "-m", "sinoru_brief"]


def exec_quote(argument: str) -> str:
    """Quote one argument for a desktop entry's ``Exec`` key, as the freedesktop spec requires."""
    if _SAFE_ARGUMENT.fullmatch(argument):
        return argument
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", argument).replace("%", "%%") + '"'
    # The value is also a desktop-entry string, in which a backslash is itself escaped.
    return quoted.replace("\\", "\\\\")


def desktop_entry_text(command: list[str]) -> str:
    """Return the ``.desktop`` file for *command* (the argv that starts the app)."""
    template = Template((data_root() / "assets" / "desktop" / f"{DESKTOP_FILE}.in").read_text(encoding="utf-8"))
    return template.substitute(exec=" ".join(exec_quote(a) for a in command), tryexec=command[0])


def _targets(home: Path) -> dict[Path, Path | None]:
    """Return each file to install under *home*, mapped to its source (None: generated)."""
    icons = icons_dir()
    targets: dict[Path, Path | None] = {
        home / "applications" / DESKTOP_FILE: None,
        home / "mime" / "packages" / MIME_FILE: data_root() / "assets" / "desktop" / f"{APP_ID}-mime.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icons / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        targets[home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = (
            icons / f"{APP_ID}-{size}.png"
        )
    return targets


def _require_linux() -> None:
    if not sys.platform.startswith("linux"):
        raise BriefError(
            "install-desktop-entry is for Linux desktops; on Windows and macOS start the app with "
            "the sinoru-brief command (see the README's notes for your system)"
        )


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the desktop entry, the icons and the file type under *home*; return the files written."""
    _require_linux()
    home = home or data_home()
    command = command or launch_command()
    written = []
    for target, source in _targets(home).items():
        if source is not None and not source.is_file():
            raise InstallationError(f"{source} is missing from sinoru-brief's data folder; reinstall sinoru-brief")
        data = desktop_entry_text(command).encode("utf-8") if source is None else source.read_bytes()
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        written.append(target)
    _refresh_caches(home)
    return written


def remove(home: Path | None = None) -> list[Path]:
    """Delete what :func:`install` wrote under *home*; return the files that were there."""
    _require_linux()
    home = home or data_home()
    removed = []
    for target in _targets(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Rebuild the desktop's caches of file types and applications, where the tools exist.

    Desktops also notice the files on their own, only later; a failing tool
    is therefore not an error.
    """
    for tool, folder in (("update-mime-database", home / "mime"), ("update-desktop-database", home / "applications")):
        path = shutil.which(tool)
        if path and folder.is_dir():
            try:
                subprocess.run([path, str(folder)], capture_output=True, timeout=60, check=False)
            except (OSError, subprocess.SubprocessError):
                pass
