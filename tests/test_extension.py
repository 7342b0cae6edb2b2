"""A filing's extension schema: only the calculations the filing reports in full, pointing at the published
line items (no Arelle here; the Arelle checks run on published filings in test_emit_arelle/test_packages_arelle)."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from emit_fixtures import H1_11, H1_12, SEP12, fact, sample_filing
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.emit import extension, naming
from iij_xbrl.taxonomy import names as tn
from iij_xbrl.taxonomy.source import load

ROOT = Path(__file__).resolve().parents[1]
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
XS = "{http://www.w3.org/2001/XMLSchema}"


@pytest.fixture(scope="module")
def tax():
    return load(ROOT / "taxonomy")


def _totals(networks) -> set[tuple[str, str]]:
    return {(role, a.total) for role, arcs in networks.items() for a in arcs}


def test_total_with_all_items_keeps_its_arcs_a_partial_binding_drops_them(tax):
    facts = [fact("Revenues", H1_12, "100"), fact("CostOfRevenue", H1_12, "80"), fact("GrossProfit", H1_12, "20"),
             fact("OperatingIncomeLoss", H1_12, "5")]  # no costs and expenses, no SG&A: partial bindings
    totals = _totals(extension.complete_networks(tax, facts))
    assert ("OperatingResultsSummary", "GrossProfit") in totals
    assert ("OperatingResultsSummary", "OperatingIncomeLoss") not in totals
    assert ("IncomeStatement", "OperatingIncomeLoss") not in totals
    # GrossProfit in GrossMargin (segment gross profits) binds no item here: nothing to check, nothing to drop
    assert ("GrossMargin", "GrossProfit") in totals
    kept = extension.complete_networks(tax, facts)["OperatingResultsSummary"]
    assert [(a.item, a.weight) for a in kept if a.total == "GrossProfit"] == [("Revenues", 1), ("CostOfRevenue", -1)]


def test_one_incomplete_binding_drops_the_total_everywhere(tax):
    complete = [fact("Revenues", H1_12, "100"), fact("CostOfRevenue", H1_12, "80"), fact("GrossProfit", H1_12, "20")]
    other_period = [fact("Revenues", H1_11, "90"), fact("GrossProfit", H1_11, "15")]
    other_segment = [fact("Revenues", H1_11, "9", BusinessSegmentsAxis="ATMOperationBusinessMember"),
                     fact("GrossProfit", H1_11, "1", BusinessSegmentsAxis="ATMOperationBusinessMember")]
    for partial in (other_period, other_segment):
        assert ("OperatingResultsSummary", "GrossProfit") not in _totals(
            extension.complete_networks(tax, complete + partial))
    # items without their total, or a total without items, bind nothing
    loose = [fact("Revenues", H1_11, "90"), fact("CostOfRevenue", H1_11, "70"), fact("GrossProfit", SEP12, "1")]
    assert ("OperatingResultsSummary", "GrossProfit") in _totals(extension.complete_networks(tax, complete + loose))


def test_nil_items_do_not_count_as_reported(tax):
    facts = [fact("Revenues", H1_12, "100"), fact("CostOfRevenue", H1_12, None), fact("GrossProfit", H1_12, "20")]
    assert ("OperatingResultsSummary", "GrossProfit") not in _totals(extension.complete_networks(tax, facts))


def test_extension_files_import_the_published_line_items(tax):
    filing = sample_filing()
    files = extension.extension(filing, tax)
    assert list(files) == [naming.extension_schema("fy2012h1"), "fy2012h1_cal.xml"] == ["fy2012h1.xsd",
                                                                                       "fy2012h1_cal.xml"]
    schema = _parse(files["fy2012h1.xsd"])
    assert schema.get("targetNamespace") == "http://www.iij.ad.jp/xbrl/iij/2025/filing/fy2012h1"
    assert schema.find(f"{XS}element") is None
    assert [(i.get("namespace"), i.get("schemaLocation")) for i in schema.iter(f"{XS}import")] == [
        (tn.NAMESPACE, tn.ENTRY_URL)]
    assert [r.get(f"{XLINK}href") for r in schema.iter(f"{LINK}linkbaseRef")] == ["fy2012h1_cal.xml"]

    cal = _parse(files["fy2012h1_cal.xml"])
    hrefs = [el.get(f"{XLINK}href") for el in (*cal.iter(f"{LINK}loc"), *cal.iter(f"{LINK}roleRef"))]
    assert hrefs and all(h.startswith(tn.ENTRY_URL + "#") for h in hrefs)
    arcs = set()
    for link in cal.iter(f"{LINK}calculationLink"):
        locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href").split("#iij_")[1] for loc in link.iter(f"{LINK}loc")}
        role = link.get(f"{XLINK}role").removeprefix(tn.ROLE_BASE)
        arcs |= {(role, locs[a.get(f"{XLINK}from")], locs[a.get(f"{XLINK}to")])
                 for a in link.iter(f"{LINK}calculationArc")}
    expected = {(role, a.total, a.item) for role, network in extension.complete_networks(tax, filing.facts).items()
                for a in network}
    assert arcs == expected and ("OperatingResultsSummary", "GrossProfit", "Revenues") in arcs
    assert extension.extension(filing, load(ROOT / "taxonomy")) == files  # deterministic bytes


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, xmlsafe.parser())
