"""Emitters on a hand-built filing: shared naming rules, XML structure, xBRL-JSON structure, byte determinism."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from emit_fixtures import H1_12, SEP12, fact, sample_filing
from iij_xbrl.xbrl import xmlsafe
from iij_xbrl.emit import naming
from iij_xbrl.emit.oim_json import to_json
from iij_xbrl.emit.xbrl_xml import to_xml
from iij_xbrl.model import Period

NS = naming.XML_NAMESPACES


def test_context_ids_are_period_plus_members():
    assert naming.context_id(H1_12, {}) == "D2012-04-01_2012-09-30"
    assert naming.context_id(SEP12, {}) == "I2012-09-30"
    dims = {"BusinessSegmentsAxis": "ATMOperationBusinessMember", "ScenarioAxis": "RevisedTargetMember"}
    assert naming.context_id(H1_12, dims) == "D2012-04-01_2012-09-30_ATMOperationBusiness_RevisedTarget"


def test_oim_periods_use_exclusive_end_of_day():
    assert naming.oim_period(H1_12) == "2012-04-01T00:00:00/2012-10-01T00:00:00"
    assert naming.oim_period(Period(end=date(2013, 12, 31))) == "2014-01-01T00:00:00"
    assert naming.oim_period(Period(start=date(2013, 1, 1), end=date(2013, 3, 31))) == \
        "2013-01-01T00:00:00/2013-04-01T00:00:00"


def test_units_and_their_oim_measures():
    assert naming.oim_unit("JPY") == "iso4217:JPY"
    assert naming.oim_unit("JPYPerShare") == "iso4217:JPY/xbrli:shares"
    assert naming.oim_unit("shares") == "xbrli:shares"
    assert naming.oim_unit("pure") is None
    assert naming.oim_unit("Gbps") == "iij:Gbps"
    with pytest.raises(ValueError):
        naming.unit_spec("USD")


def test_decimals_never_use_exponents():
    from iij_xbrl.xbrl.decimals import plain

    assert plain(Decimal("5.1E+10")) == "51000000000"
    assert plain(Decimal("0.083")) == "0.083"
    assert plain(Decimal("-1866E6")) == "-1866000000"


def test_axes_have_their_containers():
    assert naming.container("BusinessSegmentsAxis") == "scenario"
    assert naming.container("ScenarioAxis") == "scenario"
    with pytest.raises(ValueError):
        naming.container("ColourAxis")


def _xml(filing=None) -> etree._Element:
    return etree.fromstring(to_xml(filing or sample_filing()), xmlsafe.parser())


def test_xml_instance_structure():
    root = _xml()
    assert root[0].tag == f"{{{NS['link']}}}schemaRef"
    assert root[0].get(f"{{{NS['xlink']}}}href") == "http://www.iij.ad.jp/xbrl/iij/2025/iij-2025.xsd"
    ctx = root.find("xbrli:context[@id='D2012-04-01_2012-09-30_NetworkServicesAndSystemsIntegrationBusiness_InitialTarget']", NS)
    # both axes in the scenario, after the period; the entity carries no segment
    members = {m.get("dimension"): m.text for m in ctx.findall("xbrli:scenario/xbrldi:explicitMember", NS)}
    assert members == {"iij:BusinessSegmentsAxis": "iij:NetworkServicesAndSystemsIntegrationBusinessMember",
                       "iij:ScenarioAxis": "iij:InitialTargetMember"}
    assert ctx.find("xbrli:entity/xbrli:segment", NS) is None
    assert [c.tag.split("}")[1] for c in ctx] == ["entity", "period", "scenario"]
    assert ctx.find("xbrli:entity/xbrli:identifier", NS).get("scheme") == "http://www.tse.or.jp/sicc"
    assert {u.get("id") for u in root.findall("xbrli:unit", NS)} == {"JPY", "JPYPerShare", "shares", "pure", "Gbps"}
    eps = root.find("iij:EarningsPerShareBasic", NS)
    assert (eps.text, eps.get("decimals"), eps.get("unitRef")) == ("1421.75", "2", "JPYPerShare")
    target = root.find("iij:OperatingIncomeLoss", NS)
    assert (target.text, target.get("decimals")) == ("2700000000", "-8")
    nil = root.find("iij:Goodwill", NS)
    assert nil.get(f"{{{NS['xsi']}}}nil") == "true" and nil.get("decimals") is None and nil.text is None
    assert root.find("iij:RetainedEarningsAccumulatedDeficit", NS).get("decimals") == "INF"


def test_schema_ref_is_the_filing_extension_when_given():
    schema = naming.extension_schema("fy2012h1")
    root = etree.fromstring(to_xml(sample_filing(), schema), xmlsafe.parser())
    assert [el.get(f"{{{NS['xlink']}}}href") for el in root.iter(f"{{{NS['link']}}}schemaRef")] == ["fy2012h1.xsd"]
    assert json.loads(to_json(sample_filing(), schema))["documentInfo"]["taxonomy"] == ["fy2012h1.xsd"]


def test_every_context_and_unit_is_used_and_defined():
    root = _xml()
    contexts = {c.get("id") for c in root.findall("xbrli:context", NS)}
    units = {u.get("id") for u in root.findall("xbrli:unit", NS)}
    facts = [e for e in root if e.tag.startswith(f"{{{naming.IIJ_NS}}}")]
    assert len(facts) == len(sample_filing().facts)
    assert {f.get("contextRef") for f in facts} == contexts
    assert {f.get("unitRef") for f in facts} == units


def test_json_mirrors_xml_ids_and_values():
    doc = json.loads(to_json(sample_filing()))
    assert doc["documentInfo"]["documentType"] == "https://xbrl.org/2021/xbrl-json"
    assert doc["documentInfo"]["taxonomy"] == [naming.SCHEMA_URL]
    xml_ids = {e.get("id"): e for e in _xml() if e.tag.startswith(f"{{{naming.IIJ_NS}}}")}
    assert set(doc["facts"]) == set(xml_ids)
    ratio = doc["facts"]["f-GrossMarginRatio-D2012-04-01_2012-09-30_pure"]
    assert ratio == {"value": "0.200", "decimals": 3, "dimensions": {
        "concept": "iij:GrossMarginRatio", "entity": "tse:37740",
        "period": "2012-04-01T00:00:00/2012-10-01T00:00:00"}}
    atm = doc["facts"]["f-Revenues-D2012-04-01_2012-09-30_ATMOperationBusiness_JPY"]
    assert atm["dimensions"]["iij:BusinessSegmentsAxis"] == "iij:ATMOperationBusinessMember"
    assert doc["facts"]["f-Goodwill-I2012-09-30_JPY"] == {"value": None, "dimensions": {
        "concept": "iij:Goodwill", "entity": "tse:37740", "period": "2012-10-01T00:00:00", "unit": "iso4217:JPY"}}
    assert "decimals" not in doc["facts"]["f-RetainedEarningsAccumulatedDeficit-I2012-09-30_JPY"]  # INF
    for fid, f in doc["facts"].items():
        assert f["value"] is None or isinstance(f["value"], str)
        assert xml_ids[fid].get("contextRef") in fid


def test_output_is_independent_of_fact_order():
    filing = sample_filing()
    shuffled = filing.model_copy(update={"facts": list(reversed(filing.facts))})
    assert to_xml(filing) == to_xml(shuffled)
    assert to_json(filing) == to_json(shuffled)


def test_duplicate_facts_are_refused():
    filing = sample_filing()
    twice = filing.model_copy(update={"facts": filing.facts + [fact("Revenues", H1_12, "51100000000", line=99)]})
    with pytest.raises(ValueError, match="duplicate fact f-Revenues-D2012-04-01_2012-09-30_JPY"):
        to_xml(twice)
    with pytest.raises(ValueError, match="de-duplicated"):
        to_json(twice)


def test_fact_values_must_be_decimals():
    from pydantic import ValidationError

    from iij_xbrl.model import Fact

    good = fact("Revenues", H1_12, "51109000000")
    assert good.value == Decimal("51109000000")
    for wrong in (51109000000.0, 51109000000, "51109000000"):
        with pytest.raises(ValidationError, match="Decimal"):
            Fact(**{**good.model_dump(), "value": wrong})
