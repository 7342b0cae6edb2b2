"""Inline XBRL report: every fact tagged once with the right scale/sign, findings beside their figures,
bilingual labels, charts embedded; and the page renders in headless Chromium (no Arelle here)."""
from __future__ import annotations

import base64
import re
import shutil
import subprocess
from decimal import Decimal

import lxml.html
import pytest
from lxml import etree

from report_fixtures import NETWORKS, concepts, findings, report_filing, reports
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.emit import charts, ixbrl
from iij_xbrl.emit import naming as n

NS = {"h": ixbrl.XHTML, "ix": ixbrl.IX, "xbrli": n.XML_NAMESPACES["xbrli"]}


@pytest.fixture(scope="module")
def page() -> etree._Element:
    return etree.fromstring(ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, findings()), xmlsafe.parser())


def _value(el: etree._Element) -> Decimal:
    """What an iXBRL processor reads from a num-dot-decimal ix:nonFraction."""
    shown = Decimal("".join(el.itertext()).replace(",", ""))
    value = shown.scaleb(int(el.get("scale")))
    return -value if el.get("sign") == "-" else value


def test_references_cite_the_schema_given(page):
    link = n.XML_NAMESPACES["link"]
    href = f"{{{n.XML_NAMESPACES['xlink']}}}href"
    assert [el.get(href) for el in page.iter(f"{{{link}}}schemaRef")] == [n.SCHEMA_URL]
    cited = etree.fromstring(ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, schema="fy2012h1.xsd"),
                             xmlsafe.parser())
    assert [el.get(href) for el in cited.iterfind(f".//ix:references/{{{link}}}schemaRef", NS)] == ["fy2012h1.xsd"]


def test_every_fact_is_tagged_once_with_its_exact_value(page):
    filing = report_filing()
    tagged = {el.get("id"): el for el in page.iterfind(".//ix:nonFraction", NS)}
    assert len(tagged) == len(page.findall(".//ix:nonFraction", NS)) == len(filing.facts)
    for fact in filing.facts:
        el = tagged[n.fact_id(fact)]
        assert el.get("name") == n.qname(fact.concept)
        assert el.get("contextRef") == n.fact_context_id(fact)
        if fact.value is None:
            assert el.get(f"{{{n.XML_NAMESPACES['xsi']}}}nil") == "true" and el.get("decimals") is None
        else:
            assert _value(el) == fact.value, n.fact_id(fact)
            assert el.get("decimals") == n.decimals_attr(fact.decimals)


def test_scale_sign_and_format_as_printed(page):
    def tag(fact_id):
        return page.find(f".//ix:nonFraction[@id='{fact_id}']", NS)

    revenues = tag("f-Revenues-D2012-04-01_2012-09-30_JPY")
    assert (revenues.text, revenues.get("scale"), revenues.get("format")) == ("51,109", "6", "ixt:num-dot-decimal")
    ratio = tag("f-GrossMarginRatio-D2012-04-01_2012-09-30_pure")
    assert (ratio.text, ratio.get("scale")) == ("20.0", "-2")  # 0.200 with decimals 3: 20.0 %
    deficit = tag("f-RetainedEarningsAccumulatedDeficit-I2012-09-30_JPY")  # thousands in its table: -10,990,000 JPY
    assert (deficit.text, deficit.get("scale"), deficit.get("sign")) == ("10,990", "3", "-")
    cell = deficit.getparent()
    assert "".join(cell.itertext()) == "(10,990)"  # parentheses outside the tag: content stays unsigned
    eps = tag("f-EarningsPerShareBasic-D2012-04-01_2012-09-30_JPYPerShare")
    assert (eps.text, eps.get("scale")) == ("1,421.75", "0")


def test_contexts_and_units_are_the_instances(page):
    contexts = {c.get("id") for c in page.iterfind(".//ix:resources/xbrli:context", NS)}
    assert contexts == {n.fact_context_id(f) for f in report_filing().facts}
    units = {u.get("id") for u in page.iterfind(".//ix:resources/xbrli:unit", NS)}
    assert units == {"JPY", "JPYPerShare", "shares", "pure", "Gbps"}


def test_findings_sit_beside_the_figures_they_concern(page):
    gross = page.find(".//ix:nonFraction[@id='f-GrossProfit-D2012-04-01_2012-09-30_JPY']", NS)
    cell, row = gross.getparent(), gross.getparent().getparent()
    assert cell.get("class") == "num flagged-error"
    note = row.getnext()
    assert note.get("class") == "findings"
    assert "Revenues minus cost of revenues differs from gross profit" in "".join(note.itertext())
    # the finding about a concept this report does not show is only in the list at the end
    listed = page.find(".//h:ol[@class='all-findings']", NS)
    assert len(listed) == 3 and "Concerns no figure" in "".join(listed[2].itertext())
    prior = page.find(".//ix:nonFraction[@id='f-Revenues-D2011-04-01_2011-09-30_JPY']", NS)
    assert prior.getparent().get("class") == "num"  # other period: not flagged


def test_no_findings_is_said_plainly():
    page = etree.fromstring(ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, []), xmlsafe.parser())
    assert "No findings" in "".join(page.find(".//h:div[@id='findings']", NS).itertext())


def test_bilingual_labels_and_embedded_charts(page):
    text = "".join(page.itertext())
    for words in ("Consolidated statements of income", "連結損益計算書", "Total revenues", "売上高", "四半期推移"):
        assert words in text
    images = page.findall(".//h:div[@class='chart']/h:img", NS)
    assert [i.getparent().get("id") for i in images] == ["RevenueByServiceLine", "GrossMarginByServiceLine",
                                                          "GrossMarginRatioByServiceLine"]
    svg = base64.b64decode(images[0].get("src").removeprefix("data:image/svg+xml;base64,")).decode()
    assert svg.startswith("<svg") and "Network services" in svg
    assert not re.search(r"(href=\"|url\(|@import)\s*[a-z]+:", svg)  # nothing to fetch at view time


def test_output_and_charts_are_deterministic():
    once = ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, findings())
    assert once == ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, findings())
    assert charts.quarterly_charts(report_filing(), concepts()) == charts.quarterly_charts(report_filing(), concepts())


def chromium_dom(path, tmp_path) -> str:
    """The DOM Chromium builds from the page, plus a screenshot beside it (content is checked, not pixels)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("headless Chromium not installed (apt-get install chromium) - rendering not checked")
    shot = tmp_path / "report.png"
    proc = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
                           f"--screenshot={shot}", "--dump-dom", path.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.stat().st_size > 10_000  # something was painted
    return proc.stdout


def test_chromium_renders_the_statements(tmp_path):
    path = tmp_path / "fy2012h1.xhtml"
    path.write_bytes(ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, findings()))
    dom = chromium_dom(path, tmp_path)
    assert "<parsererror" not in dom  # parsed as XHTML without errors
    text = lxml.html.fromstring(dom).text_content()
    for shown in ("Consolidated statements of income", "連結損益計算書", "Total revenues", "51,109", "47,506",
                  "Consolidated balance sheets", "(10,990)", "Quarterly series", "Findings"):
        assert shown in text, shown


def test_chromium_renders_a_real_filing(tmp_path, tmp_path_factory):
    page = reports(tmp_path_factory).dir / "fy2012h1" / "fy2012h1.xhtml"
    text = lxml.html.fromstring(chromium_dom(page, tmp_path)).text_content()
    for shown in ("Consolidated statements of income", "連結損益計算書", "Consolidated balance sheets",
                  "Consolidated statements of cash flows", "Segment information", "Quarterly series",
                  "Total revenues", "51,109,001", "Quarterly revenues by service line"):
        assert shown in text, shown


def test_finding_models_and_dicts_render_alike():
    from iij_xbrl.xbrl.findings import Finding

    models = [Finding.from_dict(f) for f in findings()]
    assert ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, models) == \
        ixbrl.to_ixbrl(report_filing(), concepts(), NETWORKS, findings())


def test_every_segment_group_is_headed_by_its_member_label():
    from emit_fixtures import H1_12, fact
    from iij_xbrl.model import Label

    filing = report_filing().model_copy(update={"facts": [
        fact("Revenues", H1_12, "1082000000", line=20, BusinessSegmentsAxis="ATMOperationBusinessMember"),
        fact("Revenues", H1_12, "50027000000", line=21, BusinessSegmentsAxis="NetworkServicesAndSystemsIntegrationBusinessMember"),
    ]})
    members = {"ATMOperationBusinessMember": Label(en="ATM operation business", ja="ATM運営事業"),
               "NetworkServicesAndSystemsIntegrationBusinessMember": Label(en="Network services and SI business", ja="ネットワーク")}
    page = etree.fromstring(ixbrl.to_ixbrl(filing, concepts(), NETWORKS, [], members), xmlsafe.parser())
    assert [th.text for th in page.iterfind(".//h:tr[@class='group']/h:th", NS)] == [
        "ATM operation business", "Network services and SI business"]
