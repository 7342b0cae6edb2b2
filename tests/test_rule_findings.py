"""The duplicate and ratio rules' findings in full (message, values, concepts, period, sources, fact ids), every text
written out by hand, and the corners of their formulas: the split's dates, zero amounts, the per-share unit, the
names a ratio's operands may take, quarter-on-quarter periods, operands implied at any depth."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iij_xbrl.model import Fact, Period, Provenance
from test_rules import DOC, MILLION, THOUSAND, fact, filing, pct, run, taxonomy  # noqa: F401  (taxonomy: fixture)

H1_11, H1_12 = "2011-04-01..2011-09-30", "2012-04-01..2012-09-30"


def dup(taxonomy, *facts: Fact):
    return [f.to_dict() for f in run(taxonomy, filing(*facts), rule="iij:duplicate")]


def at(*lines: int) -> list[dict]:
    return [{"document": DOC, "line": n} for n in lines]


# -- iij:duplicate -----------------------------------------------------------------------------------------------

def test_duplicate_error_in_full(taxonomy):
    (f,) = dup(taxonomy, fact("OperatingIncomeLoss", "1H11", "2,488", line=751),
               fact("OperatingIncomeLoss", "1H11", "2,448,207", THOUSAND, line=375))
    assert f == {
        "rule": "iij:duplicate", "severity": "error", "filing": "fy2012h1",
        "message": "OperatingIncomeLoss printed 900:751 '2,488' is neither a rounding nor a truncation of 900:375 "
                   "'2,448,207'",
        "concepts": ["OperatingIncomeLoss"], "period": H1_11,
        "values": {"reported": "2488000000", "kept": "2448207000", "rounded": "2448000000"}, "sources": at(751, 375),
        "text": "Operating income (loss), 1H FY2011: the presentation prints 2,488 JPY million (900:751), but the "
                "presentation prints 2,448,207 JPY thousand (900:375), which rounds to 2,448 JPY million. It is "
                "neither that figure rounded nor truncated.",
        # the dropped print is not in the instance: its print id; the kept one its fact id
        "facts": ["p-900_test-L751-OperatingIncomeLoss-D2011-04-01_2011-09-30_JPY",
                  "f-OperatingIncomeLoss-D2011-04-01_2011-09-30_JPY"]}


def test_duplicate_of_a_nil_in_full(taxonomy):
    nil = Fact(concept="Revenues", period=Period(start=date(2012, 4, 1), end=date(2012, 9, 30)), unit="JPY",
               value=None, provenance=Provenance(document=DOC, line=5, text="-"))
    (f,) = dup(taxonomy, fact("Revenues", "1H12", "12", line=4), nil)  # the nil (exact) is kept
    assert (f["severity"], f["message"], f["values"], f["sources"]) == (
        "error", "Revenues printed 900:4 '12' but 900:5 '-': two printings of one figure, one is nil",
        {"reported": "12000000", "kept": "nil"}, at(4, 5))
    exact = nil.model_copy(update={"value": Decimal(12), "provenance": Provenance(document=DOC, line=4, text="12")})
    (f,) = dup(taxonomy, exact, nil)  # both exact: the earlier line is kept, the nil dropped
    assert f["values"] == {"reported": "nil", "kept": "12"} and f["message"].endswith("one is nil")


def test_duplicate_one_unit_apart_in_full(taxonomy):
    (f,) = dup(taxonomy, fact("IncomeTaxesPayableIncreaseDecrease", "1H12", "-1,315", line=199),
               fact("IncomeTaxesPayableIncreaseDecrease", "1H12", "-1,316", line=258))
    assert {k: f[k] for k in ("severity", "message", "values", "sources")} == {
        "severity": "info",
        "message": "IncomeTaxesPayableIncreaseDecrease printed 900:258 '-1,316' and 900:199 '-1,315': one unit apart "
                   "at the printed precision, a rounding/truncation artefact",
        "values": {"reported": "-1316000000", "kept": "-1315000000"}, "sources": at(258, 199)}


def per_share(period: str, text: str, line: int, **kw) -> Fact:
    return fact("DividendsPerShare", period, text, 2, line=line, unit="JPYPerShare", **kw)


def test_split_basis_in_full(taxonomy):
    (f,) = dup(taxonomy, per_share("FY11", "3,250.00", 779), per_share("FY11", "16.25", 415))
    assert {k: f[k] for k in ("severity", "message", "values", "sources")} == {
        "severity": "warning",
        "message": "DividendsPerShare: 900:779 '3,250.00' is on the pre-split basis, 900:415 '16.25' on the post-split "
                   "basis (1:200 stock split effective 2012-10-01); 16.25 x 200 = 3250",
        "values": {"reported": "3250", "kept": "16.25"}, "sources": at(779, 415)}


def test_a_year_straddling_the_split_in_full(taxonomy):
    # 1,758.75 = 200 x 8.75 (pre-split, on the new basis) + 8.75 (post-split): 1,741.25 / 199 = 8.75
    (f,) = dup(taxonomy, per_share("FY12", "1,758.75", 781, scenario="InitialTarget"),
               per_share("FY12", "17.50", 416, scenario="InitialTarget"))
    assert (f["severity"], f["message"]) == (
        "warning", "DividendsPerShare: 900:781 '1,758.75' adds pre-split and post-split amounts of a year straddling "
                   "the 1:200 split (2012-10-01); read as 1750 pre-split + 8.75 post-split, it matches 900:416 '17.50' "
                   "(8.75 + 8.75)")


def _custom(value: str, line: int, start: date, end: date) -> Fact:
    return Fact(concept="DividendsPerShare", period=Period(start=start, end=end), unit="JPYPerShare",
                value=Decimal(value), decimals=2, provenance=Provenance(document=DOC, line=line, text=value))


@pytest.mark.parametrize("start, end, severity", [
    (date(2012, 9, 30), date(2013, 3, 31), "warning"),  # starts the day before the split: a pre-split part
    (date(2012, 10, 1), date(2013, 3, 31), "error"),  # starts on the split: one basis only
    (date(2012, 4, 1), date(2012, 10, 1), "warning"),  # ends on the split's first day: it straddles
    (date(2012, 4, 1), date(2012, 9, 30), "error"),  # ends before: no post-split part
])
def test_the_split_date_bounds(taxonomy, start, end, severity):
    """1,758.75 against 17.50 is the straddling reading, possible only for periods around 2012-10-01; 3,250.00
    against 16.25 the pre-split reading, for periods starting before it."""
    if start.month == 9:
        found = dup(taxonomy, _custom("3250.00", 1, start, end), _custom("16.25", 2, start, end))
    else:
        found = dup(taxonomy, _custom("1758.75", 1, start, end), _custom("17.50", 2, start, end))
    assert [f["severity"] for f in found] == [severity]
    if start == date(2012, 10, 1):  # the pre-split reading needs a start before the split, too
        assert [f["severity"] for f in dup(taxonomy, _custom("3250.00", 1, start, end),
                                           _custom("16.25", 2, start, end))] == ["error"]


@pytest.mark.parametrize("a, b", [("0.00", "2.00"), ("2.00", "0.00")])
def test_a_zero_per_share_amount_is_no_split_twin(taxonomy, a, b):
    """2.00 against 0.00: 200 x 0 is within the split's tolerance of 2.00 (2.01), but zero is no basis."""
    assert [f["severity"] for f in dup(taxonomy, per_share("FY11", a, 1), per_share("FY11", b, 2))] == ["error"]


def test_the_split_reading_is_for_per_share_amounts_only(taxonomy):
    """3,250 million against 16 million are 50 million from 200 x 16 million, within 201 million: an amount in yen
    is never read as a split."""
    found = dup(taxonomy, fact("Revenues", "FY11", "3,250", line=1), fact("Revenues", "FY11", "16", line=2))
    assert [f["severity"] for f in found] == ["error"]


# -- iij:ratio ---------------------------------------------------------------------------------------------------

REVENUES = (fact("Revenues", "1H12", "51,109", line=25), fact("Revenues", "1H11", "47,196", line=50))


def ratios(taxonomy, *facts: Fact):
    return [f.to_dict() for f in run(taxonomy, filing(*facts), rule="iij:ratio")]


def test_ratio_error_in_full(taxonomy):
    # [51,108.5 / 47,196.5 - 1, 51,109.5 / 47,195.5 - 1] = [0.0828875..., 0.0829316...], six significant digits
    (f,) = ratios(taxonomy, *REVENUES, pct("RevenuesPercentageChangeFromPriorYear", "1H12", "10.9", line=26),
                  pct("RevenuesPercentageChangeFromPriorYear", "1H12", "10.9", line=27))
    assert f == {
        "rule": "iij:ratio", "severity": "error", "filing": "fy2012h1",
        "message": "RevenuesPercentageChangeFromPriorYear printed '10.9%' (0.109) at 900:26, 900:27; from Revenues "
                   "2012-04-01..2012-09-30 '51,109', Revenues 2011-04-01..2011-09-30 '47,196' it is "
                   "[0.0828875, 0.0829316]",
        "concepts": ["RevenuesPercentageChangeFromPriorYear", "Revenues"], "period": H1_12,
        "values": {"reported": "0.109", "computed": "[0.0828875, 0.0829316]"}, "sources": at(26, 27, 25, 50),
        "text": "Revenues, percentage change from the same period of the prior year, 1H FY2012 is printed as 10.9% "
                "(900:26); the printed figures give between 8.28% and 8.3%.",
        "facts": ["f-RevenuesPercentageChangeFromPriorYear-D2012-04-01_2012-09-30_pure",
                  "p-900_test-L27-RevenuesPercentageChangeFromPriorYear-D2012-04-01_2012-09-30_pure",
                  "f-Revenues-D2012-04-01_2012-09-30_JPY", "f-Revenues-D2011-04-01_2011-09-30_JPY"]}


def test_one_unit_of_each_operand_makes_a_rounding_artefact(taxonomy):
    """100 against 90 million: as printed (half a unit) the change is [9.94%, 12.29%], moving each figure by a
    whole unit [8.79%, 13.48%]. 9.0% meets only the second: info, not ok and not an error."""
    facts = (fact("Revenues", "1H12", "100", line=1), fact("Revenues", "1H11", "90", line=2))
    assert [f["severity"] for f in ratios(taxonomy, *facts, pct("RevenuesPercentageChangeFromPriorYear", "1H12", "9.0", line=3))] \
        == ["info"]
    assert ratios(taxonomy, *facts, pct("RevenuesPercentageChangeFromPriorYear", "1H12", "10.0", line=3)) == []


def test_shareholders_equity_ratio(taxonomy):
    facts = (fact("ShareholdersEquityAttributableToParent", "2012-09-30", "36,500", line=1), fact("Assets", "2012-09-30", "100,000", line=2))
    assert ratios(taxonomy, *facts, pct("ShareholdersEquityRatio", "2012-09-30", "36.5", line=3)) == []
    (f,) = ratios(taxonomy, *facts, pct("ShareholdersEquityRatio", "2012-09-30", "63.5", line=3))
    assert f["concepts"] == ["ShareholdersEquityRatio", "ShareholdersEquityAttributableToParent", "Assets"]


def test_gross_margin_of_a_service_line(taxonomy):
    facts = (fact("GrossProfitSystemsIntegration", "1H12", "2,000", line=1),
             fact("SystemsIntegrationRevenue", "1H12", "20,000", line=2),
             fact("Revenues", "1H12", "50,000", line=3))  # not the denominator of a service line's margin
    assert ratios(taxonomy, *facts, pct("GrossMarginRatioSystemsIntegration", "1H12", "10.0", line=4)) == []
    (f,) = ratios(taxonomy, *facts, pct("GrossMarginRatioSystemsIntegration", "1H12", "4.0", line=4))
    assert f["concepts"] == ["GrossMarginRatioSystemsIntegration", "GrossProfitSystemsIntegration",
                             "SystemsIntegrationRevenue"]


def test_an_operand_named_with_its_loss(taxonomy):
    """OperatingIncomeToRevenuesRatio divides OperatingIncomeLoss: the operand may carry "Loss" in its name."""
    facts = (fact("OperatingIncomeLoss", "1H12", "5,000", line=1), fact("Revenues", "1H12", "50,000", line=2))
    assert ratios(taxonomy, *facts, pct("OperatingIncomeToRevenuesRatio", "1H12", "10.0", line=3)) == []
    (f,) = ratios(taxonomy, *facts, pct("OperatingIncomeToRevenuesRatio", "1H12", "20.0", line=3))
    assert f["concepts"] == ["OperatingIncomeToRevenuesRatio", "OperatingIncomeLoss", "Revenues"]


def _period(start: date, end: date, value: str, line: int, concept: str = "Revenues") -> Fact:
    return Fact(concept=concept, period=Period(start=start, end=end), unit="JPY", value=Decimal(value) * 10 ** 6,
                decimals=MILLION, provenance=Provenance(document=DOC, line=line, text=value))


def test_quarter_on_quarter_is_not_computed_for_half_years(taxonomy):
    """A half year and the half year three months before it: the rule computes no QoQ change there."""
    half = _period(date(2012, 4, 1), date(2012, 9, 30), "110", 1)
    earlier = _period(date(2012, 1, 1), date(2012, 6, 30), "100", 2)
    printed = Fact(concept="RevenuesPercentageChangeFromPriorQuarter", period=half.period, unit="pure", value=Decimal("0.5"),
                   decimals=3, provenance=Provenance(document=DOC, line=3, text="50.0%"))
    assert ratios(taxonomy, half, earlier, printed) == []


# Formulas of formulas: a ratio's operand that is not printed is computed from its own formula, two levels deep.
# GrossMarginRatio = GrossProfit / Revenues (level 2); GrossMarginRatioChangeFromPriorYear = its change (level 1).
def _margins(*periods_and_margins: tuple[str, str], scenario: str | None = None) -> list[Fact]:
    facts, line = [], 100 if scenario else 1
    for period, margin in periods_and_margins:
        facts += [fact("GrossProfit", period, margin, line=line, scenario=scenario),
                  fact("Revenues", period, "100", line=line + 1, scenario=scenario)]
        line += 2
    return facts


# margins 10%, 20%, 40%, 80% in 1H09 .. 1H12: changes 10, 20, 40 points; change of changes 20 points
MARGINS = _margins(("1H09", "10"), ("1H10", "20"), ("1H11", "40"), ("1H12", "80"))


@pytest.mark.parametrize("concept, right, wrong", [
    ("GrossMarginRatioChangeFromPriorYearChangeFromPriorYear", "0.200", "0.900"),  # a change of a change of a margin
    ("GrossMarginRatioChangeFromPriorYearToRevenuesRatio", "0.00400", "0.00900"),  # 0.40 / 100 million
])
def test_operands_two_formulas_deep_are_computed(taxonomy, concept, right, wrong):
    def printed(value):
        return Fact(concept=concept, period=MARGINS[-1].period, unit="pure", value=Decimal(value),
                    decimals=len(value) - 2, provenance=Provenance(document=DOC, line=99, text=value))
    if concept.endswith("ToRevenuesRatio"):
        printed_facts = [printed(right).model_copy(update={"value": Decimal(right) / 10 ** 6, "decimals": 10})]
        wrong_facts = [printed(wrong).model_copy(update={"value": Decimal(wrong) / 10 ** 6, "decimals": 10})]
    else:
        printed_facts, wrong_facts = [printed(right)], [printed(wrong)]
    assert ratios(taxonomy, *MARGINS, *printed_facts) == []
    assert [f["severity"] for f in ratios(taxonomy, *MARGINS, *wrong_facts)] == ["error"]


def test_to_target_two_formulas_deep(taxonomy):
    """The change of the margin against the change of the targeted margin: 40 points actual, 20 targeted."""
    targets = _margins(("1H12", "60"), scenario="RevisedTarget")
    printed = Fact(concept="GrossMarginRatioChangeFromPriorYearToTargetRatio", period=MARGINS[-1].period, unit="pure",
                   value=Decimal("2.00"), decimals=2, provenance=Provenance(document=DOC, line=99, text="200%"))
    assert ratios(taxonomy, *MARGINS, *targets, printed) == []
    assert [f["severity"] for f in ratios(taxonomy, *MARGINS, *targets,
                                          printed.model_copy(update={"value": Decimal("5.00")}))] == ["error"]


def test_three_formulas_deep_are_computed(taxonomy):
    """The change of the change of the change of a margin needs a third level: 9.000 is no reading of it."""
    printed = Fact(concept="GrossMarginRatioChangeFromPriorYearChangeFromPriorYearChangeFromPriorYear", period=MARGINS[-1].period,
                   unit="pure", value=Decimal("9.000"), decimals=3,
                   provenance=Provenance(document=DOC, line=99, text="9.000"))
    assert [f["severity"] for f in ratios(taxonomy, *MARGINS, printed)] == ["error"]


# Operands are implied at any depth (checks/implied.py), on every path: each row prints some intermediate operands
# (exact and right) so that an operand of the printed top concept needs a third formula level. The top is printed
# wrong: an error on every row. X0 = GrossMarginRatio, X1 = its ChangeFromPriorYear.
X0, X1 = "GrossMarginRatio", "GrossMarginRatioChangeFromPriorYear"
E1 = "ShareholdersEquityRatioChangeFromPriorYear"  # for balances: ShareholdersEquityAttributableToParent / Assets, changed
# margins (GrossProfit per 100 million of Revenues): X0 0.1, 0.2, 0.4, 0.8, 1.6 in 1H08 .. 1H12
HALVES = {"1H08": "10", "1H09": "20", "1H10": "40", "1H11": "80", "1H12": "160"}
INSTANTS = {"2011-03-31": "10", "2011-09-30": "20", "2012-03-31": "40", "2012-09-30": "80"}


def _leaves(margins: dict[str, str], scenario: str | None = None,
            names: tuple[str, str] = ("GrossProfit", "Revenues")) -> list[Fact]:
    out = []
    for i, (period, margin) in enumerate(margins.items()):
        out += [fact(names[0], period, margin, line=200 + 2 * i, scenario=scenario),
                fact(names[1], period, "100", line=201 + 2 * i, scenario=scenario)]
    return out


def _exact(concept: str, period: str, value: str, scenario: str | None = None) -> Fact:
    from iij_xbrl.sources import calendar

    return Fact(concept=concept, period=calendar.parse(period), unit="pure", value=Decimal(value),
                dimensions={"ScenarioAxis": scenario + "Member"} if scenario else {},
                provenance=Provenance(document=DOC, line=300, text=value))


DEPTH = [  # (printed top, intermediates printed, other leaves)
    # a change of X2 = X1's change: X2 at 1H12 needs X1 at 1H12 (computed: X0 at level 3) unless printed
    (X1 + "ChangeFromPriorYearChangeFromPriorYear", [(X1, "1H11", "0.4"), (X1 + "ChangeFromPriorYear", "1H11", "0.2")], []),
    (X1 + "ChangeFromPriorYearChangeFromPriorYear", [(X1, "1H12", "0.8"), (X1 + "ChangeFromPriorYear", "1H11", "0.2")], []),
    (X1 + "ChangeFromPriorYearChangeFromPriorYear", [(X1, "1H12", "0.8"), (X1, "1H11", "0.4"),
                                            (X1 + "ChangeFromPriorYear", "1H11", "0.2")], []),
    # an increase of E1 between two instants, E1 from the equity ratio from the leaves: two levels
    (E1 + "PeriodIncreaseDecrease", [], ["instants"]),
    # that increase's change: the increase over 1H12 needs E1 at both its instants
    (E1 + "PeriodIncreaseDecreaseChangeFromPriorYear", [(E1 + "PeriodIncreaseDecrease", "1H11", "0.1"), (E1, "2012-03-31", "0.3")],
     ["instants"]),
    (E1 + "PeriodIncreaseDecreaseChangeFromPriorYear", [(E1 + "PeriodIncreaseDecrease", "1H11", "0.1"), (E1, "2012-09-30", "0.6")],
     ["instants"]),
    (E1 + "PeriodIncreaseDecreaseChangeFromPriorYear", [(E1 + "PeriodIncreaseDecrease", "1H11", "0.1"), (E1, "2012-09-30", "0.6"),
                                              (E1, "2012-03-31", "0.3")], ["instants"]),
    # X1 per 100 million of revenues, changed: the share needs X1 at 1H12
    (X1 + "ToRevenuesRatioChangeFromPriorYear", [(X1 + "ToRevenuesRatio", "1H11", "0.000000004")], []),
    (X1 + "ToRevenuesRatioChangeFromPriorYear", [(X1 + "ToRevenuesRatio", "1H11", "0.000000004"), (X1, "1H12", "0.8")],
     []),
    # X1 against its target, changed: actual X1 (revised target printed), then the target (actual printed)
    (X1 + "ToTargetRatioChangeFromPriorYear", [(X1 + "ToTargetRatio", "1H11", "1"), (X1, "1H12", "0.4", "RevisedTarget")],
     []),
    (X1 + "ToTargetRatioChangeFromPriorYear", [(X1 + "ToTargetRatio", "1H11", "1"), (X1, "1H12", "0.8")],
     ["RevisedTarget"]),
    (X1 + "ToTargetRatioChangeFromPriorYear", [(X1 + "ToTargetRatio", "1H11", "1"), (X1, "1H12", "0.8")],
     ["InitialTarget"]),
    (X1 + "ToTargetRatioChangeFromPriorYear", [(X1 + "ToTargetRatio", "1H11", "1"), (X1, "1H12", "0.8"),
                                           (X1, "1H12", "0.4", "RevisedTarget")], []),
]


@pytest.mark.parametrize("top, printed, others", DEPTH, ids=[f"{i}-{r[0]}" for i, r in enumerate(DEPTH)])
def test_operands_are_computed_at_any_depth(taxonomy, top, printed, others):
    period = "1H12"
    facts = _leaves(HALVES) + [_exact(*p) for p in printed]
    if "instants" in others:  # equity ratios 0.1, 0.2, 0.4, 0.8: E1 0.3 at 2012-03-31, 0.6 at 2012-09-30
        facts += _leaves(INSTANTS, names=("ShareholdersEquityAttributableToParent", "Assets"))
    for scenario in ("RevisedTarget", "InitialTarget"):
        if scenario in others:  # X0 targeted at 1H12: 120 / 100, so X1 targeted = 1.2 - 0.8 = 0.4
            facts += _leaves({"1H12": "120"}, scenario=scenario)
    wrong = _exact(top, period, "9")
    found = [f for f in ratios(taxonomy, *facts, wrong) if f["concepts"][0] == top]
    assert [f["severity"] for f in found] == ["error"]
