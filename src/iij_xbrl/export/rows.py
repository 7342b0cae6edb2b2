"""A published out/ -> table rows, in a deterministic order with stable ids.

Pure functions: the same publication gives the same rows, so a second load finds nothing changed. Prints are
keyed by their print id; what a print says (`VERSION_COLUMNS`) is compared across loads by `load`. Decimals
stay `Decimal` here; the database layer binds them (the engine's dialect decides how).
"""
from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

from ..emit.naming import print_id
from ..publication import restatements
from ..sources import calendar
from ..sources.factsheet import document_lines
from ..xbrl.decimals import plain
from ..xbrl.findings import as_dict
from .published import Published

# Column order of every table load writes, matching schema.sql; tables in load (parent-first) order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "entity": ("scheme", "identifier", "name", "prefix"),
    "stock_splits": ("effective", "ratio", "document", "line"),
    "concepts": ("name", "label_en", "label_ja", "data_type", "period_type", "balance", "abstract", "usgaap"),
    "concept_labels": ("concept", "role", "label_en", "label_ja"),
    "roles": ("elr", "id", "definition", "position"),
    "presentation_relationships": ("elr", "position", "parent_concept", "concept", "arc_order", "depth",
                                   "preferred_label"),
    "calculation_relationships": ("elr", "from_concept", "to_concept", "weight", "arc_order"),
    "axes": ("name", "label_en", "label_ja", "default_member", "position"),
    "members": ("name", "axis", "label_en", "label_ja", "is_default", "position"),
    "filings": ("id", "title", "period_start", "period_end", "fiscal_year", "fiscal_period", "released"),
    "documents": ("name", "filing", "position", "title", "kind", "released"),
    "document_lines": ("document", "line", "text"),
    "restatement_pairs": ("fact_id", "previous_fact_id"),
    "findings": ("id", "rule", "severity", "message", "filing", "period", "period_start", "period_end", "text"),
    "finding_concepts": ("finding_id", "position", "concept"),
    "finding_values": ("finding_id", "name", "value"),
    "finding_sources": ("finding_id", "position", "document", "line"),
    "finding_facts": ("finding_id", "position", "ref", "print_id"),
}
# Tables with history: a print's fixed aspects (all in its id) and what it says, versioned by load.
PRINT_COLUMNS = ("id", "concept", "period_start", "period_end", "fiscal_year", "fiscal_period", "dimensions", "unit",
                 "document", "line", "fact_id", "context_id")
VERSION_COLUMNS = ("filing", "value", "value_text", "decimals", "printed_text", "in_instance", "authoritative",
                   "basis")
DECIMAL_COLUMNS = {"stock_splits": ("ratio",), "calculation_relationships": ("weight", "arc_order")}


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def _labels(labels: dict) -> tuple[str, str]:
    return labels["en"], labels["ja"]


def taxonomy_rows(published: Published) -> dict[str, list[tuple]]:
    concepts = sorted(published.concepts.values(), key=lambda c: c.name)
    tax = published.taxonomy
    presentation = []
    for role in tax["roles"]:
        presentation += [(role["elr"], pos, n["parent"], n["concept"], n["order"], n["depth"], n["preferred_label"])
                         for pos, n in enumerate(role["presentation"], start=1)]
    return {
        "concepts": [(c.name, c.labels["label"].en, c.labels["label"].ja, c.data_type, c.period_type, c.balance,
                      int(c.abstract), c.usgaap) for c in concepts],
        "concept_labels": [(c.name, role, lab.en, lab.ja) for c in concepts for role, lab in sorted(c.labels.items())],
        "roles": [(r["elr"], r["id"], r["definition"], pos) for pos, r in enumerate(tax["roles"], start=1)],
        "presentation_relationships": presentation,
        "calculation_relationships": sorted((a["elr"], a["from"], a["to"], Decimal(a["weight"]), Decimal(a["order"]))
                                            for a in tax["calculations"]),
        "axes": [(a["name"], *_labels(a["labels"]), a["default"], pos) for pos, a in enumerate(tax["axes"], start=1)],
        "members": [(m["name"], a["name"], *_labels(m["labels"]), int(m["name"] == a["default"]), pos)
                    for a in tax["axes"] for pos, m in enumerate(a["members"], start=1)],
    }


def filing_rows(published: Published) -> dict[str, list[tuple]]:
    specs = sorted((f.spec for f in published.filings), key=lambda s: s.id)
    e = published.entity
    return {
        "entity": [(e.scheme, e.identifier, e.name, e.prefix)],
        "stock_splits": [(s.effective.isoformat(), Decimal(s.ratio), s.source.document, s.source.line)
                         for s in e.stock_splits],
        "filings": [(s.id, s.title, _iso(s.period.start), s.period.end.isoformat(), *calendar.fiscal_span(s.period),
                     s.released.isoformat()) for s in specs],
        "documents": [(d.file, s.id, pos, d.title, d.kind, d.released.isoformat())
                      for s in specs for pos, d in enumerate(s.documents)],
        "document_lines": document_line_rows(sorted(d.file for s in specs for d in s.documents), published.documents),
    }


def document_line_rows(documents: list[str], folder: Path) -> list[tuple]:
    rows = []
    for doc in documents:
        # Numbered by the rule the fact sheets' provenance uses, so facts and findings join their lines
        # (str.splitlines would also break at form feeds and U+2028); no row after a final newline.
        lines = document_lines(folder / doc)
        if lines and not lines[-1]:
            lines.pop()
        rows.extend((doc, n, line) for n, line in enumerate(lines, start=1))
    return rows


def print_rows(published: Published) -> dict[str, tuple]:
    """print id -> its fixed aspects (PRINT_COLUMNS)."""
    return {r["print_id"]: (r["print_id"], r["concept"], _iso(r["period_start"]), r["period_end"].isoformat(),
                            r["fiscal_year"], r["fiscal_period"], r["dimensions"], r["unit"], r["document"],
                            r["line"], r["fact_id"], r["context_id"])
            for r in published.facts}


def version_rows(published: Published) -> dict[str, tuple]:
    """print id -> what it says in this publication (VERSION_COLUMNS)."""
    return {r["print_id"]: (r["filing"], r["value"], None if r["value"] is None else plain(r["value"]),
                            r["decimals"], r["printed_text"], int(r["in_instance"]), int(r["authoritative"]),
                            r["basis"])
            for r in published.facts}


def dimension_rows(published: Published) -> dict[str, list[tuple]]:
    """print id -> (print id, axis, member) rows."""
    return {r["print_id"]: [(r["print_id"], *pair.split("=", 1)) for pair in r["dimensions"].split(";")]
            for r in published.facts if r["dimensions"]}


def restatement_rows(published: Published) -> list[tuple]:
    return sorted((print_id(r.new), print_id(r.old)) for r in restatements(published.filings))


def _period_bounds(period: str | None) -> tuple[str | None, str | None]:
    if not period:
        return None, None
    start, sep, end = period.partition("..")
    return (start, end) if sep else (None, start)


def finding_rows(findings: Iterable[Any], facts: list[dict]) -> dict[str, list[tuple]]:
    """Findings with ids from their content (the same finding keeps its id across loads), and the facts they
    name resolved to prints: a print id as it is, an instance fact id to the print its filing's instance holds."""
    prints = {r["print_id"] for r in facts}
    held = {(r["filing"], r["fact_id"]): r["print_id"] for r in facts if r["in_instance"]}
    items = sorted((as_dict(f) for f in findings), key=lambda d: json.dumps(d, sort_keys=True))
    out: dict[str, list[tuple]] = {"findings": [], "finding_concepts": [], "finding_values": [],
                                   "finding_sources": [], "finding_facts": []}
    seen: dict[str, int] = {}
    for d in items:
        digest = hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        fid = f"fd-{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")
        period = d.get("period")
        out["findings"].append((fid, d["rule"], d["severity"], d["message"], d.get("filing"), period,
                                *_period_bounds(period), d.get("text") or d["message"]))
        out["finding_concepts"].extend((fid, pos, c) for pos, c in enumerate(d.get("concepts") or []))
        out["finding_values"].extend((fid, k, str(v)) for k, v in sorted((d.get("values") or {}).items()))
        out["finding_sources"].extend((fid, pos, s["document"], s.get("line"))
                                      for pos, s in enumerate(d.get("sources") or []))
        out["finding_facts"].extend((fid, pos, ref, ref if ref in prints else held.get((d.get("filing"), ref)))
                                    for pos, ref in enumerate(d.get("facts") or []))
    return out


def replaced_rows(published: Published) -> dict[str, list[tuple]]:
    """Every table a load replaces whole, keyed like COLUMNS."""
    return {**taxonomy_rows(published), **filing_rows(published), "restatement_pairs": restatement_rows(published),
            **finding_rows(published.findings, published.facts)}

