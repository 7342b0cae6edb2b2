"""Benchmark: `iij-xbrl validate` vs Arelle (c11r) on every instance shape and input format.

    python benchmarks/bench_shapes.py [--shapes ...] [--facts 10000 100000] [--formats xbrl json csv inline xbr]
                                      [--repeat 3] [--ours-only]

Instances come from benchmarks/shapes.py and benchmarks/gaap.py (written to benchmarks/data/, git-ignored). Both tools run as child
processes, alternately (ours, Arelle, ours, ...), so a shared machine's swings hit both; the best of --repeat
runs of each is shown: wall clock, CPU (user + sys) and peak RSS from os.wait4. Before timing, the findings of
both are compared: every error code, and for Calculations 1.1 (code, concept, link role, reported and computed
interval), the key tests/formatgen.py uses; a row says `same` only when the two sets are equal. --ours-only
times ours alone (the 1M-fact rows). Prints a Markdown table; exit 1 when any row differs.
"""
from __future__ import annotations

import argparse
import compileall
import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gaap  # noqa: E402
import shapes  # noqa: E402
from bench_calc import ARELLE, OURS, best, measure  # noqa: E402

CALC = ("calc11e:inconsistentCalculationUsingRounding", "oime:disallowedDuplicateFacts", "calc11e:excessDigits")


def _interval(text: str | None) -> tuple | None:
    if not text:
        return None
    lo, hi = text[1:-1].split(",")
    return text[0], Decimal(lo).normalize(), Decimal(hi).normalize(), text[-1]


def _local(name: str | None) -> str | None:
    return name.rpartition(":")[2] if name else None


def our_keys(findings: list[dict]) -> set[tuple]:
    keys = set()
    for f in findings:
        if f["rule"] in CALC:
            v = f.get("values") or {}
            keys.add((f["rule"], _local((f.get("concepts") or [None])[0]), v.get("linkrole"),
                      _interval(v.get("reported")), _interval(v.get("computed"))))
        elif f["severity"] == "error":
            keys.add((f["rule"],))
    return keys


def arelle_keys(log: Path) -> set[tuple]:
    keys = set()
    for e in json.loads(log.read_text(encoding="utf-8"))["log"]:
        code = e.get("code")
        if code in CALC:
            args = e.get("message", {}).get("args", {})
            keys.add((code, _local(args.get("concept") or args.get("element")), args.get("linkrole"),
                      _interval(args.get("reportedSum")), _interval(args.get("computedSum"))))
        elif e.get("level") in ("error", "critical"):
            keys.add((code,))
    return keys


def run(shape: str, facts: int, fmt: str, repeat: int, ours_only: bool) -> dict:
    path = gaap.generate(facts=facts) if shape == "gaap-dts" else shapes.generate(shape, facts, (fmt,))[fmt]
    log = path.with_name(f"{path.name}-arelle.json")
    ours_runs, arelle_runs = [], []
    for _ in range(repeat):
        ours_runs.append(measure(OURS + [str(path)]))
        if not ours_only:
            arelle_runs.append(measure(ARELLE + ["-f", str(path), "--logFile", str(log)]))
    ours = best(ours_runs)
    found = json.loads(ours[3])
    row = {"shape": shape, "facts": facts, "format": fmt, "size": path.stat().st_size, "ours": ours[:3],
           "inconsistencies": sum(f["rule"] == CALC[0] for f in found)}
    if not ours_only:
        row["arelle"] = best(arelle_runs)[:3]
        mine, theirs = our_keys(found), arelle_keys(log)
        row["same"] = mine == theirs
        row["arelle_inconsistencies"] = sum(k[0] == CALC[0] for k in theirs)
        if mine != theirs:
            row["differences"] = (sorted(mine - theirs, key=repr)[:5], sorted(theirs - mine, key=repr)[:5])
    return row


HEADER = ("| shape | facts | format | MB | inconsistencies (ours / Arelle) | same | ours wall s | Arelle wall s | wall x "
          "| ours CPU s | Arelle CPU s | CPU x | ours RSS MiB | Arelle RSS MiB | RSS ratio |\n"
          "|---|---:|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def line(r: dict) -> str:
    (w, c, k) = r["ours"]
    head = f"| {r['shape']} | {r['facts']:,} | {r['format']} | {r['size'] / 1e6:.1f} "
    if "arelle" not in r:
        return head + f"| {r['inconsistencies']} / - | - | {w:.2f} | - | - | {c:.2f} | - | - | {k / 1024:.0f} | - | - |"
    (aw, ac, ak) = r["arelle"]
    return (head + f"| {r['inconsistencies']} / {r['arelle_inconsistencies']} | {r['same']} | {w:.2f} | {aw:.2f} "
            f"| {aw / w:.1f}x | {c:.2f} | {ac:.2f} | {ac / c:.1f}x | {k / 1024:.0f} | {ak / 1024:.0f} | {k / ak:.2f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shapes", choices=shapes.SHAPES + ("gaap-dts",), nargs="+", default=list(shapes.SHAPES),
                    help="gaap-dts: benchmarks/gaap.py's 20,000-concept taxonomy, XML only")
    ap.add_argument("--facts", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--formats", choices=shapes.FORMATS, nargs="+", default=["xbrl"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ours-only", action="store_true")
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "src" / "iij_xbrl", quiet=1)
    print(HEADER, flush=True)
    ok = True
    for shape in args.shapes:
        for facts in args.facts:
            for fmt in args.formats:
                r = run(shape, facts, fmt, args.repeat, args.ours_only)
                print(line(r), flush=True)
                if "differences" in r:
                    print(f"  only ours {r['differences'][0]}; only Arelle {r['differences'][1]}", file=sys.stderr)
                ok &= r.get("same", True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
