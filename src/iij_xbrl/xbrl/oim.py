"""xBRL-JSON 1.0 reader: strict JSON, the OIM structure and dimension rules, then the common fact table.

Python's json module is lenient where xBRL-JSON is not: it reads NaN and Infinity, keeps the last of
duplicate keys, and turns long digit strings into ints (raising past 4,300 digits). Here constants, floats
and long integers become markers that the structure check rejects or bounds, duplicate keys are an error,
and nesting beyond the interpreter's recursion limit is refused with an error instead of a traceback.
Structure errors (`xbrlje:invalidJSONStructure`) stop the report before anything is loaded, as Arelle
does; fact-level OIM errors drop that fact and let the others be validated.
"""
from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Hashable
from urllib.parse import urldefrag, urljoin

from . import lexical
from .dts import XBRLI, Dts, DtsLoader
from .errors import InputError
from .inputs import Input
from .instance import INF, PURE, FactTable, Report
from .validity import Context, FactChecks, Problems, Unit

DOCUMENT_TYPES = ("https://xbrl.org/2021/xbrl-json",)
_SMALL_INT = 18  # digits: longer JSON integers are kept as text, never converted (no int-string limit)
_PERIOD = re.compile(r"-?[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
                     r"(?:Z|[+-][0-9]{2}:[0-9]{2})?")
_SQNAME = re.compile(r"([^\s:]+):(\S+)")
_INFO_KEYS = frozenset(("documentType", "features", "namespaces", "linkTypes", "linkGroups", "taxonomy", "baseURL"))
_FACT_KEYS = frozenset(("value", "decimals", "dimensions", "links"))
_CORE = frozenset(("concept", "entity", "period", "unit", "language", "noteId"))


class _Number:
    """A JSON number that is not a small integer (float, exponent, NaN, Infinity, long integer), kept as text."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text if len(self.text) < 40 else f"{self.text[:20]}…({len(self.text):,} characters)"


class _Duplicate(Exception):
    pass


def _object(pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise _Duplicate(key)
    return obj


def _int(text: str) -> int | _Number:
    return int(text) if len(text.lstrip("-")) <= _SMALL_INT else _Number(text)


def load(data: bytes, shown: str, code: str = "xbrlje:invalidJSON") -> object:
    """Strict JSON (see the module's docstring); InputError with `code` when it is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(shown, f"not UTF-8 at byte {exc.start}", code=code) from None
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_int, parse_float=_Number,
                          parse_constant=_Number)
    except _Duplicate as exc:
        raise InputError(shown, f"key {str(exc)[:60]!r} appears twice in one object", code=code) from None
    except json.JSONDecodeError as exc:
        raise InputError(shown, f"not JSON: {exc.msg}", exc.lineno, code=code) from None
    except RecursionError:
        raise InputError(shown, "refused: JSON nested too deeply", code=code) from None


def _structure(doc: object) -> list[str]:
    """Where the document departs from the xBRL-JSON structure (JSON pointers with what is wrong)."""
    bad: list[str] = []
    if not isinstance(doc, dict):
        return ["/: not an object"]
    for key in doc:
        if key not in ("documentInfo", "facts") and ":" not in key:
            bad.append(f"/{key}: unexpected member")
    info = doc.get("documentInfo")
    if not isinstance(info, dict):
        return bad + ["/documentInfo: missing or not an object"]
    for key, value in info.items():
        if key not in _INFO_KEYS and ":" not in key:
            bad.append(f"/documentInfo/{key}: unexpected member")
    bad += info_problems(info)
    facts = doc.get("facts", {})
    if not isinstance(facts, dict):
        return bad + ["/facts: not an object"]
    for fid, fact in facts.items():
        where = f"/facts/{fid[:40]}"
        if not isinstance(fact, dict):
            bad.append(f"{where}: not an object")
            continue
        for key in fact:
            if key not in _FACT_KEYS and ":" not in key:
                bad.append(f"{where}/{key[:40]}: unexpected member")
        if "value" in fact and fact["value"] is not None and not isinstance(fact["value"], str):
            bad.append(f"{where}/value: {fact['value']!r:.40} is not a string or null")
        if "decimals" in fact and fact["decimals"].__class__ is not int and not _long_integer(fact["decimals"]):
            bad.append(f"{where}/decimals: {fact['decimals']!r:.40} is not an integer")
        dims = fact.get("dimensions")
        if not isinstance(dims, dict):
            bad.append(f"{where}/dimensions: missing or not an object")
        else:
            for key, value in dims.items():
                if not isinstance(value, str):
                    bad.append(f"{where}/dimensions/{key[:40]}: {value!r:.40} is not a string")
    return bad


def info_problems(info: dict) -> list[str]:
    """Where documentInfo's namespaces and taxonomy depart from their JSON types (xBRL-JSON and xBRL-CSV alike)."""
    bad = []
    ns = info.get("namespaces", {})
    if not isinstance(ns, dict) or not all(isinstance(v, str) for v in ns.values()):
        bad.append("/documentInfo/namespaces: not an object of strings")
    tax = info.get("taxonomy", [])
    if not isinstance(tax, list) or not all(isinstance(v, str) for v in tax):
        bad.append("/documentInfo/taxonomy: not an array of strings")
    return bad


def load_taxonomy(src: Input, loader: DtsLoader, info: dict) -> Dts:
    """The DTS of documentInfo.taxonomy, relative URLs resolved against the report's."""
    return loader.load([urldefrag(urljoin(src.base, t))[0] for t in info.get("taxonomy", [])])


def _long_integer(value: object) -> bool:
    return isinstance(value, _Number) and re.fullmatch(r"-?[0-9]+", value.text) is not None


def _decimals(value: int | _Number) -> int:
    """A JSON integer as decimals; beyond 18 digits only its sign matters (instance.FactTable bounds it)."""
    if value.__class__ is int:
        return value
    return -10**18 if value.text.startswith("-") else 10**18


def document_type(doc: object) -> object:
    info = doc.get("documentInfo") if isinstance(doc, dict) else None
    return info.get("documentType") if isinstance(info, dict) else None


def read_json(src: Input, loader: DtsLoader, doc: object) -> Report:
    """The xBRL-JSON report `doc` (as `load` returned it) read from `src`."""
    shown = src.shown
    if not isinstance(doc, dict) or not isinstance(doc.get("documentInfo"), dict) \
            or doc["documentInfo"].get("documentType") not in DOCUMENT_TYPES:
        raise InputError(shown, "not an xBRL-JSON report (documentInfo.documentType is not "
                         f"{DOCUMENT_TYPES[0]})", code="oimce:unsupportedDocumentType")
    bad = _structure(doc)
    if bad:
        raise InputError(shown, "; ".join(bad[:3]) + (f" (and {len(bad) - 3} more)" if len(bad) > 3 else ""),
                         code="xbrlje:invalidJSONStructure")
    info = doc["documentInfo"]
    return FactReader(shown, load_taxonomy(src, loader, info), info.get("namespaces", {})).read(doc.get("facts", {}))


class FactReader:
    """OIM facts (xBRL-JSON's, or xBRL-CSV's turned into the same form) into the fact table."""

    def __init__(self, shown: str, dts: Dts, namespaces: dict[str, str], codes: str = "xbrlje"):
        self.shown, self.dts, self.ns = shown, dts, namespaces
        self.codes = codes  # the syntax's error-code prefix: xbrlje (xBRL-JSON) or xbrlce (xBRL-CSV)
        self.problems = Problems()
        self.table = FactTable(self.problems)
        self.checks = FactChecks(dts, self.problems)
        self.contexts: dict[Hashable, Context] = {}
        self.units: dict[Hashable, Unit] = {}
        elements = {a.context_element for a in dts.dimension_arcs if a.arcrole in ("all", "notAll")}
        self.container = elements.pop() if len(elements) == 1 else "scenario"  # xbrl-xml §… as Arelle

    def clark(self, sqname: str, fid: str, what: str) -> str | None:
        m = _SQNAME.fullmatch(sqname)
        if m is None:
            self.problems.add("oimce:invalidSQName", None, f"fact {fid}: {what} {sqname[:40]!r} is not a prefixed name")
            return None
        if m.group(1) not in self.ns:
            self.problems.add("oimce:unboundPrefix", None, f"fact {fid}: prefix {m.group(1)!r} of {what} is not "
                              "declared in documentInfo.namespaces")
            return None
        return f"{{{self.ns[m.group(1)]}}}{m.group(2)}"

    def read(self, facts: dict) -> Report:
        numeric = 0
        for fid, fact in facts.items():
            numeric += self._fact(fid, fact)
        counts = {"facts": len(facts), "contexts": len(self.contexts), "units": len(self.units)}
        report = self.table.report(self.shown, self.dts, {v: k for k, v in self.ns.items()}, counts)
        self.checks.after(report)
        return report

    def _fact(self, fid: str, fact: dict) -> int:
        dims = dict(fact["dimensions"])
        concept_name = dims.pop("concept", None)
        if concept_name is None:
            self.problems.add("oime:missingConceptDimension", None, f"fact {fid}: no concept")
            return 0
        name = self.clark(concept_name, fid, "concept")
        if name is None:
            return 0
        concept = self.dts.concepts.get(name)
        if concept is None or concept.kind != "item":
            self.problems.add("oime:unknownConcept", None, f"fact {fid}: {concept_name} is not an item of the DTS")
            return 0
        if concept.abstract:
            self.problems.add("oime:valueForAbstractConcept", None, f"fact {fid}: {concept_name} is abstract")
            return 0
        value = fact.get("value")
        decimals = fact.get("decimals")
        if decimals is not None and (value is None or not concept.is_numeric):
            self.problems.add("oime:misplacedDecimalsProperty", None, f"fact {fid}: decimals on a nil or "
                              "non-numeric fact")
        language = dims.pop("language", None)
        if language is not None and language != language.lower():
            self.problems.add(f"{self.codes}:invalidLanguageCodeCase", None, f"fact {fid}: language {language!r} must be "
                              "lower case")
        ctx = self._context(fid, concept, dims)
        if ctx is None:
            return 0
        unit_text = dims.pop("unit", None)
        if not concept.is_numeric:
            if unit_text is not None:
                self.problems.add("oime:misplacedUnitDimension", None, f"fact {fid}: a unit on a non-numeric fact")
            if value is not None and not lexical.valid_text(value, concept.base):
                self.problems.add("xmlSchema:valueError", None, f"fact {fid}: {value[:40]!r} is not a valid "
                                  f"{concept.base}")
                self.problems.add(f"{self.codes}:invalidFactValue", None, f"fact {fid}: invalid value")
            self.checks.other_facts += 1
            self.checks._deferred.append((concept, fid, None))
            return 0
        unit = self._unit(fid, unit_text)
        if unit is None:
            return 0
        if value is not None and lexical.numeric(lexical.collapse(value), concept.base) is None:
            self.problems.add(f"{self.codes}:invalidFactValue", None, f"fact {fid}: {value[:40]!r} is not a valid "
                              f"{concept.base}")
        dec = None if value is None else INF if decimals is None else _decimals(decimals)
        self.table.add(concept, (ctx.cls, fid), (unit.cls, unit_text or "xbrli:pure"), value, dec, None, None, fid)
        return 1

    def _context(self, fid: str, concept, dims: dict) -> Context | None:
        entity = dims.pop("entity", None)
        if entity is None:
            self.problems.add("oime:missingEntityDimension", None, f"fact {fid}: no entity")
            return None
        m = _SQNAME.fullmatch(entity)
        if m is None:  # Arelle loads nothing of the report then
            raise InputError(self.shown, f"fact {fid}: entity {entity[:40]!r} is not prefix:identifier",
                             code="oimce:invalidSQName")
        if m.group(1) not in self.ns:
            self.problems.add("oimce:unboundPrefix", None, f"fact {fid}: entity prefix {m.group(1)!r} is not declared")
            return None
        period = dims.pop("period", None)
        kind, pkey, shown = self._period(fid, concept, period)
        if kind is None:
            return None
        values: dict[str, tuple] = {}
        for dim_name, member in dims.items():
            if dim_name in _CORE:
                continue
            dim = self.clark(dim_name, fid, "dimension")
            if dim is None:
                return None
            info = self.dts.concepts.get(dim)
            if info is None or info.kind != "dimension":
                self.problems.add("oime:unknownDimension", None, f"fact {fid}: {dim_name} is not a dimension")
                return None
            if info.typed_domain is None:
                mem = self.clark(member, fid, "member")
                if mem is None:
                    return None
                if self.checks.dimensions is not None and self.checks.dimensions.defaults.get(dim) == mem:
                    self.problems.add("oime:invalidDimensionValue", None, f"fact {fid}: {member} is the default "
                                      f"of {dim_name} and must be left out; taken as left out")
                    continue
                values[dim] = ("e", mem)
            else:
                element, base = info.typed_domain
                if base not in ("string", "other") and not lexical.valid(member, base):
                    self.problems.add("xmlSchema:valueError", None, f"fact {fid}: {member[:40]!r} is not a valid "
                                      f"{base} for {dim_name}")
                    self.problems.add(f"{self.codes}:invalidDimensionValue", None, f"fact {fid}: invalid value of {dim_name}")
                    return None
                values[dim] = ("t", element, lexical.value_key(member, base))
        key = ((self.ns[m.group(1)], lexical.collapse(m.group(2))), pkey, tuple(sorted(values.items(), key=repr)),
               ((), ()))
        ctx = self.contexts.get(key)
        if ctx is None:
            ctx = self.contexts[key] = Context(fid, None, kind, shown)
            if self.container == "segment":
                ctx.segment = values
            else:
                ctx.scenario = values
            self.checks.context(ctx, with_id=False)
            ctx.cls = self.table.context(key, shown)
        self.checks.contexts[fid] = ctx
        return ctx

    def _period(self, fid: str, concept, period: str | None) -> tuple[str | None, Hashable, str]:
        if period is None:
            kind, pkey, shown = "forever", (None, None), "forever"
        else:
            parts = period.split("/")
            points = [lexical.period_point(p, False) if _PERIOD.fullmatch(p) else None for p in parts]
            if len(parts) > 2 or any(p is None for p in points):
                self.problems.add("oimce:invalidPeriodRepresentation", None, f"fact {fid}: period {period[:60]!r} "
                                  "is not a dateTime or dateTime/dateTime")
                return None, None, ""
            if len(points) == 1 or points[0] == points[1]:
                kind, pkey, shown = "instant", (None, points[-1]), _inclusive(parts[-1], True)
            else:
                kind, pkey = "duration", (points[0], points[1])
                shown = f"{_inclusive(parts[0], False)}..{_inclusive(parts[1], True)}"
                if lexical.before(points[0], points[1]) is False:
                    self.problems.add("xbrl.4.7.2:periodStartBeforeEnd", None, f"fact {fid}: period {period} ends "
                                      "before it starts")
        if concept.period_type == "instant" and kind == "forever":
            self.problems.add("oime:missingPeriodDimension", None, f"fact {fid}: an instant fact needs a period")
            return None, None, ""
        if (concept.period_type == "instant") != (kind == "instant") and kind != "forever":
            self.problems.add("oime:invalidPeriodDimension", None, f"fact {fid}: period {period} does not suit a "
                              f"{concept.period_type} concept")
            return None, None, ""
        return kind, pkey, shown

    def _unit(self, fid: str, text: str | None) -> Unit | None:
        if text == "xbrli:pure" or (text and self.ns.get(text.partition(":")[0]) == XBRLI
                                    and text.partition(":")[2] == "pure"):
            self.problems.add("oime:illegalPureUnit", None, f"fact {fid}: xbrli:pure is written by leaving unit out")
            return None
        unit = self.units.get(text)
        if unit is None:
            if text is None:
                measures = PURE
            else:
                num, _, den = text.partition("/")
                try:
                    measures = (self._measures(num, fid), self._measures(den, fid) if den else ())
                except ValueError:
                    self.problems.add("oimce:invalidUnitStringRepresentation", None, f"fact {fid}: unit {text[:60]!r}")
                    return None
                if None in measures[0] + measures[1]:
                    return None
            unit = self.units[text] = Unit(text or "xbrli:pure", None, measures)
            self.checks.unit(unit, with_id=False)
            unit.cls = self.table.unit(measures)
        return unit

    def _measures(self, text: str, fid: str) -> tuple:
        inner = text[1:-1] if text.startswith("(") and text.endswith(")") else text
        names = inner.split("*")
        if not all(_SQNAME.fullmatch(n) for n in names):
            raise ValueError(text)
        found = [self.clark(n, fid, "unit measure") for n in names]
        return (None,) if None in found else tuple(sorted(found))


def _inclusive(text: str, end: bool) -> str:
    """An OIM period bound as XML would print it: T00:00:00 dropped, and an end at midnight is the day before."""
    if not text.endswith("T00:00:00"):
        return text
    day = lexical.parse_date(text[:-9])
    if day is None:
        return text
    return (day[0] - timedelta(days=1) if end else day[0]).isoformat()
