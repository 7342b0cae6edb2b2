"""Interval arithmetic of XBRL accuracy: the values a reported figure stands for, sums of them, and whether
two such intervals meet, exactly as XBRL Calculations 1.1 (and Arelle 2.47.3, its reference) computes them.

An interval is a plain tuple `(lo, hi, lo_closed, hi_closed)` (the cheapest object to make per fact). Bounds
are exact numbers of one kind per computation: ints (the Calculations 1.1 engine scales a report's values to
integers) or Decimals (the IIJ rules). Pass `half` or `unit` in the same kind: no division happens here, so
nothing is rounded.
"""
from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Iterable, Union

from .decimals import EXACT, canonical, to_decimal

Number = Union[int, Decimal]
Interval = tuple  # (lo, hi, lo_closed, hi_closed)


def point(value: Number) -> Interval:
    """An exact figure (decimals INF)."""
    return value, value, True, True


def rounded(value: Number, half: Number) -> Interval:
    """Round-to-nearest: the figure printed to a place of unit u stands for [value - u/2, value + u/2];
    `half` is u/2."""
    return value - half, value + half, True, True


def truncated(value: Number, unit: Number) -> Interval:
    """Truncation (Calculations 1.1 c11t): figures cut towards zero at a place of unit `unit`."""
    if value > 0:
        return value, value + unit, True, False
    if value < 0:
        return value - unit, value, False, True
    return -unit, unit, False, False


def weighted(interval: Interval, weight: Number) -> Interval:
    """`interval` times `weight`; a negative weight swaps the bounds, and, as in Arelle, not the closedness."""
    lo, hi, lo_closed, hi_closed = interval
    lo, hi = lo * weight, hi * weight
    return (hi, lo, lo_closed, hi_closed) if hi < lo else (lo, hi, lo_closed, hi_closed)


def weighted_sum(terms: Iterable[tuple[Interval, Number]]) -> Interval:
    """Sum of weight x interval over (interval, weight) terms: closed at an end only where every term is."""
    lo = hi = 0
    lo_closed = hi_closed = True
    for (y1, y2, iy1, iy2), w in terms:
        if w != 1:
            y1, y2 = y1 * w, y2 * w
            if y2 < y1:
                y1, y2 = y2, y1  # closedness stays put, as in Arelle
        lo += y1
        hi += y2
        lo_closed = lo_closed and iy1
        hi_closed = hi_closed and iy2
    return lo, hi, lo_closed, hi_closed


def intersection(intervals: Iterable[Interval]) -> Interval:
    """Where duplicate facts' intervals overlap, as Arelle intersects them: each bound from the interval that
    sets it, its closedness OR-ed into what earlier intervals set. Empty when `is_empty`."""
    a = b = None
    a_closed = b_closed = False
    for lo, hi, lo_closed, hi_closed in intervals:
        if a is None or lo >= a:
            a, a_closed = lo, a_closed or lo_closed
        if b is None or hi <= b:
            b, b_closed = hi, b_closed or hi_closed
    return a, b, a_closed, b_closed


def is_empty(interval: Interval) -> bool:
    lo, hi, lo_closed, hi_closed = interval
    return lo > hi or (lo == hi and not (lo_closed and hi_closed))


def meets(reported: Interval, computed: Interval) -> bool:
    """Calculations 1.1 consistency: the reported total's interval meets the computed sum's. As in Arelle, a
    single common point counts when an interval is closed at the lower end and one at the upper end, whichever
    interval's bound is the common point ([10, 20) and (20, 30] meet)."""
    s1, s2, is1, is2 = reported
    x1, x2, ix1, ix2 = computed
    a, b = (s1 if s1 > x1 else x1), (s2 if s2 < x2 else x2)
    return not (a > b or (a == b and not ((is1 or ix1) and (is2 or ix2))))


def gap(x: Interval, y: Interval) -> Number:
    """How far apart two intervals are (0 when they meet or touch)."""
    return max(0, x[0] - y[1], y[0] - x[1])


def difference(x: Interval, y: Interval) -> Interval:
    """x - y for closed intervals."""
    return x[0] - y[1], x[1] - y[0], True, True


def quotient(x: Interval, y: Interval, digits: int = 40) -> Interval | None:
    """x / y for closed Decimal intervals, bounds to `digits` significant digits; None when y holds zero."""
    if y[0] <= 0 <= y[1]:
        return None
    with localcontext() as ctx:
        ctx.prec = digits
        q = [a / b for a in (x[0], x[1]) for b in (y[0], y[1])]
    return min(q), max(q), True, True


def text(interval: Interval, scale: int = 0) -> str:
    """`[666, 668]`, `(0.5, 1.5]`: bounds in plain notation, divided by 10**scale (for scaled integers)."""
    lo, hi, lo_closed, hi_closed = interval
    lo, hi = (to_decimal(lo).scaleb(-scale, EXACT), to_decimal(hi).scaleb(-scale, EXACT)) if scale else (lo, hi)
    return f"{'[' if lo_closed else '('}{canonical(lo)}, {canonical(hi)}{']' if hi_closed else ')'}"
