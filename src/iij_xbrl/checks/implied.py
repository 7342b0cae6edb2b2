"""Figures a filing implies without printing them, as intervals carried through rounding.

A rule judging a printed claim (a change, a margin, a caption's sign) compares it with the figures it describes;
those are often not printed but follow from others:
- a printed figure: its rounding interval (`tolerance.interval`: half a unit as XBRL rounds, one unit as IIJ's
  truncating and adjusting tables allow);
- a derived concept (a change, a margin, a ratio) from its base figures (`formula_of`);
- an amount from a printed margin and its base (operating income = 3.5% of revenues of 16.9 billion);
- a prior period from a printed change (1Q08 recurring revenue = 2Q08's / (1 + 2.5%), or 2Q08's less the printed
  change), and the current period from the prior one and the change;
- a quarter as the half year less the other quarter, a half year as its quarters, ...;
- a calculation's item as its total less the other items, a total as its items; an item nobody printed whose
  concept is never negative (`sign: positive`) bounds the others from one side (revenues of 16.9 billion less
  recurring revenues leave at most that much one-time revenue, whatever the ATM revenue was).
Every derivation that applies is intersected (the tightest reading); derivations that disagree are joined instead
(the checks on them report the disagreement): a verdict built on these intervals is an error only when no reading
within rounding makes the claim true. `without` leaves the judged facts out of every derivation, so a claim is
never judged against itself.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import Callable, NamedTuple, Optional

from iij_xbrl.model import Fact, Period
from iij_xbrl.publication import FilingFacts
from iij_xbrl.sources.calendar import fiscal_span, months, quarters, shift
from iij_xbrl.taxonomy import names
from iij_xbrl.taxonomy.source import Taxonomy

from .facts import SCENARIO, Dims, dims_of, with_member, without
from .tolerance import interval

INF = Decimal("Infinity")
Interval = tuple  # (lo, hi, True, True): closed, bounds may be infinite
MAX_DEPTH = 3


class Known(NamedTuple):
    strict: Interval  # as XBRL rounds every printed figure (half a unit)
    lenient: Interval  # as IIJ's tables allow (one unit either way)
    facts: tuple[Fact, ...]  # the printed facts it rests on


def _meet(a: Interval, b: Interval) -> Interval | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi, True, True) if lo <= hi else None


def add(terms: list[tuple[int, Interval]]) -> Interval:
    lo = hi = Decimal(0)
    for w, (a, b, _, _) in terms:
        a, b = (a, b) if w > 0 else (-b, -a)
        lo, hi = lo + a, hi + b  # -inf + inf never happens: a term is finite or bounded on one side only
    return lo, hi, True, True


def times(a: Interval, b: Interval) -> Interval | None:
    if not all(map(_finite, (a[0], a[1], b[0], b[1]))):
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        q = [x * y for x in a[:2] for y in b[:2]]
    return min(q), max(q), True, True


def divide(a: Interval, b: Interval) -> Interval | None:
    """a / b for a divisor that holds no zero; an unbounded dividend stays unbounded on its side. A divisor known
    only to be at most some positive figure (an amount never negative, bounded from above) bounds a dividend of
    one sign from one side: 3,546 / [0, 3,358] is at least 1.056."""
    if not _finite(b[1]) or b[1] <= 0 or b[0] < 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 40
        if b[0] == 0:
            if a[0] >= 0 and a[0].is_finite():
                return a[0] / b[1], INF, True, True
            if a[1] <= 0 and a[1].is_finite():
                return -INF, a[1] / b[1], True, True
            return None
        q = [x / y for x in a[:2] for y in b[:2]]
    return min(q), max(q), True, True


def _finite(x: Decimal) -> bool:
    return x.is_finite()


def _both(f: Callable[[Interval, Interval], Interval | None], a: Known, b: Known) -> Known | None:
    strict, lenient = f(a.strict, b.strict), f(a.lenient, b.lenient)
    return None if strict is None or lenient is None else Known(strict, lenient, a.facts + b.facts)


def minus(a: Known, b: Known) -> Known:
    return Known(add([(1, a.strict), (-1, b.strict)]), add([(1, a.lenient), (-1, b.lenient)]), a.facts + b.facts)


def plus(a: Known, b: Known) -> Known:
    return Known(add([(1, a.strict), (1, b.strict)]), add([(1, a.lenient), (1, b.lenient)]), a.facts + b.facts)


def _one(x: Decimal) -> Interval:
    return x, x, True, True


ONE = Known(_one(Decimal(1)), _one(Decimal(1)), ())


# ---- derived concepts: changes, margins, ratios (named after their base, see taxonomy/CHANGES.md) ----------

Formula = Callable[["Implied", Period, Dims, frozenset, int], Optional[Known]]


def _names(x: str) -> list[str]:
    return [x, x + "Loss"]


@lru_cache(maxsize=None)
def _prior(period: Period, months_back: int) -> Period | None:
    if months_back == 3 and period.start is not None and months(period) != 3:
        return None  # quarter-on-quarter only for quarters and balances
    return shift(period, -months_back)




def _change(base: str, back: int, kind: str) -> Formula:
    def run(v: Implied, p: Period, dims: Dims, out: frozenset, depth: int) -> Known | None:
        prior = _prior(p, back)
        if prior is None:
            return None
        now, then = v.get(base, p, dims, out, depth), v.get(base, prior, without(dims, SCENARIO), out, depth)
        if now is None or then is None:
            return None
        if kind == "-":
            return minus(now, then)
        if then.lenient[0] < 0 or then.lenient[1] <= 0:
            return None  # not a positive base: IIJ prints no rate there, and its sign convention would be a guess
        ratio = _both(divide, now, then)
        return None if ratio is None else minus(ratio, ONE)
    return run


def _increase(base: str) -> Formula:
    def run(v: Implied, p: Period, dims: Dims, out: frozenset, depth: int) -> Known | None:
        if p.start is None:
            return None
        end = v.get(base, Period(end=p.end), dims, out, depth)
        start = v.get(base, Period(end=p.start - timedelta(days=1)), dims, out, depth)
        return None if end is None or start is None else minus(end, start)
    return run


def _share(numerator: list[str], denominator: list[str]) -> Formula:
    def run(v: Implied, p: Period, dims: Dims, out: frozenset, depth: int) -> Known | None:
        top, base = v.first(numerator, p, dims, out, depth), v.first(denominator, p, dims, out, depth)
        if top is None or base is None or base.lenient[0] <= 0:
            return None
        return _both(divide, top, base)
    return run


def _to_target(x: str) -> Formula:
    def run(v: Implied, p: Period, dims: Dims, out: frozenset, depth: int) -> Known | None:
        target = (v.first(_names(x), p, with_member(dims, SCENARIO, names.REVISED_TARGET), out, depth)
                  or v.first(_names(x), p, with_member(dims, SCENARIO, names.INITIAL_TARGET), out, depth))
        actual = v.first(_names(x), p, dims, out, depth)
        if actual is None or target is None or target.lenient[0] <= 0:
            return None
        return _both(divide, actual, target)
    return run


_SUFFIXES: tuple[tuple[str, Callable[[str], Formula]], ...] = (
    # "Percentage…" before the plain change it ends with
    ("PercentageChangeFromPriorYear", lambda b: _change(b, 12, "/")),
    ("PercentageChangeFromPriorQuarter", lambda b: _change(b, 3, "/")),
    ("ChangeFromPriorYear", lambda b: _change(b, 12, "-")), ("ChangeFromPriorQuarter", lambda b: _change(b, 3, "-")),
    ("PeriodIncreaseDecrease", _increase),
    ("ToRevenuesRatio", lambda x: _share(_names(x), ["Revenues"])), ("ToTargetRatio", _to_target),
)
CHANGES = {"PercentageChangeFromPriorYear": (12, "/"), "PercentageChangeFromPriorQuarter": (3, "/"),
           "ChangeFromPriorYear": (12, "-"), "ChangeFromPriorQuarter": (3, "-")}


def formula_of(concept: str) -> Formula | None:
    """How a derived concept follows from its base figures, by its name; None for a base concept."""
    for suffix, make in _SUFFIXES:
        if concept.endswith(suffix) and len(concept) > len(suffix):
            return make(concept[: -len(suffix)])
    if concept == "ShareholdersEquityRatio":
        return _share(["ShareholdersEquityAttributableToParent"], ["Assets"])
    if concept.startswith("GrossMarginRatio"):
        line = concept[len("GrossMarginRatio"):]
        return _share(["GrossProfit" + line], [line + "Revenue" if line else "Revenues"])
    return None


_formula = lru_cache(maxsize=None)(formula_of)  # formulas are pure: one for each concept


def margin_of(concept: str) -> tuple[str, str]:
    """The "% of revenues" concept whose printing, times its base, gives `concept`, and that base."""
    if concept.startswith("GrossProfit"):
        line = concept[len("GrossProfit"):]
        return "GrossMarginRatio" + line, line + "Revenue" if line else "Revenues"
    return concept + "ToRevenuesRatio", "Revenues"


class _Change(NamedTuple):
    """A printed change with what `_from_changes` compares, worked out once."""
    fact: Fact
    id: int
    suffix: str
    kind: str
    dims: Dims
    base_dims: Dims  # without the scenario: the prior figure's
    period: Period
    key: tuple  # (start, end) of the period
    prior: Period | None
    prior_key: tuple | None
    step: Known


# ---- the resolver ----------------------------------------------------------------------------------------------

class Implied:
    """Intervals for the figures of one filing, printed or implied (see the module doc)."""

    def __init__(self, ff: FilingFacts, taxonomy: Taxonomy):
        self.by: dict[tuple, Fact] = {}  # (concept, (start, end), dims): keys of plain tuples hash fast
        self.changes: dict[str, list[_Change]] = defaultdict(list)  # base concept -> its printed changes
        for f in ff.facts:
            if f.value is None or f.unit == "shares":
                continue
            self.by.setdefault((f.concept, (f.period.start, f.period.end), dims_of(f)), f)
        by_suffix: dict[tuple, list[Fact]] = defaultdict(list)
        for f in ff.facts:
            if f.value is None:
                continue
            for suffix in CHANGES:
                if f.concept.endswith(suffix) and len(f.concept) > len(suffix):
                    by_suffix[(f.concept[: -len(suffix)], suffix)].append(f)
                    break
        self._known: dict[int, Known] = {}  # id of a printed fact -> its intervals
        self._flows: dict[str, bool] = {}  # concept -> whether `_from_periods` splits its periods
        self._leaves: dict[int, Known] = {}  # ... -> what `get` finds for it when nothing is derived
        for (base, suffix), changes in sorted(by_suffix.items(), key=lambda kv: list(CHANGES).index(kv[0][1])):
            back, kind = CHANGES[suffix]
            for f in changes:  # in CHANGES' order, then the filing's: the order derivations are found in
                dims, later = dims_of(f), f.period
                prior = _prior(later, back)
                self.changes[base].append(_Change(
                    f, id(f), suffix, kind, dims, without(dims, SCENARIO), later, (later.start, later.end), prior,
                    None if prior is None else (prior.start, prior.end), self._printed(f)))
        self.concepts = taxonomy.concepts
        self.printed_concepts = {key[0] for key in self.by}
        self.sums: dict[str, list[list[tuple[int, str]]]] = defaultdict(list)  # total -> its decompositions
        self.parts: dict[str, list[tuple[str, list[tuple[int, str]]]]] = defaultdict(list)  # item -> (total, items)
        seen = set()
        for arcs in taxonomy.calculations.values():
            by_total: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for arc in arcs:
                by_total[arc.total].append((arc.weight, arc.item))
            for total, items in by_total.items():
                key = (total, tuple(sorted(items)))
                if key in seen:
                    continue
                seen.add(key)
                self.sums[total].append(items)
                for _, item in items:
                    self.parts[item].append((total, items))
        self._memo: dict[tuple, tuple[Known | None, frozenset]] = {}  # key -> (found, ids of its facts)
        self.suspect: frozenset = frozenset()  # ids of printed claims the checks found contradicted: left out of
        # the figures other rules judge against (`ratios.check` sets them)

    def first(self, concepts: list[str], period: Period, dims: Dims, out: frozenset, depth: int) -> Known | None:
        for name in concepts:
            found = self.get(name, period, dims, out, depth)
            if found is not None:
                return found
        return None

    def get(self, concept: str, period: Period, dims: Dims, out: frozenset, depth: int = 0,
            derive: bool = True) -> Known | None:
        """The figure's interval from everything the filing prints but the facts in `out` (ids), or None.

        What is found without leaving anything out stands for any `out` its facts do not meet, so the judged
        claims share one memo; a derivation that comes back to the figure it is deriving finds nothing."""
        pk = (period.start, period.end)
        fact = self.by.get((concept, pk, dims))
        if not derive or depth >= MAX_DEPTH:  # nothing is derived: the printed figure or nothing (most lookups)
            return None if fact is None or id(fact) in out else self._leaf(concept, fact)
        if fact is not None and (fact.decimals is None or fact.decimals >= -3) and id(fact) not in out:
            return self._leaf(concept, fact)  # what `_resolve` finds for it, without the memo's keys
        key = (concept, pk, dims, depth, derive)
        found, used = self._find(key, concept, period, dims, depth, derive)
        if not out or found is None or used.isdisjoint(out):
            return found
        return self._find((key, out), concept, period, dims, depth, derive, out)[0]

    def _find(self, key: tuple, concept: str, period: Period, dims: Dims, depth: int, derive: bool,
              out: frozenset = frozenset()) -> tuple[Known | None, frozenset]:
        hit = self._memo.get(key)
        if hit is None:
            self._memo[key] = (None, frozenset())
            found = self._resolve(concept, period, dims, out, depth, derive)
            hit = self._memo[key] = (found, frozenset() if found is None else frozenset(map(id, found.facts)))
        return hit

    def _leaf(self, concept: str, fact: Fact) -> Known:
        """What `_resolve` finds for a printed figure it derives nothing for: its own intervals."""
        leaf = self._leaves.get(id(fact))
        if leaf is None:
            leaf = self._leaves[id(fact)] = self._bounded(concept, _tightest([self._printed(fact)]))
        return leaf

    def _resolve(self, concept: str, period: Period, dims: Dims, out: frozenset, depth: int,
                 derive: bool) -> Known | None:
        found: list[Known] = []
        fact = self.by.get((concept, (period.start, period.end), dims))
        if fact is not None and id(fact) not in out:
            found.append(self._printed(fact))
            if fact.decimals is None or fact.decimals >= -3:
                derive = False  # printed to the yen or the thousand: nothing implies it any closer
        if derive and depth < MAX_DEPTH:
            deeper = depth + 1
            formula = _formula(concept)
            if formula is not None:
                found.append(formula(self, period, dims, out, deeper))
            else:
                found += self._from_margin(concept, period, dims, out, deeper)
                found += self._from_changes(concept, period, dims, out, deeper)
                found += self._from_periods(concept, period, dims, out, deeper)
                found += self._from_sums(concept, period, dims, out, deeper)
        return self._bounded(concept, _tightest([k for k in found if k is not None]))

    def _bounded(self, concept: str, known: Known | None) -> Known | None:
        if known is not None and self._signs(concept) == "positive" and known.lenient[0] < 0:
            known = _never_negative(known)  # an amount of revenue, cost, an asset: not below zero
        return known

    def _from_margin(self, concept, period, dims, out, depth) -> list[Known | None]:
        ratio, base = margin_of(concept)
        if (ratio, (period.start, period.end), dims) not in self.by:
            return []
        share, revenues = self.get(ratio, period, dims, out, depth, derive=False), self.get(
            base, period, dims, out, depth)
        return [None if share is None or revenues is None else _both(times, share, revenues)]

    def _from_changes(self, concept, period, dims, out, depth) -> list[Known | None]:
        """The figure from a change printed for the period after it (prior) or for itself (current)."""
        found = []
        changes = self.changes.get(concept)
        if not changes:
            return found
        base_dims, pk = without(dims, SCENARIO), (period.start, period.end)
        for c in changes:
            if c.id in out or c.base_dims != base_dims:
                continue
            step = c.step
            if c.prior_key == pk and dims == base_dims:  # this figure is the change's base
                now = self.get(concept, c.period, c.dims, out | {c.id}, depth)
                if now is not None:
                    found.append(minus(now, step) if c.kind == "-" else _both(divide, now, plus(ONE, step)))
                if c.kind == "-":  # both the amount and the rate of the change printed: base = amount / rate
                    rate = self._twin(c, out)
                    if rate is not None:
                        found.append(_both(divide, step, rate))
            elif c.key == pk and c.dims == dims:  # this figure is the change's current figure
                then = None if c.prior is None else self.get(concept, c.prior, base_dims, out | {c.id}, depth)
                if then is not None:
                    found.append(plus(then, step) if c.kind == "-" else _both(times, then, plus(ONE, step)))
        return found

    def _twin(self, c: _Change, out: frozenset) -> Known | None:
        suffix = "Percentage" + c.suffix
        base = c.fact.concept[: -len(suffix) + len("Percentage")]
        twin = self.by.get((base + suffix, c.key, c.dims))
        if twin is None or id(twin) in out or not twin.value:
            return None
        return self._printed(twin)

    def _printed(self, fact: Fact) -> Known:
        known = self._known.get(id(fact))
        if known is None:
            known = self._known[id(fact)] = Known(interval(fact, False), interval(fact, True), (fact,))
        return known

    def _from_periods(self, concept, period, dims, out, depth) -> list[Known | None]:
        """A flow of a fiscal span from the spans it splits into or the span it is part of."""
        flow = self._flows.get(concept)
        if flow is None:
            c = self.concepts.get(concept)
            flow = self._flows[concept] = (concept in self.printed_concepts and c is not None
                                           and c.data_type == "monetary" and c.period_type == "duration")
        if not flow or period.start is None:
            return []
        found = []
        splits, parts = _spans_of(period)
        for a, b in splits:  # the period as two contiguous spans
            x = self.get(concept, a, dims, out, depth)
            y = None if x is None else self.get(concept, b, dims, out, depth)
            if y is not None:
                found.append(plus(x, y))
        for whole_span, rest in parts:  # the period as a span less the part of it that remains
            whole = self.get(concept, whole_span, dims, out, depth)
            other = None if whole is None else self.get(concept, rest, dims, out, depth)
            if other is not None:
                found.append(minus(whole, other))
        return found

    def _from_sums(self, concept, period, dims, out, depth) -> list[Known | None]:
        found = []
        for items in self.sums.get(concept, ()):  # a total from all its items
            terms = []
            for w, item in items:  # lookups are pure (memoised by depth): stop at the first item not known
                k = self.get(item, period, dims, out, depth)
                if k is None:
                    break
                terms.append((w, k))
            else:
                found.append(_weighted(terms))
        for total, items in self.parts.get(concept, ()):  # an item from its total and the other items
            whole = self.get(total, period, dims, out, depth)
            if whole is None:
                continue
            weight = next(w for w, item in items if item == concept)
            terms, bounded = [(1, whole)], True
            for w, item in items:
                if item == concept:
                    continue
                other = self.get(item, period, dims, out, depth)
                if other is None:
                    if self._signs(item) != "positive":
                        bounded = False
                        break
                    other = Known((Decimal(0), INF, True, True), (Decimal(0), INF, True, True), ())
                terms.append((-w, other))
            if bounded:
                solved = _weighted(terms)
                found.append(solved if weight > 0 else Known(_neg(solved.strict), _neg(solved.lenient), solved.facts))
        return found

    def _signs(self, concept: str) -> str | None:
        c = self.concepts.get(concept)
        return None if c is None else c.sign


_QUARTERS = {"1Q": (1, 1), "2Q": (2, 2), "3Q": (3, 3), "4Q": (4, 4), "1H": (1, 2), "2H": (3, 4), "9M": (1, 3),
             "FY": (1, 4)}
_SPANS: dict[tuple, tuple[list[tuple[Period, Period]], list[tuple[Period, Period]]]] = {}


def _spans_of(period: Period) -> tuple[list[tuple[Period, Period]], list[tuple[Period, Period]]]:
    """A duration's fiscal spans for `_from_periods`: the pairs it splits into, and the (whole, rest) pairs it
    is the whole less the rest of; none for a period that is no fiscal span. Worked out once a period."""
    pk = (period.start, period.end)
    spans = _SPANS.get(pk)
    if spans is None:
        splits: list[tuple[Period, Period]] = []
        parts: list[tuple[Period, Period]] = []
        year, span = fiscal_span(period)
        if span is not None:
            first, last = _QUARTERS[span]
            splits = [(quarters(year, first, split), quarters(year, split + 1, last)) for split in range(first, last)]
            for lo, hi in _QUARTERS.values():
                if (lo, hi) == (first, last) or not (lo <= first and last <= hi) or (lo != first and hi != last):
                    continue
                rest = quarters(year, last + 1, hi) if lo == first else quarters(year, lo, first - 1)
                parts.append((quarters(year, lo, hi), rest))
        spans = _SPANS[pk] = (splits, parts)
    return spans


def _never_negative(k: Known) -> Known | None:
    lenient = _meet(k.lenient, (Decimal(0), INF, True, True))
    if lenient is None:
        return k  # the derivations say negative: let the checks that meet it report that
    strict = _meet(k.strict, lenient) or lenient
    return Known(strict, lenient, k.facts)


def _neg(x: Interval) -> Interval:
    return -x[1], -x[0], True, True


def _weighted(terms: list[tuple[int, Known]]) -> Known:
    facts: tuple[Fact, ...] = ()
    for _, k in terms:
        facts += k.facts
    return Known(add([(w, k.strict) for w, k in terms]), add([(w, k.lenient) for w, k in terms]), facts)


def _tightest(found: list[Known]) -> Known | None:
    """The intersection of every derivation. Where they disagree beyond rounding, the intersection of the most
    that agree when they outnumber the rest (a figure one wrong print implies is outvoted), else their hull.
    Its facts are those of the derivations that set its bounds when all agree (leaving out any other fact changes
    nothing), else every derivation's."""
    if not found:
        return None
    agreeing = _agreeing(found)
    if len(agreeing) == len(found) or (len(agreeing) >= 2 and 2 * len(agreeing) > len(found)):
        lenient = agreeing[0].lenient
        for k in agreeing[1:]:
            lenient = _meet(lenient, k.lenient)
        strict = agreeing[0].strict
        for k in agreeing[1:]:
            strict = None if strict is None else _meet(strict, k.strict)
        strict = lenient if strict is None else _meet(strict, lenient) or lenient
        cited = (max(agreeing, key=lambda k: k.lenient[0]), min(agreeing, key=lambda k: k.lenient[1]))
    else:
        lenient = strict = (min(k.lenient[0] for k in found), max(k.lenient[1] for k in found), True, True)
        cited = ()
    if not (strict[0].is_finite() or strict[1].is_finite()):
        return None
    facts = tuple({id(f): f for k in (cited if len(agreeing) == len(found) else found) for f in k.facts}.values())
    return Known(strict, lenient, facts)


def _agreeing(found: list[Known]) -> list[Known]:
    """The largest set of derivations whose (lenient) intervals share a point."""
    best: list[Known] = []
    for point in sorted({k.lenient[0] for k in found}):
        here = [k for k in found if k.lenient[0] <= point <= k.lenient[1]]
        if len(here) > len(best):
            best = here
    return best
