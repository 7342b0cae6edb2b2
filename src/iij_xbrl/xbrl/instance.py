"""Read an XBRL 2.1 XML instance or an xBRL-JSON report into a flat numeric fact table.

Facts are keyed the way Calculations 1.1 binds them: concept, context key (entity,
period as start/end datetimes with exclusive end-of-day, dimensions as a sorted set
independent of container and context id) and unit key (sorted measures). Only top-level
numeric items are kept (calculations ignore tuples); a value that is not valid for its
type makes the fact invisible to calculations, as in a schema-validating processor.
XML is streamed (each top-level element is dropped once read) and facts are grouped by
binding as they are read: plain slotted objects, not pydantic, as an instance may hold
100k facts.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Hashable, NamedTuple
from urllib.parse import urldefrag, urljoin

from lxml import etree

from . import xmlsafe
from .errors import InputError
from .dts import LINK, XBRLI, XLINK, ConceptInfo, Dts, DtsLoader, file_url

XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
PURE = ((f"{{{XBRLI}}}pure",), ())
_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"

# Decimals sentinels: no usable accuracy ("NAN": no decimals/precision, or precision 0) vs exact ("INF").
INF = "INF"
NAN = "NAN"

_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_INTEGER_RE = re.compile(r"[+-]?\d+")
_FLOAT_RE = re.compile(r"[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|INF)|NaN")
_INT_BOUNDS = {"nonPositiveInteger": (None, 0), "negativeInteger": (None, -1), "long": (-2**63, 2**63 - 1),
               "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1), "byte": (-128, 127),
               "nonNegativeInteger": (0, None), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
               "unsignedShort": (0, 65535), "unsignedByte": (0, 255), "positiveInteger": (1, None)}


class Fact(NamedTuple):  # a tuple: built with Fact._make, the cheapest object per fact
    concept: str  # Clark name
    context: int  # index of the s-equal context class (cheap to hash, unlike the key itself)
    unit: int  # index of the equal-unit class
    value: Decimal | int | None  # None = nil; int for bare digits (cheaper to make and to scale than a Decimal)
    decimals: int | str  # int, INF or NAN
    context_id: str
    unit_id: str
    line: int | None
    id: str | None = None  # the fact's own id in the report, which findings name


_new_tuple = tuple.__new__  # Fact._make without its Python-level length check
_UNSEEN = object()
_PLAIN = frozenset(("decimal", "integer"))  # types any plain ASCII integer is valid for
# concept -> binding -> duplicates in document order. A binding (s-equal context class, equal unit class) is
# one int, unit << 32 | context: the calculation check hashes it several times per fact, a tuple costs more.
# The context goes in the low bits, which pick the hash slot: most facts share a handful of units.
Groups = dict[str, dict[int, list[Fact]]]


@dataclass
class Report:
    path: str
    dts: Dts
    groups: Groups
    periods: dict[int, str]  # context class -> "2012-04-01..2012-09-30" / "2012-09-30"
    prefixes: dict[str, str]  # namespace -> prefix the report uses, for messages
    scale: int  # power of ten that makes every value and rounding half-unit an integer


class FactTable:
    """Builds a Report's groups, context/unit classes and scale, for either syntax."""

    def __init__(self) -> None:
        self.groups: Groups = {}
        self.periods: dict[int, str] = {}
        self.scale = 0
        self._contexts: dict[Hashable, int] = {}
        self._units: dict[Hashable, int] = {}
        self._accuracy: dict[str | None, int | str | None] = {}

    def context(self, key: Hashable, shown: str) -> int:
        index = self._contexts.setdefault(key, len(self._contexts))
        self.periods.setdefault(index, shown)
        return index

    def unit(self, key: Hashable) -> int:
        return self._units.setdefault(key, len(self._units))

    def add(self, concept: ConceptInfo, context: tuple[int, str], unit: tuple[int, str], text: str | None,
            dec_attr: str | int | None, prec_attr: str | None, line: int | None, fact_id: str | None = None) -> None:
        """Add a fact; `context`/`unit` are (class, id); `text` None means nil. Invalid facts are dropped."""
        if text is None:
            value, dec = None, NAN
        else:
            if text.isdigit() and text.isascii() and concept.base in _PLAIN:  # most facts: bare digits, inline
                value = int(text)
            else:
                text = text.strip()
                value = valid_value(text, concept.base)
                if value is None or not value.is_finite():
                    return
                exponent = value.as_tuple().exponent
                if exponent < -self.scale:
                    self.scale = -exponent
            if prec_attr is not None:
                dec = decimals_of(dec_attr, prec_attr, text)
            else:  # decimals depend on the attribute alone
                dec = self._accuracy.get(dec_attr, _UNSEEN)
                if dec is _UNSEEN:
                    dec = self._accuracy[dec_attr] = decimals_of(dec_attr, None, text)
            if dec is None:
                return
            if dec.__class__ is int and dec >= self.scale:
                self.scale = dec + 1
        name = concept.qname
        by_key = self.groups.get(name)
        if by_key is None:
            by_key = self.groups[name] = {}
        key = unit[0] << 32 | context[0]
        fact = _new_tuple(Fact, (name, context[0], unit[0], value, dec, context[1], unit[1], line, fact_id))
        same = by_key.get(key)
        if same is None:
            by_key[key] = [fact]
        else:
            same.append(fact)

    def report(self, path: str, dts: Dts, prefixes: dict[str, str]) -> Report:
        return Report(path, dts, self.groups, self.periods, prefixes, self.scale)


def valid_value(text: str, base: str) -> Decimal | None:
    """The typed value of a numeric lexical form, or None when schema-invalid for `base`."""
    digits = text[1:] if text[:1] in "+-" else text
    if digits.isascii() and digits.isdigit():  # plain integers: most facts
        return Decimal(text) if base in ("decimal", "integer") else valid_value_slow(text, base)
    return valid_value_slow(text, base)


def valid_value_slow(text: str, base: str) -> Decimal | None:
    if base == "decimal":
        return Decimal(text) if _DECIMAL_RE.fullmatch(text) else None
    if base in ("float", "double"):
        return Decimal(text.replace("INF", "Infinity")) if _FLOAT_RE.fullmatch(text) else None
    if base == "fraction" or not _INTEGER_RE.fullmatch(text):
        return None
    v = int(text)
    lo, hi = _INT_BOUNDS.get(base, (None, None))
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        return None
    return Decimal(v)


def decimals_of(decimals: str | int | None, precision: str | None, text: str) -> int | str | None:
    """Decimals as a processor infers them; None when the attribute is schema-invalid."""
    if isinstance(decimals, int):  # xBRL-JSON
        return decimals
    if decimals is not None:
        d = decimals.strip()
        if d == "INF":
            return INF
        return int(d) if _INTEGER_RE.fullmatch(d) else None
    if precision is None:
        return NAN
    p = precision.strip()
    if p == "INF":
        return INF
    if not re.fullmatch(r"\+?\d+", p):
        return None
    if int(p) == 0:
        return NAN
    v = float(text)  # float log10 on purpose: Arelle infers decimals from precision this way
    if v == 0:
        return INF
    return int(p) - int(math.floor(math.log10(abs(v)))) - 1


# ---- XML ---------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _end(text: str) -> str:
    """Period end / instant as an exclusive-end datetime string (a date means the end of that day)."""
    t = text.strip()
    if "T" not in t or t.endswith("T24:00:00"):
        return datetime.combine(date.fromisoformat(t[:10]) + timedelta(days=1), time()).isoformat()
    return datetime.fromisoformat(t).isoformat()


@lru_cache(maxsize=4096)
def _start(text: str) -> str:
    t = text.strip()
    return (datetime.fromisoformat(t) if "T" in t else datetime.combine(date.fromisoformat(t), time())).isoformat()


def _canonical(el: etree._Element) -> str:
    # s-equality of non-dimensional content: tag, attributes, text, children (whitespace-insensitive)
    attrs = ",".join(f"{k}={v}" for k, v in sorted(el.attrib.items()))
    kids = "".join(_canonical(c) for c in el if isinstance(c.tag, str))
    return f"<{el.tag} {attrs}>{(el.text or '').strip()}{kids}</>"


def _qn(el: etree._Element, text: str | None) -> str:
    prefix, _, local = (text or "").strip().rpartition(":")
    ns = el.nsmap.get(prefix or None)
    if ns is None and prefix:
        raise InputError("", f"undeclared prefix {prefix!r} in {text!r}", el.sourceline)
    return f"{{{ns}}}{local}" if ns else local


_ENTITY, _IDENT, _PERIOD = f"{{{XBRLI}}}entity", f"{{{XBRLI}}}identifier", f"{{{XBRLI}}}period"
_SEGMENT, _SCENARIO, _INSTANT = f"{{{XBRLI}}}segment", f"{{{XBRLI}}}scenario", f"{{{XBRLI}}}instant"
_START, _END, _FOREVER = f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate", f"{{{XBRLI}}}forever"


def _period(period: etree._Element) -> tuple[Hashable, str]:
    parts = {c.tag: (c.text or "").strip() for c in period}
    if _INSTANT in parts:
        return (None, _end(parts[_INSTANT])), parts[_INSTANT]
    if _FOREVER in parts:
        return (None, None), "forever"
    return (_start(parts[_START]), _end(parts[_END])), f"{parts[_START]}..{parts[_END]}"


def _context(el: etree._Element, xdt: bool) -> tuple[Hashable, str]:
    ident = period = None
    containers: list[etree._Element | None] = [None, None]
    for child in el:
        if child.tag == _ENTITY:
            for c in child:
                if c.tag == _IDENT:
                    ident = c
                elif c.tag == _SEGMENT:
                    containers[0] = c
        elif child.tag == _PERIOD:
            period = child
        elif child.tag == _SCENARIO:
            containers[1] = child
    if ident is None or period is None:
        raise InputError("", f"context {el.get('id')} lacks entity identifier or period", el.sourceline)
    try:
        pkey, shown = _period(period)
    except (KeyError, ValueError):
        raise InputError("", f"context {el.get('id')} has an invalid period", el.sourceline) from None
    dims, other = [], []
    for container in containers:
        content = []
        if container is not None:
            for child in container:
                if not isinstance(child.tag, str):
                    continue
                if xdt and child.tag == f"{{{XBRLDI}}}explicitMember":
                    dims.append((_qn(child, child.get("dimension")), _qn(child, child.text)))
                elif xdt and child.tag == f"{{{XBRLDI}}}typedMember":
                    dims.append((_qn(child, child.get("dimension")), "".join(_canonical(c) for c in child)))
                else:
                    content.append(_canonical(child))
        other.append(tuple(content))
    key = ((ident.get("scheme", "").strip(), (ident.text or "").strip()), pkey, tuple(sorted(dims)), tuple(other))
    return key, shown


def _unit(el: etree._Element) -> Hashable:
    divide = el.find(f"{{{XBRLI}}}divide")
    if divide is None:
        return (tuple(sorted(_qn(m, m.text) for m in el.iter(f"{{{XBRLI}}}measure"))), ())
    num = divide.find(f"{{{XBRLI}}}unitNumerator")
    den = divide.find(f"{{{XBRLI}}}unitDenominator")
    return (tuple(sorted(_qn(m, m.text) for m in num.iter(f"{{{XBRLI}}}measure"))) if num is not None else (),
            tuple(sorted(_qn(m, m.text) for m in den.iter(f"{{{XBRLI}}}measure"))) if den is not None else ())


_REFS = (f"{{{LINK}}}schemaRef", f"{{{LINK}}}linkbaseRef", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef")


def read_xml(path: Path, loader: DtsLoader) -> Report:
    try:
        return _read_xml(path, loader)
    except etree.XMLSyntaxError as exc:
        raise InputError(str(path), f"not well-formed XML: {exc.msg}", exc.lineno) from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except InputError as exc:
        raise InputError(exc.path or str(path), exc.message, exc.line) from None


def _dts_refs(path: Path) -> tuple[etree._Element, list[str]]:
    """The root element and the schemaRef/linkbaseRef URLs, which XBRL 2.1 puts first."""
    base, refs, root = file_url(path), [], None
    for _, el in xmlsafe.iterparse(path, events=("start",)):
        if root is None:
            root = el
            continue
        if el.getparent() is root:
            if el.tag not in _REFS:
                break
            if el.tag in _REFS[:2]:
                refs.append(urldefrag(urljoin(base, el.get(f"{{{XLINK}}}href", "")))[0])
    if root is None or root.tag != f"{{{XBRLI}}}xbrl":
        raise InputError("", f"not an XBRL instance (root element {getattr(root, 'tag', None)})")
    if not refs:
        raise InputError("", "no link:schemaRef: the instance has no DTS", root.sourceline)
    return root, refs


def _read_xml(path: Path, loader: DtsLoader) -> Report:
    first, refs = _dts_refs(path)
    dts = loader.load(refs)
    numeric = {q: c for q, c in dts.concepts.items() if c.is_numeric and not c.is_tuple}
    table = FactTable()
    contexts: dict[str, tuple[int, str]] = {}  # id -> (class, the id string shared by all its facts)
    units: dict[str, tuple[int, str]] = {}
    pending: list[tuple] = []  # facts read before their context or unit
    root = None
    done = 0
    add = table.add
    for _, el in xmlsafe.iterparse(path):
        if root is None:
            root = el
            while root.getparent() is not None:
                root = root.getparent()
        if el.getparent() is not root:
            continue  # the root itself, or inside a top-level element (context, tuple) still being read
        tag = el.tag
        concept = numeric.get(tag)
        if concept is not None:  # the common case first
            get = el.get
            cid, uid, text, dec_attr = get("contextRef"), get("unitRef"), el.text, get("decimals")
            if text is None and get(XSI_NIL) not in ("true", "1"):
                text = ""  # empty, not nil: schema-invalid, dropped by the table
            prec_attr = None if dec_attr is not None else get("precision")
            ctx, unit = contexts.get(cid), units.get(uid)
            if ctx is None or unit is None:
                pending.append((concept, cid, uid, text, dec_attr, prec_attr, el.sourceline, get("id")))
            else:
                add(concept, ctx, unit, text, dec_attr, prec_attr, el.sourceline, get("id"))
        elif tag == _CONTEXT:
            key, shown = _context(el, dts.has_xdt)
            cid = el.get("id")
            contexts[cid] = (table.context(key, shown), cid)
        elif tag == _UNIT:
            uid = el.get("id")
            units[uid] = (table.unit(_unit(el)), uid)
        done += 1
        if done % 1024 == 0:
            # drop what has been read; the parser may already hold later siblings, keep those
            del root[:root.index(el)]
    for concept, cid, uid, text, dec_attr, prec_attr, line, fact_id in pending:
        if cid not in contexts or uid not in units:
            raise InputError("", f"fact {concept.qname} refers to an undefined context {cid!r} or unit {uid!r}", line)
        table.add(concept, contexts[cid], units[uid], text, dec_attr, prec_attr, line, fact_id)
    return table.report(str(path), dts, {ns: p for p, ns in first.nsmap.items() if p})


# ---- xBRL-JSON ---------------------------------------------------------------------------------

def _json_period(text: str) -> tuple[Hashable, str]:
    def norm(t: str) -> str:
        return _start(t) if "T" in t else ""

    if "/" in text:
        s, e = text.split("/", 1)
        return (norm(s), norm(e)), f"{_inclusive(s)}..{_inclusive(e, end=True)}"
    return (None, norm(text)), _inclusive(text, end=True)


def _inclusive(t: str, end: bool = False) -> str:
    if not t.endswith("T00:00:00"):
        return t
    d = date.fromisoformat(t[:10])
    return (d - timedelta(days=1) if end else d).isoformat()


def read_json(path: Path, loader: DtsLoader) -> Report:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not readable xBRL-JSON: {exc}") from None
    info = doc.get("documentInfo") if isinstance(doc, dict) else None
    if not isinstance(info, dict) or "xbrl-json" not in str(info.get("documentType", "")):
        raise InputError(str(path), "not an xBRL-JSON report (documentInfo.documentType)")
    ns = info.get("namespaces", {})
    base = file_url(path)
    dts = loader.load([urldefrag(urljoin(base, t))[0] for t in info.get("taxonomy", [])])

    def clark(q: str) -> str:
        prefix, _, local = q.partition(":")
        if prefix not in ns:
            raise InputError(str(path), f"undeclared prefix in {q!r}")
        return f"{{{ns[prefix]}}}{local}"

    table = FactTable()
    for fid, f in (doc.get("facts") or {}).items():
        dims = dict(f.get("dimensions", {}))
        concept = dts.concepts.get(clark(dims.pop("concept", "")))
        if concept is None or not concept.is_numeric or concept.is_tuple:
            continue
        prefix, _, ident = dims.pop("entity", "").partition(":")
        try:
            pkey, shown = _json_period(dims.pop("period", ""))
        except ValueError:
            raise InputError(str(path), f"fact {fid}: invalid period") from None
        unit_text = dims.pop("unit", None)
        unit = table.unit(PURE if unit_text is None else _json_unit(unit_text, clark))
        dims.pop("language", None)
        key = ((ns.get(prefix, prefix), ident), pkey, tuple(sorted((clark(k), clark(v)) for k, v in dims.items())),
               ((), ()))
        value = f.get("value")
        decimals = f.get("decimals")
        table.add(concept, (table.context(key, shown), fid), (unit, unit_text or "xbrli:pure"),
                  None if value is None else str(value), INF if decimals is None else decimals, None, None, fid)
    return table.report(str(path), dts, {v: k for k, v in ns.items()})


def _json_unit(text: str, clark) -> Hashable:
    num, _, den = text.partition("/")
    return (tuple(sorted(clark(m) for m in num.strip("()").split("*") if m)),
            tuple(sorted(clark(m) for m in den.strip("()").split("*") if m)))


def read(path: Path, loader: DtsLoader) -> Report:
    if not Path(path).exists():
        raise InputError(str(path), "no such file")
    if Path(path).suffix.lower() == ".json":
        return read_json(path, loader)
    return read_xml(path, loader)
