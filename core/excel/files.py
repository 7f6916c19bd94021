"""Writing a workbook file: beside its destination, renamed over it when complete.

A failed, cancelled or killed write leaves nothing behind, and an existing file is never
half-overwritten. The export (:mod:`.export`) and the template (:mod:`.template`) write their
files this way.

The file being written has no name where the kernel allows it (Linux ``O_TMPFILE``): it is
linked into the folder only once complete, so even a ``kill -9`` leaves nothing. Elsewhere it
is a hidden ``.~ecotracker.<host>.<pid>.<random>.part`` beside the destination, and the next
write into that folder removes those whose process on this machine is gone.

What may be replaced is checked first (:func:`check_destination`): never the database or its
companions, nothing but a regular file, and an existing file only if it is a workbook (or with
``force``).
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import socket
import stat
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EcoError
from ..i18n import tr

O_TMPFILE = getattr(os, "O_TMPFILE", None)  # None: named part files (tests set it so too)
SQLITE_MAGIC = b"SQLite format 3\x00"
_PART = re.compile(r"^\.~ecotracker\.([0-9a-f]{6})\.([0-9]+)\.[0-9a-f]+\.part$")
STALE_AFTER = 24 * 3600  # seconds: where a process cannot be asked whether it is alive


def cannot_write(out: str | Path, exc: OSError) -> EcoError:
    """The error to raise for a workbook that could not be written to ``out``."""
    return EcoError(tr("cannot write {path}: {reason}", path=out, reason=exc.strerror or exc))


def check_folder(out: str | Path) -> None:
    """Refuse a destination whose folder does not exist or is not a folder.

    A mistyped folder is a mistake to report, not one to create: nothing is made or written.
    """
    out = Path(out)
    folder = out.parent
    try:
        st = os.stat(folder)
    except (FileNotFoundError, NotADirectoryError):
        raise EcoError(tr("cannot write {path}: the folder {folder} does not exist",
                          path=out, folder=folder.absolute())) from None
    except OSError as exc:
        raise cannot_write(out, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise EcoError(tr("cannot write {path}: {folder} is not a folder", path=out,
                          folder=folder.absolute()))


def _companions(database: Path) -> list[Path]:
    return [database] + [database.with_name(database.name + s)
                         for s in ("-wal", "-shm", "-journal")]


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def check_destination(out: str | Path, *, database: Path | None = None,
                      force: bool = False) -> None:
    """Refuse a destination that must not be replaced by a workbook.

    Never the open database, its ``-wal``, ``-shm`` or ``-journal`` file or its backups
    folder, nor any SQLite database; never anything but a regular file (a FIFO would hang
    the write, a device be overwritten); an existing file that is not an Excel workbook only
    with ``force``. A missing folder is refused too (:func:`check_folder`).
    """
    check_folder(out)
    out = Path(out)
    if database is not None and str(database) != ":memory:":
        database = Path(database)
        for p in _companions(database):
            if _same(out, p):
                raise EcoError(tr("cannot write {path}: it is the database {database} (or "
                                  "one of its files); choose another file name", path=out,
                                  database=database))
        if _same(out.parent, database.parent / "backups"):
            raise EcoError(tr("cannot write {path}: the folder {folder} holds the database's "
                              "backups; choose another folder", path=out,
                              folder=database.parent / "backups"))
    try:
        st = os.stat(out)
    except FileNotFoundError:
        return
    except OSError as exc:  # a name too long, a loop of links, no permission
        raise cannot_write(out, exc) from None
    if not stat.S_ISREG(st.st_mode):
        raise EcoError(tr("cannot write {path}: it is not a regular file (a folder, pipe or "
                          "device); choose another file name", path=out))
    if st.st_size == 0:
        return  # nothing to lose
    try:
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise cannot_write(out, exc) from None
    if head == SQLITE_MAGIC:
        raise EcoError(tr("cannot write {path}: it is a SQLite database; choose another file "
                          "name", path=out))
    if not force and not _is_workbook(out):
        raise EcoError(tr("cannot write {path}: the file exists and is not an Excel workbook, "
                          "so it is not replaced; choose another file name (the command line's "
                          "--force replaces it)", path=out))


# part files ---------------------------------------------------------------------------------
def _host() -> str:
    return hashlib.sha1(socket.gethostname().encode()).hexdigest()[:6]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def sweep(folder: str | Path) -> None:
    """Remove the part files left in ``folder`` by writes killed on this machine."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    host, now = _host(), time.time()
    for e in entries:
        m = _PART.match(e.name)
        if not m:
            continue
        try:
            if os.name == "posix" and m.group(1) == host:
                pid = int(m.group(2))
                dead = pid != os.getpid() and not _alive(pid)
            else:  # another machine's, or no way to ask: only if long untouched
                dead = now - e.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if dead:
                os.unlink(e.path)
        except OSError:
            pass


class Part(io.BufferedRandom):
    """A file being written beside ``out``; ``name`` is None while it has no name."""

    path: str | None = None
    folder: str = ""


def _tmpfile(folder: Path) -> Part | None:
    """An unnamed file in ``folder`` (Linux), or None where the file system has none."""
    if O_TMPFILE is None:
        return None
    try:
        fd = os.open(folder, O_TMPFILE | os.O_RDWR, 0o666)
    except OSError:  # EOPNOTSUPP, EISDIR on old kernels, ENOENT: use a named part
        return None
    raw = io.FileIO(fd, "r+b")
    part = Part(raw)
    part.folder = str(folder)
    return part


def _named(out: Path) -> Part:
    """Create an empty, uniquely named hidden file beside ``out``.

    Created with mode 0666 so that the process umask (and a folder's default ACL) applies as
    for any new file: ``tempfile.mkstemp`` would make it 0600, readable by its owner alone.
    """
    flags = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
    for _ in range(100):
        name = str(out.parent / f".~ecotracker.{_host()}.{os.getpid()}."
                                f"{secrets.token_hex(6)}.part")
        try:
            fd = os.open(name, flags, 0o666)
        except FileExistsError:
            continue
        except (FileNotFoundError, NotADirectoryError):
            check_folder(out)  # the folder went away meanwhile: say so
            raise
        part = Part(io.FileIO(fd, "r+b"))
        part.path, part.folder = name, str(out.parent)
        return part
    raise FileExistsError(f"no free temporary name beside {out}")


@contextmanager
def part_files(out: str | Path, n: int = 1) -> Iterator[list[Part]]:
    """``n`` new empty files beside ``out`` to write into (open, readable and writable);
    those not :func:`publish` ed by the end (after an error or a cancel) are removed."""
    out = Path(out)
    sweep(out.parent)
    parts: list[Part] = []
    try:
        for _ in range(n):
            parts.append(_tmpfile(out.parent) or _named(out))
        yield parts
    finally:
        for p in parts:
            p.close()
            if p.path is not None:
                try:
                    os.unlink(p.path)
                except FileNotFoundError:
                    pass


def _link(part: Part, out: Path) -> None:
    """Give an unnamed part a hidden name beside ``out``, or copy it into a named one."""
    name = str(out.parent / f".~ecotracker.{_host()}.{os.getpid()}.{secrets.token_hex(6)}.part")
    try:
        os.link(f"/proc/self/fd/{part.fileno()}", name)
    except OSError:  # no /proc: copy into a named part
        named = _named(out)
        try:
            part.seek(0)
            while chunk := part.read(1 << 20):
                named.write(chunk)
            named.close()
        except BaseException:
            named.close()
            os.unlink(named.path)
            raise
        name = named.path
    part.path = name


def publish(part: Part, out: str | Path) -> None:
    """Put the complete ``part`` in place of ``out``.

    A new ``out`` keeps the permissions ``part`` was created with (0666 minus the umask, as if
    written directly); an existing one keeps its own permissions.
    """
    out = Path(out)
    part.flush()
    try:
        st = os.stat(out)
    except OSError:
        st = None
    if part.path is None:
        _link(part, out)
    if st is not None and stat.S_ISREG(st.st_mode):
        try:
            os.chmod(part.path, stat.S_IMODE(st.st_mode))
        except OSError:  # e.g. a file system without permissions: keep the new file's
            pass
    part.close()
    os.replace(part.path, out)
    part.path = None  # published: nothing to remove
