"""XBRL 2.1 validity of what a reader read, reported with the specification's error codes (as Arelle prints them).

Readers hand over contexts, units and facts; the checks here are done once per context, once per unit,
once per distinct decimals/precision attribute, and once per (concept, binding) for period types and unit
types, so that the per-fact cost stays a few dictionary lookups. Codes: `xbrl.<section>:<name>` for
XBRL 2.1, `xmlSchema:*` where an XML Schema processor would object, `xml.3.3.1:idMustBeUnique`, and the
`xbrldie:` dimension codes (dimensions.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter
from typing import TYPE_CHECKING, Iterator

from lxml import etree

from . import lexical
from .dimensions import Dimensions
from .dts import XBRLI, ConceptInfo, Dts

if TYPE_CHECKING:
    from .instance import Report

ISO4217 = "http://www.xbrl.org/2003/iso4217"
_PURE, _SHARES = f"{{{XBRLI}}}pure", f"{{{XBRLI}}}shares"
_CURRENCY = re.compile(r"[A-Z]{3}")
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
INF, NAN = "INF", "NAN"
_RAW_DECIMALS = re.compile(r"-?[0-9]+|INF")
_LIMIT = 1000  # reports of one code beyond this are counted, not listed
_CONTEXT_ID = attrgetter("context_id")  # of an instance.Fact, read from every fact at C speed


# Where our verdict or codes differ from Arelle 2.47.3's on purpose: the specification is on our side, or
# Arelle fails. tests/test_validate_corpus.py names the corpus cases that show each one.
KNOWN_DIFFERENCES = {
    "huge-decimals": "decimals or precision of 20+ digits (99999999999999999999) is a valid xs:integer; Arelle "
                     "stops with exception:InvalidOperation or exception:Overflow, we validate (such accuracy is "
                     "bounded to what can change a comparison, instance.FactTable._clamp).",
    "mixed-time-zones": "a startDate without and an endDate with a time zone: XML Schema orders them (only values "
                        "within 14 hours are indeterminate); Arelle cannot compare naive and aware datetimes and "
                        "reports xbrl.4.7.2:contextDateError.",
    "not-an-instance": "a well-formed document whose root is not xbrli:xbrl is refused (exit 2); Arelle loads it as "
                       "an unknown document and reports nothing.",
    "json-decimals-string": "xBRL-JSON decimals written as a string (\"0\") are xbrlje:invalidJSONStructure: the "
                            "specification wants a JSON number; Arelle accepts a canonical integer string.",
    "json-nesting": "xBRL-JSON nested beyond the interpreter's recursion limit is xbrlje:invalidJSON; Arelle fails "
                    "with arelleOIMloader:error (a RecursionError).",
    "precision": "decimals are inferred from precision exactly (precision - 1 - floor(log10 |value|) on the "
                 "Decimal); Arelle uses a floating log10, which can be one off for values just below a power of ten.",
    "xsd-whitespace": "decimals=' -3 ', xsi:nil=' true ': XML Schema collapses whitespace, so these are valid; "
                      "we follow Arelle in reporting xbrl.4.6.5:decimals (raw text) but take the value, and for "
                      "xsi:nil report xmlSchema:valueError and still treat the fact as nil.",
}


class Problems:
    """Validity errors in reading order: (code, line, message)."""

    __slots__ = ("items", "counts")

    def __init__(self) -> None:
        self.items: list[tuple[str, int | None, str]] = []
        self.counts: dict[str, int] = {}

    def add(self, code: str, line: int | None, message: str) -> None:
        n = self.counts.get(code, 0) + 1
        self.counts[code] = n
        if n <= _LIMIT:
            self.items.append((code, line, message))

    def __iter__(self) -> Iterator[tuple[str, int | None, str]]:
        return iter(self.items)

    def __len__(self) -> int:
        return sum(self.counts.values())

    def omitted(self) -> dict[str, int]:
        return {code: n - _LIMIT for code, n in self.counts.items() if n > _LIMIT}


@dataclass(slots=True)
class Context:
    """A context as read, in the form the checks need (any syntax)."""

    id: str | None
    line: int | None
    kind: str | None = None  # "instant", "duration", "forever", "none" (no period); None: invalid period
    shown: str = ""
    cls: int = -1  # s-equal class
    segment: dict[str, tuple] = field(default_factory=dict)  # dimension -> ("e", member) | ("t", element, key)
    scenario: dict[str, tuple] = field(default_factory=dict)
    seg_other: bool = False  # non-dimensional content in the segment
    scen_other: bool = False
    repeated: list[str] = field(default_factory=list)  # dimensions given more than once
    undefined: list[tuple[str, tuple]] = field(default_factory=list)  # values of undeclared dimensions
    problems: list[tuple[str, str]] = field(default_factory=list)  # found while reading: (code, message)


@dataclass(slots=True)
class Unit:
    id: str | None
    line: int | None
    measures: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # Clark names; "?text" when unresolvable
    divide: bool = False
    unresolved: bool = False
    cls: int = -1
    problems: list[tuple[str, str]] = field(default_factory=list)


def _integer_attr(text: str) -> int | str | None:
    """xs:integer or INF after XML whitespace trimming; None when neither. Long digit strings stay cheap."""
    t = lexical.trim(text)
    if t == "INF":
        return INF
    if not lexical.INTEGER_RE.fullmatch(t):
        return None
    digits = t.lstrip("+-").lstrip("0")
    sign = -1 if t.startswith("-") else 1
    if len(digits) > 18:  # far beyond any scale that matters; instance.FactTable bounds it (no int-string limit)
        return sign * 10**18
    return sign * int(digits or "0")  # not int(t): int() counts leading zeros towards its 4,300-digit limit


def read_accuracy(decimals: str | int | None, precision: str | None) -> object:
    """Decimals of a numeric fact from its attributes: an int, INF or NAN when all is well, else a tuple
    (decimals, [(code, message)…], precision or None) that the fact table completes per fact."""
    if decimals.__class__ is int:  # xBRL-JSON, already checked
        return decimals
    problems: list[tuple[str, str]] = []
    if decimals is not None and precision is not None:
        problems.append(("xbrl.4.6.3:bothPrecisionAndDecimals", "has both precision and decimals"))
    if decimals is not None:
        d = _integer_attr(decimals)
        if d is None:
            problems += [("xmlSchema:valueError", f"decimals {decimals[:40]!r} is not an xs:integer or INF"),
                         ("xbrl.4.6.5:decimals", f"decimals {decimals[:40]!r} is invalid; counted as exact")]
            return (NAN, problems, None)
        if not _RAW_DECIMALS.fullmatch(decimals):  # Arelle matches the raw attribute against -?[0-9]+|INF
            problems.append(("xbrl.4.6.5:decimals", f"decimals {decimals[:40]!r} is not written as -?[0-9]+ or INF"))
        return (d, problems, None) if problems else d
    if precision is None:
        return (NAN, [("xbrl.4.6.3:missingPrecisionDecimals", "a numeric fact needs decimals or precision; "
                       "counted as exact")], None)
    p = _integer_attr(precision)
    if p is None or (p != INF and p < 0):
        return (NAN, problems + [("xmlSchema:valueError", f"precision {precision[:40]!r} is not a "
                                  "nonNegativeInteger or INF"),
                                 ("xbrl.4.6.4:precision", f"precision {precision[:40]!r} is invalid; "
                                  "counted as exact")], None)
    if p == INF:
        return (INF, problems, None) if problems else INF
    if p == 0:  # precision 0: no accuracy claimed, calculations take the value as it is
        return (NAN, problems, None) if problems else NAN
    return (NAN, problems, p)


class FactChecks:
    """Validity checks fed by a reader as it goes, completed by `after` once every fact is grouped."""

    def __init__(self, dts: Dts, problems: Problems):
        self.dts = dts
        self.problems = problems
        self.dimensions = Dimensions(dts) if dts.dimension_arcs else None
        self.contexts: dict[str, Context] = {}
        self.units: dict[str, Unit] = {}
        self.ids: dict[str, int | None] = {}
        self.other_facts = 0
        self._deferred: list[tuple[ConceptInfo, str | None, int | None]] = []  # non-numeric items: context later

    # -- contexts and units -------------------------------------------------------------------------------

    def _id(self, value: str | None, line: int | None, what: str) -> None:
        if value is None:
            self.problems.add("xmlSchema:attributesRequired", line, f"{what} has no id")
        elif value in self.ids:
            self.problems.add("xml.3.3.1:idMustBeUnique", line, f"id {value!r} is used again (first at line "
                              f"{self.ids[value]}); the last {what} of that id is used")
        else:
            self.ids[value] = line

    def fact_id(self, value: str, line: int | None) -> None:
        self._id(value, line, "fact")

    def context(self, ctx: Context, with_id: bool = True) -> None:
        if with_id:
            self._id(ctx.id, ctx.line, "context")
        for code, message in ctx.problems:
            self.problems.add(code, ctx.line, f"context {ctx.id}: {message}")
        if self.dimensions is not None or ctx.segment or ctx.scenario:
            Dimensions.check_context(self.dts, self.dimensions, ctx, self.problems)
        if ctx.id is not None:
            self.contexts[ctx.id] = ctx

    def unit(self, unit: Unit, with_id: bool = True) -> None:
        if with_id:
            self._id(unit.id, unit.line, "unit")
        for code, message in unit.problems:
            self.problems.add(code, unit.line, f"unit {unit.id}: {message}")
        num, den = unit.measures
        for m in num + den:
            if m.startswith(f"{{{XBRLI}}}") and m not in (_PURE, _SHARES):
                self.problems.add("xbrl.4.8.2:measureElement", unit.line, f"unit {unit.id}: illegal measure "
                                  f"{m} (xbrli measures are pure and shares only)")
        for m in sorted(set(num) & set(den)):
            self.problems.add("xbrl.4.8.4:measureBothNumDenom", unit.line, f"unit {unit.id}: measure {m} is in "
                              "both numerator and denominator")
        if unit.id is not None:
            self.units[unit.id] = unit

    # -- facts --------------------------------------------------------------------------------------------

    def nil(self, concept: ConceptInfo, nil: str | None, text: str | None, cid: str | None,
            line: int | None) -> str | None:
        """The fact's text, or None when it is nil; reports the nil rules."""
        if nil is None:
            return text or ""
        flag = lexical.BOOLEAN.get(nil)
        if flag is None:
            self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: xsi:nil {nil!r} is not a boolean "
                              f"(context {cid})")
            if lexical.trim(nil) in lexical.BOOLEAN:  # XML Schema trims booleans; Arelle does not
                flag = lexical.BOOLEAN[lexical.trim(nil)]
            else:
                return text or ""
        if not flag:
            return text or ""
        if text:
            self.problems.add("xmlSchema:nilElementHasContent", line, f"{concept.qname}: a nil fact has content "
                              f"{text[:40]!r} (context {cid}); taken as nil")
        if not concept.nillable:
            self.problems.add("xmlSchema:nilNonNillableElement", line, f"{concept.qname} is not nillable "
                              f"(context {cid})")
        return None

    def missing_refs(self, concept: ConceptInfo, cid: str | None, uid: str | None, line: int | None,
                     defined: bool = True) -> None:
        """A numeric item without (`defined`) or with an undefined context or unit: left out of calculations."""
        if cid is None or (not defined and cid):
            if cid is None:
                self.problems.add("xmlSchema:attributesRequired", line, f"{concept.qname}: no contextRef")
            self.problems.add("xbrl.4.6.1:itemContextRef", line, f"{concept.qname}: context {cid!r} is not "
                              "defined; left out of calculations")
        if uid is None or (not defined and uid):
            if uid is None:
                self.problems.add("xmlSchema:attributesRequired", line, f"{concept.qname}: no unitRef")
            self.problems.add("xbrl.4.6.2:numericUnit", line, f"{concept.qname}: a numeric fact needs a defined "
                              f"unit, not {uid!r} (context {cid}); left out of calculations")

    def unknown_element(self, el: etree._Element) -> None:
        """A top-level element that is no context, unit, linkbase element or concept of the DTS."""
        ns = etree.QName(el).namespace or ""
        self.problems.add("xmlSchema:elementUnexpected", el.sourceline, f"element {el.tag} is not declared in the "
                          "DTS as an item or tuple")
        if el.tag in self.dts.elements or ns.startswith(f"{{{XBRLI}}}"):
            return
        self.problems.add("xbrl:schemaImportMissing", el.sourceline, f"no concept {el.tag}: is its schema missing "
                          "from the DTS?")

    def mixed_content(self, el: etree._Element, concept: ConceptInfo) -> str:
        """A numeric item with child elements: reported; its string value is used, as Arelle does."""
        self.problems.add("xbrl.5.1.1:itemMixedContent", el.sourceline, f"{concept.qname} has child elements")
        self.problems.add("xmlSchema:elementUnexpected", el.sourceline, f"{concept.qname}: child element "
                          f"{el[0].tag} in a numeric value")
        return "".join(el.itertext())

    def other_fact(self, el: etree._Element, concept: ConceptInfo) -> None:
        """Every top-level fact the numeric path did not take: non-numeric items, tuples, abstract elements.
        None of them is calculated."""
        line = el.sourceline
        get = el.get
        if concept.kind != "item" and concept.kind != "tuple" or concept.abstract:
            self.problems.add("xmlSchema:abstractElement", line, f"{concept.qname} is abstract: it cannot be a fact")
            return
        self.other_facts += 1
        if get("id") is not None:
            self.fact_id(get("id"), line)
        if concept.kind == "tuple":
            return
        cid = get("contextRef")
        if cid is None:
            self.problems.add("xmlSchema:attributesRequired", line, f"{concept.qname}: no contextRef")
        self._deferred.append((concept, cid, line))
        dec, prec = get("decimals"), get("precision")
        if get("unitRef") is not None or dec is not None or prec is not None:
            self.problems.add("xmlSchema:attributesExtraneous", line, f"{concept.qname}: unitRef, decimals and "
                              "precision are for numeric facts only")
            if dec is not None or prec is not None:
                self.problems.add("xbrl.4.6.3:extraneousPrecisionDecimals", line, f"{concept.qname} is not numeric")
        text = self.nil(concept, get(_XSI_NIL), el.text, cid, line)
        if text is not None:
            if len(el):
                text = None if concept.base not in ("string", "other") else ""
                if text is None:
                    self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: child elements in a "
                                      f"{concept.base} value")
            if text is not None and not lexical.valid_text(text, concept.base):
                self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: value "
                                  f"{lexical.collapse(text)[:40]!r} is not a valid {concept.base}")

    # -- per binding, once everything is read --------------------------------------------------------------

    def after(self, report: Report) -> None:
        """Period types, unit types and dimensions of the grouped facts: per concept, the context and unit
        classes it uses are checked against the (few) classes that break a rule, not fact by fact."""
        misfits = {pt: {c.cls for c in self.contexts.values() if not _period_fits(pt, c.kind)}
                   for pt in ("instant", "duration")}
        units = {u.cls: u for u in self.units.values()}
        wrong_units = {rule: {cls: code for cls, u in units.items() if (code := self._unit_fits(rule, u))}
                       for rule in ("monetary", "shares")}
        dims = self.dimensions
        for name, sets in report.groups.items():
            concept = report.dts.concepts[name]
            bad_contexts = misfits.get(concept.period_type)
            if bad_contexts and not bad_contexts.isdisjoint({k & 0xFFFFFFFF for k in sets}):
                for key, facts in sets.items():
                    if key & 0xFFFFFFFF in bad_contexts:
                        for f in facts:
                            self._period_type(concept, f.context_id, f.line)
            bad_units = wrong_units.get(concept.unit_rule)
            if bad_units and not bad_units.keys().isdisjoint({k >> 32 for k in sets}):
                for key, facts in sets.items():
                    code = bad_units.get(key >> 32)
                    if code is not None:
                        for f in facts:
                            self.problems.add(code, f.line, f"{concept.qname}: unit {f.unit_id} does not suit a "
                                              f"{concept.unit_rule} concept (context {f.context_id})")
            cls = dims.cube_class(name) if dims is not None else None
            if cls is not None:
                verdicts = dims.verdicts(cls)
                invalid = set()  # the context ids its facts use that are not valid for its hypercubes
                for cid in set(map(_CONTEXT_ID, chain.from_iterable(sets.values()))):
                    ok = verdicts.get(cid)
                    if ok is None:
                        ctx = self.contexts.get(cid)
                        ok = ctx is None or dims.valid_in(cls, ctx)
                    if not ok:
                        invalid.add(cid)
                if invalid:
                    for facts in sets.values():
                        for f in facts:
                            if f.context_id in invalid:
                                self._dimensional(concept, f.context_id, f.line)
        for concept, cid, line in self._deferred:
            ctx = self.contexts.get(cid) if cid is not None else None
            if ctx is None:
                self.problems.add("xbrl.4.6.1:itemContextRef", line, f"{concept.qname}: context {cid!r} is not "
                                  "defined" if cid is not None else f"{concept.qname}: an item needs a context")
                continue
            if not _period_fits(concept.period_type, ctx.kind):
                self._period_type(concept, cid, line)
            if dims is not None and dims.has_cubes(concept.qname):
                self._dimensional(concept, cid, line)

    def _period_type(self, concept: ConceptInfo, cid: str, line: int | None) -> None:
        self.problems.add("xbrl.4.7.2:contextPeriodType", line, f"{concept.qname} has period type "
                          f"{concept.period_type}, context {cid} does not")

    def _dimensional(self, concept: ConceptInfo, cid: str, line: int | None) -> None:
        ctx = self.contexts.get(cid)
        if ctx is not None and not self.dimensions.valid(concept.qname, ctx):
            self.problems.add("xbrldie:PrimaryItemDimensionallyInvalidError", line,
                              f"{concept.qname}: context {cid} is not dimensionally valid for it")

    @staticmethod
    def _unit_fits(rule: str, unit: Unit | None) -> str | None:
        """None when `unit` suits a concept of `rule`, else the error code."""
        if unit is None:
            return None  # reported as numericUnit already
        num, den = unit.measures
        if len(num) != 1 or den or unit.unresolved:
            return f"xbrl.4.8.2:{rule}FactUnit-notSingleMeasure"
        if rule == "monetary":
            ns, _, local = num[0][1:].partition("}")
            ok = num[0].startswith("{") and ns == ISO4217 and _CURRENCY.fullmatch(local) is not None
            return None if ok else "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure"
        return None if num[0] == _SHARES else "xbrl.4.8.2:sharesFactUnit-notSharesMeasure"


def _period_fits(period_type: str | None, kind: str | None) -> bool:
    if period_type is None or kind is None:
        return True
    if period_type == "instant":
        return kind == "instant"
    return kind in ("duration", "forever")
