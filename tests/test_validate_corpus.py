"""The invalid/hostile corpus (tests/validity_corpus.py) against Arelle 2.47.3's recorded verdicts and codes.

Verdict: 2 when Arelle prints an error-level code, 1 when only calculation inconsistencies, 0 when nothing.
Code family: the part before ':' (`xbrl.4.6.3`, `xbrldie`, `xmlSchema`, `oime`, `calc11e`…). Every family we
report must be one Arelle reports for that case, and an invalid case must share at least one (Arelle also
prints XML Schema codes from full schema validation that we do not always repeat). Cases where we differ on
purpose are listed with their reason in validity.KNOWN_DIFFERENCES.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import validity_corpus as corpus
from iij_xbrl.xbrl.command import validate_files
from iij_xbrl.xbrl.instance import PURE_PYTHON
from iij_xbrl.xbrl.validity import KNOWN_DIFFERENCES

INCONSISTENCIES = ("calc11e:inconsistentCalculationUsing", "calc11e:excessDigits", "oime:disallowedDuplicateFacts",
                   "calc11e:disallowedDuplicateFacts")
# case -> (the known difference, our verdict)
DIFFERENT = {"decimals_huge": ("huge-decimals", 0), "decimals_huge_negative": ("huge-decimals", 0),
             "precision_huge": ("huge-decimals", 0), "json_decimals_huge": ("huge-decimals", 0),
             "bind_timezone_differs": ("mixed-time-zones", 0), "not_xbrl_root": ("not-an-instance", 2),
             "json_decimals_string": ("json-decimals-string", 2), "json_deep": ("json-nesting", 2)}


def verdict(codes: frozenset[str] | set[str]) -> int:
    if any(not c.startswith(INCONSISTENCIES) for c in codes):
        return 2
    return 1 if codes else 0


def family(code: str) -> str:
    return code.partition(":")[0]


@pytest.fixture(scope="module", params=["compiled", "pure"])  # the XML reader with its compiled loop, and without
def results(request: pytest.FixtureRequest,
            tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, set[str], Path]]:
    paths = corpus.write_corpus(tmp_path_factory.mktemp("corpus"))
    names = list(paths)
    out = {}
    with pytest.MonkeyPatch.context() as env:
        env.setenv(PURE_PYTHON, "1" if request.param == "pure" else "")
        found = validate_files([paths[n] for n in names], [])
    for name, result in zip(names, found):
        codes = {f.rule for f in result.findings if f.severity == "error"}
        out[name] = (result.exit_code(), codes, paths[name])
    return out


def test_every_case_has_a_recorded_arelle_verdict() -> None:
    assert [c.name for c in corpus.CASES] == list(corpus.ARELLE)
    assert all(reason in KNOWN_DIFFERENCES for reason, _ in DIFFERENT.values())
    assert len(corpus.CASES) >= 150


@pytest.mark.parametrize("name", [c.name for c in corpus.CASES])
def test_same_verdict_and_code_family_as_arelle(results, name: str) -> None:
    ours, codes, _ = results[name]
    theirs = corpus.ARELLE[name]
    if name in DIFFERENT:
        assert ours == DIFFERENT[name][1], (codes, theirs)
        return
    assert ours == verdict(theirs), (codes, theirs)
    assert {family(c) for c in codes} <= {family(c) for c in theirs}, (codes, theirs)
    if ours == 2:
        assert {family(c) for c in codes} & {family(c) for c in theirs}, (codes, theirs)


def test_agreement_figures(results) -> None:
    exact = sum(1 for n, (_, codes, _) in results.items() if codes == set(corpus.ARELLE[n]))
    same_verdict = sum(1 for n, (v, _, _) in results.items() if v == verdict(corpus.ARELLE[n]))
    assert same_verdict == len(results) - sum(v != verdict(corpus.ARELLE[n]) for n, (_, v) in DIFFERENT.items())
    assert exact >= 0.8 * len(results), exact  # most cases give Arelle's exact set of codes, not only the family


@pytest.mark.arelle
def test_recorded_codes_are_arelles(results) -> None:
    import calcgen

    paths = [p for _, _, p in results.values()]
    logs = calcgen.arelle_batch(paths)
    for name, (_, _, path) in results.items():
        codes = {e["code"] for e in logs[str(path)] if e.get("level") in ("error", "inconsistency")}
        assert codes == set(corpus.ARELLE[name]), name
