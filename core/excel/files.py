"""Writing a workbook file: beside its destination, renamed over it when complete.

A failed or cancelled write leaves nothing behind, and an existing file is never
half-overwritten. The export (:mod:`.export`) and the template (:mod:`.template`) write their
files this way.
"""
from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EcoError
from ..i18n import tr


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


def _new_part(out: Path) -> str:
    """Create an empty, uniquely named file beside ``out``.

    Created with mode 0666 so that the process umask (and a folder's default ACL) applies as
    for any new file: ``tempfile.mkstemp`` would make it 0600, readable by its owner alone.
    """
    flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0))
    for _ in range(100):
        name = str(out.parent / f"tmp{secrets.token_hex(6)}.xlsx.part")
        try:
            fd = os.open(name, flags, 0o666)
        except FileExistsError:
            continue
        except (FileNotFoundError, NotADirectoryError):
            check_folder(out)  # the folder went away meanwhile: say so
            raise
        os.close(fd)
        return name
    raise FileExistsError(f"no free temporary name beside {out}")


@contextmanager
def part_files(out: str | Path, n: int = 1) -> Iterator[list[str]]:
    """``n`` new empty files beside ``out`` to write into; those still there at the end
    (not :func:`publish` ed, e.g. after an error or a cancel) are removed."""
    out = Path(out)
    parts: list[str] = []
    try:
        for _ in range(n):
            parts.append(_new_part(out))
        yield parts
    finally:
        for p in parts:
            try:
                os.unlink(p)
            except FileNotFoundError:
                pass


def publish(part: str, out: str | Path) -> None:
    """Rename the complete ``part`` to ``out``.

    A new ``out`` keeps the permissions ``part`` was created with (0666 minus the umask, as if
    written directly); an existing one keeps its own permissions.
    """
    try:
        st = os.stat(out)
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode):
        try:
            os.chmod(part, stat.S_IMODE(st.st_mode))
        except OSError:  # e.g. a file system without permissions: keep the new file's
            pass
    os.replace(part, out)
