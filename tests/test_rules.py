"""IIJ consistency rules on small hand-built filings: each rule fires, stays silent, and grades rounding."""
from __future__ import annotations

import json
import random
from decimal import Decimal

import pytest

from emit_fixtures import ROOT, spec
from iij_xbrl.model import Curation, Fact, Filing, Provenance
from iij_xbrl.sources import calendar
from iij_xbrl.taxonomy import names
from iij_xbrl.taxonomy.source import load
from iij_xbrl.xbrl.findings import to_json
from iij_xbrl.checks import check
from iij_xbrl.publication import FilingFacts

DOC = "900_test.txt"
MILLION, THOUSAND = -6, -3


@pytest.fixture(scope="module")
def taxonomy():
    return load(ROOT / "taxonomy")


def fact(concept: str, period: str, value: str, decimals: int | None = MILLION, line: int = 1, doc: str = DOC,
         unit: str = "JPY", segment: str | None = None, scenario: str | None = None) -> Fact:
    dims = {}
    if segment:
        dims.update(names.SEGMENTS[segment])
    if scenario:
        dims["ScenarioAxis"] = scenario + "Member"
    scale = {MILLION: Decimal("1e6"), THOUSAND: Decimal("1e3"), -8: Decimal("1e9")}.get(decimals, Decimal(1))
    v = Decimal(value.replace(",", ""))
    if unit == "JPY":
        v = (v * scale).normalize() if decimals != -8 else v * scale
    return Fact(concept=concept, period=calendar.parse(period), dimensions=dims, unit=unit,
                value=Decimal(format(v, "f")), decimals=decimals, provenance=Provenance(document=doc, line=line,
                                                                                       text=value))


def pct(concept: str, period: str, text: str, line: int = 1, **kw) -> Fact:
    """A percent fact as the sheets hold it: 8.3% -> 0.083, decimals = printed fraction digits + 2."""
    digits = len(text.split(".")[1]) if "." in text else 0
    return Fact(concept=concept, period=calendar.parse(period), unit="pure",
                value=Decimal(text) / 100, decimals=digits + 2,
                provenance=Provenance(document=DOC, line=line, text=text + "%"), **kw)


def filing(*facts: Fact, id: str = "fy2012h1", period: str = "1H12") -> Filing:
    return Filing(**spec(id, id, [DOC], calendar.parse(period)), facts=list(facts))


def run(taxonomy, *filings: Filing, rule: str | None = None):
    found = check([FilingFacts.of(f, f.facts) for f in filings], taxonomy)
    return [f for f in found if rule is None or f.rule == rule]


def lines(f) -> set[int]:
    return {s.line for s in f.sources}


# -- duplicates -------------------------------------------------------------------------------------

def test_duplicate_beyond_rounding_is_an_error_citing_both_lines(taxonomy):
    found = run(taxonomy, filing(fact("OperatingIncomeLoss", "1H11", "2,488", line=751),
                                 fact("OperatingIncomeLoss", "1H11", "2,448,207", THOUSAND, line=375)),
                rule="iij:duplicate")
    assert [(f.severity, lines(f)) for f in found] == [("error", {751, 375})]
    assert found[0].values == {"reported": "2488000000", "kept": "2448207000", "rounded": "2448000000"}


def test_duplicate_one_unit_truncation_is_not_an_error(taxonomy):
    # 641,780 thousand printed 642 million (rounded) or 641 million (truncated): nothing
    assert run(taxonomy, filing(fact("EquipmentSalesRevenue", "1H12", "641", line=1),
                                fact("EquipmentSalesRevenue", "2Q12", "642", line=3),
                                fact("EquipmentSalesRevenue", "1H12", "641,780", THOUSAND, line=2),
                                fact("EquipmentSalesRevenue", "2Q12", "641,780", THOUSAND, line=4)),
               rule="iij:duplicate") == []
    # 1,339,001 thousand printed 1,340 million so that the 2Q12 network services rows add up to 16,167 (doc 001
    # lines 564-575): a plug within one unit, info; 278,206 thousand printed 277 so that the costs add up to 20,939:
    # a plug beyond one unit, warning
    table = [fact("InternetConnectivityCorporateRevenue", "2Q12", "3,951", line=564),
             fact("InternetConnectivityHomeRevenue", "2Q12", "1,340", line=569),
             fact("WANServicesRevenue", "2Q12", "6,264", line=573), fact("OutsourcingServicesRevenue", "2Q12", "4,612", line=574),
             fact("NetworkServicesRevenue", "2Q12", "16,167", line=575),
             fact("InternetConnectivityHomeRevenue", "2Q12", "1,339,001", THOUSAND, line=616),
             fact("CostOfNetworkServices", "2Q12", "12,619", line=551), fact("CostOfSystemsIntegration", "2Q12", "7,526", line=552),
             fact("CostOfEquipmentSales", "2Q12", "277", line=553), fact("CostOfATMOperation", "2Q12", "517", line=554),
             fact("CostOfRevenue", "2Q12", "20,939", line=550), fact("CostOfEquipmentSales", "2Q12", "278,206", THOUSAND, line=630)]
    found = run(taxonomy, filing(*table), rule="iij:duplicate")
    assert sorted((min(lines(f)), f.severity, f.values.get("foots")) for f in found) == [
        (553, "warning", "CostOfRevenue"), (569, "info", "NetworkServicesRevenue")]
    # a coarser figure that is neither a rounding nor a truncation and makes nothing foot: 2,246 million printed
    # 2.3 billion (doc 004 line 399)
    found = run(taxonomy, filing(fact("NewSubsidiariesRevenue", "1H10", "2.3", -8, line=399),
                                 fact("NewSubsidiariesRevenue", "1H10", "2,246", line=443)), rule="iij:duplicate")
    assert [(f.severity, min(lines(f))) for f in found] == [("error", 399)]
    # two printings in millions one unit apart (a rounded difference vs a difference of rounded balances)
    found = run(taxonomy, filing(fact("IncomeTaxesPayablePeriodIncreaseDecrease", "1H12", "-1,315", line=199),
                                 fact("IncomeTaxesPayablePeriodIncreaseDecrease", "1H12", "-1,316", line=258)),
                rule="iij:duplicate")
    assert [f.severity for f in found] == ["info"]


def test_duplicate_per_share_split_basis_is_a_warning(taxonomy):
    found = run(taxonomy, filing(fact("DividendsPerShare", "FY11", "3,250.00", 2, line=779, unit="JPYPerShare"),
                                 fact("DividendsPerShare", "FY11", "16.25", 2, line=415, unit="JPYPerShare"),
                                 fact("DividendsPerShare", "FY12", "1,758.75", 2, line=781, unit="JPYPerShare",
                                      scenario="InitialTarget"),
                                 fact("DividendsPerShare", "FY12", "17.50", 2, line=416, unit="JPYPerShare",
                                      scenario="InitialTarget")),
                rule="iij:duplicate")
    assert sorted((f.severity, min(lines(f))) for f in found) == [("warning", 415), ("warning", 416)]
    assert any("pre-split" in f.message and "8.75" in f.message for f in found)
    # a per-share difference that is not the split stays an error
    found = run(taxonomy, filing(fact("DividendsPerShare", "FY11", "20.00", 2, line=1, unit="JPYPerShare"),
                                 fact("DividendsPerShare", "FY11", "16.25", 2, line=2, unit="JPYPerShare")),
                rule="iij:duplicate")
    assert [f.severity for f in found] == ["error"]


def test_restated_across_filings_is_info_and_a_reprint_is_nothing(taxonomy):
    old = filing(fact("Revenues", "FY11", "97,300"), id="fy2010h1", period="1H10")
    same = filing(fact("Revenues", "FY11", "97,300", line=5))
    changed = filing(fact("Revenues", "FY11", "97,500", line=6))
    assert run(taxonomy, old, same, rule="iij:restated") == []
    found = run(taxonomy, old, changed, rule="iij:restated")
    assert [(f.severity, f.filing, f.values) for f in found] == [
        ("info", "fy2012h1", {"reported": "97500000000", "earlier": "97300000000"})]


# -- sums -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("half, expected", [("300", []), ("301", []), ("302", ["info"]), ("305", ["error"])])
def test_quarters_add_up_to_the_half_year(taxonomy, half, expected):
    found = run(taxonomy, filing(fact("Revenues", "1Q12", "100", line=1), fact("Revenues", "2Q12", "200", line=2),
                                 fact("Revenues", "1H12", half, line=3)), rule="iij:period-sum")
    assert [f.severity for f in found] == expected
    assert all(lines(f) == {1, 2, 3} for f in found)


def test_period_sums_cover_halves_nine_months_and_quarters(taxonomy):
    facts = [fact("Revenues", q, v, line=i) for i, (q, v) in enumerate(
        [("1Q12", "100"), ("2Q12", "100"), ("3Q12", "100"), ("4Q12", "100"), ("2H12", "200"), ("9M12", "300")], 1)]
    assert run(taxonomy, filing(*facts, fact("Revenues", "FY12", "400", line=9)), rule="iij:period-sum") == []
    found = run(taxonomy, filing(*facts, fact("Revenues", "FY12", "500", line=9)), rule="iij:period-sum")
    # FY against 4 quarters, 1H is missing so not 1H+2H, 9M+4Q
    assert sorted(len(f.sources) for f in found) == [3, 5] and {f.severity for f in found} == {"error"}
    # not for ratios or per-share amounts
    assert run(taxonomy, filing(pct("GrossMarginRatio", "1Q12", "20.0"), pct("GrossMarginRatio", "2Q12", "20.0"),
                                pct("GrossMarginRatio", "1H12", "20.0")), rule="iij:period-sum") == []


def test_calculation_network_with_iij_tolerance(taxonomy):
    def gp(value):
        return run(taxonomy, filing(fact("Revenues", "1H12", "100", line=1),
                                    fact("CostOfRevenue", "1H12", "60", line=2),
                                    fact("GrossProfit", "1H12", value, line=3)), rule="iij:calculation")
    assert gp("40") == [] and gp("41") == []  # 100 - 60 as rounded figures may be 39..41
    assert [f.severity for f in gp("42")] == ["info"]  # one figure one unit off: a truncation artefact
    assert [(f.severity, lines(f)) for f in gp("43")] == [("error", {1, 2, 3})]
    # an item not printed: not judged (summaries leave lines out)
    assert run(taxonomy, filing(fact("Revenues", "1H12", "100"), fact("GrossProfit", "1H12", "45")),
               rule="iij:calculation") == []


def test_segments_plus_eliminations_make_consolidated(taxonomy):
    def consolidated(value):
        return run(taxonomy, filing(fact("Revenues", "1H12", value, line=68),
                                    fact("Revenues", "1H12", "900", line=69, segment="NetworkServicesAndSystemsIntegrationBusiness"),
                                    fact("Revenues", "1H12", "150", line=70, segment="ATMOperationBusiness"),
                                    fact("Revenues", "1H12", "-50", line=71, segment="IntersegmentElimination")),  # the amount eliminated
                   rule="iij:segment-sum")
    assert consolidated("1,000") == []
    found = consolidated("1,100")
    assert [(f.severity, lines(f)) for f in found] == [("error", {68, 69, 70, 71})]
    assert found[0].values["computed"] == "[998500000, 1001500000]"  # three figures, half a million each


def test_cash_rollforward(taxonomy):
    def closing(value):
        return run(taxonomy, filing(fact("CashAndCashEquivalents", "2012-03-31", "13,537", line=250),
                                    fact("NetIncreaseDecreaseInCash", "1H12", "-1,866", line=199),
                                    fact("CashAndCashEquivalents", "2012-09-30", value, line=251)),
                   rule="iij:cash-rollforward")
    assert closing("11,670") == [] and closing("11,671") == []
    assert [(f.severity, lines(f)) for f in closing("11,970")] == [("error", {250, 199, 251})]
    # from the activities (+ FX) when the net change is not printed
    found = run(taxonomy, filing(fact("CashAndCashEquivalents", "2012-03-31", "100", line=1),
                                 fact("NetCashProvidedByUsedInOperatingActivities", "1H12", "50", line=2),
                                 fact("NetCashProvidedByUsedInInvestingActivities", "1H12", "-20", line=3),
                                 fact("NetCashProvidedByUsedInFinancingActivities", "1H12", "-10", line=4),
                                 fact("EffectOfExchangeRateChangesOnCash", "1H12", "5", line=5),
                                 fact("CashAndCashEquivalents", "2012-09-30", "130", line=6)),
                rule="iij:cash-rollforward")
    assert [(f.severity, lines(f)) for f in found] == [("error", {1, 2, 3, 4, 5, 6})]


# -- ratios and prose ------------------------------------------------------------------------------------

REVENUES = (fact("Revenues", "1H12", "51,109", line=25), fact("Revenues", "1H11", "47,196", line=50))


# 51,109 / 47,196 - 1 lies in [8.2864%, 8.2907%] as XBRL rounds, [8.2818%, 8.2949%] one million either way; a
# printed percentage stands for half a unit either way (IIJ rounds ratios): 8.2 ([8.15%, 8.25%]) misses by less
# than its unit (warning), 8.4 too
@pytest.mark.parametrize("printed, expected", [("8.3", []), ("8.2", ["warning"]), ("8.4", ["warning"]),
                                               ("10.9", ["error"]), ("-8.3", ["error"])])
def test_yoy_ratio_graded_by_interval_arithmetic(taxonomy, printed, expected):
    found = run(taxonomy, filing(*REVENUES, pct("RevenuesPercentageChangeFromPriorYear", "1H12", printed, line=26)),
                rule="iij:ratio")
    assert [f.severity for f in found] == expected
    assert all(lines(f) == {25, 26, 50} for f in found)


def test_prose_claim_contradicting_the_table(taxonomy):
    # doc 002: line 22 "Operating Income JPY1,005 million (down 44.6% YoY)", line 23 "increased by 10.9% YoY"
    base = (fact("OperatingIncomeLoss", "1H08", "1,005", line=22),
            fact("OperatingIncomeLoss", "1H07", "1.8", -8, line=47))
    ok = pct("OperatingIncomeLossPercentageChangeFromPriorYear", "1H08", "-44.6", line=22)
    prose = pct("OperatingIncomeLossPercentageChangeFromPriorYear", "1H08", "10.9", line=23)
    assert run(taxonomy, filing(*base, ok, id="fy2008h1", period="1H08")) == []
    found = run(taxonomy, filing(*base, ok, prose, id="fy2008h1", period="1H08"))
    assert {(f.rule, f.severity) for f in found if 23 in lines(f)} == {("iij:ratio", "error"),
                                                                       ("iij:duplicate", "error")}


def test_margins_changes_shares_and_targets_ratios(taxonomy):
    facts = [*REVENUES, fact("GrossProfit", "1H12", "10,148", line=2), pct("GrossMarginRatio", "1H12", "19.9", line=3),
             fact("Revenues", "1H12", "50.5", -8, line=4, scenario="InitialTarget"),
             pct("RevenuesToTargetRatio", "1H12", "101.2", line=5),
             fact("AccountsReceivable", "2012-03-31", "15,722", line=6),
             fact("AccountsReceivable", "2012-09-30", "15,648", line=7),
             fact("AccountsReceivablePeriodIncreaseDecrease", "1H12", "-74", line=8),
             fact("RevenuesChangeFromPriorYear", "1H12", "3,913", line=9)]
    assert run(taxonomy, filing(*facts), rule="iij:ratio") == []
    bad = [pct("GrossMarginRatio", "1H12", "21.9", line=3),
           fact("AccountsReceivablePeriodIncreaseDecrease", "1H12", "74", line=8)]
    found = run(taxonomy, filing(*facts[:3], *facts[4:8], *bad), rule="iij:ratio")
    assert sorted((f.concepts[0], f.severity) for f in found) == [
        ("AccountsReceivablePeriodIncreaseDecrease", "error"), ("GrossMarginRatio", "error")]


def test_a_direction_claim_against_figures_the_document_implies(taxonomy):
    # doc 002: 1H08 operating income 1,005 million (line 22); 2Q08 at 3.5% of revenues of 16.9 billion (line
    # 501) is in [581, 602], so 1Q08 (the half less 2Q08) is in [403, 424]: "Down 44.5% QoQ" (line 235) cannot be
    # true, "up 44.5%" is
    base = (fact("OperatingIncomeLoss", "1H08", "1,005", line=22), fact("Revenues", "2Q08", "16.9", -8, line=497),
            pct("OperatingIncomeLossToRevenuesRatio", "2Q08", "3.5", line=501))
    for printed, expected in (("-44.5", ["error"]), ("44.5", [])):
        found = run(taxonomy, filing(*base, pct("OperatingIncomeLossPercentageChangeFromPriorQuarter", "2Q08", printed,
                                                line=235), id="fy2008h1", period="1H08"), rule="iij:ratio")
        assert [f.severity for f in found] == expected
        assert all(f.sources[0].line == 235 and {22, 497, 501} <= lines(f) for f in found)


def test_a_caption_whose_word_the_figure_contradicts(taxonomy):
    # doc 002 line 431: "Net Cash provided by investing activities: JPY1,210 million" read as cash used (negate)
    text = "Net Cash provided by investing activities: JPY1,210 million"
    used = fact("NetCashProvidedByUsedInInvestingActivities", "2Q08", "1,210", line=1).model_copy(update={
        "value": Decimal("-1210000000"),
        "provenance": Provenance(document=DOC, line=1, text="1,210", negated="its items are payments: cash used")})
    found = check([FilingFacts.of(filing(used), [used])], taxonomy, {DOC: text.encode()})
    assert [(f.rule, f.severity, f.values["caption"]) for f in found] == [
        ("iij:caption", "warning", "Net Cash provided by investing activities: JPY")]
    assert "cash used of 1,210 JPY million" in found[0].text and "(900:1)" in found[0].text


def test_a_relabel_the_captions_own_figure_refutes_is_an_error(taxonomy):
    # doc 004 line 469: "Gross Margin of Network Services: JPY3,816 million" is the total gross margin; the
    # network services gross margin is printed 2,226 (line 472)
    caption = Curation(kind="relabel", reason="3,816 / 18,459 = 20.7% is the total gross margin", line=469,
                       printed="Gross Margin of Network Services", literal="GrossProfitNetworkServices")
    total = fact("GrossProfit", "2Q10", "3,816", line=469).model_copy(update={"provenance": Provenance(
        document=DOC, line=469, text="3,816", curations=(caption,))})
    own = fact("GrossProfitNetworkServices", "2Q10", "2,226", line=472)
    found = run(taxonomy, filing(total, own, id="fy2010h1", period="1H10"), rule="iij:curation")
    assert [(f.severity, [s.line for s in f.sources]) for f in found] == [("error", [469, 472])]
    assert found[0].values["reason"] == caption.reason and "Gross margin of network services" in found[0].text
    alone = run(taxonomy, filing(total, id="fy2010h1", period="1H10"), rule="iij:curation")
    assert [f.severity for f in alone] == ["warning"]  # nothing to refute it: a caption that misleads


def test_target_revision_is_listed(taxonomy):
    found = run(taxonomy, filing(fact("Revenues", "1H08", "34.5", -8, line=45, scenario="InitialTarget"),
                                 fact("Revenues", "1H08", "33.2", -8, line=46, scenario="RevisedTarget"),
                                 id="fy2008h1", period="1H08"), rule="iij:target-revision")
    assert [(f.severity, f.values, lines(f)) for f in found] == [
        ("info", {"initial": "34500000000", "revised": "33200000000", "change": "-1300000000"}, {45, 46})]


def test_output_is_deterministic_whatever_the_fact_order(taxonomy):
    facts = [*REVENUES, pct("RevenuesPercentageChangeFromPriorYear", "1H12", "10.9", line=26),
             fact("OperatingIncomeLoss", "1H11", "2,488", line=751),
             fact("OperatingIncomeLoss", "1H11", "2,448,207", THOUSAND, line=375),
             fact("Revenues", "1Q12", "100", line=1), fact("Revenues", "2Q12", "200", line=2)]
    first = to_json(run(taxonomy, filing(*facts)))
    shuffled = facts[:]
    random.Random(7).shuffle(shuffled)
    assert to_json(run(taxonomy, filing(*shuffled))) == first
    assert len(json.loads(first)) >= 3
