"""Boundary tables for every tolerance and interval function: exactly on the bound, one unit over, negative
values, zero, duplicates, both targets present.

Every expected value is worked out by hand in the comments (or, for the intervals, read from Arelle 2.47.3's
own `rangeValue`, which the `arelle` test below calls), never computed by the code under test.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import calcgen
from iij_xbrl.checks import tolerance
from iij_xbrl.checks.duplicates import check as duplicate_check
from iij_xbrl.model import Fact, Period, Provenance
from iij_xbrl.publication import FilingFacts
from iij_xbrl.sources.dedupe import agree
from iij_xbrl.xbrl import calc11
from iij_xbrl.xbrl import intervals as iv
from iij_xbrl.xbrl.dts import DtsLoader, Resolver
from iij_xbrl.xbrl.instance import read
from test_rules import fact, filing, pct, run, taxonomy  # noqa: F401  (taxonomy is a fixture)

D = Decimal
INF = None  # decimals of an exact figure

# -- the interval a printed figure stands for -------------------------------------------------------------------
# (value, decimals, round-to-nearest interval, truncation interval); u = 10^-decimals.
# rounding: [v - u/2, v + u/2]; truncation: v > 0 [v, v + u), v < 0 (v - u, v], v = 0 (-u, u); INF: [v, v].
INTERVALS = [
    ("1234", 0, ("1233.5", "1234.5", True, True), ("1234", "1235", True, False)),
    ("-1234", 0, ("-1234.5", "-1233.5", True, True), ("-1235", "-1234", False, True)),
    ("0", 0, ("-0.5", "0.5", True, True), ("-1", "1", False, False)),
    ("0", -3, ("-500", "500", True, True), ("-1000", "1000", False, False)),
    ("1000", -3, ("500", "1500", True, True), ("1000", "2000", True, False)),
    ("-1000", -3, ("-1500", "-500", True, True), ("-2000", "-1000", False, True)),
    ("0.05", 2, ("0.045", "0.055", True, True), ("0.05", "0.06", True, False)),
    ("-0.05", 2, ("-0.055", "-0.045", True, True), ("-0.06", "-0.05", False, True)),
    ("1", 0, ("0.5", "1.5", True, True), ("1", "2", True, False)),  # the smallest positive figure
    ("-1", 0, ("-1.5", "-0.5", True, True), ("-2", "-1", False, True)),
    ("7", INF, ("7", "7", True, True), ("7", "7", True, True)),
    ("-7", INF, ("-7", "-7", True, True), ("-7", "-7", True, True)),
]


def _interval(row) -> tuple:
    lo, hi, lo_closed, hi_closed = row
    return D(lo), D(hi), lo_closed, hi_closed


@pytest.mark.arelle
@pytest.mark.parametrize("value, decimals, rounded, truncated", INTERVALS)
def test_the_interval_table_is_arelles(value, decimals, rounded, truncated):
    """The table above is what Arelle 2.47.3's ValidateXbrlCalcs.rangeValue returns (the oracle)."""
    from arelle import ValidateXbrlCalcs

    ValidateXbrlCalcs.init()
    d = "INF" if decimals is INF else decimals
    assert ValidateXbrlCalcs.rangeValue(D(value), d) == _interval(rounded)
    assert ValidateXbrlCalcs.rangeValue(D(value), d, truncate=True) == _interval(truncated)


@pytest.mark.parametrize("value, decimals, rounded, truncated", INTERVALS)
def test_interval_functions(value, decimals, rounded, truncated):
    if decimals is INF:
        assert iv.point(D(value)) == _interval(rounded) == _interval(truncated)
        return
    unit = D(1).scaleb(-decimals)
    assert iv.rounded(D(value), unit / 2) == _interval(rounded)
    assert iv.truncated(D(value), unit) == _interval(truncated)


# -- Calculations 1.1 on instances: every path that builds an interval, every side of `meets` ----------------------

GP = [("r1", calcgen.ARC2003, "T1", [("A", "1", 1), ("C", "-1", 2)])]  # T1 = A - C


def _calc(tmp_path: Path, name: str, facts: list[tuple], truncate: bool, contexts=("c0",)) -> list:
    calcgen.write_taxonomy(tmp_path, GP)
    path = tmp_path / f"{name}.xbrl"
    path.write_text(calcgen.simple_instance(facts, contexts), encoding="utf-8")
    return calc11.check(read(path, DtsLoader(Resolver([]))), truncate=truncate)


def _reported(findings) -> tuple:
    """The reported interval of the one inconsistency, as numbers (bounds compared by value, not by text)."""
    (f,) = [f for f in findings if f.rule.startswith("calc11e:inconsistentCalculation")]
    return calcgen._range(f.values["reported"])


FAR = ("A", "1000000000", None, "c0"), ("C", "0", None, "c0")  # A - C = exactly 1e9: far from every table value


@pytest.mark.parametrize("value, decimals, rounded, truncated", INTERVALS)
@pytest.mark.parametrize("duplicated", [False, True], ids=["single", "duplicated"])
def test_calc11_uses_the_table_intervals(tmp_path, value, decimals, rounded, truncated, duplicated):
    """calc11 builds a single fact's interval inline (its hot path) and a duplicated one's through the duplicate
    path; both report the table's interval for a total that misses an exact sum."""
    d = None if decimals is INF else str(decimals)
    totals = [("T1", value, d, "c0")] * (2 if duplicated else 1)  # an identical duplicate is one fact
    for truncate, expected in ((False, rounded), (True, truncated)):
        lo, hi, lo_closed, hi_closed = _interval(expected)
        found = _calc(tmp_path, "i", [*FAR, *totals], truncate)
        assert _reported(found) == ("[" if lo_closed else "(", lo.normalize(), hi.normalize(),
                                    "]" if hi_closed else ")")


# (name, truncation?, facts, Calculations 1.1 codes). T1 = A - C, every fact in context c0 (c1 is s-equal to it).
# A's and C's intervals are the table's; A - C takes A's bounds minus C's swapped bounds, each end closed only where
# both terms are, and, as in Arelle, a negative weight swaps the bounds but not their closedness. The total meets
# the sum when max(lows) < min(highs), or they are equal and a closed flag sits on each side (Arelle ORs them).
ROUND = "calc11e:inconsistentCalculationUsingRounding"
TRUNC = "calc11e:inconsistentCalculationUsingTruncation"
DUP_R, DUP_T = "oime:disallowedDuplicateFacts", "calc11e:disallowedDuplicateFactsUsingTruncation"
POSITIVE = [("A", "1000", "0", "c0"), ("C", "330", "-1", "c0")]  # rounded: [999.5, 1000.5] - [325, 335]
NEGATIVE = [("A", "-1000", "0", "c0"), ("C", "-330", "-1", "c0")]
ZERO = [("A", "0", "0", "c0"), ("C", "0", "0", "c0")]
BINDINGS = [
    # round-to-nearest: A - C = [664.5, 675.5], closed
    ("round: touches the top", False, POSITIVE + [("T1", "676", "0", "c0")], []),  # [675.5, 676.5]
    ("round: one unit over the top", False, POSITIVE + [("T1", "677", "0", "c0")], [ROUND]),  # [676.5, 677.5]
    ("round: touches the bottom", False, POSITIVE + [("T1", "664", "0", "c0")], []),  # [663.5, 664.5]
    ("round: one unit under the bottom", False, POSITIVE + [("T1", "663", "0", "c0")], [ROUND]),
    # negative figures: A - C = [-675.5, -664.5]
    ("round: negative, touches the bottom", False, NEGATIVE + [("T1", "-676", "0", "c0")], []),
    ("round: negative, one unit under", False, NEGATIVE + [("T1", "-677", "0", "c0")], [ROUND]),
    ("round: negative, touches the top", False, NEGATIVE + [("T1", "-664", "0", "c0")], []),
    ("round: negative, one unit over", False, NEGATIVE + [("T1", "-663", "0", "c0")], [ROUND]),
    # zero: A - C = [-1, 1]
    ("round: zero, one unit", False, ZERO + [("T1", "1", "0", "c0")], []),  # [0.5, 1.5]
    ("round: zero, two units", False, ZERO + [("T1", "2", "0", "c0")], [ROUND]),  # [1.5, 2.5]
    ("round: zero, two units below", False, ZERO + [("T1", "-2", "0", "c0")], [ROUND]),
    ("round: exact total one unit off an exact sum", False,
     [("A", "10", None, "c0"), ("C", "3", None, "c0"), ("T1", "8", None, "c0")], [ROUND]),
    ("round: exact total on an exact sum", False,
     [("A", "10", None, "c0"), ("C", "3", None, "c0"), ("T1", "7", None, "c0")], []),
    # truncation: A [1000, 1001) - C [330, 340) = [660, 671)
    ("trunc: just inside the top", True, POSITIVE + [("T1", "670", "0", "c0")], []),  # [670, 671)
    ("trunc: on the open top", True, POSITIVE + [("T1", "671", "0", "c0")], [TRUNC]),  # [671, 672) meets at 671 open
    ("trunc: on the closed bottom", True, POSITIVE + [("T1", "660", "0", "c0")], []),  # [660, 661)
    ("trunc: below the bottom", True, POSITIVE + [("T1", "659", "0", "c0")], [TRUNC]),  # [659, 660): both tops open
    # negative: A (-1001, -1000] - C (-340, -330] = (-671, -660]
    ("trunc: negative, on the open bottom", True, NEGATIVE + [("T1", "-671", "0", "c0")], [TRUNC]),  # (-672, -671]
    ("trunc: negative, just inside the bottom", True, NEGATIVE + [("T1", "-670", "0", "c0")], []),
    ("trunc: negative, on the closed top", True, NEGATIVE + [("T1", "-660", "0", "c0")], []),  # (-661, -660]
    ("trunc: negative, above the top", True, NEGATIVE + [("T1", "-659", "0", "c0")], [TRUNC]),  # (-660, -659]
    # zero: (-1, 1) - (-1, 1) = (-2, 2)
    ("trunc: zero, inside", True, ZERO + [("T1", "1", "0", "c0")], []),  # [1, 2)
    ("trunc: zero, on the open top", True, ZERO + [("T1", "2", "0", "c0")], [TRUNC]),  # [2, 3)
    ("trunc: zero, inside below", True, ZERO + [("T1", "-1", "0", "c0")], []),  # (-2, -1]
    ("trunc: zero, on the open bottom", True, ZERO + [("T1", "-2", "0", "c0")], [TRUNC]),  # (-3, -2]
    # duplicates intersect; the most precise sets each bound
    ("round: duplicates overlap", False,
     [("A", "1000", "0", "c0"), ("A", "1000.4", "1", "c1"), ("C", "0", None, "c0"), ("T1", "1000.4", "1", "c0")],
     []),  # [999.5, 1000.5] and [1000.35, 1000.45]
    ("round: duplicates one unit apart at the coarse place", False,
     [("A", "1000", "0", "c0"), ("A", "1001.0", "1", "c1"), ("C", "0", None, "c0"), ("T1", "1000", "0", "c0")],
     [DUP_R]),  # [999.5, 1000.5] and [1000.95, 1001.05]: disjoint
    ("round: negative duplicates disjoint", False,
     [("A", "-1000", "0", "c0"), ("A", "-1001.0", "1", "c1"), ("C", "0", None, "c0"), ("T1", "-1000", "0", "c0")],
     [DUP_R]),
    ("trunc: duplicates meet in a point, one end open", True,
     [("A", "1000", "-1", "c0"), ("A", "1010", "0", "c1"), ("C", "0", None, "c0"), ("T1", "1010", None, "c0")],
     [DUP_T]),  # [1000, 1010) and [1010, 1011)
    ("trunc: duplicates overlap", True,
     [("A", "1000", "-1", "c0"), ("A", "1009", "0", "c1"), ("C", "0", None, "c0"), ("T1", "1009", None, "c0")],
     []),  # [1000, 1010) and [1009, 1010) = [1009, 1010) holds 1009
    ("trunc: negative duplicates meet in a point", True,
     [("A", "-1000", "-1", "c0"), ("A", "-1010", "0", "c1"), ("C", "0", None, "c0"), ("T1", "-1010", None, "c0")],
     [DUP_T]),  # (-1010, -1000] and (-1011, -1010]
    ("trunc: negative duplicates overlap", True,
     [("A", "-1000", "-1", "c0"), ("A", "-1009", "0", "c1"), ("C", "0", None, "c0"), ("T1", "-1009", None, "c0")],
     []),  # (-1010, -1009] holds -1009
    ("trunc: duplicates of zero", True,
     [("A", "0", "0", "c0"), ("A", "0", "-1", "c1"), ("C", "0", None, "c0"), ("T1", "0", None, "c0")],
     []),  # (-1, 1) and (-10, 10) = (-1, 1) holds 0
]


@pytest.mark.parametrize("name, truncate, facts, codes", BINDINGS, ids=[b[0] for b in BINDINGS])
def test_calc11_bindings_at_the_bounds(tmp_path, name, truncate, facts, codes):
    found = _calc(tmp_path, "i", facts, truncate, contexts=("c0", "c1"))
    assert sorted(f.rule for f in found if f.severity == "error") == codes


@pytest.mark.arelle
def test_arelle_gives_the_binding_table(tmp_path):
    """Arelle 2.47.3 reports exactly the table's codes for every binding above (one Arelle process per mode)."""
    calcgen.write_taxonomy(tmp_path, GP)
    paths = {False: [], True: []}
    for i, (_, truncate, facts, _) in enumerate(BINDINGS):
        path = tmp_path / f"b{i:02d}.xbrl"
        path.write_text(calcgen.simple_instance(facts, ("c0", "c1")), encoding="utf-8")
        paths[truncate].append(path)
    logs = {**calcgen.arelle_batch(paths[False], "c11r"), **calcgen.arelle_batch(paths[True], "c11t")}
    for i, (name, _, _, codes) in enumerate(BINDINGS):
        entries = logs[str(tmp_path / f"b{i:02d}.xbrl")]
        assert sorted(k[0] for k in calcgen.arelle_keys(entries)) == codes, name


# -- meets, intersection, emptiness, sums, gaps: the functions themselves ----------------------------------------

@pytest.mark.parametrize("x, y, meet", [
    # one common point: as Arelle, the lows' closedness flags are OR-ed, and the highs'; both must hold
    ((0, 10, True, True), (10, 20, True, True), True),
    ((0, 10, True, True), (11, 20, True, True), False),  # one unit apart
    ((0, 10, True, False), (10, 20, False, True), True),  # [0, 10) and (10, 20]: lows T|F, highs F|T
    ((0, 10, False, True), (10, 20, True, False), True),
    ((0, 10, False, True), (10, 20, False, True), False),  # both lows open
    ((0, 10, True, False), (10, 20, True, False), False),  # both highs open
    ((0, 10, False, False), (10, 20, False, False), False),
    ((-20, -10, True, True), (-10, 0, True, True), True),  # negative
    ((-20, -10, True, False), (-10, 0, True, False), False),
    ((-20, -11, True, True), (-10, 0, True, True), False),
    ((0, 0, True, True), (0, 0, True, True), True),  # zero-width, equal
    ((0, 0, True, True), (1, 1, True, True), False),
    ((-5, 5, False, False), (0, 0, True, True), True),  # inside
])
def test_meets_both_ways(x, y, meet):
    assert iv.meets(x, y) is meet
    assert iv.meets(y, x) is meet


@pytest.mark.parametrize("intervals, common, empty", [
    ([(0, 10, True, True), (5, 20, True, True)], (5, 10, True, True), False),
    ([(0, 10, True, True), (10, 20, True, True)], (10, 10, True, True), False),  # one closed point
    ([(0, 10, True, False), (10, 20, True, True)], (10, 10, True, False), True),  # the top at 10 is open
    # Arelle ORs a bound's closedness into what earlier intervals set, even from another bound: [0, 10] then
    # (10, 20] gives the low 10 the closedness of the low 0, so [0, 10] and (10, 20] share 10
    ([(0, 10, True, True), (10, 20, False, True)], (10, 10, True, True), False),
    ([(0, 10, False, True), (10, 20, False, True)], (10, 10, False, True), True),
    ([(0, 10, True, True), (11, 20, True, True)], (11, 10, True, True), True),  # disjoint
    ([(-20, -10, False, True), (-10, 0, True, False)], (-10, -10, True, True), False),
    ([(-20, -10, True, False), (-10, 0, True, True)], (-10, -10, True, False), True),
    # equal bounds: a later interval setting the same bound ORs its closedness in, whichever comes first
    ([(0, 10, False, False), (0, 10, True, True)], (0, 10, True, True), False),
    ([(0, 10, True, True), (0, 10, False, False)], (0, 10, True, True), False),
    ([(0, 10, True, True)], (0, 10, True, True), False),
])
def test_intersection_and_emptiness(intervals, common, empty):
    assert iv.intersection(intervals) == common
    assert iv.is_empty(common) is empty


def test_empty_and_degenerate_intervals():
    assert iv.is_empty((1, 1, False, True)) and iv.is_empty((1, 1, True, False)) and iv.is_empty((2, 1, True, True))
    assert not iv.is_empty((1, 1, True, True)) and not iv.is_empty((1, 2, False, False))


@pytest.mark.parametrize("terms, total", [
    ([], (0, 0, True, True)),
    ([((1, 2, True, False), 1), ((10, 20, True, True), 1)], (11, 22, True, False)),
    # weight -1 swaps bounds, flags stay where they were: [10, 20) -> (-20, -10) read with flags (True, False)
    ([((10, 20, True, False), -1)], (-20, -10, True, False)),
    ([((100, 101, True, False), 1), ((10, 11, True, False), -1)], (89, 91, True, False)),
    ([((10, 20, True, True), 2)], (20, 40, True, True)),
    ([((-10, -5, False, True), -2)], (10, 20, False, True)),
    ([((0, 0, True, True), -1), ((-1, 1, False, False), 1)], (-1, 1, False, False)),
])
def test_weighted_sum(terms, total):
    assert iv.weighted_sum(terms) == total
    if len(terms) == 1:
        assert iv.weighted(*terms[0]) == total


@pytest.mark.parametrize("x, y, gap", [
    ((0, 1, True, True), (3, 4, True, True), 2), ((3, 4, True, True), (0, 1, True, True), 2),
    ((0, 3, True, True), (3, 4, True, True), 0), ((0, 5, True, True), (1, 2, True, True), 0),
    ((-4, -3, True, True), (-1, 0, True, True), 2), ((-1, 0, True, True), (-4, -3, True, True), 2),
])
def test_gap(x, y, gap):
    assert iv.gap(x, y) == gap


@pytest.mark.parametrize("x, y, quotient", [
    ((D(8), D(9)), (D(100), D(100)), (D("0.08"), D("0.09"))),
    ((D(-9), D(-8)), (D(100), D(200)), (D("-0.09"), D("-0.04"))),
    ((D(1), D(2)), (D(-4), D(-2)), (D(-1), D("-0.25"))),  # a negative divisor flips the order
    ((D(0), D(0)), (D(1), D(2)), (D(0), D(0))),
    ((D(1), D(2)), (D(0), D(1)), None),  # the divisor holds zero at its low end
    ((D(1), D(2)), (D(-1), D(0)), None),  # ... at its high end
    ((D(1), D(2)), (D("0.0001"), D(1)), (D(1), D(20000))),
])
def test_quotient(x, y, quotient):
    got = iv.quotient((*x, True, True), (*y, True, True))
    assert got == (None if quotient is None else (*quotient, True, True))


def test_quotient_keeps_forty_significant_digits():
    lo, hi, *_ = iv.quotient((D(1), D(2), True, True), (D(3), D(3), True, True))
    assert lo == D("0." + "3" * 40) and hi == D("0." + "6" * 39 + "7")


def test_difference():
    assert iv.difference((D(5), D(6), True, True), (D(1), D(2), True, True)) == (D(3), D(5), True, True)
    assert iv.difference((D(-1), D(1), True, True), (D(-3), D(-2), True, True)) == (D(1), D(4), True, True)


def test_interval_text_is_exact_beyond_28_digits():
    """Scaled integers of 31 digits print every digit (a 28-digit context would round them)."""
    big = 10 ** 30
    assert iv.text((big + 5, big + 15, True, False), scale=1) == \
        "[100000000000000000000000000000.5, 100000000000000000000000000001.5)"
    assert iv.text((-big - 15, -big - 5, False, True), scale=1) == \
        "(-100000000000000000000000000001.5, -100000000000000000000000000000.5]"
    assert iv.text((D("-0.5"), D("1.50"), True, True)) == "[-0.5, 1.5]"  # no scale: the bounds as they are


# -- the duplicate policy: agree() is "less than one unit of the coarser printed place" --------------------------

def _f(value: str | None, decimals: int | None, line: int = 1, concept: str = "Revenues", unit: str = "JPY") -> Fact:
    return Fact(concept=concept, period=Period(start=date(2012, 4, 1), end=date(2012, 9, 30)), unit=unit,
                value=None if value is None else D(value), decimals=decimals,
                provenance=Provenance(document="900_test.txt", line=line, text=value or "-"))


@pytest.mark.parametrize("a, b, agreed", [
    (("641000000", -6), ("641780000", -3), True),  # 641 million vs 641,780 thousand: 780,000 apart
    (("641000000", -6), ("641999000", -3), True),  # 999,000 apart
    (("641000000", -6), ("642000000", -3), False),  # exactly one million: on the bound, not within
    (("641000000", -6), ("640001000", -3), True),
    (("641000000", -6), ("640000000", -3), False),
    (("-641000000", -6), ("-641999000", -3), True),  # negative
    (("-641000000", -6), ("-642000000", -3), False),
    (("0", -6), ("999000", -3), True),  # zero
    (("0", -6), ("-1000000", -3), False),
    (("1000000", -6), ("1999999", 0), True),  # coarser decimals decide, whichever fact has them
    (("1999999", 0), ("1000000", -6), True),
    (("1000000", -6), ("2000000", -6), False),  # same place, one unit apart
    (("5", INF), ("5.000", INF), True),  # exact figures must be equal
    (("5", INF), ("5.001", INF), False),
    (("5", INF), ("5.4", 0), True),  # exact against a rounded one: the rounded one's unit
    (("5", INF), ("6", 0), False),
    ((None, INF), (None, INF), True),  # nil and nil
    ((None, INF), ("0", INF), False),
    (("0", INF), (None, INF), False),
    ((None, INF), ("0", 0), False),  # nil against a rounded figure: no unit makes them agree
])
def test_duplicate_policy_agree(a, b, agreed):
    assert agree(_f(*a), _f(*b)) is agreed
    assert agree(_f(*b), _f(*a)) is agreed


def _graded(taxonomy, a: tuple, b: tuple, unit: str = "JPY", concept: str = "Revenues", period: str = "1H12"):
    """Severities of iij:duplicate for two printings; a and b are (printed text, decimals)."""
    ff = filing(fact(concept, period, a[0], a[1], line=1, unit=unit), fact(concept, period, b[0], b[1], line=2,
                                                                         unit=unit))
    return sorted(f.severity for f in duplicate_check([FilingFacts.of(ff, ff.facts)], taxonomy) if f.rule == "iij:duplicate")


MILLION, THOUSAND = -6, -3


@pytest.mark.parametrize("a, b, severities", [
    # grading a conflict: within one unit of each printing (|a - b| < unit(a) + unit(b)) is info
    (("1,315", MILLION), ("1,316", MILLION), ["info"]),  # 1 million apart, tolerance 2 million
    (("1,315", MILLION), ("1,317", MILLION), ["error"]),  # exactly 2 million: on the bound
    (("-1,315", MILLION), ("-1,317", MILLION), ["error"]),
    (("-1,315", MILLION), ("-1,316", MILLION), ["info"]),
    # a coarser printing that rounds or truncates a figure within half a unit of the finer one is a rounding (info)
    (("1,315", MILLION), ("1,316,000", THOUSAND), ["info"]),  # 1,315,999,500 yen truncated
    (("1,315", MILLION), ("1,316,001", THOUSAND), ["error"]),  # [1,316,000.5, 1,316,001.5] thousand: 1,316 only
    (("1,315", MILLION), ("1,316,999", THOUSAND), ["error"]),
    (("0", MILLION), ("999", THOUSAND), []),  # less than a unit of the coarser place: no conflict at all
    (("0", MILLION), ("1", MILLION), ["info"]),  # one unit: a conflict, within the tolerance
    (("0", MILLION), ("1,000", THOUSAND), ["info"]),  # 999,500 yen truncated
    (("0", MILLION), ("2,001", THOUSAND), ["error"]),
    (("1,315", MILLION), ("1,315,999", THOUSAND), []),
])
def test_duplicate_grading(taxonomy, a, b, severities):
    assert _graded(taxonomy, a, b) == severities


PER_SHARE = "JPYPerShare"


@pytest.mark.parametrize("big, small, severities", [
    # a per-share amount and its 1:200 split twin: |big - 200 small| < unit(big) + 200 unit(small) = 2.01
    ("3,250.00", "16.25", ["warning"]),
    ("3,252.00", "16.25", ["warning"]),  # 2.00 apart
    ("3,252.01", "16.25", ["error"]),  # 2.01: on the bound
    ("3,247.99", "16.25", ["error"]),  # 2.01 below
    ("3,248.00", "16.25", ["warning"]),
    ("16.26", "16.25", ["info"]),  # one cent apart: a rounding pair, not a split
    ("0.00", "16.25", ["error"]),  # zero is no split twin
])
def test_split_basis_bound(taxonomy, big, small, severities):
    assert _graded(taxonomy, (big, 2), (small, 2), unit=PER_SHARE, concept="DividendsPerShare",
                   period="FY11") == severities


# -- IIJ's tolerance for sums: XBRL rounding -> ok, one unit of the coarsest figure -> rounding, else error --------

@pytest.mark.parametrize("total, items, status", [
    # items in millions: 100 + 200 = [299, 301]; the total 300 +- 0.5
    ("301", ("100", "200"), "ok"),  # [300.5, 301.5] meets 301
    ("302", ("100", "200"), "rounding"),  # [301.5, 302.5] misses; moved down one unit [300.5, 301.5] meets
    ("303", ("100", "200"), "error"),  # moved one unit still [301.5, 302.5]: misses
    ("299", ("100", "200"), "ok"),
    ("298", ("100", "200"), "rounding"),
    ("297", ("100", "200"), "error"),
    ("-302", ("-100", "-200"), "rounding"),  # negative
    ("-303", ("-100", "-200"), "error"),
    ("-301", ("-100", "-200"), "ok"),
    ("1", ("0", "0"), "ok"),  # zero: [-1, 1] meets [0.5, 1.5]
    ("2", ("0", "0"), "rounding"),
    ("-3", ("0", "0"), "error"),
])
def test_judge_sum_in_millions(total, items, status):
    verdict = tolerance.judge_sum(fact("Revenues", "1H12", total), [(1, fact("Revenues", "1H12", v)) for v in items])
    assert verdict.status == status


def test_judge_sum_weights_and_exact_figures():
    t, a, c = (fact("Revenues", "1H12", v) for v in ("100", "160", "60"))
    assert tolerance.judge_sum(t, [(1, a), (-1, c)]).status == "ok"
    assert tolerance.judge_sum(t, [(1, a), (1, c)]).status == "error"  # the weight counts
    exact = [(1, fact("Revenues", "1H12", v, decimals=INF)) for v in ("100", "200")]
    assert tolerance.judge_sum(fact("Revenues", "1H12", "300", decimals=INF), exact).status == "ok"
    # exact figures have no unit to move by: one yen off is an error, never rounding
    assert tolerance.judge_sum(fact("Revenues", "1H12", "301", decimals=INF), exact).status == "error"


def test_judge_sum_moves_by_the_coarsest_unit():
    """Items in thousands, the total in millions: the one-unit move is a million (the coarsest), not a thousand."""
    items = [(1, fact("Revenues", "1H12", v, THOUSAND)) for v in ("100,000", "200,000")]  # [299.999, 300.001] M
    assert tolerance.judge_sum(fact("Revenues", "1H12", "300"), items).status == "ok"
    assert tolerance.judge_sum(fact("Revenues", "1H12", "301"), items).status == "rounding"  # moved: [299.5, 300.5]
    assert tolerance.judge_sum(fact("Revenues", "1H12", "299"), items).status == "rounding"
    assert tolerance.judge_sum(fact("Revenues", "1H12", "302"), items).status == "error"
    # the total in thousands, an item in millions: the move is still a million
    # [99.5, 100.5] M + [199.9995, 200.0005] M = [299.4995, 300.5005] M; a total T thousand is [T - 0.5, T + 0.5] K
    mixed = [(1, fact("Revenues", "1H12", "100")), (1, fact("Revenues", "1H12", "200,000", THOUSAND))]
    assert tolerance.judge_sum(fact("Revenues", "1H12", "300,501", THOUSAND), mixed).status == "ok"  # touches
    assert tolerance.judge_sum(fact("Revenues", "1H12", "300,502", THOUSAND), mixed).status == "rounding"
    assert tolerance.judge_sum(fact("Revenues", "1H12", "301,501", THOUSAND), mixed).status == "rounding"
    assert tolerance.judge_sum(fact("Revenues", "1H12", "301,502", THOUSAND), mixed).status == "error"


def test_judge_sum_texts():
    ok = tolerance.judge_sum(fact("Revenues", "1H12", "301"), [(1, fact("Revenues", "1H12", v)) for v in ("100", "200")])
    assert ok == ("ok", "301000000", "300000000")  # ok: the printed total and the plain sum
    bad = tolerance.judge_sum(fact("Revenues", "1H12", "303"), [(1, fact("Revenues", "1H12", v)) for v in ("100", "200")])
    assert bad == ("error", "[302500000, 303500000]", "[299000000, 301000000]")  # otherwise the intervals
    neg = tolerance.judge_sum(fact("Revenues", "1H12", "10"), [(1, fact("Revenues", "1H12", "20")),
                                                              (-1, fact("Revenues", "1H12", "30"))])
    assert neg == ("error", "[9500000, 10500000]", "[-11000000, -9000000]")


# -- IIJ's tolerance for ratios: the printed ratio's own and one-unit intervals against the computed ones ----------

def _ratio(text: str) -> Fact:
    return pct("RevenuesPercentageChangeFromPriorYear", "1H12", text)  # 8.3% -> 0.083, decimals 3: one unit is 0.001


def _iv(lo: str, hi: str) -> tuple:
    return D(lo), D(hi), True, True


@pytest.mark.parametrize("printed, strict, lenient, status", [
    # 8.3%: a printed ratio stands for half a unit either side, [0.0825, 0.0835] (IIJ rounds ratios); its operands'
    # one-unit reading gives the lenient interval; less than one unit (0.001) beyond it is marginal
    ("8.3", ("0.0835", "0.09"), ("0.0835", "0.09"), "ok"),  # touches the own interval
    ("8.3", ("0.07", "0.0825"), ("0.07", "0.0825"), "ok"),
    ("8.3", ("0.08351", "0.09"), ("0.0835", "0.09"), "rounding"),  # only the operands' one-unit reading touches
    ("8.3", ("0.08351", "0.09"), ("0.08351", "0.09"), "marginal"),  # 0.00001 beyond it
    ("8.3", ("0.08351", "0.09"), ("0.08449", "0.09"), "marginal"),  # 0.00099 beyond: less than a unit
    ("8.3", ("0.08351", "0.09"), ("0.0845", "0.09"), "error"),  # exactly one unit beyond: on the bound
    ("8.3", ("0.07", "0.08149"), ("0.07", "0.0815"), "error"),  # below: 0.0825 - 0.0815 = one unit
    ("8.3", ("0.07", "0.08149"), ("0.07", "0.08151"), "marginal"),
    ("-8.3", ("-0.09", "-0.08351"), ("-0.09", "-0.0845"), "error"),  # negative
    ("-8.3", ("-0.09", "-0.08351"), ("-0.09", "-0.08449"), "marginal"),
    ("-8.3", ("-0.09", "-0.0835"), ("-0.09", "-0.0835"), "ok"),
    ("0.0", ("0.0005", "0.01"), ("0.0005", "0.01"), "ok"),  # zero: own [-0.0005, 0.0005]
    ("0.0", ("0.00051", "0.01"), ("0.0005", "0.01"), "rounding"),
    ("0.0", ("0.00051", "0.01"), ("0.0015", "0.01"), "error"),
])
def test_judge_ratio(printed, strict, lenient, status):
    verdict = tolerance.judge_ratio(_ratio(printed), _iv(*strict), _iv(*lenient))
    assert verdict.status == status
    assert verdict.reported == {"8.3": "0.083", "-8.3": "-0.083", "0.0": "0"}[printed]


def test_judge_ratio_texts_and_missing_operands():
    verdict = tolerance.judge_ratio(_ratio("8.3"), _iv("0.0825312345", "0.0834987654"), _iv("0.08", "0.09"))
    assert verdict == ("ok", "0.083", "[0.0825312, 0.0834988]")  # six significant digits
    assert tolerance.judge_ratio(_ratio("8.3"), None, _iv("0", "1")) is None
    assert tolerance.judge_ratio(_ratio("8.3"), _iv("0", "1"), None) is None


def test_judge_ratio_texts_of_a_one_sided_interval():
    """An operand known from one side only (an item whose other items nobody printed, `implied`) leaves the
    computed ratio open on that side: the text names the open bound."""
    below = tolerance.judge_ratio(_ratio("8.3"), _iv("-Infinity", "0.05"), _iv("-Infinity", "0.05"))
    assert below == ("error", "0.083", "[-Infinity, 0.05]")  # at most 5.0%: 8.3% is 0.0325 beyond it
    above = tolerance.judge_ratio(_ratio("8.3"), _iv("1.056", "Infinity"), _iv("1.056", "Infinity"))
    assert above == ("error", "0.083", "[1.056, Infinity]")
    assert tolerance.ratio_text(_iv("-Infinity", "Infinity")) == "[-Infinity, Infinity]"


def test_fact_intervals_for_ratios_and_sums():
    f = fact("Revenues", "1H12", "1,234")  # 1,234 million
    assert tolerance.interval(f, False) == _iv("1233500000", "1234500000")
    assert tolerance.interval(f, True) == _iv("1233000000", "1235000000")
    assert tolerance.rounded(f) == _iv("1233500000", "1234500000")
    assert tolerance.rounded(f, D(1000000)) == _iv("1234500000", "1235500000")
    exact = fact("Revenues", "1H12", "7", decimals=INF)
    assert tolerance.rounded(exact) == _iv("7", "7") and tolerance.rounded(exact, D(-1)) == _iv("6", "6")


# -- the ratio rule's operands: both targets present, a base at zero, quarters --------------------------------------

TARGETS = (fact("Revenues", "1H12", "50,000", line=1),  # actual
           fact("Revenues", "1H12", "40,000", line=2, scenario="InitialTarget"),
           fact("Revenues", "1H12", "50,000", line=3, scenario="RevisedTarget"))


def test_to_target_prefers_the_revised_target(taxonomy):
    # 100.0% of the revised target (50,000 / 50,000); 125.0% of the initial one
    printed = pct("RevenuesToTargetRatio", "1H12", "100.0", line=4)
    assert run(taxonomy, filing(*TARGETS, printed), rule="iij:ratio") == []
    found = run(taxonomy, filing(*TARGETS, pct("RevenuesToTargetRatio", "1H12", "125.0", line=4)), rule="iij:ratio")
    assert [(f.severity, sorted(s.line for s in f.sources)) for f in found] == [("error", [1, 3, 4])]


def test_to_target_falls_back_to_the_initial_target(taxonomy):
    printed = pct("RevenuesToTargetRatio", "1H12", "125.0", line=4)
    assert run(taxonomy, filing(*TARGETS[:2], printed), rule="iij:ratio") == []
    found = run(taxonomy, filing(*TARGETS[:2], pct("RevenuesToTargetRatio", "1H12", "100.0", line=4)),
                rule="iij:ratio")
    assert [(f.severity, sorted(s.line for s in f.sources)) for f in found] == [("error", [1, 2, 4])]


@pytest.mark.parametrize("base, checked", [("2", True), ("1", True), ("0", True), ("-5", False)])
def test_change_ratios_from_a_small_base(taxonomy, base, checked):
    """A fall of 99% is no reading of 10 against 2, 1 or 0 million (each half a unit either side: whatever the
    base within it, 10 is no fall from it); from a negative base a percentage change is not judged."""
    found = run(taxonomy, filing(fact("Revenues", "1H12", "10", line=1), fact("Revenues", "1H11", base, line=2),
                                 pct("RevenuesPercentageChangeFromPriorYear", "1H12", "-99.0", line=3)), rule="iij:ratio")
    assert bool(found) is checked


def test_quarter_on_quarter_only_for_quarters(taxonomy):
    quarter = filing(fact("Revenues", "2Q12", "110", line=1), fact("Revenues", "1Q12", "100", line=2),
                     pct("RevenuesPercentageChangeFromPriorQuarter", "2Q12", "50.0", line=3))
    assert [f.severity for f in run(taxonomy, quarter, rule="iij:ratio")] == ["error"]  # 10.0%, not 50.0%
    half = filing(fact("Revenues", "1H12", "110", line=1), fact("Revenues", "2H11", "100", line=2),
                  pct("RevenuesPercentageChangeFromPriorQuarter", "1H12", "50.0", line=3))
    assert run(taxonomy, half, rule="iij:ratio") == []  # a half year has no quarter-on-quarter change


def test_ratio_of_ratios_computed_from_parts(taxonomy):
    """An operand that is not printed but has a formula (a margin) is computed from its parts, to depth two."""
    facts = [fact("GrossProfit", "1H12", "20", line=1), fact("Revenues", "1H12", "100", line=2),
             fact("GrossProfit", "1H11", "10", line=3), fact("Revenues", "1H11", "100", line=4)]
    # margin 20.0% vs 10.0%: up 100%
    assert run(taxonomy, filing(*facts, pct("GrossMarginRatioPercentageChangeFromPriorYear", "1H12", "100.0", line=5)),
               rule="iij:ratio") == []
    found = run(taxonomy, filing(*facts, pct("GrossMarginRatioPercentageChangeFromPriorYear", "1H12", "50.0", line=5)),
                rule="iij:ratio")
    assert [(f.severity, sorted(s.line for s in f.sources)) for f in found] == [("error", [1, 2, 3, 4, 5])]


def test_the_exact_printing_wins_whatever_its_line():
    from iij_xbrl.sources.dedupe import dedupe

    rounded, exact = _f("5.4", 0, line=1), _f("5", INF, line=2)
    assert dedupe([rounded, exact]) == ([exact], [])  # 5.4 is within a unit of 5: they agree, the exact one stays
    kept, conflicts = dedupe([_f("7", 0, line=1), exact])
    assert kept == [exact] and [(c.kept, c.dropped) for c in conflicts] == [(exact, _f("7", 0, line=1))]
    finer = _f("5.40", 2, line=3)  # among rounded printings the finer place wins, before document and line
    assert dedupe([rounded, finer]) == ([finer], [])


# -- the value codec: Decimal to text and to the databases' columns ----------------------------------------------

@pytest.mark.parametrize("value, canonical, plain", [
    ("0.030", "0.03", "0.030"),  # trailing zeros: canonical drops them, plain keeps the printed precision
    ("5.1E+10", "51000000000", "51000000000"),
    ("1E+2", "100", "100"),
    ("100", "100", "100"),
    ("-0.0", "0", "-0.0"),
    ("0", "0", "0"),
    ("-49.510", "-49.51", "-49.510"),
    ("1E-30", "0." + "0" * 29 + "1", "0." + "0" * 29 + "1"),
    ("123456789012345678901234567890.100", "123456789012345678901234567890.1", "123456789012345678901234567890.100"),
])
def test_decimal_text(value, canonical, plain):
    from iij_xbrl.xbrl import decimals

    assert decimals.canonical(D(value)) == canonical
    assert decimals.plain(D(value)) == plain


def test_decimal_text_refuses_what_is_no_number():
    from iij_xbrl.xbrl import decimals

    assert decimals.canonical(7) == "7" and decimals.plain(7) == "7" and decimals.canonical(-7) == "-7"
    for bad in ("NaN", "Infinity", "-Infinity"):
        with pytest.raises(ValueError, match=f"not a finite decimal: {bad}"):
            decimals.canonical(D(bad))


@pytest.mark.parametrize("value, stored", [
    ("51109001000", 51109001000), ("100.00", 100), ("-0", 0), ("127", 127),
    (str(2 ** 63 - 1), 2 ** 63 - 1), (str(-(2 ** 63 - 1)), -(2 ** 63 - 1)),  # SQLite's INTEGER range
    (str(2 ** 63), float(2 ** 63)),  # one beyond: the nearest REAL (the exact digits are in the text column)
    ("0.030", 0.03), ("49.51", 49.51),
])
def test_sqlite_binds_integers_exactly_and_others_as_real(value, stored):
    from iij_xbrl.export.db import SQLite

    bound = SQLite(Path("x.sqlite")).bind_decimal(D(value))
    assert bound == stored and type(bound) is type(stored)


@pytest.mark.parametrize("value, bound", [("0.030", "0.03"), ("5.1E+10", "51000000000"), ("-49.510", "-49.51")])
def test_postgresql_binds_the_canonical_digits(value, bound):
    from iij_xbrl.export.db import PostgreSQL

    assert str(PostgreSQL("iij").bind_decimal(D(value))) == bound


@pytest.mark.parametrize("fetched, plain", [
    (D("0.030"), "0.03"), (D("100.00"), 100), (100.0, 100), (0.03, "0.03"), (49.51, "49.51"), (True, 1),
    (False, 0), (7, 7), ("text", "text"), (None, None), (date(2012, 9, 30), "2012-09-30"),
])
def test_fetched_values_compare_alike_on_both_engines(fetched, plain):
    from iij_xbrl.export.db import plain as as_plain

    got = as_plain(fetched)
    assert got == plain and type(got) is type(plain)
