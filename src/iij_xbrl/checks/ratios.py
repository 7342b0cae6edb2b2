"""iij:ratio — printed changes, margins and ratios against the figures they describe.

Formulas by concept name (the taxonomy's conventions), for the fact's period P and dimensions:
  <B>PercentageChangeFromPriorYear  B(P) / B(P one year earlier) - 1    <B>PercentageChangeFromPriorQuarter  ... one
                                    quarter earlier
  <B>ChangeFromPriorYear (amounts, counts; percentage points of a ratio)  B(P) - B(P one year earlier); PriorQuarter
                                    likewise
  <B>PeriodIncreaseDecrease over a duration P of an instant B   B(end of P) - B(day before P)
  <X>ToRevenuesRatio  X / Revenues          <X>ToTargetRatio  X / X(target; the revised one when both exist)
  GrossMarginRatio<L>  GrossProfit<L> / <L>Revenue (Revenues for the total)
  ShareholdersEquityRatio  ShareholdersEquityAttributableToParent / Assets
X may also be named without its "Loss" (OperatingIncome -> OperatingIncomeLoss). The earlier figure of a
change is an actual one even for a target (FY12 target vs FY11 actual). An operand that is not printed but
has a formula of its own (a margin) is computed from its parts. A change ratio over a base that is not
positive is not checked (IIJ prints none there, and its sign convention would be a guess).
Prose claims ("increased 10.9%", "down 44.5% QoQ", negate: true for "down") are facts of these concepts and
are checked the same way. Printings of one ratio with one value are judged once, citing every line.
Severity (tolerance.judge_ratio): rounding -> info, marginal -> warning, error -> error.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal
from typing import Iterator, NamedTuple

from iij_xbrl.publication import FilingFacts
from iij_xbrl.sources.calendar import months, shift
from iij_xbrl.model import Fact, Period
from iij_xbrl.taxonomy import names

from ..xbrl.findings import Finding
from .facts import SCENARIO, Dims, dims_of, finding, with_member, without
from ..xbrl import intervals as iv
from .tolerance import SEVERITY, Interval, interval, judge_ratio


class Operand(NamedTuple):
    strict: Interval
    lenient: Interval
    facts: list[Fact]


class _Values:
    def __init__(self, ff: FilingFacts):
        self.by: dict[tuple, Fact] = {}
        for f in ff.facts:
            if f.value is not None:
                self.by.setdefault((f.concept, f.period, dims_of(f)), f)

    def get(self, concept: str, period: Period, dims: Dims, depth: int = 0) -> Operand | None:
        fact = self.by.get((concept, period, dims))
        if fact is not None:
            return Operand(interval(fact, False), interval(fact, True), [fact])
        formula = formula_of(concept) if depth < 2 else None
        return formula(self, period, dims, depth + 1) if formula else None

    def first(self, names: list[str], period: Period, dims: Dims, depth: int = 0) -> Operand | None:
        for name in names:
            found = self.get(name, period, dims, depth)
            if found is not None:
                return found
        return None


def _combine(a: Operand | None, b: Operand | None, op: str) -> Operand | None:
    if a is None or b is None:
        return None
    if op == "-":
        return Operand(iv.difference(a.strict, b.strict), iv.difference(a.lenient, b.lenient), a.facts + b.facts)
    if b.lenient[0] <= 0:
        return None  # not a positive base (see module doc); the strict interval lies inside the lenient one
    strict, lenient = iv.quotient(a.strict, b.strict), iv.quotient(a.lenient, b.lenient)
    if op == "/-1":
        one = iv.point(Decimal(1))
        strict, lenient = iv.difference(strict, one), iv.difference(lenient, one)
    return Operand(strict, lenient, a.facts + b.facts)


def _names(x: str) -> list[str]:
    return [x, x + "Loss"]


def _prior(period: Period, months_back: int) -> Period | None:
    if months_back == 3 and period.start is not None and months(period) != 3:
        return None  # quarter-on-quarter only for quarters and balances
    return shift(period, -months_back)


def _change(base: str, back: int, op: str):
    def run(v: _Values, p: Period, dims: Dims, depth: int = 0) -> Operand | None:
        prior = _prior(p, back)
        if prior is None:
            return None
        return _combine(v.get(base, p, dims, depth), v.get(base, prior, without(dims, SCENARIO), depth), op)
    return run


def _increase(base: str):
    def run(v: _Values, p: Period, dims: Dims, depth: int = 0) -> Operand | None:
        if p.start is None:
            return None
        return _combine(v.get(base, Period(end=p.end), dims, depth),
                        v.get(base, Period(end=p.start - timedelta(days=1)), dims, depth), "-")
    return run


def _share(numerator: list[str], denominator: list[str]):
    def run(v: _Values, p: Period, dims: Dims, depth: int = 0) -> Operand | None:
        return _combine(v.first(numerator, p, dims, depth), v.first(denominator, p, dims, depth), "/")
    return run


def _to_target(x: str):
    def run(v: _Values, p: Period, dims: Dims, depth: int = 0) -> Operand | None:
        target = (v.first(_names(x), p, with_member(dims, SCENARIO, names.REVISED_TARGET), depth)
                  or v.first(_names(x), p, with_member(dims, SCENARIO, names.INITIAL_TARGET), depth))
        return _combine(v.first(_names(x), p, dims, depth), target, "/")
    return run


_SUFFIXES = (
    # "Percentage…" before the plain change it ends with
    ("PercentageChangeFromPriorYear", lambda b: _change(b, 12, "/-1")),
    ("PercentageChangeFromPriorQuarter", lambda b: _change(b, 3, "/-1")),
    ("ChangeFromPriorYear", lambda b: _change(b, 12, "-")), ("ChangeFromPriorQuarter", lambda b: _change(b, 3, "-")),
    ("PeriodIncreaseDecrease", _increase),
    ("ToRevenuesRatio", lambda x: _share(_names(x), ["Revenues"])), ("ToTargetRatio", _to_target),
)


def formula_of(concept: str):
    for suffix, make in _SUFFIXES:
        if concept.endswith(suffix) and len(concept) > len(suffix):
            return make(concept[: -len(suffix)])
    if concept == "ShareholdersEquityRatio":
        return _share(["ShareholdersEquityAttributableToParent"], ["Assets"])
    if concept.startswith("GrossMarginRatio"):
        line = concept[len("GrossMarginRatio"):]
        return _share(["GrossProfit" + line], [line + "Revenue" if line else "Revenues"])
    return None


def check(filings: list[FilingFacts]) -> Iterator[Finding]:
    for ff in filings:
        values = _Values(ff)
        groups: dict[tuple, list[Fact]] = defaultdict(list)
        for f in ff.prints:
            if f.value is not None and formula_of(f.concept) is not None:
                groups[(f.key, f.value)].append(f)
        for printed in groups.values():
            fact = printed[0]
            computed = formula_of(fact.concept)(values, fact.period, dims_of(fact))
            if computed is None or any(c is p for c in computed.facts for p in printed):
                continue
            verdict = judge_ratio(fact, computed.strict, computed.lenient)
            if verdict is None or verdict.status == "ok":
                continue
            lines = ", ".join(f"{f.provenance.document[:3]}:{f.provenance.line}" for f in printed)
            operands = ", ".join(f"{f.concept} {f.period} {f.provenance.text!r}" for f in computed.facts)
            yield finding("iij:ratio", SEVERITY[verdict.status], ff,
                          f"{fact.concept} printed {fact.provenance.text!r} ({verdict.reported}) at {lines}; "
                          f"from {operands} it is {verdict.computed}", printed + computed.facts,
                          concepts=[fact.concept] + list(dict.fromkeys(f.concept for f in computed.facts)),
                          period=fact.period, values={"reported": verdict.reported, "computed": verdict.computed})
