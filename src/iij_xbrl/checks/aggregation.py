"""iij:period-sum — flows add up over time: 1Q+2Q = 1H, 1H+2H = FY, 1H+3Q = 9M, 9M+4Q = FY, quarters = FY/9M.

Applies to monetary duration concepts only (amounts of a period; per-share amounts, ratios and counts do
not add), per concept, dimensions and unit. A total is checked against every split into two contiguous
periods printed in the same filing, and against all its quarters when it has three or more.
Within each filing only: a filing is what IIJ printed on one date, and a figure printed differently by a
later filing is reported once, as iij:restated, instead of breaking every sum it enters.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Iterator

from iij_xbrl.publication import FilingFacts
from iij_xbrl.sources.calendar import months, shift
from iij_xbrl.model import Fact, Period
from iij_xbrl.taxonomy.source import Taxonomy

from ..xbrl.findings import Finding
from .facts import dims_of, finding
from .tolerance import ROUNDING_NOTE, SEVERITY, judge_sum


def _splits(total: Period, periods: dict[Period, Fact]) -> Iterator[list[Fact]]:
    for first, fact in periods.items():
        if first.start == total.start and first.end < total.end:
            rest = Period(start=first.end + timedelta(days=1), end=total.end)
            if rest in periods:
                yield [fact, periods[rest]]
    n = months(total) // 3
    if n >= 3 and months(total) % 3 == 0:
        first = Period(start=total.start, end=shift(Period(end=total.start), 2).end)
        quarters = [shift(first, 3 * i) for i in range(n)]
        if all(q in periods for q in quarters):
            yield [periods[q] for q in quarters]


def check(filings: list[FilingFacts], taxonomy: Taxonomy) -> Iterator[Finding]:
    for ff in filings:
        series: dict[tuple, dict[Period, Fact]] = defaultdict(dict)
        for f in ff.facts:
            concept = taxonomy.concepts.get(f.concept)
            if (f.value is not None and concept is not None and concept.data_type == "monetary"
                    and concept.period_type == "duration"):
                series[(f.concept, dims_of(f), f.unit)][f.period] = f
        for (concept, _, _), periods in series.items():
            for total in periods.values():
                for parts in _splits(total.period, periods):
                    verdict = judge_sum(total, [(1, p) for p in parts])
                    if verdict.status == "ok":
                        continue
                    names = " + ".join(f"{p.period}" for p in parts)
                    yield finding("iij:period-sum", SEVERITY[verdict.status], ff,
                                  f"{concept} {total.period} printed {total.provenance.text!r} but its parts "
                                  f"{names} add up to {verdict.computed}"
                                  + (ROUNDING_NOTE if verdict.status == "rounding" else ""),
                                  [total] + parts, concepts=[concept], period=total.period,
                                  values={"reported": verdict.reported, "computed": verdict.computed})
