"""Consistency rules for the IIJ filings: `check(filings, taxonomy, documents) -> list[Finding]`.

Rule ids (severities) — each family's module documents its tolerance:
  iij:duplicate (error | warning | info)   one figure printed twice in a filing; a coarser printing that is no
                                           rounding of the finer one (a plug, another line's figure)  duplicates.py
  iij:restated (info)                      a later filing prints an earlier figure differently
  iij:basis (warning)                      a per-share print on an old or mixed stock-split basis
  iij:period-sum (error | info)            quarters/halves/nine months add up         aggregation.py
  iij:calculation (error | info)           taxonomy calculation networks              calculations.py
  iij:segment-sum (error | info)           segments - eliminations = consolidated
  iij:cash-rollforward (error | info)      opening cash + net change = closing cash
  iij:ratio (error | warning | info)       changes, margins, ratios and direction words against the figures they
                                           describe, printed or implied (`implied`)   ratios.py
  iij:implied (error)                      an amount printed in prose the other figures imply otherwise
  iij:caption (error | warning | info)     a caption's words against the sign of its figure    captions.py
  iij:curation (error | warning | info)    a fact sheet's departure from the literal line, with its reason
                                                                                      curations.py
  iij:target-revision (info)               initial -> revised target                  targets.py
Info findings within one printed unit are rounding/truncation artefacts of IIJ's tables, never errors.
Findings are returned de-duplicated (one finding per rule, concepts, period, values and sources, e.g. a total
that two calculation networks define alike), each with its text in words (`emit.wording`), sorted by
`findings.sort_key`.
"""
from __future__ import annotations

from typing import Sequence

from iij_xbrl.publication import FilingFacts
from iij_xbrl.taxonomy.source import Taxonomy

from dataclasses import replace

from ..emit.wording import Wording
from ..xbrl.findings import Finding, sort_key
from . import aggregation, calculations, captions, curations, duplicates, ratios, targets
from .implied import Implied


def check(filings: Sequence[FilingFacts], taxonomy: Taxonomy, documents: dict[str, bytes] | None = None
          ) -> list[Finding]:
    """Every rule over the filings; `documents` (file -> bytes) give the captions the caption rule reads."""
    lines = {name: text.decode("utf-8").split("\n") for name, text in (documents or {}).items()}
    values = {ff.id: Implied(ff, taxonomy) for ff in filings}
    found = [
        *duplicates.check(filings, taxonomy),
        *aggregation.check(filings, taxonomy),
        *calculations.networks(filings, taxonomy),
        *calculations.segments(filings),
        *calculations.cash_rollforward(filings),
        *ratios.check(filings, lines, values),  # first: it marks the contradicted claims the others leave out
        *captions.check(filings, taxonomy, lines, values),
        *curations.check(filings, taxonomy, lines, values),
        *targets.check(filings),
    ]
    unique: dict[tuple, Finding] = {}
    for f in found:
        key = (f.rule, f.severity, f.filing, tuple(f.concepts), f.period, tuple(sorted(f.values.items())),
               tuple((s.document, s.line) for s in f.sources))
        unique.setdefault(key, f)
    wording = Wording(taxonomy, filings)
    return sorted((replace(f, text=wording.finding(f)) for f in unique.values()), key=sort_key)
