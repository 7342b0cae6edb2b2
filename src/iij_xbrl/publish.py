"""`iij-xbrl publish`: taxonomy package, per-filing XBRL instances, manifest — as one atomic replacement of out/.

The job is a list of stages, small functions sharing one `PublishContext`. Every stage writes only into
`ctx.stage_dir`, a fresh directory next to out/; only when all stages succeeded is it swapped in for out/,
so an interrupted or failed run leaves the previous out/ untouched and never a half-written package.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from . import atomic
from .emit import naming
from .emit.oim_json import to_json
from .emit.xbrl_xml import to_xml
from .xbrl.errors import InputError
from .model import Fact, Filing
from .paths import Project
from .publication import Publication
from .taxonomy.names import PACKAGE_FILE as TAXONOMY_PACKAGE

MANIFEST = "manifest.json"
DATABASE = "iij.sqlite"
DATA_PACKAGE = "iij-xbrl-data.zip"


@dataclass
class FilingSummary:
    filing: str
    documents: int
    facts: int
    contexts: int
    units: int
    warnings: int


@dataclass
class PublishContext:
    root: Path  # project root holding taxonomy/ and sources/
    out_dir: Path  # final destination, replaced as a whole at the end
    stage_dir: Path  # where every stage writes; becomes out_dir
    strict: bool = False
    db_url: str | None = None
    taxonomy_package: Path | None = None  # the package zip inside stage_dir
    publication: Publication | None = None
    findings: list = field(default_factory=list)  # xbrl.findings.Finding, as written to findings.json
    filings: list[Filing] = field(default_factory=list)  # de-duplicated: what the instances hold
    warnings: dict[str, list[str]] = field(default_factory=dict)  # filing id -> messages for the summary
    summaries: list[FilingSummary] = field(default_factory=list)
    exit_code: int = 0

    @cached_property
    def taxonomy(self):
        """The taxonomy's source of truth (taxonomy.source.Taxonomy), loaded once for every stage."""
        if self.publication is not None:
            return self.publication.taxonomy
        from .taxonomy.source import load

        return load(self.root / "taxonomy")

    def write(self, relative: str, data: bytes) -> Path:
        path = self.stage_dir / relative
        atomic.write_bytes(path, data)
        return path


Stage = Callable[[PublishContext], None]


def build_taxonomy(ctx: PublishContext) -> None:
    from .taxonomy.build import build

    build(ctx.root / "taxonomy", taxonomy=ctx.taxonomy)
    package = ctx.root / "taxonomy" / TAXONOMY_PACKAGE
    ctx.taxonomy_package = ctx.write(TAXONOMY_PACKAGE, package.read_bytes())


def load_sources(ctx: PublishContext) -> None:
    from . import publication

    ctx.publication = publication.load(Project(ctx.root))
    for filing in ctx.publication.filings:
        ctx.filings.append(filing.instance)
        ctx.warnings.setdefault(filing.id, []).extend(
            f"conflicting duplicates left out: {conflict}" for conflict in filing.conflicts)


def _count(facts: list[Fact]) -> tuple[int, int]:
    contexts = {naming.fact_context_id(f) for f in facts}
    units = {f.unit for f in facts if f.unit is not None}
    return len(contexts), len(units)


def emit_instances(ctx: PublishContext) -> None:
    """Per filing: its extension schema (the calculations it reports in full), the XML and xBRL-JSON instances."""
    from .emit.extension import write_extension

    for filing in ctx.filings:
        write_extension(filing, ctx.taxonomy, ctx.stage_dir / filing.id)
        schema = naming.extension_schema(filing.id)
        ctx.write(f"{filing.id}/{filing.id}.xbrl", to_xml(filing, schema))
        ctx.write(f"{filing.id}/{filing.id}.json", to_json(filing, schema))
        contexts, units = _count(filing.facts)
        ctx.summaries.append(FilingSummary(filing.id, len(filing.documents), len(filing.facts), contexts, units,
                                           len(ctx.warnings.get(filing.id, []))))


def write_findings(ctx: PublishContext) -> None:
    """out/findings.json: the IIJ consistency rules over the facts as printed; errors fail `--strict`."""
    from .xbrl.findings import to_json as findings_json

    ctx.findings = list(ctx.publication.findings)
    ctx.write("findings.json", findings_json(ctx.findings).encode())
    if ctx.strict and any(f.severity == "error" for f in ctx.findings):
        ctx.exit_code = max(ctx.exit_code, 1)


def emit_reports(ctx: PublishContext) -> None:
    """Per filing: xBRL-CSV, the inline XBRL report (with its findings beside the figures), a report package
    (the XML instance with the extension written by `emit_instances`)."""
    from .emit.extension import calculation_name
    from .emit.ixbrl import write_ixbrl
    from .emit.oim_csv import write_csv
    from .emit.packages import write_report_package

    for filing in ctx.filings:
        folder = ctx.stage_dir / filing.id
        schema = naming.extension_schema(filing.id)
        write_csv(filing, ctx.taxonomy, folder, schema)
        write_ixbrl(filing, ctx.taxonomy, [f for f in ctx.findings if f.filing == filing.id], folder, schema)
        write_report_package([folder / f"{filing.id}.xbrl", folder / schema, folder / calculation_name(filing.id)],
                             ctx.taxonomy_package, folder / f"{filing.id}.xbr")


def write_data_package(ctx: PublishContext) -> None:
    """One zip of everything published (less the database) with its own sha256 manifest."""
    from .emit.packages import write_data_package as write

    write(ctx.stage_dir, ctx.stage_dir / DATA_PACKAGE, exclude=[ctx.stage_dir / DATABASE])


def _staged_db_url(ctx: PublishContext) -> str:
    """The database URL to load; a SQLite file inside out/ is written in the stage so it is swapped in with it."""
    if ctx.db_url is None:
        return f"sqlite:///{ctx.stage_dir / DATABASE}"
    if ctx.db_url.startswith("sqlite:///"):
        path = Path(ctx.db_url[len("sqlite:///"):]).absolute()
        if path.is_relative_to(ctx.out_dir):
            return f"sqlite:///{ctx.stage_dir / path.relative_to(ctx.out_dir)}"
    return ctx.db_url


def export_database(ctx: PublishContext) -> None:
    """Concepts, every printed fact, calculation trees and findings, in one transaction."""
    from .export.load import export_to
    from .export.rows import calc_relationships_of

    export_to(_staged_db_url(ctx), ctx.taxonomy, ctx.publication.filings, ctx.findings, calc_relationships_of(ctx.taxonomy),
              documents_dir=ctx.root / "sources")


def write_manifest(ctx: PublishContext) -> None:
    """Hashes every file the stages wrote; runs last so later stages' files are listed too."""
    files = {}
    for path in sorted(p for p in ctx.stage_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(ctx.stage_dir).as_posix()
        if rel != MANIFEST:
            data = path.read_bytes()
            files[rel] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    filings = {}
    for filing, summary in zip(ctx.filings, ctx.summaries, strict=True):
        filings[filing.id] = {
            "title": filing.title, "documents": filing.files,
            "period": {"start": filing.period.start and filing.period.start.isoformat(),
                       "end": filing.period.end.isoformat()},
            "facts": summary.facts, "contexts": summary.contexts, "units": summary.units,
            "warnings": summary.warnings,
            "files": sorted(rel for rel in files if rel.startswith(f"{filing.id}/")),
        }
    manifest = {"taxonomy": {"package": TAXONOMY_PACKAGE, "entryPoint": naming.SCHEMA_URL},
                "filings": filings, "files": files}
    ctx.write(MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode())


# The job, in order. Each stage reads what earlier ones left in ctx and writes only into ctx.stage_dir;
# write_manifest stays last so that it hashes every file.
STAGES: list[Stage] = [
    build_taxonomy,
    load_sources,
    emit_instances,
    write_findings,
    emit_reports,
    export_database,
    write_data_package,
    write_manifest,
]


def print_summary(ctx: PublishContext, stream=None) -> None:
    stream = stream or sys.stdout
    header = ("filing", "documents", "facts", "contexts", "units", "warnings")
    rows = [header] + [(s.filing, *map(str, (s.documents, s.facts, s.contexts, s.units, s.warnings)))
                       for s in ctx.summaries]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))),
              file=stream)
    by_severity = {sev: sum(f.severity == sev for f in ctx.findings) for sev in ("error", "warning", "info")}
    files = sum(1 for p in ctx.out_dir.rglob("*") if p.is_file())
    print(f"{len(ctx.summaries)} filings, {sum(s.facts for s in ctx.summaries)} facts; findings: "
          + ", ".join(f"{n} {sev}" for sev, n in by_severity.items()), file=stream)
    print(f"wrote {files} files to {ctx.out_dir}", file=stream)


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


def publish(out_dir: Path, project: Project, strict: bool = False, db_url: str | None = None,
            stages: list[Stage] | None = None, stream=None) -> int:
    """Run every stage into a fresh directory and swap it in for out_dir; return the exit code."""
    root = project.root
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), "output path exists and is not a directory")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage_dir = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=out_dir.parent))
    try:
        ctx = PublishContext(root=root, out_dir=out_dir, stage_dir=stage_dir, strict=strict, db_url=db_url)
        stages = STAGES if stages is None else stages
        for number, stage in enumerate(stages, start=1):
            _progress(number, len(stages), stage)
            stage(ctx)
        _make_readable(stage_dir)
        swap_in(stage_dir, out_dir)
    finally:
        if stage_dir.exists():
            shutil.rmtree(stage_dir)
    print_summary(ctx, stream)
    return ctx.exit_code


def _progress(number: int, total: int, stage: Stage) -> None:
    """One line per stage on a terminal; nothing when stderr is piped or redirected."""
    if sys.stderr.isatty():
        print(f"[{number}/{total}] {stage.__name__.replace('_', ' ')}", file=sys.stderr, flush=True)
