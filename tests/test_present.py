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
