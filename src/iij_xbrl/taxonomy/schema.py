"""Writes the taxonomy schema (iij-2025.xsd: elements, role types, linkbase references, imports) and the
element-less schemas that add a calculation linkbase to it (iij-2025-all.xsd, a filing's extension)."""
from __future__ import annotations

from lxml import etree

from ..model import Concept
from . import names as n
from .source import Taxonomy
from .xml import attrs, q, serialize

ITEM_TYPES = {
    "monetary": "xbrli:monetaryItemType",
    "shares": "xbrli:sharesItemType",
    "perShare": "dtr-types:perShareItemType",
    "percent": "dtr-types:percentItemType",
    "integer": "xbrli:integerItemType",
    "decimal": "xbrli:decimalItemType",
    "string": "xbrli:stringItemType",
}
LINK_ELEMENTS = ("link:presentationLink", "link:calculationLink", "link:definitionLink")


def _element(parent: etree._Element, name: str, type_: str, group: str, period: str, *, abstract: bool = False,
             balance: str | None = None) -> None:
    el = etree.SubElement(parent, q("xs", "element"), name=name, id=n.element_id(name), type=type_,
                          substitutionGroup=group, nillable="true")
    if abstract:
        el.set("abstract", "true")
    el.set(q("xbrli", "periodType"), period)
    if balance:
        el.set(q("xbrli", "balance"), balance)


def _concept(parent: etree._Element, c: Concept) -> None:
    type_ = "xbrli:stringItemType" if c.abstract else ITEM_TYPES[c.data_type]
    _element(parent, c.name, type_, "xbrli:item", c.period_type, abstract=c.abstract, balance=c.balance)


def _role_type(appinfo: etree._Element, role_id: str, definition: str, used_on: tuple[str, ...]) -> None:
    rt = etree.SubElement(appinfo, q("link", "roleType"), roleURI=n.role_uri(role_id), id=role_id)
    etree.SubElement(rt, q("link", "definition")).text = definition
    for link in used_on:
        etree.SubElement(rt, q("link", "usedOn")).text = link


def _schema_root(nsmap: dict[str, str], namespace: str, linkbases: dict[str, str]) -> tuple[etree._Element,
                                                                                           etree._Element]:
    """`xs:schema` with its linkbaseRefs (file -> role); returns the root and the appinfo for more."""
    root = etree.Element(q("xs", "schema"), nsmap=nsmap, targetNamespace=namespace,
                         elementFormDefault="qualified", attributeFormDefault="unqualified")
    appinfo = etree.SubElement(etree.SubElement(root, q("xs", "annotation")), q("xs", "appinfo"))
    for file, role in linkbases.items():
        etree.SubElement(appinfo, q("link", "linkbaseRef"), attrs(
            type="simple", href=file, role=role, arcrole="http://www.w3.org/1999/xlink/properties/linkbase"))
    return root, appinfo


def calculation_schema(namespace: str, prefix: str, line_items: str, linkbase: str) -> bytes:
    """A schema without elements that imports the line items schema (`line_items`, a URL) and links the
    calculation linkbase `linkbase`: loading it gives the IIJ DTS with exactly those calculations."""
    nsmap = {prefix: namespace, **{p: n.NS[p] for p in ("xs", "link", "xlink", n.PREFIX)}}
    root, _ = _schema_root(nsmap, namespace, {linkbase: n.CALCULATION_ROLE})
    etree.SubElement(root, q("xs", "import"), namespace=n.NAMESPACE, schemaLocation=line_items)
    return serialize(root)


def schema(tax: Taxonomy) -> bytes:
    nsmap = {p: n.NS[p] for p in ("xs", "xbrli", "link", "xlink", "xbrldt", "dtr-types", n.PREFIX)}
    root, appinfo = _schema_root(nsmap, n.NAMESPACE, n.LINKBASES)
    dims = tax.dimensions
    table_roles = {t.role_id for t in dims.tables}
    for role in tax.roles:
        used_on = tuple(link for link, present in zip(LINK_ELEMENTS, (role.presentation, role.calculation,
                                                                      role.id in table_roles)) if present)
        _role_type(appinfo, role.id, role.definition, used_on)
    for table in dims.tables:
        if table.definition is not None:
            _role_type(appinfo, table.role_id, table.definition, ("link:definitionLink",))
    for role_id, definition in n.USGAAP_RELATIONS.values():
        _role_type(appinfo, role_id, definition, ("link:reference",))
    for prefix in ("xbrli", "xbrldt", "dtr-types"):
        etree.SubElement(root, q("xs", "import"), namespace=n.NS[prefix], schemaLocation=n.SCHEMA_LOCATIONS[prefix])

    elements: dict[str, tuple] = {c.name: ("concept", c) for c in tax.concepts.values()}
    elements.update(dims.elements())
    for name in sorted(elements):
        kind, obj = elements[name]
        if kind == "concept":
            _concept(root, obj)
        elif kind == "lineItems":
            _element(root, name, "xbrli:stringItemType", "xbrli:item", "duration", abstract=True)
        elif kind == "table":
            _element(root, name, "xbrli:stringItemType", "xbrldt:hypercubeItem", "duration", abstract=True)
        elif kind == "axis":
            _element(root, name, "xbrli:stringItemType", "xbrldt:dimensionItem", "duration", abstract=True)
        else:
            _element(root, name, "dtr-types:domainItemType", "xbrli:item", "duration", abstract=True)
    return serialize(root)
