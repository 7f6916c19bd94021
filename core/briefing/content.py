"""What the half-year briefing says, computed from the figures (no document, no drawing).

:func:`build` reads one area's figures of one period (the municipality by default) and
writes, per category, a paragraph in the manner of the seed reports: each figure with its
year-on-year change in the national convention (:mod:`.words`) and whether its target was
met, with a note number for its source; the districts' figures of the period after it. Then
the scorecard table, the trend series, the district map (:mod:`core.districtmap`) of the
indicator most districts report, and the notes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from .. import queries, status, vocabulary
from ..districtmap import MapFrame, map_frame
from ..errors import EcoError
from ..i18n import tr
from ..periods import parse_period, period_label, period_ord
from ..present import name_col, scorecard_target, source_text, unit_text
from ..trend import line_figures
from ..values import format_value
from .words import change_text, words

MAX_CHARTS = 6


@dataclass
class ScoreRow:
    name: str
    value: str
    change: str
    target: str
    status: str  # a vocabulary code
    words: str


@dataclass
class Chart:
    indicator: str
    title: str
    unit: str
    periods: list[str]
    values: list[float]
    kind: str
    target: float | None = None
    target_text: str = ""


@dataclass
class Section:
    title: str
    text: str
    districts: str = ""


@dataclass
class Briefing:
    lang: str
    period: str
    area: str
    title: str
    subtitle: str
    summary: str
    sections: list[Section]
    table: list[ScoreRow]
    charts: list[Chart]
    map: MapFrame | None
    map_title: str
    notes: list[str] = field(default_factory=list)


def _value_text(ind: dict, value: float, qualifier: str, lang: str) -> str:
    unit = unit_text(ind["unit"], ind.get("unit_zh"), lang)
    kind = ind["value_kind"]
    return format_value(value, kind, int(ind["decimals"]), qualifier=qualifier or "",
                        lang=lang, unit="" if kind in ("percent", "class") else unit)


class _Notes:
    def __init__(self, sources: pd.DataFrame, lang: str):
        self.sources, self.lang, self.items, self.index = sources, lang, [], {}

    def of(self, fig) -> int:
        text = source_text(fig["source"], fig["source_ref"], self.sources) or "—"
        if bool(fig.get("derived")) and fig.get("derivation"):
            text += "; " + words(self.lang)["derived"].format(how=fig["derivation"])
        if text not in self.index:
            self.items.append(text)
            self.index[text] = len(self.items)
        return self.index[text]


def build(store, period: str, area: str | None = None, lang: str = "en",
          today: date | None = None) -> Briefing:
    """The briefing of ``period`` for ``area`` (code or name; default the municipality).

    Raises
    ------
    EcoError
        If the area has no figure of the period (there would be nothing to say).
    """
    p = parse_period(period)
    w = words(lang)
    with store.read() as conn:
        areas = queries.areas(conn)
        code = queries.resolve_area(conn, area) if area else str(
            areas[areas["parent"].isna() | (areas["parent"].astype(str) == "")]["code"].iat[0])
        ind = queries.indicators(conn)
        cats = queries.categories(conn)
        figs = queries.figures(conn, period_to=period_ord(p))
        tgts = queries.targets(conn)
        sources = queries.sources(conn)
    ends = {c: parse_period(c).end for c in pd.unique(figs["period"])}
    figs = figs[figs["period"].map(ends) <= p.end]  # nothing after the period ends
    here = figs[(figs["area"] == code) & (figs["period"] == p.code)]
    if here.empty:
        raise EcoError(tr("{area} has no figures for {period}: there is nothing to brief on",
                          area=code, period=p.code))
    area_name = dict(zip(areas["code"], areas[name_col(lang)]))
    sc = status.scorecard(ind, figs, tgts, area_rank=queries.area_rank(areas))
    sc_now = sc[sc["latest_period"] == p.code].set_index(["indicator", "area"])
    before = figs[figs["period"] == p.same_period_last_year().code].set_index(["indicator", "area"])
    notes = _Notes(sources, lang)
    indrows = {r["code"]: r for r in ind.to_dict("records")}
    nc = name_col(lang)
    sections, table = [], []
    counts = {"met": 0, "close": 0, "missed": 0}
    children = set(areas.loc[areas["parent"].astype(str) == code, "code"])
    for cat in cats.to_dict("records"):
        codes = [c for c in ind.loc[ind["category"] == cat["code"], "code"]]
        sentences, district_items = [], []
        for c in codes:
            i = indrows[c]
            mine = here[here["indicator"] == c]
            if len(mine):
                f = mine.iloc[0]
                sentences.append(_sentence(i, f, before, sc_now, code, notes, lang, table,
                                           counts))
            for f in figs[(figs["indicator"] == c) & (figs["period"] == p.code)
                          & figs["area"].isin(children)].to_dict("records"):
                district_items.append(
                    f"{area_name.get(f['area'], f['area'])}{'' if lang.startswith('zh') else ': '}"
                    f"{i[nc]} {_value_text(i, f['value'], f['qualifier'], lang)} "
                    f"[{notes.of(f)}]")
        if sentences or district_items:
            text = w["sep"].join(sentences) + (w["end"] if sentences else "")
            dist = w["districts"].format(items=w["sep"].join(district_items)) \
                if district_items else ""
            sections.append(Section(cat[nc], text, dist))
    n = sum(counts.values())
    summary = w["summary"].format(n=n, **counts) if n else w["no_targets"]
    charts = _charts(ind, figs, tgts, code, p, lang)
    mf, mtitle = _map(ind, figs, sc_now, areas, p, lang)
    when = (today or date.today()).isoformat()
    return Briefing(lang, p.code, code,
                    w["title"].format(area=area_name.get(code, code),
                                      period=period_label(p.code, lang)),
                    w["subtitle"].format(date=when), summary, sections, table, charts, mf,
                    mtitle, notes.items)


def _sentence(i: dict, f, before: pd.DataFrame, sc_now: pd.DataFrame, area: str, notes,
              lang: str, table: list, counts: dict) -> str:
    w = words(lang)
    nc = name_col(lang)
    value = float(f["value"])
    vtext = _value_text(i, value, f["qualifier"], lang)
    prev = before.loc[(i["code"], area)] if (i["code"], area) in before.index else None
    change = ""
    if i["value_kind"] == "class":
        if prev is not None and float(prev["value"]) == value:
            s = w["stable_class"].format(name=i[nc], value=vtext)
        elif prev is not None:
            s = w["moved_class"].format(name=i[nc], value=vtext,
                                        before=_value_text(i, float(prev["value"]), "", lang))
        else:
            s = w["was"].format(name=i[nc], value=vtext)
    else:
        s = w["was"].format(name=i[nc], value=vtext)
        if prev is not None:
            change = change_text(i, value, float(prev["value"]), lang)
            if change:
                s += w["change"].format(change=change)
    st = "no_target"
    target = ""
    if (i["code"], area) in sc_now.index:
        row = sc_now.loc[(i["code"], area)]
        target = scorecard_target(row.to_dict(), lang)
        st = str(row.get("period_status") or "no_target")
        if st in ("met", "close", "missed") and target:
            s += w[st].format(target=target)
            counts[st] += 1
    s += f" [{notes.of(f)}]"
    stw = vocabulary.status(st)
    table.append(ScoreRow(i[nc], vtext, change, target, st,
                          f"{stw.tone.symbol} {stw.words(lang)}"))
    return s


def _charts(ind: pd.DataFrame, figs: pd.DataFrame, tgts: pd.DataFrame, area: str, p,
            lang: str) -> list[Chart]:
    out = []
    nc = name_col(lang)
    mine = figs[figs["area"] == area]
    for i in ind.to_dict("records"):
        f = line_figures(i, mine[mine["indicator"] == i["code"]])
        if len(f) < 2 or p.code not in set(f["period"]):
            continue
        f = f.sort_values("period_ord")
        t = tgts[(tgts["indicator"] == i["code"]) & (tgts["area"] == area)]
        tv = float(t["value"].iat[-1]) if len(t) and t["comparator"].iat[-1] != "between" \
            else None
        out.append(Chart(i["code"], i[nc], unit_text(i["unit"], i.get("unit_zh"), lang),
                         [period_label(x, lang) for x in f["period"]],
                         f["value"].astype(float).tolist(), i["value_kind"], tv,
                         "" if tv is None else f"{t['comparator'].iat[-1]} {tv:g}"))
        if len(out) >= MAX_CHARTS:
            break
    return out


def _map(ind, figs, sc_now, areas, p, lang):
    w = words(lang)
    districts = figs[(figs["period"] == p.code) & (figs["area"] != "chongqing")]
    from ..districtmap import shape

    districts = districts[districts["area"].isin(set(shape().rings))]
    if districts.empty:
        return None, w["map_none"]
    counts = districts.groupby("indicator").size()
    order = {c: k for k, c in enumerate(ind["code"])}
    best = sorted(counts.index, key=lambda c: (-counts[c], order.get(c, 0)))[0]
    i = ind.set_index("code").loc[best].to_dict() | {"code": best}
    d = districts[districts["indicator"] == best]
    st = [str(sc_now.loc[(best, a), "period_status"]) if (best, a) in sc_now.index else ""
          for a in d["area"]]
    rows = pd.DataFrame({"area": d["area"].to_numpy(), "latest_value": d["value"].to_numpy(),
                         "latest_period": p.code, "period_status": st,
                         "qualifier": d["qualifier"].to_numpy()})
    mode = "status" if any(s in ("met", "close", "missed") for s in st) else "value"
    mf = map_frame(rows, i, areas, mode=mode, lang=lang)
    return mf, w["map"].format(name=i[name_col(lang)])

