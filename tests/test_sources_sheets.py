"""Fact sheets against their documents, golden facts of doc 001, the mapping table and the duplicate policy."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.model import Fact, Period, Provenance
from iij_xbrl.sources import calendar, dedupe, factsheet, figures, load, yamlines
from iij_xbrl.sources.mapping import LabelMap
from iij_xbrl.taxonomy.source import load as load_taxonomy

SOURCES = Path(__file__).resolve().parents[1] / "sources"
TAXONOMY = load_taxonomy(SOURCES.parent / "taxonomy")
SHEETS = load.sheet_paths(SOURCES)
DOC001 = "001_5ab34944f22f6fd1.txt"


@pytest.fixture(scope="module")
def filings():
    return load.load_filings(SOURCES)


@pytest.fixture(scope="module")
def doc001(filings):
    return [f for filing in filings for f in filing.facts if f.provenance.document == DOC001]


def test_filings_as_listed(filings) -> None:
    """Filings in sources/filings.yaml order, each with the facts of exactly its own documents' sheets."""
    listed = yamlines.load(SOURCES / "filings.yaml")["filings"]
    assert [f.id for f in filings] == [raw["id"] for raw in listed]
    for filing, raw in zip(filings, listed):
        assert filing.files == [d["file"] for d in raw["documents"]]
        assert filing.period == calendar.parse(raw["period"]) and str(filing.released) == raw["released"]
        assert {f.provenance.document for f in filing.facts} <= set(filing.files)
    # IIJ's fiscal year starts in April: the half-year 1H12 is April..September 2012
    assert calendar.parse("1H12") == Period(start=date(2012, 4, 1), end=date(2012, 9, 30))


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_sheet_schema_valid(sheet: Path) -> None:
    factsheet.validate(sheet, yamlines.load(sheet))


def test_every_printed_text_is_on_its_line(filings) -> None:
    """Independent of the loader's own check: re-read each document and look for each fact's text."""
    lines = {doc.name: doc.read_text(encoding="utf-8").split("\n") for doc in SOURCES.glob("*.txt")}
    facts = [f for filing in filings for f in filing.facts]
    assert facts
    for fact in facts:
        p = fact.provenance
        assert p.text in lines[p.document][p.line - 1], (fact.concept, p)


def _one(facts, concept, period: Period, **dims) -> list[Fact]:
    return [f for f in facts if f.concept == concept and f.period == period and f.dimensions == dims]


H1_12 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30))
H1_11 = Period(start=date(2011, 4, 1), end=date(2011, 9, 30))


def test_golden_facts_001(doc001) -> None:
    (rev,) = [f for f in _one(doc001, "Revenues", H1_12) if f.provenance.line == 364]
    assert (rev.value, rev.decimals, rev.unit, rev.provenance.text) == (Decimal("51109001000"), -3, "JPY", "51,109,001")
    (cash,) = [f for f in _one(doc001, "CashAndCashEquivalents", Period(end=date(2012, 9, 30))) if f.provenance.line == 286]
    assert (cash.value, cash.decimals) == (Decimal("11670450000"), -3)
    (eps,) = [f for f in _one(doc001, "EarningsPerShareBasic", H1_12) if f.provenance.line == 397]
    assert (eps.value, eps.decimals, eps.unit) == (Decimal("49.51"), 2, "JPYPerShare")
    # a payment is positive: "(2,785,190)" in the cash-flow statement (its negated label), "2,785" in the CAPEX table
    purchases = {f.provenance.line: f.value for f in _one(doc001, "PurchaseOfPropertyAndEquipment", H1_12)}
    assert purchases[448] == Decimal("2785190000") and purchases[254] == Decimal("2785000000")
    # "LESS: NET LOSS (INCOME) ATTRIBUTABLE TO NONCONTROLLING INTERESTS (1,058)": the statement's negated label
    (nci,) = [f for f in _one(doc001, "NetIncomeLossAttributableToNoncontrollingInterests", H1_12)
              if f.provenance.line == 388]
    assert nci.value == Decimal("1058000") and nci.provenance.direction is None
    # "down 5.5% YoY": the printed word gives the direction
    (home,) = _one(doc001, "InternetConnectivityHomeRevenuePercentageChangeFromPriorYear", H1_12)[:1]
    assert (home.value, home.provenance.direction) == (Decimal("-0.055"), "down")
    (target,) = _one(doc001, "OperatingIncomeLoss", Period(start=date(2012, 4, 1), end=date(2013, 3, 31)),
                     ScenarioAxis="InitialTargetMember")[:1]
    assert (target.value, target.decimals) == (Decimal("7500000000"), -6)
    (atm,) = _one(doc001, "OperatingIncomeLoss", H1_11, BusinessSegmentsAxis="ATMOperationBusinessMember",
                  ConsolidationItemsAxis="OperatingSegmentsMember")[1:]
    assert (atm.value, atm.provenance.text) == (Decimal("-163814000"), "(163,814)")
    (yoy,) = [f for f in _one(doc001, "RevenuesPercentageChangeFromPriorYear", H1_12) if f.provenance.line == 49]
    assert (yoy.value, yoy.decimals, yoy.unit) == (Decimal("0.083"), 3, "pure")
    (bw,) = _one(doc001, "ContractedBandwidth", Period(end=date(2012, 9, 30)))
    assert (bw.value, bw.unit, bw.provenance.text) == (Decimal("1003.3"), "Gbps", "1,003.3Gbps")
    assert not _one(doc001, "IntersegmentRevenues", H1_12, BusinessSegmentsAxis="ATMOperationBusinessMember",
                  ConsolidationItemsAxis="OperatingSegmentsMember")  # printed "—"


def test_doc001_covers_every_statement_line(doc001) -> None:
    cited = {f.provenance.line for f in doc001}
    statements = [(286, 336), (353, 400), (408, 415), (426, 493), (509, 525), (615, 662), (673, 719)]
    lines = (SOURCES / DOC001).read_text(encoding="utf-8").split("\n")
    for first, last in statements:
        for n in range(first, last + 1):
            if any(_is_figure(cell) for cell in lines[n - 1].split("\t")[1:]):
                assert n in cited, f"line {n} not covered: {lines[n - 1][:60]}"


def _is_figure(cell: str) -> bool:
    try:
        return figures.parse(cell, "JPY thousand") is not None
    except ValueError:
        return False


def _fact(value: str, decimals: int | None, line: int, doc: str = DOC001) -> Fact:
    return Fact(concept="OperatingIncomeLoss", period=H1_11, unit="JPY", value=Decimal(value), decimals=decimals,
                provenance=Provenance(document=doc, line=line, text=value))


def test_dedupe_agreeing_keeps_most_precise() -> None:
    millions, thousands = _fact("2448000000", -6, 60), _fact("2448207000", -3, 375)
    kept, conflicts = dedupe.dedupe([millions, thousands])
    assert kept == [thousands] and conflicts == []


def test_dedupe_truncated_summary_agrees() -> None:
    kept, conflicts = dedupe.dedupe([_fact("641000000", -6, 52), _fact("641780000", -3, 362)])
    assert len(kept) == 1 and kept[0].decimals == -3 and conflicts == []


def test_dedupe_conflict_kept_out_and_reported() -> None:
    good, bad = _fact("2448207000", -3, 375), _fact("2488000000", -6, 751)
    kept, conflicts = dedupe.dedupe([bad, good])
    assert kept == [good]
    assert [(c.kept.provenance.line, c.dropped.provenance.line) for c in conflicts] == [(375, 751)]
    assert "751" in str(conflicts[0]) and "375" in str(conflicts[0])


def test_dedupe_tie_first_by_document_and_line() -> None:
    a, b = _fact("2448000000", -6, 72), _fact("2448000000", -6, 60)
    kept, _ = dedupe.dedupe([a, b])
    assert kept == [b]


def test_known_conflicts_in_doc001(doc001) -> None:
    _, conflicts = dedupe.dedupe(doc001)
    dropped = {(c.dropped.concept, c.dropped.provenance.line) for c in conflicts}
    assert ("OperatingIncomeLoss", 751) in dropped  # Tanshin prints 2,488 for 1H11, the statement 2,448,207


def test_mapping_ambiguous_label_needs_rows() -> None:
    labels = LabelMap.load(SOURCES / "mapping.yaml")
    assert labels.resolve("Total revenues") == "Revenues"
    assert labels.resolve("NET INVESTMENT IN SALES-TYPE LEASES — Noncurrent") == labels.resolve(
        "Net investment in sales-type leases-noncurrent")
    with pytest.raises(LookupError, match="ambiguous"):
        labels.resolve("Total")
    with pytest.raises(LookupError, match="not in"):
        labels.resolve("Profit from moon base")


def _write(tmp_path: Path, body: str) -> Path:
    (tmp_path / "facts").mkdir()
    (tmp_path / DOC001).write_text((SOURCES / DOC001).read_text(encoding="utf-8"), encoding="utf-8")
    sheet = tmp_path / "facts" / "001_5ab34944f22f6fd1.yaml"
    sheet.write_text(f"document: {DOC001}\nfiling: fy2012h1\n{body}", encoding="utf-8")
    return sheet


@pytest.mark.parametrize(
    "body, message, line",
    [
        ("facts:\n  - {line: 22, concept: Revenues, period: 1H12, text: '51,110', unit: JPY million}\n",
         "not printed on", 4),
        ("facts:\n  - {line: 22, concept: Revenues, period: 1H12, text: '51,109', unit: yen}\n", "schema", 4),
        ("facts:\n  - {line: 22, concept: Revenues, period: 1H12, text: '51,109', unit: JPY million}\n"
         "  - {line: 9999, concept: Revenues, period: 1H12, text: '1', unit: JPY million}\n", "outside", 5),
        ("tables:\n  - lines: [353, 364]\n    unit: JPY thousand\n    columns: [1H11, null, 1H12]\n", "ambiguous", 4),
        ("tables:\n  - lines: [49, 50]\n    unit: JPY million\n    columns: [1H11, 1H12]\n    rows:\n"
         "      49: Revenues\n      50: NetworkServicesRevenue\n", "beyond", 8),
        # signs: a bare flag is no reason; a direction word must be printed and mean something for the concept
        ("facts:\n  - {line: 22, concept: RevenuesPercentageChangeFromPriorYear, period: 1H12, text: '8.3%', "
         "unit: percent, negate: true}\n", "schema", 4),
        ("facts:\n  - {line: 22, concept: RevenuesPercentageChangeFromPriorYear, period: 1H12, text: '8.3%', "
         "unit: percent, direction: down}\n", "direction 'down' is not printed", 4),
        ("facts:\n  - {line: 22, concept: Revenues, period: 1H12, text: '51,109', unit: JPY million, direction: up}\n",
         "'up' gives no direction to Revenues", 4),
        ("tables:\n  - lines: [49, 50]\n    statement: Nowhere\n    unit: JPY million\n    columns: [1H11, 1H12]\n",
         "statement Nowhere is no presentation role", 4),
        ("facts:\n  - {line: 22, concept: NoSuchConcept, period: 1H12, text: '51,109', unit: JPY million}\n",
         "NoSuchConcept is no concept", 4),
    ],
)
def test_sheet_errors_name_yaml_line(tmp_path: Path, body: str, message: str, line: int) -> None:
    sheet = _write(tmp_path, body)
    with pytest.raises(InputError, match=message) as err:
        factsheet.load_sheet(sheet, tmp_path, LabelMap.load(SOURCES / "mapping.yaml"), TAXONOMY)
    assert err.value.line == line and err.value.path == str(sheet)


def test_doc001_concepts_in_taxonomy(doc001) -> None:
    from iij_xbrl.taxonomy.source import load as load_taxonomy

    concepts = load_taxonomy(SOURCES.parent / "taxonomy").concepts
    for fact in doc001:
        concept = concepts.get(fact.concept)
        assert concept is not None, fact.concept
        assert (concept.period_type == "instant") == fact.period.is_instant, (fact.concept, str(fact.period))


FILINGS_YAML = """entity: {scheme: "http://www.tse.or.jp/sicc", identifier: "37740", name: IIJ, prefix: tse}
filings:
  - id: fy2012h1
    title: 1H FY2012
    period: 1H12
    released: 2012-11-08
    documents:
      - {file: %s, title: Press release, kind: press-release, released: 2012-11-08}
"""


@pytest.mark.parametrize("edit, message, line", [
    (lambda t: t.replace("period: 1H12", "period: 1H2012"), "schema: '1H2012' does not match", 5),
    (lambda t: t.replace(DOC001, "999_missing.txt"), "document 999_missing.txt not found", 8),
    (lambda t: t.replace("released: 2012-11-08\n", "released: 2012-13-08\n", 1), "not a date: '2012-13-08'", 3),
    (lambda t: t + t[t.index("  - id"):], "filing fy2012h1 is listed twice", 9),
    (lambda t: t + t[t.index("  - id"):].replace("fy2012h1", "fy2012q2"), "already belongs to filing fy2012h1", 14),
])
def test_filings_file_errors_name_the_line(tmp_path: Path, edit, message: str, line: int) -> None:
    from iij_xbrl.sources.filings import load_specs

    (tmp_path / DOC001).write_text("x\n", encoding="utf-8")
    path = tmp_path / "filings.yaml"
    path.write_text(edit(FILINGS_YAML % DOC001), encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_specs(tmp_path)
    assert (err.value.path, err.value.line) == (str(path), line)


def test_a_sheet_of_a_document_no_filing_lists_is_refused(tmp_path: Path) -> None:
    (tmp_path / "filings.yaml").write_text(FILINGS_YAML % DOC001, encoding="utf-8")
    (tmp_path / "mapping.yaml").write_text((SOURCES / "mapping.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    sheet = _write(tmp_path, "facts:\n  - {line: 22, concept: Revenues, period: 1H12, text: '51,109', unit: JPY million}\n")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("filing: fy2012h1", "filing: fy2013q3"), encoding="utf-8")
    with pytest.raises(InputError, match="belongs to filing fy2012h1, not fy2013q3"):
        load.load_filings(tmp_path, TAXONOMY)
