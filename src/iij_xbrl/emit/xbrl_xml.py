"""XBRL 2.1 XML instance of one filing (facts already de-duplicated)."""
from __future__ import annotations

from lxml import etree

from ..model import Entity, Fact, Filing, Period
from ..publication import Publication
from ..xbrl.decimals import plain
from . import naming as n

_XBRLI = n.XML_NAMESPACES["xbrli"]
_LINK = n.XML_NAMESPACES["link"]
_XLINK = n.XML_NAMESPACES["xlink"]
_XBRLDI = n.XML_NAMESPACES["xbrldi"]
_XSI = n.XML_NAMESPACES["xsi"]


def _el(parent: etree._Element, ns: str, local: str, text: str | None = None, **attrib: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ns}}}{local}", attrib)
    child.text = text
    return child


def _context(root: etree._Element, who: Entity, period: Period, dimensions: dict[str, str]) -> None:
    ctx = _el(root, _XBRLI, "context", id=n.context_id(period, dimensions))
    entity = _el(ctx, _XBRLI, "entity")
    _el(entity, _XBRLI, "identifier", who.identifier, scheme=who.scheme)
    by_container: dict[str, list[tuple[str, str]]] = {}
    for axis, member in n.sorted_dimensions(dimensions):
        by_container.setdefault(n.container(axis), []).append((axis, member))

    def members(holder: etree._Element, name: str) -> None:
        for axis, member in by_container[name]:
            _el(holder, _XBRLDI, "explicitMember", n.qname(member), dimension=n.qname(axis))

    if "segment" in by_container:  # segment lives in entity, scenario after period (XBRL 2.1 §4.7)
        members(_el(entity, _XBRLI, "segment"), "segment")
    period_el = _el(ctx, _XBRLI, "period")
    if period.start is None:
        _el(period_el, _XBRLI, "instant", period.end.isoformat())
    else:
        _el(period_el, _XBRLI, "startDate", period.start.isoformat())
        _el(period_el, _XBRLI, "endDate", period.end.isoformat())
    if "scenario" in by_container:
        members(_el(ctx, _XBRLI, "scenario"), "scenario")


def _unit(root: etree._Element, unit: str) -> None:
    spec = n.unit_spec(unit)
    el = _el(root, _XBRLI, "unit", id=spec.id)
    if not spec.denominators:
        for measure in spec.numerators:
            _el(el, _XBRLI, "measure", measure)
        return
    divide = _el(el, _XBRLI, "divide")
    for part, measures in (("unitNumerator", spec.numerators), ("unitDenominator", spec.denominators)):
        holder = _el(divide, _XBRLI, part)
        for measure in measures:
            _el(holder, _XBRLI, "measure", measure)


def _fact(root: etree._Element, fact: Fact) -> None:
    el = _el(root, n.IIJ_NS, fact.concept, id=n.fact_id(fact), contextRef=n.fact_context_id(fact))
    if fact.unit is not None:
        el.set("unitRef", n.unit_id(fact.unit))
    if fact.value is None:
        el.set(f"{{{_XSI}}}nil", "true")
        return
    if fact.unit is not None:
        el.set("decimals", n.decimals_attr(fact.decimals))
    el.text = plain(fact.value)


def instance(filing: Filing, schema: str = n.SCHEMA_URL) -> etree._Element:
    """The instance as an element tree (the inline report takes its contexts and units from it)."""
    facts = sorted(filing.facts, key=n.fact_sort_key)
    n.check_unique_ids(facts)
    root = etree.Element(f"{{{_XBRLI}}}xbrl", nsmap=n.XML_NAMESPACES)
    _el(root, _LINK, "schemaRef", **{f"{{{_XLINK}}}type": "simple", f"{{{_XLINK}}}href": schema})
    contexts = {n.fact_context_id(f): (f.period, f.dimensions) for f in facts}
    for period, dimensions in sorted(contexts.values(), key=lambda c: n.context_sort_key(*c)):
        _context(root, filing.entity, period, dimensions)
    for unit in sorted({f.unit for f in facts if f.unit is not None}):
        _unit(root, unit)
    for fact in facts:
        _fact(root, fact)
    etree.indent(root, space=" ")
    return root


def to_xml(filing: Filing, schema: str = n.SCHEMA_URL) -> bytes:
    """The instance document as UTF-8 bytes; same filing -> same bytes. `schema` is the schemaRef: published
    filings cite their extension (`n.extension_schema`), the default the taxonomy's line items."""
    return etree.tostring(instance(filing, schema), xml_declaration=True, encoding="UTF-8") + b"\n"


def emit(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.xbrl` per filing, citing the filing's extension schema."""
    return {f"{f.id}/{f.id}.xbrl": to_xml(f.instance, n.extension_schema(f.id)) for f in publication.filings}
