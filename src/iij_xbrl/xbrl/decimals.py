"""Decimal -> text, the two ways every output needs it (exact: no context rounds, no exponent appears), and
Decimal <-> int for numbers of any length."""
from __future__ import annotations

from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from functools import lru_cache

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

# CPython 3.11 converts between int and Decimal in quadratic time: a hostile fact of a million digits took
# minutes. Beyond this many digits (bits, for ints) the conversions split the number in halves and let the
# subquadratic multiplications (int's Karatsuba, libmpdec's transform) join them: under a second.
_SPLIT_DIGITS = 3000
_SPLIT_BITS = 10000


def to_int(value: Decimal) -> int:
    """int(value): the integral part of a finite Decimal."""
    if value.adjusted() < _SPLIT_DIGITS:
        return int(value)
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits if exponent >= 0 else digits[:exponent]))
    n = _digits_int(text) * (_pow10(exponent) if exponent > 0 else 1)
    return -n if sign else n


def _digits_int(text: str) -> int:
    if len(text) <= _SPLIT_DIGITS:
        return int(text)
    k = len(text) // 2
    return _digits_int(text[:-k]) * _pow10(k) + _digits_int(text[-k:])


@lru_cache(maxsize=64)
def _pow10(k: int) -> int:
    return 10 ** k


def to_decimal(value: int) -> Decimal:
    """Decimal(value), exactly."""
    if -(1 << _SPLIT_BITS) < value < 1 << _SPLIT_BITS:
        return Decimal(value)
    d = _bits_decimal(abs(value), abs(value).bit_length())
    return d.copy_negate() if value < 0 else d  # not -d: unary minus rounds to the context


def _bits_decimal(value: int, bits: int) -> Decimal:
    if bits <= _SPLIT_BITS:
        return Decimal(value)
    half = bits // 2
    high = EXACT.multiply(_bits_decimal(value >> half, bits - half), EXACT.power(2, half))
    return EXACT.add(high, _bits_decimal(value & ((1 << half) - 1), half))


def plain(value: Decimal | int) -> str:
    """The digits as they are, without exponent: xs:decimal lexical form (0.200 stays 0.200; 5.1E+10 ->
    51000000000). Trailing zeros say how precise a printed figure is: instances keep them."""
    return str(value) if value.__class__ is int else format(value, "f")


def canonical(value: Decimal | int) -> str:
    """The number without exponent and trailing fractional zeros, zero as "0" (5.11E+10 -> 51100000000,
    0.0830 -> 0.083): one text per number, for messages, databases and comparisons."""
    value = to_decimal(value) if value.__class__ is int else Decimal(value)
    if not value.is_finite():
        raise ValueError(f"not a finite decimal: {value}")
    if value == 0:
        return "0"
    return format(value.normalize(EXACT), "f")
