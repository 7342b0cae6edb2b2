"""Fixed names of the IIJ taxonomy (contract): namespace, URLs, file names, role URIs."""
from __future__ import annotations

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

LINKBASES = {  # file -> linkbaseRef role, as linked from ENTRY_POINT
    "iij-2025_lab-en.xml": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "iij-2025_lab-ja.xml": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "iij-2025_pre.xml": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "iij-2025_def.xml": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
    "iij-2025_ref.xml": "http://www.xbrl.org/2003/role/referenceLinkbaseRef",
}

NS = {
    "xs": "http://www.w3.org/2001/XMLSchema",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
    "xbrldt": "http://xbrl.org/2005/xbrldt",
    "dtr-types": "http://www.xbrl.org/dtr/type/2022-03-31",
    "ref": "http://www.xbrl.org/2006/ref",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    PREFIX: NAMESPACE,
}

SCHEMA_LOCATIONS = {
    "xbrli": "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd",
    "link": "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd",
    "xbrldt": "http://www.xbrl.org/2005/xbrldt-2005.xsd",
    "dtr-types": "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd",
    "ref": "http://www.xbrl.org/2006/ref-2006-02-27.xsd",
}


def role_uri(role_id: str) -> str:
    return ROLE_BASE + role_id


def element_id(name: str) -> str:
    return f"{PREFIX}_{name}"
