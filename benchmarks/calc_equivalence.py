"""Compare our Calculations 1.1 findings with Arelle's (c11r, or c11t with --truncate) over N random instances,
in any input format.

    python benchmarks/calc_equivalence.py --count 500 [--seed 1] [--blocks 8] [--format xbrl|json|csv|inline]
                                          [--truncate]

Instances go to benchmarks/data/equivalence/ (git-ignored). With --format other than xbrl, each instance is
generated without what only XML can say (precision, facts without decimals), written again in that format
(tests/formatgen.py), and both we and Arelle read the converted file; our findings must also equal ours on the
XML original. Prints per-code counts and every disagreement; exit 1 if there is any.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import calcgen  # noqa: E402
import formatgen  # noqa: E402

from iij_xbrl.xbrl.command import validate, validate_files  # noqa: E402


def compare(paths: list[Path], truncate: bool = False) -> tuple[Counter, list[str]]:
    logs = calcgen.arelle_batch(paths, calcs="c11t" if truncate else "c11r")
    counts, disagreements = Counter(), []
    for path in paths:
        ours = calcgen.our_keys(validate([path], [], truncate=truncate))
        theirs = calcgen.arelle_keys(logs[str(path)])
        counts.update(key[0] for key in theirs)
        counts["instances"] += 1
        if ours != theirs:
            disagreements.append(f"{path.name}: only Arelle {sorted(theirs - ours)}; only ours {sorted(ours - theirs)}")
    return counts, disagreements


def compare_format(xmls: list[Path], fmt: str, seed: int) -> tuple[Counter, list[str]]:
    """Ours on the converted file vs ours on the XML, and vs Arelle on the converted file (findings and verdict)."""
    converted = [formatgen.write_formats(x, seed)[fmt] for x in xmls]
    logs = calcgen.arelle_batch(converted)
    counts, disagreements = Counter(), []
    for xml, path in zip(xmls, converted):
        [result], [base] = validate_files([path], []), validate_files([xml], [])
        ours, reference = formatgen.our_keys(result.findings), formatgen.our_keys(base.findings)
        theirs = formatgen.arelle_keys(logs[str(path)])
        arelle_invalid = bool(formatgen.arelle_errors(logs[str(path)]))
        counts.update(key[0] for key in theirs)
        counts["instances"] += 1
        counts["invalid (both)"] += result.invalid and arelle_invalid
        if ours != reference or result.exit_code() != base.exit_code():
            disagreements.append(f"{path.name}: differs from its XML: only XML {sorted(reference - ours)}; "
                                 f"only {fmt} {sorted(ours - reference)}")
        if ours != theirs:
            disagreements.append(f"{path.name}: only Arelle {sorted(theirs - ours)}; only ours {sorted(ours - theirs)}")
        if result.invalid != arelle_invalid:
            disagreements.append(f"{path.name}: verdict: ours {'invalid' if result.invalid else 'valid'}, Arelle's "
                                 f"errors {formatgen.arelle_errors(logs[str(path)])}")
    return counts, disagreements


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--blocks", type=int, default=8, help="independent context/unit blocks per instance")
    ap.add_argument("--format", choices=("xbrl",) + formatgen.FORMATS, default="xbrl")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data" / "equivalence")
    ap.add_argument("--truncate", action="store_true", help="truncation mode (Arelle --calc c11t)")
    args = ap.parse_args()
    out = args.out if args.format == "xbrl" else args.out / args.format
    paths = calcgen.write_instances(out, args.seed, args.count, args.blocks, oim=args.format != "xbrl")
    if args.format == "xbrl":
        counts, disagreements = compare(paths, args.truncate)
    else:
        counts, disagreements = compare_format(paths, args.format, args.seed)
    for line in disagreements:
        print(line)
    print(f"{args.format}: {counts['instances']} instances, {len(disagreements)} disagreements; Arelle findings: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "instances"))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
