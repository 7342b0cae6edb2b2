"""Golden facts of the 1H FY2012 (doc 000) and 1H FY2008 (doc 002) presentations, hand-checked against the
documents, loaded through the real fact-sheet loader; and every fact of both sheets against the taxonomy."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from emit_fixtures import ROOT
from iij_xbrl.model import Period
from iij_xbrl.sources import load
from iij_xbrl.taxonomy import source

DOC000 = "000_1e0a72612b28a18d.txt"
DOC002 = "002_391ff04abc0b0380.txt"

H1_12, H1_11 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30)), Period(start=date(2011, 4, 1), end=date(2011, 9, 30))
Q2_12, Q1_11 = Period(start=date(2012, 7, 1), end=date(2012, 9, 30)), Period(start=date(2011, 4, 1), end=date(2011, 6, 30))
FY11, FY12 = Period(start=date(2011, 4, 1), end=date(2012, 3, 31)), Period(start=date(2012, 4, 1), end=date(2013, 3, 31))
H1_08, H1_07 = Period(start=date(2008, 4, 1), end=date(2008, 9, 30)), Period(start=date(2007, 4, 1), end=date(2007, 9, 30))
Q2_08, Q2_07 = Period(start=date(2008, 7, 1), end=date(2008, 9, 30)), Period(start=date(2007, 7, 1), end=date(2007, 9, 30))
FY07, FY08 = Period(start=date(2007, 4, 1), end=date(2008, 3, 31)), Period(start=date(2008, 4, 1), end=date(2009, 3, 31))
INITIAL, REVISED = {"ScenarioAxis": "InitialTargetMember"}, {"ScenarioAxis": "RevisedTargetMember"}
ATM = {"BusinessSegmentsAxis": "ATMOperationBusinessMember", "ConsolidationItemsAxis": "OperatingSegmentsMember"}


@pytest.fixture(scope="module")
def facts():
    every = [f for filing in load.load_filings(ROOT / "sources") for f in filing.facts]
    return {doc: [f for f in every if f.provenance.document == doc] for doc in (DOC000, DOC002)}


# (concept, period, dimensions, source line, printed text, value, decimals, unit)
GOLDEN = {
    DOC000: [
        ("Revenues", H1_12, {}, 25, "51,109", "51109000000", -6, "JPY"),
        ("RevenuesPercentageChangeFromPriorYear", H1_12, {}, 25, "8.3%", "0.083", 3, "pure"),
        ("CostOfRevenue", H1_12, {}, 55, "41.0", "41000000000", -8, "JPY"),  # "80.1% 41.0": pick last
        ("CostOfRevenueToRevenuesRatio", H1_11, {}, 55, "80.4%", "0.804", 3, "pure"),  # pick first
        ("OperatingIncomeLoss", H1_12, INITIAL, 58, "2.7", "2700000000", -8, "JPY"),
        ("OperatingIncomeLossToTargetRatio", H1_12, {}, 58, "120.8%", "1.208", 3, "pure"),
        ("GrossProfitATMOperation", H1_11, {}, 92, "92", "-92000000", -6, "JPY"),  # "gross loss of JPY92 million"
        ("InternetConnectivityHomeRevenuePercentageChangeFromPriorYear", Q2_12, {}, 109, "7.3 %", "-0.073", 3, "pure"),
        ("PersonnelRelatedCosts", Q1_11, {}, 186, "3,627", "3627000000", -6, "JPY"),
        ("OperatingIncomeLoss", Q2_12, ATM, 232, "67", "67000000", -6, "JPY"),
        ("NetIncomeLossAttributableToNoncontrollingInterests", Q2_12, {}, 243, "(6)", "6000000", -6, "JPY"),  # "Net loss (income)"
        ("RetainedEarningsAccumulatedDeficit", Period(end=date(2012, 3, 31)), {}, 261, "(10,990)", "-10990000000", -6, "JPY"),
        ("NetIncreaseDecreaseInCash", H1_12, {}, 250, "(1,866)", "-1866000000", -6, "JPY"),
        ("NumberOfCloudProjects", Period(end=date(2011, 9, 30)), {}, 360, "830", "830", -1, "pure"),  # "approx. 830"
        ("EarningsPerShareBasic", FY12, INITIAL, 414, "98.68", "98.68", 2, "JPYPerShare"),
        ("CapitalExpenditures", FY11, {}, 324, "10,917", "10917000000", -6, "JPY"),
    ],
    DOC002: [
        ("Revenues", H1_08, {}, 21, "33,254", "33254000000", -6, "JPY"),
        ("Revenues", H1_08, INITIAL, 45, "34.5", "34500000000", -8, "JPY"),
        ("Revenues", H1_08, REVISED, 45, "33.2", "33200000000", -8, "JPY"),
        ("GrossProfitPercentageChangeFromPriorYear", H1_08, {}, 47, "(0.2%)", "-0.002", 3, "pure"),
        ("NetIncomeAttributableToParent", H1_07, {}, 51, "3.5", "3500000000", -8, "JPY"),  # printed "Net Income"
        ("IncomeTaxExpense", Q2_07, {}, 228, "(1,980)", "-1980000000", -6, "JPY"),
        ("EquityInNetIncomeLossOfEquityMethodInvestees", Period(start=date(2007, 4, 1), end=date(2007, 6, 30)), {},
         230, "(20)", "-20000000", -6, "JPY"),  # captioned "net loss (income)", but a loss (the sheet's negate)
        ("Revenues", FY08, REVISED, 311, "73.0", "73000000000", -8, "JPY"),
        ("OperatingIncomeLoss", FY08, INITIAL, 317, "5.2", "5200000000", -8, "JPY"),
        ("AccumulatedOtherComprehensiveIncomeLoss", Period(end=date(2008, 3, 31)), {}, 405, "91", "91000000", -6, "JPY"),
        ("NetCashProvidedByUsedInFinancingActivities", Q2_08, {}, 442, "1,405", "-1405000000", -6, "JPY"),
        ("NetIncomeAttributableToParent", Q2_07, {}, 503, "2.9", "2900000000", -8, "JPY"),
        ("EarningsPerShareBasic", FY07, {}, 517, "25,100", "25100", 0, "JPYPerShare"),
        ("DividendsPerSharePercentageChangeFromPriorYear", FY08, REVISED, 518, "14.3%", "0.143", 3, "pure"),
        ("ContractsMobileService", Period(end=date(2008, 9, 30)), {}, 112, "17,000", "17000", -3, "pure"),
        ("GrossMarginRatio", Q2_08, {}, 499, "18.6%", "0.186", 3, "pure"),
    ],
}


@pytest.mark.parametrize("doc, golden", [(doc, g) for doc, gs in GOLDEN.items() for g in gs],
                         ids=lambda v: v if isinstance(v, str) else f"{v[0]}@{v[3]}")
def test_golden_fact(facts, doc, golden) -> None:
    concept, period, dims, line, text, value, decimals, unit = golden
    found = [f for f in facts[doc] if f.concept == concept and f.period == period and f.dimensions == dims
             and f.provenance.line == line]
    assert len(found) == 1, found
    fact = found[0]
    assert (fact.provenance.text, fact.value, fact.decimals, fact.unit) == (text, Decimal(value), decimals, unit)


def test_sheet_sizes(facts) -> None:
    # Guards against a sheet silently losing a table block or a section.
    assert len(facts[DOC000]) >= 260 and len(facts[DOC002]) >= 250


def test_concepts_exist_with_matching_period_type(facts) -> None:
    concepts = source.load(ROOT / "taxonomy").concepts
    for fact in facts[DOC000] + facts[DOC002]:
        concept = concepts[fact.concept]
        assert (concept.period_type == "instant") == (fact.period.start is None), (fact.concept, fact.provenance)
