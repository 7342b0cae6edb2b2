"""Load a publication into a database: one transaction, one new load in the history.

Every load adds a row to `loads` (time, tool version, the publication's sha256). A print keeps its id across
loads; when what it says changes (value, precision, printed text, its role in the instance, the value to use,
its share basis) the current version is closed at this load and a new one opened; a print the publication no
longer has is closed. The other tables describe the latest publication and are replaced. Readers see the old
contents until the commit; a failure or a killed process leaves them untouched; loading the same publication
again changes no fact (the new load records that nothing changed).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from typing import Any, Iterable, Sequence

from .db import Database, connect
from .migrate import prepare
from .published import Published
from .rows import (COLUMNS, DECIMAL_COLUMNS, PRINT_COLUMNS, VERSION_COLUMNS, dimension_rows, finding_rows,
                   print_rows, replaced_rows, version_rows)

# compared across loads: what a print says, except the bound number (its exact text is compared)
_COMPARED = tuple(c for c in VERSION_COLUMNS if c != "value")


@dataclass(frozen=True)
class Loaded:
    load_id: int
    added: int
    changed: int
    removed: int
    counts: dict[str, int]  # rows per table of this publication
    migration: str | None  # what a schema migration did first


def load(db_url: str, published: Published, scratch: bool = False) -> Loaded:
    """Load `published` as the next load of the database at `db_url`. `scratch`: a database file that is read back
    and deleted (the data package's), whose commits need not wait for the disk (the same bytes, sooner)."""
    replaced = replaced_rows(published)
    prints, versions = print_rows(published), version_rows(published)
    db = connect(db_url)
    try:
        if scratch:
            db.dialect.scratch(db.conn)
        with db.failures(), db.transaction():
            migration = prepare(db)
            load_id, added, changed, removed = _history(db, published, prints, versions, dimension_rows(published))
            _replace(db, replaced)
    finally:
        db.close()
    counts = {"facts": len(prints), **{table: len(rows) for table, rows in replaced.items()}}
    return Loaded(load_id, added, changed, removed, counts, migration)


def _history(db: Database, published: Published, prints: dict[str, tuple], versions: dict[str, tuple],
             dimensions: dict[str, list[tuple]]) -> tuple[int, int, int, int]:
    current = {row[0]: tuple(row[1:]) for row in db.execute(
        f"SELECT print_id, {', '.join(_COMPARED)} FROM fact_versions WHERE valid_to_load IS NULL")}
    at = [VERSION_COLUMNS.index(c) for c in _COMPARED]
    added = sorted(p for p in versions if p not in current)
    changed = sorted(p for p in versions if p in current and tuple(versions[p][i] for i in at) != current[p])
    removed = sorted(p for p in current if p not in versions)
    load_id = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM loads").fetchone()[0]
    db.execute("INSERT INTO loads (id, tool_version, publication_sha256, sources_sha256, prints_added, "
               f"prints_changed, prints_removed) VALUES ({db.marks(7)})",
               (load_id, version("iij-xbrl"), published.sha256, published.sources_digest, len(added), len(changed),
                len(removed)))
    known = {row[0] for row in db.execute("SELECT id FROM prints")}
    new = sorted(p for p in prints if p not in known)
    insert_prints(db, [prints[p] for p in new])
    db.executemany("INSERT INTO fact_dimensions (fact_id, axis, member) VALUES "
                   f"({db.marks(3)})", [row for p in new for row in dimensions.get(p, ())])
    db.executemany(f"UPDATE fact_versions SET valid_to_load = {db.mark} WHERE print_id = {db.mark} "
                   "AND valid_to_load IS NULL", [(load_id, p) for p in changed + removed])
    insert_versions(db, load_id, {p: versions[p] for p in sorted(added + changed)})
    return load_id, len(added), len(changed), len(removed)


def insert_prints(db: Database, rows: Sequence[tuple]) -> None:
    db.executemany(f"INSERT INTO prints ({', '.join(PRINT_COLUMNS)}) VALUES ({db.marks(len(PRINT_COLUMNS))})", rows)


def insert_versions(db: Database, load_id: int, versions: dict[str, tuple]) -> None:
    value = VERSION_COLUMNS.index("value")
    rows = [(p, load_id, *(db.bind_decimal(v) if i == value else v for i, v in enumerate(row)))
            for p, row in versions.items()]
    columns = ("print_id", "valid_from_load", *VERSION_COLUMNS)
    db.executemany(f"INSERT INTO fact_versions ({', '.join(columns)}) VALUES ({db.marks(len(columns))})", rows)


def _replace(db: Database, rows: dict[str, list[tuple]]) -> None:
    for table in reversed(COLUMNS):  # children first, for the foreign keys
        db.execute(f"DELETE FROM {table}")
    for table in COLUMNS:
        _insert(db, table, rows[table])


def _insert(db: Database, table: str, rows: list[tuple]) -> None:
    columns = COLUMNS[table]
    decimal_at = [columns.index(c) for c in DECIMAL_COLUMNS.get(table, ())]
    table_rows = [tuple(db.bind_decimal(v) if i in decimal_at else v for i, v in enumerate(row)) for row in rows]
    db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({db.marks(len(columns))})", table_rows)


FINDING_TABLES = ("findings", "finding_concepts", "finding_values", "finding_sources", "finding_facts")


def load_findings(db_url: str, reports: Sequence[str], findings: Iterable[Any]) -> int:
    """The validator's findings about `reports` (foreign instances, named as the findings' `filing`, or a report
    inside a package as `pkg.xbr!/…`) into the
    finding tables, in one transaction: earlier findings of those reports are replaced, all else is kept. A
    publication's load replaces the finding tables whole: keep such findings in a schema of their own
    (`?schema=...`). Returns the number of findings."""
    rows = finding_rows(findings, [])
    db = connect(db_url)
    try:
        with db.failures(), db.transaction():
            prepare(db)
            # a report package's findings name the report inside it: `pkg.xbr!/top/reports/r.xbrl`
            names = [(name, len(name) + 2, f"{name}!/") for name in reports]
            of_reports = f"filing = {db.mark} OR substr(filing, 1, {db.mark}) = {db.mark}"
            for table in reversed(FINDING_TABLES[1:]):
                db.executemany(f"DELETE FROM {table} WHERE finding_id IN (SELECT id FROM findings WHERE {of_reports})",
                               names)
            db.executemany(f"DELETE FROM findings WHERE {of_reports}", names)
            for table in FINDING_TABLES:
                _insert(db, table, rows[table])
    finally:
        db.close()
    return len(rows["findings"])
