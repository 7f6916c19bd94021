"""Reading reports into proposed figures: the two seed reports, reports never seen, numbers."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core.reports.numbers import mentions, zh_number
from core.reports.reading import Reader
from core.reports.text import ReportError, paragraphs
from core.reports.units import unit_at
from core.reports.wordings import seed_wordings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# shared/ lies beside the repository (CI) or beside the folder of work trees
SHARED_AT = [ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds",
             Path("/work/shared/seeds")]
HERE = Path(__file__).resolve().parent / "reports"
REPORT_OF_SOURCE = {"cq-2024h1": "003_c32dd231ca012fa3.txt", "cq-2025h1": "000_2a47473defa2c473.txt"}
# Seeded figures a reader cannot find as stated: each is the seed's own arithmetic on two
# stated numbers (4,012 outlets x 94 %; 27 new A/B firms / their 49 % share).
NOT_STATED = {("WATER.OUTLETS_RECTIFIED", "chongqing", "2024H1"),
              ("AIR.PERF_AB_ENTERPRISES", "chongqing", "2024H1")}


def _reader() -> Reader:
    ind = pd.read_csv(SEEDS / "indicators.csv", dtype=str, keep_default_na=False)
    ind["wordings"] = ind["code"].map(seed_wordings(SEEDS / "wordings.csv")).fillna("")
    areas = pd.read_csv(SEEDS / "areas.csv", dtype=str, keep_default_na=False)
    return Reader(ind, areas)


def _seed_report(source: str) -> Path:
    for d in SHARED_AT:
        if (d / REPORT_OF_SOURCE[source]).exists():
            return d / REPORT_OF_SOURCE[source]
    pytest.fail(f"the seed report {REPORT_OF_SOURCE[source]} is not in any of {SHARED_AT}")


def _by_key(reading) -> dict:
    return {(p.indicator, p.area, p.period): p for p in reading.proposals}


@pytest.mark.parametrize("source", sorted(REPORT_OF_SOURCE))
def test_every_seeded_figure_is_proposed_with_its_value_area_and_period(source):
    reading = _reader().read(paragraphs(_seed_report(source)))
    got = _by_key(reading)
    seeded = pd.read_csv(SEEDS / "figures.csv", dtype=str, keep_default_na=False)
    seeded = seeded[seeded["source"] == source]
    missing, wrong = [], []
    for r in seeded.to_dict("records"):
        key = (r["indicator"], r["area"], r["period"])
        if key in NOT_STATED:
            assert key not in got
            continue
        p = got.get(key)
        if p is None:
            missing.append(key)
            continue
        value = p.value if isinstance(p.value, str) else float(p.value)
        want = r["value"] if isinstance(p.value, str) else float(r["value"])
        if value != want or p.qualifier != r["qualifier"] or p.derived != (r["derived"] == "1"):
            wrong.append((key, p.value, p.qualifier, p.derived, r["value"], r["qualifier"]))
    assert not missing and not wrong
    # and nothing the seed data set does not hold
    assert set(got) - {tuple(k) for k in seeded[["indicator", "area", "period"]].to_numpy()} == set()


def test_year_on_year_changes_give_the_earlier_period_with_arithmetic():
    got = _by_key(_reader().read(paragraphs(_seed_report("cq-2024h1"))))
    pm = got[("AIR.PM25", "chongqing", "2023H1")]
    assert pm.derived and pm.value == 40.9 and "36.6 + 4.3 = 40.9" in pm.derivation
    days = got[("AIR.GOOD_DAYS", "chongqing", "2023H1")]
    assert days.value == 157 and "163 - 6 = 157" in days.derivation
    assert "year-on-year;" in days.sentence  # the sentence it came from


def test_a_stated_earlier_value_wins_over_the_one_worked_back_and_the_check_is_noted():
    got = _by_key(_reader().read(paragraphs(_seed_report("cq-2025h1"))))
    last = got[("AIR.PM25", "shapingba", "2024H1")]
    assert last.value == 34 and not last.derived
    assert "31.2 / (1 - 0.082)" in last.note


def test_numbers_it_cannot_place_are_listed_with_why():
    reading = _reader().read(paragraphs(_seed_report("cq-2024h1")))
    lost = {(u.paragraph, u.written): u.reason for u in reading.unplaced}
    assert (5, "91 days") in lost  # "good 91 days": no indicator of good-grade days alone
    assert (6, "4012") in lost
    assert "percentage points" in lost[(4, "1.3 percentage points")]


def test_an_english_report_never_seen():
    reading = _reader().read(paragraphs(HERE / "unseen_en.txt"))
    assert reading.period.code == "2026H1" and reading.date.isoformat() == "2026-07-08"
    got = {k: (p.value, p.qualifier) for k, p in _by_key(reading).items()}
    assert got == {
        ("AIR.GOOD_DAYS", "chongqing", "2026H1"): (168, ""),
        ("AIR.GOOD_DAYS", "chongqing", "2025H1"): (163, ""),
        ("AIR.PM25", "chongqing", "2026H1"): (34.2, ""),
        ("AIR.PM25", "chongqing", "2025H1"): (36.5, ""),  # 34.2 / (1 - 0.063), one decimal
        ("AIR.SEVERE_POLLUTION_DAYS", "chongqing", "2026H1"): (0, ""),
        ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1"): (98.7, ""),
        ("WATER.YANGTZE_MAINSTEM_CLASS", "chongqing", "2026H1"): ("II", ""),
        ("WASTE.ZERO_WASTE_CELLS", "chongqing", "2026H1"): (4500, "more_than"),
        ("ENF.PENALTIES", "chongqing", "2026H1"): (612, ""),
        ("ENF.MAJOR_CASES", "chongqing", "2026H1"): (28, ""),
        ("WASTE.INDUSTRIAL_SW_UTILISATION_RATE", "wanzhou", "2026H1"): (96, "more_than"),
        ("AIR.PM25", "jiulongpo", "2026H1"): (33.5, ""),
        ("AIR.PM25", "jiulongpo", "2025H1"): (35.2, ""),
    }
    lost = {u.written for u in reading.unplaced}
    assert {"About 1.2 million", "14"} <= lost


def test_a_chinese_report_never_seen():
    reading = _reader().read(paragraphs(HERE / "unseen_zh.txt"))
    assert reading.period.code == "2026H1" and reading.date.isoformat() == "2026-07-09"
    got = {k: (p.value, p.qualifier) for k, p in _by_key(reading).items()}
    assert got == {
        ("AIR.GOOD_DAYS", "chongqing", "2026H1"): (166, ""),
        ("AIR.GOOD_DAYS", "chongqing", "2025H1"): (163, ""),
        ("AIR.PM25", "chongqing", "2026H1"): (35.1, ""),
        ("AIR.PM25", "chongqing", "2025H1"): (36.6, ""),
        ("AIR.SEVERE_POLLUTION_DAYS", "chongqing", "2026H1"): (0, ""),
        ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1"): (97.3, ""),
        ("WATER.YANGTZE_MAINSTEM_CLASS", "chongqing", "2026H1"): ("II", ""),
        ("WASTE.ZERO_WASTE_CELLS", "chongqing", "2026H1"): (4200, "more_than"),
        ("WASTE.HAZ_UTILISATION_CAPACITY_NEW", "chongqing", "2026H1"): (3.6, ""),  # 万吨/年
        ("ENF.PENALTIES", "chongqing", "2026H1"): (580, ""),  # 五百八十件
        ("ENF.MAJOR_CASES", "chongqing", "2026H1"): (32, ""),
        ("VEH.NEV_PROMOTED", "chongqing", "2026H1"): (123000, ""),  # 12.3万辆
        ("VEH.OLD_VEHICLES_PHASED_OUT", "chongqing", "2026H1"): (41000, "about"),
        ("WASTE.INDUSTRIAL_SW_UTILISATION_RATE", "jiangbei", "2026H1"): (97, "more_than"),
    }


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("built more than 1,600 cells", 1600, "", "more_than"),
    ("3.32 million boxes", 3.32e6, "", ""),
    ("313.6 billion yuan", 313.6e9, "yuan", ""),
    ("建成3800余个细胞", 3800, "", "more_than"),
    ("成交量1.2亿吨", 1.2e8, "t", ""),
    ("约5136万吨", 5.136e7, "t", "about"),
    ("一千六百个", 1600, "", ""),
    ("１，２００家", 1200, "", ""),  # full width, as a Chinese desk types
    ("336,000 square meters", 336000, "m2", ""),
    ("over 95%", 95, "%", "more_than"),
    ("下降2.1个百分点", 2.1, "pp", ""),
])
def test_numbers_as_reports_write_them(text, value, unit, qualifier):
    ms = [m for m in mentions(text, unit_at) if not m.soft]
    assert len(ms) == 1
    assert ms[0].value == pytest.approx(value) and ms[0].unit == unit
    assert ms[0].qualifier == qualifier


@pytest.mark.parametrize("text", ["PM2.5 and CO2", "on July 10, 2025", "2024年7月10日",
                                  "the 13th Five-Year Plan", "截至6月底", "in 2023"])
def test_names_dates_years_and_ordinals_are_not_values(text):
    assert [m for m in mentions(text, unit_at) if not m.soft] == []


def test_chinese_numerals():
    assert zh_number("一千六百") == 1600
    assert zh_number("三万五千") == 35000
    assert zh_number("十二") == 12
    assert zh_number("两") == 2
    assert zh_number("万") is None


def test_reports_in_markdown_html_word_and_pdf_read_alike(tmp_path):
    sentence = ("In the first half of 2026, Chongqing recorded 168 days of good air quality, "
                "an increase of 5 days year-on-year.")
    (tmp_path / "r.md").write_text(f"# Report\n\n**{sentence}**\n", encoding="utf-8")
    (tmp_path / "r.html").write_text(f"<html><head><style>p{{}}</style></head><body>"
                                     f"<h1>Report</h1><p>{sentence}</p><script>x=1</script>"
                                     f"</body></html>", encoding="utf-8")
    import docx

    d = docx.Document()
    d.add_paragraph("Report")
    d.add_paragraph(sentence)
    d.save(tmp_path / "r.docx")
    _tiny_pdf(tmp_path / "r.pdf", ["Report", sentence])
    r = _reader()
    for ext in ("md", "html", "docx", "pdf"):
        got = _by_key(r.read(paragraphs(tmp_path / f"r.{ext}")))
        assert got[("AIR.GOOD_DAYS", "chongqing", "2026H1")].value == 168, ext
        assert got[("AIR.GOOD_DAYS", "chongqing", "2025H1")].value == 163, ext


def test_a_chinese_word_document(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("2026年上半年，全市空气质量优良天数为166天，同比增加3天。")
    d.save(tmp_path / "zh.docx")
    got = _by_key(_reader().read(paragraphs(tmp_path / "zh.docx")))
    assert got[("AIR.GOOD_DAYS", "chongqing", "2025H1")].value == 163


@pytest.mark.parametrize("name, data, words", [
    ("gone.txt", None, "does not exist"),
    ("r.docx", b"PK\x03\x04 not really a zip", "not a Word document"),
    ("r.pdf", b"%PDF-1.4 garbage", "not a PDF file"),
    ("r.rtf", b"{\\rtf1}", "reports are read from"),
    ("empty.txt", b"\n\n", "holds no text"),
])
def test_a_file_that_is_not_a_readable_report_is_refused_clearly(tmp_path, name, data, words):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ReportError) as e:
        paragraphs(path)
    assert words in str(e.value) and name in str(e.value)


def _tiny_pdf(path: Path, lines: list[str]) -> None:
    """A one-page PDF with lines of Latin text (Helvetica), written by hand."""
    text = "BT /F1 9 Tf 40 800 Td 12 TL " + " ".join(
        f"({ln.replace('(', '[').replace(')', ']')}) Tj T* T*" for ln in lines) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1200 842] /Resources << /Font "
            "<< /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            f"<< /Length {len(text)} >>\nstream\n{text}\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(out)


def test_other_ways_of_saying_it(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        "Chongqing environment, first half of 2027\n"
        "The city's PM2.5 concentration fell to 33 micrograms per cubic meter in the first "
        "half of 2027, 2.4 micrograms lower than a year earlier.\n"
        "The share of state-controlled sections with excellent water quality reached 99.0 "
        "percent, up 0.4 percentage points year on year.\n"
        "Yubei District built 45 EV charging stations, 12 of them supercharging.\n",
        encoding="utf-8")
    got = {k: p.value for k, p in _by_key(_reader().read(paragraphs(path))).items()}
    assert got == {("AIR.PM25", "chongqing", "2027H1"): 33,
                   ("AIR.PM25", "chongqing", "2026H1"): 35.4,
                   ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2027H1"): 99.0,
                   ("WATER.STATE_SECTIONS_EXCELLENT", "chongqing", "2026H1"): 98.6,
                   ("VEH.CHARGING_STATIONS", "yubei", "2027H1"): 45,
                   ("VEH.SUPERCHARGING_STATIONS", "yubei", "2027H1"): 12}


def test_a_chinese_pdf_made_by_libreoffice_reads_as_its_text():
    """tests/reports/unseen_zh.pdf is unseen_zh.txt, a paragraph a line, written as a Word
    document and converted by LibreOffice: its Ⅱ and quotes come from a fallback font."""
    r = _reader()
    from_pdf = {k: (p.value, p.qualifier) for k, p in
                _by_key(r.read(paragraphs(HERE / "unseen_zh.pdf"))).items()}
    from_txt = {k: (p.value, p.qualifier) for k, p in
                _by_key(r.read(paragraphs(HERE / "unseen_zh.txt"))).items()}
    assert from_pdf == from_txt
