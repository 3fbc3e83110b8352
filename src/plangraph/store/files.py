"""Write files and folders so that a failure at any moment leaves the old one or the new one, never half.

Every output is written beside its place under a temporary name, ``.{name}.{pid}.{random}.tmp``, and renamed
into place; the pid in the name lets the next run remove what a killed run left (its process is gone). A
location is checked before the work starts, so a build never runs for minutes to fail at the last step.
A store folder is replaced by swapping the new folder and the old one in one step (Linux ``renameat2`` with
``RENAME_EXCHANGE``), so a crash at any instant leaves one complete store at the path.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import LocationError

RENAME_EXCHANGE = 2  # from <linux/fs.h>
AT_FDCWD = -100


def umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cannot_write(path: Path, error: OSError) -> LocationError:
    """The error to raise when ``path`` cannot be written: what the system said, and the fix."""
    reason = error.strerror or str(error)
    return LocationError(f'Cannot write "{path}": {reason}. Nothing was written; choose a location you can write '
                         f"to{' and free some space' if error.errno == errno.ENOSPC else ''}.")


def check_output(path: str | Path) -> None:
    """Refuse, before any work, an output file that cannot be written: a folder, or an unwritable place."""
    path = Path(path)
    if path.is_dir():
        raise LocationError(f'"{path}" is a folder; name a file to write, e.g. "{path / "plangraph.trig"}".')
    _probe(path)


def check_store(path: str | Path) -> None:
    """Refuse, before any work, a store folder that cannot be written where it is to go."""
    _probe(Path(path))


def _probe(path: Path) -> None:
    """Create and remove a temporary file in the nearest existing folder above ``path``: proof it is writable.

    No folder is created: a build refused later must leave nothing behind, so the folders are made when written.
    """
    existing = next(p for p in path.absolute().parents if p.exists() or p == p.parent)
    try:
        if not existing.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(existing))
        fd, name = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=existing)
        os.close(fd)
        os.unlink(name)
    except OSError as error:
        raise cannot_write(path, error) from None


def _prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def remove_stale(path: str | Path) -> None:
    """Remove the temporary files and folders that runs now dead left beside ``path``."""
    path = Path(path)
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        pid = stale.name[len(path.name) + 2:].partition(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside ``path`` for writing; rename it to ``path`` when the block ends well.

    No half-written file is ever left at ``path``: on an error (a full disk too) the temporary file is removed.
    """
    path = Path(path)
    check_output(path)
    remove_stale(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_write(path, error) from None
    fd, tmp = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp creates 0600; give the file the usual mode
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(path, error) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_folder(path: Path) -> Path:
    """A new, empty temporary folder beside ``path``, with the mode a new folder gets (the umask honoured)."""
    recover(path)
    remove_stale(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=_prefix(path), suffix=".tmp", dir=path.parent))
    except OSError as error:
        raise cannot_write(path, error) from None
    os.chmod(fresh, 0o777 & ~umask())  # mkdtemp creates 0700
    return fresh


def put_folder(fresh: Path, path: Path) -> None:
    """Put the folder ``fresh`` at ``path`` in one step, replacing what is there; then remove the old folder."""
    if not path.exists() and not path.is_symlink():
        os.rename(fresh, path)
        return
    if _exchange(fresh, path):
        shutil.rmtree(fresh, ignore_errors=True)  # it holds the old folder now
        return
    # no atomic swap on this system: two renames, the old folder kept aside until the new one is in place;
    # a crash between them is undone by the next run (``recover``)
    old = _aside(path)
    shutil.rmtree(old, ignore_errors=True)
    path.rename(old)
    fresh.rename(path)
    shutil.rmtree(old, ignore_errors=True)


def recover(path: Path) -> None:
    """Put back the folder a crash between two renames left aside (systems without an atomic swap)."""
    old = _aside(path)
    if old.is_dir() and not path.exists():
        old.rename(path)


def _aside(path: Path) -> Path:
    return path.with_name(f".{path.name}.old")


def _exchange(one: Path, other: Path) -> bool:
    """Swap two paths atomically (Linux 3.15+); False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    if libc.renameat2(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(other))
