"""IIJ's fiscal calendar, the one place periods are computed: tokens and printed names -> `Period`, and back to
the names the documents print; lengths in months, shifts by months, fiscal spans (1Q..4Q, 1H, 2H, 9M, FY).

IIJ's fiscal year N runs from April 1, N to March 31, N+1 ("FY2012" ends 2013-03-31).
Fact sheets use short tokens (FY12, 1H12, 2H12, 1Q12..4Q12, 9M13, ISO instants, a calendar month 2012-09, any
other duration as two ISO dates 2007-06-01..2007-09-30, e.g. the months a new subsidiary was consolidated); the
documents print longer forms ("1H FY2012", "1Q-3Q FY2013", "Mar. 31, 2012", "as of Sep. 30, 2012", "Six Months
Ended September 30, 2012", "Fiscal Year Ending March 31, 2013"). Both go through `parse`.
"""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta
from functools import lru_cache

from iij_xbrl.model import Period

_MONTHS = {name.lower(): i for i, name in enumerate(_cal.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(_cal.month_abbr) if name})
_MONTHS["sept"] = 9

# Quarter q of fiscal year fy starts in month 4, 7, 10, 1 (the last in calendar year fy + 1).
_QUARTER_START = {1: (0, 4), 2: (0, 7), 3: (0, 10), 4: (1, 1)}


def _year(text: str) -> int:
    """Four-digit year; two-digit years are 20yy (the documents span 2006..2014)."""
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def quarters(fy: int, first: int, last: int) -> Period:
    """Quarters `first`..`last` (1-based) of fiscal year `fy` as one duration."""
    if not 1 <= first <= last <= 4:
        raise ValueError(f"bad quarter range {first}..{last}")
    y0, m0 = _QUARTER_START[first]
    y1, m1 = _QUARTER_START[last]
    return Period(start=date(fy + y0, m0, 1), end=_month_end(fy + y1, m1 + 2))


def fiscal_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


_DATE = r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})"
_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<iso>\d{4}-\d{2}-\d{2})"), "iso"),
    (re.compile(r"(?P<iso0>\d{4}-\d{2}-\d{2})\.\.(?P<iso>\d{4}-\d{2}-\d{2})"), "range"),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"), "month"),
    (re.compile(r"FY(?P<fy>\d{2}|\d{4})(?:\s+Target)?"), "fy"),
    (re.compile(r"(?P<h>[12])H(?:\s*FY)?\s*(?P<fy>\d{2}|\d{4})"), "half"),
    (re.compile(r"(?P<q>[1-4])Q(?:\s*FY)?\s*(?P<fy>\d{2}|\d{4})"), "quarter"),
    (re.compile(r"(?P<q0>[1-4])Q\s*-\s*(?P<q>[1-4])Q(?:\s*FY)?\s*(?P<fy>\d{2}|\d{4})"), "quarters"),
    (re.compile(r"9M(?:\s*FY)?\s*(?P<fy>\d{2}|\d{4})"), "nine"),
    (re.compile(r"(?:As\s+of\s+)?" + _DATE, re.I), "date"),
    (re.compile(r"(?P<n>Three|Six|Nine|Twelve)\s+Months\s+Ended\s+" + _DATE, re.I), "months"),
    (re.compile(r"Fiscal\s+Year\s+End(?:ed|ing)\s+" + _DATE + r"(?:\s*\(Target\))?", re.I), "fiscal"),
]
_MONTH_COUNT = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _date(m: re.Match[str]) -> date:
    month = _MONTHS.get(m["month"].lower().rstrip("."))
    if month is None:
        raise ValueError(f"unknown month {m['month']!r}")
    return date(int(m["year"]), month, int(m["day"]))


def parse(text: str) -> Period:
    """A period token or printed period name -> `Period`; ValueError if it is neither."""
    text = " ".join(text.split())
    for pattern, kind in _FORMS:
        m = pattern.fullmatch(text)
        if m is None:
            continue
        if kind == "iso":
            return Period(end=date.fromisoformat(m["iso"]))
        if kind == "range":
            return Period(start=date.fromisoformat(m["iso0"]), end=date.fromisoformat(m["iso"]))
        if kind == "month":
            year, month = int(m["year"]), int(m["month"])
            if not 1 <= month <= 12:
                raise ValueError(f"not a month: {text!r}")
            return Period(start=date(year, month, 1), end=_month_end(year, month))
        if kind == "date":
            return Period(end=_date(m))
        if kind == "months":
            end = _date(m)
            months = _MONTH_COUNT[m["n"].lower()]
            start_month = (end.month - months) % 12 + 1
            start_year = end.year - (1 if start_month > end.month else 0)
            return Period(start=date(start_year, start_month, 1), end=end)
        if kind == "fiscal":
            end = _date(m)
            if (end.month, end.day) != (3, 31):
                raise ValueError(f"IIJ fiscal years end on March 31, not {end}")
            return quarters(end.year - 1, 1, 4)
        fy = _year(m["fy"])
        if kind == "fy":
            return quarters(fy, 1, 4)
        if kind == "half":
            return quarters(fy, 1, 2) if m["h"] == "1" else quarters(fy, 3, 4)
        if kind == "quarter":
            return quarters(fy, int(m["q"]), int(m["q"]))
        if kind == "quarters":
            return quarters(fy, int(m["q0"]), int(m["q"]))
        return quarters(fy, 1, 3)  # nine months
    raise ValueError(f"not a period: {text!r}")


def months(period: Period) -> int:
    """Whole months from a duration's start to the day after its (inclusive) end: 6 for 1H FY2012."""
    after = period.end + timedelta(days=1)
    return (after.year - period.start.year) * 12 + after.month - period.start.month


def shift(period: Period, by: int) -> Period:
    """The period moved by whole months (IIJ periods start on the 1st and end on a month end)."""
    def move(day: date, end: bool) -> date:
        y, m = divmod(day.month - 1 + by, 12)
        if not end:
            return date(day.year + y, m + 1, 1)
        return _month_end(day.year + y, m + 1)
    if period.start is None:
        return Period(end=move(period.end, True))
    return Period(start=move(period.start, False), end=move(period.end, True))


_SPANS = {"1Q": (1, 1), "2Q": (2, 2), "3Q": (3, 3), "4Q": (4, 4), "1H": (1, 2), "2H": (3, 4), "9M": (1, 3), "FY": (1, 4)}


def fiscal_span(period: Period) -> tuple[int | None, str | None]:
    """(2012, "1Q") for 2012-04-01..2012-06-30; (None, None) for instants and other spans."""
    return _fiscal_span(period.start, period.end)


@lru_cache(maxsize=4096)  # asked for every fact by several emitters and checks: a few hundred periods
def _fiscal_span(start: date | None, end: date) -> tuple[int | None, str | None]:
    if start is None:
        return None, None
    year = fiscal_year_of(start)
    for name, (first, last) in _SPANS.items():
        span = quarters(year, first, last)
        if (span.start, span.end) == (start, end):
            return year, name
    return None, None


def whole_months(period: Period) -> bool:
    """Whether a duration runs from the first of a month to the last day of a month."""
    return period.start is not None and period.start.day == 1 and (period.end + timedelta(days=1)).day == 1


def label(period: Period) -> str:
    """`1H FY2012`, `2Q FY2012`, `FY2012`, `1Q-3Q FY2013`, `2012-09-30`; a calendar month `Sep. 2012`, whole months
    `Jun.-Sep. 2007`; ISO range for anything else."""
    if period.start is None:
        return period.end.isoformat()
    fy = fiscal_year_of(period.start)
    n = months(period)
    first_q = (period.start.month - 4) % 12 // 3 + 1
    aligned = period.start.day == 1 and (period.start.month - 4) % 3 == 0 and n % 3 == 0
    if not aligned or n > 12 or first_q + n // 3 - 1 > 4:
        if not whole_months(period):
            return str(period)
        last = _month_name(period.end)
        if n == 1:
            return f"{last} {period.end.year}"
        first = _month_name(period.start)
        return (f"{first}-{last} {period.end.year}" if period.start.year == period.end.year
                else f"{first} {period.start.year}-{last} {period.end.year}")
    last_q = first_q + n // 3 - 1
    if n == 12:
        return f"FY{fy}"
    if n == 6 and first_q in (1, 3):
        return f"{(first_q + 1) // 2}H FY{fy}"
    if n == 3:
        return f"{first_q}Q FY{fy}"
    return f"{first_q}Q-{last_q}Q FY{fy}"


def _month_name(day: date) -> str:
    return day.strftime("%b") + ("." if day.month != 5 else "")


def is_quarter(period: Period) -> bool:
    return period.start is not None and label(period).startswith(tuple(f"{q}Q FY" for q in "1234"))
