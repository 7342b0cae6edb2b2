"""xBRL-JSON (OIM, https://xbrl.org/2021/xbrl-json) report of one filing (facts already de-duplicated)."""
from __future__ import annotations

import json

from ..model import Fact, Filing
from ..publication import Publication
from ..xbrl.decimals import plain
from . import naming as n


def _fact(fact: Fact, entity: str) -> dict:
    dimensions = {"concept": n.qname(fact.concept), "entity": entity, "period": n.oim_period(fact.period)}
    if fact.unit is not None and (unit := n.oim_unit(fact.unit)) is not None:
        dimensions["unit"] = unit
    for axis, member in n.sorted_dimensions(fact.dimensions):
        dimensions[n.qname(axis)] = n.qname(member)
    out: dict = {"value": None if fact.value is None else plain(fact.value)}
    # decimals: numeric, non-nil, finite only (absent means INF)
    if fact.unit is not None and fact.value is not None and fact.decimals is not None:
        out["decimals"] = fact.decimals
    out["dimensions"] = dimensions
    return out


def to_json_document(filing: Filing, schema: str = n.SCHEMA_URL) -> dict:
    """`schema` is the taxonomy entry point, as for `xbrl_xml.to_xml`."""
    facts = sorted(filing.facts, key=n.fact_sort_key)
    n.check_unique_ids(facts)
    entity = n.oim_entity(filing.entity)
    return {
        "documentInfo": {
            "documentType": n.OIM_DOCUMENT_TYPE,
            "namespaces": n.oim_namespaces(filing.entity),
            "taxonomy": [schema],
        },
        "facts": {n.fact_id(f): _fact(f, entity) for f in facts},
    }


def to_json(filing: Filing, schema: str = n.SCHEMA_URL) -> bytes:
    """The xBRL-JSON document as UTF-8 bytes; same filing -> same bytes."""
    text = json.dumps(to_json_document(filing, schema), ensure_ascii=False, indent=1)
    return text.encode("utf-8") + b"\n"


def emit(publication: Publication) -> dict[str, bytes]:
    """`<filing>/<filing>.json` per filing, citing the filing's extension schema."""
    return {f"{f.id}/{f.id}.json": to_json(f.instance, n.extension_schema(f.id)) for f in publication.filings}
