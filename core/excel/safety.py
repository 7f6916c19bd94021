"""Refuse hostile or broken workbooks before any parser sees them.

Everything here reads the zip *directory* and streams the XML parts with a hard cap, so a
file that would inflate to gigabytes, a password-protected (encrypted OLE) file, a truncated
zip, two members of one name or an XML part with a DOCTYPE / ENTITY declaration is refused in
bounded memory and time. Only a regular file is opened: a FIFO or a device would block or
never end.

Each sheet's extent is measured from its cell and row references and its ``<dimension>``
while it streams past (:class:`_Extent`): a parser lays a sheet out as a dense grid from A1 to
its last cell, so one cell at ``XFD1048576`` in a 2 KB file asks for 17 billion cells. A sheet
spanning more than :data:`MAX_CELLS` is refused before any parser reads it.
"""
from __future__ import annotations

import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from ..errors import EcoError
from ..i18n import tr

MAX_FILE = 300 * 1024 * 1024          # the .xlsx itself
MAX_TOTAL = 1024 * 1024 * 1024        # all parts, uncompressed: a whole bureau's export
                                      # (~680,000 figures) is ~480 MB of XML
MAX_RATIO = 100                       # compression ratio allowed on big parts
BIG_PART = 1024 * 1024                # a part this big must not exceed MAX_RATIO
MAX_PARTS = 5000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 20
_BANNED = (b"<!DOCTYPE", b"<!ENTITY")

# Excel's own limits, and the largest grid a sheet may span from A1. A whole bureau's export
# (~680,000 figures x 13 columns) is 8.8 million cells; the parser needs ~40 bytes a cell.
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
EXCEL_CELL_CHARS = 32_767
MAX_CELLS = 16_000_000
MAX_INDEX_PART = 16 * 1024 * 1024    # workbook.xml and its relationships: a few KB normally
_INDEX = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")


class UnsafeFileError(EcoError):
    """A workbook refused before reading: not an xlsx, damaged, protected or hostile."""


def check_workbook(path: str | Path) -> None:
    """Raise :class:`UnsafeFileError` unless ``path`` looks like a plain, sane .xlsx file."""
    path = Path(path)
    name = path.name
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # opening a FIFO waits for a writer for ever
            raise UnsafeFileError(tr("{name} is not a regular file (a folder, pipe or device); "
                                     "choose a workbook file", name=name))
        size = st.st_size
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
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
        index = [i for i in infos if i.filename in _INDEX]
        for info in index:  # scanned first: the sheets' names and parts are read from them
            budget -= _scan_part(name, zf, info, budget)
        # Parsers find parts whatever their case: so is a sheet's part matched here, and any
        # part in a worksheets folder is measured, listed as a sheet or not.
        sheets = {s.part.lower(): s.name for s in sheet_parts(zf, name)}
        for info in infos:
            if info in index or not info.filename.endswith((".xml", ".rels", ".vml")):
                continue
            key = info.filename.replace("\\", "/").lower()
            sheet = sheets.get(key) or (info.filename if key.startswith("xl/worksheets/")
                                        else None)
            extent = _Extent(name, sheet) if sheet else None
            budget -= _scan_part(name, zf, info, budget, extent and extent.feed)
            if extent:
                _check_extent(name, sheet, extent.finish())


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_PARTS:
        raise UnsafeFileError(tr("{name} has {n} parts; this is not a normal workbook",
                                 name=name, n=len(infos)))
    total = 0
    seen: set[str] = set()
    for info in infos:
        # Two members of one name: readers disagree on which is the workbook (zipfile takes
        # the later, others the first), so what is checked need not be what is read.
        key = info.filename.replace("\\", "/").lower()
        if key in seen:
            raise UnsafeFileError(tr("{name} contains the part {part} twice; this is not a "
                                     "normal workbook: save it again from Excel", name=name,
                                     part=info.filename))
        seen.add(key)
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


def _scan_part(name: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int,
               feed=None) -> int:
    """Stream one XML part: refuse DTDs and entities, and parts larger than declared.

    ``feed(chunk)``, if given, sees every chunk in order (the sheet extent is measured so).
    """
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
                if feed is not None:
                    feed(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:  # zlib.error is OSError-free
        raise UnsafeFileError(tr("{name} is damaged ({part}: {reason}); save it again",
                                 name=name, part=info.filename, reason=exc)) from None
    except Exception as exc:  # zlib.error and friends from a corrupt stream
        if isinstance(exc, UnsafeFileError):
            raise
        raise UnsafeFileError(tr("{name} is damaged ({part}); save it again", name=name,
                                 part=info.filename)) from None
    return read


# Sheets and their parts ---------------------------------------------------------------------
@dataclass(frozen=True)
class SheetPart:
    """A sheet as ``xl/workbook.xml`` lists it: its name, zip member and visibility."""

    name: str
    part: str
    state: str = "visible"  # or "hidden", "veryHidden"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(zf: zipfile.ZipFile, member: str, name: str):
    """A small index part parsed (it was checked for DOCTYPE and ENTITY beforehand)."""
    info = zf.getinfo(member)
    if info.file_size > MAX_INDEX_PART:
        raise UnsafeFileError(tr("{name}: part {part} is {size} MB; this is not a normal "
                                 "workbook", name=name, part=member,
                                 size=f"{info.file_size / 2**20:.0f}"))
    try:
        return ElementTree.fromstring(zf.read(member))
    except ElementTree.ParseError:
        raise UnsafeFileError(tr("{name} is damaged ({part}); save it again", name=name,
                                 part=member)) from None


def sheet_parts(zf: zipfile.ZipFile, name: str = "") -> list[SheetPart]:
    """The workbook's sheets in order, each with the zip member that holds it."""
    names = set(zf.namelist())
    targets: dict[str, str] = {}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        for el in _xml(zf, rels, name).iter():
            if _local(el.tag) == "Relationship" and el.get("Target"):
                target = el.get("Target").replace("\\", "/")
                path = (target.lstrip("/") if target.startswith("/")
                        else str(PurePosixPath("xl", target)))
                targets[el.get("Id", "")] = os.path.normpath(path).replace(os.sep, "/")
    out = []
    for el in _xml(zf, "xl/workbook.xml", name).iter():
        if _local(el.tag) != "sheet":
            continue
        rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
        out.append(SheetPart(el.get("name", ""), targets.get(rid, ""),
                             el.get("state", "visible")))
    return out


# The extent of a sheet ----------------------------------------------------------------------
_CELL_REF = re.compile(rb'<c\s+r="([A-Z]{1,8})([0-9]{1,12})"')
_ROW_REF = re.compile(rb'<row\s+r="([0-9]{1,12})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s[^>]*?ref="([^"]*)"')
_TAG = re.compile(rb'<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>')
_ATTR_R = re.compile(rb'\sr="([A-Za-z]*)([0-9]*)"')
_REF = re.compile(r"\$?([A-Za-z]{1,8})\$?([0-9]{1,12})$")
_MAX_TAIL = 1 << 20  # one tag longer than this is not from a spreadsheet program


def column_number(letters: str | bytes) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.decode().upper():
        n = n * 26 + ord(ch) - 64
    return n


class _Extent:
    """The last row and column a sheet's cells reach, from the XML as it streams past.

    Every writer puts a cell's reference first (``<c r="B7" ...>``) and a row's number first
    (``<row r="7" ...>``). For such a chunk the row numbers are collected, and one regular
    expression looks for a tag without its reference first or a cell beyond the extent known
    so far; only a chunk where it finds one has its cells' references read one by one. A
    sheet with a tag whose reference is missing or not first (allowed: a reader then counts
    on from the previous one) is measured tag by tag from there on, as a parser would.
    """

    def __init__(self, name: str = "", sheet: str = ""):
        self.name, self.sheet = name, sheet
        self.rows = self.cols = 0
        self.tail = b""
        self.exact = False      # measuring tag by tag
        self.started = False
        self.row = self.col = 0  # tag by tag: the current position
        self._beyond = None
        self._beyond_of = None

    def feed(self, chunk: bytes) -> None:
        data = self.tail + chunk
        if not self.started:
            if b"<sheetData" not in data and b":sheetData" not in data and len(data) < 1 << 16:
                self.tail = data  # the start is read before anything is counted
                return
            self._start(data)
        cut = data.rfind(b"<")
        if cut < 0:
            cut = len(data)
        body, self.tail = data[:cut], data[cut:]
        if len(self.tail) > _MAX_TAIL:
            raise UnsafeFileError(tr("{name}: sheet {sheet} holds a tag over 1 MB long; this "
                                     "is not a normal workbook", name=self.name,
                                     sheet=self.sheet))
        self._measure(body)

    def _start(self, data: bytes) -> None:
        self.started = True
        m = _DIMENSION.search(data[:1 << 16])
        if m:
            self._dimension(m.group(1).decode("ascii", "replace"))
        root = re.search(rb"<([\w.-]+:)?worksheet\b", data[:1 << 16])
        self.exact = bool(root and root.group(1))  # prefixed tags: <x:c r=...>

    def finish(self) -> tuple[int, int]:
        if not self.started:
            self._start(self.tail)
        self._measure(self.tail + b">")  # a last tag cut off at the end: count it too
        self.tail = b""
        return self.rows, self.cols

    def _dimension(self, ref: str) -> None:
        last = ref.split(":")[-1]
        m = _REF.match(last.strip())
        if m:
            self.rows = max(self.rows, int(m.group(2)))
            self.cols = max(self.cols, column_number(m.group(1)))

    def _measure(self, body: bytes) -> None:
        if not self.exact:
            # Rows come in order, so the last row number is the largest so far; a cell of an
            # earlier, larger row is beyond it and has this chunk read cell by cell.
            last = body.rfind(b'<row r="')
            if last >= 0:
                m = _ROW_REF.match(body, last)
                if m:
                    self.rows = max(self.rows, int(m.group(1)))
            m = self._beyond_pattern().search(body)
            if m is not None and m.group(1) is not None:
                for letters, digits in _CELL_REF.findall(body):
                    self.cols = max(self.cols, column_number(letters))
                    self.rows = max(self.rows, int(digits))
                m = self._beyond_pattern().search(body)
            if m is None:
                self._position(body)
                return
            self.exact = True  # a cell without its reference first: count tag by tag
        for m in _TAG.finditer(body):
            r = _ATTR_R.search(m.group(2))
            if m.group(1) == b"row":
                self.row = int(r.group(2)) if r and r.group(2) else self.row + 1
                self.col = 0
                self.rows = max(self.rows, self.row)
            else:
                if r and r.group(1):
                    self.col = column_number(r.group(1))
                    if r.group(2):
                        self.row = int(r.group(2))
                else:
                    self.col += 1
                self.rows = max(self.rows, max(self.row, 1))
                self.cols = max(self.cols, self.col)

    def _position(self, body: bytes) -> None:
        """Where the last tag of ``body`` leaves a reader counting cells: tag by tag goes on
        from there if a later chunk needs it."""
        cell, row = body.rfind(b'<c r="'), body.rfind(b"<row")
        if row > cell:
            m = _ROW_REF.match(body, row)
            self.row, self.col = (int(m.group(1)) if m else self.row + 1), 0
        elif cell >= 0:
            m = _CELL_REF.match(body, cell)
            if m:
                self.row, self.col = int(m.group(2)), column_number(m.group(1))

    def _beyond_pattern(self) -> re.Pattern:
        """A cell beyond the extent known so far (group 1), or one whose reference is not its
        first attribute. One pattern with the literal prefix ``<c``: each further pass over
        a 60 MB sheet costs ~0.15 s."""
        key = (self.rows, self.cols)
        if self._beyond_of != key:
            letters = column_letters(self.cols)
            col = _greater(letters, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            row = _greater(str(self.rows), "0123456789")
            # a column with more letters than the widest so far is caught by ``col``
            width = b"[A-Z]" if len(letters) <= 1 else b"[A-Z]{1,%d}" % len(letters)
            self._beyond = re.compile(rb'<c(?: r="(' + col + rb'|' + width + rb'(?:0|' + row
                                      + rb'))|(?! r="[A-Z])[\s/>])')
            self._beyond_of = key
        return self._beyond


def column_letters(n: int) -> str:
    """1 -> ``A``, 16384 -> ``XFD``; 0 -> ``""``."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _greater(text: str, digits: str) -> bytes:
    """A pattern matching the start of every numeral greater than ``text`` in the positional
    system ``digits`` (written without leading zeros; letters have no zero): a longer one,
    or the same length and greater at the first place where they differ."""
    n = len(text)
    first = digits[1] if digits[0] == "0" else digits[0]
    if not text:  # nothing known yet: any numeral is greater
        return f"[{digits[0]}-{digits[-1]}]".encode()
    # No end anchor: a numeral that starts as one of these is greater whatever follows.
    alts = [f"[{first}-{digits[-1]}][{digits[0]}-{digits[-1]}]{{{n}}}"]
    for k, ch in enumerate(text):
        i = digits.index(ch)
        if i + 1 < len(digits):
            rest = f"[{digits[0]}-{digits[-1]}]{{{n - k - 1}}}" if n - k - 1 else ""
            alts.append(f"{text[:k]}[{digits[i + 1]}-{digits[-1]}]{rest}")
    return ("(?:" + "|".join(alts) + ")").encode()


def _largest(numbers) -> int:
    """The largest of decimal strings, comparing lengths first (no int() per item)."""
    distinct = set(numbers)
    if not distinct:
        return 0
    width = max(map(len, distinct))
    return max(int(n) for n in distinct if len(n) == width)


def _check_extent(name: str, sheet: str, extent: tuple[int, int]) -> None:
    rows, cols = extent
    if rows > EXCEL_ROWS or cols > EXCEL_COLUMNS:
        raise UnsafeFileError(tr(
            "{name}: sheet {sheet} has a cell beyond Excel's last row or column ({rows} × "
            "{cols} cells); this is not a normal workbook", name=name, sheet=sheet,
            rows=f"{rows:,}", cols=f"{cols:,}"))
    if rows * cols > MAX_CELLS:
        raise UnsafeFileError(tr(
            "{name}: sheet {sheet} claims {rows} × {cols} cells (over {limit}); delete the "
            "stray cells far below or to the right of the table, or split the workbook",
            name=name, sheet=sheet, rows=f"{rows:,}", cols=f"{cols:,}",
            limit=f"{MAX_CELLS:,}"))
