"""`iij-xbrl publish`: every output of the publication, then the database, as one atomic replacement of out/.

The publication is loaded first (bad input stops here, nothing written); each emitter of `emit.registry` returns
its files and publish writes them into a fresh stage directory next to out/, then loads the database from that
stage with the code `iij-xbrl export` runs. Only when all of it succeeded is the stage swapped in for out/, so an
interrupted or failed run leaves the previous out/ untouched. Nothing outside the stage is written: the
taxonomy files are rendered in memory (only `iij-xbrl taxonomy build` writes taxonomy/).
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from .emit import naming, viewer
from .emit.manifest import MANIFEST
from .taxonomy.names import PACKAGE_FILE
from .emit.registry import EMITTERS
from .publication import Publication
from .xbrl.errors import InputError
from .xbrl.xmlsafe import read_regular

DATABASE = "iij.sqlite"

Emitter = Callable[[Publication], dict[str, bytes]]


def _staged_db_url(db_url: str | None, stage_dir: Path, out_dir: Path) -> str:
    """The database URL to load; a SQLite file inside out/ is written in the stage so it is swapped in with it,
    starting from a copy of the previous one so its history of loads goes on."""
    path = out_dir / DATABASE if db_url is None else None
    if db_url is not None and db_url.startswith("sqlite:///"):
        path = Path(db_url[len("sqlite:///"):]).absolute()
    if path is None or not path.is_relative_to(out_dir):
        return str(db_url)
    staged = stage_dir / path.relative_to(out_dir)
    if path.is_file():
        staged.parent.mkdir(parents=True, exist_ok=True)
        # SQLite's backup: a consistent copy even of a file another process is writing (a copy of the bytes
        # could miss a journal)
        try:
            with contextlib.closing(sqlite3.connect(path)) as source, \
                    contextlib.closing(sqlite3.connect(staged)) as copy:
                source.backup(copy)
        except sqlite3.Error as exc:
            raise InputError(str(path), f"cannot read the previous database to continue its history: {exc}") \
                from None
    return f"sqlite:///{staged}"


def own_extras(filings) -> set[str]:
    """Files publish writes beside the manifest's list (not in it: they are not deterministic bytes): the
    database and, with --viewer, each filing's viewer page and script."""
    return {DATABASE, *(f"{f}/{name}" for f in filings for name in viewer_files(f))}


def viewer_files(filing: str) -> tuple[str, str]:
    return (f"{filing}-viewer.html", "ixbrlviewer.js")


def check_out(out_dir: Path) -> None:
    """Refuse (InputError, nothing touched) an out_dir publish may not replace: only a missing or empty folder,
    or an earlier publication holding nothing but what its manifest lists and publish's own extras, is ours."""
    if not out_dir.exists() and not out_dir.is_symlink():
        return
    if out_dir.is_symlink() or not out_dir.is_dir():
        raise InputError(str(out_dir), "exists and is not a folder: choose a new or empty folder for --out")
    try:
        if next(out_dir.iterdir(), None) is None:
            return
    except OSError as exc:
        raise InputError(str(out_dir), f"cannot be read: {exc.strerror}: choose a new or empty folder for --out") \
            from None
    manifest = out_dir / MANIFEST
    try:
        listed = json.loads(read_regular(manifest))
        files, filings = listed["files"], listed["filings"]
        if not (isinstance(files, dict) and isinstance(filings, dict)):  # JSON objects: their keys are names
            raise TypeError("a manifest maps file and filing names")
        ours = set(files) | own_extras(filings) | {MANIFEST}
    except (InputError, ValueError, KeyError, TypeError):
        raise InputError(str(out_dir), "is not empty and holds no publication (no readable manifest.json); "
                         "publish replaces only its own output: choose a new or empty folder for --out") from None
    # only now the whole tree: --out / or a home folder is refused above without walking the file system
    entries = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*"))
    folders = {parent.as_posix() for rel in ours for parent in Path(rel).parents} - {"."}
    foreign = [rel for rel in entries if not (rel in ours and (out_dir / rel).is_file()
                                              and not (out_dir / rel).is_symlink()) and rel not in folders]
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise InputError(str(out_dir), f"holds {foreign[0]}{more}, which publish did not write; publish replaces "
                         "only its own output: move it away or choose another folder for --out")


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


def _write_viewers(stage_dir: Path, publication: Publication) -> None:
    """Each filing's report inside Arelle's ixbrl-viewer, beside the report (its links to ../documents/ work)."""
    for f in publication.filings:
        page, _ = viewer_files(f.id)
        viewer.write_viewer(stage_dir / f.id / f"{f.id}.xhtml", stage_dir / PACKAGE_FILE, stage_dir / f.id, page)


class Stages:
    """Wall and CPU seconds per stage of a publish, printed with --verbose."""

    def __init__(self) -> None:
        self.times: list[tuple[str, float, float]] = []

    @contextlib.contextmanager
    def __call__(self, name: str):
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.times.append((name, time.perf_counter() - wall, time.process_time() - cpu))

    def print(self, stream) -> None:
        width = max(len(name) for name, _, _ in self.times)
        print(f"{'stage':<{width}}  wall s   CPU s", file=stream)
        for name, wall, cpu in self.times:
            print(f"{name:<{width}}  {wall:6.3f}  {cpu:6.3f}", file=stream)
        print(f"{'total':<{width}}  {sum(t[1] for t in self.times):6.3f}  {sum(t[2] for t in self.times):6.3f}",
              file=stream)


def publish(out_dir: Path, publication: Publication, strict: bool = False, db_url: str | None = None,
            emitters: Iterable[tuple[str, Emitter]] | None = None, load_database: bool = True, stream=None,
            with_viewer: bool = False, stages: Stages | None = None) -> int:
    """Write every emitter's files into a fresh directory, load the database from it, swap it in for out_dir;
    return the exit code (1 with `strict` when a finding is an error). `with_viewer` adds each report inside
    Arelle's ixbrl-viewer (optional extra `viewer`). `stages` collects the time each stage took."""
    from .export.command import load_published

    stages = stages or Stages()
    out_dir = Path(out_dir).absolute()
    check_out(out_dir)
    if with_viewer and not viewer.available():
        raise InputError("--viewer", "needs Arelle's ixbrl-viewer: pip install 'iij-xbrl[viewer]'")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        stage_dir = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    except OSError as e:  # a parent that is a file, a read-only or full disk: nothing was written
        blocker = next((p for p in out_dir.parents if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is a file, not a folder" if blocker else (e.strerror or str(e))
        raise InputError(str(out_dir), f"cannot be created: {why}") from None
    try:
        chosen = list(EMITTERS.items() if emitters is None else emitters)
        steps = len(chosen) + load_database + with_viewer
        with _Flusher() as flusher:
            for number, (name, emit) in enumerate(chosen, start=1):
                _progress(number, steps, name)
                with stages(name):
                    for rel, data in emit(publication).items():
                        flusher.write(stage_dir / rel, data)
            if load_database:
                _progress(len(chosen) + 1, steps, "database")
                with stages("database"):
                    load_published(_staged_db_url(db_url, stage_dir, out_dir), stage_dir)
            if with_viewer:
                _progress(steps, steps, "ixbrl-viewer")
                with stages("ixbrl-viewer"):
                    _write_viewers(stage_dir, publication)
            with stages("swap into place"):
                flusher.wait()
                _make_readable(stage_dir)
                swap_in(stage_dir, out_dir)
    finally:
        if stage_dir.exists():
            shutil.rmtree(stage_dir)
    print_summary(publication, out_dir, stream)
    return 1 if strict and any(f.severity == "error" for f in publication.findings) else 0


class _Flusher:
    """Writes the stage's files and flushes each to disk (fsync) on background threads while the next stages
    run: a hundred fsyncs one after another kept a publish waiting for the disk for about 0.3 s. `wait` returns
    once all are on disk (or raises the first failure), and the swap comes after it: out/ is replaced only by
    files on disk, as before. Plain writes are enough in the fresh stage folder: a crash leaves at worst a
    half-written stage, which is never swapped in."""

    def __enter__(self) -> "_Flusher":
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="fsync")
        self.pending: list = []
        return self

    def write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
        self.pending.append(self.pool.submit(_fsync, path))

    def wait(self) -> None:
        for done in self.pending:
            done.result()

    def __exit__(self, *exc) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _progress(number: int, total: int, name: str) -> None:
    """One line per step on a terminal; nothing when stderr is piped or redirected."""
    if sys.stderr.isatty():
        print(f"[{number}/{total}] {name}", file=sys.stderr, flush=True)
