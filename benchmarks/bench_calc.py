"""Benchmark: our Calculations 1.1 check vs Arelle (c11r) on 10k and 100k facts.

    python benchmarks/bench_calc.py [--sizes 10000 100000] [--planted 5] [--repeat 3]

Writes benchmarks/data/bench-<n>.xbrl (git-ignored) over the calcgen taxonomy (7 networks,
3 link roles, both arcroles): consistent blocks of 15 facts at decimals -3 with a few planted
inconsistencies, then runs both tools as child processes, checks they report the same
inconsistencies, and prints wall time, CPU time (user + sys) and peak RSS (os.wait4 rusage of
each child), the best of --repeat alternating runs. On a shared machine CPU time is the steadier figure.
Our package is byte-compiled first, as an installed package (and Arelle's) is.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import calcgen  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
OURS = [sys.executable, "-c", "from iij_xbrl.cli import entry; entry()", "validate", "--format", "json"]
ARELLE = [sys.executable, "-c", "from arelle.CntlrCmdLine import main; main()", "--workOffline",
          "--disablePersistentConfig", "-v", "--calc", "c11r", "--logFileMode", "w"]


def write_instance(path: Path, facts: int, planted: int, seed: int = 1) -> set[int]:
    """Write the instance; return the block numbers whose T2 total is planted off by 1,000,000."""
    rng = random.Random(seed)
    blocks = facts // len(calcgen.CONCEPTS)
    bad = set(rng.sample(range(blocks), planted))
    parts = [f'<xbrli:unit id="{u}"><xbrli:measure>{m}</xbrli:measure></xbrli:unit>'
             for u, m in calcgen.UNIT_XML.items()]
    for b in range(blocks):
        parts.append(f'<xbrli:context id="c{b}"><xbrli:entity><xbrli:identifier scheme="http://example.com">E{b}'
                     f'</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2024-03-31</xbrli:instant>'
                     f'</xbrli:period></xbrli:context>')
        v = {c: Decimal(rng.randint(0, 10**9) * 1000) for c in ("A", "B", "C", "D", "Y", "Z", "L", "M")}
        v["A"] *= 2  # T3 = A/2 + B stays on whole thousands
        v["E"] = v["B"] - v["C"]
        v["T1"] = v["A"] + v["B"] - v["C"]
        v["T2"] = v["T1"] + v["D"] + (1000000 if b in bad else 0)
        v["T3"] = v["A"] / 2 + v["B"]
        v["T4"] = 2 * v["D"] + v["E"]
        v["X"] = v["Y"] + v["Z"]
        v["K"] = v["L"] - v["M"]
        for c, (_, family) in calcgen.CONCEPTS.items():
            unit = {"money": "JPY", "ratio": "pure", "count": "shares"}[family]
            parts.append(f'<g:{c} contextRef="c{b}" unitRef="{unit}" decimals="-3">{v[c]:f}</g:{c}>')
    path.write_text(calcgen.document(parts), encoding="utf-8")
    return bad


def measure(cmd: list[str]) -> tuple[float, float, int, bytes]:
    """Wall seconds, CPU seconds (user + sys), peak RSS (KiB) and stdout of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, ARELLE_WORK_OFFLINE="1"))
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, out


def best(runs: list[tuple[float, float, int, bytes]]) -> tuple[float, float, int, bytes]:
    """Fastest wall and CPU time and the largest peak RSS over several runs; stdout of the last."""
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs), runs[-1][3]


def run(size: int, planted: int, repeat: int) -> dict:
    DATA.mkdir(parents=True, exist_ok=True)
    calcgen.write_taxonomy(DATA)
    inst = DATA / f"bench-{size}.xbrl"
    write_instance(inst, size, planted)
    log = DATA / f"bench-{size}-arelle.json"
    ours_runs, arelle_runs = [], []
    for _ in range(repeat):  # alternate, so that both tools see the same swings of a shared machine's load
        ours_runs.append(measure(OURS + [str(inst)]))
        arelle_runs.append(measure(ARELLE + ["-f", str(inst), "--logFile", str(log)]))
    ours_s, ours_cpu, ours_kib, out = best(ours_runs)
    arelle_s, arelle_cpu, arelle_kib, _ = best(arelle_runs)
    ours = {(f["rule"], f["sources"][0]["line"]) for f in json.loads(out)
            if f["rule"].startswith("calc11e:inconsistent")}
    entries = json.loads(log.read_text(encoding="utf-8"))["log"]
    theirs = {(e["code"], e["refs"][0]["sourceLine"]) for e in entries
              if e["code"].startswith("calc11e:inconsistent")}
    return {"facts": size, "planted": planted, "ours_inconsistencies": len(ours),
            "arelle_inconsistencies": len(theirs), "same": ours == theirs,
            "ours_s": ours_s, "arelle_s": arelle_s, "ours_cpu": ours_cpu, "arelle_cpu": arelle_cpu,
            "ours_mib": ours_kib / 1024, "arelle_mib": arelle_kib / 1024}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--planted", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool and size; the best is shown")
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "src" / "iij_xbrl", quiet=1)
    print("| facts | inconsistencies (ours / Arelle) | same | ours wall s | Arelle wall s | wall speed-up "
          "| ours CPU s | Arelle CPU s | CPU speed-up | ours peak RSS MiB | Arelle peak RSS MiB | RSS ratio |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    ok = True
    for size in args.sizes:
        r = run(size, args.planted, args.repeat)
        ok &= r["same"]
        print(f"| {r['facts']:,} | {r['ours_inconsistencies']} / {r['arelle_inconsistencies']} | {r['same']} "
              f"| {r['ours_s']:.2f} | {r['arelle_s']:.2f} | {r['arelle_s'] / r['ours_s']:.1f}x "
              f"| {r['ours_cpu']:.2f} | {r['arelle_cpu']:.2f} | {r['arelle_cpu'] / r['ours_cpu']:.1f}x "
              f"| {r['ours_mib']:.0f} | {r['arelle_mib']:.0f} | {r['ours_mib'] / r['arelle_mib']:.2f} |", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
