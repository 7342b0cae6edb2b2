"""The ids and names every output format shares (emit/naming.py), written out by hand: a changed id breaks every
link into a published report, so each rule is pinned on examples."""
from __future__ import annotations

from datetime import date

import pytest

from iij_xbrl.emit import naming
from iij_xbrl.model import Entity, Fact, Period, Provenance

H1 = Period(start=date(2012, 4, 1), end=date(2012, 9, 30))
SEP = Period(end=date(2012, 9, 30))
DEC31 = Period(end=date(2012, 12, 31))  # the end of a month that is also the end of a year
TARGET = {"ScenarioAxis": "InitialTargetMember"}
BOTH = {"BusinessSegmentsAxis": "ATMOperationBusinessMember", "ScenarioAxis": "RevisedTargetMember"}


def fact(concept="Revenues", period=H1, dims=None, unit="JPY", doc="001_5ab34944f22f6fd1.txt", line=25):
    return Fact(concept=concept, period=period, dimensions=dims or {}, unit=unit, value=None,
                provenance=Provenance(document=doc, line=line, text="-"))


@pytest.mark.parametrize("period, dims, context", [
    (H1, {}, "D2012-04-01_2012-09-30"),
    (SEP, {}, "I2012-09-30"),
    (H1, TARGET, "D2012-04-01_2012-09-30_InitialTarget"),
    # members in axis-name order (BusinessSegmentsAxis before ScenarioAxis), each without "Member"
    (H1, BOTH, "D2012-04-01_2012-09-30_ATMOperationBusiness_RevisedTarget"),
    (SEP, {"BusinessSegmentsAxis": "IntersegmentEliminationMember"}, "I2012-09-30_IntersegmentElimination"),
])
def test_context_ids(period, dims, context):
    assert naming.context_id(period, dims) == context
    assert naming.fact_context_id(fact(period=period, dims=dims)) == context


@pytest.mark.parametrize("kwargs, fact_id, print_id", [
    ({}, "f-Revenues-D2012-04-01_2012-09-30_JPY", "p-001_5ab34944f22f6fd1-L25-Revenues-D2012-04-01_2012-09-30_JPY"),
    ({"unit": "JPYPerShare", "concept": "DividendsPerShare", "period": SEP, "line": 779},
     "f-DividendsPerShare-I2012-09-30_JPYPerShare", "p-001_5ab34944f22f6fd1-L779-DividendsPerShare-I2012-09-30_JPYPerShare"),
    ({"unit": None, "dims": TARGET, "doc": "900_test.txt", "line": 1},
     "f-Revenues-D2012-04-01_2012-09-30_InitialTarget", "p-900_test-L1-Revenues-D2012-04-01_2012-09-30_InitialTarget"),
    ({"doc": "a.b.txt"}, "f-Revenues-D2012-04-01_2012-09-30_JPY", "p-a.b-L25-Revenues-D2012-04-01_2012-09-30_JPY"),
])
def test_fact_and_print_ids(kwargs, fact_id, print_id):
    f = fact(**kwargs)
    assert naming.fact_id(f) == fact_id
    assert naming.print_id(f) == print_id


@pytest.mark.parametrize("period, oim", [
    (H1, "2012-04-01T00:00:00/2012-10-01T00:00:00"),  # an end date is the end of that day
    (SEP, "2012-10-01T00:00:00"),
    (DEC31, "2013-01-01T00:00:00"),
    (Period(start=date(2012, 2, 1), end=date(2012, 2, 29)), "2012-02-01T00:00:00/2012-03-01T00:00:00"),  # leap day
])
def test_oim_periods(period, oim):
    assert naming.oim_period(period) == oim


def test_period_tokens_sort_durations_before_instants():
    assert naming.period_token(H1) == "D2012-04-01_2012-09-30" and naming.period_token(SEP) == "I2012-09-30"
    keys = sorted([naming.context_sort_key(SEP, {}), naming.context_sort_key(H1, TARGET), naming.context_sort_key(H1, {}),
                   naming.context_sort_key(Period(start=date(2012, 1, 1), end=date(2012, 12, 31)), {})])
    assert keys == [naming.context_sort_key(Period(start=date(2012, 1, 1), end=date(2012, 12, 31)), {}),
                    naming.context_sort_key(H1, {}), naming.context_sort_key(H1, TARGET),
                    naming.context_sort_key(SEP, {})]


def test_facts_sort_by_concept_period_dimensions_unit():
    facts = [fact("Revenues", SEP), fact("Assets", SEP), fact("Revenues", H1, TARGET), fact("Revenues", H1),
             fact("Revenues", H1, unit=None), fact("Revenues", Period(start=date(2011, 4, 1), end=date(2012, 3, 31))),
             fact("Revenues", Period(start=date(2012, 1, 1), end=date(2012, 12, 31)))]
    ordered = sorted(facts, key=naming.fact_sort_key)
    assert [(f.concept, naming.fact_context_id(f), f.unit) for f in ordered] == [
        ("Assets", "I2012-09-30", "JPY"),
        ("Revenues", "D2011-04-01_2012-03-31", "JPY"),
        ("Revenues", "D2012-01-01_2012-12-31", "JPY"),  # by start: it begins before 1H12, though it ends after
        ("Revenues", "D2012-04-01_2012-09-30", None),  # no unit sorts first ('' < 'JPY')
        ("Revenues", "D2012-04-01_2012-09-30", "JPY"),
        ("Revenues", "D2012-04-01_2012-09-30_InitialTarget", "JPY"),
        ("Revenues", "I2012-09-30", "JPY"),
    ]


@pytest.mark.parametrize("unit, xml_id, oim", [
    ("JPY", "JPY", "iso4217:JPY"), ("JPYPerShare", "JPYPerShare", "iso4217:JPY/xbrli:shares"),
    ("shares", "shares", "xbrli:shares"), ("pure", "pure", None), ("Gbps", "Gbps", "iij:Gbps"),
])
def test_units(unit, xml_id, oim):
    assert naming.unit_id(unit) == xml_id
    assert naming.oim_unit(unit) == oim


def test_unknown_names_are_refused():
    with pytest.raises(ValueError, match="unknown unit 'USD'"):
        naming.unit_spec("USD")
    with pytest.raises(ValueError, match="no context container known for axis 'ColourAxis'"):
        naming.container("ColourAxis")
    assert naming.container("BusinessSegmentsAxis") == naming.container("ScenarioAxis") == "scenario"


def test_names_and_attributes():
    assert naming.qname("Revenues") == "iij:Revenues"
    assert naming.extension_schema("fy2012h1") == "fy2012h1.xsd"
    assert naming.decimals_attr(None) == "INF" and naming.decimals_attr(-6) == "-6" and naming.decimals_attr(0) == "0"
    entity = Entity(scheme="http://www.tse.or.jp/sicc", identifier="37740", name="IIJ", prefix="tse")
    assert naming.oim_entity(entity) == "tse:37740"
    spaces = naming.oim_namespaces(entity)
    assert list(spaces) == sorted(spaces) == ["iij", "iso4217", "tse", "xbrl", "xbrli"]
    assert spaces["tse"] == "http://www.tse.or.jp/sicc" and spaces["iij"] == "http://www.iij.ad.jp/xbrl/iij/2025"
    assert spaces["xbrl"] == "https://xbrl.org/2021" and spaces["xbrli"] == "http://www.xbrl.org/2003/instance"
    assert list(naming.XML_NAMESPACES) == ["xbrli", "link", "xlink", "xbrldi", "iso4217", "xsi", "iij"]


def test_duplicate_ids_are_refused_naming_the_line():
    naming.check_unique_ids([fact(), fact(period=SEP), fact(dims=TARGET)])
    with pytest.raises(ValueError, match=r"duplicate fact f-Revenues-D2012-04-01_2012-09-30_JPY "
                                         r"\(900_test.txt:7\); facts must be de-duplicated"):
        naming.check_unique_ids([fact(), fact(doc="900_test.txt", line=7)])
