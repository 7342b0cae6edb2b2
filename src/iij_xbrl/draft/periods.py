"""Period expressions in headers and prose -> `Period` and the sheet's period token.

IIJ prints periods many ways: "1H FY2012", "1H12", "2Q12", "1Q-3Q FY2013", "FY12", "Full FY2012",
"Sep. 30, 2012", "As of March 31, 2012", "End of Sep. 2012", "Six Months Ended September 30, 2012",
"Fiscal Year Ending March 31, 2013". `find` returns every expression of a text with its span; the
fiscal arithmetic is the sources calendar's (`calendar.quarters`), so a draft and a curated sheet agree.
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta

from iij_xbrl.model import Period
from iij_xbrl.sources import calendar

_MONTH_NAMES = sorted({m.lower() for m in (*_cal.month_name[1:], *_cal.month_abbr[1:], "Sept")}, key=len, reverse=True)
_MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")\.?"
_YEAR = r"(?P<year>\d{4}|\d{2})\b"
_ORDINAL = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}
_COUNT = {"three": 3, "six": 6, "nine": 9, "twelve": 12}

_FORMS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(pattern, re.I)) for kind, pattern in (
    ("months", r"(?P<n>three|six|nine|twelve)\s+months\s+ended\s+" + _MONTH + r"\s*(?P<day>\d{1,2}),\s*(?P<y4>\d{4})"),
    ("first_months", r"\b(?:first|1st)\s+(?P<n>three|six|nine)\s+months\b[^.]{0,60}?\bfiscal\s+year\s+end(?:ing|ed)\s+"
                     r"(?:on\s+)?" + _MONTH + r"\s*(?P<day>\d{1,2}),\s*(?P<y4>\d{4})"),
    ("fiscal", r"(?:full\s+)?fiscal\s+year\s+end(?:ed|ing)\s+(?:on\s+)?" + _MONTH + r"\s*(?P<day>\d{1,2}),\s*(?P<y4>\d{4})"),
    ("quarters", r"(?<![\w/])(?P<q0>[1-4])Q\s*[-–~]\s*(?P<q1>[1-4])Q(?:\s*FY\s*(?:" + _YEAR + r")?)?"),
    ("half", r"(?<![\w/])(?P<h>[12])H\s*(?:FY\s*)?" + _YEAR),
    ("half", r"\b(?P<ord>1st|2nd|first|second)\s+half\s+(?:of\s+)?(?:FY\s*|fiscal\s+year\s+)" + _YEAR),
    ("quarter", r"(?<![\w/])(?P<q>[1-4])Q\s*(?:FY\s*)?" + _YEAR),
    ("quarter", r"\b(?P<ord>1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter\s+(?:of\s+)?(?:FY\s*|fiscal\s+year\s+)"
                + _YEAR),
    ("nine", r"(?<![\w/])9M\s*(?:FY\s*)?" + _YEAR),
    ("fy", r"(?<![\w/])FY\s*" + _YEAR),
    ("date", r"\b" + _MONTH + r"\s*(?P<day>\d{1,2}),?\s*(?P<y4>\d{4})\b"),
    ("month_end", r"\b(?:end\s+of|as\s+of)\s+" + _MONTH + r"\s*(?P<y4>\d{4})\b"),
    ("year_month", r"(?<![\d/])(?P<y4>(?:19|20)\d{2})/(?P<m>1[0-2]|0?[1-9])(?![\d/])"),
    ("fy", r"\bfull[- ]year\b(?!\s*(?:of\s+)?(?:FY|fiscal|\d))"),  # "Full Year Target": the document's fiscal year
)]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    period: Period


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    for i in range(1, 13):
        if name in (_cal.month_name[i].lower(), _cal.month_abbr[i].lower()) or (name == "sept" and i == 9):
            return i
    raise ValueError(f"unknown month {name!r}")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def _period(kind: str, m: re.Match[str], fiscal_year: int | None) -> Period | None:
    groups = m.groupdict()
    if kind == "first_months":
        return calendar.quarters(int(m["y4"]) - 1, 1, _COUNT[m["n"].lower()] // 3)
    if kind in ("date", "months", "fiscal"):
        end = date(int(m["y4"]), _month(m["month"]), int(m["day"]))
        if kind == "date":
            return Period(end=end)
        if kind == "fiscal":
            return calendar.quarters(end.year - 1, 1, 4) if (end.month, end.day) == (3, 31) else None
        return Period(start=first_day_of_months(end, _COUNT[m["n"].lower()]), end=end)
    if kind == "month_end":
        return Period(end=_month_end(int(m["y4"]), _month(m["month"])))
    if kind == "year_month":
        return Period(end=_month_end(int(m["y4"]), int(m["m"])))
    fy = _year(groups["year"]) if groups.get("year") else fiscal_year
    if fy is None:
        return None
    if kind == "quarters":
        first, last = int(m["q0"]), int(m["q1"])
        return calendar.quarters(fy, first, last) if first <= last else None
    if kind == "half":
        half = int(m["h"]) if groups.get("h") else _ORDINAL[m["ord"].lower()]
        return calendar.quarters(fy, 1, 2) if half == 1 else calendar.quarters(fy, 3, 4)
    if kind == "quarter":
        q = int(m["q"]) if groups.get("q") else _ORDINAL[m["ord"].lower()]
        return calendar.quarters(fy, q, q)
    if kind == "nine":
        return calendar.quarters(fy, 1, 3)
    return calendar.quarters(fy, 1, 4)


def first_day_of_months(end: date, months: int) -> date:
    """First day of the `months`-month span ending on `end` (a month end)."""
    index = end.year * 12 + end.month - 1 - (months - 1)
    return date(index // 12, index % 12 + 1, 1)


def find(text: str, fiscal_year: int | None = None) -> list[Found]:
    """Every period expression of `text`, left to right, without overlaps (longer forms first).

    `fiscal_year` completes forms that omit the year ("1Q-3Q FY", "2Q").
    """
    taken: list[Found] = []
    for kind, pattern in _FORMS:
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in taken):
                continue
            try:
                period = _period(kind, m, fiscal_year)
            except ValueError:
                continue
            if period is not None:
                taken.append(Found(m.start(), m.end(), m.group(), period))
    return sorted(taken, key=lambda f: f.start)


def token(period: Period) -> str | None:
    """The fact sheet's token for `period` (FY12, 1H12, 2H12, 3Q12, 9M13, ISO instant); None if it has none."""
    if period.start is None:
        return period.end.isoformat()
    fy = calendar.fiscal_year_of(period.start)
    for first, last, name in ((1, 4, "FY"), (1, 2, "1H"), (3, 4, "2H"), (1, 3, "9M"),
                              (1, 1, "1Q"), (2, 2, "2Q"), (3, 3, "3Q"), (4, 4, "4Q")):
        if calendar.quarters(fy, first, last) == period:
            return f"{name}{fy % 100:02d}"
    return None


def between(earlier: Period, later: Period) -> Period | None:
    """The duration from one instant to a later one (a balance's change between two dates)."""
    if not (earlier.is_instant and later.is_instant) or earlier.end >= later.end:
        return None
    return Period(start=earlier.end + timedelta(days=1), end=later.end)


def opening(duration: Period) -> Period:
    """The instant a duration starts from ("beginning of the period" balances)."""
    return Period(end=duration.start - timedelta(days=1))


def closing(duration: Period) -> Period:
    return Period(end=duration.end)


_MONTH_YEAR = re.compile(r"\b" + _MONTH + r"\s*(?P<y4>\d{4})\b", re.I)


def months(text: str) -> list[Found]:
    """Months named with their year ("in Apr. 2013"), each as the fiscal year it falls in: what a count of a
    yearly event (graduates hired every April) refers to."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        try:
            month = _month(m["month"])
        except ValueError:
            continue
        year = int(m["y4"])
        out.append(Found(m.start(), m.end(), m.group(), calendar.quarters(year if month >= 4 else year - 1, 1, 4)))
    return out


_QUARTER_END = re.compile(r"\b(?:(?P<q>[1-4])Q[- ]?end|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter[- ]end"
                          r"|(?P<year>year[- ]end)|(?P<interim>interim))\b", re.I)


def quarter_end(text: str) -> re.Match[str] | None:
    """A dividend's quarter end ("2Q-end", "interim": the second, "year-end": the fourth), see `dividend_quarter`."""
    return _QUARTER_END.search(text)


def dividend_quarter(marker: re.Match[str], within: Period) -> Period:
    """The fiscal quarter a dividend of `marker` ("2Q-end", "interim", "Year-end") belongs to, in the fiscal year
    of `within`: a quarter-end dividend is the dividend for that quarter."""
    if marker["q"]:
        q = int(marker["q"])
    elif marker["ord"]:
        q = _ORDINAL[marker["ord"].lower()]
    else:
        q = 4 if marker["year"] else 2
    fy = calendar.fiscal_year_of(within.start if within.start is not None else within.end)
    return calendar.quarters(fy, q, q)


def quarter_ending(day: date) -> Period | None:
    """The fiscal quarter ending on `day`, if it is a quarter end."""
    fy = calendar.fiscal_year_of(day)
    for q in range(1, 5):
        quarter = calendar.quarters(fy, q, q)
        if quarter.end == day:
            return quarter
    return None
