"""How one figure is shown to a reader: the scale its printing implies, its digits, its sign, its unit in words.

A figure printed in billions (decimals -8: "97.3") is shown in billions with one decimal, never as
97,300,000 thousand; a ratio (decimals 3: "0.498") as 49.8 %. Shared by the inline report and the findings
in words, so both show a figure alike. Exact arithmetic only: the shown digits times 10**scale are the value.
"""
from __future__ import annotations

from decimal import Decimal

from ..model import Concept, Fact, Label
from ..taxonomy import names as tn

# scale -> the unit of a yen amount shown at that scale (a table's header) and its short form (beside a cell)
JPY_UNITS = {9: Label(en="JPY billion", ja="十億円"), 6: Label(en="JPY million", ja="百万円"),
             3: Label(en="JPY thousand", ja="千円"), 0: Label(en="JPY", ja="円")}
JPY_SHORT = {9: Label(en="bn", ja="十億円"), 6: Label(en="mn", ja="百万円"), 3: Label(en="thousand", ja="千円"),
             0: Label(en="yen", ja="円")}
# units other than yen, as a row states them; a percent figure carries "%" itself
OTHER_UNITS = {"JPYPerShare": Label(en="JPY", ja="円"), "shares": Label(en="shares", ja="株"),
               "Gbps": Label(en="Gbps", ja="Gbps")}
PERCENT = -2  # the scale of a ratio shown in percent


def is_percent(fact: Fact, concept: Concept | None) -> bool:
    return concept is not None and concept.data_type == "percent"


def printed_scale(decimals: int | None) -> int | None:
    """The yen scale a printing with `decimals` implies: thousands (-3), millions (-6), billions (-7..-9, with
    9 + decimals fraction digits: 97.3 billion is decimals -8); None for exact figures."""
    if decimals is None:
        return None
    if decimals >= 0:
        return 0
    return min(9, 3 * -(decimals // 3))


def jpy_scale(fact: Fact, preferred: int) -> int:
    """The scale a yen figure is shown at: its printing's, or for an exact figure `preferred` (the table's)
    when it is a whole number there, else the largest scale at which it is one."""
    scale = printed_scale(fact.decimals)
    if scale is not None:
        return scale
    for candidate in (preferred, 6, 3, 0):
        if candidate <= preferred and fact.value % (Decimal(10) ** candidate) == 0:
            return candidate
    return 0


def scale_of(fact: Fact, concept: Concept | None, preferred: int) -> int:
    if fact.unit == tn.JPY:
        return jpy_scale(fact, preferred)
    if is_percent(fact, concept):
        return PERCENT
    return 0


def digits(value: Decimal, decimals: int | None, scale: int) -> str:
    """|value| / 10**scale with separators: as many fraction digits as `decimals` claims, never fewer than exact."""
    shown = abs(value).scaleb(-scale)
    exact = max(0, -shown.normalize().as_tuple().exponent)
    claimed = 0 if decimals is None else decimals + scale
    return format(shown.quantize(Decimal(1).scaleb(-max(exact, claimed))), ",f")


def negative_marks(fact: Fact) -> tuple[str, str]:
    """How the document marks a negative figure (prefix, suffix): "(1,866)", "△1,866", "▲1,866" or "-1,866";
    parentheses when the print shows no sign of its own (a figure shown negated)."""
    text = fact.provenance.text.lstrip()
    if text[:1] in "△▲":
        return text[0], ""
    if text[:1] in "-−":
        return "−", ""
    return "(", ")"
