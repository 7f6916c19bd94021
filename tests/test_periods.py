from __future__ import annotations

from datetime import date

import pytest

from core.errors import PeriodError
from core.periods import Period, parse_period, period_ord, period_sort_key


@pytest.mark.parametrize("code,start,end,days", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31), 366),
    ("2023", date(2023, 1, 1), date(2023, 12, 31), 365),
    ("2024H1", date(2024, 1, 1), date(2024, 6, 30), 182),
    ("2025H1", date(2025, 1, 1), date(2025, 6, 30), 181),
    ("2024H2", date(2024, 7, 1), date(2024, 12, 31), 184),
    ("2024Q2", date(2024, 4, 1), date(2024, 6, 30), 91),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), 29),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28), 28),
])
def test_parse_gives_dates_and_length(code, start, end, days):
    p = parse_period(code)
    assert (p.start, p.end, p.days) == (start, end, days)
    assert p.code == code


def test_lowercase_and_spaces_are_accepted():
    assert parse_period(" 2024h1 ").code == "2024H1"
    assert parse_period("2024q3").code == "2024Q3"


@pytest.mark.parametrize("bad", ["", "24H1", "2024H3", "2024Q5", "2024-13", "2024-00",
                                 "2024-6", "H1 2024", "2024/06", "1800", "abc", "2024H1x"])
def test_malformed_codes_are_refused_with_a_clear_error(bad):
    with pytest.raises(PeriodError) as err:
        parse_period(bad)
    assert "period" in str(err.value) or "year" in str(err.value)


def test_mixed_types_sort_on_true_dates_year_first():
    codes = ["2024-07", "2024H2", "2023", "2024Q1", "2024", "2024H1", "2024-01", "2023-12"]
    assert sorted(codes, key=period_sort_key) == [
        "2023", "2023-12", "2024", "2024H1", "2024Q1", "2024-01", "2024H2", "2024-07"]
    assert parse_period("2024H1") < parse_period("2024Q2") < parse_period("2024-05")
    assert parse_period("2024-12") > parse_period("2024H2")


def test_period_ord_orders_like_periods():
    codes = ["2025H1", "2024", "2024-06", "2024Q2", "2024H1", "2023H2"]
    by_ord = sorted(codes, key=period_ord)
    assert by_ord == sorted(codes, key=period_sort_key)
    assert period_ord("2024H1") == 2024011  # (2024*100 + 1)*10 + rank 1


def test_previous_and_same_period_last_year():
    assert parse_period("2024H1").previous().code == "2023H2"
    assert parse_period("2024Q1").previous().code == "2023Q4"
    assert parse_period("2024-01").previous().code == "2023-12"
    assert parse_period("2025H1").same_period_last_year().code == "2024H1"


def test_mid_and_years_between():
    assert parse_period("2024-01").mid == date(2024, 1, 16)
    span = parse_period("2023H1").years_until(parse_period("2025H1"))
    assert span == pytest.approx(731 / 365.25)


def test_constructor_validates():
    with pytest.raises(PeriodError):
        Period(2024, "half", 3)
    with pytest.raises(PeriodError):
        Period(2024, "week", 1)
