"""xbrl.intervals: the interval arithmetic Calculations 1.1 and the IIJ rules share, on hand-worked cases
(the Calculations 1.1 specification's examples and Arelle 2.47.3's rangeValue / consistency test)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from iij_xbrl.xbrl import intervals as iv
from iij_xbrl.xbrl.decimals import canonical, plain, to_decimal, to_int

D = Decimal


def test_rounded_and_truncated_intervals():
    assert iv.rounded(D("1234"), D("0.5")) == (D("1233.5"), D("1234.5"), True, True)  # 1234 at decimals 0
    assert iv.truncated(D("1234"), D(1)) == (D(1234), D(1235), True, False)  # [1234, 1235)
    assert iv.truncated(D("-1234"), D(1)) == (D(-1235), D(-1234), False, True)  # (-1235, -1234]
    assert iv.truncated(D(0), D(1)) == (D(-1), D(1), False, False)
    assert iv.point(7) == (7, 7, True, True)


def test_weighted_sum_swaps_bounds_but_keeps_closedness():
    # 100 - (10 truncated): [100, 101) + -1 x [10, 11) = [89, 91) with the closedness of the terms' own ends
    total = iv.weighted_sum([(iv.truncated(100, 1), 1), (iv.truncated(10, 1), -1)])
    assert total == (89, 91, True, False)
    assert iv.weighted(iv.truncated(10, 1), -1) == (-11, -10, True, False)  # as Arelle: flags stay put
    assert iv.weighted_sum([]) == (0, 0, True, True)


@pytest.mark.parametrize("reported, computed, meet", [
    ((10, 20, True, True), (20, 30, True, True), True),  # touching closed ends
    ((10, 20, True, False), (20, 30, True, True), True),  # one end closed at the common point: Arelle meets
    # Arelle ORs each end's closedness over both intervals, whichever bound wins: [10, 20) and (20, 30] "meet"
    ((10, 20, True, False), (20, 30, False, True), True),
    ((10, 20, False, False), (20, 30, False, False), False),  # open everywhere
    ((10, 20, True, True), (21, 30, True, True), False),
    ((25, 26, True, True), (20, 30, False, False), True),  # inside
])
def test_meets_as_calculations_1_1_tests_a_binding(reported, computed, meet):
    assert iv.meets(reported, computed) is meet
    assert iv.meets(computed, reported) is meet


def test_intersection_of_duplicates():
    common = iv.intersection([iv.rounded(D("100"), D("0.5")), iv.rounded(D("100.4"), D("0.05"))])
    assert common == (D("100.35"), D("100.45"), True, True) and not iv.is_empty(common)
    assert iv.is_empty(iv.intersection([iv.rounded(100, 5), iv.rounded(120, 5)]))  # [95, 105] vs [115, 125]
    assert iv.is_empty(iv.intersection([iv.truncated(1, 1), (2, 3, False, True)]))  # [1, 2) and (2, 3]: nothing


def test_ratio_arithmetic_and_text():
    share = iv.quotient((D(8), D(9), True, True), (D(100), D(100), True, True))
    assert share == (D("0.08"), D("0.09"), True, True)
    assert iv.quotient((D(1), D(2), True, True), (D(-1), D(1), True, True)) is None
    assert iv.difference((D(5), D(6), True, True), (D(1), D(2), True, True)) == (D(3), D(5), True, True)
    assert iv.gap((D(0), D(1), True, True), (D(3), D(4), True, True)) == 2
    assert iv.gap((D(0), D(3), True, True), (D(1), D(4), True, True)) == 0
    assert iv.text((6665, 6675, True, False), scale=1) == "[666.5, 667.5)"
    assert iv.text((D("998500000"), D("1.0015E+9"), True, True)) == "[998500000, 1001500000]"


def test_decimal_text():
    assert plain(D("5.1E+10")) == "51000000000" and plain(D("0.200")) == "0.200" and plain(12) == "12"
    assert canonical(D("5.11E+10")) == "51100000000" and canonical(D("0.0830")) == "0.083"
    assert canonical(D("-0.0")) == "0" and canonical(D("1E-30")) == "0." + "0" * 29 + "1"
    with pytest.raises(ValueError):
        canonical(D("NaN"))


# -- Decimal <-> int for numbers of any length: split in halves beyond 3,000 digits / 10,000 bits ------------------

def _decimals_around_the_split() -> list[Decimal]:
    out = []
    for digits in (1, 2999, 3000, 3001, 3002, 6001, 9000):
        body = "".join(str((7 * i + 3) % 10) for i in range(digits)).lstrip("0") or "0"
        for text in (body, "9" * digits, "1" + "0" * (digits - 1), body + ".987", body + "E+1", body[:-2] + "." + body[-2:]
                     if digits > 2 else body, body + "E+7", "0." + body):
            for sign in ("", "-"):
                out.append(Decimal(sign + text))
    return out


@pytest.mark.parametrize("value", _decimals_around_the_split(), ids=lambda d: f"{d.adjusted()}:{str(d)[:6]}")
def test_to_int_is_int_at_any_length(value: Decimal) -> None:
    assert to_int(value) == int(value)


def _ints_around_the_split() -> list[int]:
    out = []
    for bits in (1, 9999, 10000, 10001, 10002, 20001, 30000):
        for n in ((1 << bits) - 1, 1 << (bits - 1), ((1 << bits) - 1) // 3, (1 << (bits - 1)) + 12345):
            out += [n, -n]
    return out + [0]


@pytest.mark.parametrize("value", _ints_around_the_split(), ids=lambda n: f"{n.bit_length()}:{n % 1000}")
def test_to_decimal_is_exact_at_any_length(value: int) -> None:
    d = to_decimal(value)
    assert d == Decimal(value) and d.as_tuple() == Decimal(value).as_tuple()
    assert canonical(value) == canonical(Decimal(value))
