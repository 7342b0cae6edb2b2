"""`iij-xbrl publish`: every output of the publication, then the database, as one atomic replacement of out/.

The publication is loaded first (bad input stops here, nothing written); each emitter of `emit.registry` returns
its files and publish writes them into a fresh stage directory next to out/, then loads the database from that
stage with the code `iij-xbrl export` runs. Only when all of it succeeded is the stage swapped in for out/, so an
interrupted or failed run leaves the previous out/ untouched. Nothing outside the stage is written: the
taxonomy files are rendered in memory (only `iij-xbrl taxonomy build` writes taxonomy/).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from . import atomic
from .emit import naming
from .emit.registry import EMITTERS
from .publication import Publication
from .xbrl.errors import InputError

DATABASE = "iij.sqlite"

Emitter = Callable[[Publication], dict[str, bytes]]


def _staged_db_url(db_url: str | None, stage_dir: Path, out_dir: Path) -> str:
    """The database URL to load; a SQLite file inside out/ is written in the stage so it is swapped in with it."""
    if db_url is None:
        return f"sqlite:///{stage_dir / DATABASE}"
    if db_url.startswith("sqlite:///"):
        path = Path(db_url[len("sqlite:///"):]).absolute()
        if path.is_relative_to(out_dir):
            return f"sqlite:///{stage_dir / path.relative_to(out_dir)}"
    return db_url


def print_summary(publication: Publication, out_dir: Path, stream=None) -> None:
    stream = stream or sys.stdout
    header = ("filing", "documents", "facts", "contexts", "units", "warnings")
    rows = [header]
    for f in publication.filings:
        contexts = len({naming.fact_context_id(x) for x in f.facts})
        units = len({x.unit for x in f.facts if x.unit is not None})
        rows.append((f.id, *map(str, (len(f.spec.documents), len(f.facts), contexts, units, len(f.conflicts)))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))),
              file=stream)
    by_severity = {sev: sum(f.severity == sev for f in publication.findings) for sev in ("error", "warning", "info")}
    files = sum(1 for p in out_dir.rglob("*") if p.is_file())
    print(f"{len(publication.filings)} filings, {sum(len(f.facts) for f in publication.filings)} facts; findings: "
          + ", ".join(f"{n} {sev}" for sev, n in by_severity.items()), file=stream)
    print(f"wrote {files} files to {out_dir}", file=stream)


_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directory entries (Linux renameat2); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0


def swap_in(stage_dir: Path, out_dir: Path) -> None:
    """Make stage_dir the new out_dir; the old out_dir is only deleted once the new one is in place."""
    if not out_dir.exists():
        os.replace(stage_dir, out_dir)
        return
    if _exchange(stage_dir, out_dir):
        shutil.rmtree(stage_dir)  # now holds the previous out/
        return
    # Two renames: a crash between them leaves the previous output at `old`, never lost.
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old.", dir=out_dir.parent))
    os.replace(out_dir, old / out_dir.name)
    os.replace(stage_dir, out_dir)
    shutil.rmtree(old)


def _make_readable(directory: Path) -> None:
    """mkdtemp/mkstemp create 0700 dirs and 0600 files; published output is for everyone to read."""
    directory.chmod(0o755)
    for path in directory.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def publish(out_dir: Path, publication: Publication, strict: bool = False, db_url: str | None = None,
            emitters: Iterable[tuple[str, Emitter]] | None = None, load_database: bool = True, stream=None) -> int:
    """Write every emitter's files into a fresh directory, load the database from it, swap it in for out_dir;
    return the exit code (1 with `strict` when a finding is an error)."""
    from .export.command import load_published

    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), "output path exists and is not a directory")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage_dir = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    try:
        chosen = list(EMITTERS.items() if emitters is None else emitters)
        for number, (name, emit) in enumerate(chosen, start=1):
            _progress(number, len(chosen) + load_database, name)
            for rel, data in emit(publication).items():
                atomic.write_bytes(stage_dir / rel, data)
        if load_database:
            _progress(len(chosen) + 1, len(chosen) + 1, "database")
            load_published(_staged_db_url(db_url, stage_dir, out_dir), stage_dir)
        _make_readable(stage_dir)
        swap_in(stage_dir, out_dir)
    finally:
        if stage_dir.exists():
            shutil.rmtree(stage_dir)
    print_summary(publication, out_dir, stream)
    return 1 if strict and any(f.severity == "error" for f in publication.findings) else 0


def _progress(number: int, total: int, name: str) -> None:
    """One line per step on a terminal; nothing when stderr is piped or redirected."""
    if sys.stderr.isatty():
        print(f"[{number}/{total}] {name}", file=sys.stderr, flush=True)
