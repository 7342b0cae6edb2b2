"""Database export: exact decimals, identical rows on SQLite and PostgreSQL, idempotent
and all-or-nothing loads, and the views analysts query."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from emit_fixtures import spec
from pg import pg_url  # noqa: F401  (fixture)

from iij_xbrl.export import db as dbmod
from iij_xbrl.export.load import export_to
from iij_xbrl.export.rows import COLUMNS, CalcRelationship
from iij_xbrl.model import Concept, Fact, Filing, Label, Period, Provenance
from iij_xbrl.publication import FilingFacts

VIEWS = ("filing_facts", "authoritative_facts", "restatements")
H1_12 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30))
H1_11 = Period(start=date(2011, 4, 1), end=date(2011, 9, 30))
FY12 = Period(start=date(2012, 4, 1), end=date(2013, 3, 31))
SEP12 = Period(end=date(2012, 9, 30))
MAR12 = Period(end=date(2012, 3, 31))
Q2_12 = Period(start=date(2012, 7, 1), end=date(2012, 9, 30))


def concept(name, data_type="monetary", period="duration", balance="credit", usgaap=None):
    return Concept(name=name, data_type=data_type, period_type=period, balance=balance,
                   labels={"label": Label(en=name, ja=f"{name}（日本語）"),
                           "total": Label(en=f"Total {name}", ja=f"{name}合計")},
                   usgaap=usgaap)


TAXONOMY = SimpleNamespace(concepts={c.name: c for c in [
    concept("Revenues", usgaap="Revenues"),
    concept("NetworkServicesRevenue"),
    concept("SystemsIntegrationRevenue"),
    concept("GrossMarginRatio", data_type="percent", balance=None),
    concept("EarningsPerShareBasic", data_type="perShare", balance=None),
    concept("CashAndCashEquivalents", period="instant", balance="debit"),
]})
CALC = [CalcRelationship("http://www.iij.ad.jp/xbrl/iij/2025/role/IncomeStatement", "Revenues",
                         "NetworkServicesRevenue", Decimal(1), Decimal(1)),
        CalcRelationship("http://www.iij.ad.jp/xbrl/iij/2025/role/IncomeStatement", "Revenues",
                         "SystemsIntegrationRevenue", Decimal(1), Decimal("2.5"))]


def fact(concept_name, period, value, decimals, doc, line, text, unit="JPY", **dims):
    return Fact(concept=concept_name, period=period, dimensions=dims, unit=unit,
                value=None if value is None else Decimal(value), decimals=decimals,
                provenance=Provenance(document=doc, line=line, text=text))


def filings(revenue_1h12="51109001000"):
    """Two filings: 1H12 revenue printed twice in fy2012h1 (bn and thousands), restated by fy2013q3;
    1H12 network services revenue repeated by fy2013q3 within rounding."""
    fy2012h1 = Filing(**spec("fy2012h1", "1H FY2012", ["000_a.txt", "001_b.txt"], H1_12), facts=[
        fact("Revenues", H1_12, "51100000000", -8, "000_a.txt", 3, "51.1"),
        fact("Revenues", H1_12, revenue_1h12, -3, "001_b.txt", 7, "51,109,001"),
        fact("Revenues", H1_11, "48000000000", -6, "000_a.txt", 3, "48,000"),
        fact("NetworkServicesRevenue", H1_12, "24500000000", -6, "000_a.txt", 4, "24,500"),
        fact("NetworkServicesRevenue", Q2_12, "12300000000", -8, "000_a.txt", 12, "12.3"),
        fact("SystemsIntegrationRevenue", Q2_12, "11000000000", -8, "000_a.txt", 12, "11.0"),
        fact("Revenues", H1_12, "1082000000", -6, "000_a.txt", 5, "1,082", SegmentAxis="ATMOperationBusinessMember"),
        fact("Revenues", FY12, "115000000000", -9, "000_a.txt", 6, "115", ScenarioAxis="InitialTargetMember"),
        fact("GrossMarginRatio", H1_12, "0.083", 3, "000_a.txt", 8, "8.3%", unit="pure"),
        fact("EarningsPerShareBasic", H1_12, "49.51", 2, "001_b.txt", 9, "49.51", unit="JPYPerShare"),
        fact("CashAndCashEquivalents", SEP12, "-1866000", -3, "001_b.txt", 10, "(1,866)"),
        fact("CashAndCashEquivalents", MAR12, None, None, "001_b.txt", 11, "-"),
    ])
    fy2013q3 = Filing(**spec("fy2013q3", "1Q-3Q FY2013", ["003_c.txt"],
                             Period(start=date(2013, 4, 1), end=date(2013, 12, 31)), date(2014, 2, 7)), facts=[
        fact("Revenues", H1_12, "51500000000", -8, "003_c.txt", 2, "51.5"),
        fact("NetworkServicesRevenue", H1_12, "24500000000", -8, "003_c.txt", 3, "24.5"),
        fact("EarningsPerShareBasic", H1_12, "49.51", 2, "003_c.txt", 4, "49.51", unit="JPYPerShare"),
    ])
    return [FilingFacts.of(f, f.facts) for f in (fy2012h1, fy2013q3)]


FINDINGS = [
    {"rule": "iij:duplicate-mismatch", "severity": "error", "message": "1H12 revenue printed as 51.1 and 51,109,001",
     "filing": "fy2012h1", "concepts": ["Revenues"], "period": "2012-04-01..2012-09-30",
     "values": {"reported": "51100000000", "other": "51109001000"},
     "sources": [{"document": "000_a.txt", "line": 3}, {"document": "001_b.txt", "line": 7}]},
    {"rule": "iij:restated", "severity": "info", "message": "fy2013q3 restates 1H12 revenue", "filing": "fy2013q3",
     "concepts": ["Revenues"], "period": "2012-04-01..2012-09-30", "values": {},
     "sources": [{"document": "003_c.txt", "line": 2}]},
    {"rule": "iij:balance", "severity": "warning", "message": "cash", "filing": "fy2012h1", "concepts": [],
     "period": "2012-09-30", "values": {"computed": "[1, 2]"}, "sources": [{"document": "001_b.txt"}]},
]


def write_documents(folder: Path) -> Path:
    for name, lines in {"000_a.txt": 12, "001_b.txt": 12, "003_c.txt": 5}.items():
        (folder / name).write_text("".join(f"{name} line {n}\n" for n in range(1, lines + 1)), encoding="utf-8")
    return folder


def load(url, tmp_path, revenue="51109001000", findings=FINDINGS):
    return export_to(url, TAXONOMY, filings(revenue), findings, CALC, documents_dir=write_documents(tmp_path))


def dump(url) -> dict[str, list[tuple]]:
    """Every table and view, sorted, with decimals and dates as canonical text."""
    db = dbmod.connect(url)
    try:
        out = {}
        for name in [*COLUMNS, *VIEWS]:
            cursor = db.execute(f"SELECT * FROM {name}")
            columns = tuple(d[0] for d in cursor.description)
            out[name] = [columns] + sorted((tuple(dbmod.plain(v) for v in row) for row in cursor.fetchall()),
                                           key=repr)
        return out
    finally:
        db.close()


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


def test_decimals_round_trip_exactly(any_url, tmp_path):
    load(any_url, tmp_path)
    db = dbmod.connect(any_url)
    try:
        values = {(doc, line): v for doc, line, v in db.execute("SELECT document, line, value FROM facts")}
    finally:
        db.close()
    as_decimal = {k: None if v is None else Decimal(v) if isinstance(v, str) else v for k, v in values.items()}
    assert as_decimal[("001_b.txt", 7)] == Decimal("51109001000")
    assert as_decimal[("001_b.txt", 9)] == Decimal("49.51")
    assert as_decimal[("000_a.txt", 8)] == Decimal("0.083")
    assert as_decimal[("001_b.txt", 10)] == Decimal("-1866000")
    assert as_decimal[("001_b.txt", 11)] is None
    assert all(v is None or isinstance(v, Decimal) for v in as_decimal.values())
    # Exact, not merely close: the stored text is the canonical digits, never a float's.
    assert dbmod.plain(values[("000_a.txt", 3)]) == "51100000000"
    assert dbmod.plain(values[("001_b.txt", 9)]) == "49.51"


def test_sqlite_stores_decimals_as_text(sqlite_url, tmp_path):
    load(sqlite_url, tmp_path)
    types = query(sqlite_url, "SELECT DISTINCT typeof(value) FROM facts")
    assert set(types) == {("text",), ("null",)}
    assert set(query(sqlite_url, "SELECT DISTINCT typeof(weight) || typeof(arc_order) "
                                 "FROM calculation_relationships")) == {("texttext",)}


def test_postgresql_columns_are_numeric(pg_url, tmp_path):
    load(pg_url, tmp_path)
    types = query(pg_url, "SELECT table_name, column_name, data_type FROM information_schema.columns "
                          "WHERE data_type IN ('numeric', 'real', 'double precision') AND table_schema = 'public'")
    assert sorted(types) == [("authoritative_facts", "value", "numeric"),
                             ("calculation_relationships", "arc_order", "numeric"),
                             ("calculation_relationships", "weight", "numeric"),
                             ("facts", "value", "numeric"),
                             ("filing_facts", "value", "numeric"),
                             ("restatements", "previous_value", "numeric"),
                             ("restatements", "value", "numeric")]


def test_sqlite_and_postgresql_hold_identical_rows(sqlite_url, pg_url, tmp_path):
    counts = load(sqlite_url, tmp_path)
    assert load(pg_url, tmp_path) == counts
    sqlite_rows, pg_rows = dump(sqlite_url), dump(pg_url)
    assert sqlite_rows == pg_rows
    assert len(sqlite_rows["facts"]) - 1 == counts["facts"] == 15


def test_loading_twice_changes_nothing(any_url, tmp_path):
    load(any_url, tmp_path)
    first = dump(any_url)
    load(any_url, tmp_path)
    assert dump(any_url) == first


def test_a_new_load_replaces_the_previous_one(any_url, tmp_path):
    load(any_url, tmp_path)
    load(any_url, tmp_path, revenue="51109002000", findings=FINDINGS[:1])
    assert query(any_url, "SELECT value FROM facts WHERE document = '001_b.txt' AND line = 7") == [("51109002000",)]
    assert query(any_url, "SELECT count(*) FROM findings") == [(1,)]


def test_a_failure_mid_load_leaves_the_previous_data(any_url, tmp_path, monkeypatch):
    load(any_url, tmp_path)
    before = dump(any_url)
    real = dbmod.Database.executemany

    def failing(self, sql, rows):
        if "INSERT INTO fact_dimensions" in sql:  # facts already replaced by then
            raise RuntimeError("injected failure")
        return real(self, sql, rows)

    monkeypatch.setattr(dbmod.Database, "executemany", failing)
    with pytest.raises(RuntimeError, match="injected"):
        load(any_url, tmp_path, revenue="1", findings=[])
    monkeypatch.undo()
    assert dump(any_url) == before


KILLED_LOAD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    import test_export as t
    from iij_xbrl.export import db as dbmod
    real = dbmod.Database.executemany
    def stall(self, sql, rows):
        real(self, sql, rows)
        if "INSERT INTO facts" in sql:
            Path({marker!r}).write_text("facts inserted")
            time.sleep(60)
    dbmod.Database.executemany = stall
    t.load({url!r}, Path({docs!r}), revenue="1", findings=[])
""")


def test_a_killed_load_loses_nothing(any_url, tmp_path):
    load(any_url, tmp_path)
    before = dump(any_url)
    marker = tmp_path / "marker"
    script = KILLED_LOAD.format(tests=str(Path(__file__).parent), marker=str(marker), url=any_url,
                                docs=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": ""})
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, "loader exited before the kill"
            assert time.monotonic() < deadline, "loader never reached the facts"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert dump(any_url) == before
    load(any_url, tmp_path)  # and the next load goes through (no stale lock)
    assert dump(any_url) == before


def test_authoritative_facts_take_the_latest_filing_then_the_most_precise_source(any_url, tmp_path):
    load(any_url, tmp_path)
    rows = query(any_url, "SELECT concept, period_start, dimensions, filing, value, document, line "
                          "FROM authoritative_facts WHERE concept = 'Revenues' ORDER BY period_start, dimensions")
    assert rows == [
        ("Revenues", "2011-04-01", "", "fy2012h1", "48000000000", "000_a.txt", 3),
        ("Revenues", "2012-04-01", "", "fy2013q3", "51500000000", "003_c.txt", 2),
        ("Revenues", "2012-04-01", "ScenarioAxis=InitialTargetMember", "fy2012h1", "115000000000", "000_a.txt", 6),
        ("Revenues", "2012-04-01", "SegmentAxis=ATMOperationBusinessMember", "fy2012h1", "1082000000",
         "000_a.txt", 5),
    ]
    # Within fy2012h1 the thousands beat the billions.
    assert query(any_url, "SELECT value, decimals FROM filing_facts WHERE concept = 'Revenues' "
                          "AND filing = 'fy2012h1' AND period_start = '2012-04-01' AND dimensions = ''") \
        == [("51109001000", -3)]
    assert query(any_url, "SELECT period_end, value FROM authoritative_facts "
                          "WHERE concept = 'CashAndCashEquivalents' ORDER BY period_end") \
        == [("2012-03-31", None), ("2012-09-30", "-1866000")]
    # The less precise duplicate stays in facts, out of the instance.
    assert query(any_url, "SELECT in_instance FROM facts WHERE document = '000_a.txt' AND line = 3 "
                          "AND period_start = '2012-04-01'") == [(0,)]


def test_restatements_keep_the_history(any_url, tmp_path):
    load(any_url, tmp_path)
    rows = query(any_url, "SELECT concept, previous_filing, previous_value, previous_line, filing, value, line "
                          "FROM restatements")
    # 51,109,001 thousand -> 51.5 bn is beyond rounding; EPS repeated and 24,500 m -> 24.5 bn are not.
    assert rows == [("Revenues", "fy2012h1", "51109001000", 7, "fy2013q3", "51500000000", 2)]
    history = query(any_url, "SELECT filing, value FROM filing_facts WHERE concept = 'NetworkServicesRevenue' "
                             "AND period_start = '2012-04-01' AND period_end = '2012-09-30' ORDER BY filing")
    assert history == [("fy2012h1", "24500000000"), ("fy2013q3", "24500000000")]


def test_findings_keep_concepts_values_and_sources(any_url, tmp_path):
    load(any_url, tmp_path)
    rows = query(any_url, """
        SELECT f.rule, s.document, s.line, l.text
        FROM findings f JOIN finding_sources s ON s.finding_id = f.id
        LEFT JOIN document_lines l ON l.document = s.document AND l.line = s.line
        WHERE f.severity = 'error' ORDER BY s.position""")
    assert rows == [("iij:duplicate-mismatch", "000_a.txt", 3, "000_a.txt line 3"),
                    ("iij:duplicate-mismatch", "001_b.txt", 7, "001_b.txt line 7")]
    assert query(any_url, "SELECT period_start, period_end FROM findings WHERE rule = 'iij:balance'") \
        == [(None, "2012-09-30")]
    assert sorted(query(any_url, "SELECT name, value FROM finding_values")) == [
        ("computed", "[1, 2]"), ("other", "51109001000"), ("reported", "51100000000")]


def test_a_schema_from_another_version_is_replaced(sqlite_url, tmp_path):
    load(sqlite_url, tmp_path)
    expected = dump(sqlite_url)
    db = dbmod.connect(sqlite_url)
    db.execute("UPDATE meta SET value = 'old' WHERE key = 'schema_version'")
    db.execute("DROP VIEW restatements")
    db.close()
    load(sqlite_url, tmp_path)
    assert dump(sqlite_url) == expected


def readme_sql() -> list[str]:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Database\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def test_readme_examples_answer_on_both_databases(sqlite_url, pg_url, tmp_path):
    load(sqlite_url, tmp_path)
    load(pg_url, tmp_path)
    quarterly, errors, restated = readme_sql()
    for url in (sqlite_url, pg_url):
        assert query(url, quarterly) == [
            (2012, "2Q", "NetworkServicesRevenue", "12300000000", "fy2012h1", "000_a.txt", 12),
            (2012, "2Q", "SystemsIntegrationRevenue", "11000000000", "fy2012h1", "000_a.txt", 12)]
        assert [(r[1], r[5], r[6], r[7]) for r in query(url, errors)] == [
            ("iij:duplicate-mismatch", "000_a.txt", 3, "000_a.txt line 3"),
            ("iij:duplicate-mismatch", "001_b.txt", 7, "001_b.txt line 7")]
        assert [r[5:] for r in query(url, restated)] == [
            ("fy2012h1", "51109001000", "001_b.txt", 7, "51,109,001", "fy2013q3", "51500000000", "003_c.txt", 2,
             "51.5")]


def test_fiscal_periods():
    from iij_xbrl.sources.calendar import fiscal_span as fiscal_period

    assert fiscal_period(Q2_12) == (2012, "2Q")
    assert fiscal_period(H1_12) == (2012, "1H")
    assert fiscal_period(FY12) == (2012, "FY")
    assert fiscal_period(Period(start=date(2013, 10, 1), end=date(2014, 3, 31))) == (2013, "2H")
    assert fiscal_period(Period(start=date(2014, 1, 1), end=date(2014, 3, 31))) == (2013, "4Q")
    assert fiscal_period(Period(start=date(2013, 4, 1), end=date(2013, 12, 31))) == (2013, "9M")
    assert fiscal_period(SEP12) == (None, None)
    assert fiscal_period(Period(start=date(2012, 5, 1), end=date(2012, 9, 30))) == (None, None)


def test_bad_urls_are_input_errors(tmp_path):
    from iij_xbrl.xbrl.errors import InputError

    with pytest.raises(InputError, match="sqlite:/// or postgresql://"):
        dbmod.connect("mysql://localhost/x")
    with pytest.raises(InputError, match="cannot connect to PostgreSQL"):
        dbmod.connect("postgresql://nobody:secret@127.0.0.1:1/x")


def test_engines_differ_only_in_their_dialect_objects():
    """The load code asks the dialect, never which engine it is (no name branches, no placeholder rewriting)."""
    import inspect

    from iij_xbrl.export import load as loadmod
    from iij_xbrl.export import rows

    for module in (loadmod, rows):
        source = inspect.getsource(module)
        assert not re.search(r"sqlite|postgres|dialect\.name|\.replace\(\"\?\"", source, re.I), module.__name__
    sqlite, pg = dbmod.DIALECTS["sqlite:///"], dbmod.DIALECTS["postgresql://"]
    assert (sqlite.placeholder, sqlite.decimal_type, sqlite.bind_decimal(Decimal("5.10E+1"))) == ("?", "TEXT", "51")
    assert (pg.placeholder, pg.decimal_type, pg.bind_decimal(Decimal("5.10E+1"))) == ("%s", "NUMERIC", Decimal("51"))
