"""`iij-xbrl export`: load what `publish` wrote (out/) into SQLite or PostgreSQL.

Only out/ is read: the taxonomy (taxonomy.json), every print with its document, line and printed text
(facts.csv), the findings (findings.json) and the documents' lines (documents/). An out/ that is incomplete or
was built from other sources than the project's current ones is refused: the database never mixes them.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..paths import Project
from ..xbrl.errors import InputError
from .db import redact
from .load import export_to
from .published import Published, read


def _load(db_url: str, published: Published) -> dict[str, int]:
    return export_to(db_url, published, published.filings, published.findings, published.calculations,
                     documents_dir=published.documents)


def load_published(db_url: str, out_dir: Path) -> dict[str, int]:
    """Load the publication in `out_dir` (checked against its manifest); row counts per table."""
    return _load(db_url, read(out_dir))


def run(db_url: str, out_dir: Path, project: Project) -> int:
    published = read(out_dir)
    if published.sources_digest != project.sources_digest():
        raise InputError(str(Path(out_dir) / "manifest.json"),
                         f"built from other sources than {project.root}'s current ones: publish again")
    counts = _load(db_url, published)
    print(f"exported to {redact(db_url)}: {counts['facts']} facts, {counts['findings']} findings, "
          f"{counts['concepts']} concepts, {counts['calculation_relationships']} calculation relationships",
          file=sys.stdout)
    return 0
