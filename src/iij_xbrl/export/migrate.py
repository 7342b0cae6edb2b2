"""Schema versions: what a database of ours holds, creating the current schema, and migrations keeping data.

Version 1 (before versions were numbered: meta.schema_version held a digest of schema.sql) replaced every row on
each load and lived in the server's default schema (public). Version 2 keeps history in a namespace of our own.
Migrating 1 -> 2 keeps its facts as load 1 of the history (tool_version 'schema version 1'); where version 1 lies
outside our namespace (a server's public schema) its tables stay untouched (views on them keep working) and their
grants are given on the new objects of the same name. A later version adds a function to MIGRATIONS that alters
the objects in place (ALTER keeps grants and views); what the server refuses (a column a user's view depends on)
stops the load with one line naming the view.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..emit import naming
from ..model import Fact, Period, Provenance
from ..xbrl.decimals import plain
from ..xbrl.errors import InputError
from .db import Database, redact, schema_objects, schema_statements

VERSION = 3
V1_DIGEST = "da126efb649a309b"  # meta.schema_version written by schema version 1
V1_TABLES = ("meta", "concepts", "concept_labels", "filings", "documents", "document_lines", "facts",
             "fact_dimensions", "restatement_pairs", "calculation_relationships", "findings", "finding_concepts",
             "finding_values", "finding_sources")  # in creation order
V1_VIEWS = ("filing_facts", "authoritative_facts", "restatements")


def _version(db: Database, prefix: str = "") -> int | None:
    row = db.execute(f"SELECT value FROM {prefix}meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return None
    return 1 if row[0] == V1_DIGEST else int(row[0]) if row[0].isdigit() else None


def _ours(db: Database, objects: dict[str, str]) -> tuple[int, set[str]] | None:
    """(schema version, names of our objects) when this namespace was created by iij-xbrl, else None."""
    if objects.get("meta") != "table":
        return None
    version = _version(db)
    if version == 1:
        return 1, {*V1_TABLES, *V1_VIEWS}
    if version is None:
        return None
    names = {key.removeprefix("object:") for key, in
             db.execute("SELECT key FROM meta WHERE substr(key, 1, 7) = 'object:'")}
    return version, names


def prepare(db: Database) -> str | None:
    """Make the namespace hold the current schema; what a migration did, or None. Refuses (InputError) a
    namespace holding tables iij-xbrl did not create, and a schema newer than this program's."""
    objects = db.objects()
    tables = sorted(name for name, kind in objects.items() if kind == "table")
    ours: tuple[int | None, set[str]] | None = _ours(db, objects) if tables else (None, set())
    if ours is None:
        raise InputError(redact(db.url), f"holds tables iij-xbrl did not create ({_names(tables)}): nothing was "
                                         "changed; load into a new database file or another schema (?schema=)")
    version, names = ours
    foreign = [name for name in tables if name not in names]
    if foreign:
        raise InputError(redact(db.url), f"holds tables iij-xbrl did not create ({_names(foreign)}) beside its "
                                         "own: nothing was changed; move them out and load again")
    if version is None:
        _create(db)
        return _import_legacy(db)
    if version > VERSION:
        raise InputError(redact(db.url), f"schema version {version} is newer than this iij-xbrl's ({VERSION}): "
                                         "upgrade iij-xbrl")
    done = []
    while version < VERSION:
        done.append(MIGRATIONS[version](db))
        version = VERSION if version == 1 else version + 1  # version 1's migration creates the current schema
    db.execute(f"UPDATE meta SET value = {db.mark} WHERE key = 'schema_version'", (str(VERSION),))
    return "; ".join(done)


def _from_v1(db: Database) -> str:
    """Version 1 in our namespace: its facts become load 1, its objects make way for version 2's."""
    facts = _v1_facts(db, "")
    for name in reversed(V1_VIEWS):
        db.execute(f"DROP VIEW IF EXISTS {name}")
    for name in reversed(V1_TABLES):  # children first
        db.execute(f"DROP TABLE {name}")
    _create(db)
    _import(db, facts)
    return f"migrated schema version 1 to {VERSION}: its facts are load 1"


def _import_legacy(db: Database) -> str | None:
    """A new namespace beside version 1 in the server's default one (public): import its facts as
    load 1 and give its grants on our objects of the same name; the old tables stay as they were."""
    legacy = db.dialect.legacy_schema(db.conn)
    if legacy is None or _version(db, f"{legacy}.") != 1:
        return None
    _import(db, _v1_facts(db, f"{legacy}."))
    db.dialect.copy_grants(db.conn, legacy, [name for kind, name in schema_objects() if kind != "index"])
    return (f"migrated schema version 1 in {legacy} to {VERSION}: its facts are load 1, its grants given on the "
            f"new objects; the old tables in {legacy} are left as they were")


def _findings_in_words(db: Database) -> str:
    """Version 3: findings carry their text in words (the load replaces the findings, so old rows need none)."""
    db.execute("ALTER TABLE findings ADD COLUMN text TEXT NOT NULL DEFAULT ''")
    return "migrated schema version 2 to 3: findings have a text column"


# version -> migration to the next, run in order inside the load's transaction; each says what it did
MIGRATIONS: dict[int, Callable[[Database], str]] = {1: _from_v1, 2: _findings_in_words}


def _names(names: list[str]) -> str:
    return ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _create(db: Database) -> None:
    for statement in schema_statements():
        db.execute(statement)
    rows = [("schema_version", str(VERSION))] + [(f"object:{name}", kind) for kind, name in schema_objects()]
    db.executemany(f"INSERT INTO meta (key, value) VALUES ({db.marks(2)})", rows)


def _v1_facts(db: Database, prefix: str) -> list[tuple]:
    """Version 1's facts as (print columns, version columns), with its `authoritative_facts` choice."""
    chosen = {row[0] for row in db.execute(f"SELECT id FROM {prefix}authoritative_facts")}
    out = []
    for (id_, filing, concept, start, end, fiscal_year, fiscal_period, dims, unit, value, decimals, document,
         line, text, in_instance) in db.execute(
            "SELECT id, filing, concept, period_start, period_end, fiscal_year, fiscal_period, dimensions, unit, "
            f"value, decimals, document, line, printed_text, in_instance FROM {prefix}facts ORDER BY id"):
        number = None if value is None else Decimal(str(value))
        if number is not None and decimals is not None and decimals > 0:
            number = number.quantize(Decimal(1).scaleb(-decimals))  # the printed places, as facts.csv keeps them
        fact = Fact(concept=concept, period=Period(start=start or None, end=end), unit=unit, value=number,
                    dimensions=dict(p.split("=", 1) for p in dims.split(";")) if dims else {}, decimals=decimals,
                    provenance=Provenance(document=document, line=line, text=text))
        print_id = naming.print_id(fact)
        out.append(((print_id, concept, _iso(start), _iso(end), fiscal_year, fiscal_period, dims, unit, document,
                     line, naming.fact_id(fact), naming.fact_context_id(fact)),
                    (filing, number, None if number is None else plain(number), decimals, text, in_instance,
                     int(id_ in chosen), None)))
    return out


def _iso(value) -> str | None:
    return value if value is None or isinstance(value, str) else value.isoformat()


def _import(db: Database, facts: list[tuple]) -> None:
    from .load import insert_prints, insert_versions

    db.execute("INSERT INTO loads (id, tool_version, publication_sha256, sources_sha256, prints_added, "
               f"prints_changed, prints_removed) VALUES (1, 'schema version 1', 'unknown', 'unknown', {db.mark}, 0, 0)",
               (len(facts),))
    insert_prints(db, [p for p, _ in facts])
    insert_versions(db, 1, {p[0]: v for p, v in facts})
