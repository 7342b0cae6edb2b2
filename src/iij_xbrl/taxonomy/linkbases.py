"""Writes the label (en, ja), presentation, calculation, definition and reference linkbases."""
from __future__ import annotations

from collections import Counter

from lxml import etree

from ..model import Label
from . import names as n
from .source import CalcArc, PresNode, Taxonomy
from .xml import attrs, q, serialize

R = "http://www.xbrl.org/2003/role/"
AR = "http://www.xbrl.org/2003/arcrole/"
XDT_AR = "http://xbrl.org/int/dim/arcrole/"
NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
LABEL_ROLES = {
    "label": R + "label", "total": R + "totalLabel", "terse": R + "terseLabel", "verbose": R + "verboseLabel",
    "periodStart": R + "periodStartLabel", "periodEnd": R + "periodEndLabel", "documentation": R + "documentation",
    "negated": NEGATED,
}
LRR_ROLE_REFS = {NEGATED: "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel"}


def _linkbase(*extra_ns: str) -> etree._Element:
    nsmap = {p: n.NS[p] for p in ("link", "xlink", "xsi", *extra_ns)}
    root = etree.Element(q("link", "linkbase"), nsmap=nsmap)
    locations = ["link", *extra_ns]
    root.set(q("xsi", "schemaLocation"), " ".join(f"{n.NS[p]} {n.SCHEMA_LOCATIONS[p]}" for p in locations))
    return root


def _role_ref(root: etree._Element, role_uri: str, href: str) -> None:
    etree.SubElement(root, q("link", "roleRef"), attrs(type="simple", href=href), roleURI=role_uri)


def _arcrole_ref(root: etree._Element, arcrole: str, href: str) -> None:
    etree.SubElement(root, q("link", "arcroleRef"), attrs(type="simple", href=href), arcroleURI=arcrole)


def _link(root: etree._Element, kind: str, role: str) -> etree._Element:
    return etree.SubElement(root, q("link", kind), attrs(type="extended", role=role))


def _loc(link: etree._Element, name: str, label: str, schema: str = n.ENTRY_POINT) -> None:
    etree.SubElement(link, q("link", "loc"), attrs(type="locator", href=f"{schema}#{n.element_id(name)}",
                                                   label=label))


def _arc(link: etree._Element, kind: str, arcrole: str, from_: str, to: str, **extra: str) -> etree._Element:
    return etree.SubElement(link, q("link", kind), attrs(type="arc", arcrole=arcrole, from_=from_, to=to), **extra)


# ---- labels -------------------------------------------------------------------------------------------------

def _all_labels(tax: Taxonomy) -> dict[str, dict[str, Label]]:
    """Element name -> label role short name -> label, for concepts and dimensional elements."""
    labels = {c.name: c.labels for c in tax.concepts.values()}
    labels.update((name, {"label": member.label}) for name, (_, member) in tax.dimensions.elements().items())
    return labels


def labels(tax: Taxonomy, lang: str) -> bytes:
    root = _linkbase()
    all_labels = _all_labels(tax)
    used = sorted({LABEL_ROLES[r] for ls in all_labels.values() for r in ls} & set(LRR_ROLE_REFS))
    for role in used:
        _role_ref(root, role, LRR_ROLE_REFS[role])
    link = _link(root, "labelLink", R + "link")
    for name in sorted(all_labels):
        _loc(link, name, f"loc_{name}")
        for role, label in sorted(all_labels[name].items()):
            res = etree.SubElement(link, q("link", "label"), attrs(type="resource", label=f"lab_{name}",
                                                                   role=LABEL_ROLES[role]))
            res.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
            res.text = getattr(label, lang)
        _arc(link, "labelArc", AR + "concept-label", f"loc_{name}", f"lab_{name}")
    return serialize(root)


# ---- presentation and calculation ---------------------------------------------------------------------------

def presentation(tax: Taxonomy) -> bytes:
    root = _linkbase()
    for role in tax.roles:
        if role.presentation:
            _role_ref(root, n.role_uri(role.id), f"{n.ENTRY_POINT}#{role.id}")
    for role in tax.roles:
        if not role.presentation:
            continue
        link = _link(root, "presentationLink", n.role_uri(role.id))
        seen: Counter[str] = Counter()

        # A concept may occur twice (cash at period start and end): each occurrence gets its own locator,
        # because XLink forbids two arcs between the same pair of labels.
        def place(node: PresNode) -> str:
            seen[node.concept] += 1
            label = node.concept if seen[node.concept] == 1 else f"{node.concept}_{seen[node.concept]}"
            _loc(link, node.concept, label)
            return label

        def walk(parent_label: str, nodes: tuple[PresNode, ...]) -> None:
            for order, node in enumerate(nodes, start=1):
                label = place(node)
                extra = {"order": str(order)}
                if node.preferred_label:
                    extra["preferredLabel"] = LABEL_ROLES[node.preferred_label]
                _arc(link, "presentationArc", AR + "parent-child", parent_label, label, **extra)
                walk(label, node.children)

        for top in role.presentation:
            walk(place(top), top.children)
    return serialize(root)


def calculation(tax: Taxonomy, networks: dict[str, tuple[CalcArc, ...]] | None = None,
                schema: str = n.ENTRY_POINT) -> bytes:
    """The calculation linkbase of `networks` (role id -> arcs; default: every network of the taxonomy), its
    locators and roleRefs pointing into `schema` (relative, or the published URL for a filing's extension)."""
    networks = tax.calculations if networks is None else networks
    roles = [role.id for role in tax.roles if networks.get(role.id)]
    root = _linkbase()
    for role_id in roles:
        _role_ref(root, n.role_uri(role_id), f"{schema}#{role_id}")
    for role_id in roles:
        arcs = networks[role_id]
        link = _link(root, "calculationLink", n.role_uri(role_id))
        for name in sorted({a.total for a in arcs} | {a.item for a in arcs}):
            _loc(link, name, name, schema)
        for a in arcs:
            _arc(link, "calculationArc", AR + "summation-item", a.total, a.item,
                 order=str(a.order), weight=f"{a.weight}.0")
    return serialize(root)


# ---- definition (dimensions) --------------------------------------------------------------------------------

def definition(tax: Taxonomy) -> bytes:
    """One definition link per table: the line items' closed `all` hypercube, its axes with their domain, default
    and members, and the concepts the table allows (domain-member of the line items)."""
    root = _linkbase("xbrldt")
    dims = tax.dimensions
    axes = {a.axis.name: a for a in dims.axes}
    for table in dims.tables:
        _role_ref(root, n.role_uri(table.role_id), f"{n.ENTRY_POINT}#{table.role_id}")
    for arcrole in ("all", "dimension-default", "dimension-domain", "domain-member", "hypercube-dimension"):
        _arcrole_ref(root, XDT_AR + arcrole, f"http://www.xbrl.org/2005/xbrldt-2005.xsd#{arcrole}")
    for table in dims.tables:
        link = _link(root, "definitionLink", n.role_uri(table.role_id))
        primary, cube = table.line_items.name, table.table.name
        _loc(link, primary, primary)
        _loc(link, cube, cube)
        _arc(link, "definitionArc", XDT_AR + "all", primary, cube, **{
            q("xbrldt", "contextElement"): dims.container, q("xbrldt", "closed"): "true"})
        for axis_order, name in enumerate(table.axes, start=1):
            axis = axes[name]
            for element in (axis.axis.name, *(m.name for m in axis.members)):
                _loc(link, element, element)
            # The default gets a second locator: the axis's arcs to it must stay distinct from the domain's.
            _loc(link, axis.default_name, f"{axis.default_name}_default")
            _arc(link, "definitionArc", XDT_AR + "hypercube-dimension", cube, name, order=str(axis_order))
            usable = {} if axis.default_name == axis.domain.name else {q("xbrldt", "usable"): "false"}
            _arc(link, "definitionArc", XDT_AR + "dimension-domain", name, axis.domain.name, **usable)
            _arc(link, "definitionArc", XDT_AR + "dimension-default", name, f"{axis.default_name}_default")
            for order, member in enumerate(axis.members[1:], start=1):
                _arc(link, "definitionArc", XDT_AR + "domain-member", axis.domain.name, member.name, order=str(order))
        for order, name in enumerate(table.concepts, start=1):
            _loc(link, name, name)
            _arc(link, "definitionArc", XDT_AR + "domain-member", primary, name, order=str(order))
    return serialize(root)


# ---- references ---------------------------------------------------------------------------------------------

def references(tax: Taxonomy) -> bytes:
    """US GAAP anchors as references (the us-gaap taxonomy is not imported): ref:Name is the us-gaap element,
    ref:Number the release, ref:URI the element in that release's schema; the reference role states the relation
    (taxonomy.names.USGAAP_RELATIONS) and ref:Note how the two differ, a negated value included."""
    root = _linkbase("ref")
    for role_id, _ in n.USGAAP_RELATIONS.values():
        _role_ref(root, n.role_uri(role_id), f"{n.ENTRY_POINT}#{role_id}")
    link = _link(root, "referenceLink", R + "link")
    for c in tax.concepts.values():
        if not c.usgaap:
            continue
        _loc(link, c.name, f"loc_{c.name}")
        role_id = n.USGAAP_RELATIONS[c.usgaap_relation or "equivalent"][0]
        res = etree.SubElement(link, q("link", "reference"), attrs(type="resource", label=f"ref_{c.name}",
                                                                   role=n.role_uri(role_id)))
        etree.SubElement(res, q("ref", "Publisher")).text = "FASB"
        etree.SubElement(res, q("ref", "Name")).text = f"us-gaap:{c.usgaap}"
        etree.SubElement(res, q("ref", "Number")).text = n.USGAAP_VERSION
        etree.SubElement(res, q("ref", "URI")).text = f"{n.USGAAP_SCHEMA}#us-gaap_{c.usgaap}"
        notes = (["negated: the us-gaap element carries this value with the opposite sign"] if c.usgaap_negated
                 else []) + ([c.usgaap_note] if c.usgaap_note else [])
        if notes:
            etree.SubElement(res, q("ref", "Note")).text = "; ".join(notes)
        _arc(link, "referenceArc", AR + "concept-reference", f"loc_{c.name}", f"ref_{c.name}")
    return serialize(root)
