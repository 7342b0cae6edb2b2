"""Names every emitter shares: namespaces, context/unit/fact ids, OIM periods and units, number formatting.

All XBRL outputs (XML, xBRL-JSON, xBRL-CSV, iXBRL) of one filing must agree on these, so a fact
keeps the same id and context in every format; keep the rules here and only here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..model import Entity, Fact, Period, UnitId
from ..taxonomy import names as tn

IIJ_NS = tn.NAMESPACE
IIJ_PREFIX = tn.PREFIX
SCHEMA_URL = tn.ENTRY_URL  # the line items, without calculations
OIM_DOCUMENT_TYPE = "https://xbrl.org/2021/xbrl-json"

# prefix -> namespace for XML instances (order is the order of the xmlns declarations)
XML_NAMESPACES: dict[str, str] = {p: tn.NS[p] for p in ("xbrli", "link", "xlink", "xbrldi", "iso4217", "xsi", IIJ_PREFIX)}

def oim_namespaces(entity: Entity) -> dict[str, str]:
    """prefix -> namespace for xBRL-JSON/CSV documentInfo.namespaces, sorted by prefix."""
    return dict(sorted({**{p: tn.NS[p] for p in (IIJ_PREFIX, "iso4217", "xbrl", "xbrli")},
                        entity.prefix: entity.scheme}.items()))


def oim_entity(entity: Entity) -> str:
    """The OIM entity dimension, e.g. `tse:37740`."""
    return f"{entity.prefix}:{entity.identifier}"

# Which context container holds each axis; must match the hypercubes' xbrldt:contextElement.
# One container for all: xBRL-XML (OIM) allows a single dimension container per report.
AXIS_CONTAINER: dict[str, str] = {axis: "scenario" for axis in (tn.SEGMENT_AXIS, tn.CONSOLIDATION_ITEMS_AXIS,
                                                                   tn.SCENARIO_AXIS)}


def extension_schema(filing_id: str) -> str:
    """What a published filing's instances cite (relative): its extension schema, see `emit.extension`."""
    return f"{filing_id}.xsd"


def qname(local: str) -> str:
    """Prefixed name of a taxonomy element (concept, axis, member), e.g. `iij:Revenues`."""
    return f"{IIJ_PREFIX}:{local}"


def container(axis: str) -> str:
    try:
        return AXIS_CONTAINER[axis]
    except KeyError:
        raise ValueError(f"no context container known for axis {axis!r}") from None


# ---- numbers -------------------------------------------------------------------------------------

def decimals_attr(decimals: int | None) -> str:
    """XML `decimals` attribute; None means exact."""
    return "INF" if decimals is None else str(decimals)


# ---- units ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class UnitSpec:
    id: str  # XML unit id (also the model's UnitId)
    numerators: tuple[str, ...]  # prefixed measures
    denominators: tuple[str, ...] = ()

    @property
    def oim(self) -> str | None:
        """xBRL-JSON `unit` value; None when the dimension must be omitted (pure)."""
        if self.numerators == ("xbrli:pure",) and not self.denominators:
            return None
        text = "*".join(self.numerators)
        return f"{text}/{'*'.join(self.denominators)}" if self.denominators else text


UNITS: dict[str, UnitSpec] = {code: UnitSpec(code, *measures) for code, measures in tn.UNITS.items()}


def unit_spec(unit: UnitId) -> UnitSpec:
    try:
        return UNITS[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}") from None


def unit_id(unit: UnitId) -> str:
    return unit_spec(unit).id


def oim_unit(unit: UnitId) -> str | None:
    return unit_spec(unit).oim


# ---- periods and contexts ------------------------------------------------------------------------

def _oim_instant(d: date, end_of_day: bool) -> str:
    # OIM dates are points in time: an XML end date/instant d means the end of d = start of d+1.
    return (d + timedelta(days=1) if end_of_day else d).isoformat() + "T00:00:00"


def oim_period(period: Period) -> str:
    """xBRL-JSON period: `2012-04-01T00:00:00/2012-10-01T00:00:00`, instants `2012-10-01T00:00:00`."""
    end = _oim_instant(period.end, end_of_day=True)
    return end if period.start is None else f"{_oim_instant(period.start, end_of_day=False)}/{end}"


def period_token(period: Period) -> str:
    """`D2012-04-01_2012-09-30` for durations, `I2012-09-30` for instants."""
    return _period_token(period.start, period.end)


def _period_token(start: date | None, end: date) -> str:
    return f"I{end.isoformat()}" if start is None else f"D{start.isoformat()}_{end.isoformat()}"


def sorted_dimensions(dimensions: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(dimensions.items()))


def dimension_suffix(dimensions: dict[str, str]) -> str:
    """`_ATMOperationBusiness_InitialTarget`: members (without `Member`) in axis-name order; '' when none."""
    return "".join("_" + member.removesuffix("Member") for _, member in sorted_dimensions(dimensions))


def context_id(period: Period, dimensions: dict[str, str]) -> str:
    """Deterministic context id, e.g. `D2012-04-01_2012-09-30_ATMOperationBusiness`."""
    return _context_id(period.start, period.end, tuple(dimensions.items()))


@lru_cache(maxsize=8192)  # every emitter asks for the ids of the same few hundred contexts, facts and cells
def _context_id(start: date | None, end: date, dimensions: tuple[tuple[str, str], ...]) -> str:
    return _period_token(start, end) + dimension_suffix(dict(dimensions))


def fact_context_id(fact: Fact) -> str:
    return context_id(fact.period, fact.dimensions)


# ---- facts ---------------------------------------------------------------------------------------

def fact_id(fact: Fact) -> str:
    """Id shared by the XML and OIM forms of a fact: concept, context and unit (unique after de-duplication)."""
    unit = f"_{unit_id(fact.unit)}" if fact.unit is not None else ""
    return f"f-{fact.concept}-{fact_context_id(fact)}{unit}"


def print_id(fact: Fact) -> str:
    """Stable id of one print: `p-<document stem>-L<line>-<concept>-<context>_<unit>`. A document belongs to one
    filing (sources/filings.yaml), so the id names the filing too; it names prints the instance leaves out."""
    p = fact.provenance
    unit = f"_{unit_id(fact.unit)}" if fact.unit is not None else ""
    return f"p-{p.document.rsplit('.', 1)[0]}-L{p.line}-{fact.concept}-{fact_context_id(fact)}{unit}"


def fact_sort_key(fact: Fact) -> tuple:
    """Order facts are written in: concept, then period (durations before instants), dimensions, unit."""
    p = fact.period
    return (fact.concept, p.start is None, p.start or p.end, p.end, sorted_dimensions(fact.dimensions),
            fact.unit or "")


def context_sort_key(period: Period, dimensions: dict[str, str]) -> tuple:
    return (period.start is None, period.start or period.end, period.end, sorted_dimensions(dimensions))


def check_unique_ids(facts: list[Fact]) -> None:
    """Two facts with one id would be an invalid instance; de-duplication must have removed them."""
    seen: set[str] = set()
    for fact in facts:
        fid = fact_id(fact)
        if fid in seen:
            raise ValueError(f"duplicate fact {fid} ({fact.provenance.document}:{fact.provenance.line}); "
                             "facts must be de-duplicated before emitting")
        seen.add(fid)
