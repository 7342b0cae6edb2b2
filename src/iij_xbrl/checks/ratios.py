"""iij:ratio — printed changes, margins and ratios against the figures they describe.

Formulas by concept name (the taxonomy's conventions, `implied.formula_of`), for the fact's period P and dimensions:
  <B>PercentageChangeFromPriorYear  B(P) / B(P one year earlier) - 1    <B>PercentageChangeFromPriorQuarter  ... one
                                    quarter earlier
  <B>ChangeFromPriorYear (amounts, counts; percentage points of a ratio)  B(P) - B(P one year earlier); PriorQuarter
                                    likewise
  <B>PeriodIncreaseDecrease over a duration P of an instant B   B(end of P) - B(day before P)
  <X>ToRevenuesRatio  X / Revenues          <X>ToTargetRatio  X / X(target; the revised one when both exist)
  GrossMarginRatio<L>  GrossProfit<L> / <L>Revenue (Revenues for the total)
  ShareholdersEquityRatio  ShareholdersEquityAttributableToParent / Assets
X may also be named without its "Loss" (OperatingIncome -> OperatingIncomeLoss). The earlier figure of a
change is an actual one even for a target (FY12 target vs FY11 actual). Operands the filing does not print are
implied from what it does print (`implied`: a quarter as the half year less the other quarter, an amount from
its margin, a prior period from another printed change, an item from its total and the other items), carrying
their rounding intervals; the claim judged is left out of its own operands. A change ratio over a base that is
not positive is not checked (IIJ prints none there, and its sign convention would be a guess).
Prose claims ("increased 10.9%", "down 44.5% QoQ": `direction: down` signs the value) are facts of these concepts
and are checked the same way: a direction word the figures contradict is an error. Printings of one ratio with
one value are judged once, citing every line.
Severity (tolerance.judge_ratio): rounding -> info, marginal -> warning, error -> error.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterator

from iij_xbrl.publication import FilingFacts
from iij_xbrl.model import Fact

from ..xbrl import intervals as iv
from ..xbrl.decimals import canonical as num
from ..xbrl.findings import Finding
from .facts import dims_of, finding
from .implied import MAX_DEPTH, Implied, Known, formula_of
from .tolerance import SEVERITY, Verdict, amount_text, interval, judge_ratio


def check(filings: list[FilingFacts], lines: dict[str, list[str]], values: dict[str, Implied]) -> Iterator[Finding]:
    for ff in filings:
        implied = values[ff.id]
        groups: dict[tuple, list[Fact]] = defaultdict(list)
        for f in ff.prints:
            if f.value is not None and formula_of(f.concept) is not None:
                groups[(f.key, f.value)].append(f)
        judged = [(printed, _judge(implied, printed, frozenset())) for printed in groups.values()]
        # A claim whose direction the figures contradict ("down 8.2%" where they rose), and an amount printed in
        # prose that the other figures imply differently, are reported; other claims are judged without them (a
        # claim that fails only with them among its operands is not reported: the contradiction is theirs).
        wrong_way = frozenset(id(f) for printed, (verdict, computed) in judged
                              if _wrong_way(printed[0], verdict, computed) for f in printed)
        printings = Counter(f.key for f in ff.prints)
        amounts = [(f, k) for f in ff.prints if _prose(f, lines) and formula_of(f.concept) is None
                   and printings[f.key] == 1  # a figure printed twice is iij:duplicate's
                   for k in [implied.get(f.concept, f.period, dims_of(f), wrong_way | {id(f)})]
                   if k is not None and not iv.meets(interval(f, True), k.lenient)]
        implied.suspect = wrong_way | {id(f) for f, _ in amounts}
        for printed, (verdict, computed) in judged:
            own = {id(f) for f in printed}
            if verdict is not None and verdict.status == "error" and not implied.suspect & own:
                verdict, computed = _judge(implied, printed, implied.suspect)
            if verdict is None or verdict.status == "ok":
                continue
            fact = printed[0]
            lines_at = ", ".join(f"{f.provenance.document[:3]}:{f.provenance.line}" for f in printed)
            operands = ", ".join(f"{f.concept} {f.period} {f.provenance.text!r}" for f in computed.facts)
            yield finding("iij:ratio", SEVERITY[verdict.status], ff,
                          f"{fact.concept} printed {fact.provenance.text!r} ({verdict.reported}) at {lines_at}; "
                          f"from {operands} it is {verdict.computed}", printed + list(computed.facts),
                          period=fact.period, values={"reported": verdict.reported, "computed": verdict.computed})
        for fact, known in amounts:
            computed = amount_text(known.lenient)  # one-sided where an item is known from one side
            yield finding("iij:implied", "error", ff,
                          f"{fact.concept} printed {fact.provenance.text!r} ({num(fact.value)}) at "
                          f"{fact.provenance.document[:3]}:{fact.provenance.line}; the other figures imply "
                          f"{computed}: " + ", ".join(f"{f.concept} {f.period} {f.provenance.text!r}" for f in known.facts),
                          [fact, *known.facts],
                          period=fact.period, values={"reported": num(fact.value), "computed": computed})


def _prose(fact: Fact, lines: dict[str, list[str]]) -> bool:
    """A figure printed in a sentence or bullet, not in a table row."""
    doc = lines.get(fact.provenance.document)
    return fact.value is not None and doc is not None and not ("\t" in (line := doc[fact.provenance.line - 1])
                                                                 or "|" in line)


def _judge(values: Implied, printed: list[Fact], out: frozenset) -> tuple[Verdict | None, Known | None]:
    """The claim against its operands: first from the printed operands and one derivation (the cheap, common
    case), then implied in depth unless the first lies wholly within the printed claim's rounding (deeper
    derivations only narrow it)."""
    fact = printed[0]
    formula, out = formula_of(fact.concept), out | {id(f) for f in printed}
    own = interval(fact, False)
    for depth in (MAX_DEPTH - 1, 0):
        computed = formula(values, fact.period, dims_of(fact), out, depth)
        verdict = None if computed is None else judge_ratio(fact, computed.strict, computed.lenient)
        if verdict is not None and verdict.status == "ok" and own[0] <= computed.strict[0] <= computed.strict[1] <= own[1]:
            break
    return (None, None) if computed is None else (verdict, computed)


def _wrong_way(fact: Fact, verdict: Verdict | None, computed: Known | None) -> bool:
    """An error whose printed sign is opposite to every figure the operands allow."""
    if verdict is None or verdict.status != "error" or not fact.value:
        return False
    return computed.strict[0] > 0 if fact.value < 0 else computed.strict[1] < 0
