"""Plain-data outputs beside the XBRL reports: findings, the taxonomy as JSON, every print as one long table,
copies of the source documents. `iij-xbrl export` loads the database from these (and the manifest)."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from ..publication import Publication
from ..taxonomy.names import role_uri
from ..xbrl.findings import to_json
from ..xbrl.decimals import plain
from . import naming

FINDINGS = "findings.json"
TAXONOMY = "taxonomy.json"
FACTS = "facts.csv"
DOCUMENTS = "documents"
# facts.csv columns, one row per print: aspects, value as printed exactly (empty = nil), decimals (empty =
# exact), where it is printed, its print id, the id of the instance fact of its figure, and whether this print
# is the one the instance holds (1) or a duplicate that agrees or conflicts (0).
FACT_COLUMNS = ("filing", "concept", "period_start", "period_end", "dimensions", "unit", "value", "decimals",
                "document", "line", "printed_text", "print_id", "fact_id", "in_instance")


def findings_json(publication: Publication) -> dict[str, bytes]:
    """The consistency findings (schemas/findings.schema.json)."""
    return {FINDINGS: to_json(publication.findings).encode()}


def taxonomy_json(publication: Publication) -> dict[str, bytes]:
    """The concepts (types, labels, US-GAAP counterparts) and calculation arcs, for loading without an XBRL
    processor."""
    tax = publication.taxonomy
    concepts = [{"name": c.name, "data_type": c.data_type, "period_type": c.period_type, "balance": c.balance,
                 "abstract": c.abstract, "usgaap": c.usgaap,
                 "labels": {role: {"en": label.en, "ja": label.ja} for role, label in sorted(c.labels.items())}}
                for c in tax.concepts.values()]
    arcs = [{"elr": role_uri(role), "from": a.total, "to": a.item, "weight": a.weight, "order": a.order}
            for role, arcs in tax.calculations.items() for a in arcs]
    text = json.dumps({"concepts": concepts, "calculations": arcs}, ensure_ascii=False, indent=1)
    return {TAXONOMY: (text + "\n").encode()}


def dimensions_key(dimensions: dict[str, str]) -> str:
    """'ScenarioAxis=InitialTargetMember;SegmentAxis=…', sorted by axis; '' for none."""
    return ";".join(f"{axis}={member}" for axis, member in sorted(dimensions.items()))


def _decimal(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def facts_table(publication: Publication) -> dict[str, bytes]:
    """facts.csv: every print of every filing, in filing, document and sheet order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FACT_COLUMNS)
    seen: set[str] = set()
    for filing in publication.filings:
        for f in filing.prints:
            print_id = naming.print_id(f)
            if print_id in seen:  # two prints of one figure on one line: the id would name neither
                raise ValueError(f"two prints with the id {print_id}")
            seen.add(print_id)
            p = f.provenance
            writer.writerow([filing.id, f.concept, f.period.start or "", f.period.end, dimensions_key(f.dimensions),
                             f.unit or "", _decimal(f.value), "" if f.decimals is None else f.decimals, p.document,
                             p.line, p.text, print_id, naming.fact_id(f), int(filing.holds(f))])
    return {FACTS: out.getvalue().encode("utf-8")}


def document_copies(publication: Publication) -> dict[str, bytes]:
    """documents/<file>: the source documents as read, so facts' and findings' lines resolve from out/ alone."""
    return {f"{DOCUMENTS}/{name}": data for name, data in sorted(publication.documents.items())}
