"""Natural signs: every concept states one sign convention, every fact of every filing carries it, the printed
sign is a matter of labels and words, and the calculations still foot."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from report_fixtures import reports

from iij_xbrl import publication
from iij_xbrl.checks.tolerance import judge_sum
from iij_xbrl.paths import Project
from iij_xbrl.sources import dedupe
from iij_xbrl.taxonomy import names, signs
from iij_xbrl.xbrl.command import validate

ROOT = Path(__file__).resolve().parents[1]
NUMERIC = {"monetary", "shares", "perShare", "percent", "integer", "decimal"}


@pytest.fixture(scope="module")
def published() -> publication.Publication:
    return publication.load(Project(ROOT))


def _prints(published):
    return [(ff, f) for ff in published.filings for f in ff.prints if f.value is not None]


def _eliminated(fact) -> bool:
    return names.ELIMINATION in fact.dimensions.values()


def test_every_numeric_concept_states_its_sign_convention(published):
    concepts = [c for c in published.taxonomy.concepts.values() if not c.abstract]
    assert {c.sign for c in concepts if c.data_type in NUMERIC} <= signs.CONVENTIONS
    assert all(c.sign for c in concepts if c.data_type in NUMERIC)
    # a name says what a positive value is, never only the negative side ("NetLossIncome", "OperatingLoss")
    reversed_names = re.compile(r"LossIncome|DecreaseIncrease|LossesGains|UsedIn(?!.*ProvidedBy)|(?<!Income)(?<!Gain)Loss$|"
                                r"Shortfall|^NetCashUsed")
    assert [c.name for c in concepts if reversed_names.search(c.name) and "ProvidedByUsedIn" not in c.name] == []


def test_positive_concepts_are_never_negative_in_any_filing(published):
    """An amount of revenue, cost, expense, payment or proceeds is positive however the document prints it: a
    payment printed "(2,785)" in the cash-flow statement and "2,785" in a bullet is the same positive figure. An
    elimination takes an amount out of the consolidated total: negative."""
    concepts = published.taxonomy.concepts
    wrong = [f"{f.concept} {f.provenance.document[:3]}:{f.provenance.line} {f.provenance.text!r} = {f.value}"
             for _, f in _prints(published)
             if concepts[f.concept].sign == signs.POSITIVE and f.value and (f.value < 0) != _eliminated(f)]
    assert wrong == []
    payments = [f for _, f in _prints(published) if re.match(r"(Purchase|Payments|Repayments|PrincipalPayments)", f.concept)
                or f.concept in ("DividendsPaid", "InterestExpense", "ImpairmentOfOtherInvestments", "TreasuryStock")]
    assert len(payments) > 40 and all(f.value > 0 for f in payments)


def test_one_sign_convention_per_figure_across_filings(published):
    """Two printings of one figure (concept, period, dimensions, unit) with opposite signs, within a filing or
    across filings, are a contradiction of the documents and must be reported, never published silently."""
    by_key = defaultdict(list)
    for ff, f in _prints(published):
        by_key[f.key].append((ff, f))
    reported = {(x.concepts[0], s.document, s.line) for x in published.findings
                if x.rule in ("iij:duplicate", "iij:restated") for s in x.sources}
    flips = []
    for printed in by_key.values():
        for i, (_, a) in enumerate(printed):
            for _, b in printed[i + 1:]:
                if a.value * b.value < 0 and not dedupe.agree(a, b):
                    flips.append((a, b))
    unreported = [(a.provenance, b.provenance) for a, b in flips  # a finding accuses one of the two printings
                  if not {(f.concept, f.provenance.document, f.provenance.line) for f in (a, b)} & reported]
    assert unreported == []
    # the documents' own contradiction: operating income "increased by 10.9%" (002:23) against "down 44.6%" (002:22,
    # 002:49). The equity method investees of FY2008 (002:230 "net loss (income)", 002:249 "income 17", 004:689) are
    # read by the figures, against the captions, with the sheet's reasons: iij:caption reports the captions.
    pairs = {tuple(sorted((f"{a.provenance.document[:3]}:{a.provenance.line}", f"{b.provenance.document[:3]}:{b.provenance.line}")))
             for a, b in flips}
    assert pairs == {("002:22", "002:23"), ("002:23", "002:49")}


def test_signs_come_from_the_printed_words_and_labels_never_from_a_bare_flag(published):
    """A value differs in sign from its printed figure only by a direction word printed on the line, the negated
    label of the statement the table prints, or a curation with its reason (kept in the provenance)."""
    for _, f in _prints(published):
        p = f.provenance
        if p.direction:
            line = (ROOT / "sources" / p.document).read_text(encoding="utf-8").split("\n")[p.line - 1]
            assert signs.printed_word(line, p.direction), p
        if p.negated:
            assert len(p.negated) >= 10, p
    reasons = [f.provenance.negated for _, f in _prints(published) if f.provenance.negated]
    words = [f.provenance.direction for _, f in _prints(published) if f.provenance.direction]
    assert 15 <= len(reasons) < 40 and len(words) > 100  # curations are few, printed words many


def test_segments_plus_eliminations_equal_consolidated_where_all_are_printed(published):
    checked = 0
    for ff in published.filings:
        for total in ff.facts:
            if total.dimensions or total.value is None:
                continue
            parts = [ff.get(total.concept, total.period, tuple(sorted(dims.items())), total.unit)
                     for dims in names.SEGMENTS.values()]  # the two segments and the elimination
            if any(p is None or p.value is None for p in parts):
                continue
            assert parts[2].value < 0
            verdict = judge_sum(total, [(1, p) for p in parts])
            assert verdict.status in ("ok", "rounding"), (total, verdict)
            checked += 1
    assert checked == 4  # revenues and operating income, 1H FY2011 and 1H FY2012 (doc 001)


@pytest.mark.arelle
def test_calculations_foot_as_before(tmp_path_factory):
    """The published instances with their extensions: the three inconsistencies of 1H FY2011/2012 that IIJ's own
    rounding causes, nothing else (our engine equals Arelle's `--calc c11r`, see test_emit_arelle)."""
    out = reports(tmp_path_factory).dir
    filings = [p.name for p in sorted(out.iterdir()) if (p / f"{p.name}.xbrl").is_file() and p.name.startswith("fy")]
    found = validate([out / f / f"{f}.xbrl" for f in filings], [out / names.PACKAGE_FILE])
    inconsistent = sorted((Path(f.filing).stem, f.concepts[0]) for f in found
                          if f.rule == "calc11e:inconsistentCalculationUsingRounding")
    assert inconsistent == [("fy2012h1", "iij:AdjustedEBITDA"), ("fy2012h1", "iij:CostsAndExpenses"),
                            ("fy2012h1", "iij:SellingGeneralAdministrativeAndResearchExpense")]
    assert all(f.severity != "error" or f.rule == "calc11e:inconsistentCalculationUsingRounding" for f in found)
