"""Compare our Calculations 1.1 findings with Arelle's (c11r, or c11t with --truncate) over N random instances.

    python benchmarks/calc_equivalence.py --count 500 [--seed 1] [--blocks 8] [--truncate]

Instances go to benchmarks/data/equivalence/ (git-ignored). Prints per-code counts and
every disagreement; exit 1 if there is any.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import calcgen  # noqa: E402

from iij_xbrl.xbrl.command import validate  # noqa: E402


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--blocks", type=int, default=8, help="independent context/unit blocks per instance")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "data" / "equivalence")
    ap.add_argument("--truncate", action="store_true", help="truncation mode (Arelle --calc c11t)")
    args = ap.parse_args()
    paths = calcgen.write_instances(args.out, args.seed, args.count, args.blocks)
    counts, disagreements = compare(paths, args.truncate)
    for line in disagreements:
        print(line)
    print(f"{counts['instances']} instances, {len(disagreements)} disagreements; Arelle findings: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "instances"))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
