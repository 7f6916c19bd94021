"""The meeting workbook's Map sheet: the district map the Map tab and the briefing draw, for
the indicator most districts report (their latest figures, as the scorecard has them)."""
from __future__ import annotations

import io

import pandas as pd

from ..districtmap import map_frame, shape
from ..present import name_col

TEXT = {"en": {"none": "No district or county has figures in this workbook, so there is no "
                       "map.", "title": "District map (sketch map): {name}"},
        "zh_CN": {"none": "本工作簿中没有区县数据，因此没有地图。",
                  "title": "区县分布示意图：{name}"}}


def pick(sc: pd.DataFrame, indicators: pd.DataFrame) -> str | None:
    """The indicator with the most districts in the scorecard (ties: the first in order)."""
    if sc is None or sc.empty or "latest_value" not in sc:
        return None
    d = sc[sc["area"].isin(set(shape().rings)) & sc["latest_value"].notna()]
    if d.empty:
        return None
    counts = d.groupby("indicator").size()
    order = {c: k for k, c in enumerate(indicators["code"])}
    return sorted(counts.index, key=lambda c: (-counts[c], order.get(c, 0)))[0]


def write_map_sheet(ws, sc: pd.DataFrame, indicators: pd.DataFrame, areas: pd.DataFrame,
                    lang: str) -> bool:
    """Write the sheet (a title and the picture); False when no district has figures."""
    t = TEXT["zh_CN" if lang.startswith("zh") else "en"]
    code = pick(sc, indicators)
    if code is None:
        ws.append([t["none"]])
        return False
    from openpyxl.drawing.image import Image

    from ..briefing.render import map_png

    ind = indicators.set_index("code").loc[code].to_dict() | {"code": code}
    rows = sc[sc["indicator"] == code]
    has_status = rows["period_status"].isin(["met", "close", "missed"]).any()
    frame = map_frame(rows, ind, areas, mode="status" if has_status else "value", lang=lang)
    ws.page_setup.orientation = "landscape"  # the whole map on one A4 page
    ws.page_setup.paperSize = 9  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1
    ws.append([t["title"].format(name=ind[name_col(lang)])])
    img = Image(io.BytesIO(map_png(frame, lang)))
    img.width, img.height = 768, 552  # 6.4 x 4.6 in at 120 px per inch
    img.anchor = "A3"
    ws.add_image(img)
    return True
