"""DTS discovery for calculation checks: concepts (type, item/tuple) and summation-item networks.

Only what Calculations 1.1 needs is kept. Documents are found by XBRL 2.1 discovery
(schemaRef, linkbaseRef, xs:import/include, locator and roleRef targets), read from local
files or from taxonomy-package zips through their META-INF/catalog.xml rewrites, never
from the network. The base specification schemas (xbrl.org, w3.org) are recognised by URL
and skipped: their item types are tabulated here, and they contain no calculations.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
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

DECIMAL_FAMILY = frozenset(("decimal",) + _INTEGER_TYPES)
NUMERIC_FAMILY = DECIMAL_FAMILY | {"float", "double", "fraction"}


@dataclass(slots=True, frozen=True)
class ConceptInfo:
    qname: str  # Clark notation {namespace}local
    base: str  # xs primitive family for numerics ("decimal", "integer", …, "float"), else "other"
    is_tuple: bool

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


@dataclass
class Dts:
    concepts: dict[str, ConceptInfo] = field(default_factory=dict)
    networks: dict[NetworkKey, list[Relationship]] = field(default_factory=dict)
    has_xdt: bool = False


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
        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as exc:
            raise InputError(str(path), f"not a taxonomy package zip: {exc}") from None
        catalogs = [n for n in zf.namelist() if re.fullmatch(r"[^/]+/META-INF/catalog\.xml", n)]
        for name in catalogs:
            try:
                root = etree.fromstring(zf.read(name), xmlsafe.parser())
            except etree.XMLSyntaxError as exc:
                raise InputError(f"{path}!/{name}", f"not well-formed XML: {exc.msg}", exc.lineno) from None
            base = posixpath.dirname(name)
            for el in root.iter(f"{{{CATALOG}}}rewriteURI", f"{{{CATALOG}}}rewriteSystem"):
                start = el.get("uriStartString") or el.get("systemIdStartString")
                prefix = el.get("rewritePrefix")
                if start and prefix:
                    target = posixpath.normpath(posixpath.join(base, prefix))
                    self._rewrites.append((start, zf, target + ("/" if prefix.endswith("/") else "")))

    def read(self, url: str) -> bytes | None:
        """Bytes of the document at `url`; None for a skipped base specification document."""
        for start, zf, target in self._rewrites:
            if url.startswith(start):
                member = posixpath.normpath(target + url[len(start):])
                try:
                    return zf.read(member)
                except KeyError:
                    raise InputError(url, f"not in taxonomy package {zf.filename} (looked for {member})") from None
        scheme = urlsplit(url).scheme
        if scheme == "file":
            path = unquote(urlsplit(url).path)
            try:
                return Path(path).read_bytes()
            except OSError as exc:
                raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
        if is_base_url(url):
            return None
        raise InputError(url, "cannot resolve offline: no taxonomy package maps this URL (use --packages)")


@dataclass
class _Arc:
    key: tuple  # equivalence key (XBRL 2.1 §3.5.3.9.7.4)
    element: object  # identity of the arc element, to drop identical duplicates
    priority: int
    prohibited: bool
    order: float
    relationship: Relationship


@dataclass
class _Doc:
    """What one document contributes; cached so several instances share parsing."""

    elements: dict[str, tuple[str | None, str | None, str | None, etree._Element | None]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # id -> element Clark name
    types: dict[str, str] = field(default_factory=dict)  # named type -> base type
    arcs: list[tuple[str, str, str, str, str, str, etree._Element, dict]] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    xdt: bool = False


def _qname(el: etree._Element, value: str | None) -> str | None:
    if not value:
        return None
    prefix, _, local = value.strip().rpartition(":")
    ns = el.nsmap.get(prefix or None)
    return f"{{{ns}}}{local}" if ns else local


def _type_base(el: etree._Element) -> str | None:
    for child in el.iter(f"{{{XS}}}restriction", f"{{{XS}}}extension"):
        return _qname(child, child.get("base"))
    return None


class DtsLoader:
    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self._docs: dict[str, _Doc | None] = {}

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
        return self._assemble(sorted(order), xdt)

    def _doc(self, url: str) -> _Doc | None:
        if url not in self._docs:
            data = self.resolver.read(url)
            self._docs[url] = None if data is None else self._parse(url, data)
        return self._docs[url]

    def _parse(self, url: str, data: bytes) -> _Doc:
        try:
            root = etree.fromstring(data, xmlsafe.parser(), base_url=url)
        except etree.XMLSyntaxError as exc:
            raise InputError(url, f"not well-formed XML: {exc.msg}", exc.lineno) from None
        doc = _Doc()
        if root.tag == f"{{{XS}}}schema":
            self._parse_schema(url, root, doc)
        self._parse_links(url, root, doc)
        return doc

    def _parse_schema(self, url: str, root: etree._Element, doc: _Doc) -> None:
        tns = root.get("targetNamespace") or ""
        for child in root:
            tag = child.tag
            if tag in (f"{{{XS}}}import", f"{{{XS}}}include") and child.get("schemaLocation"):
                doc.refs.append(urldefrag(urljoin(url, child.get("schemaLocation")))[0])
                doc.xdt |= child.get("namespace") == XBRLDT
            elif tag == f"{{{XS}}}element" and child.get("name"):
                name = f"{{{tns}}}{child.get('name')}"
                inline = None if child.get("type") else child
                doc.elements[name] = (_qname(child, child.get("type")), _qname(child, child.get("substitutionGroup")),
                                      child.get("id"), inline)
                if child.get("id"):
                    doc.ids[child.get("id")] = name
            elif tag in (f"{{{XS}}}complexType", f"{{{XS}}}simpleType") and child.get("name"):
                base = _type_base(child)
                if base:
                    doc.types[f"{{{tns}}}{child.get('name')}"] = base

    def _parse_links(self, url: str, root: etree._Element, doc: _Doc) -> None:
        xtype, xhref = f"{{{XLINK}}}type", f"{{{XLINK}}}href"
        for el in root.iter(f"{{{LINK}}}linkbaseRef", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef"):
            href = el.get(xhref)
            if href:
                doc.refs.append(urldefrag(urljoin(el.base or url, href))[0])
        for link in root.iter():
            if not isinstance(link.tag, str) or link.get(xtype) != "extended":
                continue
            locs: dict[str, list[str]] = {}
            for child in link:
                if child.get(xtype) == "locator" and child.get(xhref):
                    target = urljoin(child.base or url, child.get(xhref))
                    locs.setdefault(child.get(f"{{{XLINK}}}label"), []).append(target)
                    doc.refs.append(urldefrag(target)[0])
            for child in link:
                if child.get(xtype) == "arc" and child.get(f"{{{XLINK}}}arcrole") in SUMMATION_ARCROLES:
                    for src in locs.get(child.get(f"{{{XLINK}}}from"), ()):
                        for dst in locs.get(child.get(f"{{{XLINK}}}to"), ()):
                            doc.arcs.append((child.get(f"{{{XLINK}}}arcrole"), link.get(f"{{{XLINK}}}role") or "",
                                             link.tag, child.tag, src, dst, child, dict(child.attrib)))

    def _assemble(self, urls: list[str], xdt: bool) -> Dts:
        docs = {u: self._docs[u] for u in urls}
        elements: dict[str, tuple] = {}
        types: dict[str, str] = {}
        by_id: dict[tuple[str, str], str] = {}
        for u, d in docs.items():
            elements.update(d.elements)
            types.update(d.types)
            for i, name in d.ids.items():
                by_id[(u, i)] = name
        dts = Dts(has_xdt=xdt)
        for name, (type_q, _sg, _id, inline) in elements.items():
            kind = _substitution_kind(name, elements)
            if kind is None:
                continue
            base = _resolve_type(type_q or (_type_base(inline) if inline is not None else None), types)
            dts.concepts[name] = ConceptInfo(name, base, kind == "tuple")
        dts.networks = _networks(docs, by_id)
        return dts


def _substitution_kind(name: str, elements: dict[str, tuple]) -> str | None:
    seen = set()
    current = elements[name][1]
    while current and current not in seen:
        if current == f"{{{XBRLI}}}item" or current.startswith(f"{{{XBRLDT}}}"):
            return "item"
        if current == f"{{{XBRLI}}}tuple":
            return "tuple"
        seen.add(current)
        current = elements[current][1] if current in elements else None
    return None


def _resolve_type(type_q: str | None, types: dict[str, str]) -> str:
    seen = set()
    while type_q and type_q not in seen:
        if type_q in _BUILTIN_BASE:
            return _BUILTIN_BASE[type_q]
        ns, _, local = type_q[1:].partition("}")
        if _DTR_NAMESPACE.match(ns) and local.endswith("ItemType") and local[:-8] in _DTR_DECIMAL:
            return "decimal"
        seen.add(type_q)
        type_q = types.get(type_q)
    return "other"


def _concept_at(href: str, by_id: dict[tuple[str, str], str]) -> str | None:
    url, frag = urldefrag(href)
    m = re.fullmatch(r"element\(([^/()]+)\)", frag)
    return by_id.get((url, m.group(1) if m else frag))


_EXEMPT = {"use", "priority", "order", "weight"}


def _networks(docs: dict[str, _Doc], by_id: dict[tuple[str, str], str]) -> dict[NetworkKey, list[Relationship]]:
    """Effective relationships per network after equivalence and prohibition (XBRL 2.1 §3.5.3.9.7)."""
    winners: dict[NetworkKey, dict[tuple, _Arc]] = {}
    for url, doc in docs.items():
        for arcrole, elr, link_tag, arc_tag, src, dst, el, attrs in doc.arcs:
            source, target = _concept_at(src, by_id), _concept_at(dst, by_id)
            if source is None or target is None:
                continue
            try:
                weight = Decimal(attrs.get("weight", "").strip())
                order = float(attrs.get("order", "1"))
                priority = int(attrs.get("priority", "0"))
            except (InvalidOperation, ValueError):
                continue  # schema-invalid arc: no relationship
            custom = tuple(sorted((k, v) for k, v in attrs.items()
                                  if not k.startswith(f"{{{XLINK}}}") and k not in _EXEMPT))
            key = (source, target, order, float(weight), custom)
            arc = _Arc(key, el, priority, attrs.get("use") == "prohibited", order,
                       Relationship(source, target, weight, url, el.sourceline))
            network = winners.setdefault((arcrole, elr, link_tag, arc_tag), {})
            prior = network.get(key)
            if prior is None or (prior.element is not el and _overrides(arc, prior)):
                network[key] = arc
    result = {}
    for nkey, arcs in winners.items():
        kept = sorted((a for a in arcs.values() if not a.prohibited), key=lambda a: a.order)
        if kept:
            result[nkey] = [a.relationship for a in kept]
    return result


def _overrides(arc: _Arc, prior: _Arc) -> bool:
    if arc.priority != prior.priority:
        return arc.priority > prior.priority
    return not prior.prohibited


def file_url(path: str | Path) -> str:
    return Path(path).resolve().as_uri()
