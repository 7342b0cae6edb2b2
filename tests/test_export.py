"""Database export of a small hand-built publication: numbers on both engines, identical rows, history across
loads, all-or-nothing and concurrent loads, our own namespace, migrations from schema version 1, and every
failure as one line with the password redacted."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from emit_fixtures import ROOT, spec
from pg import pg_url  # noqa: F401  (fixture)

from iij_xbrl import atomic
from iij_xbrl.emit import longform, manifest, tables
from iij_xbrl.export import db as dbmod
from iij_xbrl.export import migrate
from iij_xbrl.export.command import load_published
from iij_xbrl.export.rows import COLUMNS
from iij_xbrl.model import Fact, Filing, Period, Provenance
from iij_xbrl.paths import Project
from iij_xbrl.publication import FilingFacts, Publication
from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.xbrl.findings import Finding

TABLES = (*COLUMNS, "loads", "prints", "fact_versions", "fact_dimensions")
VIEWS = ("facts", "fact_history", "fact_changes", "filing_facts", "authoritative_facts", "restatements")
H1_12 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30))
H1_11 = Period(start=date(2011, 4, 1), end=date(2011, 9, 30))
Q2_12 = Period(start=date(2012, 7, 1), end=date(2012, 9, 30))
FY12 = Period(start=date(2012, 4, 1), end=date(2013, 3, 31))
SEP12 = Period(end=date(2012, 9, 30))
DOCS = {"000_a.txt": 12, "001_b.txt": 12, "003_c.txt": 5}


def fact(concept, period, value, decimals, doc, line, text, unit="JPY", **dims):
    return Fact(concept=concept, period=period, dimensions=dims, unit=unit, decimals=decimals,
                value=None if value is None else Decimal(value),
                provenance=Provenance(document=doc, line=line, text=text))


def filings(revenue_1h12="51109001000"):
    """fy2012h1 prints 1H12 revenue twice (bn and thousands) and an exact −27,279,000; fy2013q3 (released later)
    restates 1H12 revenue, repeats the −27,279,000 rounded to millions and 1H12 network revenue in bn."""
    fy2012h1 = Filing(**spec("fy2012h1", "1H FY2012", ["000_a.txt", "001_b.txt"], H1_12), facts=[
        fact("Revenues", H1_12, "51100000000", -8, "000_a.txt", 3, "51.1"),
        fact("Revenues", H1_12, revenue_1h12, -3, "001_b.txt", 7, "51,109,001"),
        fact("Revenues", H1_11, "48000000000", -6, "000_a.txt", 3, "48,000"),
        fact("NetworkServicesRevenue", H1_12, "24500000000", -6, "000_a.txt", 4, "24,500"),
        fact("NetworkServicesRevenue", Q2_12, "12300000000", -8, "000_a.txt", 12, "12.3"),
        fact("SystemsIntegrationRevenue", Q2_12, "11000000000", -8, "000_a.txt", 12, "11.0"),
        fact("Revenues", H1_12, "1082000000", -6, "000_a.txt", 5, "1,082", BusinessSegmentsAxis="ATMOperationBusinessMember"),
        fact("Revenues", FY12, "115000000000", -9, "000_a.txt", 6, "115", ScenarioAxis="InitialTargetMember"),
        fact("GrossMarginRatio", H1_12, "0.083", 3, "000_a.txt", 8, "8.3%", unit="pure"),
        fact("EarningsPerShareBasic", H1_12, "49.51", 2, "001_b.txt", 9, "49.51", unit="JPYPerShare"),
        fact("OtherIncomeExpense", H1_12, "-27279000", -3, "001_b.txt", 10, "(27,279)"),
        fact("CashAndCashEquivalents", SEP12, None, None, "001_b.txt", 11, "-"),
    ])
    fy2013q3 = Filing(**spec("fy2013q3", "1Q-3Q FY2013", ["003_c.txt"],
                             Period(start=date(2013, 4, 1), end=date(2013, 12, 31)), date(2014, 2, 7)), facts=[
        fact("Revenues", H1_12, "51500000000", -8, "003_c.txt", 2, "51.5"),
        fact("NetworkServicesRevenue", H1_12, "24500000000", -8, "003_c.txt", 3, "24.5"),
        fact("OtherIncomeExpense", H1_12, "-27000000", -6, "003_c.txt", 4, "(27)"),
    ])
    return tuple(FilingFacts.of(f, f.facts) for f in (fy2012h1, fy2013q3))


FINDINGS = (
    Finding(rule="iij:duplicate", severity="error", message="1H12 revenue printed as 51.1 and 51,109,001",
            filing="fy2012h1", concepts=["Revenues"], period="2012-04-01..2012-09-30",
            values={"reported": "51100000000", "kept": "51109001000"},
            sources=[{"document": "000_a.txt", "line": 3}, {"document": "001_b.txt", "line": 7}],
            facts=["p-000_a-L3-Revenues-D2012-04-01_2012-09-30_JPY", "f-Revenues-D2012-04-01_2012-09-30_JPY"]),
    Finding(rule="iij:restated", severity="info", message="fy2013q3 restates 1H12 revenue", filing="fy2013q3",
            concepts=["Revenues"], period="2012-04-01..2012-09-30", sources=[{"document": "003_c.txt", "line": 2}]),
    Finding(rule="iij:balance", severity="warning", message="cash", filing="fy2012h1", period="2012-09-30",
            values={"computed": "[1, 2]"}, sources=[{"document": "001_b.txt"}]),
)


@lru_cache(maxsize=1)
def _taxonomy():
    from iij_xbrl.taxonomy.source import load

    return load(ROOT / "taxonomy")


def publication(revenue="51109001000", findings=FINDINGS) -> Publication:
    documents = {name: "".join(f"{name} line {n}\n" for n in range(1, lines + 1)).encode()
                 for name, lines in DOCS.items()}
    return Publication(Project(ROOT), _taxonomy(), filings(revenue), tuple(findings), documents, "0" * 64)


def publish_out(folder: Path, pub: Publication) -> Path:
    """What `publish` writes for the database (facts.csv, findings, taxonomy, documents) and their manifest."""
    files = {**tables.findings_json(pub), **tables.taxonomy_json(pub), **longform.facts_csv(pub),
             **tables.document_copies(pub)}
    files.update(manifest.describe(pub, files))
    for rel, data in files.items():
        atomic.write_bytes(folder / rel, data)
    return folder


@pytest.fixture
def out(tmp_path):
    return publish_out(tmp_path / "out", publication())


@pytest.fixture
def changed_out(tmp_path):
    return publish_out(tmp_path / "out2", publication(revenue="51109002000"))


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path}/iij.sqlite"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, tmp_path):
    return f"sqlite:///{tmp_path}/iij.sqlite" if request.param == "sqlite" else request.getfixturevalue("pg_url")


def query(url, sql, params=()):
    db = dbmod.connect(url)
    try:
        return [tuple(dbmod.plain(v) for v in row) for row in db.execute(sql, params).fetchall()]
    finally:
        db.close()


def dump(url, skip=("loads",)) -> dict[str, list[tuple]]:
    """Every table and view, sorted, values engine-independent (`plain`)."""
    out = {}
    for name in (*TABLES, *VIEWS):
        if name not in skip:
            out[name] = sorted(query(url, f"SELECT * FROM {name}"), key=repr)
    return out


def test_numbers_are_numbers_and_exact_text_beside_them(any_url, out):
    load_published(any_url, out)
    # (PostgreSQL sorts NULL first in DESC, SQLite last: NULLS LAST says the same on both)
    assert query(any_url, "SELECT value FROM facts WHERE unit = 'JPY' ORDER BY value DESC NULLS LAST LIMIT 1") \
        == [(115000000000,)]
    assert query(any_url, "SELECT count(*) FROM facts WHERE unit = 'JPY' AND value > 20000000000") == [(7,)]
    assert query(any_url, "SELECT min(value), sum(value) FROM facts WHERE concept = 'OtherIncomeExpense'") \
        == [(-27279000, -54279000)]
    assert query(any_url, "SELECT value, value_text FROM facts WHERE unit IN ('pure', 'JPYPerShare') ORDER BY value") \
        == [("0.083", "0.083"), ("49.51", "49.51")]
    assert query(any_url, "SELECT value, value_text FROM facts WHERE value IS NULL") == [(None, None)]
    db = dbmod.connect(any_url)
    try:
        values = dict(db.execute("SELECT value_text, value FROM facts WHERE value IS NOT NULL").fetchall())
    finally:
        db.close()
    # numeric types from the driver: int/float on SQLite, Decimal on PostgreSQL; equal to the exact text
    assert all(not isinstance(v, str) and Decimal(repr(v) if isinstance(v, float) else v) == Decimal(text)
               for text, v in values.items())


def test_sqlite_stores_integers_exactly_and_other_values_as_real(sqlite_url, out):
    load_published(sqlite_url, out)
    assert sorted(query(sqlite_url, "SELECT DISTINCT typeof(value) FROM facts")) == [("integer",), ("null",), ("real",)]
    assert query(sqlite_url, "SELECT typeof(value) FROM facts WHERE value_text = '51109001000'") == [("integer",)]


def test_postgresql_columns_are_numeric_in_our_schema(pg_url, out):
    load_published(pg_url, out)
    types = query(pg_url, "SELECT table_name, column_name FROM information_schema.columns "
                          "WHERE data_type = 'numeric' AND table_schema = 'iij' AND table_name = 'fact_versions'")
    assert types == [("fact_versions", "value")]
    assert query(pg_url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") == [(0,)]


def test_sqlite_and_postgresql_hold_identical_rows(sqlite_url, pg_url, out):
    assert load_published(sqlite_url, out).counts == load_published(pg_url, out).counts
    assert dump(sqlite_url) == dump(pg_url)
    assert len(dump(sqlite_url)["facts"]) == 15


def test_loading_twice_records_a_load_and_changes_no_fact(any_url, out):
    first = load_published(any_url, out)
    before = dump(any_url)
    second = load_published(any_url, out)
    assert (first.load_id, first.added, second.load_id, second.added, second.changed, second.removed) \
        == (1, 15, 2, 0, 0, 0)
    assert dump(any_url) == before
    loads = query(any_url, "SELECT id, tool_version, publication_sha256, prints_added FROM loads ORDER BY id")
    assert [row[0] for row in loads] == [1, 2] and loads[0][2] == loads[1][2] and len(loads[0][2]) == 64
    assert loads[0][3] == 15


def test_history_after_a_changed_figure(any_url, out, changed_out):
    load_published(any_url, out)
    loaded = load_published(any_url, changed_out)
    assert (loaded.added, loaded.changed, loaded.removed) == (0, 1, 0)
    pid = "p-001_b-L7-Revenues-D2012-04-01_2012-09-30_JPY"
    assert query(any_url, "SELECT value, load_id FROM facts WHERE id = %s" % f"'{pid}'") == [(51109002000, 2)]
    assert query(any_url, f"SELECT value, valid_from_load, valid_to_load FROM fact_history WHERE id = '{pid}' "
                          "ORDER BY valid_from_load") == [(51109001000, 1, 2), (51109002000, 2, None)]
    as_of_load_1 = ("SELECT value FROM fact_history WHERE id = '{}' AND valid_from_load <= 1 "
                    "AND (valid_to_load IS NULL OR valid_to_load > 1)")
    assert query(any_url, as_of_load_1.format(pid)) == [(51109001000,)]
    assert query(any_url, "SELECT id, load_id, change, old_value, new_value FROM fact_changes WHERE load_id = 2") \
        == [(pid, 2, "changed", 51109001000, 51109002000)]
    assert query(any_url, "SELECT change, count(*) FROM fact_changes GROUP BY change ORDER BY change") \
        == [("added", 15), ("changed", 1)]
    assert query(any_url, "SELECT prints_added, prints_changed, prints_removed FROM loads WHERE id = 2") == [(0, 1, 0)]
    # the restatement pair follows the changed figure; ids stay what they were
    assert query(any_url, "SELECT previous_value, value FROM restatements") == [(51109002000, 51500000000)]


def test_authoritative_is_the_restating_figure_or_else_the_most_precise(any_url, out):
    load_published(any_url, out)
    rows = query(any_url, "SELECT concept, filing, value, document, line FROM authoritative_facts "
                          "WHERE period_start = '2012-04-01' AND period_end = '2012-09-30' AND dimensions = '' "
                          "AND unit = 'JPY' ORDER BY concept")
    assert rows == [
        ("NetworkServicesRevenue", "fy2012h1", 24500000000, "000_a.txt", 4),   # 24,500 m over a reprinted 24.5 bn
        ("OtherIncomeExpense", "fy2012h1", -27279000, "001_b.txt", 10),  # exact, not the later (27) million
        ("Revenues", "fy2013q3", 51500000000, "003_c.txt", 2),          # restated beyond rounding
    ]
    assert query(any_url, "SELECT value, decimals FROM filing_facts WHERE concept = 'Revenues' "
                          "AND filing = 'fy2012h1' AND period_start = '2012-04-01' AND dimensions = ''") \
        == [(51109001000, -3)]


def test_what_an_analyst_joins_on(any_url, out):
    load_published(any_url, out)
    assert query(any_url, "SELECT identifier, name FROM entity") == [("37740", "Internet Initiative Japan Inc.")]
    assert query(any_url, "SELECT id, released FROM filings ORDER BY released") \
        == [("fy2012h1", "2012-11-08"), ("fy2013q3", "2014-02-07")]
    assert query(any_url, "SELECT d.name, d.title IS NOT NULL, d.released FROM documents d WHERE d.filing = 'fy2013q3'") \
        == [("003_c.txt", 1, "2014-02-07")]
    axes = query(any_url, "SELECT a.name, a.default_member, m.name FROM axes a JOIN members m ON m.axis = a.name "
                          "AND m.is_default = 1 ORDER BY a.position")
    assert axes and all(default == member for _, default, member in axes)
    roots = query(any_url, "SELECT count(*) FROM presentation_relationships WHERE parent_concept IS NULL")
    assert roots[0][0] > 0
    assert query(any_url, "SELECT fact_id, context_id FROM facts WHERE document = '000_a.txt' AND line = 5") \
        == [("f-Revenues-D2012-04-01_2012-09-30_ATMOperationBusiness_JPY",
             "D2012-04-01_2012-09-30_ATMOperationBusiness")]
    # findings name facts: a print id as it is, an instance fact id as the print its filing's instance holds
    linked = query(any_url, "SELECT ff.position, ff.ref, f.document, f.line FROM findings x "
                            "JOIN finding_facts ff ON ff.finding_id = x.id JOIN facts f ON f.id = ff.print_id "
                            "WHERE x.rule = 'iij:duplicate' ORDER BY ff.position")
    assert [(r[0], r[2], r[3]) for r in linked] == [(0, "000_a.txt", 3), (1, "001_b.txt", 7)]
    assert re.fullmatch(r"fd-[0-9a-f]{16}", query(any_url, "SELECT min(id) FROM findings")[0][0])


def test_finding_ids_and_print_ids_are_stable_across_publications(sqlite_url, tmp_path, out):
    load_published(sqlite_url, out)
    before = {r[0] for r in query(sqlite_url, "SELECT id FROM findings")}
    smaller = publish_out(tmp_path / "small", publication(findings=FINDINGS[:2]))
    load_published(sqlite_url, smaller)
    assert {r[0] for r in query(sqlite_url, "SELECT id FROM findings")} < before


def test_a_failure_mid_load_leaves_the_previous_data(any_url, out, changed_out, monkeypatch):
    load_published(any_url, out)
    before = dump(any_url, skip=())
    real = dbmod.Database.executemany

    def failing(self, sql, rows):
        if "INSERT INTO finding_sources" in sql:  # facts and their history already written by then
            raise RuntimeError("injected failure")
        return real(self, sql, rows)

    monkeypatch.setattr(dbmod.Database, "executemany", failing)
    with pytest.raises(RuntimeError, match="injected"):
        load_published(any_url, changed_out)
    monkeypatch.undo()
    assert dump(any_url, skip=()) == before


LOADER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from iij_xbrl.export import db as dbmod
    from iij_xbrl.export.command import load_published
    real = dbmod.Database.executemany
    def stall(self, sql, rows):
        real(self, sql, rows)
        if "INSERT INTO fact_versions" in sql:
            Path({marker!r}).write_text("versions inserted")
            time.sleep({sleep})
    dbmod.Database.executemany = stall
    load_published({url!r}, Path({out!r}))
""")


def _loader(url, out, marker, sleep):
    script = LOADER.format(marker=str(marker), url=url, out=str(out), sleep=sleep)
    return subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE, text=True)


def _wait_for(path: Path, proc) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert proc.poll() is None, f"loader exited early: {proc.stderr.read()}"
        assert time.monotonic() < deadline, "loader never reached the facts"
        time.sleep(0.05)


def test_a_killed_load_loses_nothing(any_url, out, changed_out, tmp_path):
    load_published(any_url, out)
    before = dump(any_url, skip=())
    proc = _loader(any_url, changed_out, tmp_path / "marker", 60)
    try:
        _wait_for(tmp_path / "marker", proc)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert dump(any_url, skip=()) == before
    assert load_published(any_url, changed_out).load_id == 2  # and the next load goes through (no stale lock)


def test_two_concurrent_loads_both_land_one_after_the_other(any_url, out, changed_out, tmp_path):
    load_published(any_url, out)
    first = _loader(any_url, changed_out, tmp_path / "first", 1)
    _wait_for(tmp_path / "first", first)  # holds the lock now
    second = _loader(any_url, out, tmp_path / "second", 0)
    assert first.wait(60) == 0, first.stderr.read()
    assert second.wait(60) == 0, second.stderr.read()
    loads = query(any_url, "SELECT id, prints_changed FROM loads ORDER BY id")
    assert loads == [(1, 0), (2, 1), (3, 1)]  # the second saw the first's commit: it changed the figure back
    assert query(any_url, "SELECT count(*) FROM fact_versions WHERE valid_to_load IS NULL") == [(15,)]
    assert query(any_url, "SELECT value FROM facts WHERE document = '001_b.txt' AND line = 7") == [(51109001000,)]


# ---- our own namespace -------------------------------------------------------------------------------------

def test_sqlite_refuses_a_file_with_tables_it_did_not_create(sqlite_url, out, tmp_path):
    path = tmp_path / "iij.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE documents (name TEXT, note TEXT)")
        conn.execute("INSERT INTO documents VALUES ('mine', 'keep me')")
    with pytest.raises(InputError, match=r"did not create \(documents\)"):
        load_published(sqlite_url, out)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT * FROM documents").fetchall() == [("mine", "keep me")]
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["documents"]
    # our own file with a user's table added: refused too; a user's view on ours is kept
    other = f"sqlite:///{tmp_path}/ours.sqlite"
    load_published(other, out)
    with sqlite3.connect(tmp_path / "ours.sqlite") as conn:
        conn.execute("CREATE VIEW my_revenue AS SELECT value FROM facts WHERE concept = 'Revenues'")
    load_published(other, out)
    assert len(query(other, "SELECT * FROM my_revenue")) == 6
    with sqlite3.connect(tmp_path / "ours.sqlite") as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(InputError, match=r"did not create \(notes\) beside its own"):
        load_published(other, out)


def test_postgresql_loads_into_its_own_schema_and_leaves_public_alone(pg_url, out):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE public.documents (name TEXT)")
        conn.execute("INSERT INTO public.documents VALUES ('mine')")
    load_published(pg_url, out)
    load_published(pg_url + "?schema=analytics", out)
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT * FROM public.documents").fetchall() == [("mine",)]
        assert conn.execute("SELECT count(*) FROM iij.facts").fetchone() == (15,)
        assert conn.execute("SELECT count(*) FROM analytics.facts").fetchone() == (15,)
        conn.execute("CREATE TABLE iij.notes (x TEXT)")
        conn.commit()
    with pytest.raises(InputError, match=r"did not create \(notes\)"):
        load_published(pg_url, out)


# ---- migrations --------------------------------------------------------------------------------------------

V1_SCHEMA = (Path(__file__).parent / "export_schema_v1.sql").read_text(encoding="utf-8")
V1_ROWS = [  # two facts as schema version 1 held them (values as SQLite's text)
    (1, "fy2012h1", "Revenues", "2012-04-01", "2012-09-30", 2012, "1H", "", "JPY", "51109001000", -3, "001_b.txt", 7,
     "51,109,001", 1),
    (2, "fy2012h1", "EarningsPerShareBasic", "2012-04-01", "2012-09-30", 2012, "1H", "", "JPYPerShare", "49.5", 2,
     "001_b.txt", 9, "49.50", 1),
]


def _create_v1(conn, decimal_type: str, mark: str) -> None:
    text = V1_SCHEMA.replace("{decimal}", decimal_type)
    for statement in re.split(r"^;\s*$", text, flags=re.M):
        body = "\n".join(line for line in statement.splitlines() if not line.lstrip().startswith("--")).strip()
        if body:
            conn.execute(body)
    conn.execute(f"INSERT INTO meta VALUES ('schema_version', {mark})", (migrate.V1_DIGEST,))
    conn.execute(f"INSERT INTO filings VALUES ('fy2012h1', 't', '2012-04-01', '2012-09-30')")
    conn.execute("INSERT INTO documents VALUES ('001_b.txt', 'fy2012h1', 0)")
    conn.execute("INSERT INTO concepts VALUES ('Revenues', 'r', 'r', 'monetary', 'duration', 'credit', 0, NULL)")
    conn.execute("INSERT INTO concepts VALUES ('EarningsPerShareBasic', 'e', 'e', 'perShare', 'duration', NULL, 0, NULL)")
    for row in V1_ROWS:
        conn.execute(f"INSERT INTO facts VALUES ({', '.join([mark] * 15)})", row)
    conn.execute("CREATE VIEW my_revenue AS SELECT value FROM facts WHERE concept = 'Revenues'")


def _check_migrated(url, loaded) -> None:
    assert "migrated schema version 1" in loaded.migration
    assert query(url, "SELECT id, tool_version, prints_added FROM loads ORDER BY id")[0] == (1, "schema version 1", 2)
    # version 1's facts are load 1 of the history: revenue unchanged (its role changed: restated later), EPS
    # 49.50 replaced by 49.51 at load 2
    assert query(url, "SELECT value, valid_from_load FROM fact_history "
                      "WHERE id = 'p-001_b-L7-Revenues-D2012-04-01_2012-09-30_JPY' ORDER BY valid_from_load") \
        == [(51109001000, 1), (51109001000, 2)]
    assert query(url, "SELECT value_text, valid_to_load FROM fact_history "
                      "WHERE id = 'p-001_b-L9-EarningsPerShareBasic-D2012-04-01_2012-09-30_JPYPerShare' "
                      "ORDER BY valid_from_load") == [("49.50", 2), ("49.51", None)]
    assert query(url, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(migrate.VERSION),)]


def test_migration_from_schema_version_1_on_sqlite_keeps_facts_and_the_users_view(sqlite_url, out, tmp_path):
    with sqlite3.connect(tmp_path / "iij.sqlite") as conn:
        _create_v1(conn, "TEXT", "?")
    loaded = load_published(sqlite_url, out)
    _check_migrated(sqlite_url, loaded)
    assert query(sqlite_url, "SELECT value FROM my_revenue ORDER BY value") \
        == [(1082000000,), (48000000000,), (51100000000,), (51109001000,), (51500000000,), (115000000000,)]


def test_migration_from_schema_version_1_on_postgresql_keeps_facts_grants_and_views(pg_url, out):
    import psycopg

    role = f"reader_{os.getpid()}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        _create_v1(conn, "NUMERIC", "%s")
        conn.execute(f"DROP ROLE IF EXISTS {role}")
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT SELECT ON public.facts, public.my_revenue TO {role}")
    try:
        loaded = load_published(pg_url, out)
        _check_migrated(pg_url, loaded)
        with psycopg.connect(pg_url) as conn:
            assert conn.execute("SELECT count(*) FROM public.my_revenue").fetchone() == (1,)  # left as it was
            assert conn.execute("SELECT has_table_privilege(%s, 'iij.facts', 'SELECT')", (role,)).fetchone() \
                == (True,)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_a_later_schema_change_a_users_view_blocks_stops_with_one_line(pg_url, out, monkeypatch):
    import psycopg

    load_published(pg_url, out)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE VIEW public.my_values AS SELECT value FROM iij.fact_versions")
    current = migrate.VERSION
    monkeypatch.setattr(migrate, "VERSION", current + 1)
    monkeypatch.setitem(migrate.MIGRATIONS, current, lambda db: db.execute(
        "ALTER TABLE fact_versions DROP COLUMN value") and "dropped")
    with pytest.raises(InputError) as caught:
        load_published(pg_url, out)
    assert "my_values depends on column value" in str(caught.value) and "\n" not in str(caught.value)
    assert query(pg_url, "SELECT count(*) FROM loads") == [(1,)]


# ---- failures ----------------------------------------------------------------------------------------------

def _one_line(exc: InputError, *secrets: str) -> str:
    text = str(exc)
    assert "\n" not in text and not any(s in text for s in secrets), text
    return text


def test_a_locked_sqlite_database_is_one_line_and_changes_nothing(sqlite_url, out, changed_out, tmp_path,
                                                                  monkeypatch):
    load_published(sqlite_url, out)
    before = dump(sqlite_url, skip=())
    monkeypatch.setattr(dbmod.SQLite, "lock_wait", 0.2)
    holder = sqlite3.connect(tmp_path / "iij.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(InputError) as caught:
            load_published(sqlite_url, changed_out)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked by another connection" in _one_line(caught.value)
    assert dump(sqlite_url, skip=()) == before


def test_an_unwritable_path_is_one_line(out, tmp_path):
    (tmp_path / "file").write_text("x")
    for url in ("sqlite:////proc/iij-xbrl-test.sqlite", f"sqlite:///{tmp_path}/file/iij.sqlite"):
        with pytest.raises(InputError) as caught:
            load_published(url, out)
        assert "cannot open the SQLite database" in _one_line(caught.value)


def test_bad_urls_and_passwords_are_redacted():
    for url, expected in [("mysql://localhost/x", "sqlite:/// or postgresql://"),
                          ("postgresql://nobody:s3cret@127.0.0.1:1/x?password=hunter2", "cannot connect"),
                          ("postgresql://nobody@127.0.0.1:1/x?sslmode=disable&password=hunter2", "cannot connect"),
                          ("postgresql://nobody@127.0.0.1/x?schema=Bad-Name&password=hunter2", "not a lower-case")]:
        with pytest.raises(InputError) as caught:
            dbmod.connect(url)
        assert expected in _one_line(caught.value, "s3cret", "hunter2")
    assert dbmod.redact("postgresql://u:pw@h/db?password=pw&x=1") == "postgresql://u:***@h/db?password=***&x=1"


def test_missing_privilege_is_one_line(pg_url, out):
    import psycopg

    role = f"nocreate_{os.getpid()}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {role}")
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'pw{role}'")
    url = re.sub(r"//[^@/]*@", f"//{role}:pw{role}@", pg_url)
    try:
        with pytest.raises(InputError) as caught:
            load_published(url, out)
        assert "missing privilege" in _one_line(caught.value, f"pw{role}")
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")


def test_the_server_going_away_mid_load_is_one_line_and_changes_nothing(pg_url, out, changed_out, monkeypatch):
    import psycopg

    load_published(pg_url, out)
    before = dump(pg_url, skip=())
    real = dbmod.Database.executemany

    def terminate_after_versions(self, sql, rows):
        real(self, sql, rows)
        if "INSERT INTO fact_versions" in sql:
            pid = self.conn.info.backend_pid
            with psycopg.connect(pg_url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))

    monkeypatch.setattr(dbmod.Database, "executemany", terminate_after_versions)
    with pytest.raises(InputError) as caught:
        load_published(pg_url, changed_out)
    monkeypatch.undo()
    assert "connection to PostgreSQL failed during the load" in _one_line(caught.value)
    assert dump(pg_url, skip=()) == before


def test_engines_differ_only_in_their_dialect_objects():
    """The load code asks the dialect, never which engine it is (no name branches, no placeholder rewriting)."""
    import inspect

    from iij_xbrl.export import load as loadmod
    from iij_xbrl.export import rows

    for module in (loadmod, rows, migrate):
        source = inspect.getsource(module)
        assert not re.search(r"sqlite|postgres|dialect\.name|\.replace\(\"\?\"", source, re.I), module.__name__
    sqlite, pg = dbmod.SQLite(Path("x")), dbmod.PostgreSQL("iij")
    assert (sqlite.bind_decimal(Decimal("5.10E+1")), sqlite.bind_decimal(Decimal("49.51"))) == (51, 49.51)
    assert pg.bind_decimal(Decimal("5.10E+1")) == Decimal("51")



def test_publish_continues_the_history_of_its_database(tmp_path):
    import io

    from emit_fixtures import sample_publication

    from iij_xbrl.publish import publish

    out = tmp_path / "out"
    for _ in range(2):
        publish(out, sample_publication(), stream=io.StringIO())
    assert query(f"sqlite:///{out}/iij.sqlite", "SELECT id, prints_added, prints_changed FROM loads") \
        == [(1, 15, 0), (2, 0, 0)]
    (out / "iij.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(InputError, match="cannot read the previous database"):
        publish(out, sample_publication(), stream=io.StringIO())
    assert (out / "iij.sqlite").read_bytes() == b"not a database" * 100
