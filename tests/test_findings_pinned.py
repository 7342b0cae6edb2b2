"""The findings over the real publication are pinned: tests/expected/findings.tsv lists every one as
(rule, severity, filing, period, concepts, source lines), sorted. A rule that loses, gains or regrades a finding
fails here with the rows added and removed; a person reviews the change and, if it is right, rewrites the file:

    IIJ_XBRL_UPDATE_EXPECTED=1 .venv/bin/python -m pytest -q tests/test_findings_pinned.py
    git diff tests/expected/findings.tsv     # review, then commit it with the change that caused it
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from conftest import CI
from iij_xbrl import publication
from iij_xbrl.paths import Project

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests" / "expected" / "findings.tsv"
UPDATE = "IIJ_XBRL_UPDATE_EXPECTED"
COLUMNS = ("rule", "severity", "filing", "period", "concepts", "sources")


@pytest.fixture(scope="module")
def published() -> publication.Publication:
    return publication.load(Project(ROOT))


def _short(document: str, documents: set[str]) -> str:
    """`001` for `001_5ab34944f22f6fd1.txt`, as the findings' messages cite documents (the test checks it is
    unambiguous)."""
    short = document[:3]
    assert sum(d.startswith(short) for d in documents) == 1, f"{short} names several documents"
    return short


def rows(published: publication.Publication) -> list[str]:
    documents = {name for f in published.filings for name in f.spec.files}
    out = []
    for f in published.findings:
        sources = " ".join(f"{_short(s.document, documents)}:{s.line}" for s in f.sources)
        out.append("\t".join((f.rule, f.severity, f.filing, f.period or "", ",".join(f.concepts), sources)))
    return sorted(out)


def text(published: publication.Publication) -> str:
    table = rows(published)
    counts = Counter(row.split("\t")[1] for row in table)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))
    return (f"# Findings over the real publication ({len(table)}: {summary}); reviewed by a person.\n"
            f"# Regenerate: {UPDATE}=1 .venv/bin/python -m pytest -q tests/test_findings_pinned.py\n"
            "# " + "\t".join(COLUMNS) + "\n" + "".join(row + "\n" for row in table))


def _body(content: str) -> list[str]:
    return [line for line in content.splitlines() if line and not line.startswith("#")]


def test_findings_are_the_reviewed_ones(published):
    now = text(published)
    if os.environ.get(UPDATE):
        assert not CI, f"{UPDATE} rewrites the expectation: never under CI"
        EXPECTED.parent.mkdir(exist_ok=True)
        EXPECTED.write_text(now, encoding="utf-8")
    pinned = EXPECTED.read_text(encoding="utf-8")
    if pinned != now:
        before, after = _body(pinned), _body(now)
        added = sorted(set(after) - set(before))
        removed = sorted(set(before) - set(after))
        pytest.fail(f"the findings changed ({len(before)} pinned, {len(after)} now):\n"
                    + "".join(f"+ {r}\n" for r in added) + "".join(f"- {r}\n" for r in removed)
                    + f"If every change is right: {UPDATE}=1 .venv/bin/python -m pytest -q "
                      f"tests/test_findings_pinned.py, review `git diff {EXPECTED.relative_to(ROOT)}`, commit it.",
                    pytrace=False)


def test_the_expectation_has_the_published_totals(published):
    """The file itself is what the README states: 16 errors, 27 warnings, 61 info (23 target revisions)."""
    pinned = [row.split("\t") for row in _body(EXPECTED.read_text(encoding="utf-8"))]
    assert Counter(r[1] for r in pinned) == {"error": 16, "warning": 27, "info": 61}
    assert sum(r[0] == "iij:target-revision" for r in pinned) == 23
    assert all(len(r) == len(COLUMNS) and r[5] for r in pinned)  # every finding cites a source line
