"""Small hand-made workbooks for the fault cases: raw XML zipped, no binary committed.

Each builder writes a minimal but valid .xlsx (content types, workbook, its relationships,
the sheets) and returns its path, so a case states exactly the one thing that is hostile.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
HEADINGS = ("Indicator code", "Area", "Period", "Value")


def cell(ref: str, value, style: int | None = None) -> str:
    s = f' s="{style}"' if style is not None else ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"{s}><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{value!r}</v></c>'


def sheet_xml(rows: list[list], *, dimension: str | None = None, extra: str = "",
              styles: dict | None = None) -> str:
    """A worksheet whose row ``i`` holds ``rows[i]`` from column A (None: no cell)."""
    from openpyxl.utils import get_column_letter

    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(cell(f"{get_column_letter(c)}{r}", v, (styles or {}).get((r, c)))
                        for c, v in enumerate(row, start=1) if v is not None)
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{dim}<sheetData>'
            f'{"".join(body)}{extra}</sheetData></worksheet>')


def figures_rows(*rows) -> list[list]:
    """A header row and figure rows (indicator, area, period, value)."""
    return [list(HEADINGS), *[list(r) for r in rows]]


def write(path: str | Path, sheets: list[tuple[str, str]], *, states: dict | None = None,
          styles: str | None = None, extra: list[tuple[str, bytes | str]] = ()) -> Path:
    """Zip ``sheets`` ([(name, worksheet xml)]) into a workbook at ``path``.

    ``states`` gives a sheet's visibility (``hidden`` / ``veryHidden``); ``styles`` an
    ``xl/styles.xml``; ``extra`` more members, written as they are (duplicates included).
    """
    path = Path(path)
    states = states or {}
    ct = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
          'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
          'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
          '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    wb_sheets, rels = [], []
    for i, (name, _) in enumerate(sheets, start=1):
        ct.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        state = f' state="{states[name]}"' if name in states else ""
        wb_sheets.append(f'<sheet name="{escape(name)}" sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>')
    if styles:
        ct.append('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxml'
                  'formats-officedocument.spreadsheetml.styles+xml"/>')
        rels.append('<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    ct.append("</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "".join(ct))
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} '
                   f'{RNS}><sheets>{"".join(wb_sheets)}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{"".join(rels)}</Relationships>')
        for i, (_, xml) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        if styles:
            z.writestr("xl/styles.xml", styles)
        for name, data in extra:
            z.writestr(name, data)
    return path


def percent_styles() -> str:
    """Styles whose cell format 1 is Excel's built-in ``0.00%`` (id 10), 2 a custom
    ``0.0%`` and 3 a number that only shows a literal ``"%"`` (as EcoTracker's own exports)."""
    return ('<?xml version="1.0" encoding="UTF-8"?><styleSheet ' + NS + '><numFmts count="2">'
            '<numFmt numFmtId="164" formatCode="0.0%"/>'
            '<numFmt numFmtId="165" formatCode="#,##0.0&quot;%&quot;"/></numFmts>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/>'
            '</cellXfs></styleSheet>')
