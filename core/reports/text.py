"""A report's text as paragraphs, whatever it was written in: .txt, .md, .html, .docx, .pdf.

A paragraph is what the seed data set calls one: the n-th non-empty line of the text (of a
.txt), a <p> or <li> of a web page, a paragraph or table cell of a Word document, a block of
a PDF page between blank lines with its broken lines joined. Figures read from it keep
``para N`` as their source reference.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ..errors import EcoError
from ..i18n import tr

SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MAX_BYTES = 20_000_000  # a press release is kilobytes; a bigger file is not one


class ReportError(EcoError):
    """A report that cannot be read (the message names the file and why)."""


def is_report(path: str | Path) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def _decode(data: bytes, name: str) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReportError(tr("{file}: the text is neither UTF-8 nor GB18030", file=name))


def _lines(text: str) -> list[str]:
    return [s for s in (ln.strip() for ln in text.replace("\r\n", "\n").split("\n")) if s]


_MD = [(re.compile(r"^\s{0,3}(#{1,6}|[-*+]|\d+\.|>)\s+"), ""),
       (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
       (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
       (re.compile(r"(\*\*|__|\*|`)"), "")]


def _markdown(text: str) -> list[str]:
    out = []
    for line in _lines(text):
        if re.fullmatch(r"[-=*_|: ]{3,}", line):
            continue  # a rule or a table's ruler
        for rx, rep in _MD:
            line = rx.sub(rep, line)
        out.append(line.strip(" |"))
    return [s for s in out if s]


class _Html(HTMLParser):
    BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "br", "tr",
              "section", "article", "blockquote", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.now: list[str] = []
        self.skip = 0

    def _end_block(self) -> None:
        s = re.sub(r"\s+", " ", "".join(self.now)).strip()
        if s:
            self.parts.append(s)
        self.now = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self._end_block()

    def handle_data(self, data):
        if not self.skip:
            self.now.append(data)


def _html(text: str) -> list[str]:
    p = _Html()
    p.feed(text)
    p.close()
    p._end_block()
    return p.parts


def _docx(path: Path) -> list[str]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReportError(tr("{file}: reading Word documents needs python-docx",
                             file=path.name)) from None
    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ReportError(tr("{file} is not a Word document that can be read ({why})",
                             file=path.name, why=type(exc).__name__)) from None
    except Exception as exc:  # a damaged zip or XML: say so, never a traceback
        raise ReportError(tr("{file} is not a Word document that can be read ({why})",
                             file=path.name, why=type(exc).__name__)) from None
    out = [p.text.strip() for p in doc.paragraphs if p.text.strip()]
    for table in doc.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                out.append(" ".join(dict.fromkeys(cells)))
    return out


def _join(lines: list[str]) -> str:
    out = ""
    for ln in lines:
        if out and not (re.search(r"[\u3000-\u9fff]$", out) and re.match(r"[\u3000-\u9fff]", ln)):
            out += "" if out.endswith("-") else " "
        out += ln
    return out


def _page_lines(page) -> list[tuple[float, float, str]]:
    """(top, height, text) of each line of a page, from its characters: characters on one
    baseline (within half their size) are one line, whatever font they are in. pdfminer's
    own layout splits a line where a glyph comes from a fallback font (a Chinese report's
    Ⅱ, its full-width quotes), and then scrambles the order of the pieces."""
    from pdfminer.layout import LTAnno, LTChar

    def chars(obj):
        for o in obj:
            if isinstance(o, LTChar):
                yield o
            elif not isinstance(o, LTAnno) and hasattr(o, "__iter__"):
                yield from chars(o)

    rows: list[list] = []
    for c in sorted(chars(page), key=lambda c: (-round(c.y0, 1), c.x0)):
        mid, size = (c.y0 + c.y1) / 2, max(c.size, 1.0)
        for row in rows:
            if abs(row[0] - mid) <= size / 2:
                row[2].append(c)
                break
        else:
            rows.append([mid, size, [c]])
    out = []
    for mid, size, cs in sorted(rows, key=lambda r: -r[0]):
        cs.sort(key=lambda c: c.x0)
        text, last = "", None
        for c in cs:
            if last is not None and c.x0 - last.x1 > 0.25 * size and not text.endswith(" "):
                text += " "
            text += c.get_text()
            last = c
        out.append((mid, size, text.strip()))
    return out


def _pdf(path: Path) -> list[str]:
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReportError(tr("{file}: reading PDF files needs pdfminer.six",
                             file=path.name)) from None
    paras: list[str] = []
    try:
        for page in extract_pages(str(path)):
            block: list[str] = []
            prev = None
            for mid, size, text in _page_lines(page):
                if not text:
                    continue
                if prev is not None and prev - mid > 1.9 * size and block:  # a blank line
                    paras.append(_join(block))
                    block = []
                block.append(text)
                prev = mid
            if block:
                paras.append(_join(block))
    except PDFSyntaxError:
        raise ReportError(tr("{file} is not a PDF file that can be read", file=path.name)) \
            from None
    except Exception as exc:
        raise ReportError(tr("{file} is not a PDF file that can be read ({why})",
                             file=path.name, why=type(exc).__name__)) from None
    return [s for s in paras if s]


def paragraphs(path: str | Path) -> list[str]:
    """The paragraphs of the report at ``path``.

    Raises
    ------
    ReportError
        If the file is missing, too big, of a kind not read here, or damaged.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReportError(tr("{file}: reports are read from {kinds}", file=path.name,
                             kinds=", ".join(SUFFIXES)))
    try:
        size = path.stat().st_size
    except OSError:
        raise ReportError(tr("{file} does not exist or cannot be opened", file=path)) from None
    if size > MAX_BYTES:
        raise ReportError(tr("{file} has {mb} MB; a report read here has at most {most} MB",
                             file=path.name, mb=f"{size / 1e6:.0f}",
                             most=f"{MAX_BYTES / 1e6:.0f}"))
    if suffix == ".docx":
        paras = _docx(path)
    elif suffix == ".pdf":
        paras = _pdf(path)
    else:
        try:
            text = _decode(path.read_bytes(), path.name)
        except OSError as exc:
            raise ReportError(tr("{file} cannot be read: {why}", file=path.name,
                                 why=exc.strerror or type(exc).__name__)) from None
        if suffix in (".html", ".htm"):
            paras = _html(text)
        elif suffix == ".md":
            paras = _markdown(text)
        else:
            paras = _lines(text)
    if not paras:
        raise ReportError(tr("{file} holds no text to read", file=path.name))
    return paras
