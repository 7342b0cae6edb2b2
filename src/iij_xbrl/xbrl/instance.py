"""The fact table every reader fills, and the streaming reader of XBRL 2.1 XML instances.

Facts are keyed the way Calculations 1.1 binds them: concept, context class (entity, period
as points on the time line with exclusive end-of-day, dimensions as a set independent of
container and context id, typed values by value) and unit class (sorted measures). Only
top-level numeric items are grouped for calculation (calculations ignore tuples); a value
that is not valid for its type is reported and left out of calculations, as a
schema-validating processor does. XML is streamed (each top-level element is dropped once
read) and facts are grouped by binding as they are read: plain tuples, not objects, as an
instance may hold millions of facts. Validity rules live in validity.py and dimensions.py;
this module only reads and records what it read.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Hashable, Iterator, NamedTuple
from urllib.parse import urldefrag, urljoin

from lxml import etree

from . import lexical, xmlsafe
from .dts import LINK, XBRLI, XLINK, ConceptInfo, Dts, DtsLoader
from .errors import InputError
from .inputs import Input
from .validity import Context, FactChecks, Problems, Unit, read_accuracy

XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
PURE = ((f"{{{XBRLI}}}pure",), ())
_CONTEXT, _UNIT = f"{{{XBRLI}}}context", f"{{{XBRLI}}}unit"

# Decimals sentinels: no usable accuracy ("NAN": no decimals/precision, or precision 0) vs exact ("INF").
INF = "INF"
NAN = "NAN"
_MARGIN = 40  # decimals beyond the values' own digits by more than this change no interval comparison


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
    problems: Problems = field(default_factory=Problems)  # validity errors, in reading order
    counts: dict[str, int] = field(default_factory=dict)  # facts, contexts, units read


class FactTable:
    """Builds a Report's groups, context/unit classes and scale, for either syntax."""

    def __init__(self, problems: Problems | None = None) -> None:
        self.groups: Groups = {}
        self.periods: dict[int, str] = {}
        self.problems = problems if problems is not None else Problems()
        self.scale = 0  # from the values' fraction digits
        self._max_dec = -1 << 62  # extremes of the finite decimals seen, to bound the scale
        self._min_dec = 1 << 62
        self._contexts: dict[Hashable, int] = {}
        self._units: dict[Hashable, int] = {}
        self._accuracy: dict[object, object] = {}
        self.dropped = 0  # facts left out for an invalid value

    def context(self, key: Hashable, shown: str) -> int:
        index = self._contexts.setdefault(key, len(self._contexts))
        self.periods.setdefault(index, shown)
        return index

    def unit(self, key: Hashable) -> int:
        return self._units.setdefault(key, len(self._units))

    def add(self, concept: ConceptInfo, context: tuple[int, str], unit: tuple[int, str], text: str | None,
            dec_attr: str | int | None, prec_attr: str | None, line: int | None, fact_id: str | None = None) -> None:
        """Add a numeric fact; `context`/`unit` are (class, id); `text` None means nil; `fact_id` its id attribute.

        A value outside its type's lexical space is reported and left out; an invalid decimals or
        precision is reported and the fact counted as exact, as Arelle does.
        """
        if text is None:
            value, dec = None, NAN
            if dec_attr is not None or prec_attr is not None:
                self.problems.add("xbrl.4.6.3:nilPrecisionDecimals", line,
                                  f"{concept.qname}: a nil fact has no decimals or precision (context {context[1]})")
        else:
            value = None
            if text.isdigit() and text.isascii() and concept.base in _PLAIN:
                try:
                    value = int(text)  # most facts: bare digits, inline
                except ValueError:  # beyond the interpreter's int-string limit: a Decimal below
                    pass
            if value is None:
                value = self._value(concept, text, context[1], line)
                if value is None:
                    self.dropped += 1
                    return
            key = dec_attr if prec_attr is None else (dec_attr, prec_attr)
            dec = self._accuracy.get(key)
            if dec is None:  # first time, or attributes with problems, or precision: depends on the fact
                dec = read_accuracy(dec_attr, prec_attr)
                if dec.__class__ is tuple:
                    dec = self._accuracy_problems(dec, concept, context[1], value, line)
                else:
                    self._accuracy[key] = dec
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

    def _value(self, concept: ConceptInfo, text: str, cid: str, line: int | None) -> Decimal | int | None:
        value = lexical.numeric(lexical.collapse(text), concept.base)
        if value is None or not value.is_finite():
            why = "not a number" if value is None else "not finite"
            self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: value {_clip(text)!r} is {why} "
                              f"in the lexical space of its type (context {cid}); left out of calculations")
            return None
        if concept.facets:
            broken = lexical_facet_violation(value, concept.facets)
            if broken:
                self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: value {_clip(text)!r} violates "
                                  f"the facet {broken} of its type (context {cid}); left out of calculations")
                return None
        exponent = value.as_tuple().exponent
        if exponent < -self.scale:  # trailing zeros of the fraction add no digit to compare
            self.scale = max(self.scale, -exponent - _trailing_zeros(value.as_tuple().digits))
        return value

    def _accuracy_problems(self, found: tuple, concept: ConceptInfo, cid: str, value, line: int | None):
        dec, problems, from_precision = found
        for code, message in problems:
            self.problems.add(code, line, f"{concept.qname}: {message} (context {cid})")
        if from_precision is not None:
            dec = precision_decimals(from_precision, value)
        if dec.__class__ is int:
            if dec > self._max_dec:
                self._max_dec = dec
            if dec < self._min_dec:
                self._min_dec = dec
        return dec

    def note_decimals(self, dec: int) -> None:
        if dec > self._max_dec:
            self._max_dec = dec
        if dec < self._min_dec:
            self._min_dec = dec

    def report(self, path: str, dts: Dts, prefixes: dict[str, str], counts: dict[str, int] | None = None) -> Report:
        for d in self._accuracy.values():
            if d.__class__ is int:
                self.note_decimals(d)
        scale = self.scale
        high = scale + _MARGIN
        if self._max_dec > high or self._min_dec < -_MARGIN:
            self._clamp(high)
        if self._max_dec >= scale:
            scale = min(self._max_dec, high) + 1
        return Report(path, dts, self.groups, self.periods, prefixes, scale, self.problems, counts or {})

    def _clamp(self, high: int) -> None:
        """Bring extreme decimals (e.g. 99999999999999999999) within what can change a comparison.

        Intervals are compared on a grid of 10^-(scale + weight digits); a half-width below 10^-(that + 40)
        cannot move a comparison of fewer than 10^39 terms, and one above 10^(magnitude + 40) covers every
        sum of them: such decimals are replaced by those bounds instead of building 10^(10^20).
        """
        magnitude = max((abs(f.value).adjusted() if f.value.__class__ is not int else len(str(abs(f.value))))
                        for sets in self.groups.values() for facts in sets.values() for f in facts
                        if f.value is not None and f.value != 0) if self._min_dec < -_MARGIN else 0
        low = -(magnitude + _MARGIN)
        for sets in self.groups.values():
            for facts in sets.values():
                for i, f in enumerate(facts):
                    d = f.decimals
                    if d.__class__ is int and (d > high or d < low):
                        facts[i] = f._replace(decimals=high if d > high else low)
        self._max_dec = min(self._max_dec, high)


def _trailing_zeros(digits: tuple[int, ...]) -> int:
    n = 0
    for d in reversed(digits):
        if d:
            break
        n += 1
    return n


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def precision_decimals(precision: int, value: Decimal | int) -> int | str:
    """Decimals inferred from precision (XBRL 2.1 §4.6.6), exactly: precision - 1 - floor(log10 |value|)."""
    if not value:
        return INF
    magnitude = Decimal(value).adjusted()  # floor(log10 |value|), exact for every Decimal
    return precision - 1 - magnitude


def lexical_facet_violation(value: Decimal, facets: tuple[tuple[str, str], ...]) -> str | None:
    """The first numeric facet `value` breaks (as 'name=value'), or None."""
    for name, limit in facets:
        try:
            if name in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                bound = Decimal(lexical.collapse(limit))
                ok = {"minInclusive": value >= bound, "maxInclusive": value <= bound,
                      "minExclusive": value > bound, "maxExclusive": value < bound}[name]
            elif name == "fractionDigits":
                exponent = value.as_tuple().exponent
                digits = value.as_tuple().digits
                fraction = max(0, -exponent - _trailing_zeros(digits)) if digits else 0
                ok = fraction <= int(limit)
            elif name == "totalDigits":
                t = value.as_tuple()
                ok = len(t.digits) - _trailing_zeros(t.digits) <= int(limit) or value == 0
            else:
                continue
        except (ArithmeticError, ValueError):
            continue
        if not ok:
            return f"{name}={limit}"
    return None


# ---- XML ---------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _point(text: str, end: bool) -> tuple | None:
    return lexical.period_point(lexical.collapse(text), end)


def _canonical(el: etree._Element) -> str:
    # s-equality of non-dimensional content: tag, attributes, text, children (whitespace-insensitive)
    attrs = ",".join(f"{k}={v}" for k, v in sorted(el.attrib.items()))
    kids = "".join(_canonical(c) for c in el if isinstance(c.tag, str))
    return f"<{el.tag} {attrs}>{lexical.collapse(el.text or '')}{kids}</>"


_ENTITY, _IDENT, _PERIOD = f"{{{XBRLI}}}entity", f"{{{XBRLI}}}identifier", f"{{{XBRLI}}}period"
_SEGMENT, _SCENARIO, _INSTANT = f"{{{XBRLI}}}segment", f"{{{XBRLI}}}scenario", f"{{{XBRLI}}}instant"
_START, _END, _FOREVER = f"{{{XBRLI}}}startDate", f"{{{XBRLI}}}endDate", f"{{{XBRLI}}}forever"
_EXPLICIT, _TYPED = f"{{{XBRLDI}}}explicitMember", f"{{{XBRLDI}}}typedMember"
_MEASURE = f"{{{XBRLI}}}measure"


def _qn(scope, text: str | None) -> str | None:
    """Clark name of a QName value under the namespace declarations `scope` (an element's nsmap, or a compiled
    Scope of it); None when its prefix is not declared or it is no QName."""
    parts = _qname_parts(text or "")
    if parts is None:
        return None
    prefix, local = parts
    ns = scope.get(prefix)
    if ns is None and prefix:
        return None
    return f"{{{ns}}}{local}" if ns else local


@lru_cache(maxsize=4096)  # dimension and member names repeat over thousands of contexts
def _qname_parts(text: str) -> tuple[str | None, str] | None:
    """(prefix or None, local name) of a QName's text, or None when it is no QName."""
    t = lexical.collapse(text)
    if not lexical.QNAME_RE.fullmatch(t):
        return None
    prefix, _, local = t.rpartition(":")
    return prefix or None, local


def _period(period: etree._Element | None) -> tuple[str | None, Hashable, str, tuple[tuple[str, str], ...]]:
    """(kind, key, shown, problems) of xbrli:period."""
    if period is None:
        return "none", None, "", (("xmlSchema:elementOccurrencesError", "has no period"),)
    return _period_of(tuple([(tag, c.text or "") for c in period if (tag := c.tag).__class__ is str]))


@lru_cache(maxsize=4096)  # instances repeat a handful of periods over thousands of contexts
def _period_of(children: tuple[tuple[str, str], ...]) -> tuple[str | None, Hashable, str, tuple[tuple[str, str], ...]]:
    parts: dict[str, list[str]] = {}
    for tag, text in children:
        parts.setdefault(tag, []).append(text)
    tags = set(parts)
    problems: tuple[tuple[str, str], ...] = ()
    if tags == {_INSTANT} and len(parts[_INSTANT]) == 1:
        text = lexical.collapse(parts[_INSTANT][0])
        point = _point(text, True)
        if point is None:
            return None, None, text, (("xmlSchema:valueError", f"instant {text!r} is not a valid date or dateTime"),)
        return "instant", (None, point), text, problems
    if tags == {_FOREVER} and len(parts[_FOREVER]) == 1:
        return "forever", (None, None), "forever", problems
    if tags == {_START, _END} and len(parts[_START]) == len(parts[_END]) == 1:
        start, end = lexical.collapse(parts[_START][0]), lexical.collapse(parts[_END][0])
        a, b = _point(start, False), _point(end, True)
        shown = f"{start}..{end}"
        if a is None or b is None:
            bad = start if a is None else end
            return None, None, shown, (("xmlSchema:valueError", f"period date {bad!r} is not a valid date or dateTime"),)
        if lexical.before(a, b) is False:
            problems = (("xbrl.4.7.2:periodStartBeforeEnd", f"startDate {start} is not before endDate {end}"),)
        return "duration", (a, b), shown, problems
    if tags & {_INSTANT, _FOREVER} and tags & {_START, _END} or any(len(v) > 1 for v in parts.values()) \
            or tags - {_INSTANT, _FOREVER, _START, _END}:
        return None, None, "", (("xmlSchema:elementUnexpected", "period mixes instant, forever, startDate and endDate"),)
    return None, None, "", (("xmlSchema:elementOccurrencesError", "period needs instant, forever, or startDate "
                                                                    "and endDate"),)


def _nsmap(el: etree._Element) -> dict[str | None, str]:
    return el.nsmap


def _container(el: etree._Element | None, name: str, xdt: bool, dts: Dts, record: Context, scope=_nsmap) -> tuple:
    """The non-dimensional content of a segment/scenario; its dimension values go to `record`. `scope(element)`
    gives the element's namespace declarations (a mapping of prefix to namespace: its nsmap, or the compiled
    core's Scope, which looks a prefix up without building the whole map)."""
    if el is None:
        return ()
    content = []
    dims = record.segment if name == "segment" else record.scenario
    children = [(c, tag) for c in el if (tag := c.tag).__class__ is str]  # lxml makes a tag string per read
    if not children:
        record.problems.append((f"xbrl.{'4.7.3.2' if name == 'segment' else '4.7.4'}:{name}Empty",
                                f"{name} is empty"))
    for child, tag in children:
        if xdt and (tag == _EXPLICIT or tag == _TYPED):
            names = scope(child)
            dim = _qn(names, child.get("dimension"))
            if dim is None:
                record.problems.append(("xmlSchema:valueError", f"dimension {child.get('dimension')!r} is not a "
                                        "QName with a declared prefix"))
                continue
            if tag == _EXPLICIT:
                member = _qn(names, child.text)
                if member is None:
                    record.problems.append(("xmlSchema:valueError", f"member {lexical.collapse(child.text or '')!r} "
                                            "is not a QName with a declared prefix"))
                    member = f"?{lexical.collapse(child.text or '')}"  # undefined: dimensions.py reports it
                value: tuple = ("e", member)
            else:
                value = _typed_value(child, dim, dts, record)
            if dim not in dts.elements:
                record.undefined.append((dim, value))  # reported by dimensions.py, ignored otherwise (as Arelle)
            elif dim in dims:
                record.repeated.append(dim)
            else:
                if dim in record.segment or dim in record.scenario:
                    record.repeated.append(dim)
                dims[dim] = value
        else:
            if tag.startswith(f"{{{XBRLI}}}"):
                record.problems.append((f"xbrl.{'4.7.3.2' if name == 'segment' else '4.7.4'}:{name}XbrliElement",
                                        f"{name} holds an xbrli element"))
            elif tag in dts.concepts and dts.concepts[tag].kind in ("item", "tuple"):
                record.problems.append((f"xbrl.{'4.7.3.2' if name == 'segment' else '4.7.4'}:{name}ItemOrTuple",
                                        f"{name} holds an item or tuple ({tag})"))
            content.append(_canonical(child))
    if name == "segment":
        record.seg_other = bool(content)
    else:
        record.scen_other = bool(content)
    return tuple(content)


def _typed_value(member: etree._Element, dim: str, dts: Dts, record: Context) -> tuple:
    """("t", element, value key) of a typed member of dimension `dim`; the value is keyed by its domain type."""
    kids = [c for c in member if isinstance(c.tag, str)]
    if len(kids) != 1:
        return ("t", None, len(kids))
    el = kids[0]
    info = dts.concepts.get(dim) if dim else None
    base = info.typed_domain[1] if info is not None and info.typed_domain else "other"
    text = el.text or ""
    if any(isinstance(c.tag, str) for c in el):
        return ("t", el.tag, _canonical(el))
    if base not in ("string", "other") and not lexical.valid(text, base):
        record.problems.append(("xmlSchema:valueError", f"typed value {lexical.collapse(text)!r} of "
                                f"{el.tag} is not a valid {base}"))
    return ("t", el.tag, lexical.value_key(text, base))


def _context(el: etree._Element, dts: Dts, scope=_nsmap) -> tuple[Context, Hashable]:
    record = Context(el.get("id"), el.sourceline)
    ident = period = None
    segment = scenario = None
    for child in el:
        tag = child.tag
        if tag == _ENTITY:
            for c in child:
                tag = c.tag
                if tag == _IDENT:
                    ident = c
                elif tag == _SEGMENT:
                    segment = c
        elif tag == _PERIOD:
            period = child
        elif tag == _SCENARIO:
            scenario = child
    if ident is None:
        record.problems.append(("xmlSchema:elementOccurrencesError", "has no entity identifier"))
        entity = None
    else:
        if ident.get("scheme") is None:
            record.problems.append(("xmlSchema:attributesRequired", "entity identifier has no scheme"))
        entity = (lexical.collapse(ident.get("scheme", "")), lexical.collapse(ident.text or ""))
    record.kind, pkey, record.shown, problems = _period(period)
    if problems:
        record.problems.extend(problems)
    if segment is None and scenario is None:
        return record, (entity, pkey, (), _NO_CONTENT)
    other = (_container(segment, "segment", dts.has_xdt, dts, record, scope),
             _container(scenario, "scenario", dts.has_xdt, dts, record, scope))
    dims = [*record.segment.items(), *record.scenario.items()]
    return record, (entity, pkey, tuple(sorted(dims, key=repr) if len(dims) > 1 else dims), other)


_NO_CONTENT: tuple = ((), ())


def _unit(el: etree._Element) -> Unit:
    record = Unit(el.get("id"), el.sourceline)
    divide = el.find(f"{{{XBRLI}}}divide")

    def measures(parent: etree._Element | None, where: str) -> tuple[str, ...]:
        found = [] if parent is None else [m for m in parent if m.tag == _MEASURE]
        if not found:
            record.problems.append(("xmlSchema:elementOccurrencesError", f"{where} has no measure"))
        names = []
        for m in found:
            q = _qn(m.nsmap, m.text)
            if q is None:
                record.problems.append(("xmlSchema:valueError", f"measure {lexical.collapse(m.text or '')!r} is not a "
                                        "QName with a declared prefix"))
                record.unresolved = True
                q = f"?{lexical.collapse(m.text or '')}"
            names.append(q)
        return tuple(sorted(names))

    if divide is None:
        record.measures = (measures(el, "unit"), ())
    else:
        num = divide.find(f"{{{XBRLI}}}unitNumerator")
        den = divide.find(f"{{{XBRLI}}}unitDenominator")
        record.measures = (measures(num, "unitNumerator"), measures(den, "unitDenominator"))
        record.divide = True
    return record


_REFS = (f"{{{LINK}}}schemaRef", f"{{{LINK}}}linkbaseRef", f"{{{LINK}}}roleRef", f"{{{LINK}}}arcroleRef")
_LINK_NS = f"{{{LINK}}}"


def read_xml(src: Input, loader: DtsLoader) -> Report:
    try:
        return _read_xml(src, loader, src.shown)
    except etree.XMLSyntaxError as exc:
        raise xmlsafe.syntax_error(src.shown, exc) from None
    except OSError as exc:
        raise InputError(src.shown, f"cannot read: {exc.strerror or exc}", code="IOerror") from None


def _dts_refs(src: Input, shown: str) -> tuple[etree._Element, list[str]]:
    """The root element and the schemaRef/linkbaseRef URLs, which XBRL 2.1 puts first."""
    base, refs, root = src.base, [], None
    for _, el in xmlsafe.iterparse(src.stream(), events=("start",)):
        if root is None:
            root = el
            xmlsafe.refuse_entities(root, shown)
            continue
        if el.getparent() is root:
            if el.tag not in _REFS:
                break
            if el.tag in _REFS[:2]:
                refs.append(urldefrag(urljoin(base, el.get(f"{{{XLINK}}}href", "")))[0])
    if root is None or root.tag != f"{{{XBRLI}}}xbrl":
        raise InputError(shown, f"not an XBRL instance (root element {getattr(root, 'tag', None)})",
                         getattr(root, "sourceline", None), code="xbrl:notAnInstance")
    if not refs:
        raise InputError(shown, "no link:schemaRef: the instance has no DTS", root.sourceline,
                         code="xbrl:schemaImportMissing")
    return root, refs


_CHUNK = 1 << 18  # bytes fed to the parser at a time: a few thousand facts
PURE_PYTHON = "IIJ_XBRL_PURE_PYTHON"  # set (to anything but "" or "0"): read without the compiled core


def compiled_core():
    """The compiled per-fact loop (_factscan.c), or None: not built here, or IIJ_XBRL_PURE_PYTHON is set."""
    if os.environ.get(PURE_PYTHON, "0") not in ("", "0"):
        return None
    try:
        from . import _factscan
    except ImportError:
        return None
    return _factscan


def _parsed(src: Input, shown: str) -> Iterator[tuple[etree._Element, bool]]:
    """The root after each chunk of the document is parsed, and whether the document is complete.

    The document is fed to a pull parser a chunk at a time; after each chunk the root's children but the last
    (which may still be open) are complete. The caller reads and deletes them, so memory stays bounded whatever
    the size, and no event or proxy object is made for what lies inside contexts, units and tuples.
    """
    parser = xmlsafe.pull_parser(tag=f"{{{XBRLI}}}xbrl")
    root = None
    for chunk in src.chunks(_CHUNK):
        parser.feed(chunk)
        if root is None:
            for _, root in parser.read_events():
                xmlsafe.refuse_entities(root, shown)
            if root is None:
                continue
        yield root, False
    parser.close()
    if root is not None:
        yield root, True


def _read_xml(src: Input, loader: DtsLoader, shown: str) -> Report:
    first, refs = _dts_refs(src, shown)
    dts = loader.load(refs)
    core = compiled_core()
    if core is not None:
        core.release_memory()  # the taxonomy's parsed documents
    concepts = dts.concepts
    numeric = {q: c for q, c in concepts.items() if c.base in _NUMERIC_ITEM and c.kind == "item" and not c.abstract}
    problems = Problems()
    table = FactTable(problems)
    checks = FactChecks(dts, problems)
    contexts: dict[str, tuple[int, str]] = {}  # id -> (class, the id string shared by all its facts)
    units: dict[str, tuple[int, str]] = {}
    pending: list[tuple] = []  # facts read before their context or unit
    facts = 0
    add = table.add
    other = checks.other_fact
    scope = _nsmap if core is None else core.Scope

    def element(el: etree._Element) -> None:
        """One child of the root, in document order: what the compiled core hands over, every child without it."""
        nonlocal facts
        tag = el.tag
        concept = numeric.get(tag)
        if concept is not None:  # the common case first
            facts += 1
            get = el.get
            cid, uid, text, dec_attr = get("contextRef"), get("unitRef"), el.text, get("decimals")
            if len(el):
                text = checks.mixed_content(el, concept)
            if text is None or dec_attr is None or len(el.attrib) != 3:  # nil, id, precision, no unitRef…
                fid, nil, prec_attr = get("id"), get(XSI_NIL), get("precision")
                if fid is not None:
                    checks.fact_id(fid, el.sourceline)
                if nil is not None or text is None:
                    text = checks.nil(concept, nil, text, cid, el.sourceline)
            else:
                prec_attr = fid = None  # three attributes: contextRef, unitRef, decimals
            ctx, unit = contexts.get(cid), units.get(uid)
            if ctx is not None and unit is not None:
                add(concept, ctx, unit, text, dec_attr, prec_attr, el.sourceline, fid)
            elif cid is None or uid is None:
                if prec_attr is None and dec_attr is not None and len(el.attrib) == 3:  # the fast path skipped these
                    if get("id") is not None:
                        checks.fact_id(get("id"), el.sourceline)
                    checks.nil(concept, get(XSI_NIL), text, cid, el.sourceline)
                checks.missing_refs(concept, cid, uid, el.sourceline)
            else:
                pending.append((concept, cid, uid, text, dec_attr, prec_attr, el.sourceline, fid))
        elif tag == _CONTEXT:
            record, key = _context(el, dts, scope)
            checks.context(record)
            record.cls = table.context(key, record.shown)
            cid = record.id
            if cid is not None:
                contexts[cid] = (record.cls, cid)
        elif tag == _UNIT:
            record = _unit(el)
            checks.unit(record)
            record.cls = table.unit(record.measures)
            if record.id is not None:
                units[record.id] = (record.cls, record.id)
        elif tag in concepts:
            facts += 1
            other(el, concepts[tag])
        elif isinstance(tag, str) and not tag.startswith(_LINK_NS):
            checks.unknown_element(el)
        # else a linkbase element, a comment or a processing instruction

    if core is None:
        for root, final in _parsed(src, shown):
            batch = root[:] if final else root[:-1]
            for el in batch:
                element(el)
            del root[:len(batch)]
    else:
        scanner = core.Scanner(numeric, frozenset(q for q, c in numeric.items() if c.base in _PLAIN), contexts,
                               units, checks.ids, table._accuracy, table.groups, Fact, add, element)
        for root, final in _parsed(src, shown):
            del root[:scanner.scan(root, final)]
        facts += scanner.facts
        core.release_memory()  # the instance's parsed chunks, before the calculation check allocates
    for concept, cid, uid, text, dec_attr, prec_attr, line, fid in pending:
        ctx, unit = contexts.get(cid), units.get(uid)
        if ctx is None or unit is None:
            checks.missing_refs(concept, cid if ctx is None else "", uid if unit is None else "", line,
                                defined=False)
            continue
        add(concept, ctx, unit, text, dec_attr, prec_attr, line, fid)
    counts = {"facts": facts, "contexts": len(checks.contexts), "units": len(checks.units)}
    report = table.report(shown, dts, {ns: p for p, ns in first.nsmap.items() if p}, counts)
    checks.after(report)
    return report


_NUMERIC_ITEM = frozenset(("decimal", "float", "double", "fraction") + tuple(lexical.INT_BOUNDS))


def read(path: Path, loader: DtsLoader, shown: str | None = None) -> Report:
    """The one report at `path`, in any format the validator reads (formats.py); `shown` names it in messages."""
    from .formats import reports

    found = reports(path, loader, shown)
    if len(found) != 1:
        raise InputError(shown or str(path), f"holds {len(found)} reports, not one", code="rpe:multipleReports")
    return found[0]
