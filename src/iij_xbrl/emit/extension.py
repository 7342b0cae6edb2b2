"""A filing's extension schema: the IIJ line items plus only the calculations the filing reports in full.

The summary documents print a total with some of its items (total assets beside a handful of balance-sheet
lines). Calculations 1.1 treats the items left out as absent, so the taxonomy's complete networks would flag
every such total. A published filing's instances therefore cite `<id>.xsd`, which imports the published line
items and links `<id>_cal.xml`: for each network and total, the taxonomy's arcs of that total when every
binding of it in the filing (same period, dimensions and unit; the total and at least one item reported)
holds all of its items, and none of them otherwise.
"""
from __future__ import annotations

from ..model import Fact, Filing
from ..publication import Publication
from ..taxonomy import linkbases
from ..taxonomy import names as tn
from ..taxonomy.schema import calculation_schema
from ..taxonomy.source import CalcArc, Taxonomy
from . import naming as n

NAMESPACE_BASE = tn.BASE_URL + "filing/"
PREFIX = "iij-filing"


def calculation_name(filing_id: str) -> str:
    return f"{filing_id}_cal.xml"


def _reported(facts: list[Fact]) -> list[set[str]]:
    """Concepts with a value per (period, dimensions, unit): the facts a calculation binding can take.
    Nil facts take part in no binding."""
    by_key: dict[tuple, set[str]] = {}
    for fact in facts:
        if fact.value is not None:
            key = (fact.period, n.sorted_dimensions(fact.dimensions), fact.unit)
            by_key.setdefault(key, set()).add(fact.concept)
    return list(by_key.values())


def complete_networks(tax: Taxonomy, facts: list[Fact]) -> dict[str, tuple[CalcArc, ...]]:
    """Role id -> the arcs (in taxonomy order) of the totals that `facts` report in full wherever they bind."""
    reported = _reported(facts)
    networks = {}
    for role_id, arcs in tax.calculations.items():
        items: dict[str, set[str]] = {}
        for arc in arcs:
            items.setdefault(arc.total, set()).add(arc.item)
        complete = {total for total, parts in items.items()
                    if all(parts <= concepts for concepts in reported if total in concepts and parts & concepts)}
        kept = tuple(arc for arc in arcs if arc.total in complete)
        if kept:
            networks[role_id] = kept
    return networks


def extension(filing: Filing, tax: Taxonomy) -> dict[str, bytes]:
    """File name -> content: `<id>.xsd` and `<id>_cal.xml`; same filing -> same bytes."""
    cal = calculation_name(filing.id)
    return {
        n.extension_schema(filing.id): calculation_schema(NAMESPACE_BASE + filing.id, PREFIX, tn.ENTRY_URL, cal),
        cal: linkbases.calculation(tax, complete_networks(tax, filing.facts), schema=tn.ENTRY_URL),
    }


def emit(publication: Publication) -> dict[str, bytes]:
    """Each filing's extension schema and calculation linkbase, beside the reports that cite them."""
    return {f"{f.id}/{name}": data for f in publication.filings for name, data in extension(f.instance, publication.taxonomy).items()}
