"""Inline XBRL 1.1 reader: one XHTML document or a document set, into the common fact table.

The target document is not built: facts go straight into instance.FactTable and validity.FactChecks,
so everything the XML reader checks is checked here the same way. What is Inline XBRL's own: the
references and resources in ix:header (contexts and units read by the XML reader's functions), the value
of ix:nonFraction (its text through the `format` transformation, times 10^scale, negated by sign="-"),
ix:nonNumeric (ix:exclude left out, continuations appended), and the ix11.* errors as Arelle prints them.
A document set is read as one report: resources and continuations may sit in any of its documents.
"""
from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from urllib.parse import urldefrag, urljoin

from lxml import etree

from . import lexical, transforms, xmlsafe
from .dts import LINK, XLINK, DtsLoader
from .errors import InputError
from .inputs import Input
from .instance import _CONTEXT, _NUMERIC_ITEM, _UNIT, XSI_NIL, FactTable, Report, _context, _unit
from .validity import FactChecks, Problems

IX = "http://www.xbrl.org/2013/inlineXBRL"
_IX = f"{{{IX}}}"
_HEADER, _REFERENCES, _RESOURCES = f"{_IX}header", f"{_IX}references", f"{_IX}resources"
_NON_FRACTION, _NON_NUMERIC, _FRACTION, _TUPLE = f"{_IX}nonFraction", f"{_IX}nonNumeric", f"{_IX}fraction", \
    f"{_IX}tuple"
_CONTINUATION, _EXCLUDE, _FOOTNOTE = f"{_IX}continuation", f"{_IX}exclude", f"{_IX}footnote"
_TEXT_HOLDERS = (_NON_NUMERIC, _CONTINUATION, _FOOTNOTE)
_REFS = (f"{{{LINK}}}schemaRef", f"{{{LINK}}}linkbaseRef")
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)  # scaling is exact, never rounded
_ONE = Decimal(1)
_FRACTIONAL = frozenset(("decimal", "float", "double"))


def read_inline(srcs: list[Input], loader: DtsLoader) -> Report:
    """One report from the documents of an inline XBRL document set (usually one)."""
    shown = srcs[0].shown
    docs = [(src, _parse(src)) for src in srcs]
    problems = Problems()
    refs: list[str] = []
    headers = 0
    for src, root in docs:
        for header in root.iter(_HEADER):
            headers += 1
            for refs_el in header.iter(_REFERENCES):
                refs.extend(urldefrag(urljoin(src.base, el.get(f"{{{XLINK}}}href", "")))[0]
                            for el in refs_el if el.tag in _REFS)
    if not headers:
        raise InputError(shown, "no ix:header: not an inline XBRL document", code="ix11.8.1.3:missingHeader")
    if not refs:
        raise InputError(shown, "no link:schemaRef in ix:references: the report has no DTS",
                         code="ix11.12.1.2:missingReferences")
    reader = _Reader(shown, loader.load(refs), problems)
    for _, root in docs:
        reader.resources(root)
    for _, root in docs:
        reader.continuations(root)
    for _, root in docs:
        reader.facts(root)
    reader.unreferenced()
    prefixes = {ns: p for p, ns in docs[0][1].nsmap.items() if p}
    report = reader.table.report(shown, reader.dts, prefixes, reader.counts())
    reader.checks.after(report)
    return report


def _parse(src: Input) -> etree._Element:
    try:
        return xmlsafe.parse_bytes(src.bytes(), src.shown)
    except InputError as exc:
        if exc.code == "xmlSchema:syntax" and exc.message.startswith("not well-formed"):
            raise InputError(src.shown, f"not well-formed XHTML: inline XBRL must be XML "
                             f"({exc.message.removeprefix('not well-formed XML: ')})", exc.line, code=exc.code) from None
        raise


class _Reader:
    def __init__(self, shown: str, dts, problems: Problems):
        self.shown, self.dts, self.problems = shown, dts, problems
        self.table = FactTable(problems)
        self.checks = FactChecks(dts, problems)
        self.numeric = {q for q, c in dts.concepts.items() if c.base in _NUMERIC_ITEM and c.kind == "item"}
        self.contexts: dict[str, tuple[int, str]] = {}
        self.units: dict[str, tuple[int, str]] = {}
        self.continued: dict[str, etree._Element] = {}
        self.referenced: set[str] = set()
        self.n_facts = 0

    def counts(self) -> dict[str, int]:
        return {"facts": self.n_facts, "contexts": len(self.checks.contexts), "units": len(self.checks.units)}

    def resources(self, root: etree._Element) -> None:
        for res in root.iter(_RESOURCES):
            for el in res:
                if el.tag == _CONTEXT:
                    record, key = _context(el, self.dts)
                    self.checks.context(record)
                    record.cls = self.table.context(key, record.shown)
                    if record.id is not None:
                        self.contexts[record.id] = (record.cls, record.id)
                elif el.tag == _UNIT:
                    record = _unit(el)
                    self.checks.unit(record)
                    record.cls = self.table.unit(record.measures)
                    if record.id is not None:
                        self.units[record.id] = (record.cls, record.id)

    def continuations(self, root: etree._Element) -> None:
        for el in root.iter(_CONTINUATION):
            cid = el.get("id")
            if cid is None:
                self.problems.add("xmlSchema:attributesRequired", el.sourceline, "ix:continuation has no id")
            elif cid in self.continued:
                self.problems.add("xml.3.3.1:idMustBeUnique", el.sourceline, f"id {cid!r} is used again")
            else:
                self.continued[cid] = el
        for el in root.iter(_EXCLUDE):
            if not any(a.tag in _TEXT_HOLDERS for a in el.iterancestors()):
                self.problems.add("ix11.5.1.1:excludeMisplaced", el.sourceline, "ix:exclude outside ix:nonNumeric, "
                                  "ix:continuation and ix:footnote")

    def facts(self, root: etree._Element) -> None:
        for el in root.iter(_NON_FRACTION, _NON_NUMERIC, _FRACTION, _TUPLE):
            self.n_facts += 1
            if el.get("id") is not None:
                self.checks.fact_id(el.get("id"), el.sourceline)
            if el.tag == _TUPLE:  # its content is not read (README); what it names must still be a tuple
                name = _qname(el, el.get("name"))
                found = self.dts.concepts.get(name) if name else None
                if found is None or found.kind != "tuple":
                    self._undeclared(el, found, "a tuple", "xmlSchema:valueError")
                continue
            concept = self._concept(el)
            if el.tag == _NON_FRACTION:
                self._non_fraction(el, concept)
            elif el.tag == _NON_NUMERIC:
                self._non_numeric(el, concept)
            elif concept is not None:  # ix:fraction: numerator/denominator, never calculated
                self.checks.other_facts += 1
                self.checks._deferred.append((concept, el.get("contextRef"), el.sourceline))

    def _concept(self, el: etree._Element):
        name = _qname(el, el.get("name"))
        concept = self.dts.concepts.get(name) if name else None
        if concept is None or concept.kind != "item":
            self._undeclared(el, concept, "an item", "xmlSchema:elementUnexpected")
            return None
        if concept.abstract:
            self.problems.add("xmlSchema:abstractElement", el.sourceline, f"{el.get('name')} is abstract: it "
                              "cannot be a fact")
            return None
        return concept

    def _undeclared(self, el: etree._Element, concept, kind: str, wrong_kind: str) -> None:
        # Arelle's codes: a name the DTS does not declare; a declared concept of another kind (a schema error)
        code = "ix11.12.1.2:missingReferences" if concept is None else wrong_kind
        self.problems.add(code, el.sourceline, f"{etree.QName(el).localname} names {el.get('name')!r}, which is "
                          f"not {kind} of the DTS")

    def _refs(self, el: etree._Element, concept, numeric: bool) -> tuple | None:
        cid, uid = el.get("contextRef"), el.get("unitRef")
        ctx = self.contexts.get(cid)
        unit = self.units.get(uid) if numeric else None
        if ctx is None:
            self.problems.add("ix11.10.1.2:contextReference", el.sourceline, f"{concept.qname}: contextRef "
                              f"{cid!r} is not a context of ix:resources")
        if numeric and unit is None:
            self.problems.add("ix11.10.1.2:unitReference", el.sourceline, f"{concept.qname}: unitRef {uid!r} is "
                              "not a unit of ix:resources")
        if ctx is None or numeric and unit is None:
            self.checks.missing_refs(concept, cid if ctx is None else "", uid if numeric and unit is None else "",
                                     el.sourceline, defined=False)
            return None
        return ctx, unit

    def _non_fraction(self, el: etree._Element, concept) -> None:
        line = el.sourceline
        if concept is None:
            return
        if concept.qname not in self.numeric:
            self.problems.add("xmlSchema:valueError", line, f"ix:nonFraction for {concept.qname}, which is not "
                              "numeric")
            return
        for child in el:
            if isinstance(child.tag, str) and child.tag != _NON_FRACTION:
                self.problems.add("ix11.10.1.2:nonFractionChildren", line, f"{concept.qname}: element "
                                  f"{etree.QName(child).localname} inside ix:nonFraction")
                break
        text = self.checks.nil(concept, el.get(XSI_NIL), "".join(el.itertext()), el.get("contextRef"), line)
        if text is not None:
            text = self._value(el, concept, text)
            if text is None:
                self.table.dropped += 1
                return
        found = self._refs(el, concept, True)
        if found is not None:
            self.table.add(concept, found[0], found[1], text, el.get("decimals"), el.get("precision"), line,
                           el.get("id"))

    def _value(self, el: etree._Element, concept, text: str) -> str | None:
        """The fact's lexical value from its displayed text; None (reported) when there is none."""
        line = el.sourceline
        fmt = el.get("format")
        if fmt is not None:
            text = self._transform(el, fmt, text, "ixt:nonNegativeDecimalType")
            if text is None:
                return None
        scale, sign = el.get("scale"), el.get("sign")
        if sign is not None and sign != "-":
            self.problems.add("lxml.SCHEMAV_CVC_PATTERN_VALID", line, f"{concept.qname}: sign {sign[:20]!r} is not "
                              "'-'; ignored")
            sign = None
        if scale is not None and not lexical.INTEGER_RE.fullmatch(lexical.collapse(scale)):
            self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: scale {scale[:20]!r} is not an "
                              "integer; the fact is left out")
            return None
        if scale is None and sign is None:
            return text
        value = lexical.numeric(lexical.collapse(text), "decimal")
        if value is None or not value.is_finite():
            return text  # the fact table reports it
        with localcontext(_EXACT):
            if scale is not None:
                scale = lexical.collapse(scale)
                # int() refuses 4,300 digits, leading zeros included: a scale that long is beyond the limit anyway
                digits = scale.lstrip("+-").lstrip("0")
                shift = (-1 if scale[0] == "-" else 1) * int(digits or "0") if len(digits) <= 18 else None
                if shift is None or abs(shift) > 1000:
                    self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: scale "
                                      f"{shift if shift is not None else scale[:20] + '…'} is beyond what this "
                                      "validator reads; the fact is left out")
                    return None
                value = value.scaleb(shift)
            if sign == "-":
                value = -value
            # as Arelle: an integral result drops its fraction zeros unless the text wrote ".0" for a decimal type
            if value == value.to_integral_value() and (".0" not in text or concept.base not in _FRACTIONAL):
                value = value.quantize(_ONE)
            return format(value, "f")

    def _transform(self, el: etree._Element, fmt: str, text: str, what: str) -> str | None:
        line = el.sourceline
        prefix, _, local = lexical.collapse(fmt).rpartition(":")
        namespace = el.nsmap.get(prefix or None)
        found = transforms.lookup(namespace, local) if namespace else "unknown"
        if found == "not implemented":
            self.problems.add("ixt:notImplemented", line, f"format {fmt} is in the Transformation Registry but not "
                              "implemented by this validator: the value cannot be judged")
            return None
        if isinstance(found, str):
            self.problems.add("ix11.10.1.2:invalidTransformation", line, f"format {fmt} is not a transformation "
                              f"of the registry version its namespace names ({namespace})")
            return None
        try:
            return found(text)
        except transforms.TransformError:
            self.problems.add("ix11.10.1.1:transformValueError", line, f"{el.get('name')}: {text[:40]!r} is not "
                              f"in the lexical space of {fmt} ({what}); the fact is left out")
            return None

    def _non_numeric(self, el: etree._Element, concept) -> None:
        line = el.sourceline
        text = _text(el) + self._continued(el)
        if concept is None:
            return
        self.checks.other_facts += 1
        text = self.checks.nil(concept, el.get(XSI_NIL), text, el.get("contextRef"), line)
        if text is not None and el.get("format") is not None:
            text = self._transform(el, el.get("format"), text, concept.base)
        if text is not None and concept.base not in lexical.STRING_TYPES and concept.base != "other" \
                and not lexical.valid_text(text, concept.base):
            self.problems.add("xmlSchema:valueError", line, f"{concept.qname}: value {lexical.collapse(text)[:40]!r} "
                              f"is not a valid {concept.base}")
        if self._refs(el, concept, False) is not None:
            self.checks._deferred.append((concept, el.get("contextRef"), line))

    def _continued(self, el: etree._Element) -> str:
        parts, seen = [], {id(el)}
        at = el.get("continuedAt")
        while at is not None:
            nxt = self.continued.get(at)
            if nxt is None:
                self.problems.add("ix11.11.1.2:continuationMissing", el.sourceline, f"continuedAt {at!r}: no "
                                  "ix:continuation has that id")
                break
            if id(nxt) in seen or at in self.referenced:
                self.problems.add("ix11.4.1.2:continuationCycle" if id(nxt) in seen else
                                  "ix11.4.1.2:continuationReferences", nxt.sourceline,
                                  f"ix:continuation {at!r} is reached twice")
                break
            seen.add(id(nxt))
            self.referenced.add(at)
            parts.append(_text(nxt))
            at = nxt.get("continuedAt")
        return "".join(parts)

    def unreferenced(self) -> None:
        for cid, el in self.continued.items():
            if cid not in self.referenced:
                self.problems.add("ix11.4.1.2:continuationNotReferenced", el.sourceline, f"ix:continuation {cid!r} "
                                  "continues no fact")


def _text(el: etree._Element) -> str:
    """The text of an ix text holder without its ix:exclude parts (nested elements' text included); a walk
    with its own stack, not a recursion, as XHTML may nest deeper than Python's recursion limit."""
    parts = [el.text or ""]
    stack = [(el, iter(el))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:
                parts.append(node.tail or "")
        elif isinstance(child.tag, str) and child.tag != _EXCLUDE:
            parts.append(child.text or "")
            stack.append((child, iter(child)))
        else:  # ix:exclude, a comment, a processing instruction: only what follows it counts
            parts.append(child.tail or "")
    return "".join(parts)


def _qname(el: etree._Element, text: str | None) -> str | None:
    if not text:
        return None
    prefix, _, local = lexical.collapse(text).rpartition(":")
    ns = el.nsmap.get(prefix or None)
    return f"{{{ns}}}{local}" if ns else None

