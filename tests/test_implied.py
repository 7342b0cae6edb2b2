"""Figures the filing implies (checks/implied.py) as the ratio rule reports them: amounts printed in prose against
what the other figures imply, including a figure known from one side only."""
from __future__ import annotations

from iij_xbrl.checks import check
from iij_xbrl.publication import FilingFacts
import pytest

from iij_xbrl.model import Curation, Provenance
from test_rules import DOC, THOUSAND, fact, filing, pct, run, taxonomy  # noqa: F401  (taxonomy is a fixture)


def implied(taxonomy, text: str, *facts):
    f = filing(*facts)
    return [x for x in check([FilingFacts.of(f, f.facts)], taxonomy, {DOC: text.encode()}) if x.rule == "iij:implied"]


def test_an_amount_known_from_one_side(taxonomy):
    """Operating income 5,000 = gross profit - SG&A, and SG&A (never negative) is not printed: gross profit is at
    least 4,999 million (5,000 one unit down, SG&A at 0), with no upper bound. A sentence saying 4,000 is an error;
    the open side is named, not a crash."""
    text = "Operating income\t5,000\nGross profit was 4,000 million yen.\n"
    (f,) = implied(taxonomy, text, fact("OperatingIncomeLoss", "1H12", "5,000", line=1),
                   fact("GrossProfit", "1H12", "4,000", line=2))
    assert (f.severity, f.values) == ("error", {"reported": "4000000000", "computed": "[4999000000, Infinity]"})
    assert f.message == ("GrossProfit printed '4,000' (4000000000) at 900:2; the other figures imply "
                         "[4999000000, Infinity]: OperatingIncomeLoss 2012-04-01..2012-09-30 '5,000'")
    assert "at least 4,999" in f.text
    # 5,000 meets it (4,999 .. 5,001 one unit either way): nothing to report
    assert implied(taxonomy, text.replace("4,000", "5,000"), fact("OperatingIncomeLoss", "1H12", "5,000", line=1),
                   fact("GrossProfit", "1H12", "5,000", line=2)) == []


def test_a_relabel_against_a_figure_known_from_one_side(taxonomy):
    """A figure captioned "Gross profit" but published as other income: gross profit is at least 4,999 million
    (operating income 5,000 plus SG&A, never negative and not printed), so 4,000 cannot be it: an error naming
    the open side."""
    caption = Curation(kind="relabel", reason="the line is other income", line=2, printed="Gross profit",
                       literal="GrossProfit")
    relabelled = fact("OtherIncomeExpense", "1H12", "4,000", line=2).model_copy(update={"provenance": Provenance(
        document=DOC, line=2, text="4,000", curations=(caption,))})
    (f,) = run(taxonomy, filing(fact("OperatingIncomeLoss", "1H12", "5,000", line=1), relabelled), rule="iij:curation")
    assert (f.severity, f.values["computed"], [s.line for s in f.sources]) == ("error", "[4999000000, Infinity]",
                                                                               [2, 1])


def ratios(taxonomy, *facts) -> list[str]:
    return [f.severity for f in run(taxonomy, filing(*facts), rule="iij:ratio")]


ATM, OI = "ATMOperationRevenue", "OperatingIncomeLoss"
OI_YOY = OI + "PercentageChangeFromPriorYear"


@pytest.mark.parametrize("now, printed, expected", [
    # prior year 1 million: [0.5, 1.5] as XBRL rounds, [0, 2] one unit either way (a base that may be zero)
    ("1", "-90.0", ["info"]),  # [0, 2] / [0, 2]: at least 0 (-100%); as rounded [1/3, 3]: -90% only one unit away
    ("-10", "-600.0", ["info"]),  # [-11, -9] / [0, 2]: at most -4.5 (-550%); as rounded [-22, -7.33] - 1
    ("-10", "-500.0", ["error"]),  # above -550% whatever the base
    ("-1", "-100.0", ["info"]),  # [-2, 0] / [0, 2]: at most 0 (-100%, touching); as rounded [-4, -1.33] - 1
    ("0", "50.0", []),  # [-1, 1] / [0, 2]: any sign, nothing to judge by the one-unit reading: no verdict
])
def test_a_change_over_a_base_that_may_be_zero(taxonomy, now, printed, expected):
    facts = [fact(OI, "1H12", now, line=1), fact(OI, "1H11", "1", line=2), pct(OI_YOY, "1H12", printed, line=3)]
    assert ratios(taxonomy, *facts) == expected


def test_a_change_from_a_figure_known_from_one_side(taxonomy):
    """Gross profit at least 4,999 million (operating income 5,000 plus SG&A, not printed) against 1 million a year
    before: up by a factor of at least 2,499; -50% is an error."""
    facts = [fact(OI, "1H12", "5,000", line=1), fact("GrossProfit", "1H11", "1", line=2),
             pct("GrossProfitPercentageChangeFromPriorYear", "1H12", "-50.0", line=3)]
    assert ratios(taxonomy, *facts) == ["error"]


def test_no_share_of_a_base_that_may_be_zero(taxonomy):
    """Revenues of 1 million may be 0 by one unit: no margin is judged against them (5 / [0, 2] has no upper bound);
    against exact revenues of 1 yen, 1 yen of operating income is 100%, not 50%."""
    assert ratios(taxonomy, fact(OI, "1H12", "5", line=1), fact("Revenues", "1H12", "1", line=2),
                  pct("OperatingIncomeToRevenuesRatio", "1H12", "100.0", line=3)) == []
    assert ratios(taxonomy, fact(OI, "1H12", "1", None, line=1), fact("Revenues", "1H12", "1", None, line=2),
                  pct("OperatingIncomeToRevenuesRatio", "1H12", "50.0", line=3)) == ["error"]
    target = [fact("Revenues", "1H12", "5", line=1), fact("Revenues", "1H12", "1", line=2, scenario="RevisedTarget")]
    assert ratios(taxonomy, *target, pct("RevenuesToTargetRatio", "1H12", "100.0", line=3)) == []
    exact = [fact("Revenues", "1H12", "1", None, line=1),
             fact("Revenues", "1H12", "1", None, line=2, scenario="RevisedTarget")]
    assert ratios(taxonomy, *exact, pct("RevenuesToTargetRatio", "1H12", "50.0", line=3)) == ["error"]


def test_a_claimed_rate_is_not_its_own_evidence(taxonomy):
    """Revenues 110 and a change of 10 million imply 100 a year before: up 10%. The printed 20.0% would imply a prior
    year of 50 (10 / 20%), but a claim is never judged against itself: an error."""
    facts = [fact("Revenues", "1H12", "110", line=1), fact("RevenuesChangeFromPriorYear", "1H12", "10", line=2),
             pct("RevenuesPercentageChangeFromPriorYear", "1H12", "20.0", line=3)]
    found = run(taxonomy, filing(*facts), rule="iij:ratio")
    rate = [f for f in found if f.concepts[0] == "RevenuesPercentageChangeFromPriorYear"]
    assert [(f.severity, f.values["computed"]) for f in rate] == [("error", "[0.0841584, 0.116162]")]
    # (the amount of the change is judged too: against 110 and the prior year the rate implies, 91.67, it is wrong)


def test_a_service_lines_gross_profit_from_its_margin(taxonomy):
    """Systems integration's gross margin 10.0% of its revenue 20,000 million implies a gross profit of about 2,000
    (1,989 .. 2,011 million): a sentence saying 3,000 is an error."""
    text = "SI revenue\t20,000\nSI gross margin\t10.0%\nSI gross profit was 3,000 million yen.\n"
    (f,) = implied(taxonomy, text, fact("SystemsIntegrationRevenue", "1H12", "20,000", line=1),
                   pct("GrossMarginRatioSystemsIntegration", "1H12", "10.0", line=2),
                   fact("GrossProfitSystemsIntegration", "1H12", "3,000", line=3))
    assert f.severity == "error" and [s.line for s in f.sources] == [3, 2, 1]


def test_an_amount_never_negative_pinned_at_zero(taxonomy):
    """Revenues 100 million and network services 102 leave the other lines at most 0 (101 - 101 one unit either way),
    and a revenue is never negative: ATM revenue is 0 exactly. A sentence printing it as -2 (-3 .. -1) is an error;
    read without the sign convention (at most 0) it would pass."""
    text = "Revenues\t100\nNetwork services\t102\nATM revenue was -2 million yen.\n"
    found = implied(taxonomy, text, fact("Revenues", "1H12", "100", line=1),
                    fact("NetworkServicesRevenue", "1H12", "102", line=2), fact(ATM, "1H12", "-2", line=3))
    assert [(f.severity, f.values["computed"]) for f in found] == [("error", "[0, 0]")]


def test_a_change_against_a_base_known_only_from_below_is_not_judged(taxonomy):
    """Gross profit a year before is at least 4,999 million (operating income 5,000 plus SG&A, not printed), with no
    upper bound: a rate of change from it could be anything down to -100%, so "up 50.0%" to 6,000 is not judged."""
    facts = [fact(OI, "1H11", "5,000", line=1), fact("GrossProfit", "1H12", "6,000", line=2),
             pct("GrossProfitPercentageChangeFromPriorYear", "1H12", "50.0", line=3)]
    assert ratios(taxonomy, *facts) == []


def test_percentages_of_quarters_do_not_add_up_to_the_half_year(taxonomy):
    """Cloud services are 10.0% of outsourcing revenue in 1Q and 20.0% in 2Q: the half year's share lies between,
    not at their sum (30%). A sentence saying 15.0% for the half year is no contradiction."""
    share = "CloudServicesRevenueInOutsourcingServicesRatio"
    text = "1Q\t10.0%\n2Q\t20.0%\nCloud services were 15.0% of outsourcing revenue in the half year.\n"
    assert implied(taxonomy, text, pct(share, "1Q12", "10.0", line=1), pct(share, "2Q12", "20.0", line=2),
                   pct(share, "1H12", "15.0", line=3)) == []
    # the same shape in an amount is a sum: 10 + 20 million is no 15
    money = "1Q\t10\n2Q\t20\nATM revenue was 15 million yen in the half year.\n"
    found = implied(taxonomy, money, fact(ATM, "1Q12", "10", line=1), fact(ATM, "2Q12", "20", line=2),
                    fact(ATM, "1H12", "15", line=3))
    assert [(f.severity, f.values["computed"]) for f in found] == [("error", "[28000000, 32000000]")]


def test_a_printed_revenue_of_zero_is_never_negative(taxonomy):
    """ATM revenue printed 0 thousand is 0 .. 1 thousand (one unit up, 0 .. 500 as rounded), never below zero: against
    revenues of 1,000 thousand its margin is 0 .. 0.1%, so "-0.1%" misses it by less than one printed unit (0.1
    point): a warning. Read without the sign convention (-0.1% .. 0.1% one unit either way) it would pass as rounding."""
    facts = [fact(ATM, "1H12", "0", THOUSAND, line=1), fact("Revenues", "1H12", "1,000", THOUSAND, line=2),
             pct("ATMOperationRevenueToRevenuesRatio", "1H12", "-0.1", line=3)]
    assert ratios(taxonomy, *facts) == ["warning"]


def test_an_amount_in_thousands_is_not_its_own_evidence(taxonomy):
    """As test_an_amount_known_from_one_side with gross profit printed to the thousand, a figure nothing implies any
    closer: the sentence is still judged against the other figures only, never against itself."""
    text = "Operating income\t5,000\nGross profit was 4,000,000 thousand yen.\n"
    (f,) = implied(taxonomy, text, fact("OperatingIncomeLoss", "1H12", "5,000", line=1),
                   fact("GrossProfit", "1H12", "4,000,000", THOUSAND, line=2))
    assert (f.severity, f.values["computed"]) == ("error", "[4999000000, Infinity]")


def test_a_targets_change_is_from_the_prior_actual_figure(taxonomy):
    """A revised target of 110 million for 1H12 against the 1H11 actual of 100 is up 10%: "up 20.0%" is an error.
    Nothing prints a 1H11 target: the earlier figure of a target's change is the actual one."""
    target = {"ScenarioAxis": "RevisedTargetMember"}
    facts = [fact("Revenues", "1H12", "110", line=1, scenario="RevisedTarget"), fact("Revenues", "1H11", "100", line=2),
             pct("RevenuesPercentageChangeFromPriorYear", "1H12", "20.0", line=3, dimensions=target)]
    assert ratios(taxonomy, *facts) == ["error"]
    assert ratios(taxonomy, *facts[:2], pct("RevenuesPercentageChangeFromPriorYear", "1H12", "10.0", line=3,
                                             dimensions=target)) == []


def test_the_ratio_to_an_initial_target_when_none_was_revised(taxonomy):
    """Revenues of 12 million against an initial target of 10 (no revised one printed) are 120% of it: "100.0%" is
    an error, "120.0%" is not."""
    facts = [fact("Revenues", "1H12", "12", None, line=1), fact("Revenues", "1H12", "10", None, line=2,
                                                                 scenario="InitialTarget")]
    assert ratios(taxonomy, *facts, pct("RevenuesToTargetRatio", "1H12", "100.0", line=3)) == ["error"]
    assert ratios(taxonomy, *facts, pct("RevenuesToTargetRatio", "1H12", "120.0", line=3)) == []
