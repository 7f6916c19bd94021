"""The half-year briefing: its sentences, the national convention, the Word document."""
from __future__ import annotations

import io
import zipfile

import pytest

from core import cli
from core.briefing import document as briefing_document
from core.briefing.commands import write_briefing
from core.briefing.content import build
from core.briefing.words import change_text, rounded
from core.errors import EcoError

SHARE = {"value_kind": "percent", "decimals": 1, "unit": "%"}
DAYS = {"value_kind": "count", "decimals": 0, "unit": "days", "day_count": True}
CONC = {"value_kind": "number", "decimals": 1, "unit": "µg/m³", "day_count": False}


def test_changes_follow_the_national_convention():
    assert change_text(SHARE, 98.6, 97.3, "en") == "up 1.3 percentage points"
    assert change_text(SHARE, 98.6, 97.3, "zh_CN") == "上升1.3个百分点"
    assert change_text(DAYS, 163, 157, "zh_CN") == "增加6天"
    assert change_text(DAYS, 150, 157, "en") == "7 fewer days"
    assert change_text(CONC, 36.6, 40.9, "en") == "down 10.5%"
    assert change_text(CONC, 31.2, 34, "zh_CN") == "下降8.2%"
    assert change_text(SHARE, 100, 100, "en") == "unchanged"


def test_rounding_is_half_to_even_once():
    assert rounded(0.125, 2) == "0.12" and rounded(0.135, 2) == "0.14"
    assert rounded(2.5, 0) == "2" and rounded(3800, 0) == "3,800"


def test_the_2024h1_briefing_says_each_figure_with_its_change_target_and_source(store):
    b = build(store, "2024H1", lang="en")
    air = next(s for s in b.sections if s.title == "Air")
    assert "Days of good or excellent air quality was 163 days, 6 more days on the same " \
           "period a year earlier" in air.text
    assert "PM2.5 average concentration was 36.6 µg/m³, down 10.5% on the same period a " \
           "year earlier" in air.text
    assert "Shapingba District: PM2.5 average concentration 34.0 µg/m³" in air.districts
    water = next(s for s in b.sections if s.title == "Water")
    assert "98.6%; target ≥ 97.3%: met" in water.text
    assert b.summary.startswith("Of 5 indicators with a target this period, 5 met it")
    # every figure has its note; a derived one says how
    import re

    marks = {int(m) for s in b.sections for m in re.findall(r"\[(\d+)\]", s.text + s.districts)}
    assert marks == set(range(1, len(b.notes) + 1))
    assert any("derived: 27 / 0.49" in n for n in b.notes)
    assert {c.indicator for c in b.charts} == {"AIR.GOOD_DAYS", "AIR.PM25"}
    assert b.map is not None and b.map.indicator == "AIR.PM25"
    assert not b.map.cells["shapingba"].hatched  # 34 in 2024H1, stated in the 2025 report


def test_the_chinese_briefing(store):
    b = build(store, "2024H1", lang="zh_CN")
    assert b.title == "重庆市2024年上半年生态环境状况"
    air = next(s for s in b.sections if s.title == "大气环境")
    assert "空气质量优良天数为163 天，同比增加6天" in air.text
    assert "同比下降10.5%" in air.text
    assert any(r.words == "✔ 达标" for r in b.table)


def test_nothing_after_the_period_is_in_it(store):
    b = build(store, "2024H1", lang="en")
    text = " ".join(s.text + s.districts for s in b.sections)
    assert "3,800" not in text and "2025" not in text


def test_the_word_document_has_its_parts_and_chinese_in_the_east_asian_slot(store, tmp_path):
    out = write_briefing(store, "2024H1", tmp_path / "b.docx", lang="zh_CN")
    z = zipfile.ZipFile(out)
    styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="Noto Sans CJK SC"' in styles
    media = [n for n in z.namelist() if n.startswith("word/media/")]
    assert len(media) == 3  # two trend charts and the map
    import docx

    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "注释：数据来源" in text and "区县分布示意图" in text
    assert len(d.tables[0].rows) == 1 + len(build(store, "2024H1", lang="zh_CN").table)


def test_pdf_needs_libreoffice_and_says_so(store, tmp_path, monkeypatch):
    monkeypatch.setattr(briefing_document, "soffice", lambda: None)
    with pytest.raises(EcoError) as e:
        write_briefing(store, "2024H1", tmp_path / "b.pdf")
    assert "LibreOffice" in str(e.value) and "docx" in str(e.value)
    assert not (tmp_path / "b.pdf").exists()


def test_pdf_through_libreoffice_where_it_is_installed(sqlite_store, tmp_path):
    if briefing_document.soffice() is None:  # no skip: the refusal is the behaviour then
        with pytest.raises(EcoError, match="LibreOffice"):
            write_briefing(sqlite_store, "2024H1", tmp_path / "b.pdf", lang="en")
        return
    out = write_briefing(sqlite_store, "2024H1", tmp_path / "b.pdf", lang="en")
    assert out.read_bytes()[:5] == b"%PDF-"


def test_briefing_on_the_command_line(sqlite_store, tmp_path, capsys):
    db = str(sqlite_store.sqlite_path)
    sqlite_store.close()
    assert cli.main(["briefing", "--db", db, "--period", "2025H1", "--area", "沙坪坝",
                     "-o", str(tmp_path / "s.docx")]) == 0
    assert "briefing written" in capsys.readouterr().out
    assert cli.main(["briefing", "--db", db, "--period", "2025H1", "-o",
                     str(tmp_path / "s.txt")]) == 2
    assert "FILE.docx or FILE.pdf" in capsys.readouterr().err
    assert cli.main(["briefing", "--db", db, "--period", "2019H1", "-o",
                     str(tmp_path / "s.docx")]) == 2
    assert "no figures for 2019H1" in capsys.readouterr().err
    assert zipfile.is_zipfile(io.BytesIO((tmp_path / "s.docx").read_bytes()))
