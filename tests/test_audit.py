"""The auditor's read of the five documents (tests/audit/contradictions.tsv) against the findings.

Every contradiction, mislabel, sign oddity, rounding plug and restatement found by reading the documents line by
line is a row: document, line, kind, what is wrong, against which lines, the expected severity, the rule expected
to flag it ("-" when no rule can: a sentence without a figure, a date in text; the evidence says why) and the
evidence. A finding flags a row when its first source is the row's document:line (a finding's first source is
the printed figure it accuses). The test prints the coverage by kind and fails when a row expected as an error or
a warning, with a rule, is not flagged at that severity or higher, or when a finding is an error no row expects
as an error (no rounding effect is an error).
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from iij_xbrl import publication
from iij_xbrl.paths import Project

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "audit" / "contradictions.tsv"
RANK = {"info": 0, "warning": 1, "error": 2}


@pytest.fixture(scope="module")
def findings():
    return publication.load(Project(ROOT)).findings


def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def flagged(findings) -> dict[tuple[str, int], list[str]]:
    """(document number, line) -> severities of the findings whose first source it is."""
    found: dict[tuple[str, int], list[str]] = defaultdict(list)
    for f in findings:
        if f.sources and f.sources[0].line:
            found[(f.sources[0].document.split("_", 1)[0], f.sources[0].line)].append(f.severity)
    return found


def test_the_table_is_well_formed():
    table = rows()
    assert len(table) >= 100
    for r in table:
        assert r["document"] in {"000", "001", "002", "003", "004"} and int(r["line"]) >= 1, r
        assert r["expected_severity"] in RANK and r["what_is_wrong"] and r["evidence"], r
        assert r["rule"] == "-" or r["rule"].startswith("iij:"), r


def test_findings_flag_every_error_and_warning_and_accuse_no_rounding(findings, capsys):
    table, found = rows(), flagged(findings)
    coverage: dict[str, Counter] = defaultdict(Counter)
    missing, weaker = [], []
    for r in table:
        at = (r["document"], int(r["line"]))
        severities = found.get(at, [])
        best = max((RANK[s] for s in severities), default=-1)
        wanted = RANK[r["expected_severity"]]
        kind = coverage[r["kind"]]
        kind[r["expected_severity"]] += 1
        kind["flagged " + r["expected_severity"]] += best >= 0
        if r["rule"] != "-" and r["expected_severity"] != "info" and best < wanted:
            (missing if best < 0 else weaker).append(f"{r['document']}:{r['line']} {r['kind']} "
                                                     f"{r['expected_severity']} (found {severities})")
    expected_errors = {(r["document"], int(r["line"])) for r in table if r["expected_severity"] == "error"}
    unsupported = sorted(f"{f.sources[0].document[:3]}:{f.sources[0].line} {f.rule}" for f in findings
                         if f.severity == "error" and (f.sources[0].document.split("_", 1)[0], f.sources[0].line)
                         not in expected_errors)
    with capsys.disabled():
        print(f"\nauditor's table: {len(table)} rows; flagged / expected by kind and severity")
        for name in sorted(coverage):
            c = coverage[name]
            cells = [f"{s} {c['flagged ' + s]}/{c[s]}" for s in RANK if c[s]]
            print(f"  {name:20} " + ", ".join(cells))
        total = Counter()
        for c in coverage.values():
            total.update(c)
        print("  all                  " + ", ".join(f"{s} {total['flagged ' + s]}/{total[s]}" for s in RANK))
    assert missing == [] and weaker == [] and unsupported == []
