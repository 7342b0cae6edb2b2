"""Helpers every rule family shares: dimension keys, printed units, how findings cite facts.

Rules work on the publication's filings (`publication.FilingFacts`): they look figures up in the facts the
instance holds (the most precise printing of each figure) and cite the source lines of every fact they used.
"""
from __future__ import annotations

from decimal import Decimal

from iij_xbrl.emit import naming
from iij_xbrl.taxonomy import names
from iij_xbrl.model import Fact, Period
from iij_xbrl.publication import FilingFacts

from ..xbrl.findings import Finding, Severity, Source

SCENARIO, SEGMENT = names.SCENARIO_AXIS, names.SEGMENT_AXIS
Dims = tuple[tuple[str, str], ...]


def dims_of(fact: Fact) -> Dims:
    return tuple(sorted(fact.dimensions.items()))


def without(dims: Dims, axis: str) -> Dims:
    return tuple(d for d in dims if d[0] != axis)


def with_member(dims: Dims, axis: str, member: str | None) -> Dims:
    rest = without(dims, axis)
    return rest if member is None else tuple(sorted(rest + ((axis, member),)))


def unit_step(fact: Fact) -> Decimal:
    """One unit of the last printed place; 0 for exact (INF) figures."""
    return Decimal(0) if fact.decimals is None else Decimal(1).scaleb(-fact.decimals)


def where(fact: Fact) -> str:
    return f"{fact.provenance.document[:3]}:{fact.provenance.line} {fact.provenance.text!r}"


def fact_ref(filing: FilingFacts, fact: Fact) -> str:
    """How a finding about `filing` names a print: the instance fact id where the filing's instance holds that
    very print, else the print's own id (a duplicate kept out, or a print of another filing)."""
    return naming.fact_id(fact) if filing.holds(fact) else naming.print_id(fact)


def finding(rule: str, severity: Severity, filing: FilingFacts, message: str, facts: list[Fact],
            concepts: list[str] | None = None, period: Period | None = None,
            values: dict[str, str] | None = None, accused: Fact | None = None) -> Finding:
    """A finding about `filing` citing `facts` (sources in that order; ids with `accused`, else the first
    fact, first)."""
    sources, seen = [], set()
    for f in facts:
        at = (f.provenance.document, f.provenance.line)
        if at not in seen:
            seen.add(at)
            sources.append(Source(document=at[0], line=at[1]))
    concepts = concepts or list(dict.fromkeys(f.concept for f in facts))
    period = period if period is not None else facts[0].period
    first = facts[0] if accused is None else accused
    ids = list(dict.fromkeys(fact_ref(filing, f) for f in [first, *facts]))
    return Finding(rule=rule, severity=severity, message=message, filing=filing.id, concepts=concepts,
                   period=str(period), values=values or {}, sources=sources, facts=ids)
