"""The briefing as a Word document (python-docx), Chinese in a CJK font.

``font.name`` sets only the Latin slots of a run; Word and LibreOffice take Chinese from the
East Asian slot (``w:rFonts w:eastAsia``), which is set here on the styles used, so Chinese
text is in a CJK font in both. PDF is made from the document by LibreOffice
(:func:`to_pdf`), if it is installed.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .. import vocabulary
from ..errors import EcoError
from ..i18n import tr
from .content import Briefing
from .render import chart_png, map_png
from .words import words

LATIN = "Arial"
EAST_ASIAN = {"zh_CN": "Noto Sans CJK SC", "en": "Noto Sans CJK SC"}
# Word on Windows lacks Noto: it falls back to its own CJK font; the slot names one that
# LibreOffice and fontconfig find here, and Word keeps Chinese in an East Asian font anyway.


def _fonts(style, lang: str, size: float | None = None) -> None:
    style.font.name = LATIN
    if size:
        style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), LATIN)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN["zh_CN" if lang.startswith("zh") else "en"])
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang_el)
    lang_el.set(qn("w:eastAsia"), "zh-CN")
    lang_el.set(qn("w:val"), "zh-CN" if lang.startswith("zh") else "en-GB")


def _shade(cell, fill: str) -> None:
    if not fill:
        return
    tcpr = cell._tc.get_or_add_tcPr()
    shd = tcpr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto",
                                         qn("w:fill"): fill.lstrip("#")})
    tcpr.append(shd)


def document(b: Briefing):
    w = words(b.lang)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for m in ("left_margin", "right_margin"):
        setattr(sec, m, Cm(2.2))
    for name, size in (("Normal", 10.5), ("Title", 20), ("Heading 1", 14), ("Heading 2", 12),
                       ("Caption", 9), ("Table Grid", None)):
        _fonts(doc.styles[name], b.lang, size)
    doc.core_properties.title = b.title
    doc.core_properties.language = "zh-CN" if b.lang.startswith("zh") else "en-GB"
    doc.add_paragraph(b.title, style="Title")
    sub = doc.add_paragraph(b.subtitle)
    sub.runs[0].italic = True
    doc.add_paragraph(b.summary)
    for s in b.sections:
        doc.add_heading(s.title, level=1)
        if s.text:
            doc.add_paragraph(s.text)
        if s.districts:
            doc.add_paragraph(s.districts)
    doc.add_heading(w["scorecard"], level=1)
    table = doc.add_table(rows=1, cols=5)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, w["cols"]):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for r in b.table:
        cells = table.add_row().cells
        for cell, text in zip(cells, (r.name, r.value, r.change, r.target, r.words)):
            cell.text = text
        tone = vocabulary.status(r.status).tone
        _shade(cells[4], tone.background)
        run = cells[4].paragraphs[0].runs[0]
        run.font.color.rgb = RGBColor.from_string(tone.foreground.lstrip("#"))
    table.autofit = False  # LibreOffice takes the grid's widths, Word the cells'
    for k, width in enumerate((6.2, 3.0, 3.2, 2.6, 2.6)):
        table.columns[k].width = Cm(width)
        for cell in table.columns[k].cells:
            cell.width = Cm(width)
    if b.charts:
        doc.add_heading(w["charts"], level=1)
        grid = doc.add_table(rows=(len(b.charts) + 1) // 2, cols=2)
        for k, c in enumerate(b.charts):
            cell = grid.rows[k // 2].cells[k % 2]
            cell.paragraphs[0].add_run().add_picture(io.BytesIO(chart_png(c, b.lang)),
                                                     width=Cm(8.0))
    doc.add_heading(b.map_title, level=1)
    if b.map is not None:
        doc.add_paragraph().add_run().add_picture(io.BytesIO(map_png(b.map, b.lang)),
                                                  width=Cm(16.0))
    doc.add_heading(w["notes"], level=1)
    for k, n in enumerate(b.notes, start=1):
        p = doc.add_paragraph(f"[{k}] {n}")
        p.paragraph_format.space_after = Pt(2)
        for run in p.runs:
            run.font.size = Pt(9)
    return doc


def write_docx(b: Briefing, path: str | Path) -> Path:
    path = Path(path)
    try:
        document(b).save(str(path))
    except OSError as exc:
        raise EcoError(tr("cannot write {path}: {reason}", path=path,
                          reason=exc.strerror or type(exc).__name__)) from None
    return path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(b: Briefing, path: str | Path) -> Path:
    """The briefing as PDF: the Word document converted by LibreOffice.

    Raises
    ------
    EcoError
        If LibreOffice is not installed (write a .docx instead) or the conversion fails.
    """
    path = Path(path)
    exe = soffice()
    if exe is None:
        raise EcoError(tr("a PDF briefing is made by LibreOffice (soffice), which is not "
                          "installed here: write FILE.docx instead, or install LibreOffice"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (path.stem + ".docx")
        write_docx(b, src)
        profile = Path(tmp) / "profile"
        try:
            subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=180)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise EcoError(tr("LibreOffice could not make the PDF ({why})",
                              why=type(exc).__name__)) from None
        made = Path(tmp) / (path.stem + ".pdf")
        if not made.exists():
            raise EcoError(tr("LibreOffice could not make the PDF ({why})", why="no output"))
        try:
            shutil.copyfile(made, path)
        except OSError as exc:
            raise EcoError(tr("cannot write {path}: {reason}", path=path,
                              reason=exc.strerror or type(exc).__name__)) from None
    return path
