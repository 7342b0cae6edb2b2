"""Inline XBRL report of the hand-built filing over the real taxonomy: every fact tagged once with its exact
value, statements laid out as the presentation linkbase says (order, headings, totals, preferred labels, only
printed columns, the unit once), figures at their printed scale, findings in words beside exactly the cells
they name, one language at a time, charts, a first page and a table of contents (no browser, no Arelle here)."""
from __future__ import annotations

import base64
import re
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from emit_fixtures import H1_11, H1_12, SEP12, fact, sample_filing
from report_fixtures import report_filing, sample_publication_with_findings, sample_report
from iij_xbrl.emit import charts, ixbrl
from iij_xbrl.emit import naming as n
from iij_xbrl.model import Period, Provenance
from iij_xbrl.xbrl import xmlsafe

NS = {"h": ixbrl.XHTML, "ix": ixbrl.IX, "xbrli": n.XML_NAMESPACES["xbrli"]}
FY11 = Period(start=date(2011, 4, 1), end=date(2012, 3, 31))


def _page(filing=None) -> etree._Element:
    return etree.fromstring(sample_report(filing), xmlsafe.parser())


@pytest.fixture(scope="module")
def page() -> etree._Element:
    return _page()


def _value(el: etree._Element) -> Decimal:
    """What an iXBRL processor reads from a num-dot-decimal ix:nonFraction."""
    shown = Decimal("".join(el.itertext()).replace(",", ""))
    value = shown.scaleb(int(el.get("scale")))
    return -value if el.get("sign") == "-" else value


def _tag(page, fact_id: str) -> etree._Element:
    return page.find(f".//ix:nonFraction[@id='{fact_id}']", NS)


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _section(page, section_id: str) -> etree._Element:
    return page.find(f".//h:div[@id='{section_id}']", NS)


def _rows(section) -> list[tuple[str, str]]:
    """(row class, English label) of each body row of a section's table."""
    rows = []
    for tr in section.iterfind(".//h:tbody/h:tr", NS):
        label = tr.find("./*[1]/h:span[@class='en']", NS)
        rows.append((tr.get("class") or "", "" if label is None else label.text))
    return rows


def test_references_cite_the_filings_extension_schema(page):
    href = f"{{{n.XML_NAMESPACES['xlink']}}}href"
    assert [el.get(href) for el in page.iter(f"{{{n.XML_NAMESPACES['link']}}}schemaRef")] == ["fy2012h1.xsd"]


def test_every_fact_is_tagged_once_with_its_exact_value(page):
    filing = report_filing()
    tagged = {el.get("id"): el for el in page.iterfind(".//ix:nonFraction", NS)}
    assert len(tagged) == len(page.findall(".//ix:nonFraction", NS)) == len(filing.facts)
    for one in filing.facts:
        el = tagged[n.fact_id(one)]
        assert el.get("name") == n.qname(one.concept)
        assert el.get("contextRef") == n.fact_context_id(one)
        if one.value is None:
            assert el.get(f"{{{n.XML_NAMESPACES['xsi']}}}nil") == "true" and el.get("decimals") is None
        else:
            assert _value(el) == one.value, n.fact_id(one)
            assert el.get("decimals") == n.decimals_attr(one.decimals)


def test_contexts_and_units_are_the_instances(page):
    contexts = {c.get("id") for c in page.iterfind(".//ix:resources/xbrli:context", NS)}
    assert contexts == {n.fact_context_id(f) for f in report_filing().facts}
    units = {u.get("id") for u in page.iterfind(".//ix:resources/xbrli:unit", NS)}
    assert units == {"JPY", "JPYPerShare", "shares", "pure", "Gbps"}


def test_figures_at_their_printed_scale_negatives_as_printed(page):
    revenues = _tag(page, "f-Revenues-D2012-04-01_2012-09-30_JPY")
    assert (revenues.text, revenues.get("scale"), revenues.get("format")) == ("51,109", "6", "ixt:num-dot-decimal")
    ratio = _tag(page, "f-GrossMarginRatio-D2012-04-01_2012-09-30_pure")
    assert (ratio.text, ratio.get("scale"), _text(ratio.getparent())) == ("20.0", "-2", "20.0%")
    # an exact figure in a table of millions: shown in thousands, with its unit beside it, negative as printed
    deficit = _tag(page, "f-RetainedEarningsAccumulatedDeficit-I2012-09-30_JPY")
    assert (deficit.text, deficit.get("scale"), deficit.get("sign")) == ("10,990", "3", "-")
    assert _text(deficit.getparent()) == "−10,990thousand千円"  # the sign as the print shows it
    eps = _tag(page, "f-EarningsPerShareBasic-D2012-04-01_2012-09-30_JPYPerShare")
    assert (eps.text, eps.get("scale")) == ("1,421.75", "0")


def test_a_figure_printed_in_billions_is_shown_in_billions():
    filing = report_filing()
    filing = filing.model_copy(update={"facts": filing.facts + [
        fact("Revenues", FY11, "97300000000", decimals=-8, line=80),
        fact("CostOfRevenue", FY11, "76012345000", decimals=-3, line=81)]})
    page = _page(filing)
    tag = _tag(page, "f-Revenues-D2011-04-01_2012-03-31_JPY")
    assert (tag.text, tag.get("scale"), tag.get("decimals")) == ("97.3", "9", "-8")  # not 97,300,000 thousand
    assert _text(tag.getparent()) == "97.3bn十億円"


def test_statement_in_the_presentation_linkbases_order_with_headings_and_totals(page):
    income = _section(page, "IncomeStatement")
    rows = _rows(income)
    assert rows[:2] == [("heading", "Revenues"), ("total", "Total revenues")]
    assert ("heading", "Cost and expenses") in rows and ("total", "Total cost of revenues") in rows
    assert rows.index(("heading", "Cost and expenses")) < rows.index(("total", "Total cost of revenues"))
    # the unit once, in the header; only the periods the statement prints figures for
    head = [_text(th) for th in income.iterfind(".//h:thead/h:tr/h:th", NS)]
    assert head[0] == "In JPY million単位：百万円" and head[1:] == ["1H FY2012" * 2]  # 1H FY2011: one figure only
    assert "JPY million" not in _text(income.find(".//h:tbody", NS))
    total = income.find(".//h:tr[@class='total']/h:td[@class='item depth-1']", NS)
    assert total is not None  # indented under its heading


def test_columns_only_where_a_statement_prints_figures():
    """Cash at the start of a cash-flow column shows in that statement; it opens no column of its own in the
    balance sheet, which prints two dates."""
    sample = sample_filing()
    start = Period(end=date(2012, 3, 31))
    facts = [f for f in sample.facts if f.concept != "Assets"] + [
        fact("Assets", SEP12, "75723183000", decimals=-3, line=50),
        fact("Assets", start, "73493246000", decimals=-3, line=50),
        fact("Goodwill", start, "5788333000", decimals=-3, line=51),
        fact("CashAndCashEquivalents", SEP12, "11670450000", decimals=-3, line=53),
        fact("CashAndCashEquivalents", start, "13536824000", decimals=-3, line=53),
        fact("CashAndCashEquivalents", Period(end=date(2011, 3, 31)), "13313615000", decimals=-3, line=90),
        fact("NetIncreaseDecreaseInCash", H1_12, "-1866374000", decimals=-3, line=91),
        fact("NetIncreaseDecreaseInCash", H1_11, "-2339162000", decimals=-3, line=91),
        fact("NetIncome", H1_12, "2008214000", decimals=-3, line=92),
        fact("NetIncome", H1_11, "1312264000", decimals=-3, line=92)]
    page = _page(sample.model_copy(update={"facts": facts}))
    balance = _section(page, "BalanceSheet")
    assert [th.find("h:span[@class='en']", NS).text for th in balance.iterfind(".//h:thead/h:tr/h:th", NS)][1:] == \
        ["Mar. 31, 2012", "Sep. 30, 2012"]
    cash = _section(page, "CashFlowStatement")
    rows = _rows(cash)
    labels = [label for _, label in rows]
    assert labels[-2:] == ["Cash and cash equivalents, beginning of the period",
                           "Cash and cash equivalents, end of the period"]
    assert labels[:2] == ["Operating activities", "Net income"]
    assert ("total", "Net increase (decrease) in cash and cash equivalents") in rows
    assert [th.find("h:span[@class='en']", NS).text for th in cash.iterfind(".//h:thead/h:tr/h:th", NS)][1:] == \
        ["1H FY2011", "1H FY2012"]
    # net income and cash at Mar. 31 / Sep. 30, 2012 are tagged in earlier statements: here they are copies
    copies = {a.get("href") for a in cash.iterfind(".//h:a[@class='copy']", NS)}
    assert {"#f-NetIncome-D2012-04-01_2012-09-30_JPY", "#f-CashAndCashEquivalents-I2012-03-31_JPY",
            "#f-CashAndCashEquivalents-I2012-09-30_JPY"} <= copies
    assert _tag(page, "f-CashAndCashEquivalents-I2011-03-31_JPY") in cash.iter()  # tagged where it is shown


def test_a_negated_line_shows_the_value_times_minus_one():
    """A payment is positive (its natural sign); the cash-flow statement's negated label prints it as an
    outflow, in parentheses outside the tag, with no sign attribute (the value is what the tag shows)."""
    sample = sample_filing()
    purchase = fact("PurchaseOfPropertyAndEquipment", H1_12, "3118000000", line=95).model_copy(
        update={"provenance": Provenance(document="001_5ab34944f22f6fd1.txt", line=95, text="(3,118)")})
    ebitda = fact("AdjustedEBITDA", H1_12, "6902000000", line=96)  # a table of copies only is left out
    page = _page(sample.model_copy(update={"facts": sample.facts + [purchase, ebitda]}))
    tagged = _tag(page, "f-PurchaseOfPropertyAndEquipment-D2012-04-01_2012-09-30_JPY")
    assert _text(tagged.getparent()) == "(3,118)" and tagged.get("sign") is None  # the cash-flow statement
    copy = _section(page, "NonGAAPMeasures").find(".//h:a[@class='copy']", NS)  # a plain line of the CAPEX table
    assert copy.text == "3,118"
    cell = etree.Element(f"{{{ixbrl.XHTML}}}td")
    ixbrl._figure(cell, purchase, None, negated=True, table_scale=6, tag=True)
    (el,) = cell
    assert (cell.text, el.text, el.get("sign"), el.tail) == ("(", "3,118", None, ")")  # shown negative, value positive
    refund = purchase.model_copy(update={"value": -purchase.value})
    cell = etree.Element(f"{{{ixbrl.XHTML}}}td")
    ixbrl._figure(cell, refund, None, negated=True, table_scale=6, tag=True)
    (el,) = cell
    assert (cell.text, el.text, el.get("sign"), el.tail) == ("", "3,118", "-", "")  # shown positive, value negative


def test_findings_in_words_beside_exactly_the_cells_they_name(page):
    gross = _tag(page, "f-GrossProfit-D2012-04-01_2012-09-30_JPY")
    revenues = _tag(page, "f-Revenues-D2012-04-01_2012-09-30_JPY")
    assert gross.getparent().get("class") == revenues.getparent().get("class") == "num flagged-error"
    assert [a.get("href") for a in gross.getparent().iterfind("h:a[@class='flag']", NS)] == ["#note-1"]
    notes = page.findall(".//h:tr[@class='note']", NS)
    assert [tr.get("id") for tr in notes] == ["note-1"]  # once, though it names two cells
    note = notes[0]
    # under the row of the first named cell that the report tags (the gross margin), and linking back to both
    assert note.getprevious().find(".//ix:nonFraction", NS) is not None
    assert {a.get("href") for a in note.iterfind(".//h:span[@class='cells']/h:a", NS)} == {
        "#f-GrossProfit-D2012-04-01_2012-09-30_JPY", "#f-Revenues-D2012-04-01_2012-09-30_JPY"}
    words = _text(note.find(".//h:span[@class='words']", NS))
    assert words.startswith("Gross margin, 1H FY2012 is printed as 10,227 JPY million (001:12)")
    flagged = {el.get("id") for el in page.iterfind(".//ix:nonFraction", NS)
               if "flagged" in (el.getparent().get("class") or "")}
    assert flagged == {"f-GrossProfit-D2012-04-01_2012-09-30_JPY", "f-Revenues-D2012-04-01_2012-09-30_JPY"}
    prior = _tag(page, "f-Revenues-D2011-04-01_2011-09-30_JPY")
    assert prior.getparent().get("class") == "num"  # other period: not flagged


def test_findings_list_numbered_by_severity_like_the_notes(page):
    listed = _section(page, "findings").findall(".//h:ul/h:li", NS)
    assert [(li.get("id"), _text(li)[:2]) for li in listed] == [("finding-1", "#1"), ("finding-2", "#2"),
                                                                ("finding-3", "#3")]
    severities = [li.find("h:span[@class='severity error']", NS) is not None for li in listed]
    assert severities == [True, False, False]
    assert listed[0].find(".//h:a[@href='#note-1']", NS) is not None
    assert "Concerns no figure" in _text(listed[1]) and "Total assets as restated later" in _text(listed[2])
    # the first page lists the errors and warnings, not as targets of the numbers
    summary = _section(page, "summary")
    assert [a.get("href") for a in summary.iterfind(".//h:ul/h:li/h:a[@class='number']", NS)] == [
        "#finding-1", "#finding-2"] and summary.find(".//h:li[@id]", NS) is None


def test_no_findings_is_said_plainly():
    from emit_fixtures import sample_publication
    from iij_xbrl.emit import ixbrl as report

    published = sample_publication(report_filing())
    page = etree.fromstring(report.report(published, published.filings[0]), xmlsafe.parser())
    assert "No findings: every check passed." in _text(_section(page, "findings"))


def test_one_language_at_a_time(page):
    inputs = page.findall(".//h:body/h:div[@class='report']/h:input", NS)
    assert [(i.get("id"), i.get("checked")) for i in inputs] == [("lang-en", "checked"), ("lang-ja", None)]
    assert [label.get("for") for label in page.iterfind(".//h:label", NS)] == ["lang-en", "lang-ja"]
    english = page.findall(".//h:span[@class='en']", NS)
    assert len(english) > 50
    for span in english:  # every English label has its Japanese twin right after it
        twin = span.getnext()
        assert twin is not None and twin.get("class") == "ja", _text(span)
    css = page.find(".//h:style", NS).text
    assert "#lang-ja:checked ~ .page .en { display: none; }" in css
    # no figure is language text: tags never sit inside a language span
    assert not [el for el in page.iterfind(".//ix:nonFraction", NS)
                if any(a.get("class") in ("en", "ja") for a in el.iterancestors())]


def test_first_page_key_figures_sources_and_contents(page):
    summary = _section(page, "summary")
    key = summary.find(".//h:table[@class='figures key']", NS)
    first = key.find(".//h:tbody/h:tr[2]", NS)
    assert _text(first).startswith("Revenues売上高51,109mn百万円47,506mn百万円+7.6%*")
    assert first.find(".//h:a", NS).get("href") == "#f-Revenues-D2012-04-01_2012-09-30_JPY"  # plain, links to the tag
    assert "* Computed from the two figures shown" in _text(summary)
    source = summary.find(".//h:table[@class='figures sources']//h:a", NS)
    assert source.get("href") == "../documents/001_5ab34944f22f6fd1.txt"
    contents = [a.get("href") for a in _section(page, "contents").iterfind(".//h:a", NS)]
    ids = {el.get("id") for el in page.iter() if el.get("id")}
    assert contents[0] == "#summary" and contents[-1] == "#findings" and all(c[1:] in ids for c in contents)
    links = [a.get("href")[1:] for a in page.iter(f"{{{ixbrl.XHTML}}}a") if (a.get("href") or "").startswith("#")]
    assert [link for link in links if link not in ids] == []


def test_charts_across_quarters_with_labels_from_zero_and_percent(page):
    images = page.findall(".//h:div[@class='chart']/h:img", NS)
    assert [i.getparent().get("id") for i in images] == ["RevenueChart", "OperatingIncomeChart", "MarginChart"]
    svgs = [base64.b64decode(i.get("src").removeprefix("data:image/svg+xml;base64,")).decode() for i in images]
    assert all(svg.startswith("<svg") for svg in svgs)
    assert not any(re.search(r"(href=\"|url\(|@import)\s*[a-z]+:", svg) for svg in svgs)  # nothing fetched
    assert all(label in svgs[0] for label in ("21.9", "22.5", "23.0", "23.6"))  # a data label on every bar
    assert "(0.3)" not in svgs[1] and "-0.3" in svgs[1].replace("\u2212", "-")  # a loss below the zero line
    assert "20.1" in svgs[2] and "19.8" in svgs[2] and "%" in svgs[2]
    legend = _text(page.find(".//h:div[@id='RevenueChart']/h:ul", NS))
    assert "Network services" in legend
    # the third ratio is computed from printed figures: drawn hollow, and the page says so
    assert "Hollow markers" in _text(page.find(".//h:div[@id='MarginChart']", NS))


def test_charts_need_three_quarters_and_take_every_filing_released_by_then():
    from emit_fixtures import sample_publication, spec
    from iij_xbrl.model import Filing
    from iij_xbrl.publication import FilingFacts, Publication

    quarters = [Period(start=date(2011, m, 1), end=date(2011 + (m > 10), (m + 2 - 1) % 12 + 1, 30 if m in (4, 7) else 31))
                for m in (4, 7, 10)]
    earlier = Filing(**spec("fy2011q3", "9M FY2011", ["000_1e0a72612b28a18d.txt"],
                            Period(start=date(2011, 4, 1), end=date(2011, 12, 31)), date(2012, 2, 8)),
                     facts=[fact("Revenues", q, str(20000 + i) + "000000", line=10 + i) for i, q in enumerate(quarters[:2])])
    later = report_filing()
    base = sample_publication(later)
    both = Publication(base.project, base.taxonomy, (FilingFacts.of(earlier, earlier.facts),) + base.filings,
                       (), base.documents, base.sources_digest)
    assert charts.quarterly_charts(both, both.filings[0]) == []  # two quarters: no chart
    data = charts.series(both, both.filings[1])
    assert len(data["Revenues"]) == 4  # the later filing's own quarters; the earlier's 1Q/2Q FY2011 are its too
    assert data["Revenues"][quarters[0]].provenance.line == 67  # the latest printing of a quarter wins


def test_output_and_charts_are_deterministic():
    assert sample_report() == sample_report()
    published = sample_publication_with_findings()
    assert charts.quarterly_charts(published, published.filings[0]) == \
        charts.quarterly_charts(published, published.filings[0])


def test_every_member_group_is_headed_by_its_member_label():
    filing = report_filing().model_copy(update={"facts": [
        fact("Revenues", H1_12, "1082000000", line=20, BusinessSegmentsAxis="ATMOperationBusinessMember"),
        fact("Revenues", H1_12, "50027000000", line=21, BusinessSegmentsAxis="NetworkServicesAndSystemsIntegrationBusinessMember"),
    ]})
    page = _page(filing)
    assert [th.find("h:span[@class='en']", NS).text for th in page.iterfind(".//h:tr[@class='group']/h:th", NS)] == [
        "ATM operation business", "Network services and systems integration business"]
