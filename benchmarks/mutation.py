"""Mutation testing of the core with mutmut: does the suite notice a flipped comparison or a dropped call?

    python benchmarks/mutation.py                      # every module below (about 15 minutes on 2 cores)
    python benchmarks/mutation.py intervals calc11     # some of them
    python benchmarks/mutation.py --list               # the modules, their files and tests

Outside the default suite. Each module runs in its own copy of the working tree (under --work, default
/tmp/iij-xbrl-mutation/<module>), where mutmut (`pip install -e '.[mutation]'`) mutates only the module's files
and runs, for each mutant, those of the module's tests that execute the mutated function (in-process tests
only: a mutant is invisible to a subprocess). PostgreSQL tests run when IIJ_XBRL_PG_URL names a server
(`. .ci/postgres.sh && pg_start`), otherwise they skip (CI is unset in the copy).

Score per module = killed / (total - equivalent), killed counting timeouts. A surviving mutant is either killed
by a new test or listed in benchmarks/mutation-equivalent.tsv (file, function, original line, mutated line,
why no test can tell them apart); listed entries that no longer survive are reported as stale. Exit 1 when a
module scores under --target (90%) or a survivor is neither killed nor listed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "benchmarks" / "mutation-equivalent.tsv"
KILLED = {"killed", "timeout", "caught by type check"}

RULE_TESTS = ["tests/test_boundaries.py", "tests/test_rule_findings.py", "tests/test_rules.py",
              "tests/test_rules_real.py", "tests/test_findings_pinned.py", "tests/test_audit.py", "tests/test_implied.py"]
CALC_TESTS = ["tests/test_boundaries.py", "tests/test_calc11_findings.py", "tests/test_calc11_recorded.py"]


@dataclass(frozen=True)
class Module:
    files: tuple[str, ...]
    tests: tuple[str, ...]
    functions: tuple[str, ...] = ()  # mutmut name patterns: only these functions are mutated (a file's other jobs
    # are not the module's)


MODULES = {
    "intervals": Module(("src/iij_xbrl/xbrl/intervals.py",), ("tests/test_intervals.py", *CALC_TESTS)),
    "calc11": Module(("src/iij_xbrl/xbrl/calc11.py",), ("tests/test_calc11.py", *CALC_TESTS)),
    "tolerance": Module(("src/iij_xbrl/checks/tolerance.py",), tuple(RULE_TESTS)),
    "duplicates": Module(("src/iij_xbrl/checks/duplicates.py", "src/iij_xbrl/sources/dedupe.py"),
                         (*RULE_TESTS, "tests/test_sources_sheets.py", "tests/test_duplicate_plugs.py")),
    "ratios": Module(("src/iij_xbrl/checks/ratios.py", "src/iij_xbrl/checks/implied.py"), tuple(RULE_TESTS)),
    "codec": Module(("src/iij_xbrl/xbrl/decimals.py", "src/iij_xbrl/export/db.py"),
                    ("tests/test_intervals.py", "tests/test_boundaries.py", "tests/test_export.py"),
                    functions=("iij_xbrl.xbrl.decimals.*", "iij_xbrl.export.db.x_plain__mutmut_*",
                               "iij_xbrl.export.db.*bind_decimal__mutmut_*")),
    "naming": Module(("src/iij_xbrl/emit/naming.py",),
                     ("tests/test_naming.py", "tests/test_emit.py", "tests/test_csv.py", "tests/test_rules_real.py")),
}


def copy_tree(work: Path) -> None:
    """The working tree as git sees it (tracked and new files, nothing ignored) into `work`."""
    if work.exists():
        shutil.rmtree(work)
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, names):
        source, target = ROOT / name, work / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():  # a linked folder (src/iij_xbrl/schemas): mutmut's copy skips links, so copy it
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


# Module-level caches filled by mutmut's clean run would be inherited by every mutant's forked run, which would then
# read the original code's results (a fiscal span's splits, a publication's findings) and never run the mutant:
# each run starts cold instead.
CACHES = {"iij_xbrl.checks.implied": "_SPANS", "iij_xbrl.publication": "_CHECKED",
          "iij_xbrl.export.published": "_PARSED", "iij_xbrl.xbrl.command": "_LOADERS"}
_COLD = f"""

def pytest_sessionstart(session):  # appended by benchmarks/mutation.py to the copy's conftest
    import sys
    for name, module in list(sys.modules.items()):
        if name.startswith("iij_xbrl"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    for name, attr in {CACHES!r}.items():
        if name in sys.modules:
            getattr(sys.modules[name], attr).clear()
"""


def configure(work: Path, module: Module) -> None:
    with (work / "tests" / "conftest.py").open("a", encoding="utf-8") as f:
        f.write(_COLD)
    config = {"source_paths": ["src/"], "only_mutate": list(module.files),
              "pytest_add_cli_args_test_selection": [*module.tests, "-m", "not arelle"],
              "pytest_add_cli_args": ["-p", "no:cacheprovider", "-q"],
              "also_copy": ["sources", "taxonomy", "schemas"]}
    text = "\n[tool.mutmut]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in config.items())
    with (work / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write(text)


_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
print(json.dumps({name: get_diff_for_mutant(name) for name in json.load(sys.stdin)}))
"""


def results(work: Path, module: Module) -> dict[str, str]:
    """mutant name -> mutmut's status, for the module's files (and functions)."""
    from mutmut.stats import status_by_exit_code

    found = {}
    for file in module.files:
        meta = json.loads((work / "mutants" / f"{file}.meta").read_text(encoding="utf-8"))
        for name, code in meta["exit_code_by_key"].items():
            if not module.functions or any(fnmatch(name, pattern) for pattern in module.functions):
                found[name] = status_by_exit_code[code]
    return found


def function_of(name: str) -> str:
    """`Checker._range` for `...xǁCheckerǁ_range__mutmut_3`, `truncated` for `...x_truncated__mutmut_2`."""
    local = name.partition("__mutmut_")[0].rpartition(".")[2]
    if "ǁ" in local:
        _, cls, func = local.split("ǁ")
        return f"{cls}.{func}"
    return local.removeprefix("x_")


def changed_lines(diff: str) -> tuple[str, str]:
    """(original, mutated) lines of a one-place mutant's diff, whitespace collapsed."""
    minus = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    plus = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return " ".join(" ".join(minus).split()), " ".join(" ".join(plus).split())


def load_equivalent() -> dict[tuple[str, str, str, str], str]:
    listed = {}
    for number, line in enumerate(EQUIVALENT.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            if len(fields) != 5 or not fields[4].strip():
                sys.exit(f"{EQUIVALENT}:{number}: want file, function, original, mutated, reason (tab-separated)")
            listed[tuple(fields[:4])] = fields[4]
    return listed


def run_module(name: str, module: Module, args) -> dict:
    work = args.work / name
    copy_tree(work)
    configure(work, module)
    start = time.monotonic()
    proc = subprocess.run([str(Path(sys.executable).parent / "mutmut"), "run", "--max-children",
                           str(args.max_children), *module.functions], cwd=work, capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "CI"})
    seconds = time.monotonic() - start
    if proc.returncode != 0 or not (work / "mutants").exists():
        sys.exit(f"{name}: mutmut failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    status = results(work, module)
    alive = sorted(n for n, s in status.items() if s not in KILLED)
    diffs = json.loads(subprocess.run([sys.executable, "-c", _DIFFS], cwd=work, input=json.dumps(alive),
                                      capture_output=True, text=True, check=True).stdout) if alive else {}
    survivors = []
    for mutant in alive:
        file = next(f for f in module.files if mutant.startswith(f.removeprefix("src/").removesuffix(".py")
                                                                  .replace("/", ".") + "."))
        survivors.append((file, function_of(mutant), *changed_lines(diffs[mutant]), mutant, status[mutant]))
    return {"total": len(status), "killed": sum(s in KILLED for s in status.values()), "seconds": seconds,
            "survivors": survivors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    ap.add_argument("--max-children", type=int, default=2, help="mutants tested at once (2 cores)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/iij-xbrl-mutation"))
    ap.add_argument("--target", type=float, default=0.90)
    ap.add_argument("--list", action="store_true", help="print the modules, their files and tests")
    args = ap.parse_args()
    if args.list:
        for name, m in MODULES.items():
            print(f"{name}: {', '.join(m.files)}{' (' + ' '.join(m.functions) + ')' if m.functions else ''}\n"
                  f"    tests: {' '.join(m.tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        ap.error(f"unknown module {unknown[0]}: choose from {', '.join(MODULES)}")
    listed = load_equivalent()
    used, failed, rows = set(), False, []
    for name in args.modules or list(MODULES):
        module = MODULES[name]
        r = run_module(name, module, args)
        equivalent = [s for s in r["survivors"] if tuple(s[:4]) in listed]
        unlisted = [s for s in r["survivors"] if tuple(s[:4]) not in listed]
        used |= {tuple(s[:4]) for s in equivalent}
        score = r["killed"] / max(1, r["total"] - len(equivalent))
        failed |= score < args.target or bool(unlisted)
        rows.append((name, r["total"], r["killed"], len(equivalent), len(unlisted), score, r["seconds"]))
        for file, function, before, after, mutant, status in unlisted:
            print(f"{status}: {mutant}\n  {file} {function}\n  - {before}\n  + {after}")
    stale = [k for k in listed if any(k[0] in MODULES[n].files for n in args.modules or MODULES) and k not in used]
    for key in stale:
        print(f"stale entry in {EQUIVALENT.name} (no such survivor now): {' | '.join(key)}")
    print(f"\n{'module':<12} {'mutants':>8} {'killed':>7} {'equivalent':>11} {'survived':>9} {'score':>7} {'time':>7}")
    for name, total, killed, equivalent, survived, score, seconds in rows:
        print(f"{name:<12} {total:>8} {killed:>7} {equivalent:>11} {survived:>9} {score:>7.1%} {seconds:>6.0f}s")
    return 1 if failed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
