"""DTS discovery for calculation checks: concepts (type, item/tuple) and summation-item networks.

Only what Calculations 1.1 needs is kept. Documents are found by XBRL 2.1 discovery
(schemaRef, linkbaseRef, xs:import/include, locator and roleRef targets), read from local
files or from taxonomy-package zips through their META-INF/catalog.xml rewrites, never
from the network. The base specification schemas (xbrl.org, w3.org) are recognised by URL
and skipped: their item types are tabulated here, and they contain no calculations.
"""
from __future__ import annotations

import os
import posixpath
import re
import zipfile
import itertools
import zlib
from functools import lru_cache
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from lxml import etree

from . import xmlsafe
from .errors import InputError

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XBRLDT = "http://xbrl.org/2005/xbrldt"
CATALOG = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
SUMMATION_ITEM = "http://www.xbrl.org/2003/arcrole/summation-item"
SUMMATION_ITEM_11 = "https://xbrl.org/2023/arcrole/summation-item"
SUMMATION_ARCROLES = (SUMMATION_ITEM, SUMMATION_ITEM_11)

# Specification documents every DTS may cite; skipped (offline, and nothing in them is calculated).
BASE_URL_PREFIXES = ("http://www.xbrl.org/", "https://www.xbrl.org/", "http://xbrl.org/", "https://xbrl.org/",
                     "http://www.w3.org/", "https://www.w3.org/")

_INTEGER_TYPES = ("integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
                  "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
                  "positiveInteger")
# xs / xbrli built-in numeric types -> the XML Schema primitive family they validate as.
_BUILTIN_BASE: dict[str, str] = {f"{{{XS}}}decimal": "decimal", f"{{{XS}}}float": "float",
                                 f"{{{XS}}}double": "double"}
_BUILTIN_BASE.update({f"{{{XS}}}{t}": t for t in _INTEGER_TYPES})
_BUILTIN_BASE.update({f"{{{XBRLI}}}{t}ItemType": t for t in _INTEGER_TYPES})
_BUILTIN_BASE.update({f"{{{XBRLI}}}{t}ItemType": "decimal" for t in ("decimal", "monetary", "shares", "pure")})
_BUILTIN_BASE.update({f"{{{XBRLI}}}floatItemType": "float", f"{{{XBRLI}}}doubleItemType": "double",
                      f"{{{XBRLI}}}fractionItemType": "fraction"})
# Decimal-derived types of the Data Type Registry (all dates of https://www.xbrl.org/dtr/type/…).
_DTR_DECIMAL = frozenset("""perShare percent area volume mass weight energy power length memory noDecimalsMonetary
 nonNegativeMonetary nonNegativeNoDecimalsMonetary insolation temperature pressure frequency irradiance speed
 planeAngle voltage electricCurrent force electricCharge flow massFlow monetaryPerLength monetaryPerArea
 monetaryPerVolume monetaryPerDuration monetaryPerEnergy monetaryPerMass ghgEmissions energyPerMonetary
 ghgEmissionsPerMonetary volumePerMonetary""".split())
_DTR_NAMESPACE = re.compile(r"^https?://www\.xbrl\.org/dtr/type/")

# Non-numeric built-ins -> the lexical family lexical.valid_text / value_key know.
_LEXICAL = {"string": "string", "normalizedString": "normalizedString", "token": "token", "language": "token",
            "Name": "token", "NCName": "token", "ID": "token", "IDREF": "token", "ENTITY": "token",
            "NMTOKEN": "token", "anyURI": "anyURI", "boolean": "boolean", "date": "date", "dateTime": "dateTime",
            "QName": "QName", "hexBinary": "hexBinary", "base64Binary": "string"}
_BUILTIN_BASE.update({f"{{{XS}}}{t}": f for t, f in _LEXICAL.items()})
_BUILTIN_BASE.update({f"{{{XBRLI}}}{t}ItemType": f for t, f in _LEXICAL.items()})
_BUILTIN_BASE.update({f"{{{XBRLI}}}dateTimeItemType": "dateUnion", f"{{{XBRLI}}}dateUnion": "dateUnion"})
_MONETARY, _SHARES = f"{{{XBRLI}}}monetaryItemType", f"{{{XBRLI}}}sharesItemType"
# DTR numeric types restricting monetaryItemType, with their facets (dtr/type types.xsd).
_DTR_MONETARY = {"noDecimalsMonetary": (("fractionDigits", "0"),), "nonNegativeMonetary": (("minInclusive", "0"),),
                 "nonNegativeNoDecimalsMonetary": (("minInclusive", "0"), ("fractionDigits", "0"))}
_FACETS = frozenset(("minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "totalDigits",
                     "fractionDigits", "length", "minLength", "maxLength", "enumeration"))

DECIMAL_FAMILY = frozenset(("decimal",) + _INTEGER_TYPES)
NUMERIC_FAMILY = DECIMAL_FAMILY | {"float", "double", "fraction"}


@dataclass(slots=True, frozen=True)
class ConceptInfo:
    qname: str  # Clark notation {namespace}local
    base: str  # xs family: numerics "decimal", "integer", …, "float"; else "string", "token", "date", …, "other"
    is_tuple: bool
    period_type: str | None = None  # "instant" | "duration"; None: not declared (or not checked)
    nillable: bool = True
    abstract: bool = False
    kind: str = "item"  # "item", "tuple", "dimension", "hypercube"
    unit_rule: str | None = None  # "monetary" | "shares": the unit a fact of this concept must have
    facets: tuple[tuple[str, str], ...] = ()  # XML Schema facets of its type, most derived first
    typed_domain: tuple[str, str] | None = None  # typed dimension: (domain element Clark name, its xs family)

    @property
    def is_numeric(self) -> bool:
        return self.base in NUMERIC_FAMILY

    @property
    def is_decimal(self) -> bool:
        return self.base in DECIMAL_FAMILY


@dataclass(slots=True, frozen=True)
class Relationship:
    source: str  # concept Clark names
    target: str
    weight: Decimal
    document: str
    line: int | None


# (arcrole, extended-link role, link element, arc element): each is its own network.
NetworkKey = tuple[str, str, str, str]


@dataclass(slots=True, frozen=True)
class DimensionArc:
    """A definition-linkbase relationship of XBRL Dimensions 1.0 (after prohibition and override)."""
    arcrole: str  # local name: all, notAll, hypercube-dimension, dimension-domain, domain-member, dimension-default
    source: str
    target: str
    elr: str
    target_role: str | None
    closed: bool
    context_element: str | None
    usable: bool


@dataclass
class Dts:
    concepts: dict[str, ConceptInfo] = field(default_factory=dict)
    networks: dict[NetworkKey, list[Relationship]] = field(default_factory=dict)
    has_xdt: bool = False
    dimension_arcs: list[DimensionArc] = field(default_factory=list)
    elements: frozenset[str] = frozenset()  # every global element declared in the DTS (items or not)
    documents: int = 0  # documents read for this DTS


def is_base_url(url: str) -> bool:
    return url.startswith(BASE_URL_PREFIXES)


class Resolver:
    """Maps URLs to bytes: file: URLs from disk, published URLs through package catalogs."""

    def __init__(self, packages: list[Path]):
        self._rewrites: list[tuple[str, zipfile.ZipFile, str]] = []
        for pkg in packages:
            self._add_package(Path(pkg))
        self._rewrites.sort(key=lambda r: -len(r[0]))  # longest uriStartString wins

    def _add_package(self, path: Path) -> None:
        xmlsafe.regular_size(path, 1 << 62)
        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise InputError(str(path), f"not a taxonomy package zip: {exc}", code="IOerror") from None
        catalogs = [n for n in zf.namelist() if re.fullmatch(r"[^/]+/META-INF/catalog\.xml", n)]
        for name in catalogs:
            for start, target in catalog_rewrites(_member(zf, name), name, f"{path}!/{name}"):
                self._rewrites.append((start, zf, target))

    def read(self, url: str) -> bytes | None:
        """Bytes of the document at `url`; None for a skipped base specification document."""
        for start, zf, target in self._rewrites:
            if url.startswith(start):
                member = posixpath.normpath(target + url[len(start):])
                try:
                    return _member(zf, member)
                except KeyError:
                    raise InputError(url, f"not in taxonomy package {zf.filename} (looked for {member})",
                                     code="IOerror") from None
        scheme = urlsplit(url).scheme
        if scheme == "file":
            return xmlsafe.read_regular(unquote(urlsplit(url).path))
        if is_base_url(url):
            return None
        raise InputError(url, "cannot resolve offline: no taxonomy package maps this URL (use --packages)",
                         code="IOerror")


def catalog_rewrites(data: bytes, name: str, shown: str) -> list[tuple[str, str]]:
    """(URL start, zip member prefix) pairs of the XML catalog `name` (a zip member) of a package."""
    root = xmlsafe.parse_bytes(data, shown)
    found = []
    for el in root.iter(f"{{{CATALOG}}}rewriteURI", f"{{{CATALOG}}}rewriteSystem"):
        start = el.get("uriStartString") or el.get("systemIdStartString")
        prefix = el.get("rewritePrefix")
        if start and prefix:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), prefix))
            found.append((start, target + ("/" if prefix.endswith("/") else "")))
    return found


def _member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A zip member's bytes, refused beyond the document size limit (zip bombs) or when unreadable."""
    info = zf.getinfo(name)
    if info.file_size > xmlsafe.MAX_DOCUMENT_BYTES:
        raise InputError(f"{zf.filename}!/{name}", f"refused: {info.file_size:,} bytes uncompressed", code="IOerror")
    try:
        return zf.read(name)
    except (OSError, zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error) as exc:
        raise InputError(f"{zf.filename}!/{name}", f"cannot read: {exc}", code="IOerror") from None


@dataclass
class _Arc:
    key: tuple  # equivalence key (XBRL 2.1 §3.5.3.9.7.4)
    element: int  # identity of the arc element, to drop identical duplicates
    priority: int
    prohibited: bool
    order: float
    relationship: object  # Relationship or DimensionArc


@dataclass
class _Element:
    """A global element declaration as the DTS needs it."""

    type: str | None
    substitution_group: str | None
    inline_type: etree._Element | None
    period_type: str | None
    nillable: bool
    abstract: bool
    typed_domain_ref: tuple[str, str] | None  # (absolute document URL, fragment)


@dataclass
class _Doc:
    """What one document contributes; cached so several instances share parsing."""

    elements: dict[str, _Element] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # id -> element Clark name
    children: list[str | None] = field(default_factory=list)  # root's element children: global element names
    types: dict[str, tuple[str | None, tuple]] = field(default_factory=dict)  # named type -> (base, facets)
    # (arcrole, link role, link element, arc element, (from URL, fragment), (to URL, fragment), (arc id, line),
    # attributes outside the XLink namespace)
    arcs: list[tuple[str, str, str, str, tuple, tuple, tuple[int, int | None], dict]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    xdt: bool = False


def _qname(el: etree._Element, value: str | None, nsmap: dict | None = None) -> str | None:
    """Clark name of a QName value in `el`'s scope (`nsmap`: its in-scope namespaces, when the caller knows them)."""
    if not value:
        return None
    prefix, _, local = value.strip().rpartition(":")
    ns = (el.nsmap if nsmap is None else nsmap).get(prefix or None)
    return f"{{{ns}}}{local}" if ns else local


def _restriction(el: etree._Element) -> tuple[str | None, tuple]:
    """Base type and facets of a type definition (its first restriction or extension)."""
    for child in el.iter(f"{{{XS}}}restriction", f"{{{XS}}}extension"):
        facets = tuple((etree.QName(f).localname, f.get("value") or "") for f in child
                       if isinstance(f.tag, str) and etree.QName(f).localname in _FACETS)
        return _qname(child, child.get("base")), facets
    return None, ()


XDT_ARCROLES = {f"http://xbrl.org/int/dim/arcrole/{a}": a for a in
                ("all", "notAll", "hypercube-dimension", "dimension-domain", "domain-member", "dimension-default")}
_XBRLDT_CLOSED, _XBRLDT_CONTEXT = f"{{{XBRLDT}}}closed", f"{{{XBRLDT}}}contextElement"
_XBRLDT_TARGET, _XBRLDT_USABLE = f"{{{XBRLDT}}}targetRole", f"{{{XBRLDT}}}usable"
_KEPT_ARCROLES = frozenset(SUMMATION_ARCROLES) | XDT_ARCROLES.keys()
_KEPT_BYTES = tuple(a.encode() for a in _KEPT_ARCROLES)
_KEPT_HINTS = (b"summation-item", b"/int/dim/arcrole/")  # every kept arcrole holds one: two scans, not eight
_XHREF = f"{{{XLINK}}}href"
_LOCATOR_HREFS = etree.XPath("//*[@xlink:type='extended']/*[@xlink:type='locator']/@xlink:href",
                             namespaces={"xlink": XLINK},
                             smart_strings=False)


class DtsLoader:
    """Reads DTSs through `resolver`, keeping every parsed document and every assembled DTS: the instances of
    one run (or of one worker process's tasks) that share a taxonomy read and assemble it once. A file: document
    that changed on disk since it was read is read again."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self._docs: dict[str, _Doc | None] = {}
        self._stamps: dict[str, tuple[int, int] | None] = {}  # file: URL -> (mtime_ns, size) when read
        self._assembled: dict[tuple[tuple[str, ...], bool], Dts] = {}

    def load(self, start_urls: list[str]) -> Dts:
        order: list[str] = []
        pending = list(start_urls)
        seen: set[str] = set()
        xdt = False
        while pending:
            url = pending.pop()
            if url in seen:
                continue
            seen.add(url)
            doc = self._doc(url)
            if doc is None:
                xdt |= url.startswith("http://www.xbrl.org/2005/xbrldt")
                continue
            order.append(url)
            xdt |= doc.xdt
            pending.extend(r for r in doc.refs if r not in seen)
        key = (tuple(sorted(order)), xdt)
        dts = self._assembled.get(key)
        if dts is None:
            dts = self._assembled[key] = self._assemble(list(key[0]), xdt)
        return dts

    def _doc(self, url: str) -> _Doc | None:
        stamp = _stamp(url)
        if url not in self._docs or self._stamps.get(url) != stamp:
            if url in self._docs:
                self._assembled.clear()  # a document changed: every DTS built from it is stale
            data = self.resolver.read(url)
            self._docs[url] = None if data is None else self._parse(url, data)
            self._stamps[url] = stamp
        return self._docs[url]

    def _parse(self, url: str, data: bytes) -> _Doc:
        root = xmlsafe.parse_bytes(data, url)
        doc = _Doc()
        # Without xml:base anywhere every element's base is the document's URL: lxml's el.base walks the
        # ancestors for each of thousands of locators, so it is asked only when the text mentions xml:base.
        xml_base = b"xml:base" in data
        if root.tag == f"{{{XS}}}schema":
            self._parse_schema(url, root, doc, xml_base, data)
        # A document whose text names no arcrole we keep (labels, presentation) holds no relationship we keep,
        # if its text is UTF-8 (or ASCII) without character references, which could spell an arcrole otherwise
        plain = b"&#" not in data and (root.getroottree().docinfo.encoding or "").upper() in ("UTF-8", "US-ASCII")
        if xml_base or not plain or any(hint in data for hint in _KEPT_HINTS) and \
                any(arcrole in data for arcrole in _KEPT_BYTES):
            self._parse_links(url, root, doc, xml_base)
        else:  # only the documents its references and locators discover
            for el in root.iter(f"{{{LINK}}}linkbaseRef", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef"):
                if el.get(_XHREF):
                    doc.refs.append(resolve(url, el.get(_XHREF))[0])
            doc.refs.extend({_join(url, part) for part in {href.partition("#")[0] for href in _LOCATOR_HREFS(root)
                                                            if href}})
        return doc

    def _parse_schema(self, url: str, root: etree._Element, doc: _Doc, xml_base: bool, data: bytes) -> None:
        tns = root.get("targetNamespace") or ""
        # lxml builds el.nsmap anew for every element; when the text declares namespaces only on the root (no
        # more "xmlns" in it than the root declares), every element's scope is the root's
        nsmap = root.nsmap if data.count(b"xmlns") == len(root.nsmap) else None
        for child in root:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            doc.children.append(None)
            if tag in (f"{{{XS}}}import", f"{{{XS}}}include") and child.get("schemaLocation"):
                doc.refs.append(resolve(url, child.get("schemaLocation"))[0])
                doc.xdt |= child.get("namespace") == XBRLDT
            elif tag == f"{{{XS}}}element" and child.get("name"):
                name = f"{{{tns}}}{child.get('name')}"
                typed = child.get(f"{{{XBRLDT}}}typedDomainRef")
                doc.elements[name] = _Element(
                    _qname(child, child.get("type"), nsmap), _qname(child, child.get("substitutionGroup"), nsmap),
                    None if child.get("type") else child, child.get(f"{{{XBRLI}}}periodType"),
                    (child.get("nillable") or "").strip() in ("true", "1"),
                    (child.get("abstract") or "").strip() in ("true", "1"),
                    resolve(child.base or url if xml_base else url, typed) if typed else None)
                doc.children[-1] = name
                if child.get("id"):
                    doc.ids[child.get("id")] = name
            elif tag in (f"{{{XS}}}complexType", f"{{{XS}}}simpleType") and child.get("name"):
                base, facets = _restriction(child)
                if base:
                    doc.types[f"{{{tns}}}{child.get('name')}"] = (base, facets)

    def _parse_links(self, url: str, root: etree._Element, doc: _Doc, xml_base: bool) -> None:
        xtype, xhref, xlabel = f"{{{XLINK}}}type", f"{{{XLINK}}}href", f"{{{XLINK}}}label"
        xarcrole, xfrom, xto = f"{{{XLINK}}}arcrole", f"{{{XLINK}}}from", f"{{{XLINK}}}to"
        for el in root.iter(f"{{{LINK}}}linkbaseRef", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef"):
            href = el.get(xhref)
            if href:
                doc.refs.append(resolve(el.base or url if xml_base else url, href)[0])
        here: dict[str, str] = {}  # document part of a locator's href -> its URL (without xml:base)
        names = _shared_strings()
        for link in root.iter():
            if link.get(xtype) != "extended":  # comments and PIs have no attributes: None
                continue
            locs: dict[str, list[tuple[str, str]]] = {}
            arcs = []
            role = link.get(f"{{{XLINK}}}role") or ""
            for child in link:
                kind = child.get(xtype)
                if kind == "locator":
                    href = child.get(xhref)
                    if href:
                        if xml_base:
                            target = resolve(child.base or url, href)
                            doc.refs.append(target[0])
                        else:
                            part, _, frag = href.partition("#")
                            joined = here.get(part)
                            if joined is None:
                                joined = here[part] = _join(url, part)
                            target = (joined, frag)
                        locs.setdefault(child.get(xlabel), []).append(target)
                elif kind == "arc" and child.get(xarcrole) in _KEPT_ARCROLES:
                    arcs.append(child)
            role, link_tag = names(role), names(link.tag)
            for child in arcs:
                arcrole = names(child.get(xarcrole))
                # the arc's identity (its relationships are no duplicates of each other) and line, not the
                # element: that would keep the whole parsed document in memory
                arc = (next(_ARC_IDS), child.sourceline)
                doc.xdt |= arcrole in XDT_ARCROLES
                # a taxonomy keeps tens of thousands of arcs: one string per distinct name, and no XLink
                # attributes (no relationship attribute of _networks is one)
                attrs = {names(k): v for k, v in child.attrib.items() if not k.startswith(_XLINK_NS)}
                arc_tag = names(child.tag)
                for src in locs.get(child.get(xfrom), ()):
                    for dst in locs.get(child.get(xto), ()):
                        doc.arcs.append((arcrole, role, link_tag, arc_tag, src, dst, arc, attrs))
        doc.refs.extend(here.values())  # every document a locator points to is discovered

    def _assemble(self, urls: list[str], xdt: bool) -> Dts:
        docs = {u: self._docs[u] for u in urls}
        elements: dict[str, _Element] = {}
        types: dict[str, tuple[str | None, tuple]] = {}
        by_id: dict[tuple[str, str], str] = {}
        children: dict[str, list[str | None]] = {}
        for u, d in docs.items():
            elements.update(d.elements)
            types.update(d.types)
            children[u] = d.children
            for i, name in d.ids.items():
                by_id[(u, i)] = name
        dts = Dts(has_xdt=xdt, elements=frozenset(elements), documents=len(docs))
        for name, el in elements.items():
            kind = _substitution_kind(name, elements)
            if kind is None:
                continue
            type_q = el.type
            facets: tuple = ()
            if type_q is None and el.inline_type is not None:
                type_q, facets = _restriction(el.inline_type)
            base, unit_rule, more = _resolve_type(type_q, types)
            typed = None
            if kind == "dimension" and el.typed_domain_ref:
                domain = _concept_at(el.typed_domain_ref, by_id, children)
                if domain is not None and domain in elements:
                    d = elements[domain]
                    dtype = d.type
                    dfacets: tuple = ()
                    if dtype is None and d.inline_type is not None:
                        dtype, dfacets = _restriction(d.inline_type)
                    typed = (domain, _resolve_type(dtype, types)[0])
                else:
                    typed = ("", "other")  # typedDomainRef that resolves to nothing
            dts.concepts[name] = ConceptInfo(name, base, kind == "tuple", el.period_type, el.nillable, el.abstract,
                                             kind, unit_rule, facets + more, typed)
        dts.networks, dts.dimension_arcs = _networks(docs, by_id, children)
        return dts


def _substitution_kind(name: str, elements: dict[str, _Element]) -> str | None:
    seen = set()
    current = elements[name].substitution_group
    while current and current not in seen:
        if current == f"{{{XBRLI}}}item":
            return "item"
        if current == f"{{{XBRLDT}}}dimensionItem":
            return "dimension"
        if current == f"{{{XBRLDT}}}hypercubeItem":
            return "hypercube"
        if current == f"{{{XBRLI}}}tuple":
            return "tuple"
        seen.add(current)
        current = elements[current].substitution_group if current in elements else None
    return None


def _resolve_type(type_q: str | None, types: dict[str, tuple[str | None, tuple]]) -> tuple[str, str | None, tuple]:
    """(xs family, unit rule, facets of the derivation chain, most derived first)."""
    seen = set()
    facets: tuple = ()
    unit_rule = None
    while type_q and type_q not in seen:
        if unit_rule is None and type_q in (_MONETARY, _SHARES):
            unit_rule = "monetary" if type_q == _MONETARY else "shares"
        if type_q in _BUILTIN_BASE:
            return _BUILTIN_BASE[type_q], unit_rule, facets
        ns, _, local = type_q[1:].partition("}")
        if _DTR_NAMESPACE.match(ns) and local.endswith("ItemType"):
            if local[:-8] in _DTR_MONETARY:
                return "decimal", unit_rule or "monetary", facets + _DTR_MONETARY[local[:-8]]
            if local[:-8] in _DTR_DECIMAL:
                return "decimal", unit_rule, facets
            return ("token" if "Token" in local or "SQName" in local else "string"), unit_rule, facets
        seen.add(type_q)
        type_q, more = types.get(type_q, (None, ()))
        facets += more
    return "other", unit_rule, facets


_ELEMENT_SCHEME = re.compile(r"element\(([^()]*)\)")


def _concept_at(href: tuple[str, str], by_id: dict[tuple[str, str], str], children: dict[str, list[str | None]]
                ) -> str | None:
    """The global element an XLink href (document URL, fragment) points to: a shorthand pointer (`#id`) or
    XPointer element() scheme parts (`#element(id)`, `#element(/1/14)`, several parts tried in turn), XBRL 2.1
    §3.5.4."""
    url, frag = href
    if "(" not in frag:  # a shorthand pointer, the common case
        return by_id.get((url, frag))
    parts = _ELEMENT_SCHEME.findall(frag)
    if not parts:
        return by_id.get((url, frag))
    for part in parts:
        steps = part.split("/")
        if steps[0]:  # element(id) or element(id/n…): only the element with that id is a global declaration
            found = by_id.get((url, steps[0])) if len(steps) == 1 else None
        elif len(steps) == 3 and steps[1] == "1" and steps[2].isascii() and steps[2].isdigit():
            seq = children.get(url, [])
            n = int(steps[2])
            found = seq[n - 1] if 0 < n <= len(seq) else None
        else:
            found = None
        if found is not None:
            return found
    return None


def _shared_strings():
    """A function that returns, for any string, the first equal string it was given."""
    seen: dict[str, str] = {}
    return lambda text: seen.setdefault(text, text)


_ARC_IDS = itertools.count()
_XLINK_NS = f"{{{XLINK}}}"
_EXEMPT = frozenset(("use", "priority", "order", "weight"))


def _networks(docs: dict[str, _Doc], by_id: dict[tuple[str, str], str], children: dict[str, list[str | None]]
              ) -> tuple[dict[NetworkKey, list[Relationship]], list[DimensionArc]]:
    """Effective relationships per network after equivalence and prohibition (XBRL 2.1 §3.5.3.9.7):
    summation-item networks, and the XBRL Dimensions relationships."""
    winners: dict[NetworkKey, dict[tuple, _Arc]] = {}
    numbers: dict[tuple[type, str], object] = {}  # (float | int | Decimal, text) -> value: a few distinct texts
    for url, doc in docs.items():
        for arcrole, elr, link_tag, arc_tag, src, dst, (el, line), attrs in doc.arcs:
            source, target = _concept_at(src, by_id, children), _concept_at(dst, by_id, children)
            if source is None or target is None:
                continue
            dim = XDT_ARCROLES.get(arcrole)
            try:
                order = numbers.get((float, attrs.get("order", "1")))
                if order is None:
                    order = numbers[(float, attrs.get("order", "1"))] = float(attrs.get("order", "1"))
                priority = numbers.get((int, attrs.get("priority", "0")))
                if priority is None:
                    priority = numbers[(int, attrs.get("priority", "0"))] = int(attrs.get("priority", "0"))
                if dim is None:
                    weight = numbers.get((Decimal, attrs.get("weight", "")))
                    if weight is None:
                        weight = numbers[(Decimal, attrs.get("weight", ""))] = Decimal(attrs.get("weight", "").strip())
                    rel: object = Relationship(source, target, weight, url, line)
                    wkey: object = float(weight)
                else:
                    rel = DimensionArc(dim, source, target, elr, attrs.get(_XBRLDT_TARGET) or None,
                                       attrs.get(_XBRLDT_CLOSED, "").strip() in ("true", "1"),
                                       attrs.get(_XBRLDT_CONTEXT), attrs.get(_XBRLDT_USABLE, "true").strip()
                                       not in ("false", "0"))
                    wkey = None
            except (InvalidOperation, ValueError, OverflowError):
                continue  # schema-invalid arc: no relationship
            # attrs hold no XLink attribute (_parse_links): all but the exempt ones are custom
            custom = () if attrs.keys() <= _EXEMPT else tuple(sorted((k, v) for k, v in attrs.items()
                                                                     if k not in _EXEMPT))
            key = (source, target, order, wkey, custom)
            arc = _Arc(key, el, priority, attrs.get("use") == "prohibited", order, rel)
            network = winners.setdefault((arcrole, elr, link_tag, arc_tag), {})
            prior = network.get(key)
            if prior is None or (prior.element is not el and _overrides(arc, prior)):
                network[key] = arc
    result: dict[NetworkKey, list[Relationship]] = {}
    dimension_arcs: list[DimensionArc] = []
    for nkey, arcs in winners.items():
        kept = sorted((a for a in arcs.values() if not a.prohibited), key=lambda a: a.order)
        if not kept:
            continue
        if nkey[0] in XDT_ARCROLES:
            dimension_arcs.extend(a.relationship for a in kept)
        else:
            result[nkey] = [a.relationship for a in kept]
    return result, dimension_arcs


def _overrides(arc: _Arc, prior: _Arc) -> bool:
    if arc.priority != prior.priority:
        return arc.priority > prior.priority
    return not prior.prohibited


def _stamp(url: str) -> tuple[int, int] | None:
    """(mtime_ns, size) of a file: URL's file, None for other URLs (package members, skipped base documents)."""
    if not url.startswith("file:"):
        return None
    try:
        info = os.stat(unquote(urlsplit(url).path))
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def resolve(base: str, href: str) -> tuple[str, str]:
    """(document URL, fragment) of `href` relative to `base`: what urldefrag(urljoin(base, href)) gives, with the
    join of the document part cached (a linkbase's thousands of locators name a handful of documents)."""
    doc, _, frag = href.partition("#")
    return _join(base, doc), frag


@lru_cache(maxsize=4096)
def _join(base: str, doc: str) -> str:
    return urldefrag(urljoin(base, doc))[0]


def file_url(path: str | Path) -> str:
    # os.path.realpath, unlike Path.resolve on 3.11, leaves a symlink loop in place (reading it then fails
    # with ELOOP, one line) instead of raising RuntimeError
    return Path(os.path.realpath(path)).as_uri()
