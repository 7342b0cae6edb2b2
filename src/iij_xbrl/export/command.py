"""`iij-xbrl export`: load the published data set into SQLite or PostgreSQL.

Facts are reloaded from the sources rather than from out/'s xBRL-JSON: the database
keeps every printed figure with its document, line and printed text (the instances
hold only the de-duplicated facts, without provenance), and its views choose the
authoritative value. Findings come from the `out/findings.json` that `publish` wrote,
so the database holds exactly the findings published beside the instances.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..xbrl.errors import InputError
from ..paths import Project
from .db import redact
from .load import export_to


def read_findings(out_dir: Path) -> list[dict]:
    from ..xbrl.findings import from_json

    path = Path(out_dir) / "findings.json"
    if not path.is_file():
        raise InputError(path, "no findings: run `iij-xbrl publish` first")
    try:
        return [f.to_dict() for f in from_json(path.read_text(encoding="utf-8"))]
    except ValueError as exc:
        raise InputError(path, f"not a findings list: {exc}") from None


def run(db_url: str, out_dir: Path, project: Project) -> int:
    from ..publication import load
    from .rows import calc_relationships_of

    findings = read_findings(out_dir)
    publication = load(project)
    taxonomy = publication.taxonomy
    counts = export_to(db_url, taxonomy, publication.filings, findings, calc_relationships_of(taxonomy),
                       documents_dir=project.sources)
    print(f"exported to {redact(db_url)}: {counts['facts']} facts, {counts['findings']} findings, "
          f"{counts['concepts']} concepts, {counts['calculation_relationships']} calculation relationships",
          file=sys.stdout)
    return 0
