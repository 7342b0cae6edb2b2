"""Figures the filing implies (checks/implied.py) as the ratio rule reports them: amounts printed in prose against
what the other figures imply, including a figure known from one side only."""
from __future__ import annotations

from iij_xbrl.checks import check
from iij_xbrl.publication import FilingFacts
from iij_xbrl.model import Curation, Provenance
from test_rules import DOC, fact, filing, run, taxonomy  # noqa: F401  (taxonomy is a fixture)


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
