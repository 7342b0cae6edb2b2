"""Fiscal calendar and printed-figure parsing: every token and printed form the documents use."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iij_xbrl.sources import calendar, figures


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("FY12", date(2012, 4, 1), date(2013, 3, 31)),
        ("FY2012", date(2012, 4, 1), date(2013, 3, 31)),
        ("FY2012 Target", date(2012, 4, 1), date(2013, 3, 31)),
        ("FY07", date(2007, 4, 1), date(2008, 3, 31)),
        ("1H12", date(2012, 4, 1), date(2012, 9, 30)),
        ("1H FY2012", date(2012, 4, 1), date(2012, 9, 30)),
        ("2H12", date(2012, 10, 1), date(2013, 3, 31)),
        ("1Q12", date(2012, 4, 1), date(2012, 6, 30)),
        ("2Q12", date(2012, 7, 1), date(2012, 9, 30)),
        ("3Q13", date(2013, 10, 1), date(2013, 12, 31)),
        ("4Q12", date(2013, 1, 1), date(2013, 3, 31)),  # the fiscal year's last quarter is next calendar year
        ("4Q06", date(2007, 1, 1), date(2007, 3, 31)),
        ("9M13", date(2013, 4, 1), date(2013, 12, 31)),
        ("1Q-3Q FY2013", date(2013, 4, 1), date(2013, 12, 31)),
        ("Six Months Ended September 30, 2011", date(2011, 4, 1), date(2011, 9, 30)),
        ("Three Months Ended September 30, 2012", date(2012, 7, 1), date(2012, 9, 30)),
        ("Fiscal Year Ending March 31, 2013", date(2012, 4, 1), date(2013, 3, 31)),
        ("Fiscal Year Ended March 31, 2012", date(2011, 4, 1), date(2012, 3, 31)),
    ],
)
def test_durations(text: str, start: date, end: date) -> None:
    period = calendar.parse(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "text, end",
    [
        ("2012-09-30", date(2012, 9, 30)),
        ("Mar. 31, 2012", date(2012, 3, 31)),
        ("as of Sep. 30, 2012", date(2012, 9, 30)),
        ("As of September 30, 2012", date(2012, 9, 30)),
        ("March 31, 2012", date(2012, 3, 31)),
        ("Dec. 31, 2013", date(2013, 12, 31)),
    ],
)
def test_instants(text: str, end: date) -> None:
    period = calendar.parse(text)
    assert period.is_instant and period.end == end


def test_fiscal_year_boundary() -> None:
    assert calendar.fiscal_year_of(date(2013, 3, 31)) == 2012
    assert calendar.fiscal_year_of(date(2013, 4, 1)) == 2013
    assert calendar.parse("FY12").end == calendar.parse("4Q12").end == calendar.parse("2H12").end
    assert calendar.parse("1Q13").start == date(2013, 4, 1)


@pytest.mark.parametrize("text", ["FY", "5Q12", "1H", "Foo. 31, 2012", "Fiscal Year Ending June 30, 2013", ""])
def test_not_a_period(text: str) -> None:
    with pytest.raises(ValueError):
        calendar.parse(text)


@pytest.mark.parametrize(
    "text, unit, value, model_unit, decimals",
    [
        ("51,109,001", "JPY thousand", "51109001000", "JPY", -3),
        ("(1,866)", "JPY million", "-1866000000", "JPY", -6),
        ("△85", "JPY million", "-85000000", "JPY", -6),
        ("▲1,234", "JPY million", "-1234000000", "JPY", -6),
        ("-1,234", "JPY million", "-1234000000", "JPY", -6),
        ("51.1", "JPY billion", "51100000000", "JPY", -8),
        ("107", "JPY billion", "107000000000", "JPY", -9),
        ("8.3%", "percent", "0.083", "pure", 3),
        ("8.3", "percent", "0.083", "pure", 3),
        ("(3.2)", "percent", "-0.032", "pure", 3),
        ("(0.2%)", "percent", "-0.002", "pure", 3),
        ("92.9", "percent", "0.929", "pure", 3),
        ("45%", "percent", "0.45", "pure", 2),
        ("JPY 98.68", "JPY", "98.68", "JPYPerShare", 2),
        ("98.68", "JPY", "98.68", "JPYPerShare", 2),
        ("1,750.00", "JPY", "1750", "JPYPerShare", 2),
        ("1,003.3Gbps", "Gbps", "1003.3", "Gbps", 1),
        ("820.7 Gbps", "Gbps", "820.7", "Gbps", 1),
        ("91,404", "count", "91404", "pure", 0),
        ("40,536,800", "shares", "40536800", "shares", 0),
    ],
)
def test_figures(text: str, unit: str, value: str, model_unit: str, decimals: int) -> None:
    fig = figures.parse(text, unit)
    assert fig is not None
    assert isinstance(fig.value, Decimal) and fig.value == Decimal(value)
    assert (fig.unit, fig.decimals) == (model_unit, decimals)
    assert "E" not in str(fig.value)


@pytest.mark.parametrize("text", ["-", "—", " – "])
def test_dash_is_nothing(text: str) -> None:
    assert figures.parse(text, "JPY million") is None


@pytest.mark.parametrize("text, unit", [("(1,866", "JPY million"), ("abc", "JPY"), ("1.2.3", "percent"), ("5", "yen")])
def test_bad_figures(text: str, unit: str) -> None:
    with pytest.raises(ValueError):
        figures.parse(text, unit)


def test_tokens_in_cell() -> None:
    assert figures.TOKEN.findall("80.1% 41.0") == ["80.1%", "41.0"]
    assert figures.TOKEN.findall("820.7 Gbps") == ["820.7 Gbps"]
    assert figures.TOKEN.findall("(1,866)") == ["(1,866)"]
