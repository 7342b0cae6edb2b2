"""The IIJ consistency rules on the real filings: the documents' genuine inconsistencies are reported with
their source lines, rounding artefacts are not errors, and findings.json is valid and deterministic."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from iij_xbrl import publication
from iij_xbrl.checks import check
from iij_xbrl.emit import naming
from iij_xbrl.paths import Project
from iij_xbrl.xbrl.findings import to_json

ROOT = Path(__file__).resolve().parents[1]
D000, D001, D002 = "000_1e0a72612b28a18d.txt", "001_5ab34944f22f6fd1.txt", "002_391ff04abc0b0380.txt"


@pytest.fixture(scope="module")
def published() -> publication.Publication:
    return publication.load(Project(ROOT))


@pytest.fixture(scope="module")
def filings(published):
    return published.filings


@pytest.fixture(scope="module")
def findings(published):
    return list(published.findings)


def at(findings, rule: str, concept: str, *sources: tuple[str, int]):
    wanted = set(sources)
    return [f for f in findings if f.rule == rule and f.concepts[0] == concept
            and wanted <= {(s.document, s.line) for s in f.sources}]


@pytest.mark.parametrize("concept, sources", [
    ("OperatingIncomeLoss", [(D001, 751), (D001, 375)]),  # Tanshin 1H11 2,488 vs statement 2,448,207 thousand
    ("ComprehensiveIncomeAttributableToParent", [(D001, 756), (D001, 415)]),  # 1,334 is the total, not IIJ's share
    ("CostOfEquipmentSales", [(D001, 553), (D001, 630)]),  # 2Q12 277 vs 278,206 thousand
    ("EquityInNetIncomeLossOfEquityMethodInvestees", [(D002, 249), (D002, 230)]),  # 2Q08 "income 17" vs loss (17)
])
def test_genuine_duplicate_conflicts_are_errors_with_their_lines(findings, concept, sources):
    assert [f.severity for f in at(findings, "iij:duplicate", concept, *sources)] == ["error"]


def test_dividends_on_pre_and_post_split_basis_are_warnings_not_errors(findings):
    for pre_split in (779, 781):  # 3,250.00 = 200 x 16.25; 1,758.75 = 1,750 pre-split + 8.75 post-split
        found = at(findings, "iij:duplicate", "DividendsPerShare", (D001, pre_split), (D000, 415))
        assert [f.severity for f in found] == ["warning"]


def test_comprehensive_income_ratio_printed_against_the_mislabelled_figures(findings):
    # 49.8% = 1,998 / 1,334 - 1 (total comprehensive income); IIJ's share grew 44.4%
    assert [f.severity for f in at(findings, "iij:ratio", "ComprehensiveIncomeAttributableToParentPercentageChangeFromPriorYear",
                                   (D001, 755))] == ["error"]


def test_prose_operating_income_increase_contradicts_the_table(filings, findings):
    # doc 002 line 23 "Operating income increased by 10.9% YoY" vs line 22 "(down 44.6% YoY)"
    assert any(f.provenance.document == D002 and f.provenance.line == 23 for x in filings for f in x.prints)
    cited = {(f.rule, f.severity) for f in findings if (D002, 23) in {(s.document, s.line) for s in f.sources}}
    # a second printing of the YoY ratio that disagrees with 002:22, and a ratio the figures contradict
    assert {("iij:duplicate", "error"), ("iij:ratio", "error")} <= cited


def test_one_unit_artefacts_are_never_errors(findings):
    # 001:199 "decreased by JPY1,315 million" vs 000:258 "(1,316)": 894,931 - 2,210,089 thousand = -1,315,158
    assert [f.severity for f in at(findings, "iij:duplicate", "IncomeTaxesPayablePeriodIncreaseDecrease",
                                   (D001, 199), (D000, 258))] == ["info"]
    for f in findings:  # every monetary duplicate error is more than one million (the coarsest unit) apart
        if f.rule == "iij:duplicate" and f.severity == "error" and abs(Decimal(f.values["kept"])) >= 10 ** 6:
            assert abs(Decimal(f.values["reported"]) - Decimal(f.values["kept"])) > 10 ** 6, f.text()


def test_findings_json_validates_and_is_deterministic(published, findings):
    schema = json.loads((ROOT / "schemas" / "findings.schema.json").read_text(encoding="utf-8"))
    text = to_json(findings)
    jsonschema.validate(json.loads(text), schema)
    assert to_json(check(published.filings, published.taxonomy)) == text
    assert all(f.sources and all(s.line for s in f.sources) for f in findings)


def test_publish_writes_findings_json_and_strict_fails_on_errors(tmp_path, published, findings):
    import io

    from iij_xbrl import publish

    from iij_xbrl.emit import tables

    emitters = [("findings", tables.findings_json)]
    assert publish.publish(tmp_path / "out", published, emitters=emitters, load_database=False,
                           stream=io.StringIO()) == 0
    assert (tmp_path / "out" / "findings.json").read_text(encoding="utf-8") == to_json(findings)
    assert publish.publish(tmp_path / "strict", published, strict=True, emitters=emitters, load_database=False,
                           stream=io.StringIO()) == 1


@pytest.fixture(scope="module")
def filing_001(published):
    """The filing the press release (doc 001) belongs to."""
    return next(f for f in published.filings if D001 in f.spec.files)


def test_findings_name_their_facts_accused_first(published, findings):
    held = {f.id: {naming.fact_id(x) for x in f.facts} for f in published.filings}
    prints = {naming.print_id(x) for f in published.filings for x in f.prints}
    for f in findings:
        assert f.facts and all(i in held[f.filing] or i in prints for i in f.facts), f.text()
    (error,) = at(findings, "iij:duplicate", "OperatingIncomeLoss", (D001, 751), (D001, 375))
    # accused: the Tanshin's 2,488 (001:751), a print kept out of the instance; then the statement's figure
    assert error.facts == ["p-001_5ab34944f22f6fd1-L751-OperatingIncomeLoss-D2011-04-01_2011-09-30_JPY",
                           "f-OperatingIncomeLoss-D2011-04-01_2011-09-30_JPY"]

