"""Benchmark: `iij-xbrl validate --jobs N DIR` on a directory of many instances, 1 process against N.

    python benchmarks/bench_bulk.py [--copies 50] [--facts 5000] [--jobs 2] [--repeat 3]

benchmarks/data/bulk/ (git-ignored) gets `--copies` copies of each shape's XML instance of `--facts` facts
(benchmarks/shapes.py; 200 instances by default), each shape's taxonomy beside its copies, so every worker reads
a taxonomy once. `--jobs 1` and `--jobs N` run alternately as whole processes, `--repeat` times each; the median
and the best wall time, CPU (user + sys, pool workers included) and peak RSS (the largest process) are printed
with the machine's load average before and after, since scaling needs free cores. Both runs must print the same
output.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import shapes  # noqa: E402
from bench_calc import measure  # noqa: E402

BULK = shapes.DATA / "bulk"
OURS = [sys.executable, "-c", "from iij_xbrl.cli import entry; entry()", "validate"]


def build(copies: int, facts: int) -> Path:
    for shape in shapes.SHAPES:
        source = shapes.generate(shape, facts, ("xbrl",))["xbrl"]
        folder = BULK / f"{shape}-{facts}"
        if len(list(folder.glob("*.xbrl"))) == copies:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(source.parent, folder, ignore=shutil.ignore_patterns("*.xbrl", "*-arelle.json"))
        for i in range(1, copies + 1):
            shutil.copyfile(source, folder / f"{shape}-{facts}-{i:03d}.xbrl")
    return BULK


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=50, help="instances per shape")
    ap.add_argument("--facts", type=int, default=5000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = build(args.copies, args.facts)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    runs: dict[int, list] = {1: [], args.jobs: []}
    for _ in range(args.repeat):
        for jobs in runs:
            runs[jobs].append(measure(OURS + ["--jobs", str(jobs), str(folder)]))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    outputs = {r[3] for rs in runs.values() for r in rs}
    print("| jobs | instances | median wall s | best wall s | median CPU s | peak RSS MiB |\n|---:|---:|---:|---:|---:|---:|")
    for jobs, rs in runs.items():
        print(f"| {jobs} | {4 * args.copies} | {statistics.median(r[0] for r in rs):.2f} | {min(r[0] for r in rs):.2f} "
              f"| {statistics.median(r[1] for r in rs):.2f} | {max(r[2] for r in rs) / 1024:.0f} |")
    one, many = (statistics.median(r[0] for r in runs[j]) for j in runs)
    print(f"speed-up of --jobs {args.jobs}: {one / many:.2f}x (median wall); same output: {len(outputs) == 1}")
    return 0 if len(outputs) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
