"""Refuse hostile or broken workbooks before any parser sees them.

Everything here reads the zip *directory* and streams the XML parts with a hard cap, so a
file that would inflate to gigabytes, a password-protected (encrypted OLE) file, a truncated
zip or an XML part with a DOCTYPE / ENTITY declaration is refused in bounded memory and time.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import EcoError
from ..i18n import tr

MAX_FILE = 300 * 1024 * 1024          # the .xlsx itself
MAX_TOTAL = 1024 * 1024 * 1024        # all parts, uncompressed: a whole bureau's export
                                      # (~680,000 figures) is ~480 MB of XML
MAX_RATIO = 100                       # compression ratio allowed on big parts
BIG_PART = 1024 * 1024                # a part this big must not exceed MAX_RATIO
MAX_PARTS = 5000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 16
_BANNED = (b"<!DOCTYPE", b"<!ENTITY")


class UnsafeFileError(EcoError):
    """A workbook refused before reading: not an xlsx, damaged, protected or hostile."""


def check_workbook(path: str | Path) -> None:
    """Raise :class:`UnsafeFileError` unless ``path`` looks like a plain, sane .xlsx file."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise UnsafeFileError(tr("{name} cannot be opened: {reason}", name=name,
                                 reason=exc.strerror or exc)) from None
    if head.startswith(OLE_MAGIC):
        raise UnsafeFileError(tr(
            "{name} is password-protected (or an old .xls file): open it in Excel, remove the "
            "password or save it as .xlsx, and import that copy", name=name))
    if not head.startswith(b"PK\x03\x04"):
        raise UnsafeFileError(tr("{name} is not an Excel workbook (.xlsx); if it is a CSV or "
                                 "an old .xls file, save it as .xlsx first", name=name))
    if size > MAX_FILE:
        raise UnsafeFileError(tr("{name} is {size} MB; workbooks over {limit} MB are not "
                                 "imported", name=name, size=f"{size / 2**20:.0f}",
                                 limit=MAX_FILE // 2**20))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnsafeFileError(tr("{name} is damaged or incomplete (the zip inside an .xlsx is "
                                 "truncated); save it again from Excel", name=name)) from None
    with zf:
        infos = zf.infolist()
        _check_directory(name, infos)
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise UnsafeFileError(tr("{name} is a zip file but not an Excel workbook (.xlsx)",
                                     name=name))
        budget = MAX_TOTAL
        for info in infos:
            if info.filename.endswith((".xml", ".rels", ".vml")):
                budget -= _scan_part(name, zf, info, budget)


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise UnsafeFileError(tr("{name} has {n} parts; this is not a normal workbook",
                                 name=name, n=len(infos)))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFileError(tr("{name} contains encrypted parts; remove the password "
                                     "first", name=name))
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > BIG_PART and ratio > MAX_RATIO:
            raise UnsafeFileError(tr(
                "{name} looks like a zip bomb: part {part} would inflate {ratio} times to "
                "{size} MB; refused", name=name, part=info.filename, ratio=f"{ratio:.0f}",
                size=f"{info.file_size / 2**20:.0f}"))
    if total > MAX_TOTAL:
        raise UnsafeFileError(tr(
            "{name} would inflate to {size} MB (over {limit} MB); split it into smaller "
            "workbooks", name=name, size=f"{total / 2**20:.0f}", limit=MAX_TOTAL // 2**20))


def _scan_part(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """Stream one XML part: refuse DTDs and entities, and parts larger than declared."""
    read = 0
    tail = b""
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                if read == 0 and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:64]):
                    raise UnsafeFileError(tr("{name}: part {part} is not UTF-8 XML; refused",
                                             name=name, part=info.filename))
                read += len(chunk)
                if read > budget or read > info.file_size:
                    raise UnsafeFileError(tr("{name}: part {part} inflates beyond its "
                                             "declared size; refused",
                                             name=name, part=info.filename))
                window = tail + chunk
                if any(b in window for b in _BANNED):
                    raise UnsafeFileError(tr(
                        "{name}: part {part} declares a DOCTYPE or ENTITY (an XML entity "
                        "trick); refused", name=name, part=info.filename))
                tail = window[-16:]
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:  # zlib.error is OSError-free
        raise UnsafeFileError(tr("{name} is damaged ({part}: {reason}); save it again",
                                 name=name, part=info.filename, reason=exc)) from None
    except Exception as exc:  # zlib.error and friends from a corrupt stream
        if isinstance(exc, UnsafeFileError):
            raise
        raise UnsafeFileError(tr("{name} is damaged ({part}); save it again", name=name,
                                 part=info.filename)) from None
    return read
