from __future__ import annotations

import pytest

from core.errors import ValueParseError
from core.values import (class_name, class_rank, format_value, parse_qualifier, parse_value,
                         qualifier_label)


@pytest.mark.parametrize("text,rank", [
    ("I", 1), ("II", 2), ("iii", 3), ("IV", 4), ("V", 5), ("worse than V", 6),
    ("Ⅱ类", 2), ("劣Ⅴ类", 6), ("class II", 2), ("Ⅲ", 3), (2, 2), (6.0, 6)])
def test_water_classes_parse_to_ranks(text, rank):
    assert class_rank(text) == rank


@pytest.mark.parametrize("bad", ["VII", "II+", "", "good", 0, 7, 2.5])
def test_unknown_classes_are_refused(bad):
    with pytest.raises(ValueParseError):
        class_rank(bad)


def test_classes_sort_and_compare_as_classes():
    names = ["worse than V", "II", "V", "I", "IV", "III"]
    assert sorted(names, key=class_rank) == ["I", "II", "III", "IV", "V", "worse than V"]
    assert class_rank("II") < class_rank("III")  # II is better (lower rank)


def test_classes_display_as_classes_in_both_languages():
    assert class_name(2) == "II" and class_name(6) == "worse than V"
    assert class_name(2, "zh_CN") == "Ⅱ类" and class_name(6, "zh_CN") == "劣Ⅴ类"
    assert format_value(2.0, "class") == "II"


def test_numbers_accept_separators_and_percent_signs():
    assert parse_value("3,800", "count") == 3800
    assert parse_value("98.6%", "percent", vmin=0, vmax=100) == 98.6
    assert parse_value(" 36.6 ", "number") == 36.6


@pytest.mark.parametrize("text,kind,lims,why", [
    ("abc", "number", {}, "not a number"),
    ("1.5", "count", {}, "whole number"),
    ("101", "percent", {"vmin": 0, "vmax": 100}, "above the natural maximum"),
    ("-1", "count", {"vmin": 0}, "below the natural minimum"),
    ("nan", "number", {}, "not a number"),
    ("inf", "number", {}, "not a number"),
    (None, "number", {}, "required"),
])
def test_bad_values_say_why(text, kind, lims, why):
    with pytest.raises(ValueParseError, match=why):
        parse_value(text, kind, **lims)


@pytest.mark.parametrize("word,code", [
    ("more than", "more_than"), ("over", "more_than"), ("超过", "more_than"),
    ("about", "about"), ("约", "about"), ("less than", "less_than"), ("", ""), (None, "")])
def test_qualifiers(word, code):
    assert parse_qualifier(word) == code


def test_qualified_values_format_in_both_languages():
    assert format_value(3800, "count", 0, qualifier="more_than") == "more than 3,800"
    assert format_value(3800, "count", 0, qualifier="more_than", lang="zh_CN") == "超过3,800"
    assert format_value(98.6, "percent", 1) == "98.6%"
    assert qualifier_label("about", "zh_CN") == "约"
    with pytest.raises(ValueParseError):
        parse_qualifier("roughly-ish")


def test_a_count_beyond_what_a_float_holds_exactly_is_refused():
    """An imported 1e99 "cases" was accepted as a new figure."""
    from core.values import MAX_COUNT

    assert parse_value(str(MAX_COUNT), "count") == float(MAX_COUNT)
    for bad in ("1e99", 1e99, str(MAX_COUNT * 2)):
        with pytest.raises(ValueParseError, match="too large for a count"):
            parse_value(bad, "count")
    assert parse_value("1e99", "number") == 1e99  # a volume in litres may be large
