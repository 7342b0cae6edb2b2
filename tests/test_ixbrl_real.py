"""The inline reports of the real filings: findings in words (labels, printed periods and amounts, document:line,
never concept names or raw yen) beside exactly the cells they name; every fact tagged once (no browser here)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from iij_xbrl import publication
from iij_xbrl.emit import ixbrl, naming
from iij_xbrl.emit.wording import Wording
from iij_xbrl.paths import Project
from iij_xbrl.xbrl import xmlsafe

ROOT = Path(__file__).resolve().parents[1]
NS = {"ix": ixbrl.IX, "h": ixbrl.XHTML}


@pytest.fixture(scope="module")
def published() -> publication.Publication:
    return publication.load(Project(ROOT))


@pytest.fixture(scope="module")
def pages(published) -> dict[str, etree._Element]:
    wording = Wording(published)
    return {f.id: etree.fromstring(ixbrl.report(published, f, wording), xmlsafe.parser()) for f in published.filings}


def test_every_finding_in_words_without_concept_names_or_raw_yen(published):
    wording = Wording(published)
    for finding in published.findings:
        words = wording.finding(finding)
        assert not re.search(r"\b[A-Z][a-z]+[A-Z][A-Za-z]+\b", words), words  # CamelCase: a concept name
        assert not re.search(r"\d{5,}", words.replace(",", "_")), words  # a number without separators
        assert re.search(r"\b\d{3}:\d+\b", words), words  # where the figure is printed


def test_words_of_the_documents_contradictions(published):
    wording = Wording(published)
    words = {wording.finding(f) for f in published.findings if f.severity != "info"}
    assert words == {f.text for f in published.findings if f.severity != "info"}  # the findings carry their words
    assert ("Operating income (loss), 1H FY2011: the press release prints 2,488 JPY million (001:751), but the press "
            "release prints 2,448,207 JPY thousand (001:375), which rounds to 2,448 JPY million. It is neither that "
            "figure rounded nor truncated.") in words
    assert ("Dividends per share, FY2011 is printed twice: 3,250.00 JPY (001:779) and 16.25 JPY (000:415). They "
            "differ by a factor of 200, IIJ's 1:200 stock split of 2012-10-01: a different basis, not a different "
            "figure.") in words
    assert any(w.startswith("Comprehensive income attributable to IIJ, percentage change from the same period of "
                            "the prior year, 1H FY2012 is printed as 49.8% (001:755); the printed "
                            "figures give between 44.38% and 44.39%") for w in words)


def test_the_report_marks_exactly_the_cells_a_finding_names(published, pages):
    """The consolidated 1H FY2011 operating-income error flags the consolidated cell, not the segments' cells
    of the same concept and period; each finding is written once beside its cells."""
    page = pages["fy2012h1"]
    cells = {el.get("id"): el.getparent().get("class") for el in page.iterfind(".//ix:nonFraction", NS)}
    consolidated = "f-OperatingIncomeLoss-D2011-04-01_2011-09-30_JPY"
    segments = [i for i in cells if i.startswith("f-OperatingIncomeLoss-D2011-04-01_2011-09-30_") and i != consolidated
                and "Target" not in i and "Elimination" not in i]  # the elimination row has its own (info) note
    assert cells[consolidated] == "num flagged-error"
    assert len(segments) >= 2 and all(cells[i] == "num" for i in segments), {i: cells[i] for i in segments}
    named = {i for f in published.findings_of("fy2012h1") for i in f.facts}
    assert {i for i, c in cells.items() if c != "num"} == named & set(cells)
    notes = [tr.get("id") for tr in page.iterfind(".//h:tr[@class='note']", NS)]
    assert len(notes) == len(set(notes)) > 0


def test_every_fact_tagged_once_in_every_report(published, pages):
    for filing in published.filings:
        tags = [el.get("id") for el in pages[filing.id].iterfind(".//ix:nonFraction", NS)]
        assert sorted(tags) == sorted(naming.fact_id(f) for f in filing.facts)


def test_the_cash_flow_statement_reads_like_the_documents(pages):
    """fy2012h1: from net income to cash at the end of the period, in the press release's two columns."""
    section = pages["fy2012h1"].find(".//h:div[@id='CashFlowStatement']", NS)
    labels = [tr.find("./*[1]/h:span[@class='en']", NS).text
              for tr in section.iterfind(".//h:tbody/h:tr", NS) if tr.get("class") != "note"]  # not a finding
    assert labels[:2] == ["Operating activities", "Net income"]
    assert "Investing activities" in labels and "Financing activities" in labels
    assert labels.index("Cash and cash equivalents, end of the period") == labels.index(
        "Cash and cash equivalents, beginning of the period") + 1
    heads = [th.find("h:span[@class='en']", NS).text for th in section.iterfind(".//h:thead/h:tr/h:th", NS)][1:]
    assert heads == ["1H FY2011", "1H FY2012"]
    balance = pages["fy2012h1"].find(".//h:div[@id='BalanceSheet']", NS)
    assert [th.find("h:span[@class='en']", NS).text for th in balance.iterfind(".//h:thead/h:tr/h:th", NS)][1:] == \
        ["Mar. 31, 2012", "Sep. 30, 2012"]
