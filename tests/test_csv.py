"""xBRL-CSV emitter: document-shaped tables that carry every fact exactly once (no Arelle here)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from emit_fixtures import ROOT
from report_fixtures import NETWORKS, concepts, report_filing
from iij_xbrl.emit import layout, oim_csv
from iij_xbrl.sources import calendar
from iij_xbrl.model import Period


def _tables(files: dict[str, str]) -> dict[str, list[dict]]:
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in files.items() if name.endswith(".csv")}


def test_metadata_first_and_one_csv_per_table():
    files = oim_csv.to_csv(report_filing(), concepts(), NETWORKS)
    names = list(files)
    assert names[0] == "fy2012h1-metadata.json"
    meta = json.loads(files[names[0]])
    assert meta["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-csv"
    assert meta["documentInfo"]["taxonomy"] == ["http://www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd"]
    published = oim_csv.to_csv(report_filing(), concepts(), NETWORKS, "fy2012h1.xsd")[names[0]]
    assert json.loads(published)["documentInfo"]["taxonomy"] == ["fy2012h1.xsd"]
    assert {t["url"] for t in meta["tables"].values()} == set(names[1:])
    assert set(meta["tables"]) == {"IncomeStatement", "BalanceSheet", "Segments", "QuarterlySeries", "Targets",
                                   "OtherFigures"}


def test_statement_is_one_row_per_concept_and_one_column_per_period():
    files = oim_csv.to_csv(report_filing(), concepts(), NETWORKS)
    rows = _tables(files)["fy2012h1-IncomeStatement.csv"]
    assert [r["concept"] for r in rows] == ["iij:Revenues", "iij:CostOfRevenue", "iij:GrossProfit",
                                            "iij:EarningsPerShareBasic"]  # presentation order
    revenues = rows[0]
    assert revenues["label_ja"] == "売上高"
    assert revenues["D2011-04-01_2011-09-30"] == "47506000000d-6"
    assert revenues["D2012-04-01_2012-09-30"] == "51109000000d-6"
    assert rows[3]["unit"] == "iso4217:JPY/xbrli:shares" and rows[3]["D2012-04-01_2012-09-30"] == "1421.75d2"
    meta = json.loads(files["fy2012h1-metadata.json"])
    columns = meta["tableTemplates"]["IncomeStatement"]["columns"]
    assert columns["D2012-04-01_2012-09-30"] == {"dimensions": {"period": "2012-04-01..2012-09-30"}}
    assert columns["label_en"] == {"comment": True}


def test_quarterly_series_has_a_column_per_quarter():
    rows = _tables(oim_csv.to_csv(report_filing(), concepts(), NETWORKS))["fy2012h1-QuarterlySeries.csv"]
    quarter_columns = [k for k in rows[0] if k.startswith("D")]
    assert quarter_columns == ["D2011-04-01_2011-06-30", "D2011-07-01_2011-09-30", "D2012-04-01_2012-06-30",
                               "D2012-07-01_2012-09-30"]
    ratio = next(r for r in rows if r["concept"] == "iij:GrossMarginRatioNetworkServices")
    assert ratio["unit"] == "#none"  # pure: OIM omits the unit
    assert ratio["D2011-04-01_2011-06-30"] == "0.24d3"


def test_segments_and_targets_state_their_members():
    files = oim_csv.to_csv(report_filing(), concepts(), NETWORKS)
    seg = _tables(files)["fy2012h1-Segments.csv"]
    assert seg == [{"concept": "iij:Revenues", "unit": "iso4217:JPY", "businesssegments": "iij:ATMOperationBusinessMember",
                    "consolidationitems": "#none", "label_en": "Total revenues", "label_ja": "売上高",
                    "D2012-04-01_2012-09-30": "1082000000d-6"}]
    targets = _tables(files)["fy2012h1-Targets.csv"]
    assert {r["businesssegments"] for r in targets} == {"#none", "iij:NetworkServicesAndSystemsIntegrationBusinessMember"}
    meta = json.loads(files["fy2012h1-metadata.json"])
    target_col = meta["tableTemplates"]["Targets"]["columns"]["D2012-04-01_2012-09-30_InitialTarget"]
    assert target_col["dimensions"] == {"period": "2012-04-01..2012-09-30", "iij:ScenarioAxis": "iij:InitialTargetMember"}


def test_every_fact_exactly_once_with_nil_and_exact_values():
    filing = report_filing()
    files = oim_csv.to_csv(filing, concepts(), NETWORKS)
    cells = [v for rows in _tables(files).values() for r in rows for k, v in r.items() if k[:1] in "DI" and v]
    assert len(cells) == len(filing.facts)
    balance = _tables(files)["fy2012h1-BalanceSheet.csv"]
    assert {r["concept"]: r["I2012-09-30"] for r in balance} == {
        "iij:Assets": "-1866000000d-6", "iij:Goodwill": "#nil", "iij:RetainedEarningsAccumulatedDeficit": "-10990000"}  # INF: no d


def test_periods_and_determinism():
    assert oim_csv.csv_period(Period(end=date(2012, 9, 30))) == "2012-09-30@end"
    assert oim_csv.csv_period(Period(start=date(2012, 4, 1), end=date(2012, 9, 30))) == "2012-04-01..2012-09-30"
    assert oim_csv.to_csv(report_filing(), concepts(), NETWORKS) == oim_csv.to_csv(report_filing(), concepts(), NETWORKS)


def test_period_labels_follow_the_fiscal_calendar():
    label = calendar.label
    assert label(Period(start=date(2012, 4, 1), end=date(2013, 3, 31))) == "FY2012"
    assert label(Period(start=date(2012, 10, 1), end=date(2013, 3, 31))) == "2H FY2012"
    assert label(Period(start=date(2013, 1, 1), end=date(2013, 3, 31))) == "4Q FY2012"
    assert label(Period(start=date(2013, 4, 1), end=date(2013, 12, 31))) == "1Q-3Q FY2013"
    assert label(Period(start=date(2013, 4, 15), end=date(2013, 12, 31))) == "2013-04-15..2013-12-31"
    assert label(Period(end=date(2012, 9, 30))) == "2012-09-30"


def test_statement_networks_and_member_labels_from_the_taxonomy():
    from iij_xbrl.taxonomy import source

    taxonomy = source.load(ROOT / "taxonomy")
    networks = {nw.id: nw for nw in layout.networks(taxonomy)}
    income = networks["IncomeStatement"]
    assert income.title.ja == "連結損益計算書" or income.title.en.startswith("Consolidated")
    assert income.concepts.index("Revenues") < income.concepts.index("CostOfRevenue")
    assert not any(taxonomy.concepts[c].abstract for nw in networks.values() for c in nw.concepts)
    assert dict(income.label_roles)["Revenues"] == "total"
    members = layout.member_labels(taxonomy)
    assert members["ATMOperationBusinessMember"].en and members["InitialTargetMember"].ja
