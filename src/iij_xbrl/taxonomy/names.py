"""Fixed names of the IIJ taxonomy (contract): namespaces, URLs, file names, role URIs, the axes, members and
units the code refers to. Their labels and structure are data (taxonomy/src); a test checks these names exist."""
from __future__ import annotations

from typing import Literal

NAMESPACE = "http://www.iij.ad.jp/xbrl/iij/2025"
PREFIX = "iij"
BASE_URL = NAMESPACE + "/"
ENTRY_POINT = "iij-2025.xsd"
ENTRY_URL = BASE_URL + ENTRY_POINT
# The line items (ENTRY_POINT) carry no calculations: a filing that prints only some items of a total would be
# checked against all of them. Calculations come from this entry point (every network) or from a filing's
# own extension schema (the networks it reports in full).
ALL_ENTRY_POINT = "iij-2025-all.xsd"
ALL_ENTRY_URL = BASE_URL + ALL_ENTRY_POINT
ALL_NAMESPACE = NAMESPACE + "/all"
ALL_PREFIX = "iij-all"
CALCULATION = "iij-2025_cal.xml"
CALCULATION_ROLE = "http://www.xbrl.org/2003/role/calculationLinkbaseRef"
ROLE_BASE = "http://www.iij.ad.jp/xbrl/iij/role/"
OUTPUT_DIR = "iij-2025"  # under taxonomy/
PACKAGE_NAME = "iij-taxonomy-2025"
PACKAGE_FILE = PACKAGE_NAME + ".zip"
PACKAGE_VERSION = "2025-01"
PUBLICATION_DATE = "2025-01-31"
LICENSE_NAME = "Creative Commons Attribution 4.0 International"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

LINKBASES = {  # file -> linkbaseRef role, as linked from ENTRY_POINT
    "iij-2025_lab-en.xml": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "iij-2025_lab-ja.xml": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "iij-2025_pre.xml": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "iij-2025_def.xml": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
    "iij-2025_ref.xml": "http://www.xbrl.org/2003/role/referenceLinkbaseRef",
}

NS = {  # every namespace the publisher writes, by its usual prefix
    "xs": "http://www.w3.org/2001/XMLSchema",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
    "xbrldt": "http://xbrl.org/2005/xbrldt",
    "xbrldi": "http://xbrl.org/2006/xbrldi",
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "dtr-types": "http://www.xbrl.org/dtr/type/2022-03-31",
    "ref": "http://www.xbrl.org/2006/ref",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "ix": "http://www.xbrl.org/2013/inlineXBRL",
    "ixt": "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12",
    "xbrl": "https://xbrl.org/2021",
    PREFIX: NAMESPACE,
}

# Axes and the members the rules and layouts name. Their labels, domains, defaults and the tables that use them
# are data (taxonomy/src/networks.yaml); this is the one place the code spells them.
# Business segments as us-gaap models them: a segment's amount is on its member of the segments axis and, being the
# amount before eliminations, on the operating segments of the consolidation items axis; an elimination is on the
# consolidation items axis alone, negative, so that segments and eliminations add up to the consolidated total
# (both axes at their defaults).
SEGMENT_AXIS = "BusinessSegmentsAxis"
CONSOLIDATION_ITEMS_AXIS = "ConsolidationItemsAxis"
NETWORK_SERVICES_AND_SI = "NetworkServicesAndSystemsIntegrationBusinessMember"
ATM_OPERATION = "ATMOperationBusinessMember"
OPERATING_SEGMENTS = "OperatingSegmentsMember"
ELIMINATION = "IntersegmentEliminationMember"
# Actual figures and targets (TDnet: 実績 / 前回発表予想 / 今回修正予想); the actual member is the default
SCENARIO_AXIS = "ScenarioAxis"
ACTUAL = "ActualMember"
INITIAL_TARGET = "InitialTargetMember"
REVISED_TARGET = "RevisedTargetMember"
MEMBER_SUFFIX = "Member"
# The fact sheets' `segment:` values and the dimensions they stand for (`scenario: X` means X + MEMBER_SUFFIX)
SEGMENTS: dict[str, dict[str, str]] = {
    "NetworkServicesAndSystemsIntegrationBusiness": {SEGMENT_AXIS: NETWORK_SERVICES_AND_SI,
                                                     CONSOLIDATION_ITEMS_AXIS: OPERATING_SEGMENTS},
    "ATMOperationBusiness": {SEGMENT_AXIS: ATM_OPERATION, CONSOLIDATION_ITEMS_AXIS: OPERATING_SEGMENTS},
    "IntersegmentElimination": {CONSOLIDATION_ITEMS_AXIS: ELIMINATION},
}

# Units: code (the model's unit and the instances' unit id) -> (numerator measures, denominator measures)
UnitId = Literal["JPY", "JPYPerShare", "shares", "pure", "Gbps"]
JPY: UnitId = "JPY"
JPY_PER_SHARE: UnitId = "JPYPerShare"
UNITS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "JPY": (("iso4217:JPY",), ()),
    "JPYPerShare": (("iso4217:JPY",), ("xbrli:shares",)),
    "shares": (("xbrli:shares",), ()),
    "pure": (("xbrli:pure",), ()),
    "Gbps": ((f"{PREFIX}:Gbps",), ()),
}

SCHEMA_LOCATIONS = {
    "xbrli": "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    "link": "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    "xbrldt": "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    "dtr-types": "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd",
    "ref": "http://www.xbrl.org/2006/ref-2006-02-27.xsd",
}


# US GAAP anchoring (references, not imports): the release the anchors are named against, and one reference role
# per relation (the us-gaap element relative to the IIJ concept, as ESEF anchoring states wider/narrower).
USGAAP_VERSION = "2024"
USGAAP_NAMESPACE = "http://fasb.org/us-gaap/" + USGAAP_VERSION
USGAAP_SCHEMA = f"https://xbrl.fasb.org/us-gaap/{USGAAP_VERSION}/elts/us-gaap-{USGAAP_VERSION}.xsd"
USGAAP_RELATIONS = {  # relation -> (reference role id, definition)
    "equivalent": ("UsGaapEquivalent", "US GAAP anchor: the us-gaap element has the meaning of this concept"),
    "wider": ("UsGaapWider", "US GAAP anchor: the us-gaap element is wider than this concept (this concept is part of it)"),
    "narrower": ("UsGaapNarrower", "US GAAP anchor: the us-gaap element is narrower than this concept (part of it)"),
}


def role_uri(role_id: str) -> str:
    return ROLE_BASE + role_id


def element_id(name: str) -> str:
    return f"{PREFIX}_{name}"
