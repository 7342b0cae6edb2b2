"""Decimal -> text, the two ways every output needs it (exact: no context rounds, no exponent appears)."""
from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def plain(value: Decimal | int) -> str:
    """The digits as they are, without exponent: xs:decimal lexical form (0.200 stays 0.200; 5.1E+10 ->
    51000000000). Trailing zeros say how precise a printed figure is: instances keep them."""
    return str(value) if value.__class__ is int else format(value, "f")


def canonical(value: Decimal | int) -> str:
    """The number without exponent and trailing fractional zeros, zero as "0" (5.11E+10 -> 51100000000,
    0.0830 -> 0.083): one text per number, for messages, databases and comparisons."""
    if not Decimal(value).is_finite():
        raise ValueError(f"not a finite decimal: {value}")
    if value == 0:
        return "0"
    return format(Decimal(value).normalize(EXACT), "f")
