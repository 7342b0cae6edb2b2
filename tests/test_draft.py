"""`iij-xbrl draft` on the five seed documents (never reading their curated sheets while drafting), on
perturbed copies of them (lines shifted, years moved, figures doubled), and its pieces."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from draft_perturb import expected, percentages, perturb
from iij_xbrl.cli import main
from iij_xbrl.draft import context_for, draft, periods, signs
from iij_xbrl.draft.compare import compare
from iij_xbrl.draft.facts import fact
from iij_xbrl.draft.layout import token_spans
from iij_xbrl.draft.sheet import render
from iij_xbrl.model import Period
from iij_xbrl.paths import find
from iij_xbrl.sources.factsheet import document_lines, load_sheet
from iij_xbrl.sources.mapping import LabelMap
from iij_xbrl.taxonomy.source import load

PROJECT = find()
SOURCES = PROJECT.sources
DOCUMENTS = sorted(p.name for p in SOURCES.glob("*.txt"))
# Measured recall of each seed (README "Drafting a fact sheet"); a change that loses facts must say so.
# Issue 18: the curated 002 dates its undated cash-flow and CAPEX slide 2Q08 (its figures are the quarter's),
# reads the FY2008 equity-method row by its figures against its caption and adds partial-period and per-segment
# figures; the drafter reads them as printed for the report's 1H08 (002: 94.5% -> 88.1% recall, 99.2% -> 93.8%
# precision). 004's IIJ-GS figures of "1 month" are dated September 2010 (93.1% -> 91.2%).
# The drafter then leaves 002's undated slides for review where their figures or chart refute the reporting
# period, and reads more of its prose (002: 91.0% recall, 98.1% precision; perturbed 90.6%, 98.0%).
RECALL = {"000": 0.94, "001": 0.95, "002": 0.90, "003": 0.95, "004": 0.91}
PRECISION = {"002": 0.98}


@cache
def _labels() -> LabelMap:
    return LabelMap.load(SOURCES / "mapping.yaml")


@cache
def _drafted(document: str):
    return draft(SOURCES / document)


@cache
def _curated(document: str):
    return load_sheet(SOURCES / "facts" / (Path(document).stem + ".yaml"), SOURCES, _labels()).facts


@cache
def _percent_concepts() -> frozenset[str]:
    return frozenset(n for n, c in load(PROJECT.taxonomy).concepts.items() if c.data_type == "percent")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_seed_document_recall_and_precision(document):
    result = _drafted(document)
    c = compare(_curated(document), [fact(p, document) for p in result.facts])
    assert c.precision >= PRECISION.get(document[:3], 0.95), f"{c.precision:.1%} of {c.drafted} drafted facts correct"
    assert c.recall >= RECALL[document[:3]], f"{c.recall:.1%} of {c.curated} curated facts reproduced"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_draft_loads_with_the_sheet_loader(document, tmp_path):
    """The sheet as written: the publisher's loader accepts it and reads exactly the drafted facts."""
    result = _drafted(document)
    sheet = tmp_path / (Path(document).stem + ".yaml")
    sheet.write_text(render(result), encoding="utf-8")
    loaded = load_sheet(sheet, SOURCES, _labels())
    key = lambda f: (f.provenance.line, f.provenance.text, f.concept, f.period.model_dump_json(),
                     sorted(f.dimensions.items()), f.value, f.decimals)
    assert sorted(map(key, loaded.facts)) == sorted(key(fact(p, document)) for p in result.facts)
    assert loaded.filing == result.filing


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_figure_is_drafted_or_listed_for_review(document):
    result = _drafted(document)
    lines = document_lines(SOURCES / document)
    tokens = {(n, start) for n, text in enumerate(lines, start=1) for start, _, _ in token_spans(text)}
    drafted = {(p.line, p.start) for p in result.facts}
    reviewed = {(p.line, p.start) for p in result.review}
    assert drafted | reviewed == tokens and not drafted & reviewed
    assert all(p.reason for p in result.review)


@pytest.mark.parametrize("document, years, changes", [
    ("000_1e0a72612b28a18d.txt", 2, {}), ("002_391ff04abc0b0380.txt", -2, {}), ("004_5e9b75ebd931438e.txt", 3, {}),
    ("001_5ab34944f22f6fd1.txt", 1, {"swap_rows": True, "retitle": True}),
    ("003_aa7856c1736f7778.txt", -2, {"swap_rows": True, "retitle": True, "factor": 3})])
def test_perturbed_documents(document, years, changes, tmp_path):
    """Lines shifted, years moved, every amount changed (doubled or tripled), line items of tables reordered,
    slide titles numbered and cased otherwise: about the same facts, as precisely."""
    lines = document_lines(SOURCES / document)
    curated = _curated(document)
    moved = perturb(lines, years, percentages(curated, _percent_concepts()), middle_noise_at=len(lines) // 2,
                    **changes)
    placed = [moved.line_map[n] for n in sorted(moved.line_map)]
    assert moved.lines != lines and (not changes.get("swap_rows") or placed != sorted(placed))
    path = tmp_path / document
    path.write_text("\n".join(moved.lines), encoding="utf-8")
    result = draft(path)
    c = compare(expected(curated, moved, _percent_concepts()), [fact(p) for p in result.facts])
    assert c.precision >= PRECISION.get(document[:3], 0.95)
    assert c.recall >= RECALL[document[:3]] - 0.05, f"{c.recall:.1%}"
    assert result.period.end.year == _drafted(document).period.end.year + years


UNSEEN = """1H FY2015 Consolidated Financial Results

I-1. Consolidated Results

Unit: JPY billion

\t1H15\t1H14\tYoY
Total Revenues\t60.0\t55.0\t+9.1%

Revenue by quarter

28.0
(+5.0%)

29.0
(+8.0%)

31.0
(+10.2%)

I-2. Topics

- IIJ completed the acquisition of Example Networks Inc. ("EXN") on Jul. 1, 2015
- Successfully acquired approx. 300 corporate customers and 120 employees
- Revenue and OP related to EXN (3 months): JPY1.2 billion, JPY0.1 billion
- Current assets of EXN: JPY0.8 billion

- Systems construction revenue to be approx. JPY0.5 billion short of the full year plan
- FY2015 interim cash dividend: JPY15.00 per share, as planned
"""


def _facts(text: str, tmp_path) -> dict[tuple[int, str], tuple]:
    path = tmp_path / "unseen.txt"
    path.write_text(text, encoding="utf-8")
    return {(p.line, p.text): (p.concept, p.period, p.scenario, fact(p).value) for p in draft(path).facts}


def test_a_document_never_seen(tmp_path):
    """Layouts of the seeds in words and figures of no seed: an unlabelled chart its table confirms, an
    acquired company named by its abbreviation, a target revision, a dividend of a quarter end."""
    facts = _facts(UNSEEN, tmp_path)
    billion = Decimal(10) ** 9
    # three bars after the 1H15 total: the quarters up to 2Q15, as 29.0 + 31.0 = 60.0 confirms
    assert facts[(12, "28.0")] == ("Revenues", "4Q14", "Actual", Decimal("28.0") * billion)
    assert facts[(18, "31.0")] == ("Revenues", "2Q15", "Actual", Decimal("31.0") * billion)
    assert facts[(19, "10.2%")] == ("RevenuesPercentageChangeFromPriorYear", "2Q15", "Actual", Decimal("0.102"))
    assert facts[(24, "300")] == ("BusinessAcquisitionCustomersAcquired", "1H15", "Actual", 300)
    assert facts[(24, "120")] == ("BusinessAcquisitionEmployeesAcquired", "1H15", "Actual", 120)
    assert facts[(25, "JPY1.2")] == ("NewSubsidiariesRevenue", "1H15", "Actual", Decimal("1.2") * billion)
    assert facts[(25, "JPY0.1")] == ("NewSubsidiariesOperatingIncomeLoss", "1H15", "Actual", Decimal("0.1") * billion)
    assert facts[(26, "JPY0.8")] == ("BusinessAcquisitionCurrentAssets", "2015-07-01", "Actual", Decimal("0.8") * billion)
    assert facts[(28, "JPY0.5")] == ("SystemsConstructionRevenueTargetRevision", "FY15", "RevisedTarget",
                                     Decimal("-0.5") * billion)
    assert facts[(29, "JPY15.00")] == ("DividendsPerShare", "2Q15", "Actual", Decimal("15.00"))
    # without the table nothing confirms which quarters the bars are: they stay for review
    unconfirmed = _facts(UNSEEN.replace("Total Revenues\t60.0\t55.0\t+9.1%", "Total Revenues"), tmp_path)
    assert not {key for key in unconfirmed if 12 <= key[0] <= 19}


def test_bases_named_only_by_their_changes():
    """Concepts whose base the taxonomy lacks ("Rent expenses, change from ...") are reached through a virtual
    base that is never a fact of its own."""
    vocabulary = context_for(SOURCES / DOCUMENTS[3]).vocabulary
    assert vocabulary.match("Rent expenses").concept == "RentExpense" and "RentExpense" in vocabulary.virtual
    assert vocabulary.derived("RentExpense", "YoYChangeAmount") == "RentExpenseChangeFromPriorYear"
    assert vocabulary.match("Revenues").concept == "Revenues"  # a concept of the taxonomy before a virtual one


def test_periods_in_headers_and_prose():
    found = lambda text: [periods.token(f.period) for f in periods.find(text, 2013)]
    assert found("1H12 (12/4~12/9)") == ["1H12"]
    assert found("1Q-3Q FY2013 (9 months ended December 31, 2013)") == ["9M13", "2013-12-31"]
    assert found("Six Months Ended September 30, 2011") == ["1H11"]
    assert found("Fiscal Year Ending March 31, 2013 (Target)") == ["FY12"]
    assert found("End of Sep. 2012: 45.4%") == ["2012-09-30"]
    assert found("1Q-3Q FY up 5.6% YoY") == ["9M13"]  # the year from the document
    assert found("IIJ4U 12/4~12/9 1Gbps") == []
    assert periods.token(Period(start=date(2012, 4, 1), end=date(2012, 11, 30))) is None
    fy12 = periods.find("FY2012", None)[0].period
    dividend = lambda text: periods.token(periods.dividend_quarter(periods.quarter_end(text), fy12))
    assert [dividend(t) for t in ("2Q-end", "interim", "Year-end", "3rd quarter-end")] == ["2Q12", "2Q12", "4Q12", "3Q12"]
    assert found("Full Year Target") == ["FY13"]


def test_signs_follow_the_printing_and_the_words():
    assert signs.prose_negative("", "down ", "7.3%", False)
    assert not signs.prose_negative("", "(up ", "8.3%", False)
    assert signs.prose_negative("", "Payment for purchases of property and equipment: JPY", "2,785", True)
    assert not signs.prose_negative("", "was decreased to JPY", "1,990", False)
    assert signs.inverted("Equity in net loss (income) of equity method investees", "Equity in net income")
    assert not signs.inverted("Operating Loss", "Operating income (loss)")  # losses printed in parentheses
    assert signs.negate_for("(1,866)", "JPY million", negative=True) is False
    assert signs.value("16.5", "percent", True) == Decimal("-0.165")


def test_command_writes_the_sheet_and_compares(tmp_path):
    document = SOURCES / DOCUMENTS[0]
    sheet = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["draft", str(document), "-o", str(sheet), "--against",
                                       str(SOURCES / "facts" / (document.stem + ".yaml"))])
    assert result.exit_code == 0, result.output
    assert "facts drafted" in result.output and "recall" in result.output and "precision" in result.output
    text = sheet.read_text(encoding="utf-8")
    assert text.startswith("# Drafted by") and "# Review list" in text
    rerun = CliRunner().invoke(main, ["draft", str(document), "-o", str(sheet)])
    assert rerun.exit_code == 0  # its own draft may be replaced


def test_command_keeps_files_it_did_not_write_and_rejects_bad_input(tmp_path):
    foreign = tmp_path / "mine.yaml"
    foreign.write_text("document: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["draft", str(SOURCES / DOCUMENTS[0]), "-o", str(foreign)])
    assert result.exit_code == 2 and foreign.read_text(encoding="utf-8") == "document: x\n"
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    binary = tmp_path / "doc.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    result = CliRunner().invoke(main, ["draft", str(binary), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 2 and "not UTF-8" in result.output and not (tmp_path / "out.yaml").exists()
