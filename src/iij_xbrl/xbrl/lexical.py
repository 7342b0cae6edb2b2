"""XML Schema lexical spaces and value equality for the types XBRL facts, periods and dimensions use.

Python's own parsers are too lenient for XML Schema: `Decimal("７０")`, `int("٧٠")` and `float(" 7 ")`
accept non-ASCII digits and Unicode spaces; `\\d` in a regular expression matches them too. Every check
here uses explicit ASCII classes, and whitespace is only what XML Schema calls whitespace (space, tab,
CR, LF). Values are turned into comparable keys (`value_key`) so that equality follows XML Schema:
`01` = `1` as xs:integer, `a  b` = `a b` as xs:token, `2012-09-30Z` differs from `2012-09-30`.
Nothing here is quadratic or converts an unbounded digit string to an int (Python's int-string limit).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

XML_WS = " \t\r\n"
_WS_RUN = re.compile(r"[ \t\r\n]+")

DECIMAL_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
INTEGER_RE = re.compile(r"[+-]?[0-9]+")
FLOAT_RE = re.compile(r"[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|INF)|NaN")
BOOLEAN = {"true": True, "1": True, "false": False, "0": False}
_TZ = r"(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_DATE = r"(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})"
DATE_RE = re.compile(_DATE + _TZ)
DATETIME_RE = re.compile(_DATE + r"T([0-9]{2}):([0-9]{2}):([0-9]{2}(?:\.[0-9]+)?)" + _TZ)
NCNAME_RE = re.compile(r"[^\W\d\-.:][\w\-.·]*")  # approximates XML NCName (letters, digits, . - _)
QNAME_RE = re.compile(rf"(?:{NCNAME_RE.pattern}:)?{NCNAME_RE.pattern}")

INT_BOUNDS: dict[str, tuple[int | None, int | None]] = {
    "integer": (None, None), "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
    "nonNegativeInteger": (0, None), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 65535), "unsignedByte": (0, 255), "positiveInteger": (1, None)}
_BOUND_DIGITS = 20  # every finite bound above has fewer digits: longer integers are compared by sign only


def collapse(text: str) -> str:
    """xs:token (and every non-string type): runs of XML whitespace become one space, ends trimmed."""
    t = text.strip(XML_WS)
    if "  " in t or "\n" in t or "\t" in t or "\r" in t:
        return _WS_RUN.sub(" ", t)
    return t


def trim(text: str) -> str:
    return text.strip(XML_WS)


def decimal(text: str) -> Decimal | None:
    """The xs:decimal value of a (whitespace-collapsed) lexical form, or None when not in the lexical space."""
    return Decimal(text) if DECIMAL_RE.fullmatch(text) else None


def integer_in_range(text: str, base: str) -> bool:
    """`text` (an xs:integer lexical form) lies within the bounds of the integer type `base`."""
    lo, hi = INT_BOUNDS.get(base, (None, None))
    if lo is None and hi is None:
        return True
    digits = text.lstrip("+-").lstrip("0")
    negative = text.startswith("-") and digits != ""
    if len(digits) > _BOUND_DIGITS:  # far beyond every bound: only the side matters
        return (lo is None) if negative else (hi is None)
    v = int(text)
    return (lo is None or v >= lo) and (hi is None or v <= hi)


def numeric(text: str, base: str) -> Decimal | None:
    """The value of a numeric fact in XML Schema type family `base`, or None when lexically invalid.

    float/double values become Decimals (INF and NaN included; callers decide what to do with them).
    """
    if base == "decimal":
        return decimal(text)
    if base in ("float", "double"):
        if not FLOAT_RE.fullmatch(text):
            return None
        return Decimal(text.replace("INF", "Infinity"))
    if base in INT_BOUNDS:
        if not INTEGER_RE.fullmatch(text) or not integer_in_range(text, base):
            return None
        return Decimal(text)
    return None


def _tz(text: str | None) -> timezone | None:
    if text is None:
        return None
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def parse_date(text: str) -> tuple[date, timezone | None] | None:
    m = DATE_RE.fullmatch(text)
    if m is None or len(m.group(1).lstrip("-")) > 4:  # years beyond 9999 do not fit Python's date
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), _tz(m.group(4))
    except ValueError:
        return None


def parse_datetime(text: str) -> tuple[datetime, timezone | None, bool] | None:
    """(naive datetime, zone, was 24:00:00); 24:00:00 becomes 00:00:00 of the next day."""
    m = DATETIME_RE.fullmatch(text)
    if m is None or len(m.group(1).lstrip("-")) > 4:
        return None
    hour, minute, second = int(m.group(4)), int(m.group(5)), Decimal(m.group(6))
    midnight = hour == 24
    if midnight and (minute or second):
        return None
    try:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if second >= 60:
            return None
        micro = int((second % 1) * 1000000)
        t = datetime(d.year, d.month, d.day, 0 if midnight else hour, minute, int(second), micro)
        if midnight:
            t += timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    return t, _tz(m.group(7)), midnight


def instant_key(value: datetime, zone: timezone | None) -> tuple:
    """A point on the time line as XML Schema compares it: zoned values in UTC, unzoned ones apart."""
    if zone is None:
        return (value, False)
    return (value - zone.utcoffset(None), True)


def period_point(text: str, end: bool) -> tuple | None:
    """xbrli:dateUnion as a comparable point: a date alone means its start, or (`end`) the end of that day."""
    if "T" in text:
        parsed = parse_datetime(text)
        if parsed is None:
            return None
        return instant_key(parsed[0], parsed[1])
    parsed_date = parse_date(text)
    if parsed_date is None:
        return None
    d, zone = parsed_date
    try:
        start = datetime(d.year, d.month, d.day) + (timedelta(days=1) if end else timedelta())
    except OverflowError:
        return None
    return instant_key(start, zone)


def before(a: tuple, b: tuple) -> bool | None:
    """a < b in XML Schema's partial order of dateTimes; None when indeterminate (one zoned, one not, within 14 h)."""
    if a[1] == b[1]:
        return a[0] < b[0]
    fourteen = timedelta(hours=14)
    if a[1]:  # a zoned, b not: b may lie anywhere in [b - 14h, b + 14h]
        return True if a[0] < b[0] - fourteen else (False if a[0] >= b[0] + fourteen else None)
    return True if a[0] + fourteen < b[0] else (False if a[0] >= b[0] + fourteen else None)


# XML Schema built-in simple types by family, for lexical checks and value keys of non-numeric values.
STRING_TYPES = frozenset(("string", "normalizedString", "anyURI", "base64Binary", "hexBinary"))


def valid_text(text: str, base: str) -> bool:
    """`text` (as written) is in the lexical space of the non-numeric type family `base`."""
    if base in ("string", "normalizedString", "token", "other", "anyURI", "language", "Name", "NCName"):
        return True
    t = collapse(text)
    if base == "boolean":
        return t in BOOLEAN
    if base == "date":
        return parse_date(t) is not None
    if base == "dateTime":
        return parse_datetime(t) is not None
    if base == "dateUnion":
        return (parse_datetime(t) if "T" in t else parse_date(t)) is not None
    if base == "QName":
        return QNAME_RE.fullmatch(t) is not None
    if base == "hexBinary":
        return re.fullmatch(r"(?:[0-9a-fA-F]{2})*", t) is not None
    return True


def valid(text: str, base: str) -> bool:
    """`text` is in the lexical space of type family `base` (numeric or not)."""
    if base == "decimal" or base in INT_BOUNDS or base in ("float", "double"):
        return numeric(collapse(text), base) is not None
    return valid_text(text, base)


def value_key(text: str, base: str) -> object:
    """A key equal for equal XML Schema values of type family `base` (typed dimension values, fact values).

    Lexically invalid text keys as its collapsed form, tagged so that it equals only the same text.
    """
    if base == "string":
        return ("s", text)
    t = collapse(text)
    if base == "decimal" or base in INT_BOUNDS:
        if (DECIMAL_RE if base == "decimal" else INTEGER_RE).fullmatch(t):
            return ("n", Decimal(t))  # Decimal equality and hash go by value: 01 = 1 = 1.0
    elif base in ("float", "double"):
        if FLOAT_RE.fullmatch(t):
            return ("f", t.lstrip("+")) if "N" in t else ("n", Decimal(t.replace("INF", "Infinity")))
    elif base == "boolean":
        if t in BOOLEAN:
            return ("b", BOOLEAN[t])
    elif base == "date":
        parsed = parse_date(t)
        if parsed is not None:
            return ("d", instant_key(datetime(parsed[0].year, parsed[0].month, parsed[0].day), parsed[1]))
    elif base == "dateTime":
        parsed_dt = parse_datetime(t)
        if parsed_dt is not None:
            return ("t", instant_key(parsed_dt[0], parsed_dt[1]))
    return ("s", t)
