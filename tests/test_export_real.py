"""`iij-xbrl export` of the real publication (what `publish` wrote): the analyst query suite returns identical
results on SQLite and PostgreSQL, numbers compare numerically, the figures are the printed ones, the value to
use prefers an exact figure over a later rounder reprint, per-share figures carry their split basis, and the
command's failures are one line."""
from __future__ import annotations

import csv
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pg import pg_url  # noqa: F401  (fixture)
from report_fixtures import reports
from test_export import query

from emit_fixtures import ROOT
from iij_xbrl.cli import main
from iij_xbrl.export import command
from iij_xbrl.paths import Project

PROJECT = Project(ROOT)
D001 = "001_5ab34944f22f6fd1.txt"

# The analyst query suite: each runs unchanged on both engines. ORDER BY is total so results compare row by row;
# ratios are ROUNDed (PostgreSQL's NUMERIC division carries more digits than SQLite's REAL).
SUITE = {
    "quarterly revenue by line across filings": """
        SELECT a.fiscal_year, a.fiscal_period, c.label_en, a.value, a.filing, a.document, a.line
        FROM authoritative_facts a JOIN concepts c ON c.name = a.concept
        WHERE a.concept IN ('NetworkServicesRevenue', 'SystemsIntegrationRevenue', 'EquipmentSalesRevenue',
                            'ATMOperationRevenue', 'Revenues')
          AND a.fiscal_period IN ('1Q', '2Q', '3Q', '4Q') AND a.dimensions = ''
        ORDER BY a.fiscal_year, a.fiscal_period, c.label_en""",
    "latest value with restatements": """
        SELECT a.concept, a.period_start, a.period_end, a.dimensions, a.value, a.filing,
               r.previous_filing, r.previous_value
        FROM authoritative_facts a
        LEFT JOIN restatements r ON r.concept = a.concept AND r.period_end = a.period_end
             AND r.dimensions = a.dimensions AND r.unit = a.unit AND r.filing = a.filing
             AND (r.period_start = a.period_start OR (r.period_start IS NULL AND a.period_start IS NULL))
        WHERE a.concept IN ('Revenues', 'OperatingIncomeLoss', 'NetIncomeAttributableToParent')
        ORDER BY a.concept, a.period_end, a.period_start, a.dimensions""",
    "operating margin": """
        SELECT r.fiscal_year, r.fiscal_period, r.value AS revenue, o.value AS operating_income,
               ROUND(o.value * 1.0 / r.value, 4) AS margin
        FROM authoritative_facts r
        JOIN authoritative_facts o ON o.concept = 'OperatingIncomeLoss' AND o.period_start = r.period_start
             AND o.period_end = r.period_end AND o.dimensions = r.dimensions
        WHERE r.concept = 'Revenues' AND r.dimensions = '' AND r.value <> 0
        ORDER BY r.period_end, r.period_start""",
    "segments with member labels": """
        SELECT a.concept, a.fiscal_year, a.fiscal_period, m.label_en, m.is_default, a.value
        FROM authoritative_facts a
        JOIN fact_dimensions d ON d.fact_id = a.id AND d.axis = 'BusinessSegmentsAxis'
        JOIN members m ON m.name = d.member
        WHERE a.concept IN ('Revenues', 'OperatingIncomeLoss') AND a.dimensions NOT LIKE '%Target%'
        ORDER BY a.concept, a.period_end, a.period_start, m.position""",
    "targets initial, revised, actual": """
        SELECT concept, fiscal_year,
               MAX(CASE WHEN dimensions = 'ScenarioAxis=InitialTargetMember' THEN value END) AS initial_target,
               MAX(CASE WHEN dimensions = 'ScenarioAxis=RevisedTargetMember' THEN value END) AS revised_target,
               MAX(CASE WHEN dimensions = '' THEN value END) AS actual
        FROM authoritative_facts
        WHERE fiscal_period = 'FY' AND concept IN ('Revenues', 'OperatingIncomeLoss', 'NetIncomeAttributableToParent')
        GROUP BY concept, fiscal_year
        ORDER BY concept, fiscal_year""",
    "facts with their source lines": """
        SELECT f.concept, f.period_start, f.period_end, f.dimensions, f.value, f.printed_text, f.document, f.line,
               l.text
        FROM facts f JOIN document_lines l ON l.document = f.document AND l.line = f.line
        WHERE f.filing = 'fy2012h1' AND f.concept = 'NetIncomeAttributableToParent'
        ORDER BY f.document, f.line, f.period_end, f.period_start, f.dimensions""",
    "findings per filing": """
        SELECT fl.id, fl.released, x.severity, COUNT(x.id) AS findings, COUNT(DISTINCT ff.print_id) AS facts_named
        FROM filings fl
        LEFT JOIN findings x ON x.filing = fl.id
        LEFT JOIN finding_facts ff ON ff.finding_id = x.id
        GROUP BY fl.id, fl.released, x.severity
        ORDER BY fl.released, x.severity""",
    "year-on-year growth": """
        SELECT cur.concept, cur.fiscal_year, cur.value, prev.value AS previous,
               ROUND((cur.value - prev.value) * 1.0 / prev.value, 4) AS growth
        FROM authoritative_facts cur
        JOIN authoritative_facts prev ON prev.concept = cur.concept AND prev.fiscal_period = cur.fiscal_period
             AND prev.fiscal_year = cur.fiscal_year - 1 AND prev.dimensions = cur.dimensions
        WHERE cur.concept IN ('Revenues', 'OperatingIncomeLoss') AND cur.fiscal_period = 'FY'
          AND cur.dimensions = '' AND prev.value <> 0
        ORDER BY cur.concept, cur.fiscal_year""",
    "top ten amounts": """
        SELECT concept, period_start, period_end, value, filing
        FROM authoritative_facts WHERE unit = 'JPY' AND dimensions = ''
        ORDER BY value DESC, concept, period_end, period_start
        LIMIT 10""",
    "as known on 2012-12-31": """
        SELECT ff.concept, ff.fiscal_year, ff.value, ff.filing, ff.filing_released
        FROM filing_facts ff
        WHERE ff.concept = 'Revenues' AND ff.fiscal_period = 'FY' AND ff.dimensions = ''
          AND ff.filing_released <= '2012-12-31'
          AND NOT EXISTS (SELECT 1 FROM filing_facts later
                          WHERE later.concept = ff.concept AND later.period_end = ff.period_end
                            AND later.period_start = ff.period_start AND later.dimensions = ff.dimensions
                            AND later.filing_released <= '2012-12-31'
                            AND later.filing_released > ff.filing_released)
        ORDER BY ff.fiscal_year""",
    "income statement in presentation order": """
        SELECT p.position, p.depth, COALESCE(l.label_en, c.label_en) AS label, f.value
        FROM presentation_relationships p
        JOIN roles r ON r.elr = p.elr
        JOIN concepts c ON c.name = p.concept
        LEFT JOIN concept_labels l ON l.concept = p.concept AND l.role = p.preferred_label
        LEFT JOIN filing_facts f ON f.concept = p.concept AND f.filing = 'fy2012h1' AND f.dimensions = ''
             AND f.period_start = '2012-04-01' AND f.period_end = '2012-09-30'
        WHERE r.id = 'IncomeStatement'
        ORDER BY p.position""",
    "per-share amounts on the post-split basis": """
        SELECT f.concept, f.fiscal_year, f.fiscal_period, f.dimensions, f.document, f.line, f.value, f.basis,
               CASE WHEN f.basis = 'pre-split' THEN ROUND(f.value * 1.0 / s.ratio, 4)
                    WHEN f.basis = 'post-split' THEN f.value END AS post_split_value
        FROM facts f CROSS JOIN stock_splits s
        WHERE f.basis IS NOT NULL
        ORDER BY f.concept, f.period_end, f.period_start, f.dimensions, f.document, f.line""",
    "error findings with the facts they name": """
        SELECT x.rule, x.filing, ff.position, f.concept, f.value, f.document, f.line
        FROM findings x
        JOIN finding_facts ff ON ff.finding_id = x.id
        LEFT JOIN facts f ON f.id = ff.print_id
        WHERE x.severity = 'error'
        ORDER BY x.rule, x.filing, x.message, ff.position""",
}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return reports(tmp_path_factory).dir  # the real project, published


@pytest.fixture(scope="module")
def sqlite_url(out_dir, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('db')}/iij.sqlite"
    command.load_published(url, out_dir)
    return url


def readme_sql() -> list[str]:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Database\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    return [statement for block in blocks for statement in re.split(r";\s*\n", block) if statement.strip()]


def test_the_query_suite_and_the_readme_queries_answer_identically_on_both_engines(sqlite_url, pg_url, out_dir):
    command.load_published(pg_url, out_dir)
    queries = {**SUITE, **{f"README {n}": sql for n, sql in enumerate(readme_sql(), start=1)}}
    assert len(SUITE) >= 10 and len(queries) > len(SUITE)
    for name, sql in queries.items():
        on_sqlite = query(sqlite_url, sql)
        assert on_sqlite, f"{name}: no rows"
        assert query(pg_url, sql) == on_sqlite, name


def _published_values(out_dir: Path) -> list[Decimal]:
    with open(out_dir / "facts.csv", encoding="utf-8", newline="") as f:
        return [Decimal(r["value"]) for r in csv.DictReader(f) if r["unit"] == "JPY" and r["value"]]


def test_numbers_compare_numerically_on_sqlite(sqlite_url, out_dir):
    values = _published_values(out_dir)
    assert query(sqlite_url, "SELECT value FROM facts WHERE unit = 'JPY' ORDER BY value DESC LIMIT 1") \
        == [(int(max(values)),)]
    assert query(sqlite_url, "SELECT count(*) FROM facts WHERE unit = 'JPY' AND value > 1000000000") \
        == [(sum(v > 1000000000 for v in values),)]
    assert query(sqlite_url, "SELECT sum(value), min(value) FROM facts WHERE unit = 'JPY'") \
        == [(int(sum(values)), int(min(values)))]


def test_real_figures_are_exact(sqlite_url):
    # The press release's thousands (001) beat the presentation's millions and billions (000).
    revenue = query(sqlite_url, "SELECT value, decimals, document FROM filing_facts WHERE concept = 'Revenues' "
                                "AND period_start = '2012-04-01' AND period_end = '2012-09-30' AND dimensions = '' "
                                f"AND filing = (SELECT filing FROM documents WHERE name = '{D001}')")
    assert revenue == [(51109001000, -3, D001)]
    assert query(sqlite_url, "SELECT DISTINCT value_text FROM facts WHERE printed_text = '49.51' "
                             "AND unit = 'JPYPerShare'") == [("49.51",)]
    labels = query(sqlite_url, "SELECT label_ja, period_type, balance FROM concepts WHERE name = 'Revenues'")
    assert labels and labels[0][0] and labels[0][1:] == ("duration", "credit")
    assert query(sqlite_url, "SELECT l.text FROM finding_sources s JOIN document_lines l "
                             "ON l.document = s.document AND l.line = s.line")[0][0].strip()


def test_an_exact_figure_beats_a_later_rounder_reprint_it_agrees_with(sqlite_url):
    rows = query(sqlite_url, "SELECT filing, value, authoritative FROM facts WHERE value_text IN "
                             "('-27279000', '-27000000') AND concept = 'DeferredIncomeTaxExpenseBenefit' ORDER BY filing")
    assert rows == [("fy2012h1", -27279000, 1), ("fy2013q3", -27000000, 0)]


def test_per_share_figures_carry_their_split_basis(sqlite_url):
    assert query(sqlite_url, "SELECT effective, ratio FROM stock_splits") == [("2012-10-01", 200)]
    basis = dict(query(sqlite_url, "SELECT printed_text, basis FROM facts WHERE document = "
                                   f"'{D001}' AND line BETWEEN 779 AND 781"))
    assert basis == {"1,500.00": "pre-split", "1,750.00": "pre-split", "3,250.00": "pre-split",
                     "8.75": "post-split", "1,758.75": "mixed"}
    # documents released before the split are all on the old basis, none of the others' unlisted prints
    assert query(sqlite_url, "SELECT DISTINCT f.basis FROM facts f JOIN documents d ON d.name = f.document "
                             "WHERE f.basis IS NOT NULL AND d.released < '2012-10-01'") == [("pre-split",)]
    assert query(sqlite_url, "SELECT count(*) FROM facts WHERE basis IS NULL AND unit = 'JPYPerShare'") == [(0,)]


def test_export_command_reports_the_load_and_refuses_a_foreign_file_in_one_line(out_dir, tmp_path):
    url = f"sqlite:///{tmp_path}/iij.sqlite"
    result = CliRunner().invoke(main, ["--project", str(ROOT), "export", "--out", str(out_dir), "--db", url])
    assert result.exit_code == 0, result.output
    assert re.search(r"load 1 \(\d+ prints added, 0 changed, 0 removed\)", result.output)
    with sqlite3.connect(tmp_path / "theirs.sqlite") as conn:
        conn.execute("CREATE TABLE documents (name TEXT)")
        conn.execute("INSERT INTO documents VALUES ('keep me')")
    result = CliRunner().invoke(main, ["--project", str(ROOT), "export", "--out", str(out_dir), "--db",
                                       f"sqlite:///{tmp_path}/theirs.sqlite"])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, result.output
    assert result.stderr.startswith("error: sqlite:///") and "did not create (documents)" in result.stderr
    with sqlite3.connect(tmp_path / "theirs.sqlite") as conn:
        assert conn.execute("SELECT * FROM documents").fetchall() == [("keep me",)]
    result = CliRunner().invoke(main, ["--project", str(ROOT), "export", "--out", str(out_dir), "--db",
                                       "postgresql://me:s3cret@127.0.0.1:1/db?password=s3cret"])
    assert result.exit_code == 2 and "s3cret" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_out_without_manifest_is_an_input_error(tmp_path):
    from iij_xbrl.xbrl.errors import InputError

    with pytest.raises(InputError, match="run `iij-xbrl publish` first"):
        command.run(f"sqlite:///{tmp_path}/iij.sqlite", tmp_path, PROJECT)


def test_findings_are_loaded_with_their_text(sqlite_url):
    # every IIJ finding carries its words for readers, beside the developers' message
    texts = query(sqlite_url, "SELECT text, message FROM findings WHERE rule LIKE 'iij:%'")
    assert texts and all(text and text != message for text, message in texts)
    assert query(sqlite_url, "SELECT count(*) FROM findings WHERE text LIKE '%2,488 JPY million (001:751)%'") == [(1,)]
