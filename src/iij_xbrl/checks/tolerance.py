"""How far a printed figure may be from the figure it describes, and the verdicts built on that.

Two readings of a printed figure v with last printed place u:
- *rounded*: the true figure lies in [v - u/2, v + u/2] (XBRL's round-to-nearest);
- *IIJ*: the true figure lies within one unit, (v - u, v + u). IIJ's tables in millions truncate some lines and
  adjust others by one unit so that the printed rows add up (see sources.dedupe), so a one-unit difference is
  a presentation artefact, never an error.

Sums are judged by the Calculations 1.1 engine itself (`calc11.Checker`, one binding built from the facts):
consistent as XBRL rounds -> no finding; consistent once one figure is moved by one unit of the coarsest
printed place (one line truncated or adjusted, the IIJ reading applied to one figure, not to every term, so
that long sums do not hide real differences) -> "rounding" (info); otherwise -> "error".

Ratios (a division, which calc11 does not do) use the same two readings in exact interval arithmetic:
the printed ratio's interval meets the computed one -> ok; meets it only with the IIJ reading -> "rounding";
misses even that by less than one unit of the ratio's printed place -> "marginal" (warning); else "error".
"""
from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Literal, NamedTuple

from iij_xbrl.model import Fact

from ..xbrl.calc11 import Checker
from ..xbrl.dts import SUMMATION_ITEM_11, ConceptInfo, Dts, Relationship
from ..xbrl.instance import FactTable, Report
from .facts import num, unit_step

Status = Literal["ok", "rounding", "marginal", "error"]
SEVERITY = {"rounding": "info", "marginal": "warning", "error": "error"}  # of a verdict that is not ok
ROUNDING_NOTE = " (within one printed unit: rounding)"


class Verdict(NamedTuple):
    status: Status
    reported: str
    computed: str


def _binding(total: Fact, items: list[tuple[int, Fact]], shift: Decimal = Decimal(0)) -> Report:
    """A one-binding report: total and items in one context and unit, read the way an instance is read."""
    names = ["{sum}total"] + [f"{{sum}}item{i}" for i in range(len(items))]
    concepts = {n: ConceptInfo(n, "decimal", False) for n in names}
    rels = [Relationship(names[0], n, Decimal(w), "", None) for n, (w, _) in zip(names[1:], items)]
    table = FactTable()
    context, unit = (table.context("c", ""), "c"), (table.unit("u"), "u")
    for name, fact, value in zip(names, [total] + [f for _, f in items],
                                 [total.value + shift] + [f.value for _, f in items]):
        decimals = "INF" if fact.decimals is None else str(fact.decimals)
        table.add(concepts[name], context, unit, format(value, "f"), decimals, None, None)
    dts = Dts(concepts, {(SUMMATION_ITEM_11, "sum", "calculationLink", "calculationArc"): rels})
    return table.report("", dts, {})


def _inconsistent(report: Report) -> list:
    return [f for f in Checker(report).run() if f.rule.startswith("calc11e:inconsistent")]


def judge_sum(total: Fact, items: list[tuple[int, Fact]]) -> Verdict:
    """total = sum(weight * item), as XBRL rounds, else with one figure moved by one unit. Facts must not be nil."""
    strict = _inconsistent(_binding(total, items))
    exact = sum(w * f.value for w, f in items)
    if not strict:
        return Verdict("ok", num(total.value), num(exact))
    unit = max(unit_step(f) for f in [total] + [f for _, f in items])
    rounding = unit and any(not _inconsistent(_binding(total, items, d)) for d in (unit, -unit))
    values = strict[0].values
    return Verdict("rounding" if rounding else "error", values["reported"], values["computed"])


class Interval(NamedTuple):
    lo: Decimal
    hi: Decimal

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __truediv__(self, other: "Interval") -> "Interval | None":
        if other.lo <= 0 <= other.hi:
            return None  # the divisor may be zero: no bound
        with localcontext() as ctx:
            ctx.prec = 40
            q = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(q), max(q))

    def meets(self, other: "Interval") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, other: "Interval") -> Decimal:
        return max(Decimal(0), self.lo - other.hi, other.lo - self.hi)

    def __str__(self) -> str:
        return f"[{_short(self.lo)}, {_short(self.hi)}]"


def _short(d: Decimal) -> str:
    with localcontext() as ctx:
        ctx.prec = 6
        return num(+d)


def interval(fact: Fact, iij: bool) -> Interval:
    """The figures a printed fact stands for: rounded (half a unit) or IIJ (one unit either side)."""
    half = unit_step(fact) / (1 if iij else 2)
    return Interval(fact.value - half, fact.value + half)


def judge_ratio(printed: Fact, strict: Interval | None, lenient: Interval | None) -> Verdict | None:
    """A printed ratio (or change) against the interval computed from the figures it describes."""
    if strict is None or lenient is None:
        return None
    own, own_iij = interval(printed, False), interval(printed, True)
    if own.meets(strict):
        return Verdict("ok", num(printed.value), str(strict))
    if own_iij.meets(lenient):
        return Verdict("rounding", num(printed.value), str(strict))
    marginal = own_iij.gap(lenient) < unit_step(printed)
    return Verdict("marginal" if marginal else "error", num(printed.value), str(strict))
