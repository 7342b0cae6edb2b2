"""Printed figures -> Decimal value, model unit and the decimals the printing implies.

"(1,866)" / "△85" / "▲85" / "-85" are negative; "-" / "—" alone mean "nothing printed" (None).
A sheet unit names the printed scale: "51.1" in `JPY billion` is 51,100,000,000 known to -8 decimals.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from iij_xbrl.model import UnitId


class Scale(NamedTuple):
    unit: UnitId
    exponent: int  # value = printed number x 10**exponent


# Sheet unit name -> model unit and power of ten of the printed number.
SCALES: dict[str, Scale] = {
    "JPY billion": Scale("JPY", 9),
    "JPY million": Scale("JPY", 6),
    "JPY thousand": Scale("JPY", 3),
    "JPY": Scale("JPYPerShare", 0),
    "percent": Scale("pure", -2),
    "count": Scale("pure", 0),
    "shares": Scale("shares", 0),
    "Gbps": Scale("Gbps", 0),
}

NOTHING = frozenset({"-", "—", "–", "―", "－", "‐"})

# Optional currency / unit decoration around the number is tolerated, never required.
_FIGURE = re.compile(
    r"""^(?:JPY\s*)?
        (?P<sign>[-△▲+]|\u2212)?\s*
        (?P<open>\()?\s*(?:JPY\s*)?  # "(JPY11,539)": the currency may sit inside the parentheses
        (?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?
        \s*%?\s*(?P<close>\))?  # "(44.6%)": the percent sign may sit inside the parentheses
        \s*(?:%|Gbps|points?|pt)?$""",
    re.X,
)


class Figure(NamedTuple):
    value: Decimal
    unit: UnitId
    decimals: int


def parse(text: str, unit: str) -> Figure | None:
    """Parse one printed figure in sheet unit `unit`; None for a dash. ValueError if unreadable."""
    scale = SCALES.get(unit)
    if scale is None:
        raise ValueError(f"unknown unit {unit!r} (one of {', '.join(SCALES)})")
    stripped = text.strip()
    if stripped in NOTHING:
        return None
    m = _FIGURE.match(stripped)
    if m is None or bool(m["open"]) != bool(m["close"]):
        raise ValueError(f"not a figure: {text!r}")
    frac = m["frac"] or ""
    number = Decimal(m["int"].replace(",", "") + ("." + frac if frac else ""))
    if m["open"] or (m["sign"] and m["sign"] != "+"):
        number = -number
    value = number.scaleb(scale.exponent)
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))  # 51109001E+3 -> 51109001000: plain digits for every output
    return Figure(value, scale.unit, len(frac) - scale.exponent)


# One printed figure inside a table cell, for cells that hold two ("80.1% 41.0") or decorate one
# ("820.7 Gbps", "JPY 98.68").
TOKEN = re.compile(r"(?:[-△▲]\s?)?\(?(?:JPY\s?)?\d[\d,]*(?:\.\d+)?%?\)?(?:\s?(?:%|Gbps))?")
