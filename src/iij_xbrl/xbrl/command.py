"""Validation of XBRL reports: XBRL 2.1 and Dimensions validity, then Calculations 1.1 (round-to-nearest).

Each input is validated on its own (`validate_file`, a pure function of the path and the taxonomy
packages, picklable, so any executor can call it: a process pool with --jobs, Dask workers): one
unreadable file does not discard the others' results. A directory stands for the reports in it, recognised
by content (inputs.is_report). Exit code, the worst over the inputs: 0 valid and consistent, 1 valid with
error findings (calculation inconsistencies, disallowed duplicates; with --strict also warnings), 2 not
valid XBRL or not readable. On 2 the last line of stderr names the input, the line and the first error code.
"""
from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import calc11
from .dts import DtsLoader, Resolver
from .errors import InputError, shown
from .findings import Finding, Source, sort_key, to_json
from .formats import reports
from .inputs import STDIN, STDIN_SHOWN, is_report


@dataclass
class Result:
    """What validating one input found."""

    path: str  # as given, printable
    findings: list[Finding] = field(default_factory=list)  # validity errors first, then calculation findings
    invalid: bool = False  # not valid XBRL, or not readable: exit 2
    counts: dict[str, int] = field(default_factory=dict)  # facts, contexts, units, networks
    first_error: str | None = None  # the one-line summary of the first validity error

    def exit_code(self, strict: bool = False) -> int:
        if self.invalid:
            return 2
        failing = {"error", "warning"} if strict else {"error"}
        return 1 if any(f.severity in failing for f in self.findings) else 0

    def summary(self, strict: bool = False) -> str:
        c = self.counts
        checked = (f"{c.get('facts', 0):,} facts, {c.get('contexts', 0):,} contexts, {c.get('units', 0):,} units, "
                   f"{c.get('networks', 0):,} calculation networks checked" if c else "not read")
        if self.invalid:
            n = sum(1 for f in self.findings if f.severity == "error")
            verdict = f"INVALID ({n:,} error{'s' * (n != 1)}; first: {self.first_error})"
        else:
            n = sum(1 for f in self.findings if f.severity == "error")
            verdict = "valid, calculations consistent" if not n else f"valid, {n:,} calculation error{'s' * (n != 1)}"
        return f"{self.path}: {checked}: {verdict}"


def _input_finding(path: str, exc: InputError) -> tuple[Finding, str]:
    """A read failure as a finding, and its one-line form (naming the referenced file when the defect is there)."""
    elsewhere = exc.path != path
    where = f"{exc.path}:{exc.line}" if exc.line is not None else exc.path
    message = f"{'in ' + where + ': ' if elsewhere else ''}{exc.message}"
    line = None if elsewhere else exc.line
    finding = Finding(rule=exc.code or "IOerror", severity="error", message=message, filing=path,
                      sources=[Source(document=path, line=line)])
    return finding, f"{path}{'' if line is None else f':{line}'}: {finding.rule}: {message}"


def validate_file(path: Path | str, packages: Iterable[Path | str] = (), truncate: bool = False) -> Result:
    """Validate the input at `path` ("-": standard input), in any format formats.py reads, resolving published
    taxonomy URLs through the taxonomy package zips `packages`. A pure function of its arguments (and the files
    they name), picklable with its Result: what a process pool or a Dask worker calls. Parsed taxonomies are kept
    per process (loader), so the tasks a worker runs read a shared taxonomy once."""
    with _no_gc():
        return _validate(path, loader(packages), truncate)


_LOADERS: dict[tuple, DtsLoader] = {}


def loader(packages: Iterable[Path | str] = ()) -> DtsLoader:
    """This process's DtsLoader for `packages`, made again when a package zip changed on disk."""
    paths = tuple(str(p) for p in packages)
    key = tuple((p, *_stamp(p)) for p in paths)
    found = _LOADERS.get(key)
    if found is None:
        _LOADERS.clear()  # one set of packages at a time: a long-lived worker does not accumulate taxonomies
        found = _LOADERS[key] = DtsLoader(Resolver([Path(p) for p in paths]))
    return found


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)  # Resolver names the file in its error
    return info.st_mtime_ns, info.st_size


def _validate(path: Path | str, loader: DtsLoader, truncate: bool = False, keep: list | None = None) -> Result:
    name = STDIN_SHOWN if str(path) == STDIN else shown(path)
    result = Result(name)
    try:
        if str(path) != STDIN and os.path.isdir(path):
            raise InputError(name, "refused: a directory holding no XBRL report (instances, inline XBRL, xBRL-JSON, "
                             "xBRL-CSV metadata and report packages are recognised by content)", code="IOerror")
        found = reports(path, loader, name)
    except (InputError, RecursionError, MemoryError, ValueError, OverflowError) as exc:
        if not isinstance(exc, InputError):
            # A reader defect on input nobody anticipated: this input is not judged (exit 2), the others still are.
            exc = InputError(name, f"cannot be read ({type(exc).__name__}: {exc})", code="internalError")
        finding, line = _input_finding(name, exc)
        result.findings, result.invalid, result.first_error = [finding], True, line
        return result
    for report in found:
        for code, line, message in report.problems:
            result.findings.append(Finding(rule=code, severity="error", message=message, filing=name,
                                           sources=[Source(document=report.path, line=line)]))
        for code, more in report.problems.omitted().items():
            result.findings.append(Finding(rule=code, severity="error", message=f"{more:,} more {code} errors not "
                                           "listed", filing=name, sources=[Source(document=report.path)]))
    if result.findings:
        first = result.findings[0]
        where = first.sources[0].document if first.sources[0].document != name else name
        where = f"{where}:{first.sources[0].line}" if first.sources[0].line else where
        result.invalid, result.first_error = True, f"{where}: {first.rule}: {first.message}"
    counts: dict[str, int] = {}
    for report in found:
        result.findings.extend(calc11.check(report, truncate=truncate))
        for key, n in dict(report.counts, networks=len(report.dts.networks)).items():
            counts[key] = counts.get(key, 0) + n
    result.counts = counts
    if keep is not None:
        keep[:] = found  # the last input's fact tables, which a process about to end need not free
    return result


class _no_gc:
    """Reading allocates ~5 objects per fact and none of them form cycles: the cyclic collector would only
    rescan them over and over (about a third of the run time at 100k facts)."""

    def __enter__(self) -> None:
        self.collecting = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self.collecting:
            gc.enable()


def expand(paths: Iterable[Path | str]) -> list[Path | str]:
    """The inputs `paths` stand for: a directory, the reports below it (recognised by content, in name order,
    hidden files and folders skipped), or itself when it holds none (its result then says so). Anything else
    as given."""
    found: list[Path | str] = []
    for path in paths:
        if str(path) == STDIN or not os.path.isdir(path):
            found.append(path)
            continue
        inside = []
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            inside += [Path(folder) / name for name in sorted(files) if not name.startswith(".")
                       and is_report(Path(folder) / name)]
        found += inside or [path]
    return found


def validate_files(paths: list[Path], packages: list[Path], truncate: bool = False, jobs: int = 1,
                   keep: list | None = None) -> list[Result]:
    """Results of `paths` (directories expanded) in their order; with `jobs` > 1 on a pool of that many
    processes, each keeping its parsed taxonomies across the inputs it is given. `keep` (a list) receives the
    last input's reports instead of freeing them, and the cyclic collector is left off from then on: for a
    process that ends once it has printed the results."""
    inputs = expand(paths)
    jobs = min(jobs, len(inputs))
    if jobs <= 1 or STDIN in map(str, inputs):
        found = loader(packages)  # one DTS cache for every input
        results = []
        for i, path in enumerate(inputs):  # the collector off while a file is read, on between files: garbage
            if keep is not None and i == len(inputs) - 1:  # cannot pile up
                gc.disable()  # ... but the last reports are kept to the end: scanning them would be wasted
                results.append(_validate(path, found, truncate, keep))
                continue
            with _no_gc():
                results.append(_validate(path, found, truncate))
        return results
    from concurrent.futures import ProcessPoolExecutor

    loader(packages)  # a bad package zip is one error here, not one per task; forked workers inherit the loader
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(validate_file, inputs, [packages] * len(inputs), [truncate] * len(inputs),
                             chunksize=max(1, min(16, len(inputs) // (4 * jobs)))))


def validate(paths: list[Path], packages: list[Path], truncate: bool = False) -> list[Finding]:
    """Every finding over `paths`, sorted; InputError for the first input that cannot be read."""
    findings: list[Finding] = []
    for result in validate_files(paths, packages, truncate):
        if result.invalid and not result.counts:
            first = result.findings[0]
            raise InputError(result.path, first.message, first.sources[0].line, code=first.rule)
        findings.extend(result.findings)
    return sorted(findings, key=sort_key)


def exit_code(findings: list[Finding], strict: bool) -> int:
    failing = {"error", "warning"} if strict else {"error"}
    return 1 if any(f.severity in failing for f in findings) else 0


def run(paths: list[Path], fmt: str = "text", strict: bool = False, packages: list[Path] | None = None,
        jobs: int = 1, exit_after: bool = False) -> int:
    """Validate `paths`, print findings and summaries, return the exit code; with `exit_after`, end the process
    with it once the output is flushed (the command line's way)."""
    kept: list = []
    results = validate_files(paths, list(packages or []), jobs=jobs, keep=kept if exit_after else None)
    findings = sorted((f for r in results for f in r.findings), key=sort_key)
    if fmt == "json":
        sys.stdout.write(to_json(findings))
    else:
        for f in findings:
            sys.stdout.write(f.line() + "\n")
        for r in results:
            sys.stdout.write(r.summary(strict) + "\n")
    sys.stdout.flush()
    for r in results:
        if r.invalid:
            sys.stderr.write(f"error: {r.first_error}\n")
    code = max((r.exit_code(strict) for r in results), default=0)
    if exit_after:
        # Nothing is left to do but free memory: the operating system takes the fact table back at once, where
        # freeing it object by object (and tearing the interpreter down) costs a tenth of a run at 100k facts.
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(code)
    return code
