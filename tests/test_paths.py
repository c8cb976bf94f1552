"""Where the shipped data is found: inside an installed package, or at a checkout's root; otherwise one clear error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.installs import package_in_site_packages

from sinoru_brief import paths
from sinoru_brief.errors import BriefError
from sinoru_brief.paths import InstallationError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fake_package(tmp_path, monkeypatch):
    """Point sinoru_brief.paths at a package folder under *tmp_path* (as site-packages/sinoru_brief)."""
    yield from package_in_site_packages(tmp_path, monkeypatch)


def make_data(root: Path, skip: str = "") -> None:
    for folder in paths.DATA_FOLDERS:
        if folder != skip:
            (root / folder).mkdir(parents=True)


def test_a_checkout_finds_the_top_level_folders():
    paths.data_root.cache_clear()
    assert paths.data_root() == ROOT
    assert paths.default_content_dir() == ROOT / "content"
    assert paths.templates_dir() == ROOT / "templates"
    assert paths.fonts_dir() == ROOT / "assets" / "fonts"
    assert (paths.icons_dir() / "sinoru-brief.svg").is_file()


def test_the_package_folder_comes_from_importlib_resources():
    assert paths._package_folder() == ROOT / "src" / "sinoru_brief"


def test_an_installed_package_uses_its_own_data(fake_package):
    make_data(fake_package / "_data")
    assert paths.data_root() == fake_package / "_data"
    assert paths.fonts_dir() == fake_package / "_data" / "assets" / "fonts"


def test_installed_data_wins_over_a_checkout_next_to_it(fake_package):
    checkout = fake_package.parent.parent
    make_data(checkout)
    (checkout / "pyproject.toml").write_text("[project]\n")
    make_data(fake_package / "_data")
    assert paths.data_root() == fake_package / "_data"


def test_an_incomplete_installed_data_folder_is_never_replaced_by_one_nearby(fake_package):
    make_data(fake_package / "_data", skip="templates")
    checkout = fake_package.parent.parent
    make_data(checkout)
    (checkout / "pyproject.toml").write_text("[project]\n")
    with pytest.raises(InstallationError) as caught:
        paths.data_root()
    assert str(caught.value) == (
        f"sinoru-brief's data folder is incomplete: {fake_package / '_data' / 'templates'} "
        f"is missing; {paths.REINSTALL_HINT}"
    )


def test_a_missing_data_folder_is_one_line_saying_how_to_repair(fake_package):
    with pytest.raises(InstallationError) as caught:
        paths.data_root()
    message = str(caught.value)
    assert message == f"sinoru-brief's data folder {fake_package / '_data'} is missing; {paths.REINSTALL_HINT}"
    assert "\n" not in message and "pipx reinstall sinoru-brief" in message
    assert isinstance(caught.value, BriefError) and caught.value.kind == "broken installation"


def test_a_checkout_missing_a_folder_says_to_restore_it(fake_package):
    checkout = fake_package.parent.parent
    make_data(checkout, skip="assets/fonts")
    (checkout / "pyproject.toml").write_text("[project]\n")
    with pytest.raises(
        InstallationError,
        match=r"this source checkout of sinoru-brief lacks .*assets/fonts; "
        r"restore it from git",
    ):
        paths.data_root()


def test_a_zipped_package_is_refused_with_a_reason(monkeypatch):
    monkeypatch.setattr(paths.resources, "files", lambda name: "archive.zip/sinoru_brief")
    with pytest.raises(InstallationError, match="installed inside an archive"):
        paths._package_folder()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_DATA_HOME names the data folder on Linux only")
def test_the_user_library_is_library_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    assert paths.user_data_dir() == tmp_path / "elsewhere" / "sinoru-brief"
    assert paths.user_library_dir() == tmp_path / "elsewhere" / "sinoru-brief" / "library"


def test_the_cache_folder_follows_the_environment_each_time(monkeypatch, tmp_path):
    from sinoru_brief.paths import CACHE_ENV, cache_root

    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "one"))
    first = cache_root()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "two"))
    second = cache_root()
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "mine"))
    assert (first.parent, second.parent, cache_root()) == (tmp_path / "one", tmp_path / "two", tmp_path / "mine")
