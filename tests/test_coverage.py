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
