"""Completeness: every figure token the five documents print is cited by a fact or a listed, reasoned exclusion."""
from __future__ import annotations

import pytest

from emit_fixtures import ROOT
from iij_xbrl.xbrl.errors import InputError
from iij_xbrl.sources import coverage


@pytest.fixture(scope="module")
def audit() -> coverage.Audit:
    return coverage.audit(ROOT / "sources")


def test_every_figure_is_cited_or_excluded(audit) -> None:
    print("\n" + audit.summary())
    assert not audit.unlisted, "printed, not cited, not in sources/uncovered.yaml:\n" + "\n".join(map(str, audit.unlisted))


def test_no_stale_exclusion(audit) -> None:
    assert not audit.stale, "excluded but cited by a fact or not printed on its line:\n" + "\n".join(map(str, audit.stale))


def test_counts_add_up(audit) -> None:
    assert len(audit.counts) == 5
    for count in audit.counts.values():
        assert count.tokens == count.covered + sum(count.excluded.values())
        assert count.covered > count.tokens / 2


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Total Costs\t80.1% 41.0\t80.4% 38.0\t7.9%\t—\t—", ["80.1%", "41.0", "80.4%", "38.0", "7.9%"]),
        ("Accumulated deficit\t(10,990,348)\t(119,839)", ["(10,990,348)", "(119,839)"]),
        ("\t△85\t▲1,234\t-0.3\t+7.9%\t(+6.4%)\t7.3 %", ["△85", "▲1,234", "-0.3", "+7.9%", "(+6.4%)", "7.3 %"]),
        ("JPY 98.68 and JPY51,109 million, 1,003.3Gbps, approx.1,500, JPY37million",
         ["JPY 98.68", "JPY51,109", "1,003.3Gbps", "1,500", "JPY37"]),
        ("1H12 (12/4~12/9) FY2012 2Q12 IIJ4U 2012.11.8", []),
        ("as of Sep. 30, 2012 and March 31, 2013 (Oct. 2012), Gross Margin\t19.9%", ["19.9%"]),
    ],
)
def test_tokens(line: str, expected: list[str]) -> None:
    assert coverage.tokens(line) == expected


def test_exclusion_file_schema_error_names_line(tmp_path) -> None:
    bad = tmp_path / "uncovered.yaml"
    bad.write_text("documents:\n  000_1e0a72612b28a18d.txt:\n    - {line: 42, text: '3', reason: boring}\n",
                   encoding="utf-8")
    with pytest.raises(InputError, match="schema") as err:
        coverage.load_exclusions(bad)
    assert err.value.line == 3


def test_jpy_figures_are_in_the_instances_with_their_period_and_amount(capsys) -> None:
    """Every JPY figure the documents print (an amount or a per-share amount) is in its filing's instance (the
    xBRL-JSON report holds the same facts) with the period it is printed for and its amount as the duplicate policy
    reads printings of one figure (less than one unit of the printed place apart), under any concept; the figures kept out (sources/uncovered.yaml: bounds, outlooks, other companies,
    no definite period) and the printings a finding sets aside count as missing. Measured, printed, at least 98%."""
    from decimal import Decimal

    from iij_xbrl import publication
    from iij_xbrl.paths import Project

    published = publication.load(Project(ROOT))
    present = missing = 0
    lost = []
    for ff in published.filings:
        amounts: dict = {}
        for f in ff.facts:
            if f.value is not None:
                amounts.setdefault((f.period, f.unit), []).append(f.value)
        seen = set()
        for p in ff.prints:
            if p.unit not in ("JPY", "JPYPerShare") or p.value is None:
                continue
            token = (p.provenance.document, p.provenance.line, p.provenance.text, p.period)
            if token in seen:
                continue
            seen.add(token)
            unit = Decimal(0) if p.decimals is None else Decimal(1).scaleb(-p.decimals)
            if any(abs(abs(v) - abs(p.value)) < unit or v == p.value for v in amounts.get((p.period, p.unit), ())):
                present += 1
            else:
                missing += 1
                lost.append(f"{p.provenance.document[:3]}:{p.provenance.line} {p.provenance.text!r} {p.period}")
    excluded = [t for t, (reason, _) in coverage.load_exclusions(ROOT / "sources" / coverage.EXCLUSIONS).items()
                if "JPY" in t.text and reason != "usd-translation"]
    share = present / (present + missing + len(excluded))
    with capsys.disabled():
        print(f"\nJPY figures in the instances: {present} of {present + missing + len(excluded)} ({share:.1%}); "
              f"set aside by findings: {', '.join(lost) or 'none'}; kept out: {len(excluded)}")
    assert share >= 0.98
