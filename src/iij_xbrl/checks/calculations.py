"""Sums across concepts and segments, judged with IIJ's tolerance (see tolerance.py).

- iij:calculation — the taxonomy's calculation networks (statement totals, income statement, cash-flow
  subtotals, breakdowns) on each filing's de-duplicated facts. A binding is a total fact and the item facts of
  the same period, dimensions and unit. Unlike Calculations 1.1, every item must be printed: the presentations
  print summaries with some lines left out, and a missing line is not a zero there.
- iij:segment-sum — consolidated = Network services and SI business + ATM operation business + eliminations
  (an elimination is negative: the amount taken out of the segments' sum; one not printed counts as none).
- iij:cash-rollforward — cash at the day before a period starts + net increase (decrease) in cash = cash at
  its end; where the net change is not printed, operating + investing + financing (+ FX effect when printed).
Severities: error beyond IIJ's one-unit tolerance, info within it (a rounding artefact).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Iterator

from iij_xbrl.publication import FilingFacts
from iij_xbrl.model import Fact, Period
from iij_xbrl.taxonomy import names
from iij_xbrl.taxonomy.source import Taxonomy

from ..xbrl.findings import Finding
from .facts import SEGMENT, dims_of, finding
from .tolerance import ROUNDING_NOTE, SEVERITY, judge_sum

CASH = "CashAndCashEquivalents"
NET_CHANGE = "NetIncreaseDecreaseInCash"
ACTIVITIES = ("NetCashProvidedByUsedInOperatingActivities", "NetCashProvidedByUsedInInvestingActivities",
              "NetCashProvidedByUsedInFinancingActivities")
FX = "EffectOfExchangeRateChangesOnCash"
SEGMENTS = tuple(tuple(sorted(dims.items())) for dims in names.SEGMENTS.values())  # the segments and the elimination


def _report(rule: str, ff: FilingFacts, total: Fact, items: list[tuple[int, Fact]], what: str) -> Finding | None:
    verdict = judge_sum(total, items)
    if verdict.status == "ok":
        return None
    terms = " ".join(f"{'+' if w > 0 else '-'} {f.concept}{_member(f)}" for w, f in items).lstrip("+ ")
    return finding(rule, SEVERITY[verdict.status], ff,
                   f"{what}: {total.concept}{_member(total)} printed {total.provenance.text!r}, {terms} = "
                   f"{verdict.computed}" + (ROUNDING_NOTE if verdict.status == "rounding" else ""),
                   [total] + [f for _, f in items],
                   period=total.period, values={"reported": verdict.reported, "computed": verdict.computed})


def _member(f: Fact) -> str:
    member = f.dimensions.get(SEGMENT) or f.dimensions.get(names.CONSOLIDATION_ITEMS_AXIS)
    return f" [{member}]" if member else ""


def networks(filings: list[FilingFacts], taxonomy: Taxonomy) -> Iterator[Finding]:
    for ff in filings:
        by_concept: dict[str, list[Fact]] = defaultdict(list)
        for f in ff.facts:
            if f.value is not None:
                by_concept[f.concept].append(f)
        for role, arcs in taxonomy.calculations.items():
            totals: dict[str, list] = defaultdict(list)
            for arc in arcs:
                totals[arc.total].append(arc)
            for total_name, items in totals.items():
                for total in by_concept.get(total_name, []):
                    found = [(arc.weight, ff.get(arc.item, total.period, dims_of(total), total.unit)) for arc in items]
                    if all(f is not None and f.value is not None for _, f in found):
                        result = _report("iij:calculation", ff, total, found, f"calculation {role}")
                        if result:
                            yield result


def segments(filings: list[FilingFacts]) -> Iterator[Finding]:
    for ff in filings:
        for total in ff.facts:
            dims = dims_of(total)
            if total.value is None or {SEGMENT, names.CONSOLIDATION_ITEMS_AXIS} & set(total.dimensions):
                continue
            parts = [(1, ff.get(total.concept, total.period, tuple(sorted(dims + part)), total.unit))
                     for part in SEGMENTS]
            if any(f is None or f.value is None for _, f in parts[:2]):
                continue
            items = [(w, f) for w, f in parts if f is not None and f.value is not None]
            result = _report("iij:segment-sum", ff, total, items, "segments")
            if result:
                yield result


def cash_rollforward(filings: list[FilingFacts]) -> Iterator[Finding]:
    for ff in filings:
        periods = {f.period for f in ff.facts if f.concept in (NET_CHANGE,) + ACTIVITIES and not f.dimensions}
        for period in sorted(periods, key=lambda p: (p.start, p.end)):
            opening = ff.get(CASH, Period(end=period.start - timedelta(days=1)), (), names.JPY)
            closing = ff.get(CASH, Period(end=period.end), (), names.JPY)
            if opening is None or closing is None or None in (opening.value, closing.value):
                continue
            net = ff.get(NET_CHANGE, period, (), names.JPY)
            flows = [net] if net is not None else [ff.get(c, period, (), names.JPY) for c in ACTIVITIES]
            if any(f is None or f.value is None for f in flows):
                continue
            fx = ff.get(FX, period, (), names.JPY)
            if net is None and fx is not None and fx.value is not None:
                flows.append(fx)
            result = _report("iij:cash-rollforward", ff, closing, [(1, opening)] + [(1, f) for f in flows],
                             f"cash {period}")
            if result:
                yield result
