"""Load concepts, filings, facts, calculation relationships and findings into a database.

A load replaces every row in one transaction (delete, then insert): readers see
the old contents until the commit, a failure or a killed process leaves them
untouched, and loading the same inputs twice leaves identical rows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from ..publication import FilingFacts
from .db import SCHEMA_VERSION, Database, connect, schema_objects, schema_statements
from .rows import COLUMNS, DECIMAL_COLUMNS, CalcRelationship, all_rows


def export_to(db_url: str, taxonomy: Any, filings: Sequence[FilingFacts], findings: Iterable[Any],
              calc_relationships: Iterable[CalcRelationship], *,
              documents_dir: Path | None = None) -> dict[str, int]:
    """Replace the database contents with these inputs; return the row count per table.

    taxonomy: anything with `.concepts` (name -> model.Concept), e.g. `taxonomy.source.load()`.
    filings: the publication's filings — every print, marked where the instance holds it (the views choose).
    findings: `xbrl.findings.Finding` objects or dicts shaped like schemas/findings.schema.json.
    documents_dir: folder holding the filings' source documents; when given, their lines
    are loaded into `document_lines` so findings and facts can show the printed text.
    """
    rows = all_rows(taxonomy.concepts.values(), filings, findings, calc_relationships, documents_dir)
    db = connect(db_url)
    try:
        with db.transaction():
            _ensure_schema(db)
            _replace(db, rows)
    finally:
        db.close()
    return {table: len(table_rows) for table, table_rows in rows.items()}


def _ensure_schema(db: Database) -> None:
    """Create the schema, or re-create it when it was written by a different schema version."""
    if db.table_exists("meta"):
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and row[0] == SCHEMA_VERSION:
            return
    for kind, name in reversed(schema_objects()):
        db.execute(f"DROP {kind} IF EXISTS {name}")
    for statement in schema_statements(db.dialect):
        db.execute(statement)
    db.execute(f"INSERT INTO meta (key, value) VALUES ('schema_version', {db.mark})", (SCHEMA_VERSION,))


def _replace(db: Database, rows: dict[str, list[tuple]]) -> None:
    loaded = [table for table in COLUMNS if table in rows]
    for table in reversed(loaded):  # children first, for the foreign keys
        db.execute(f"DELETE FROM {table}")
    for table in loaded:
        columns = COLUMNS[table]
        decimal_at = [columns.index(c) for c in DECIMAL_COLUMNS.get(table, ())]
        table_rows = rows[table]
        if decimal_at:
            table_rows = [tuple(db.bind_decimal(v) if i in decimal_at else v for i, v in enumerate(row))
                          for row in table_rows]
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({db.marks(len(columns))})", table_rows)
