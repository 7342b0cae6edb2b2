"""Calculations 1.1 findings in full (rule, severity, message, filing, concepts, period, values, sources, fact ids)
on hand-built instances, every value worked out by hand; and the engine's limits at their exact edges (values
beyond 28 digits, quotients of exactly 10^28, decimals -28), checked against Arelle 2.47.3's own functions."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import calcgen
from iij_xbrl.xbrl import calc11
from iij_xbrl.xbrl.dts import DtsLoader, Resolver
from iij_xbrl.xbrl.instance import read

R = calcgen.ROLE
NETWORKS = [
    ("r1", calcgen.ARC2003, "T1", [("A", "1", 1), ("C", "-1", 2)]),  # T1 = A - C
    ("r2", calcgen.ARC2003, "T2", [("A", "1", 1), ("B", "1", 2), ("B", "1", 3)]),  # B twice: a duplicate arc
    ("r3", calcgen.ARC2023, "T3", [("A", "1", 1), ("B", "1", 2)]),  # the 2023 arcrole
    ("r4", calcgen.ARC2003, "T4", [("A", "1", 1), ("N", "1", 2)]),  # N is a string: not a decimal concept
]
CONCEPTS = {**calcgen.CONCEPTS, "N": ("xbrli:stringItemType", "money")}


def _context(cid: str, year: int) -> str:
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E'
            f'</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>{year}-12-31</xbrli:instant>'
            f'</xbrli:period></xbrli:context>')


def instance(tmp_path: Path, facts: list[tuple], contexts: dict[str, int], prefix: bool = True) -> tuple[Path, dict]:
    """An instance with one fact per line: (id, concept, value or None, decimals or None, context); returns its path
    and each fact id's line."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"'
             ' xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"'
             ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' + (f' xmlns:g="{calcgen.NS}">' if prefix else '>'),
             '<link:schemaRef xlink:type="simple" xlink:href="calcgen.xsd"/>',
             '<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>',
             *(_context(c, y) for c, y in contexts.items())]
    at = {}
    for fid, concept, value, dec, ctx in facts:
        at[fid] = len(lines) + 1
        if value is None:
            lines.append(f'<g:{concept} id="{fid}" contextRef="{ctx}" unitRef="JPY" xsi:nil="true"/>')
        else:
            acc = f' decimals="{dec}"' if dec is not None else ""
            lines.append(f'<g:{concept} id="{fid}" contextRef="{ctx}" unitRef="JPY"{acc}>{value}</g:{concept}>')
    lines.append("</xbrli:xbrl>")
    path = tmp_path / "i.xbrl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at


def findings(tmp_path: Path, path: Path, truncate: bool = False) -> list[dict]:
    calcgen.write_taxonomy(tmp_path, NETWORKS, CONCEPTS)
    return [f.to_dict() for f in calc11.check(read(path, DtsLoader(Resolver([]))), truncate=truncate)]


def arc_line(tmp_path: Path, total: str, item: str, nth: int = 1) -> int:
    """The line of the nth arc total -> item in the generated linkbase (what relationship findings cite)."""
    text = (tmp_path / "calcgen_cal.xml").read_text(encoding="utf-8").splitlines()
    hits = [n for n, line in enumerate(text, start=1) if f'xlink:from="{total}" xlink:to="{item}"' in line]
    return hits[nth - 1]


def test_every_calc11_finding_in_full(tmp_path):
    facts = [
        # c0: 669 against 1000 - 333 = [666, 668]: inconsistent
        ("t1", "T1", "669", "0", "c0"), ("a1", "A", "1000", "0", "c0"), ("c1", "C", "333", "0", "c0"),
        # c1: excess digits in A (1001 and 1003 at decimals -1) stop the binding
        ("a2", "A", "1001", "-1", "c1"), ("a2b", "A", "1003", "-1", "c1"), ("c2", "C", "1", "0", "c1"),
        ("t2", "T1", "5", "0", "c1"),
        # c2: duplicates 1000 [999.5, 1000.5] and 1010 [1005, 1015] do not meet
        ("a3", "A", "1000", "0", "c2"), ("a4", "A", "1010", "-1", "c2"), ("c3", "C", "1", "0", "c2"),
        ("t3", "T1", "5", "0", "c2"),
        # c3: a nil and a value of C
        ("c4", "C", None, None, "c3"), ("c5", "C", "2", "0", "c3"), ("a5", "A", "7", "0", "c3"), ("t4", "T1", "5", "0", "c3"),
        # c4: equal decimals, different values: the first (100) is used, and said so; 100 - 0 = 100 is consistent
        ("a6", "A", "100", "0", "c4"), ("a7", "A", "102", "0", "c4"), ("c6", "C", "0", "0", "c4"),
        ("t5", "T1", "100", "0", "c4"),
        # c5: a nil item contributes nothing and is not cited: 20 against A alone [9.5, 10.5]
        ("a8", "A", "10", "0", "c5"), ("c7", "C", None, None, "c5"), ("t6", "T1", "20", "0", "c5"),
        # c6: the 2023 arcrole, T3 = A + B = [18, 22] against 50
        ("a9", "A", "10", "0", "c6"), ("b1", "B", "10", "0", "c6"), ("t7", "T3", "50", "0", "c6"),
    ]
    path, at = instance(tmp_path, facts, {f"c{i}": 2000 + i for i in range(7)})
    doc = str(path)

    def src(*ids):
        return [{"document": doc, "line": at[i]} for i in ids]

    cal = str((tmp_path / "calcgen_cal.xml").as_uri())
    found = findings(tmp_path, path)
    expected = [
        {"rule": "calc11e:duplicateCalculationRelationships", "severity": "error",
         "message": f"Duplicate summation-item relationships from g:T2 to g:B in link role {R}r2",
         "filing": doc, "concepts": ["g:T2", "g:B"], "period": None, "values": {},
         "sources": [{"document": cal, "line": arc_line(tmp_path, "T2", "B", 2)}], "facts": []},
        {"rule": "calc11e:nonDecimalItemNode", "severity": "error",
         "message": f"The source and target of a Calculations v1.1 relationship MUST both be decimal concepts: g:T4, "
                    f"g:N, link role {R}r4",
         "filing": doc, "concepts": ["g:T4", "g:N"], "period": None, "values": {},
         "sources": [{"document": cal, "line": arc_line(tmp_path, "T4", "N")}], "facts": []},
        {"rule": "calc11e:inconsistentCalculationUsingRounding", "severity": "error",
         "message": f"g:T1: Calculation inconsistent in link role {R}r1 reported sum [668.5, 669.5] computed sum "
                    f"[666, 668] (context c0, unit JPY)",
         "filing": doc, "concepts": ["g:T1", "g:A", "g:C"], "period": "2000-12-31",
         "values": {"reported": "[668.5, 669.5]", "computed": "[666, 668]", "linkrole": f"{R}r1", "arcrole": "2003"},
         "sources": src("t1", "a1", "c1"), "facts": ["t1", "a1", "c1"]},
        {"rule": "calc11e:excessDigits", "severity": "error",
         "message": "g:A: Calculations check stopped for excess digits in fact values: 1001, 1003 (context c1, unit "
                    "JPY)",
         "filing": doc, "concepts": ["g:A"], "period": "2001-12-31", "values": {}, "sources": src("a2", "a2b"),
         "facts": ["a2", "a2b"]},
        {"rule": "oime:disallowedDuplicateFacts", "severity": "error",
         "message": "g:A: Calculations check stopped for duplicate fact values: 1000, 1010 (context c2, unit JPY)",
         "filing": doc, "concepts": ["g:A"], "period": "2002-12-31", "values": {}, "sources": src("a3", "a4"),
         "facts": ["a3", "a4"]},
        {"rule": "oime:disallowedDuplicateFacts", "severity": "error",
         "message": "g:C: Calculations check stopped for duplicate fact values: nil, 2 (context c3, unit JPY)",
         "filing": doc, "concepts": ["g:C"], "period": "2003-12-31", "values": {}, "sources": src("c4", "c5"),
         "facts": ["c4", "c5"]},
        {"rule": "iij:equalDecimalsDuplicateIgnored", "severity": "info",
         "message": "g:A: duplicates with equal decimals but different values; only the first is used (as Arelle "
                    "does) (context c4, unit JPY)",
         "filing": doc, "concepts": ["g:A"], "period": "2004-12-31", "values": {}, "sources": src("a6", "a7"),
         "facts": ["a6", "a7"]},
        {"rule": "calc11e:inconsistentCalculationUsingRounding", "severity": "error",
         "message": f"g:T1: Calculation inconsistent in link role {R}r1 reported sum [19.5, 20.5] computed sum "
                    f"[9.5, 10.5] (context c5, unit JPY)",
         "filing": doc, "concepts": ["g:T1", "g:A"], "period": "2005-12-31",
         "values": {"reported": "[19.5, 20.5]", "computed": "[9.5, 10.5]", "linkrole": f"{R}r1", "arcrole": "2003"},
         "sources": src("t6", "a8"), "facts": ["t6", "a8"]},
        {"rule": "calc11e:inconsistentCalculationUsingRounding", "severity": "error",
         "message": f"g:T3: Calculation inconsistent in link role {R}r3 reported sum [49.5, 50.5] computed sum "
                    f"[19, 21] (context c6, unit JPY)",
         "filing": doc, "concepts": ["g:T3", "g:A", "g:B"], "period": "2006-12-31",
         "values": {"reported": "[49.5, 50.5]", "computed": "[19, 21]", "linkrole": f"{R}r3", "arcrole": "2023"},
         "sources": src("t7", "a9", "b1"), "facts": ["t7", "a9", "b1"]},
    ]
    for f in expected:  # a generic validator's finding has no words of its own: its text is the message
        f["text"] = f["message"]
    key = lambda f: (f["rule"], f["message"])  # noqa: E731
    assert sorted(found, key=key) == sorted(expected, key=key)


def test_truncation_names_its_rules(tmp_path):
    facts = [("t1", "T1", "668", "0", "c0"), ("a1", "A", "1000", "0", "c0"), ("c1", "C", "333", "0", "c0"),
             ("a2", "A", "1000", "-1", "c1"), ("a3", "A", "1010", "0", "c1"), ("t2", "T1", "1010", None, "c1")]
    path, _ = instance(tmp_path, facts, {"c0": 2000, "c1": 2001})
    found = {(f["rule"], f["message"]) for f in findings(tmp_path, path, truncate=True) if f["facts"]}
    assert found == {
        # [668, 669) against [1000, 1001) - [333, 334) = [666, 668): they touch at 668, open on the sum's side
        ("calc11e:inconsistentCalculationUsingTruncation",
         f"g:T1: Calculation inconsistent in link role {R}r1 reported sum [668, 669) computed sum [666, 668) "
         f"(context c0, unit JPY)"),
        # [1000, 1010) and [1010, 1011) share no point
        ("calc11e:disallowedDuplicateFactsUsingTruncation",
         "g:A: Calculations check stopped for duplicate fact values: 1000, 1010 (context c1, unit JPY)")}


def test_round_to_nearest_is_the_default_mode(tmp_path):
    path, _ = instance(tmp_path, [("t1", "T1", "669", "0", "c0"), ("a1", "A", "1000", "0", "c0"),
                                  ("c1", "C", "333", "0", "c0")], {"c0": 2000})
    calcgen.write_taxonomy(tmp_path, NETWORKS, CONCEPTS)
    report = read(path, DtsLoader(Resolver([])))
    assert "calc11e:inconsistentCalculationUsingRounding" in {f.rule for f in calc11.check(report)}
    assert "calc11e:inconsistentCalculationUsingRounding" in {f.rule for f in calc11.Checker(report).run()}


def test_an_item_or_a_total_reported_nowhere(tmp_path):
    # C appears nowhere in the instance: T1 = A alone; the finding cites T1 and A
    path, at = instance(tmp_path, [("t1", "T1", "20", "0", "c0"), ("a1", "A", "10", "0", "c0")], {"c0": 2000})
    (f,) = [f for f in findings(tmp_path, path) if f["rule"].startswith("calc11e:inconsistent")]
    assert f["facts"] == ["t1", "a1"] and f["values"]["computed"] == "[9.5, 10.5]"
    # no total anywhere: nothing to check, and no failure
    path, _ = instance(tmp_path, [("a1", "A", "10", "0", "c0"), ("c1", "C", "5", "0", "c0")], {"c0": 2000})
    assert [f["rule"] for f in findings(tmp_path, path) if f["rule"].startswith(("calc11e:inc", "oime"))] == []


def test_a_binding_of_nils_does_not_end_the_check(tmp_path):
    """Bindings whose items are all nil, or whose total is nil, are skipped one by one; the others are still
    checked (each odd context is inconsistent: 5 against 1 - 0)."""
    facts, contexts = [], {}
    for i in range(8):
        contexts[f"k{i}"] = 2000 + i
        nil_items, nil_total = i % 4 == 0, i % 4 == 2
        facts += [(f"a{i}", "A", None if nil_items else "1", None if nil_items else "0", f"k{i}"),
                  (f"c{i}", "C", None if nil_items else "0", None if nil_items else "0", f"k{i}"),
                  (f"t{i}", "T1", None if nil_total else "5", None if nil_total else "0", f"k{i}")]
    path, _ = instance(tmp_path, facts, contexts)
    inconsistent = [f for f in findings(tmp_path, path) if f["rule"].startswith("calc11e:inconsistent")]
    assert sorted(f["facts"][0] for f in inconsistent) == ["t1", "t3", "t5", "t7"]


def test_concepts_without_a_prefix_in_the_instance_keep_their_local_name(tmp_path):
    """An instance that never binds the taxonomy's namespace to a prefix: messages name concepts unprefixed."""
    path, _ = instance(tmp_path, [], {"c0": 2000}, prefix=False)
    dup = [f for f in findings(tmp_path, path) if f["rule"] == "calc11e:duplicateCalculationRelationships"]
    assert [f["concepts"] for f in dup] == [["T2", "B"]]
    assert dup[0]["message"] == f"Duplicate summation-item relationships from T2 to B in link role {R}r2"


# -- exactness and Arelle's limits ----------------------------------------------------------------------------------

BIG = "123456789012345678901234567890.1"  # 31 significant digits: a 28-digit context would round it


@pytest.mark.parametrize("duplicated", [False, True], ids=["single", "duplicated"])
def test_values_beyond_28_digits_are_exact(tmp_path, duplicated):
    """T1 = A - 0 with T1 0.2 above A at decimals 1: [v + 0.15, v + 0.25] misses [v - 0.05, v + 0.05]. Rounded to
    28 digits, both would be the same number and pass (our known difference from Arelle, which rounds)."""
    total = "123456789012345678901234567890.3"
    items = [("a1", "A", BIG, "1", "c0")] * (2 if duplicated else 1)
    facts = [("t1", "T1", total, "1", "c0"), *items, ("c1", "C", "0", None, "c0")]
    path, _ = instance(tmp_path, facts, {"c0": 2000})
    (f,) = [f for f in findings(tmp_path, path) if f["rule"].startswith("calc11e:inconsistent")]
    assert f["values"]["reported"] == "[123456789012345678901234567890.25, 123456789012345678901234567890.35]"
    assert f["values"]["computed"] == "[123456789012345678901234567890.05, 123456789012345678901234567890.15]"


def test_half_a_unit_stays_exact_for_large_integers(tmp_path):
    """10^18 + 1 at decimals 0 is [10^18 + 0.5, 10^18 + 1.5]: beyond a float's 53 bits, still not 10^18."""
    facts = [("t1", "T1", "1000000000000000001", "0", "c0"), ("a1", "A", "1000000000000000000", None, "c0"),
             ("c1", "C", "0", None, "c0")]
    path, _ = instance(tmp_path, facts, {"c0": 2000})
    (f,) = [f for f in findings(tmp_path, path) if f["rule"].startswith("calc11e:inconsistent")]
    assert f["values"]["reported"] == "[1000000000000000000.5, 1000000000000000001.5]"


# (value, decimals, excess digits?) at Arelle's limits: quotients of 28 digits are checked, of 29 not; decimals -28
# and below are never checked. The `arelle` test below reads the answers from Arelle's own insignificantDigits.
LIMITS = [
    ("9999999999999999999999999999.5", 0, True),  # quotient 10^28 - 1: 28 digits
    ("10000000000000000000000000000.5", 0, False),  # quotient 10^28: beyond Arelle's 28-digit division
    ("-9999999999999999999999999999.5", 0, True),
    ("-10000000000000000000000000000.5", 0, False),
    ("15500000000000000000000000000", -27, True),  # 1.55E28 at decimals -27: 0.5E27 too much
    ("15500000000000000000000000000", -28, False),  # decimals -28: not checked
    ("15000000000000000000000000000", -27, False),
]


@pytest.mark.arelle
@pytest.mark.parametrize("value, decimals, excess", LIMITS)
def test_the_limits_are_arelles(value, decimals, excess):
    from arelle import ValidateXbrlCalcs

    assert bool(ValidateXbrlCalcs.insignificantDigits(Decimal(value), decimals)) is excess


@pytest.mark.parametrize("duplicated", [False, True], ids=["single", "duplicated"])
@pytest.mark.parametrize("value, decimals, excess", LIMITS)
def test_excess_digits_at_the_limits(tmp_path, value, decimals, excess, duplicated):
    """The engine's single-fact path and its duplicate path both stop exactly where Arelle does."""
    items = [("a1", "A", value, str(decimals), "c0")] * (2 if duplicated else 1)
    path, _ = instance(tmp_path, [("t1", "T1", value, str(decimals), "c0"), *items, ("c1", "C", "0", None, "c0")],
                       {"c0": 2000})
    rules = {f["rule"] for f in findings(tmp_path, path)}
    assert ("calc11e:excessDigits" in rules) is excess
    assert (calc11.insignificant_digits(Decimal(value), decimals) is not None) is excess


def test_a_weight_of_30_digits_is_exact(tmp_path):
    """T = 0.100000000000000000000000000001 x A with A = 10 exactly is 1.00000000000000000000000000001, not 1: a
    weight rounded to 28 digits would make the exact total 1 consistent."""
    weight = "0.100000000000000000000000000001"
    calcgen.write_taxonomy(tmp_path, [("r1", calcgen.ARC2023, "T1", [("A", weight, 1)])], CONCEPTS)
    path, _ = instance(tmp_path, [("t1", "T1", "1", None, "c0"), ("a1", "A", "10", None, "c0")], {"c0": 2000})
    found = [f.to_dict() for f in calc11.check(read(path, DtsLoader(Resolver([]))))]
    assert [(f["values"]["reported"], f["values"]["computed"]) for f in found] == [
        ("[1, 1]", "[1.00000000000000000000000000001, 1.00000000000000000000000000001]")]


def test_identical_duplicates_are_one_fact_without_a_finding(tmp_path):
    facts = [("a1", "A", "100", "0", "c0"), ("a2", "A", "100", "0", "c0"), ("c1", "C", "0", "0", "c0"),
             ("t1", "T1", "100", "0", "c0")]
    path, _ = instance(tmp_path, facts, {"c0": 2000})
    assert [f["rule"] for f in findings(tmp_path, path) if f["facts"]] == []


def test_an_arc_to_an_element_that_is_no_concept_is_skipped_not_the_rest(tmp_path):
    """The first arc of T1's network points at g_Plain, an element of no substitution group (not an item): that
    arc is left out, the others (A, C) are still checked."""
    calcgen.write_taxonomy(tmp_path, [("r1", calcgen.ARC2003, "T1", [("Plain", "1", 1), ("A", "1", 2),
                                                                     ("C", "-1", 3)])], CONCEPTS)
    schema = tmp_path / "calcgen.xsd"
    schema.write_text(schema.read_text(encoding="utf-8").replace(
        "</xs:schema>", '  <xs:element id="g_Plain" name="Plain" type="xs:string"/>\n</xs:schema>'), encoding="utf-8")
    path, _ = instance(tmp_path, [("t1", "T1", "669", "0", "c0"), ("a1", "A", "1000", "0", "c0"),
                                  ("c1", "C", "333", "0", "c0")], {"c0": 2000})
    report = read(path, DtsLoader(Resolver([])))
    assert [r.target for r in next(iter(report.dts.networks.values()))][0] == f"{{{calcgen.NS}}}Plain"
    found = [f.to_dict() for f in calc11.check(report)]
    assert [(f["rule"], f["facts"]) for f in found] == [("calc11e:inconsistentCalculationUsingRounding",
                                                         ["t1", "a1", "c1"])]


def test_truncated_duplicates_at_decimals_beyond_the_excess_digit_check(tmp_path):
    """Decimals of -28 and below skip the excess-digits check (Arelle's limit), so the duplicate set's ranges
    are the first to need their powers of ten: [3e30, 4e30) and [3.5e30, 3.6e30) meet, and T1 = A - C holds
    against the truncated ranges (C exact 0; T1 [3.5e30, 3.6e30))."""
    big, bigger = "3" + "0" * 30, "35" + "0" * 29
    facts = [("a1", "A", big, "-30", "c0"), ("a2", "A", bigger, "-29", "c0"), ("c1", "C", "0", None, "c0"),
             ("t1", "T1", bigger, "-29", "c0")]
    path, _ = instance(tmp_path, facts, {"c0": 2000})
    assert {f["rule"] for f in findings(tmp_path, path, truncate=True) if f["facts"]} == set()
    facts[-1] = ("t1", "T1", "45" + "0" * 29, "-29", "c0")  # [4.5e30, 4.6e30) against [3.5e30, 3.6e30)
    path, _ = instance(tmp_path, facts, {"c0": 2000})
    assert {f["rule"] for f in findings(tmp_path, path, truncate=True) if f["facts"]} == {
        "calc11e:inconsistentCalculationUsingTruncation"}
