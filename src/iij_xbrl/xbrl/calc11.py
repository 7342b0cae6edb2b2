"""XBRL Calculations 1.1 (REC 2023-02-22), round-to-nearest and truncation, as Arelle 2.47.3 applies it.

For every network (arcrole x link role x link/arc element) and every summation concept S,
a binding (s-equal context, equal unit) is checked when S and at least one contributing
concept have facts there. Duplicates collapse to the intersection of their intervals;
nil-only sets drop out; excess digits and inconsistent duplicates block the binding and are
reported once. The reported interval of S must meet the sum of the weighted item intervals.

Arithmetic is exact: every value and bound is an integer scaled by one power of ten per
report, so no Decimal context (and no rounding of the sums) is involved in the hot path. The intervals
and their sums and meets are `intervals`' functions, which the IIJ rules call on Decimals.
Observable differences from Arelle are listed in KNOWN_DIFFERENCES.
"""
from __future__ import annotations

from decimal import Context, Decimal, DivisionByZero, InvalidOperation, ROUND_HALF_EVEN, ROUND_HALF_UP, localcontext
from .decimals import EXACT as _EXACT, plain, to_int
from .dts import SUMMATION_ITEM_11
from .findings import Finding, Source
from .instance import Fact, Report
from .intervals import intersection, is_empty, meets, point, rounded, text, truncated, weighted, weighted_sum

_ARELLE = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero])
_ONE = Decimal(1)
_QUOTIENT_LIMIT = 10 ** 28  # Arelle's divmod fails (and skips the check) beyond 28 quotient digits

KNOWN_DIFFERENCES = (
    "Arelle does interval arithmetic in a 28-digit Decimal context; we are exact. Values or sums needing more "
    "than 28 significant digits (e.g. 1E+20 with decimals 10) can round differently at an interval boundary.",
    "Arelle reports an inconsistent duplicate or excess-digits set once per binding and network that meets it; "
    "we report each fact set once.",
    "Arelle keeps only the first of several duplicates with equal decimals (100 and 102 at decimals 0 pass as 100). "
    "We match that, and say so: such sets get an info finding iij:equalDecimalsDuplicateIgnored.",
    "Range bounds in messages are printed in plain decimal notation, not Arelle's Decimal repr (666 vs 666.0).",
    "Decimals are inferred from precision exactly, not through a floating log10 as Arelle does (see "
    "validity.KNOWN_DIFFERENCES for the validity checks).",
)

NIL = "nil"
BLOCKED = "blocked"


def insignificant_digits(value: Decimal, decimals: int) -> tuple[Decimal, Decimal] | None:
    """(significant part, |insignificant part|) when `value` has digits beyond `decimals`, else None.

    Same limits as Arelle: decimals <= -28 and quotients beyond 28 digits are not checked.
    """
    if not value.is_normal() or decimals <= -28:
        return None
    with localcontext(_ARELLE):
        divisor = _ONE.scaleb(-decimals) if decimals > 0 else _ONE.scaleb(-decimals).quantize(_ONE, ROUND_HALF_UP)
        try:
            quotient, insignificant = divmod(value, divisor)
        except InvalidOperation:
            return None
        if insignificant:
            return quotient * divisor, abs(insignificant)
    return None


class Checker:
    def __init__(self, report: Report, truncate: bool = False):
        self.report = report
        self.truncate = truncate
        self.scale = report.scale
        self.by_concept = report.groups
        self._intervals: dict[str, dict[int, object]] = {}  # filled as bindings need them
        self._powers: dict[int, int] = {}
        self.findings: list[Finding] = []

    # -- fact sets -----------------------------------------------------------------------------

    def _scaled(self, value: Decimal | int) -> int:
        # scale 0 means every value is integral: int() is exact and much cheaper than scaleb
        if value.__class__ is int:
            return value * self._pow10(self.scale) if self.scale else value
        return to_int(value.scaleb(self.scale, _EXACT)) if self.scale else to_int(value)

    def _pow10(self, n: int) -> int:
        p = self._powers.get(n)
        if p is None:
            p = self._powers[n] = 10 ** n
        return p

    def _excess(self, v: int, d: int | str) -> bool:
        """Digits beyond `d` in the scaled value `v`, within Arelle's limits (see insignificant_digits)."""
        if not isinstance(d, int) or d <= -28:
            return False
        q, r = divmod(abs(v), self._powers.get(self.scale - d) or self._pow10(self.scale - d))
        return r != 0 and q < _QUOTIENT_LIMIT

    def _intervals_at(self, concept: str, keys: set[int]) -> dict[int, object]:
        """Intervals of the fact sets of `concept` at those of `keys` where it has facts, each computed once.

        One call per concept and network, not per fact set: single facts, the common case, are done inline
        (what _scaled, _excess and _interval's range do for one fact); duplicates and nils go through _interval.
        """
        ivs = self._intervals.setdefault(concept, {})
        sets = self.by_concept.get(concept)
        if not sets:
            return ivs
        scale, powers, truncate = self.scale, self._powers, self.truncate
        for key in keys:
            if key in ivs:
                continue
            facts = sets.get(key)
            if facts is None:
                continue
            f = facts[0]
            d = f.decimals
            if len(facts) > 1 or f.value is None:
                ivs[key] = self._interval(facts)
                continue
            v = f.value
            if v.__class__ is not int:
                v = to_int(v.scaleb(scale, _EXACT)) if scale else to_int(v)
            elif scale:
                v *= powers.get(scale) or self._pow10(scale)
            if d.__class__ is not int:
                ivs[key] = point(v)
                continue
            step = powers.get(scale - d) or self._pow10(scale - d)
            if d > -28 and v % step and abs(v) // step < _QUOTIENT_LIMIT:
                ivs[key] = self._blocked("excess", facts, facts)
            elif truncate:
                ivs[key] = truncated(v, step)
            else:
                ivs[key] = rounded(v, step // 2)
        return ivs

    def _interval(self, facts: list[Fact]):
        if any(f.value is None for f in facts):
            if all(f.value is None for f in facts):
                return NIL
            return self._blocked("duplicates", facts)
        seen_decimals: dict[int | str, Decimal | int] = {}
        excess, ignored, ranges = [], [], []
        scale, powers, pow10 = self.scale, self._powers, self._pow10
        for f in facts:
            v = self._scaled(f.value)
            d = f.decimals
            if self._excess(v, d):
                excess.append(f)
            elif d in seen_decimals:
                # Arelle keeps the first value per decimals and never compares the others.
                if f.value != seen_decimals[d]:
                    ignored.append(f)
            else:
                seen_decimals[d] = f.value
                if not isinstance(d, int):  # the fact's range: exact, rounded or truncated at `d`
                    ranges.append(point(v))
                elif not self.truncate:
                    ranges.append(rounded(v, 5 * (powers.get(scale - d - 1) or pow10(scale - d - 1))))
                else:
                    ranges.append(truncated(v, powers.get(scale - d) or pow10(scale - d)))
        if excess:
            return self._blocked("excess", facts, excess)
        common = intersection(ranges)
        if is_empty(common):
            return self._blocked("duplicates", facts)
        if ignored:
            self._add("iij:equalDecimalsDuplicateIgnored", "info", facts,
                      "duplicates with equal decimals but different values; only the first is used (as Arelle does)")
        return common

    def _blocked(self, why: str, facts: list[Fact], excess: list[Fact] | None = None) -> str:
        if why == "excess":
            self._add("calc11e:excessDigits", "error", facts,
                      "Calculations check stopped for excess digits in fact values: "
                      + ", ".join(plain(f.value) for f in excess))
        else:
            rule = "calc11e:disallowedDuplicateFactsUsingTruncation" if self.truncate else "oime:disallowedDuplicateFacts"
            self._add(rule, "error", facts, "Calculations check stopped for duplicate fact values: "
                      + ", ".join("nil" if f.value is None else plain(f.value) for f in facts))
        return BLOCKED

    # -- findings ------------------------------------------------------------------------------

    def _name(self, clark: str) -> str:
        ns, _, local = clark[1:].partition("}")
        prefix = self.report.prefixes.get(ns)
        return f"{prefix}:{local}" if prefix else local

    def _sources(self, facts: list[Fact]) -> list[Source]:
        return [Source(document=self.report.path, line=f.line) for f in facts]

    def _add(self, rule: str, severity: str, facts: list[Fact], message: str, concepts: list[str] | None = None,
             values: dict[str, str] | None = None) -> None:
        first = facts[0]
        concepts = concepts or [self._name(first.concept)]
        self.findings.append(Finding(
            rule=rule, severity=severity, filing=self.report.path, concepts=concepts,
            message=f"{concepts[0]}: {message} (context {first.context_id}, unit {first.unit_id})",
            period=self.report.periods.get(first.context), values=values or {}, sources=self._sources(facts),
            facts=[f.id for f in facts if f.id]))

    def _relationship_error(self, rule: str, message: str, rel, concepts: list[str]) -> None:
        self.findings.append(Finding(rule=rule, severity="error", message=message, filing=self.report.path,
                                           concepts=concepts, sources=[{"document": rel.document, "line": rel.line}]))

    # -- networks ------------------------------------------------------------------------------

    def run(self) -> list[Finding]:
        dts = self.report.dts
        for nkey in sorted(dts.networks):
            arcrole, elr = nkey[0], nkey[1]
            by_sum: dict[str, list] = {}
            for rel in dts.networks[nkey]:
                by_sum.setdefault(rel.source, []).append(rel)
            for total, rels in by_sum.items():
                self._check_total(total, rels, elr, arcrole)
        return self.findings

    def _check_total(self, total: str, rels: list, elr: str, arcrole: str) -> None:
        concepts = self.report.dts.concepts
        total_info = concepts.get(total)
        if total_info is None:
            return
        total_sets = self.by_concept.get(total, {})
        seen: dict[str, object] = {}
        items, bound = [], set()
        for rel in rels:
            info = concepts.get(rel.target)
            if info is None:
                continue
            if rel.target in seen:
                names = [self._name(total), self._name(rel.target)]
                self._relationship_error("calc11e:duplicateCalculationRelationships",
                                         f"Duplicate summation-item relationships from {names[0]} to {names[1]} "
                                         f"in link role {elr}", rel, names)
            seen[rel.target] = rel
            if not (total_info.is_decimal and info.is_decimal):
                names = [self._name(total), self._name(rel.target)]
                self._relationship_error("calc11e:nonDecimalItemNode",
                                         f"The source and target of a Calculations v1.1 relationship MUST both be "
                                         f"decimal concepts: {names[0]}, {names[1]}, link role {elr}", rel, names)
            items.append(rel)
            item_sets = self.by_concept.get(rel.target)
            if item_sets and len(bound) < len(total_sets):  # usually the first item already binds every total
                bound |= total_sets.keys() & item_sets.keys()
        if not bound:
            return
        wscale = max(0, max(-r.weight.as_tuple().exponent for r in items))
        terms = [(r.target, self.by_concept.get(r.target, {}), self._intervals_at(r.target, bound),
                  int(r.weight.scaleb(wscale, _EXACT))) for r in items]
        totals = self._intervals_at(total, bound)
        factor = 10 ** wscale
        for key in bound:  # the hot loop: one pass per binding, findings built only on failure
            sv = totals[key]
            if sv is BLOCKED or sv is NIL:
                continue
            contributing = []
            for _, _, ivs, w in terms:
                iv = ivs.get(key)
                if iv is BLOCKED:
                    break
                if iv is not None and iv is not NIL:
                    contributing.append((iv, w))
            else:
                if not contributing:
                    continue
                computed = weighted_sum(contributing)
                reported = weighted(sv, factor) if factor != 1 else sv
                if not meets(reported, computed):
                    self._inconsistent(total, key, terms, reported, computed, wscale, elr, arcrole)

    def _inconsistent(self, total: str, key: int, terms: list, reported_iv: tuple, computed_iv: tuple,
                      wscale: int, elr: str, arcrole: str) -> None:
        scale = self.scale + wscale
        reported, computed = text(reported_iv, scale), text(computed_iv, scale)
        item_facts = [f for _, sets, ivs, _ in terms for f in sets.get(key, ())
                      if ivs[key] is not NIL and ivs[key] is not BLOCKED]
        mode = "Truncation" if self.truncate else "Rounding"
        names = [self._name(total)] + sorted({self._name(f.concept) for f in item_facts})
        self._add(f"calc11e:inconsistentCalculationUsing{mode}", "error", self.by_concept[total][key] + item_facts,
                  f"Calculation inconsistent in link role {elr} reported sum {reported} computed sum {computed}",
                  concepts=names,
                  values={"reported": reported, "computed": computed, "linkrole": elr,
                          "arcrole": "2023" if arcrole == SUMMATION_ITEM_11 else "2003"})


def check(report: Report, truncate: bool = False) -> list[Finding]:
    return Checker(report, truncate).run()
