"""How far a printed figure may be from the figure it describes, and the verdicts built on that.

Two readings of a printed figure v with last printed place u:
- *rounded*: the true figure lies in [v - u/2, v + u/2] (XBRL's round-to-nearest);
- *IIJ*: the true figure lies within one unit, (v - u, v + u). IIJ's tables in millions truncate some lines and
  adjust others by one unit so that the printed rows add up (see sources.dedupe), so a one-unit difference is
  a presentation artefact, never an error.

Sums are judged with the interval arithmetic of Calculations 1.1 (`xbrl.intervals`, the functions the engine
itself uses): consistent as XBRL rounds -> no finding; consistent once one figure is moved by one unit of the
coarsest printed place (one line truncated or adjusted, the IIJ reading applied to one figure, not to every
term, so that long sums do not hide real differences) -> "rounding" (info); otherwise -> "error".

Ratios (a division, which Calculations 1.1 does not do) use the same two readings in exact interval arithmetic:
the printed ratio's interval meets the computed one -> ok; meets it only with the IIJ reading -> "rounding";
misses even that by less than one unit of the ratio's printed place -> "marginal" (warning); else "error".
"""
from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Literal, NamedTuple

from iij_xbrl.model import Fact

from ..xbrl import intervals as iv
from ..xbrl.decimals import canonical
from .facts import unit_step
from ..xbrl.decimals import canonical as num

Status = Literal["ok", "rounding", "marginal", "error"]
SEVERITY = {"rounding": "info", "marginal": "warning", "error": "error"}  # of a verdict that is not ok
ROUNDING_NOTE = " (within one printed unit: rounding)"
Interval = iv.Interval


class Verdict(NamedTuple):
    status: Status
    reported: str
    computed: str


def rounded(fact: Fact, shift: Decimal = Decimal(0)) -> Interval:
    """What a printed figure stands for as XBRL rounds it (half a unit either side); exact figures are points."""
    if fact.decimals is None:
        return iv.point(fact.value + shift)
    return iv.rounded(fact.value + shift, unit_step(fact) / 2)


def judge_sum(total: Fact, items: list[tuple[int, Fact]]) -> Verdict:
    """total = sum(weight * item), as XBRL rounds, else with one figure moved by one unit. Facts must not be nil."""
    computed = iv.weighted_sum((rounded(f), w) for w, f in items)
    reported = rounded(total)
    if iv.meets(reported, computed):
        return Verdict("ok", num(total.value), num(sum(w * f.value for w, f in items)))
    unit = max(unit_step(f) for f in [total] + [f for _, f in items])
    rounding = unit and any(iv.meets(rounded(total, d), computed) for d in (unit, -unit))
    return Verdict("rounding" if rounding else "error", iv.text(reported), iv.text(computed))


def _bound(d: Decimal, digits: int | None = None) -> str:
    if not d.is_finite():  # a bound an implied figure leaves open (`implied`: an item known from one side)
        return "-Infinity" if d < 0 else "Infinity"
    if digits is None:
        return canonical(d)
    with localcontext() as ctx:
        ctx.prec = digits
        return canonical(+d)


def ratio_text(interval: Interval) -> str:
    """A computed ratio's interval to six significant digits: `[0.0825, 0.0834]`."""
    return f"[{_bound(interval[0], 6)}, {_bound(interval[1], 6)}]"


def amount_text(interval: Interval) -> str:
    """An implied amount's (closed) interval, exact: `[4999000000, Infinity]`."""
    return f"[{_bound(interval[0])}, {_bound(interval[1])}]"


def interval(fact: Fact, iij: bool) -> Interval:
    """The figures a printed fact stands for: rounded (half a unit) or IIJ (one unit either side)."""
    return iv.rounded(fact.value, unit_step(fact) / (1 if iij and fact.unit != "pure" else 2))


def judge_ratio(printed: Fact, strict: Interval | None, lenient: Interval | None) -> Verdict | None:
    """A printed ratio (or change) against the interval computed from the figures it describes."""
    if strict is None or lenient is None:
        return None
    own, own_iij = interval(printed, False), interval(printed, True)
    if iv.meets(own, strict):
        return Verdict("ok", num(printed.value), ratio_text(strict))
    if iv.meets(own_iij, lenient):
        return Verdict("rounding", num(printed.value), ratio_text(strict))
    marginal = iv.gap(own_iij, lenient) < unit_step(printed)
    return Verdict("marginal" if marginal else "error", num(printed.value), ratio_text(strict))
