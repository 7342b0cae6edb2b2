"""One figure printed more than once: within a filing (iij:duplicate) and across filings (iij:restated).

Within a filing, `sources.dedupe` keeps the most precise printing and returns every other printing that
is more than its rounding away (a `Conflict`). Each conflict is graded:
- both printings within one unit of a common figure (|a - b| < unit(a) + unit(b), e.g. 1,315 vs 1,316 where
  one is the rounded difference and the other the difference of rounded balances): info;
- per-share amounts whose ratio is IIJ's 1:200 stock split (effective 2012-10-01), or a total mixing pre- and
  post-split amounts of a year that straddles the split: warning, the basis differs, not the figure;
- anything else: error.
Across filings, a filing printing a figure differently from the last filing released before it that printed
it (`publication.restatements`, the duplicate policy's test) is an info "restated"; a reprint is nothing.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Iterator

from iij_xbrl.model import Fact
from iij_xbrl.taxonomy import names
from iij_xbrl.publication import FilingFacts, restatements
from iij_xbrl.sources.dedupe import Conflict

from ..xbrl.findings import Finding
from .facts import finding, unit_step, where
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


def _conflict(ff: FilingFacts, c: Conflict) -> Finding:
    k, d = c.kept, c.dropped
    values = {"reported": num(d.value) if d.value is not None else "nil",
              "kept": num(k.value) if k.value is not None else "nil"}
    facts = [d, k]
    if k.value is not None and d.value is not None and _within_iij(k, d):
        return finding("iij:duplicate", "info", ff, f"{k.concept} printed {where(d)} and {where(k)}: one unit "
                       f"apart at the printed precision, a rounding/truncation artefact", facts, values=values)
    why = None if k.value is None or d.value is None else _split_basis(k, d)
    if why:
        return finding("iij:duplicate", "warning", ff, f"{k.concept}: {why}", facts, values=values)
    differ = "one is nil" if None in (k.value, d.value) else f"they differ by {num(abs(k.value - d.value))}"
    return finding("iij:duplicate", "error", ff, f"{k.concept} printed {where(d)} but {where(k)}: two "
                   f"printings of one figure, {differ}", facts, values=values)


def check(filings: list[FilingFacts]) -> Iterator[Finding]:
    for ff in filings:
        yield from (_conflict(ff, c) for c in ff.conflicts)
    yield from _restated(filings)


def _restated(filings: list[FilingFacts]) -> Iterator[Finding]:
    for r in restatements(filings):
        old, new = r.old, r.new
        yield finding("iij:restated", "info", r.later,
                      f"{old.concept}: {r.earlier.id} printed {num(old.value)} ({where(old)}), "
                      f"{r.later.id} prints {num(new.value)} ({where(new)})",
                      [new, old], values={"reported": num(new.value), "earlier": num(old.value)})
