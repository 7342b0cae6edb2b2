"""Calculations 1.1 engine: Arelle's rounding vectors, spec examples, and equivalence with Arelle."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import calcgen
from iij_xbrl.xbrl.calc11 import insignificant_digits
from iij_xbrl.xbrl.command import validate, validate_files
from iij_xbrl.xbrl.instance import PURE_PYTHON

# (value, decimals, (significant, insignificant) | None): the vectors of Arelle's
# tests/unit_tests/arelle/test_validatexbrlcalcs.py (2.47 signature), re-stated as our own table.
VECTORS = [
    ("1234", "-5", ("0", "1234")), ("1234", "-1", ("1230", "4")), ("1234", "0", None), ("1234", "1", None),
    ("-1234", "-5", ("0", "1234")), ("-1234", "-1", ("-1230", "4")), ("-1234", "0", None), ("-1234", "1", None),
    ("1234.5678", "-5", ("0", "1234.5678")), ("1234.5678", "-1", ("1230", "4.5678")),
    ("1234.5678", "0", ("1234", "0.5678")), ("1234.5678", "1", ("1234.5", "0.0678")), ("1234.5678", "5", None),
    ("-1234.5678", "-5", ("0", "1234.5678")), ("-1234.5678", "-1", ("-1230", "4.5678")),
    ("-1234.5678", "0", ("-1234", "0.5678")), ("-1234.5678", "1", ("-1234.5", "0.0678")),
    ("-1234.5678", "5", None),
    ("1", "25", None), ("1", "26", None), ("1", "27", None), ("1", "28", None), ("1", "29", None),
    ("1.1E26", "-26", ("1E26", "1E25")), ("1.1E27", "-27", ("1E27", "1E26")),
    ("1.1E28", "-28", None),  # 28 decimals too many for quantization
    ("1.1E-27", "27", ("1E-27", "1E-28")), ("1.1E-28", "28", ("1E-28", "1E-29")),
    ("1.1E-29", "29", ("1E-29", "1E-30")),
    ("-1.1E26", "-26", ("-1E26", "1E25")), ("-1.1E27", "-27", ("-1E27", "1E26")), ("-1.1E28", "-28", None),
    ("-1.1E-27", "27", ("-1E-27", "1E-28")), ("-1.1E-28", "28", ("-1E-28", "1E-29")),
    ("-1.1E-29", "29", ("-1E-29", "1E-30")),
    ("1E27", "0", None), ("1E28", "0", None), ("1E26", "1", None), ("1E27", "1", None),
    ("1.1E27", "0", None), ("1.1E28", "0", None), ("1.1E26", "1", None), ("1.1E27", "1", None),
    ("123456789012345678901234567.1", "0", ("123456789012345678901234567", "0.1")),
    ("12345678901234567890123456789.1", "0", None),
    ("1E-100", "0", ("0", "1E-100")), ("1.1E-100", "0", ("0", "1.1E-100")),
    ("0.1000000000000000000000000001", "0", ("0", "0.1000000000000000000000000001")),
    ("0.10000000000000000000000000001", "0", ("0", "0.1")),
]


@pytest.mark.parametrize("value, decimals, expected", VECTORS)
def test_insignificant_digits_vectors(value: str, decimals: str, expected: tuple[str, str] | None) -> None:
    result = insignificant_digits(Decimal(value), int(decimals))
    assert result == (None if expected is None else (Decimal(expected[0]), Decimal(expected[1])))


GP = [("r1", calcgen.ARC2003, "T1", [("A", "1", 1), ("C", "-1", 2)])]  # GrossProfit = Revenues - Cost


def _check(tmp_path: Path, facts: list[tuple], networks=GP, contexts=("c0",), truncate=False):
    calcgen.write_taxonomy(tmp_path, networks)
    inst = tmp_path / "i.xbrl"
    inst.write_text(calcgen.simple_instance(facts, contexts), encoding="utf-8")
    from iij_xbrl.xbrl import calc11
    from iij_xbrl.xbrl.dts import DtsLoader, Resolver
    from iij_xbrl.xbrl.instance import read
    return calc11.check(read(inst, DtsLoader(Resolver([]))), truncate=truncate)


def _rules(findings) -> list[str]:
    return sorted(f.rule for f in findings if f.severity == "error")


def test_round_to_nearest_tolerates_rounding(tmp_path: Path) -> None:
    # notes §8: 1000 - 333 -> [666, 668]; 668 is consistent (Calc 1.0 would flag 667 != 668)
    facts = [("A", "1000", "0", "c0"), ("C", "333", "0", "c0"), ("T1", "668", "0", "c0")]
    assert _check(tmp_path, facts) == []


def test_inconsistency_reports_intervals(tmp_path: Path) -> None:
    facts = [("A", "1000", "0", "c0"), ("C", "333", "0", "c0"), ("T1", "669", "0", "c0")]
    [f] = _check(tmp_path, facts)
    assert f.rule == "calc11e:inconsistentCalculationUsingRounding"
    assert f.values["reported"] == "[668.5, 669.5]" and f.values["computed"] == "[666, 668]"
    assert [s.line for s in f.sources] == [14, 12, 13]  # total first, then items in document order
    assert f.period == "2020-12-31" and f.concepts == ["g:T1", "g:A", "g:C"]


def test_truncation(tmp_path: Path) -> None:
    facts = [("A", "1000", "0", "c0"), ("C", "333", "0", "c0"), ("T1", "668", "0", "c0")]
    [f] = _check(tmp_path, facts, truncate=True)
    assert f.rule == "calc11e:inconsistentCalculationUsingTruncation"
    assert (f.values["reported"], f.values["computed"]) == ("[668, 669)", "[666, 668)")  # as Arelle (notes §8)


def test_inf_and_missing_decimals_are_exact(tmp_path: Path) -> None:
    assert _check(tmp_path, [("A", "10", "INF", "c0"), ("C", "3", None, "c0"), ("T1", "7", "INF", "c0")]) == []
    assert _rules(_check(tmp_path, [("A", "10", "INF", "c0"), ("C", "3", None, "c0"), ("T1", "7.1", "1", "c0")]))


def test_unbound_without_contributing_facts(tmp_path: Path) -> None:
    # no item fact in that context/unit: the total is not checked; nil items do not bind a sum either
    assert _check(tmp_path, [("T1", "5", "0", "c0"), ("A", "1", "0", "c0", "USD")]) == []
    assert _check(tmp_path, [("T1", "5", "0", "c0"), ("A", None, None, "c0")]) == []


def test_consistent_duplicates_use_most_precise(tmp_path: Path) -> None:
    facts = [("A", "1000", "-2", "c0"), ("A", "1040", "0", "c1"), ("C", "40", "0", "c0"), ("T1", "1000", "0", "c0")]
    assert _check(tmp_path, facts, contexts=("c0", "c1")) == []  # c1 is s-equal to c0: one binding
    facts[-1] = ("T1", "1002", "0", "c0")  # [1001.5, 1002.5] misses [999, 1001]
    assert _rules(_check(tmp_path, facts, contexts=("c0", "c1"))) == ["calc11e:inconsistentCalculationUsingRounding"]


def test_inconsistent_duplicates_block_the_binding(tmp_path: Path) -> None:
    facts = [("A", "1000", "0", "c0"), ("A", "1010", "-1", "c0"), ("C", "1", "0", "c0"), ("T1", "5", "0", "c0")]
    assert _rules(_check(tmp_path, facts)) == ["oime:disallowedDuplicateFacts"]


def test_nil_with_value_is_inconsistent_duplicate(tmp_path: Path) -> None:
    facts = [("A", "1000", "0", "c0"), ("A", None, None, "c0"), ("C", "1", "0", "c0"), ("T1", "5", "0", "c0")]
    assert _rules(_check(tmp_path, facts)) == ["oime:disallowedDuplicateFacts"]


def test_excess_digits_block(tmp_path: Path) -> None:
    facts = [("A", "1001", "-1", "c0"), ("C", "1", "0", "c0"), ("T1", "5", "0", "c0")]
    assert _rules(_check(tmp_path, facts)) == ["calc11e:excessDigits"]


def test_equal_decimals_duplicates_first_wins_like_arelle(tmp_path: Path) -> None:
    # Arelle divergence (notes §8): 100 and 102 at decimals 0 are not reported; the first is used
    facts = [("A", "100", "0", "c0"), ("A", "102", "0", "c0"), ("C", "0", "0", "c0"), ("T1", "100", "0", "c0")]
    findings = _check(tmp_path, facts)
    assert _rules(findings) == [] and [f.rule for f in findings] == ["iij:equalDecimalsDuplicateIgnored"]
    facts[:2] = facts[1::-1]
    assert _rules(_check(tmp_path, facts)) == ["calc11e:inconsistentCalculationUsingRounding"]


def test_networks_and_arcroles_are_separate(tmp_path: Path) -> None:
    nets = [("r1", calcgen.ARC2003, "T1", [("A", "1", 1)]), ("r2", calcgen.ARC2003, "T1", [("C", "1", 1)]),
            ("r1", calcgen.ARC2023, "T1", [("A", "0.5", 1)])]
    findings = _check(tmp_path, [("A", "10", "0", "c0"), ("C", "10", "0", "c0"), ("T1", "10", "0", "c0")], nets)
    assert [(f.values["linkrole"], f.values["arcrole"]) for f in findings] == [(calcgen.ROLE + "r1", "2023")]


def test_units_must_be_equal(tmp_path: Path) -> None:
    facts = [("A", "10", "0", "c0", "JPY"), ("C", "3", "0", "c0", "USD"), ("T1", "7", "0", "c0", "JPY2")]
    [f] = _check(tmp_path, facts)  # JPY2 is the same measure as JPY; USD does not contribute
    assert f.values["computed"] == "[9.5, 10.5]"


@pytest.mark.arelle
def test_same_answers_as_arelle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = calcgen.write_instances(tmp_path, seed=20250101, count=40)
    logs = calcgen.arelle_batch(paths)
    checked = 0
    for path in paths:
        theirs = calcgen.arelle_keys(logs[str(path)])
        for pure in ("", "1"):  # the XML reader with its compiled per-fact loop, and in pure Python
            monkeypatch.setenv(PURE_PYTHON, pure)
            assert calcgen.our_keys(validate([path], [])) == theirs, (path.name, pure)
        checked += len(theirs)
    assert checked > 400  # the sample really exercises inconsistencies, duplicates and excess digits


@pytest.mark.parametrize("value, decimals, expected", VECTORS)
def test_hot_path_excess_check_agrees_with_vectors(value: str, decimals: str, expected) -> None:
    from iij_xbrl.xbrl.calc11 import Checker
    from iij_xbrl.xbrl.instance import Fact, Report
    from iij_xbrl.xbrl.dts import Dts

    fact = Fact("{x}c", 0, 0, Decimal(value), int(decimals), "c", "u", 1)
    scale = max(0, -fact.value.as_tuple().exponent, fact.decimals + 1)
    checker = Checker(Report("r", Dts(), {fact.concept: {(0, 0): [fact]}}, {}, {}, scale))
    assert checker._excess(checker._scaled(fact.value), fact.decimals) == (expected is not None)


@pytest.mark.arelle
def test_same_answers_as_arelle_in_every_format(tmp_path: Path) -> None:
    """Each generated instance also as xBRL-JSON, xBRL-CSV and inline XBRL: the same findings as its XML,
    and Arelle's findings on the converted file (one Arelle process for all of them)."""
    import formatgen

    xmls = calcgen.write_instances(tmp_path, seed=20250202, count=10, oim=True)
    converted = {x: formatgen.write_formats(x, seed=20250202) for x in xmls}
    logs = calcgen.arelle_batch([p for fm in converted.values() for p in fm.values()])
    checked = invalid = 0
    for xml, formats in converted.items():
        [base] = validate_files([xml], [])
        for fmt, path in formats.items():
            [result] = validate_files([path], [])
            ours = formatgen.our_keys(result.findings)
            assert ours == formatgen.our_keys(base.findings) and result.exit_code() == base.exit_code(), (xml.name, fmt)
            assert ours == formatgen.arelle_keys(logs[str(path)]), (path.name, fmt)
            assert result.invalid == bool(formatgen.arelle_errors(logs[str(path)])), (path.name, result.first_error)
            checked += len(ours)
            invalid += result.invalid
    assert checked > 300 and 0 < invalid < checked  # inconsistencies, duplicates, and invalid values (both verdicts)
