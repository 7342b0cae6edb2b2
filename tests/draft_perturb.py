"""Documents the drafter has never seen, made from the seeds: lines shifted, years moved, figures changed,
table rows reordered, slide titles renamed.

`perturb` rewrites a document and says where every line went; `expected` moves a curated sheet's facts the
same way (line, period, value), so a draft of the new document can be measured against it. Figures are
multiplied by `factor` (every amount and count, not percentages or Gbps): totals still foot, shares stay the
same, every printed string changes. Years move by `years` (four-digit years, two-digit period tokens such as
1H12, FY12, 2Q11, and "12/4~12/9" month ranges). With `swap_rows`, neighbouring line items of every tab table
trade places (never a total, a caption, a header or the first item of a run, which may head a group); with `retitle`, numbered slide titles are numbered
another way ("II -6. Number of Employees" -> "2.6 NUMBER OF EMPLOYEES").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from iij_xbrl.model import Fact, Period
from iij_xbrl.sources import coverage

NOISE = ["Internet Initiative Japan Inc.", "", "Reviewed draft for the drafter's tests", "", "(This page intentionally left blank)", ""]

_YEAR4 = re.compile(r"(?<![\d,])(?<!\d\.)((?:19|20)\d\d)(?!\d|,\d)")
_YEAR2 = re.compile(r"(?<=[1-4]Q)(\d\d)\b|(?<=[12]H)(\d\d)\b|(?<=FY)(\d\d)\b|(?<=9M)(\d\d)\b")
_RANGE = re.compile(r"\b(\d\d)/(\d{1,2})\s*~\s*(\d\d)/(\d{1,2})\b")


@dataclass(frozen=True)
class Perturbed:
    lines: list[str]
    line_map: dict[int, int]  # old line -> new line
    years: int
    factor: int = 2


def _shift_years(text: str, years: int) -> str:
    text = _YEAR4.sub(lambda m: str(int(m.group(1)) + years), text)
    text = _RANGE.sub(lambda m: f"{int(m[1]) + years:02d}/{m[2]}~{int(m[3]) + years:02d}/{m[4]}", text)
    return _YEAR2.sub(lambda m: f"{int(m.group(0)) + years:02d}", text)


def _scaled(token: str, factor: int) -> str:
    """The printed figure `factor` times as large, in the same style (separators, decimals, sign, prefix)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", token)
    number = m.group()
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = Decimal(number.replace(",", "")) * factor
    text = f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"
    return token[: m.start()] + text + token[m.end():]


def _scale_figures(text: str, keep: set[str], factor: int) -> str:
    spans = [s for s in _spans(text) if "%" not in s[2] and "gbps" not in s[2].lower() and _core(s[2]) not in keep
             and not re.search(r"(?:points?|pt)\b", text[s[1]:s[1] + 8])]
    for start, end, token in reversed(spans):
        digits = re.sub(r"\D", "", token)
        if len(digits) >= 2:
            text = text[:start] + _scaled(token, factor) + text[end:]
    return text


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_TITLE = re.compile(r"^(?P<roman>I{1,3}|IV|V)\s*-\s*(?P<n>\d+)\s*\.\s*(?P<rest>\S.*)$")
_STRUCTURAL = re.compile(r"^\s*(?:total|sum|net|gross|operating|income|less|cash|balance)\b|:\s*$", re.I)


def _retitled(text: str) -> str:
    m = _TITLE.match(text.strip())
    if m is None:
        return text
    return f"{_ROMAN[m['roman']]}.{m['n']} {m['rest'].upper()}"


def _swaps(lines: list[str]) -> dict[int, int]:
    """Old line -> new line for neighbouring line items of tab tables trading places (1-based)."""
    def item(i: int) -> bool:
        cells = lines[i].split("\t")
        return (len(cells) > 2 and bool(re.search(r"[A-Za-z]{3}", cells[0])) and not _STRUCTURAL.search(cells[0])
                and not re.search(r"\d", cells[0]) and all(re.search(r"\d", c) for c in cells[1:3]))
    moved, i = {}, 1
    while i + 1 < len(lines):  # the first item of a run may head a group: it stays
        if item(i - 1) and item(i) and item(i + 1) and lines[i].count("\t") == lines[i + 1].count("\t"):
            moved[i + 1], moved[i + 2] = i + 2, i + 1
            i += 2
        else:
            i += 1
    return moved


def _core(text: str) -> str:
    return re.sub(r"[^\d.,]", "", text)


def _spans(line: str) -> list[tuple[int, int, str]]:
    masked = coverage.DATE.sub(lambda m: " " * len(m.group()), line)
    return [(m.start(), m.end(), m.group()) for m in coverage.TOKEN.finditer(masked)]


def perturb(lines: list[str], years: int, percents: dict[int, set[str]], middle_noise_at: int | None = None,
            factor: int = 2, swap_rows: bool = False, retitle: bool = False) -> Perturbed:
    """`percents`: per line, the figures that are percentages though printed without "%" (a "YoY % Change"
    column); they keep their value as every percentage does."""
    swaps = _swaps(lines) if swap_rows else {}
    order = sorted(range(1, len(lines) + 1), key=lambda n: swaps.get(n, n))
    out = list(NOISE)
    line_map: dict[int, int] = {}
    for number in order:
        if number == middle_noise_at:
            out.extend(["", "Continued on the next page", ""])
        text = _retitled(lines[number - 1]) if retitle else lines[number - 1]
        out.append(_scale_figures(_shift_years(text, years), percents.get(number, set()), factor))
        line_map[number] = len(out)
    return Perturbed(out, line_map, years, factor)


def _move(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def percentages(facts: list[Fact], percent_concepts: set[str]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in facts:
        if f.concept in percent_concepts:
            found.setdefault(f.provenance.line, set()).add(_core(f.provenance.text))
    return found


def expected(facts: list[Fact], perturbed: Perturbed, percent_concepts: set[str]) -> list[Fact]:
    """The curated facts as they read in the perturbed document."""
    out = []
    for f in facts:
        period = Period(start=None if f.period.start is None else _move(f.period.start, perturbed.years),
                        end=_move(f.period.end, perturbed.years))
        value = f.value
        scaled = f.concept not in percent_concepts and "%" not in f.provenance.text and f.unit != "Gbps"
        if value is not None and scaled and len(re.sub(r"\D", "", f.provenance.text)) >= 2:
            value = value * perturbed.factor
        provenance = f.provenance.model_copy(update={"line": perturbed.line_map[f.provenance.line]})
        out.append(f.model_copy(update={"period": period, "value": value, "provenance": provenance}))
    return out
