"""Calculations 1.1 against Arelle's recorded answers, both modes: round-to-nearest (`--calc c11r`) and
truncation (`--calc c11t`, on a second random seed).

tests/expected/calc11-arelle.tsv holds what Arelle 2.47.3 reported on calcgen's random instances: per instance
the set of (code, first fact's line, link role, reported and computed interval). Comparing with the recording
takes a second and runs in-process, so it is also what mutation testing (benchmarks/mutation.py) kills calc11's
mutants with; the `arelle` tests re-run Arelle to keep the recording true: the truncation seed here, the
round-to-nearest instances in test_calc11.py::test_same_answers_as_arelle (its seed, its first instances).
Re-record (from Arelle, never from our code): IIJ_XBRL_UPDATE_EXPECTED=1 pytest tests/test_calc11_recorded.py
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import calcgen
from conftest import CI
from iij_xbrl.xbrl.command import validate

RECORDING = Path(__file__).resolve().parent / "expected" / "calc11-arelle.tsv"
# mode -> (seed, instances); c11r is test_calc11.py's seed, c11t another one
SAMPLES = {"c11r": (20250101, 20), "c11t": (20260217, 20)}
UPDATE = "IIJ_XBRL_UPDATE_EXPECTED"


def _text(key: tuple) -> str:
    code, *rest = key
    if not rest:
        return code
    line, role, reported, computed = rest

    def interval(r):
        return "" if r is None else f"{r[0]}{r[1]}, {r[2]}{r[3]}"
    return "\t".join((code, str(line), (role or "").removeprefix(calcgen.ROLE), interval(reported),
                      interval(computed)))


def _instances(tmp: Path, mode: str) -> list[Path]:
    seed, count = SAMPLES[mode]
    return calcgen.write_instances(tmp / mode, seed=seed, count=count)


def _ours(path: Path, mode: str) -> set[str]:
    return {_text(k) for k in calcgen.our_keys(validate([path], [], truncate=mode == "c11t"))}


def _arelles(paths: list[Path], mode: str) -> dict[str, set[str]]:
    logs = calcgen.arelle_batch(paths, calcs=mode)
    return {p.stem: {_text(k) for k in calcgen.arelle_keys(logs[str(p)])} for p in paths}


def _recorded() -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in RECORDING.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            mode, _, instance, key = line.split("\t", 3)
            found[(mode, instance)].add(key)
    return found


def _record(answers: dict[str, dict[str, set[str]]]) -> None:
    lines = ["# Arelle 2.47.3's Calculations 1.1 answers on tests/calcgen.py's random instances (see "
             "tests/test_calc11_recorded.py)",
             "# mode\tseed\tinstance\tcode\tline of the first fact\tlink role\treported\tcomputed"]
    for mode, per_instance in answers.items():
        seed = SAMPLES[mode][0]
        for instance, keys in sorted(per_instance.items()):
            lines += [f"{mode}\t{seed}\t{instance}\t{key}" for key in sorted(keys)]
    RECORDING.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("mode", sorted(SAMPLES))
def test_same_answers_as_arelles_recording(tmp_path: Path, mode: str) -> None:
    recorded = _recorded()
    paths = _instances(tmp_path, mode)
    for path in paths:
        assert _ours(path, mode) == recorded.get((mode, path.stem), set()), path.name
    codes = Counter(key.split("\t")[0] for (m, _), keys in recorded.items() if m == mode for key in keys)
    # the sample really exercises inconsistencies, duplicates and excess digits in this mode
    suffix = "Truncation" if mode == "c11t" else "Rounding"
    duplicates = "calc11e:disallowedDuplicateFactsUsingTruncation" if mode == "c11t" else "oime:disallowedDuplicateFacts"
    assert codes[f"calc11e:inconsistentCalculationUsing{suffix}"] > 100 and codes[duplicates] > 20, codes
    assert codes["calc11e:excessDigits"] > 20 and len(codes) == 4, codes


@pytest.mark.arelle
def test_truncation_recording_is_arelles(tmp_path: Path) -> None:
    """Arelle itself, in truncation mode, on the second seed's instances: the recording is its answer."""
    if os.environ.get(UPDATE):
        assert not CI, f"{UPDATE} rewrites the recording: never under CI"
        _record({mode: _arelles(_instances(tmp_path, mode), mode) for mode in sorted(SAMPLES)})
    paths = _instances(tmp_path, "c11t")
    recorded = _recorded()
    for instance, keys in _arelles(paths, "c11t").items():
        assert keys == recorded.get(("c11t", instance), set()), instance
