"""write_atomic: the target is either the old file or the complete new one, never a mix."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from sinoru_brief.atomic import write_atomic
from sinoru_brief.errors import ExportError


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_bytes(tmp_path):
    target = tmp_path / "deck.pptx"
    write_atomic(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert listing(tmp_path) == ["deck.pptx"]


def test_writes_through_a_callable(tmp_path):
    target = tmp_path / "deck.pptx"
    write_atomic(target, lambda stream: stream.write(b"from a writer"))
    assert target.read_bytes() == b"from a writer"


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert listing(tmp_path) == ["deck.pptx"]


def test_new_file_gets_the_usual_permissions(tmp_path):
    target = tmp_path / "deck.pptx"
    umask = os.umask(0o022)
    try:
        write_atomic(target, b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_failure_mid_write_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old content, byte for byte")

    def write_then_fail(stream):
        stream.write(b"half of the new")
        raise RuntimeError("the writer broke")

    with pytest.raises(RuntimeError, match="the writer broke"):
        write_atomic(target, write_then_fail)
    assert target.read_bytes() == b"old content, byte for byte"
    assert listing(tmp_path) == ["deck.pptx"]


def test_missing_folder(tmp_path):
    target = tmp_path / "absent" / "deck.pptx"
    with pytest.raises(ExportError) as caught:
        write_atomic(target, b"x")
    assert str(caught.value) == (
        f"{target}: the folder {tmp_path / 'absent'} does not exist (create it first or choose another folder)"
    )
    assert caught.value.kind == "export error"


def test_target_that_is_a_folder(tmp_path):
    with pytest.raises(ExportError) as caught:
        write_atomic(tmp_path, b"x")
    assert str(caught.value) == f"{tmp_path}: is a folder, not a file (choose a file name)"


PERMISSION_DENIED = (
    "cannot write here: permission denied (the folder may be read-only, or the file may be open "
    "in another program (close it there); or choose another folder)"
)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root ignores folder permissions; test_permission_denied_simulated covers it",
)
def test_read_only_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "deck.pptx").write_bytes(b"old")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError) as caught:
            write_atomic(folder / "deck.pptx", b"new")
        assert str(caught.value) == f"{folder / 'deck.pptx'}: {PERMISSION_DENIED}"
        assert (folder / "deck.pptx").read_bytes() == b"old"
    finally:
        folder.chmod(0o755)


def test_permission_denied_simulated(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as caught:
        write_atomic(target, b"new")
    assert str(caught.value) == f"{target}: {PERMISSION_DENIED}"
    assert target.read_bytes() == b"old"


def test_disk_full(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def fill_the_disk(stream):
        stream.write(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as caught:
        write_atomic(target, fill_the_disk)
    assert str(caught.value) == (
        f"{target}: the disk is full (free some space or save to another drive; the previous file was left as it was)"
    )
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["deck.pptx"]


def test_rename_failure_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert listing(tmp_path) == ["deck.pptx"]
