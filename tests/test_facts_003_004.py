"""Hand-checked golden facts of doc 003 (1Q-3Q FY2013) and doc 004 (1H FY2010), read through the loader."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from emit_fixtures import ROOT
from iij_xbrl.model import Period
from iij_xbrl.sources import calendar, load
from iij_xbrl.taxonomy import source

DOC003 = "003_aa7856c1736f7778.txt"
DOC004 = "004_5e9b75ebd931438e.txt"
ATM = {"BusinessSegmentsAxis": "ATMOperationBusinessMember", "ConsolidationItemsAxis": "OperatingSegmentsMember"}
REVISED = {"ScenarioAxis": "RevisedTargetMember"}
INITIAL = {"ScenarioAxis": "InitialTargetMember"}


@pytest.fixture(scope="module")
def facts():
    return [f for filing in load.load_filings(ROOT / "sources") for f in filing.facts
            if f.provenance.document in (DOC003, DOC004)]


def _period(token: str) -> Period:
    if token[0].isdigit() and "-" in token:
        return Period(start=None, end=date.fromisoformat(token))
    return calendar.parse(token)


# (document, line, concept, period, dimensions, value, decimals)
GOLDEN = [
    # doc 003: bullet, table amount and "% of revenues" cells, negated prose, label-last quarterly table,
    # segment series, balance sheet and its Changes column, approx. KPI, chart data label, share table
    (DOC003, 28, "Revenues", "9M13", {}, Decimal("82746000000"), -6),
    (DOC003, 75, "Revenues", "FY13", REVISED, Decimal("114000000000"), -8),
    (DOC003, 77, "GrossMarginRatio", "9M13", {}, Decimal("0.188"), 3),
    (DOC003, 79, "OperatingIncomeLossPercentageChangeFromPriorYear", "9M13", {}, Decimal("-0.165"), 3),
    (DOC003, 375, "DeferredIncomeTaxExpenseBenefit", "4Q12", {}, Decimal("-679000000"), -6),
    (DOC003, 384, "OperatingIncomeLoss", "2Q13", ATM, Decimal("160000000"), -6),
    (DOC003, 427, "RetainedEarningsAccumulatedDeficit", "2013-12-31", {}, Decimal("-4386000000"), -6),
    (DOC003, 413, "NetIncreaseDecreaseInCash", "9M13", {}, Decimal("9843000000"), -6),
    (DOC003, 253, "ContractsLTEService", "2013-12-31", {}, Decimal("119000"), -3),
    (DOC003, 461, "PurchaseOfPropertyAndEquipment", "9M13", {}, Decimal("7228000000"), -6),  # a payment
    (DOC003, 194, "Revenues", "4Q13", REVISED, Decimal("31300000000"), -8),
    (DOC003, 557, "CloudServicesRevenueFromLargeSocialNetworkGameCustomersRatio", "3Q11", {}, Decimal("0.412"), 3),
    # doc 004: bullet with target, per-share target, ATM segment table, quarterly tax table, balance sheet
    # comparative column (printed "March 31, 2009", really 2010-03-31), unlabelled orders-received series,
    # mislabelled ATM gross loss, dividends, equity ratio, "% of revenues", acquired business, headcount
    (DOC004, 382, "Revenues", "1H10", {}, Decimal("34272000000"), -6),
    (DOC004, 382, "Revenues", "1H10", INITIAL, Decimal("32300000000"), -6),
    (DOC004, 345, "EarningsPerShareBasic", "FY10", REVISED, Decimal("14801"), 0),
    (DOC004, 679, "OperatingIncomeLoss", "1Q09", ATM, Decimal("-233000000"), -6),
    (DOC004, 687, "IncomeTaxExpense", "4Q08", {}, Decimal("-190000000"), -6),
    (DOC004, 708, "RetainedEarningsAccumulatedDeficit", "2010-03-31", {}, Decimal("-16720000000"), -6),
    (DOC004, 538, "OrdersReceivedSystemsOperationMaintenance", "2Q10", {}, Decimal("3037000000"), -6),
    (DOC004, 474, "GrossProfitATMOperation", "2Q10", {}, Decimal("-104000000"), -6),
    (DOC004, 359, "DividendsPerShare", "4Q09", REVISED, Decimal("1250"), 0),
    (DOC004, 710, "ShareholdersEquityRatio", "2010-03-31", {}, Decimal("0.534"), 3),
    (DOC004, 422, "CostOfRevenueToRevenuesRatio", "1H09", {}, Decimal("0.807"), 3),
    (DOC004, 284, "NewSubsidiariesRevenue", "1H10", {}, Decimal("2246000000"), -6),
    (DOC004, 51, "NumberOfEmployees", "2010-09-30", {}, Decimal("1968"), 0),
]


@pytest.mark.parametrize("doc,line,concept,period,dims,value,decimals", GOLDEN,
                         ids=[f"{g[0][:3]}:{g[1]}:{g[2]}" for g in GOLDEN])
def test_golden_fact(facts, doc, line, concept, period, dims, value, decimals) -> None:
    found = [f for f in facts if f.provenance.document == doc and f.provenance.line == line
             and f.concept == concept and f.period == _period(period) and f.dimensions == dims]
    assert len(found) == 1, found
    assert found[0].value == value and isinstance(found[0].value, Decimal)
    assert found[0].decimals == decimals


def test_both_documents_fully_curated(facts) -> None:
    counts = {doc: sum(f.provenance.document == doc for f in facts) for doc in (DOC003, DOC004)}
    assert counts[DOC003] > 300 and counts[DOC004] > 350, counts


def test_concepts_exist_with_matching_period_type(facts) -> None:
    concepts = source.load(ROOT / "taxonomy").concepts
    for fact in facts:
        concept = concepts.get(fact.concept)
        assert concept is not None, fact.concept
        assert (concept.period_type == "instant") == (fact.period.start is None), (fact.concept, fact.period)


def test_duplicates_agree_within_rounding(facts) -> None:
    """Within each document a figure printed twice (bullet and table) must agree at the coarser rounding,
    except the IIJ-GS revenue of line 399 (2.3 bn) that contradicts lines 159 and 284 (2,246 million)."""
    groups: dict = {}
    for fact in facts:
        groups.setdefault((fact.provenance.document, fact.key), []).append(fact)
    for group in groups.values():
        coarsest = min(f.decimals for f in group)
        rounded = {f.value.quantize(Decimal(1).scaleb(-coarsest)) for f in group}
        if len(rounded) > 1:
            assert {f.provenance.line for f in group} >= {399}, group
