"""core.present: how sources are named for the window and the command line."""
from __future__ import annotations

import pandas as pd

from core.present import source_namer


def test_sources_are_named_with_publisher_title_date_and_reference():
    sources = pd.DataFrame([
        dict(id="rep", publisher="Bureau", title="Report", date="2024-07"),
        dict(id="syn", publisher="", title="Synthetic data set", date=""),  # no date
        dict(id="nodate", publisher="Office", title="Bulletin", date=None),
    ])
    name = source_namer(sources)
    assert name("rep", "para 5") == "Bureau, Report (2024-07), para 5"
    assert name("syn", None) == "Synthetic data set"  # not "Synthetic data set ()"
    assert name("nodate", "p. 2") == "Office, Bulletin, p. 2"
    assert name(None, "table 3") == "table 3"
    assert name("unknown", "x") == "unknown, x"


def test_a_band_indicator_without_a_target_shows_its_band_as_the_target():
    """pH 6-9 and no target: the scorecard judged it against its band, and said "close"
    beside a blank Target cell."""
    from core.present import scorecard_table
    from core.status import scorecard

    ind = pd.DataFrame([dict(code="W.PH", category="water", name_en="pH", name_zh="pH",
                             unit="", unit_zh="", value_kind="number", direction="band",
                             band_low=6.0, band_high=9.0, cumulative=False, vmin=0.0,
                             vmax=14.0, period_type="year", decimals=1, tolerance=0.5,
                             category_sort=1)])
    figs = pd.DataFrame([dict(indicator="W.PH", area="a", period="2024", period_ord=20240,
                              value=9.2, qualifier="")])
    targets = pd.DataFrame(columns=["indicator", "area", "period", "period_ord", "comparator",
                                    "value", "value_high", "kind", "baseline_period",
                                    "baseline_value"])
    areas = pd.DataFrame([dict(code="a", name_en="Area A", name_zh="甲区")])
    table = scorecard_table(scorecard(ind, figs, targets), areas, "en")
    assert table["target"].tolist() == ["6.0 – 9.0 (its band)"]
    assert table["gap"].tolist() == ["+0.2"]


def test_the_workbook_and_the_window_name_a_band_target_alike():
    """The meeting workbook's Scorecard sheet reads rows as named tuples; it left a band
    indicator's Target cell blank while the window showed the band."""
    from collections import namedtuple

    from core.present import scorecard_target

    Row = namedtuple("Row", "target_comparator target_value target_value_high value_kind "
                            "decimals target_source band_low band_high")
    band = Row(None, float("nan"), float("nan"), "number", 1, "band", 6.0, 9.0)
    plain = Row(">=", 97.3, None, "percent", 1, "target", None, None)
    assert scorecard_target(band) == scorecard_target(band._asdict()) == "6.0 – 9.0 (its band)"
    assert scorecard_target(plain) == "≥ 97.3%"


def test_a_source_without_a_date_is_titled_without_brackets():
    from core.present import dated_title

    assert dated_title({"title": "Report", "date": "2024-07"}) == "Report (2024-07)"
    assert dated_title({"title": "Synthetic data set", "date": ""}) == "Synthetic data set"
    assert dated_title({"title": "Bulletin", "date": None}) == "Bulletin"
