"""Finding the system libraries Qt cannot load, and naming the package to install, before Qt aborts."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from sinoru_brief import qt_libraries
from sinoru_brief.qt_libraries import MissingLibraries, check_qt_libraries, platforms_to_try

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's plugins are checked on Linux")


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["xcb"]),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, ["xcb"]),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, ["wayland", "xcb"]),
        ({"XDG_SESSION_TYPE": "wayland"}, ["xcb"]),  # no compositor to talk to: X11 (XWayland) it is
    ],
)
def test_platforms_in_the_order_qt_tries_them(env, expected):
    assert platforms_to_try(env) == expected


def test_the_message_names_the_libraries_and_the_debian_packages():
    missing = MissingLibraries("xcb", ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert missing.message() == (
        "the desktop app cannot start: Qt's xcb platform needs system libraries that are missing: "
        "libxcb-icccm.so.4, libxcb-keysyms.so.1; on Debian or Ubuntu install them with: "
        "sudo apt install libxcb-icccm4 libxcb-keysyms1"
    )


def test_one_package_for_two_libraries_is_named_once_and_unknown_ones_still_listed():
    assert MissingLibraries("xcb", ("libglib-2.0.so.0", "libgthread-2.0.so.0")).packages() == ["libglib2.0-0"]
    unknown = MissingLibraries("xcb", ("libfancy.so.3",))
    assert unknown.packages() == []
    assert unknown.message().endswith("libfancy.so.3; install the packages of your distribution that provide them")


def test_every_library_the_fallback_checks_has_a_package():
    for soname in qt_libraries.GUI_LIBRARIES + sum(qt_libraries.PLUGIN_LIBRARIES.values(), ()):
        assert soname in qt_libraries.DEBIAN_PACKAGES


@linux_only
def test_the_fallback_list_matches_what_the_installed_xcb_plugin_links():
    """The hand-kept list must follow PySide6 upgrades: compare it with the plugin's own NEEDED entries."""
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    plugin = qt_libraries.qt_folder() / "plugins" / "platforms" / "libqxcb.so"
    dynamic = subprocess.run([readelf, "-d", str(plugin)], capture_output=True, text=True, check=True).stdout
    needed = {line.split("[", 1)[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line}
    system = {n for n in needed if not n.startswith(("libQt6", "libc.", "libm.", "libstdc++", "libgcc_s"))}
    assert system - set(qt_libraries.PLUGIN_LIBRARIES["xcb"]) - set(qt_libraries.GUI_LIBRARIES) == set()


@linux_only
def test_ldd_reports_exactly_what_cannot_be_opened():
    """Both ways of checking agree on this machine, whatever it has installed."""
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    qt = qt_libraries.qt_folder()
    by_ldd = set(qt_libraries.missing_for("xcb", qt))
    by_ctypes = set(qt_libraries._ctypes_missing(qt_libraries.GUI_LIBRARIES + qt_libraries.PLUGIN_LIBRARIES["xcb"]))
    assert by_ldd == by_ctypes


def test_a_missing_library_is_reported_for_the_first_platform_when_none_can_start(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(
        qt_libraries,
        "missing_for",
        lambda platform, qt: {"wayland": ["libwayland-cursor.so.0"], "xcb": ["libxcb-icccm.so.4"]}[platform],
    )
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert check_qt_libraries(env) == MissingLibraries("wayland", ("libwayland-cursor.so.0",))
    # X11 would work: Qt falls back to it, so nothing stops the app.
    monkeypatch.setattr(
        qt_libraries, "missing_for", lambda platform, qt: ["libwayland-cursor.so.0"] if platform == "wayland" else []
    )
    assert check_qt_libraries(env) is None


def test_without_ldd_each_library_is_opened(monkeypatch):
    monkeypatch.setattr(qt_libraries.shutil, "which", lambda name: None)
    opened = []

    def cdll(name):
        opened.append(name)
        if name == "libxcb-keysyms.so.1":
            raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(qt_libraries.ctypes, "CDLL", cdll)
    assert qt_libraries.missing_for("xcb", qt_libraries.qt_folder()) == ["libxcb-keysyms.so.1"]
    assert set(opened) == set(qt_libraries.GUI_LIBRARIES + qt_libraries.PLUGIN_LIBRARIES["xcb"])


def test_not_linux_needs_no_check(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    assert check_qt_libraries({}) is None


def test_an_import_error_naming_a_library_is_turned_into_the_package():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    found = qt_libraries.library_in_error(error)
    assert found == MissingLibraries("Qt", ("libEGL.so.1",))
    assert found.message().endswith("sudo apt install libegl1")
    assert qt_libraries.library_in_error(ImportError("No module named 'PySide6'")) is None
