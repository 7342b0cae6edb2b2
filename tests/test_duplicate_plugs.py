"""iij:duplicate on coarser printings that are not the finer figure rounded: which relation a plug makes foot (a
sum, a balance's change over a period, a change from the prior year or quarter, each from either end), a plug
quoted in another document, another line item's figure under a wrong label, and the bounds between their grades.

The figures echo 001:549/625 (ATM operation revenue 615 million printed for 614,495 thousand so that revenues
foot) and the 1,334 million of comprehensive income that is the net income's figure; every expected value is
worked out by hand in the comments."""
from __future__ import annotations

import pytest

from test_rules import DOC, THOUSAND, fact, filing, run, taxonomy  # noqa: F401  (taxonomy is a fixture)

ATM = "ATMOperationRevenue"
YOY, QOQ = ATM + "ChangeFromPriorYear", ATM + "ChangeFromPriorQuarter"
TAX = "IncomeTaxesPayable"
PID = TAX + "PeriodIncreaseDecrease"
PROSE = "901_prose.txt"


def dup(taxonomy, *facts):
    return [f.to_dict() for f in run(taxonomy, filing(*facts), rule="iij:duplicate")]


def _graded(found) -> list[tuple]:
    return [(f["severity"], f["values"].get("foots"), [s["line"] for s in f["sources"]]) for f in found]


# (coarse printing, its finer twin, the other printings of the coarse one's table, the relation it makes foot).
# 615,495 thousand rounds and truncates to 615 million only (614,994.5 .. 615,495.5 thousand): 616 is a plug
# 0.505 of a unit away (info) wherever the table foots with 616 and not with 615.
PLUGS = [
    ("year-on-year change, current figure",  # 616 - 500 = 116
     fact(ATM, "1H12", "616", line=2), fact(ATM, "1H12", "615,495", THOUSAND, line=1),
     [fact(ATM, "1H11", "500", line=3), fact(YOY, "1H12", "116", line=4)], YOY),
    ("year-on-year change, prior figure",  # 700 - 616 = 84
     fact(ATM, "1H11", "616", line=2), fact(ATM, "1H11", "615,495", THOUSAND, line=1),
     [fact(ATM, "1H12", "700", line=3), fact(YOY, "1H12", "84", line=4)], YOY),
    ("quarter-on-quarter change, current figure",  # 616 - 600 = 16
     fact(ATM, "2Q12", "616", line=2), fact(ATM, "2Q12", "615,495", THOUSAND, line=1),
     [fact(ATM, "1Q12", "600", line=3), fact(QOQ, "2Q12", "16", line=4)], QOQ),
    ("quarter-on-quarter change, prior figure",  # 650 - 616 = 34
     fact(ATM, "1Q12", "616", line=2), fact(ATM, "1Q12", "615,495", THOUSAND, line=1),
     [fact(ATM, "2Q12", "650", line=3), fact(QOQ, "2Q12", "34", line=4)], QOQ),
    ("the year-on-year change itself",  # 616 - 500 = 116, not 115 (115,495 thousand)
     fact(YOY, "1H12", "116", line=2), fact(YOY, "1H12", "115,495", THOUSAND, line=1),
     [fact(ATM, "1H12", "616", line=3), fact(ATM, "1H11", "500", line=4)], YOY),
    ("the quarter-on-quarter change itself",  # 616 - 600 = 16, not 15 (15,495 thousand)
     fact(QOQ, "2Q12", "16", line=2), fact(QOQ, "2Q12", "15,495", THOUSAND, line=1),
     [fact(ATM, "2Q12", "616", line=3), fact(ATM, "1Q12", "600", line=4)], QOQ),
    ("a balance's change over the half year itself",  # 601 - 500 = 101, not 100 (100,495 thousand)
     fact(PID, "1H12", "101", line=2), fact(PID, "1H12", "100,495", THOUSAND, line=1),
     [fact(TAX, "2012-09-30", "601", line=3), fact(TAX, "2012-03-31", "500", line=4)], PID),
    ("the balance closing the half year",  # 601 - 500 = 101, not 600 (600,495 thousand)
     fact(TAX, "2012-09-30", "601", line=2), fact(TAX, "2012-09-30", "600,495", THOUSAND, line=1),
     [fact(PID, "1H12", "101", line=3), fact(TAX, "2012-03-31", "500", line=4)], PID),
    ("the balance opening the half year",  # 601 - 501 = 100, not 500 (500,495 thousand)
     fact(TAX, "2012-03-31", "501", line=2), fact(TAX, "2012-03-31", "500,495", THOUSAND, line=1),
     [fact(PID, "1H12", "100", line=3), fact(TAX, "2012-09-30", "601", line=4)], PID),
]


@pytest.mark.parametrize("coarse, fine, table, foots", [p[1:] for p in PLUGS], ids=[p[0] for p in PLUGS])
def test_a_plug_names_the_relation_it_makes_foot(taxonomy, coarse, fine, table, foots):
    assert _graded(dup(taxonomy, coarse, fine, *table)) == [("info", foots, [2, 1])]
    # the same printing where the table does not foot with it either: neither a rounding nor a plug
    off = table[:-1] + [table[-1].model_copy(update={"value": table[-1].value + 3000000})]
    assert _graded(dup(taxonomy, coarse, fine, *off)) == [("error", None, [2, 1])]


def test_a_plug_of_exactly_one_unit_is_a_warning(taxonomy):
    """615,000 thousand printed 616: not a rounding (614,999.5 .. 615,000.5 thousand give 614 or 615), exactly one
    unit away: a plug larger than rounding (under one unit is info, above)."""
    table = [fact(ATM, "1H11", "500", line=3), fact(YOY, "1H12", "116", line=4)]
    found = dup(taxonomy, fact(ATM, "1H12", "616", line=2), fact(ATM, "1H12", "615,000", THOUSAND, line=1), *table)
    assert _graded(found) == [("warning", YOY, [2, 1])]
    assert found[0]["values"] == {"reported": "616000000", "kept": "615000000", "rounded": "615000000",
                                  "foots": YOY}


def test_a_plug_quoted_in_another_document(taxonomy):
    """The prose (901) repeats the 616 of the table (900:2) that makes the change foot; in its own document nothing
    foots, but it quotes the table's plug: info too, citing the line it quotes."""
    facts = [fact(ATM, "1H12", "615,495", THOUSAND, line=1), fact(ATM, "1H12", "616", line=2),
             fact(ATM, "1H11", "500", line=3), fact(YOY, "1H12", "116", line=4),
             fact(ATM, "1H12", "616", line=7, doc=PROSE)]
    found = {(f["sources"][0]["document"], f["sources"][0]["line"]): f for f in dup(taxonomy, *facts)}
    assert sorted(found) == [(DOC, 2), (PROSE, 7)]
    assert "quotes" not in found[(DOC, 2)]["values"]
    quoted = found[(PROSE, 7)]
    assert (quoted["severity"], quoted["message"], quoted["values"]) == (
        "info", f"{ATM} printed 901:7 '616' is not 900:1 '615,495' rounded (615000000) but a plug that makes "
                f"{YOY} foot",
        {"reported": "616000000", "kept": "615495000", "rounded": "615000000", "quotes": "900:2", "foots": YOY})
    # a printing of another value (617: a conflict) quotes nothing, though the table's 616 is a plug
    other = facts[:4] + [fact(ATM, "1H12", "617", line=7, doc=PROSE)]
    assert [(f["sources"][0]["line"], f["severity"], f["values"].get("quotes")) for f in dup(taxonomy, *other)] == [
        (2, "info", None), (7, "error", None)]
    # another printing of the figure at the table's precision that does not foot quotes nothing
    alone = [f for f in facts if f.provenance.line != 4] + [fact(YOY, "1H12", "120", line=4)]
    assert [f["values"].get("quotes") for f in dup(taxonomy, *alone)] == [None, None]


COMPREHENSIVE, NET = "ComprehensiveIncomeAttributableToParent", "NetIncomeAttributableToParent"


@pytest.mark.parametrize("fine, coarse, other, severity", [
    # 1,334 for 1,383,196 thousand (49.2 units off) is the net income's 1,334,010 thousand rounded: error
    ("1,383,196", "1,334", "1,334,010", "error"),
    # 1,335: the net income's 1,334,500 thousand rounded half up (half-even would give 1,334)
    ("1,383,196", "1,335", "1,334,500", "error"),
    # 1,335: the net income's 1,335,700 thousand truncated (rounded it is 1,336)
    ("1,383,196", "1,335", "1,335,700", "error"),
    # 1,334 for 1,333,300 thousand: 0.7 of a unit (no rounding or truncation of it): a warning
    ("1,333,300", "1,334", "1,334,010", "warning"),
    # 1,334 for 1,333,000 thousand: exactly one unit (1,332,999.5 .. 1,333,000.5 give 1,332 or 1,333): an error
    ("1,333,000", "1,334", "1,334,010", "error"),
])
def test_another_line_items_figure_under_a_wrong_label(taxonomy, fine, coarse, other, severity):
    facts = [fact(COMPREHENSIVE, "1H12", fine, THOUSAND, line=1), fact(COMPREHENSIVE, "1H12", coarse, line=2),
             fact(NET, "1H12", other, THOUSAND, line=3)]
    (f,) = dup(taxonomy, *facts)
    rounded = {"1,383,196": "1383000000", "1,333,300": "1333000000", "1,333,000": "1333000000"}[fine]
    assert (f["severity"], f["message"], f["values"], [s["line"] for s in f["sources"]]) == (
        severity, f"{COMPREHENSIVE} printed 900:2 '{coarse}' is not 900:1 '{fine}' rounded but the figure of {NET} "
                  f"(900:3 '{other}')",
        {"reported": coarse.replace(",", "") + "000000", "kept": fine.replace(",", "") + "000",
         "rounded": rounded, "other": f"{NET} 900:3 '{other}'"}, [2, 1, 3])
    # the net income in another unit, of another period or segment, or printed no finer, is no such figure
    for update in ({"unit": "JPYPerShare"}, {"decimals": -6}, {"dimensions": {"ScenarioAxis": "InitialTargetMember"}}):
        moved = facts[:2] + [facts[2].model_copy(update=update)]
        assert [f["message"] for f in dup(taxonomy, *moved)] == [
            f"{COMPREHENSIVE} printed 900:2 '{coarse}' is neither a rounding nor a truncation of 900:1 '{fine}'"]


def test_neither_rounding_nor_plug_in_full(taxonomy):
    """614,500 thousand rounds half up to 615 (half-even would say 614): 617 is neither."""
    (f,) = dup(taxonomy, fact(ATM, "1H12", "614,500", THOUSAND, line=1), fact(ATM, "1H12", "617", line=2))
    assert (f["severity"], f["values"]) == ("error", {"reported": "617000000", "kept": "614500000",
                                                      "rounded": "615000000"})


@pytest.mark.parametrize("coarse", ["1,315", "1,316"])
def test_a_coarser_printing_may_round_either_end_of_the_finer_figure(taxonomy, coarse):
    """1,315,500 thousand is a figure in [1,315,499.5, 1,315,500.5] thousand: truncated 1,315 million, rounded 1,315
    (the low end) or 1,316 (the high end). Either printing is a rounding: no finding."""
    assert dup(taxonomy, fact(ATM, "1H12", "1,315,500", THOUSAND, line=1), fact(ATM, "1H12", coarse, line=2)) == []


def test_every_coarser_printing_is_judged_whatever_comes_before_it(taxonomy):
    """The kept figure (line 1, 2,210,089 thousand), a conflicting coarse printing (line 2, 2,212 million: more than
    one unit off) and one within a unit but no rounding of it (line 3, 2,211 million; 2,210 is): both are errors,
    the second judged although the conflict comes before it."""
    found = dup(taxonomy, fact(ATM, "1H12", "2,210,089", THOUSAND, line=1), fact(ATM, "1H12", "2,212", line=2),
                fact(ATM, "1H12", "2,211", line=3))
    assert [(f["severity"], [s["line"] for s in f["sources"]]) for f in found] == [("error", [2, 1]),
                                                                                  ("error", [3, 1])]


def test_exact_reprints_are_no_duplicate(taxonomy):
    assert dup(taxonomy, fact(ATM, "1H12", "12", None, line=1), fact(ATM, "1H12", "12", None, line=2)) == []


def test_a_truncation_one_whole_unit_below_is_a_rounding_not_a_conflict(taxonomy):
    """1,316,000 thousand may be 1,315,999.5 thousand, truncated 1,315 million: the duplicate policy (less than one
    unit apart) keeps them apart, the rule reads the coarser printing as a truncation: info."""
    (f,) = dup(taxonomy, fact(ATM, "1H12", "1,316,000", THOUSAND, line=1), fact(ATM, "1H12", "1,315", line=2))
    assert (f["severity"], f["message"], f["values"]) == (
        "info", f"{ATM} printed 900:2 '1,315', a rounding of 900:1 '1,316,000'",
        {"reported": "1315000000", "kept": "1316000000"})


DPS = "DividendsPerShare"


def _dps(period: str, text: str, decimals: int, line: int, concept: str = DPS):
    return fact(concept, period, text, decimals, line=line, unit="JPYPerShare")


@pytest.mark.parametrize("fine, coarse, severity", [
    ("17.50", "19", "warning"),  # 17.50 rounds to 18: 19 is one yen off (1.5 units of the printed place)
    ("-17.50", "18", "warning"),  # rounds to -18: 18 is the figure with its sign flipped
])
def test_a_plug_in_whole_yen_per_share(taxonomy, fine, coarse, severity):
    """Per-share amounts printed to the yen beside the same printed to the sen: the prior year's figure (coarse)
    makes the change foot (25 - 19 = 6, 25 - 18 = 7) where the rounded one would not (25 - 18, 25 + 18)."""
    change = str(25 - int(coarse))
    found = dup(taxonomy, _dps("FY11", fine, 2, 1), _dps("FY11", coarse, 0, 2), _dps("FY12", "25", 0, 3),
                _dps("FY12", change, 0, 4, concept=DPS + "ChangeFromPriorYear"))
    assert _graded(found) == [(severity, DPS + "ChangeFromPriorYear", [2, 1])]
