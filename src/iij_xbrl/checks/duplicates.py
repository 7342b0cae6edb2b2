"""One figure printed more than once: within a filing (iij:duplicate), across filings (iij:restated), and figures
a stock split puts on another basis (iij:basis).

Within a filing, `sources.dedupe` keeps the most precise printing of each figure. Every other printing is judged
against it:
- a coarser printing that is the finer one rounded or truncated to its place (641,780 thousand printed 642 or 641
  million): nothing;
- a coarser printing that is neither is a *plug* when it makes a sum or a change of its own table foot exactly
  where the rounded figure would not (277 million for 278,206 thousand: the cost rows add to 20,939): info within
  one unit of its place, warning beyond (a plug larger than rounding misleads); a printing that repeats such a
  plug elsewhere (prose quoting the table) is info too;
- one that is the rounding of another line item's figure of the same period (1,334 million printed as IIJ's
  share of comprehensive income, which is 1,383,196 thousand; the total is 1,334,010) is that item's figure
  under a wrong label: error beyond one unit of its place, warning within;
- any other is not a rounding of the figure it repeats (2.3 billion for 2,246 million): error.
Printings of the same precision that differ (`dedupe.Conflict`): both within one unit of a common figure (1,315 vs
1,316, one the rounded difference and the other the difference of rounded balances): info; per-share amounts
whose ratio is IIJ's 1:200 stock split (effective 2012-10-01), or a total mixing pre- and post-split amounts of a
year that straddles the split: warning, the basis differs, not the figure; anything else: error.
Across filings, a filing printing a figure differently from the last filing released before it that printed
it (`publication.restatements`, the duplicate policy's test) is an info "restated"; a reprint is nothing.
The prints sources/filings.yaml lists as printed on the old or on a mixed basis after a split are warnings
(iij:basis): presentation that changes basis without saying so.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Iterable, Iterator

from iij_xbrl.model import Entity, Fact, Period
from iij_xbrl.taxonomy import names
from iij_xbrl.taxonomy.source import Taxonomy
from iij_xbrl.publication import FilingFacts, restatements
from iij_xbrl.sources.calendar import shift
from iij_xbrl.sources.dedupe import Conflict

from ..xbrl.findings import Finding
from .facts import dims_of, finding, unit_step, where
from ..xbrl.decimals import canonical as num

SPLIT_DATE, SPLIT_RATIO = date(2012, 10, 1), Decimal(200)  # doc 000 line 417: 1:200 split, effective 2012-10-01


def _within_iij(a: Fact, b: Fact) -> bool:
    return abs(a.value - b.value) < unit_step(a) + unit_step(b)


def _split_basis(a: Fact, b: Fact) -> str | None:
    """Why two per-share amounts of one period differ by the split, or None."""
    if a.unit != names.JPY_PER_SHARE or not a.value or not b.value or a.period.start is None:
        return None
    big, small = (a, b) if abs(a.value) > abs(b.value) else (b, a)
    if a.period.start >= SPLIT_DATE:
        return None
    if abs(big.value - small.value * SPLIT_RATIO) < unit_step(big) + unit_step(small) * SPLIT_RATIO:
        return (f"{where(big)} is on the pre-split basis, {where(small)} on the post-split basis "
                f"(1:{SPLIT_RATIO} stock split effective {SPLIT_DATE}); {num(small.value)} x {SPLIT_RATIO} = "
                f"{num(small.value * SPLIT_RATIO)}")
    if a.period.end >= SPLIT_DATE and small.value < big.value < small.value * SPLIT_RATIO:
        # big = 200 x (pre-split part, post-split basis) + the rest: solve for the pre-split part.
        pre = (big.value - small.value) / (SPLIT_RATIO - 1)
        return (f"{where(big)} adds pre-split and post-split amounts of a year straddling the 1:{SPLIT_RATIO} "
                f"split ({SPLIT_DATE}); read as {num(pre * SPLIT_RATIO)} pre-split + "
                f"{num(small.value - pre)} post-split, it matches {where(small)} "
                f"({num(pre)} + {num(small.value - pre)})")
    return None


def _conflict(ff: FilingFacts, c: Conflict, tables: _Tables) -> Finding:
    k, d = c.kept, c.dropped
    values = {"reported": num(d.value) if d.value is not None else "nil",
              "kept": num(k.value) if k.value is not None else "nil"}
    facts = [d, k]
    if k.value is not None and d.value is not None and _coarser(d, k):
        return _precision(ff, d, k, tables) or finding(  # a rounding or truncation can be no conflict
            "iij:duplicate", "info", ff, f"{k.concept} printed {where(d)}, a rounding of {where(k)}", facts,
            values=values)
    if k.value is not None and d.value is not None and _within_iij(k, d):
        return finding("iij:duplicate", "info", ff, f"{k.concept} printed {where(d)} and {where(k)}: one unit "
                       f"apart at the printed precision, a rounding/truncation artefact", facts, values=values)
    why = None if k.value is None or d.value is None else _split_basis(k, d)
    if why:
        return finding("iij:duplicate", "warning", ff, f"{k.concept}: {why}", facts, values=values)
    differ = "one is nil" if None in (k.value, d.value) else f"they differ by {num(abs(k.value - d.value))}"
    return finding("iij:duplicate", "error", ff, f"{k.concept} printed {where(d)} but {where(k)}: two "
                   f"printings of one figure, {differ}", facts, values=values)


def _coarser(coarse: Fact, fine: Fact) -> bool:
    return coarse.decimals is not None and (fine.decimals is None or fine.decimals > coarse.decimals)


def _rounded(value: Decimal, unit: Decimal, mode: str) -> Decimal:
    return (value / unit).quantize(Decimal(1), rounding=mode) * unit


def _roundings(fine: Fact, unit: Decimal) -> set[Decimal]:
    """What a coarser printing of `fine` may read when it rounds or truncates the figure itself, which lies
    anywhere within half a unit of fine's own place (1,316,000 thousand may be 1,315,999,600 yen: 1,315 million
    truncated)."""
    half = unit_step(fine) / 2
    return _rounded_or_truncated(fine.value - half, unit) | _rounded_or_truncated(fine.value + half, unit)


def _rounded_or_truncated(value: Decimal, unit: Decimal) -> set[Decimal]:
    return {_rounded(value, unit, ROUND_HALF_UP), _rounded(value, unit, ROUND_DOWN)}


def _precision(ff: FilingFacts, coarse: Fact, fine: Fact, tables: _Tables) -> Finding | None:
    """A coarser printing of a figure judged against the finer one (see the module doc); None when it is the
    finer figure rounded or truncated to its place."""
    unit = unit_step(coarse)
    if coarse.value in _roundings(fine, unit):
        return None
    apart = abs(coarse.value - fine.value) / unit
    values = {"reported": num(coarse.value), "kept": num(fine.value),
              "rounded": num(_rounded(fine.value, unit, ROUND_HALF_UP))}
    plug = tables.plug(coarse, fine)
    if plug is None:
        quoted = [p for p in tables.same_printing(coarse) if tables.plug(p, fine) is not None]
        if quoted:
            plug = tables.plug(quoted[0], fine)
            values["quotes"] = f"{quoted[0].provenance.document[:3]}:{quoted[0].provenance.line}"
    if plug is not None:
        values["foots"] = plug
        severity = "info" if apart < 1 else "warning"
        return finding("iij:duplicate", severity, ff,
                       f"{coarse.concept} printed {where(coarse)} is not {where(fine)} rounded "
                       f"({values['rounded']}) but a plug that makes {plug} foot", [coarse, fine], values=values)
    other = tables.other_item(coarse)
    if other is not None:
        values["other"] = f"{other.concept} {where(other)}"
        return finding("iij:duplicate", "warning" if apart < 1 else "error", ff,
                       f"{coarse.concept} printed {where(coarse)} is not {where(fine)} rounded but the figure of "
                       f"{other.concept} ({where(other)})", [coarse, fine, other], values=values)
    return finding("iij:duplicate", "error", ff, f"{coarse.concept} printed {where(coarse)} is neither a rounding "
                   f"nor a truncation of {where(fine)}", [coarse, fine], values=values)


class _Tables:
    """The relations a printing may be adjusted to satisfy, among the printings of its own document and precision:
    the taxonomy's sums, a balance's change over a period, a change from the prior year or quarter."""

    def __init__(self, ff: FilingFacts, taxonomy: Taxonomy):
        self.ff, self.taxonomy = ff, taxonomy
        self.prints: dict[tuple, Fact] = {}
        self.by_key: dict[tuple, list[Fact]] = defaultdict(list)
        for f in ff.prints:
            if f.value is not None:
                self.prints.setdefault((f.provenance.document, f.decimals, f.concept, f.period, dims_of(f)), f)
                self.by_key[f.key].append(f)
        self.sums: dict[str, list[tuple[str, list[tuple[int, str]]]]] = defaultdict(list)
        for arcs in taxonomy.calculations.values():
            by_total: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for arc in arcs:
                by_total[arc.total].append((arc.weight, arc.item))
            for total, items in by_total.items():
                for member in [total, *(item for _, item in items)]:
                    self.sums[member].append((total, items))

    def _value(self, like: Fact, concept: str, period: Period) -> Decimal | None:
        f = self.prints.get((like.provenance.document, like.decimals, concept, period, dims_of(like)))
        return None if f is None else f.value

    def _relations(self, coarse: Fact) -> Iterable[tuple[str, list[tuple[int, str, Period]]]]:
        """(name, terms) with sum(weight x figure) = 0, each term (weight, concept, period)."""
        c, p = coarse.concept, coarse.period
        for total, items in self.sums.get(c, ()):
            yield total, [(-1, total, p), *((w, item, p) for w, item in items)]
        if p.start is None:  # a balance and its change over a period ending or starting at it
            for q in self._periods(c + "PeriodIncreaseDecrease", coarse):
                yield (c + "PeriodIncreaseDecrease", [(-1, c + "PeriodIncreaseDecrease", q), (1, c, Period(end=q.end)),
                                                      (-1, c, Period(end=q.start - timedelta(days=1)))])
        for suffix, back in (("ChangeFromPriorYear", 12), ("ChangeFromPriorQuarter", 3)):
            for q in (p, shift(p, back)):
                yield c + suffix, [(-1, c + suffix, q), (1, c, q), (-1, c, shift(q, -back))]
        for suffix in ("PeriodIncreaseDecrease", "ChangeFromPriorYear", "ChangeFromPriorQuarter"):
            if c.endswith(suffix):
                base = c[: -len(suffix)]
                if suffix == "PeriodIncreaseDecrease" and p.start is not None:
                    yield c, [(-1, c, p), (1, base, Period(end=p.end)), (-1, base, Period(end=p.start - timedelta(days=1)))]
                elif suffix != "PeriodIncreaseDecrease":
                    yield c, [(-1, c, p), (1, base, p), (-1, base, shift(p, -(12 if "Year" in suffix else 3)))]

    def _periods(self, concept: str, like: Fact) -> list[Period]:
        return [key[3] for key in self.prints if key[0] == like.provenance.document and key[1] == like.decimals
                and key[2] == concept and key[3].start is not None
                and like.period.end in (key[3].end, key[3].start - timedelta(days=1))]

    def plug(self, coarse: Fact, fine: Fact) -> str | None:
        """The relation the coarse printing makes foot exactly where the rounded finer figure would not."""
        rounded = _rounded(fine.value, unit_step(coarse), ROUND_HALF_UP)
        for name, terms in self._relations(coarse):
            figures = []
            for w, concept, period in terms:
                value = (coarse.value if (concept, period) == (coarse.concept, coarse.period)
                         else self._value(coarse, concept, period))
                if value is None:
                    break
                figures.append((w, concept, period, value))
            else:
                if sum(w * v for w, _, _, v in figures) == 0:
                    own = sum(w for w, c, p, _ in figures if (c, p) == (coarse.concept, coarse.period))
                    if own and own * (rounded - coarse.value) != 0:
                        return name
        return None

    def same_printing(self, coarse: Fact) -> list[Fact]:
        """Other printings of the figure with the same value and precision."""
        return [f for f in self.by_key[coarse.key] if f is not coarse and f.value == coarse.value
                and f.decimals == coarse.decimals]

    def other_item(self, coarse: Fact) -> Fact | None:
        """Another line item's most precise figure of the period whose rounding the printing is."""
        unit = unit_step(coarse)
        for f in self.ff.facts:
            if (f.concept != coarse.concept and f.period == coarse.period and f.unit == coarse.unit
                    and f.value is not None and dims_of(f) == dims_of(coarse) and _coarser(coarse, f)
                    and coarse.value in _rounded_or_truncated(f.value, unit)):
                return f
        return None


def check(filings: list[FilingFacts], taxonomy: Taxonomy) -> Iterator[Finding]:
    for ff in filings:
        tables = _Tables(ff, taxonomy)
        yield from (_conflict(ff, c, tables) for c in ff.conflicts)
        for fact in ff.facts:  # coarser printings within rounding of the kept figure
            for other in tables.by_key[fact.key]:
                if other is fact or other.value is None or fact.value is None or not _coarser(other, fact):
                    continue
                if any(c.dropped is other for c in ff.conflicts):
                    continue
                found = _precision(ff, other, fact, tables)
                if found is not None:
                    yield found
    yield from _restated(filings)
    yield from _basis(filings)


def _restated(filings: list[FilingFacts]) -> Iterator[Finding]:
    for r in restatements(filings):
        old, new = r.old, r.new
        yield finding("iij:restated", "info", r.later,
                      f"{old.concept}: {r.earlier.id} printed {num(old.value)} ({where(old)}), "
                      f"{r.later.id} prints {num(new.value)} ({where(new)})",
                      [new, old], values={"reported": num(new.value), "earlier": num(old.value)})


def _basis(filings: list[FilingFacts]) -> Iterator[Finding]:
    """Per-share prints a document released after a stock split prints on the old or on a mixed basis."""
    for ff in filings:
        entity: Entity = ff.spec.entity
        for split in entity.stock_splits:
            for refs, basis in ((split.old_basis, "old"), (split.mixed_basis, "mixed")):
                for ref in refs:
                    printed = [f for f in ff.prints if f.value is not None and ref.matches(f.provenance)]
                    if printed:
                        yield finding("iij:basis", "warning", ff,
                                      f"{printed[0].concept} printed {where(printed[0])} on the {basis} basis of the "
                                      f"1:{split.ratio} stock split effective {split.effective}, without saying so",
                                      printed, values={"basis": basis, "ratio": str(split.ratio),
                                                       "effective": split.effective.isoformat()})
