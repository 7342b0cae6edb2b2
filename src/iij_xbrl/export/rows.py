"""Model objects -> table rows, in a deterministic order with stable ids.

Pure functions: the same inputs give the same rows, so a second load writes
exactly what the first one did. Decimals stay `Decimal` here; the database
layer binds them (the engine's dialect decides how).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..model import Concept, Fact, FilingSpec, Period
from ..emit.tables import dimensions_key
from ..publication import FilingFacts, restatements
from ..sources import calendar
from ..sources.factsheet import document_lines
from ..xbrl.findings import as_dict


@dataclass(frozen=True)
class CalcRelationship:
    elr: str  # extended link role URI
    source: str  # summation (total) concept
    target: str  # contributing concept
    weight: Decimal
    order: Decimal


def _start(period: Period) -> str | None:
    return None if period.start is None else period.start.isoformat()


def concept_rows(concepts: Iterable[Concept]) -> tuple[list[tuple], list[tuple]]:
    concepts = sorted(concepts, key=lambda c: c.name)
    main = []
    labels = []
    for c in concepts:
        standard = c.labels["label"]
        main.append((c.name, standard.en, standard.ja, c.data_type, c.period_type, c.balance, int(c.abstract),
                     c.usgaap))
        labels.extend((c.name, role, lab.en, lab.ja) for role, lab in sorted(c.labels.items()))
    return main, labels


def filing_rows(filings: Sequence[FilingSpec]) -> tuple[list[tuple], list[tuple]]:
    filings = sorted(filings, key=lambda f: f.id)
    return (
        [(f.id, f.title, _start(f.period), f.period.end.isoformat()) for f in filings],
        [(doc, f.id, pos) for f in filings for pos, doc in enumerate(f.files)],
    )


def document_line_rows(filings: Sequence[FilingSpec], documents_dir: Path | None) -> list[tuple]:
    if documents_dir is None:
        return []
    rows = []
    for doc in sorted(d for f in filings for d in f.files):
        # Numbered by the rule the fact sheets' provenance uses, so facts and findings join their lines
        # (str.splitlines would also break at form feeds and U+2028); no row after a final newline.
        lines = document_lines(documents_dir / doc)
        if lines and not lines[-1]:
            lines.pop()
        rows.extend((doc, n, line) for n, line in enumerate(lines, start=1))
    return rows


def _fact_order(item: tuple[str, Fact]) -> tuple:
    filing, f = item
    p = f.provenance
    return (filing, p.document, p.line, p.text, f.concept, f.period.end, f.period.start is not None,
            f.period.start or f.period.end, dimensions_key(f.dimensions), f.unit or "", f.value is None, f.value or 0, f.decimals is None,
            f.decimals or 0)


def fact_rows(filings: Sequence[FilingFacts]) -> dict[str, list[tuple]]:
    """Rows of facts, fact_dimensions and restatement_pairs.

    `in_instance` marks the print each filing's instance holds for its figure (the publication's duplicate
    policy); restatement pairs are `publication.restatements`.
    """
    in_instance = {id(f) for filing in filings for f in filing.facts}
    items = sorted(((filing.id, fact) for filing in filings for fact in filing.prints), key=_fact_order)
    fact_ids: dict[int, int] = {}
    out: dict[str, list[tuple]] = {"facts": [], "fact_dimensions": [], "restatement_pairs": []}
    for fact_id, (filing, f) in enumerate(items, start=1):
        fact_ids[id(f)] = fact_id
        p = f.provenance
        out["facts"].append((fact_id, filing, f.concept, _start(f.period), f.period.end.isoformat(),
                             *calendar.fiscal_span(f.period), dimensions_key(f.dimensions), f.unit, f.value,
                             None if f.value is None else f.decimals, p.document, p.line, p.text,
                             int(id(f) in in_instance)))
        out["fact_dimensions"].extend((fact_id, axis, member) for axis, member in sorted(f.dimensions.items()))
    out["restatement_pairs"] = sorted((fact_ids[id(r.new)], fact_ids[id(r.old)]) for r in restatements(filings))
    return out


def calc_rows(relationships: Iterable[CalcRelationship]) -> list[tuple]:
    return sorted((r.elr, r.source, r.target, r.weight, r.order) for r in relationships)


def _period_bounds(period: str | None) -> tuple[str | None, str | None]:
    if not period:
        return None, None
    start, sep, end = period.partition("..")
    return (start, end) if sep else (None, start)


def finding_rows(findings: Iterable[Any]) -> dict[str, list[tuple]]:
    # Sorting by the canonical JSON gives ids that do not depend on the validators' order (the fact ids are not
    # loaded yet, so they do not order the rows either).
    items = sorted((as_dict(f) for f in findings),
                   key=lambda d: json.dumps({k: v for k, v in d.items() if k != "facts"}, sort_keys=True))
    out: dict[str, list[tuple]] = {"findings": [], "finding_concepts": [], "finding_values": [],
                                   "finding_sources": []}
    for fid, d in enumerate(items, start=1):
        period = d.get("period")
        out["findings"].append((fid, d["rule"], d["severity"], d["message"], d.get("filing"), period,
                                *_period_bounds(period)))
        out["finding_concepts"].extend((fid, pos, c) for pos, c in enumerate(d.get("concepts") or []))
        out["finding_values"].extend((fid, k, str(v)) for k, v in sorted((d.get("values") or {}).items()))
        out["finding_sources"].extend((fid, pos, s["document"], s.get("line"))
                                      for pos, s in enumerate(d.get("sources") or []))
    return out


# Column order of every loaded table, matching schema.sql; tables in load (parent-first) order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "meta": ("key", "value"),
    "concepts": ("name", "label_en", "label_ja", "data_type", "period_type", "balance", "abstract", "usgaap"),
    "concept_labels": ("concept", "role", "label_en", "label_ja"),
    "filings": ("id", "title", "period_start", "period_end"),
    "documents": ("name", "filing", "position"),
    "document_lines": ("document", "line", "text"),
    "facts": ("id", "filing", "concept", "period_start", "period_end", "fiscal_year", "fiscal_period", "dimensions",
              "unit", "value", "decimals", "document", "line", "printed_text", "in_instance"),
    "fact_dimensions": ("fact_id", "axis", "member"),
    "restatement_pairs": ("fact_id", "previous_fact_id"),
    "calculation_relationships": ("elr", "from_concept", "to_concept", "weight", "arc_order"),
    "findings": ("id", "rule", "severity", "message", "filing", "period", "period_start", "period_end"),
    "finding_concepts": ("finding_id", "position", "concept"),
    "finding_values": ("finding_id", "name", "value"),
    "finding_sources": ("finding_id", "position", "document", "line"),
}
DECIMAL_COLUMNS = {"facts": ("value",), "calculation_relationships": ("weight", "arc_order")}


def all_rows(concepts: Iterable[Concept], filings: Sequence[FilingFacts], findings: Iterable[Any],
             calc_relationships: Iterable[CalcRelationship], documents_dir: Path | None) -> dict[str, list[tuple]]:
    """Every table's rows except `meta`, keyed like COLUMNS."""
    concept_main, concept_labels = concept_rows(concepts)
    specs = [f.spec for f in filings]
    filings_, documents = filing_rows(specs)
    return {
        "concepts": concept_main,
        "concept_labels": concept_labels,
        "filings": filings_,
        "documents": documents,
        "document_lines": document_line_rows(specs, documents_dir),
        **fact_rows(filings),
        "calculation_relationships": calc_rows(calc_relationships),
        **finding_rows(findings),
    }
