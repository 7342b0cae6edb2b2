"""Printed units and scales -> the fact sheet's unit names (`figures.SCALES`).

Tables state their scale on a unit line ("Unit: JPY billion", "(JPY in millions)", "Unit: million") or in a
column's unit cell ("JPY millions", "Thousands of JPY", "%", "Thousands of U.S. Dollars"); prose states it
beside the figure ("JPY51,109 million", "JPY2.6 billion", "JPY 98.68").
"""
from __future__ import annotations

import re

USD = "usd"  # a U.S.-dollar convenience translation: never a fact

_UNIT_LINE = re.compile(r"^\(?\s*unit\s*:\s*(?P<rest>.+?)\)?\s*$|^\(\s*(?P<paren>JPY in \w+)\s*\)$", re.I)
_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"u\.?\s?s\.?\s+dollars?|us\$", re.I), USD),
    (re.compile(r"\bbillions?\b|\bbn\b", re.I), "JPY billion"),
    (re.compile(r"\bmillions?\b", re.I), "JPY million"),
    (re.compile(r"\bthousands?\b", re.I), "JPY thousand"),
]


def of_words(text: str) -> str | None:
    """The scale a unit phrase names ("JPY millions", "Thousands of U.S. Dollars"), or None."""
    for pattern, unit in _WORDS:
        if pattern.search(text):
            return unit
    return None


def unit_line(line: str) -> str | None:
    """Scale of a table's unit line ("Unit: JPY million", "(JPY in millions)"), None if the line is not one."""
    m = _UNIT_LINE.match(line.strip())
    if m is None:
        return None
    return of_words(m["rest"] or m["paren"]) or ("JPY" if re.search(r"\bJPY\b|\byen\b", m["rest"] or "", re.I) else None)


_CELL_UNIT = re.compile(r"^(?:JPY|yen|%|thousands? of (?:JPY|yen|u\.?s\.? dollars?)|(?:JPY|yen) (?:in )?(?:millions?|billions?|thousands?)"
                        r"|millions? of (?:JPY|yen)|shares|ADSs)$", re.I)


def is_unit_cell(cell: str) -> bool:
    return bool(_CELL_UNIT.match(cell.strip()))


def of_cell(cell: str) -> str | None:
    """Unit of a table column from its unit cell: a scale, "percent", "JPY" (per share) or USD."""
    cell = cell.strip()
    if cell == "%":
        return "percent"
    scale = of_words(cell)
    if scale is not None:
        return scale
    if re.fullmatch(r"JPY|yen", cell, re.I):
        return "JPY"
    return None


# "JPY51,109 million", "JPY 2.6 billion", "85.2 billion yen", "JPY 98.68": the scale word right after the number.
_AFTER = re.compile(r"^\s*(?P<word>billion|million|thousand)s?\b", re.I)


def after_figure(rest: str) -> str | None:
    """Scale word that follows a figure in prose ("million", "billion"), as a sheet unit."""
    m = _AFTER.match(rest)
    return None if m is None else f"JPY {m['word'].lower()}"
