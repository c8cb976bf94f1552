"""Write files so that a failure never leaves a half-written or missing file.

Data goes to a temporary file in the target's folder, is flushed to disk, and
only then replaces the target with an atomic rename. If anything fails, the
temporary file is removed and the previous file is untouched.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sinoru_brief.errors import ExportError, Problem


def write_atomic(target: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write *data* (bytes, or a function that writes to a binary file) to *target* atomically.

    Raises :class:`ExportError` with a message that says what went wrong and
    what to do about it.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            Problem(target, f"the folder {folder} does not exist", hint="create it first or choose another folder")
        )
    if target.is_dir():
        raise ExportError(Problem(target, "is a folder, not a file", hint="choose a file name"))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(_problem_for(target, exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes | bytearray):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
            os.fsync(stream.fileno())
        _copy_mode(target, temp)
        os.replace(temp, target)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(_problem_for(target, exc)) from exc
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk, so a power cut cannot bring the old file back (POSIX only)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # the file is written; only the durability guarantee is weaker
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_mode(target: Path, temp: Path) -> None:
    """Give the new file the old one's permissions, or the usual ones for a new file."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _problem_for(target: Path, exc: OSError) -> Problem:
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Problem(
            target,
            "cannot write here: permission denied",
            hint="the folder may be read-only, or the file may be open in another program "
            "(close it there); or choose another folder",
        )
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return Problem(
            target,
            "the disk is full",
            hint="free some space or save to another drive; the previous file was left as it was",
        )
    if code == errno.ENOENT:
        return Problem(target, "the folder does not exist", hint="create it first or choose another folder")
    if code == errno.ENAMETOOLONG:
        return Problem(target, "the file name is too long", hint="choose a shorter name")
    return Problem(
        target,
        f"cannot write the file: {exc.strerror or exc}",
        hint="check the path and try again; the previous file was left as it was",
    )


def write_cache_file(target: Path, data: bytes) -> OSError | ExportError | None:
    """Write a cache file atomically, making its folder; return the failure instead of raising it.

    A cache only makes things faster: a read-only or full disk means the next
    run works it out again, so the caller notes the failure and goes on.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except (OSError, ExportError) as exc:
        return exc
    return None
