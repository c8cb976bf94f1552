"""Find the Linux system libraries Qt needs but cannot load, before Qt is started, and name their packages.

PySide6's wheels bring Qt itself, but not the X11, Wayland, OpenGL and font
libraries of the system it runs on. When one is missing, Qt either fails at
``import PySide6.QtGui`` or aborts the process while loading its platform
plugin, with a message that often names the wrong library (from Qt 6.5 it
blames ``libxcb-cursor0`` whatever is missing). So the app asks the dynamic
linker first: ``ldd`` on ``libQt6Gui`` and on the platform plugin Qt is
about to load lists every library it cannot resolve, transitive ones
included. Without ``ldd`` each library on a known list is opened with
:mod:`ctypes` instead.

This module never imports Qt; it is plain Python and only finds files.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: The library (soname) each Qt piece links against, with the Debian and Ubuntu package that has it.
#: Checked against ``ldd`` on PySide6 6.11's ``libQt6Gui.so.6`` and ``plugins/platforms/libq*.so``.
DEBIAN_PACKAGES: dict[str, str] = {
    # libQt6Gui itself, whatever the platform
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11.so.6": "libx11-6",
    "libz.so.1": "zlib1g",
    "libdbus-1.so.3": "libdbus-1-3",
    # the X11 (xcb) platform plugin
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    # the Wayland platform plugin
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

#: What each piece needs, for the check without ``ldd``; the xcb list is the plugin's own NEEDED entries.
GUI_LIBRARIES = (
    "libEGL.so.1",
    "libGL.so.1",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
    "libxkbcommon.so.0",
    "libX11.so.6",
)
PLUGIN_LIBRARIES: dict[str, tuple[str, ...]] = {
    "xcb": (
        "libxkbcommon-x11.so.0",
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-util.so.1",
        "libxcb-image.so.0",
        "libxcb-keysyms.so.1",
        "libxcb-randr.so.0",
        "libxcb-render-util.so.0",
        "libxcb-shm.so.0",
        "libxcb-sync.so.1",
        "libxcb-xfixes.so.0",
        "libxcb-render.so.0",
        "libxcb-shape.so.0",
        "libxcb-xkb.so.1",
        "libxcb.so.1",
        "libX11-xcb.so.1",
    ),
    "wayland": ("libwayland-client.so.0", "libwayland-cursor.so.0"),
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_SHARED_OBJECT = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")


@dataclass(frozen=True)
class MissingLibraries:
    """The libraries one Qt platform plugin cannot load, and the packages that provide them."""

    platform: str
    sonames: tuple[str, ...]

    def packages(self) -> list[str]:
        """Return the Debian/Ubuntu packages to install, in order, without repeats (unknown ones omitted)."""
        return list(dict.fromkeys(DEBIAN_PACKAGES[s] for s in self.sonames if s in DEBIAN_PACKAGES))

    def message(self) -> str:
        """Return the one line that tells the user what is missing and what to install."""
        text = (
            f"the desktop app cannot start: Qt's {self.platform} platform needs system libraries that are "
            f"missing: {', '.join(self.sonames)}"
        )
        packages = self.packages()
        if packages:
            text += f"; on Debian or Ubuntu install them with: sudo apt install {' '.join(packages)}"
        else:
            text += "; install the packages of your distribution that provide them"
        return text


def qt_folder() -> Path | None:
    """Return PySide6's bundled ``Qt`` folder without importing PySide6, or None if PySide6 is absent."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return folder if folder.is_dir() else None


def platforms_to_try(environ: os._Environ[str] | dict[str, str] | None = None) -> list[str]:
    """Return the platform plugins Qt will try, in its order: ``QT_QPA_PLATFORM``, or Wayland then X11."""
    env = os.environ if environ is None else environ
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        # "wayland;xcb" is a fallback list; "xcb:option=value" carries options after the colon.
        return [name.split(":", 1)[0].strip() for name in chosen.split(";") if name.strip()]
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _ldd_missing(files: list[Path]) -> list[str] | None:
    """Return what ``ldd`` cannot resolve for *files*; None if ``ldd`` is unavailable or failed."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        result = subprocess.run([ldd, *map(str, files)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))


def _ctypes_missing(sonames: tuple[str, ...]) -> list[str]:
    """Return the *sonames* the dynamic linker cannot open (used when ``ldd`` is not installed)."""
    missing = []
    for soname in sonames:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(soname)
    return missing


def missing_for(platform: str, qt: Path) -> list[str]:
    """Return the sonames that ``libQt6Gui`` and the *platform* plugin under *qt* cannot load."""
    plugin = qt / "plugins" / "platforms" / f"libq{platform}.so"
    files = [qt / "lib" / "libQt6Gui.so.6"] + ([plugin] if plugin.is_file() else [])
    found = _ldd_missing([f for f in files if f.is_file()])
    if found is not None:
        return found
    return _ctypes_missing(GUI_LIBRARIES + PLUGIN_LIBRARIES.get(platform, ()))


def check_qt_libraries(environ: dict[str, str] | None = None) -> MissingLibraries | None:
    """Return what stops Qt from starting on this Linux system, or None if nothing does (or not Linux).

    Qt tries its platforms in order; the app can start as soon as one of them
    has all its libraries, so only when none has is the first one reported.
    """
    if not sys.platform.startswith("linux"):
        return None
    qt = qt_folder()
    if qt is None:
        return None  # PySide6 itself is missing: importing it says so, and the CLI reports that
    first: MissingLibraries | None = None
    for platform in platforms_to_try(environ):
        missing = missing_for(platform, qt)
        if not missing:
            return None
        first = first or MissingLibraries(platform, tuple(missing))
    return first


def library_in_error(error: BaseException) -> MissingLibraries | None:
    """Return the library an ``ImportError`` of PySide6 names ("libEGL.so.1: cannot open ..."), if any."""
    match = _SHARED_OBJECT.search(str(error))
    if match and "cannot open shared object" in str(error):
        return MissingLibraries("Qt", (match.group(1),))
    return None
