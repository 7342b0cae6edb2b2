"""Consistency rules for the IIJ filings: `check(filings, taxonomy) -> list[Finding]` over a publication's filings.

Rule ids (severities) — each family's module documents its tolerance:
  iij:duplicate (error | warning | info)   one figure printed twice in a filing       duplicates.py
  iij:restated (info)                      a later filing prints an earlier figure differently
  iij:period-sum (error | info)            quarters/halves/nine months add up         aggregation.py
  iij:calculation (error | info)           taxonomy calculation networks              calculations.py
  iij:segment-sum (error | info)           segments - eliminations = consolidated
  iij:cash-rollforward (error | info)      opening cash + net change = closing cash
  iij:ratio (error | warning | info)       YoY/QoQ changes, margins, ratios, prose    ratios.py
  iij:target-revision (info)               initial -> revised target                  targets.py
Info findings within one printed unit are rounding/truncation artefacts of IIJ's tables, never errors.
Findings are returned de-duplicated (one finding per rule, concepts, period, values and sources, e.g. a total
that two calculation networks define alike) and sorted by `findings.sort_key`.
"""
from __future__ import annotations

from typing import Sequence

from iij_xbrl.publication import FilingFacts
from iij_xbrl.taxonomy.source import Taxonomy

from ..xbrl.findings import Finding, sort_key
from . import aggregation, calculations, duplicates, ratios, targets


def check(filings: Sequence[FilingFacts], taxonomy: Taxonomy) -> list[Finding]:
    found = [
        *duplicates.check(filings),
        *aggregation.check(filings, taxonomy),
        *calculations.networks(filings, taxonomy),
        *calculations.segments(filings),
        *calculations.cash_rollforward(filings),
        *ratios.check(filings),
        *targets.check(filings),
    ]
    unique: dict[tuple, Finding] = {}
    for f in found:
        key = (f.rule, f.severity, f.filing, tuple(f.concepts), f.period, tuple(sorted(f.values.items())),
               tuple((s.document, s.line) for s in f.sources))
        unique.setdefault(key, f)
    return sorted(unique.values(), key=sort_key)
